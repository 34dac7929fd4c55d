"""e84segment:sagemakerendpoints: list the live endpoints the plugin created, and delete them."""
import json

from qgis.core import QgsProcessingException, QgsProcessingOutputNumber, QgsProcessingOutputString, QgsProcessingParameterString

from . import aws_common
from .base import E84Algorithm
from ..i18n import tr


class ManageEndpointsAlgorithm(E84Algorithm):
    ID = "sagemakerendpoints"
    TITLE = "SageMaker endpoints (list, delete)"
    GROUP = "sagemaker"
    DELETE = "DELETE"
    ENDPOINTS = "ENDPOINTS"
    COUNT = "COUNT"

    def shortHelpString(self):
        return (
            "Lists the SageMaker endpoints in the region that carry the plugin's tag: each bills every hour until it is "
            "deleted. DELETE takes endpoint names (comma-separated) and deletes each with its configuration and model; "
            "only endpoints of the plugin can be deleted here."
        )

    def initAlgorithm(self, config=None):
        aws_common.add_parameters(self)
        self.addParameter(QgsProcessingParameterString(self.DELETE, "Endpoints to delete (comma-separated names)", "", optional=True))
        self.addOutput(QgsProcessingOutputString(self.ENDPOINTS, "Live endpoints of the plugin (JSON)"))
        self.addOutput(QgsProcessingOutputNumber(self.COUNT, "Live endpoints of the plugin"))

    def processAlgorithm(self, parameters, context, feedback):
        settings = aws_common.settings(self, parameters, context)
        from ..backends.sagemaker import endpoints

        wanted = [n.strip() for n in self.parameterAsString(parameters, self.DELETE, context).split(",") if n.strip()]
        with aws_common.aws_errors("Listing endpoints"):
            sm = settings.client("sagemaker")
            live = endpoints.list_ours(sm)
            ours = {e.name for e in live}
            unknown = [n for n in wanted if n not in ours]
            if unknown:
                raise QgsProcessingException(
                    tr("Not an endpoint of the plugin in this region: {}. Live ones: {}")
                    .format(', '.join(unknown), ', '.join(sorted(ours)) or 'none')
                )
            for name in wanted:
                endpoints.delete(sm, endpoints.deployment_of(sm, name), report=feedback.pushInfo)
            live = [e for e in live if e.name not in wanted]
        for e in live:
            feedback.pushWarning(tr("{}: {}, created {} (bills hourly until deleted)")
                                 .format(e.name, e.status, e.created))
        if not live:
            feedback.pushInfo(tr("No live endpoints of the plugin in this region"))
        return {self.ENDPOINTS: json.dumps([e.__dict__ for e in live]), self.COUNT: len(live)}

"""e84segment:checkaws: who am I, can I reach the bucket, can SageMaker assume the role."""
from qgis.core import (
    QgsProcessingOutputBoolean,
    QgsProcessingOutputString,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from . import aws_common
from .base import E84Algorithm


class CheckAwsAlgorithm(E84Algorithm):
    ID = "checkaws"
    TITLE = "Check AWS connection"
    GROUP = "sagemaker"
    S3_URI = "S3_URI"
    ROLE_ARN = "ROLE_ARN"
    INSTANCE_TYPE = "INSTANCE_TYPE"
    HOURS = "HOURS"
    OK = "OK"
    REPORT = "REPORT"

    def shortHelpString(self):
        return (
            "Checks the AWS settings before anything is submitted: who the caller is (STS GetCallerIdentity), whether "
            "the bucket of S3_URI is reachable, and whether the SageMaker execution role exists and trusts SageMaker. "
            "Each failure says what to change. Nothing is created or changed. With INSTANCE_TYPE it also estimates what "
            "HOURS of training on it cost, from the AWS Price List API."
        )

    def initAlgorithm(self, config=None):
        aws_common.add_parameters(self)
        self.addParameter(QgsProcessingParameterString(self.S3_URI, "S3 location (s3://bucket/prefix/)", optional=True))
        self.addParameter(QgsProcessingParameterString(self.ROLE_ARN, "SageMaker execution role ARN", optional=True))
        self.addParameter(QgsProcessingParameterString(self.INSTANCE_TYPE, "Training instance type to price", optional=True))
        self.addParameter(
            QgsProcessingParameterNumber(self.HOURS, "Training hours to price", QgsProcessingParameterNumber.Double, 2.0, minValue=0.0)
        )
        self.addOutput(QgsProcessingOutputBoolean(self.OK, "All checks passed"))
        self.addOutput(QgsProcessingOutputString(self.REPORT, "Report"))

    def processAlgorithm(self, parameters, context, feedback):
        settings = aws_common.settings(self, parameters, context)
        from ..backends.sagemaker import aws, contract

        uri = self.parameterAsString(parameters, self.S3_URI, context).strip()
        with aws_common.aws_errors("Checking the connection"):
            bucket = contract.parse_s3_uri(uri)[0] if uri else ""
            try:
                checks = aws.check_connection(settings, bucket, self.parameterAsString(parameters, self.ROLE_ARN, context).strip())
            except aws.AwsError as error:
                checks = [aws.Check("identity", False, str(error))]
        instance = self.parameterAsString(parameters, self.INSTANCE_TYPE, context).strip()
        if instance and checks[0].ok:
            from ..backends.sagemaker import pricing

            estimate = pricing.estimate(settings, settings.session().region_name, instance, self.parameterAsDouble(parameters, self.HOURS, context))
            checks.append(aws.Check("cost", True, estimate.text))  # informative: an unknown price blocks nothing
        for check in checks:
            (feedback.pushInfo if check.ok else feedback.reportError)(("OK: " if check.ok else "Problem: ") + check.message)
        ok = all(check.ok for check in checks)
        report = "\n".join(check.message for check in checks)
        return {self.OK: ok, self.REPORT: report}

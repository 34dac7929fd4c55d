"""At start-up, warn about SageMaker endpoints the plugin left running: each bills every hour.

Only when the analyst has set an AWS region (offline users never reach the network), and in the
background through the same algorithm the Processing toolbox offers.
"""
from qgis.core import Qgis

from ..i18n import tr
from .runner import AlgorithmRun
from .settings import Settings


def check_live_endpoints(iface, parent=None):
    """Starts the check; returns the run (keep a reference while it works) or None."""
    settings = Settings()
    if not settings.aws_region:
        return None
    from .. import dependencies

    if dependencies.missing(dependencies.AWS_PACKAGES):
        return None
    run = AlgorithmRun("e84segment:sagemakerendpoints", {"PROFILE": settings.aws_profile, "REGION": settings.aws_region}, parent)

    def finished(ok, results, log):
        count = int(results.get("COUNT") or 0) if ok else 0
        if count:
            iface.messageBar().pushMessage(
                "e84 segment",
                tr("{} SageMaker endpoint(s) created by the plugin are live in {} and bill every hour: delete them with "
                   "Processing > e84 segment > SageMaker endpoints (list, delete).").format(count, settings.aws_region),
                Qgis.MessageLevel.Warning,
                0,
            )

    run.finished.connect(finished)
    run.start()
    return run

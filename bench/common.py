"""What both benchmarks need: a headless QGIS with Processing and the plugin's provider."""
import sys


def start_qgis():
    """Returns (app, provider, processing); keep the first two referenced while they are used."""
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    import processing
    from processing.core.Processing import Processing

    from e84_segment.processing.provider import E84Provider

    Processing.initialize()
    provider = E84Provider()
    QgsApplication.processingRegistry().addProvider(provider)
    return app, provider, processing

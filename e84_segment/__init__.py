"""e84 segment: building footprints from imagery and OpenStreetMap.

QGIS imports this module at start-up: it must stay cheap, so the plugin itself (and with it Qt
widgets, Processing, and later torch or boto3) loads only when QGIS asks for it.
"""


def classFactory(iface):  # noqa: N802 (QGIS's name)
    from .plugin import E84SegmentPlugin

    return E84SegmentPlugin(iface)

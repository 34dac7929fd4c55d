"""Layer post-processors: outputs load into QGIS already styled (applied on the main thread)."""
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsProcessingLayerPostProcessorInterface,
    QgsRendererCategory,
    QgsVectorLayer,
)

SPLIT_COLOURS = {"train": "31,120,180", "validation": "255,127,0"}


def style_tiles_by_split(layer: QgsVectorLayer) -> None:
    categories = []
    for split, colour in SPLIT_COLOURS.items():
        symbol = QgsFillSymbol.createSimple(
            {"color": f"{colour},40", "outline_color": f"{colour},255", "outline_width": "0.4"}
        )
        categories.append(QgsRendererCategory(split, symbol, split))
    layer.setRenderer(QgsCategorizedSymbolRenderer("split", categories))
    layer.triggerRepaint()


class TilesStyler(QgsProcessingLayerPostProcessorInterface):
    # QGIS keeps only a pointer to a post-processor: Python must hold the object until it runs.
    _instance = None

    def postProcessLayer(self, layer, context, feedback):
        if isinstance(layer, QgsVectorLayer):
            style_tiles_by_split(layer)

    @classmethod
    def create(cls) -> "TilesStyler":
        cls._instance = cls()
        return cls._instance

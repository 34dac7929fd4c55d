"""Layer post-processors: outputs load into QGIS already styled (applied on the main thread)."""
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsColorRampShader,
    QgsFillSymbol,
    QgsPalettedRasterRenderer,
    QgsProcessingLayerPostProcessorInterface,
    QgsRasterLayer,
    QgsRasterShader,
    QgsRendererCategory,
    QgsSingleBandPseudoColorRenderer,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor

SPLIT_COLOURS = {"train": "31,120,180", "validation": "255,127,0"}
BUILDING_RED = QColor(227, 26, 28, 128)  # half transparent, so the imagery shows through


class Styler(QgsProcessingLayerPostProcessorInterface):
    """Base: ``create()`` returns an instance Python keeps alive (QGIS holds only a pointer)."""

    layer_type = QgsVectorLayer
    _alive = []

    def postProcessLayer(self, layer, context, feedback):
        if isinstance(layer, self.layer_type):
            self.style(layer)
            layer.triggerRepaint()

    def style(self, layer) -> None:
        raise NotImplementedError

    @classmethod
    def create(cls) -> "Styler":
        instance = cls()
        Styler._alive.append(instance)
        return instance


def outline_symbol(colour: str, fill_alpha: int, width: str = "0.4", style: str = "solid") -> QgsFillSymbol:
    return QgsFillSymbol.createSimple(
        {"color": f"{colour},{fill_alpha}", "outline_color": f"{colour},255", "outline_width": width, "outline_style": style}
    )


def style_tiles_by_split(layer: QgsVectorLayer) -> None:
    categories = [QgsRendererCategory(split, outline_symbol(colour, 40), split) for split, colour in SPLIT_COLOURS.items()]
    layer.setRenderer(QgsCategorizedSymbolRenderer("split", categories))


class TilesStyler(Styler):
    def style(self, layer):
        style_tiles_by_split(layer)


class ClassesStyler(Styler):
    layer_type = QgsRasterLayer

    def style(self, layer):
        classes = [
            QgsPalettedRasterRenderer.Class(0, QColor(0, 0, 0, 0), "background"),
            QgsPalettedRasterRenderer.Class(1, BUILDING_RED, "building"),
        ]
        layer.setRenderer(QgsPalettedRasterRenderer(layer.dataProvider(), 1, classes))


class ProbabilityStyler(Styler):
    layer_type = QgsRasterLayer

    def style(self, layer):
        ramp = QgsColorRampShader(0, 255)
        ramp.setColorRampType(QgsColorRampShader.Interpolated)
        ramp.setColorRampItemList(
            [
                QgsColorRampShader.ColorRampItem(0, QColor(68, 1, 84, 0), "0"),
                QgsColorRampShader.ColorRampItem(128, QColor(33, 145, 140, 160), "0.5"),
                QgsColorRampShader.ColorRampItem(255, QColor(253, 231, 37, 220), "1"),
            ]
        )
        shader = QgsRasterShader()
        shader.setRasterShaderFunction(ramp)
        layer.setRenderer(QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader))


def _single(colour: str, fill_alpha: int, width: str = "0.4", style: str = "solid"):
    class _Styler(Styler):
        def style(self, layer):
            layer.setRenderer(QgsSingleSymbolRenderer(outline_symbol(colour, fill_alpha, width, style)))

    return _Styler


FootprintsStyler = _single("227,26,28", 90)
MatchedStyler = _single("51,160,44", 60)
PredictedOnlyStyler = _single("255,127,0", 140, "0.6")  # candidates OSM lacks: stand out
ReferenceOnlyStyler = _single("106,61,154", 0, "0.6", "dash")  # OSM buildings the imagery does not show

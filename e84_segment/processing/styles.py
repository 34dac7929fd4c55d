"""Layer post-processors: outputs load into QGIS already styled (applied on the main thread)."""
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsGraduatedSymbolRenderer,
    QgsRendererRange,
    QgsColorRampShader,
    QgsFillSymbol,
    QgsPalettedRasterRenderer,
    QgsProcessingLayerPostProcessorInterface,
    QgsProject,
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


# Layers the plugin made carry this property: pickers of building labels leave them out.
OUTPUT_PROPERTY = "e84_segment/output"
RANK_PROPERTY = "e84_segment/rank"
# What a layer of the correction loop holds, so the dock finds it again in a reopened project.
KIND_PROPERTY = "e84_segment/kind"
SUGGESTED_TILES, CORRECTED_TILES = "suggested tiles", "corrected tiles"
CREATED_PROPERTY = "e84_segment/created"


class Styler(QgsProcessingLayerPostProcessorInterface):
    """Base: ``create()`` returns an instance Python keeps alive (QGIS holds only a pointer).

    ``rank`` orders a run's layers (lower draws on top) and ``visible`` says whether the layer is
    shown when it loads: each step shows what it is for, the rest waits, ticked off, in its group."""

    layer_type = QgsVectorLayer
    rank = 50
    visible = True
    _alive = []

    def postProcessLayer(self, layer, context, feedback):
        if isinstance(layer, self.layer_type):
            self.style(layer)
            mark_output(layer, self.rank)
            project = context.project() if context is not None and context.project() else QgsProject.instance()
            node = project.layerTreeRoot().findLayer(layer.id())
            if node is not None:
                node.setItemVisibilityChecked(self.visible)
                node.setExpanded(self.visible)  # a layer waiting ticked off keeps its legend folded
            layer.triggerRepaint()

    def style(self, layer) -> None:
        raise NotImplementedError

    @classmethod
    def create(cls) -> "Styler":
        instance = cls()
        Styler._alive.append(instance)
        return instance


def mark_output(layer, rank: int) -> None:
    layer.setCustomProperty(OUTPUT_PROPERTY, True)
    layer.setCustomProperty(RANK_PROPERTY, rank)


def is_output(layer) -> bool:
    return bool(layer.customProperty(OUTPUT_PROPERTY, False))


def outline_symbol(
    colour: str, fill_alpha: int, width: str = "0.4", style: str = "solid", fill_style: str = "solid"
) -> QgsFillSymbol:
    return QgsFillSymbol.createSimple(
        {"color": f"{colour},{fill_alpha}", "outline_color": f"{colour},255", "outline_width": width,
         "outline_style": style, "style": fill_style}
    )


def style_tiles_by_split(layer: QgsVectorLayer) -> None:
    categories = [QgsRendererCategory(split, outline_symbol(colour, 40), split) for split, colour in SPLIT_COLOURS.items()]
    layer.setRenderer(QgsCategorizedSymbolRenderer("split", categories))


class TilesStyler(Styler):
    rank = 40
    def style(self, layer):
        style_tiles_by_split(layer)


class ClassesStyler(Styler):
    layer_type = QgsRasterLayer
    rank, visible = 60, False  # the footprints say the same, legibly

    def style(self, layer):
        classes = [
            QgsPalettedRasterRenderer.Class(0, QColor(0, 0, 0, 0), "background"),
            QgsPalettedRasterRenderer.Class(1, BUILDING_RED, "building"),
        ]
        layer.setRenderer(QgsPalettedRasterRenderer(layer.dataProvider(), 1, classes))


class ProbabilityStyler(Styler):
    layer_type = QgsRasterLayer
    rank, visible = 70, False

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


def _single(colour: str, fill_alpha: int, width: str, rank: int, fill_style: str = "solid"):
    class _Styler(Styler):
        def style(self, layer):
            layer.setRenderer(QgsSingleSymbolRenderer(outline_symbol(colour, fill_alpha, width, fill_style=fill_style)))

    _Styler.rank = rank
    return _Styler


# Bright outlines read over any roof; fills stay light so the imagery shows through. The three
# comparison classes differ in colour and in fill (solid, none, hatched), so they part in grey too;
# the one drawn on top is the unfilled one, so an over-predicting model does not paint the block over.
FootprintsStyler = _single("255,221,0", 0, "0.6", 10)  # outlines only
MatchedStyler = _single("51,160,44", 50, "0.4", 30)
PredictedOnlyStyler = _single("255,127,0", 0, "0.9", 10)  # to check: on top, outlined only (a fill hid the block)
ReferenceOnlyStyler = _single("240,0,240", 200, "0.7", 20, fill_style="b_diagonal")  # hatched


# OSM completeness per cell: red where OSM has least of what the model sees (mappers go there first).
COMPLETENESS_CLASSES = (
    (0.0, 0.25, "215,25,28", "OSM has under 25 %"),
    (0.25, 0.5, "253,174,97", "25-50 %"),
    (0.5, 0.75, "255,255,191", "50-75 %"),
    (0.75, 1.0001, "26,150,65", "75 % or more"),
)


class CompletenessStyler(Styler):
    # Under the comparison and ticked off: its fills would tint the imagery the comparison is read over.
    rank, visible = 90, False

    def style(self, layer):
        ranges = [QgsRendererRange(low, high, outline_symbol(colour, 140, "0.2"), label)
                  for low, high, colour, label in COMPLETENESS_CLASSES]
        renderer = QgsGraduatedSymbolRenderer("completeness", ranges)
        # Cells where the model sees no building: outline only, so they read as "nothing here".
        renderer.setSourceSymbol(outline_symbol("150,150,150", 0, "0.2"))
        layer.setRenderer(renderer)


# People per settlement or cell: light to dark red, the largest figures drawn strongest.
PEOPLE_COLOURS = ("254,229,217", "252,174,145", "251,106,74", "222,45,38", "165,15,21")


def style_people(layer, fill_alpha: int, width: str) -> None:
    """Graduated by estimated people: classes at the layer's own quantiles (five, fewer when few values)."""
    values = sorted(v for v in (f["people"] for f in layer.getFeatures()) if v is not None)
    if not values:
        layer.setRenderer(QgsSingleSymbolRenderer(outline_symbol(PEOPLE_COLOURS[-1], fill_alpha, width)))
        return
    classes = len(PEOPLE_COLOURS)
    cuts = sorted({values[0], values[-1], *(values[len(values) * k // classes] for k in range(1, classes))})
    pairs = list(zip(cuts[:-1], cuts[1:])) or [(values[0], values[0])]
    colours = PEOPLE_COLOURS[-len(pairs):]  # the strongest for the largest figures
    ranges = [QgsRendererRange(low, high, outline_symbol(colour, fill_alpha, width), f"{low:,.0f} - {high:,.0f}")
              for (low, high), colour in zip(pairs, colours)]
    layer.setRenderer(QgsGraduatedSymbolRenderer("people", ranges))


class PeopleStyler(Styler):
    rank = 20

    def style(self, layer):
        style_people(layer, 70, "0.6")


class PeopleCellsStyler(Styler):
    # Under the settlements and ticked off, as the completeness grid.
    rank, visible = 90, False

    def style(self, layer):
        style_people(layer, 140, "0.2")


TRIAGE_COLOURS = {"not seen": "215,25,28", "partly": "253,174,97", "intact": "26,150,65", "no imagery": "150,150,150"}


class TriageStyler(Styler):
    rank = 15

    def style(self, layer):
        categories = [QgsRendererCategory(status, outline_symbol(colour, 90, "0.6"), status)
                      for status, colour in TRIAGE_COLOURS.items()]
        layer.setRenderer(QgsCategorizedSymbolRenderer("status", categories))


# The review: what is decided reads apart from what is still to look at (yellow outlines, as footprints load).
REVIEW_COLOURS = (("accepted", "51,160,44", 60, "solid"), ("edited", "31,120,180", 60, "solid"),
                  ("added", "31,120,180", 60, "solid"), ("rejected", "227,26,28", 0, "dash"))


def style_review(layer: QgsVectorLayer, field: str) -> None:
    """Footprints by the analyst's decision in ``field``; those without one keep the footprints' yellow outline."""
    categories = [QgsRendererCategory(decision, outline_symbol(colour, alpha, "0.6", style), decision)
                  for decision, colour, alpha, style in REVIEW_COLOURS]
    categories.append(QgsRendererCategory(None, outline_symbol("255,221,0", 0, "0.6"), "to review"))
    layer.setRenderer(QgsCategorizedSymbolRenderer(field, categories))
    layer.triggerRepaint()


class SuggestedTilesStyler(Styler):
    """Tiles to correct: a bold outline with the rank in the middle, on top of the footprints."""

    rank = 5

    def style(self, layer):
        import time

        layer.setCustomProperty(KIND_PROPERTY, SUGGESTED_TILES)
        layer.setCustomProperty(CREATED_PROPERTY, time.time())  # the latest round is the one to correct
        from qgis.core import QgsPalLayerSettings, QgsTextBufferSettings, QgsTextFormat, QgsVectorLayerSimpleLabeling

        layer.setRenderer(QgsSingleSymbolRenderer(outline_symbol("0,255,255", 0, "0.8", style="dash")))
        settings = QgsPalLayerSettings()
        settings.fieldName = "rank"
        text = QgsTextFormat()
        text.setSize(14)
        text.setColor(QColor(0, 255, 255))
        buffer = QgsTextBufferSettings()
        buffer.setEnabled(True)
        buffer.setColor(QColor(0, 0, 0))
        text.setBuffer(buffer)
        settings.setFormat(text)
        layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
        layer.setLabelsEnabled(True)


def style_corrected_tiles(layer: QgsVectorLayer) -> None:
    """Corrected tiles: a solid green outline, so the suggestions still to do stand out."""
    layer.setRenderer(QgsSingleSymbolRenderer(outline_symbol("51,160,44", 30, "0.8")))
    layer.setCustomProperty(KIND_PROPERTY, CORRECTED_TILES)
    mark_output(layer, 6)
    layer.triggerRepaint()

"""e84segment:situationmap: a PDF a field team can print: the area, then each of its largest settlements."""
import json
import os
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsLayoutExporter,
    QgsPalLayerSettings,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
    QgsWkbTypes,
)
from qgis.PyQt.QtGui import QColor

from . import areas, situation_layout, styles
from .base import E84Algorithm
from .population_centres import SETTLEMENT_FIELDS
from ..i18n import N_, tr

ORIENTATIONS = (N_("Landscape"), N_("Portrait"))
MERCATOR = QgsCoordinateReferenceSystem("EPSG:3857")
WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
REPORT_FIELDS = ("f1", "tp", "fp", "fn", "building_iou")
OVERLAYS = ("GRID", "TRIAGE")  # optional layers drawn over the imagery


class SituationMapAlgorithm(E84Algorithm):
    ID = "situationmap"
    TITLE = "Print a situation map"
    GROUP = "footprints"
    FOOTPRINTS = "FOOTPRINTS"
    SETTLEMENTS = "SETTLEMENTS"
    IMAGERY = "IMAGERY"
    GRID = "GRID"
    TRIAGE = "TRIAGE"
    REPORT = "REPORT"
    MAP_TITLE = "MAP_TITLE"
    PAGES = "PAGES"
    PAPER = "PAPER"
    ORIENTATION = "ORIENTATION"
    OUTPUT = "OUTPUT"

    def shortHelpString(self):
        return (
            "A PDF to hand over and print, for when the network and the laptop are gone. The first page shows the whole "
            "area: IMAGERY (optional), the FOOTPRINTS, the SETTLEMENTS of 'Where people live' labelled with their rank and "
            "estimated people, and the completeness GRID or the damage TRIAGE when given; with a legend, scale bar, north "
            "arrow, a latitude and longitude grid, the date, the list of the largest settlements, and the attributions "
            "of imagery, OSM and model. Then one page for each of the PAGES largest settlements: zoomed in, with its "
            "figures, its centre's coordinates and a small map of where it lies.\n\n"
            "A box on every page says how good the model was where it was checked: the figures of 'Check a model on an "
            "area' (its REPORT), or 'not checked'. A4 or A3 (PAPER), landscape or portrait. The layers keep their style in "
            "the project; layers from files get the plugin's. The PDF appears only once it is complete."
        )

    def initAlgorithm(self, config=None):
        polygons = [QgsProcessing.TypeVectorPolygon]
        self.addParameter(QgsProcessingParameterVectorLayer(self.FOOTPRINTS, "Building footprints", polygons))
        self.addParameter(QgsProcessingParameterVectorLayer(self.SETTLEMENTS, "Settlements ('Where people live')", polygons))
        self.addParameter(QgsProcessingParameterRasterLayer(self.IMAGERY, "Imagery", optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(self.GRID, "Completeness or people grid", polygons, optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(self.TRIAGE, "Damage triage", polygons, optional=True))
        self.addParameter(QgsProcessingParameterFile(self.REPORT, "Model check report ('Check a model on an area')",
                                                     extension="json", optional=True))
        self.addParameter(QgsProcessingParameterString(self.MAP_TITLE, "Title", "Buildings and people"))
        self.addParameter(QgsProcessingParameterNumber(self.PAGES, "Pages for the largest settlements", QgsProcessingParameterNumber.Integer,
                                                       10, minValue=0, maxValue=100))
        self.addParameter(QgsProcessingParameterEnum(self.PAPER, "Paper", options=list(situation_layout.PAPERS), defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum(self.ORIENTATION, "Orientation", options=list(ORIENTATIONS), defaultValue=0))
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT, "Situation map", "PDF (*.pdf)"))

    def prepareAlgorithm(self, parameters, context, feedback):
        """Copies of what the worker thread draws, taken on the main thread: never the project's layers."""
        self.vectors = {}
        for name in (self.FOOTPRINTS, self.SETTLEMENTS) + OVERLAYS:
            layer = self.parameterAsVectorLayer(parameters, name, context)
            if layer is None:
                continue
            if not layer.isValid():
                raise QgsProcessingException(tr("{}: the layer cannot be read").format(name))
            self.vectors[name] = _copied(layer, context)
        self.imagery = areas.snapshot_imagery(self, parameters, self.IMAGERY, context) if parameters.get(self.IMAGERY) else None
        self.imagery_attribution = ""
        if self.imagery is not None:
            layer = self.parameterAsRasterLayer(parameters, self.IMAGERY, context)
            self.imagery_attribution = "; ".join(layer.metadata().rights())
        return True

    def processAlgorithm(self, parameters, context, feedback):
        output = Path(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        settlements = self.vectors.get(self.SETTLEMENTS)
        if settlements is None or self.vectors.get(self.FOOTPRINTS) is None:
            raise QgsProcessingException(tr("Choose the footprints and the settlements of 'Where people live'"))
        missing = [field for field, _ in SETTLEMENT_FIELDS if settlements["fields"].indexOf(field) < 0]
        if missing:
            raise QgsProcessingException(tr("SETTLEMENTS lacks the fields {} of 'Where people live': run it on the footprints "
                                            "and choose its Settlements output").format(", ".join(missing)))
        self.report = _report(self.parameterAsFile(parameters, self.REPORT, context))
        project = QgsProject()
        layers = self._layers(project)
        settlements = _settlements(layers[self.SETTLEMENTS], project)
        extent = QgsRectangle()
        extent.setMinimal()
        for name in (self.FOOTPRINTS, self.SETTLEMENTS):
            extent.combineExtentWith(_in_mercator(layers[name].extent(), layers[name].crs(), project))
        if extent.isEmpty() or not settlements:
            raise QgsProcessingException(tr("SETTLEMENTS holds no settlement: run 'Where people live' with a smaller "
                                            "MIN_BUILDINGS, or on an area with buildings"))
        drawn = [layers[name] for name in (self.SETTLEMENTS, self.TRIAGE, self.FOOTPRINTS, self.GRID) if name in layers]
        if "IMAGERY" in layers:
            drawn.append(layers["IMAGERY"])
        people = sum(s.people for s in settlements), sum(s.low for s in settlements), sum(s.high for s in settlements)
        contents = situation_layout.Contents(
            title=self.parameterAsString(parameters, self.MAP_TITLE, context).strip() or tr("Buildings and people"),
            layers=drawn, legend_layers=drawn[:-1] if "IMAGERY" in layers else drawn, extent=extent, settlements=settlements,
            imagery="IMAGERY" in layers, detail_layers=[layer for layer in drawn if layer is not layers.get(self.GRID)],
            quality=situation_layout.quality_text(self.report),
            attribution=self._attribution(),
            people_total=tr("{} settlements, about {} people ({} to {})").format(
                len(settlements), *(situation_layout.about(v) for v in people)))
        pages = self.parameterAsInt(parameters, self.PAGES, context)
        paper = situation_layout.PAPERS[self.parameterAsEnum(parameters, self.PAPER, context)]
        landscape = self.parameterAsEnum(parameters, self.ORIENTATION, context) == 0
        layout = situation_layout.build(project, contents, paper, landscape, pages)
        feedback.setProgress(30)
        if feedback.isCanceled():
            return {}
        _export(layout, output)
        feedback.pushInfo(tr("{} pages: the area, then the {} largest settlements").format(
            layout.pageCollection().pageCount(), min(pages, len(settlements))))
        return {self.OUTPUT: str(output)}

    def _layers(self, project) -> dict:
        """The layers drawn, made in this thread and owned by ``project``; styled as in the project, else as
        the plugin styles its outputs."""
        layers = {}
        for name, copy in self.vectors.items():
            layer = _rebuilt(copy)
            if copy["renderer"] is not None:
                layer.setRenderer(copy["renderer"].clone())
            else:
                _style(name, layer)
            grid_name = tr("OSM completeness") if layer.fields().indexOf("completeness") >= 0 else tr("Estimated people per cell")
            layer.setName(tr(LEGEND_NAMES[name]) if name in LEGEND_NAMES else grid_name)
            layers[name] = layer
        _label_settlements(layers[self.SETTLEMENTS])
        if self.imagery is not None:
            imagery = QgsRasterLayer(self.imagery.source, self.imagery.name, self.imagery.provider)
            if self.imagery.renderer is not None:
                imagery.setRenderer(self.imagery.renderer.clone())
            layers["IMAGERY"] = imagery
        project.addMapLayers(list(layers.values()), False)
        return layers

    def _attribution(self) -> str:
        parts = [tr("Buildings: predicted by the e84 segment model{}; mapped buildings © OpenStreetMap contributors (ODbL 1.0).")
                 .format(f" ({Path(self.report['model']['file']).name})" if self.report and self.report.get("model") else "")]
        if self.imagery is not None:
            parts.append(tr("Imagery: {}{}.").format(self.imagery.name, f" ({self.imagery_attribution})" if self.imagery_attribution else ""))
        parts.append(tr("People are estimates from building counts, not a census."))
        return " ".join(parts)


def _copied(layer, context) -> dict:
    """A vector layer as the worker thread rebuilds it: its source (a memory layer: its features, which a
    source cannot name), and its renderer when it is styled in the project."""
    in_project = context.project() is not None and context.project().mapLayer(layer.id()) is not None
    renderer = layer.renderer().clone() if in_project and layer.renderer() is not None else None
    features = list(layer.getFeatures()) if layer.providerType() == "memory" else None
    return {"features": features, "source": layer.source(), "name": layer.name(), "provider": layer.providerType(),
            "renderer": renderer, "fields": layer.fields(), "wkb_type": layer.wkbType(), "crs": layer.crs()}


def _rebuilt(copy: dict) -> QgsVectorLayer:
    """The layer, made in this thread: from its source, or a memory layer of the copied features."""
    if copy["features"] is None:
        return QgsVectorLayer(copy["source"], copy["name"], copy["provider"])
    crs = copy["crs"].authid() or copy["crs"].toWkt()
    layer = QgsVectorLayer(f"{QgsWkbTypes.displayString(copy['wkb_type'])}?crs={crs}", copy["name"], "memory")
    layer.dataProvider().addAttributes(copy["fields"].toList())
    layer.updateFields()
    layer.dataProvider().addFeatures(copy["features"])
    layer.updateExtents()
    return layer


# On paper the layer names are the legend's words.
LEGEND_NAMES = {"FOOTPRINTS": N_("Buildings"), "SETTLEMENTS": N_("Settlements: estimated people"), "TRIAGE": N_("Damage triage")}


def _style(name: str, layer) -> None:
    """The plugin's styles, lighter than on screen: the imagery and the buildings must show through."""
    if name == SituationMapAlgorithm.SETTLEMENTS:
        styles.style_people(layer, 35, "0.8")
    elif name == SituationMapAlgorithm.FOOTPRINTS:
        styles.FootprintsStyler().style(layer)
    elif name == SituationMapAlgorithm.TRIAGE:
        styles.TriageStyler().style(layer)
    elif layer.fields().indexOf("completeness") >= 0:
        styles.CompletenessStyler().style(layer)
    elif layer.fields().indexOf("people") >= 0:
        styles.style_people(layer, 60, "0.1")


def _label_settlements(layer) -> None:
    settings = QgsPalLayerSettings()
    settings.isExpression = True
    settings.fieldName = "concat('#', \"rank\", ': ~', format_number(\"people\", 0))"
    text = QgsTextFormat()
    text.setSize(8)
    text.setColor(QColor(120, 0, 0))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(1.0)
    text.setBuffer(buffer)
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def _in_mercator(extent, crs, project) -> QgsRectangle:
    if crs == MERCATOR:
        return extent
    return QgsCoordinateTransform(crs, MERCATOR, project).transformBoundingBox(extent)


def _settlements(layer, project) -> list:
    to_mercator = QgsCoordinateTransform(layer.crs(), MERCATOR, project)
    to_wgs84 = QgsCoordinateTransform(layer.crs(), WGS84, project)
    found = []
    for feature in layer.getFeatures():
        if not feature.hasGeometry():
            continue
        centre = to_wgs84.transform(feature.geometry().centroid().asPoint())
        found.append(situation_layout.Settlement(
            int(feature["rank"]), int(feature["buildings"]), float(feature["people"]), float(feature["people_low"]),
            float(feature["people_high"]), float(feature["model_only_share"] or 0.0),
            to_mercator.transformBoundingBox(feature.geometry().boundingBox()), (centre.x(), centre.y())))
    return sorted(found, key=lambda s: s.rank)


def _report(path: str):
    if not path:
        return None
    try:
        report = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise QgsProcessingException(tr("REPORT {} cannot be read as JSON ({}): choose the report of 'Check a model on an "
                                        "area'").format(path, error)) from None
    missing = [k for k in REPORT_FIELDS if not isinstance(report, dict) or k not in report]
    if missing:
        raise QgsProcessingException(tr("REPORT {} is not a report of 'Check a model on an area' (it lacks {})")
                                     .format(path, ", ".join(missing)))
    return report


def _export(layout, output: Path) -> None:
    """The PDF under a temporary name, renamed when complete: a failure leaves nothing half-written."""
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(f".{output.stem}.partial-{os.getpid()}.pdf")
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = 150
    settings.rasterizeWholeImage = False
    # Text stays text (QGIS's default draws it as outlines): a smaller file, and one a reader can search.
    settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
    try:
        result = QgsLayoutExporter(layout).exportToPdf(str(partial), settings)
        if result != QgsLayoutExporter.ExportResult.Success or not partial.is_file():
            raise QgsProcessingException(tr("The PDF could not be written to {} (QGIS's layout export answered {}): choose a "
                                            "folder you can write to, with free space").format(output, int(result)))
        os.replace(partial, output)
    finally:
        partial.unlink(missing_ok=True)

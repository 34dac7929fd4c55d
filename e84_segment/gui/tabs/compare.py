"""The Compare tab: predicted footprints against OSM, and footprints exported for others."""
import json
from pathlib import Path

from qgis.core import Qgis, QgsCoordinateReferenceSystem, QgsMapLayerProxyModel, QgsProject, QgsRasterLayer
from qgis.gui import QgsFileWidget

from ...core import runs
from ...i18n import N_, tr
from ...processing.compare_osm import summary_of_predicted_only
from ...processing.export_footprints import existing_target, layer_name_for

EXPORT_FORMATS = (("GeoPackage", ".gpkg"), ("GeoJSON", ".geojson"), ("ESRI Shapefile", ".shp"), ("FlatGeobuf", ".fgb"),
                  (N_("OSM file for JOSM (review before upload)"), ".osm"))
COMPARISON_OUTPUTS = ("MATCHED", "PREDICTED_ONLY", "REFERENCE_ONLY")


def comparison_outputs(dock, folder: Path) -> dict:
    """The three comparison layers of a run (loaded when it ends) and its report, in its folder."""
    outputs = {key: dock.loaded_output(folder / f"{key.lower()}.gpkg", key.lower()) for key in COMPARISON_OUTPUTS}
    return {**outputs, "OUTPUT_REPORT": str(folder / "report.json")}


def record_comparison_outputs(record, results: dict) -> dict:
    """Files the comparison layers under the run's output names; returns the report."""
    for key in COMPARISON_OUTPUTS:
        record.outputs[key.lower()] = record.outputs.pop(key, results.get(key, ""))
    return json.loads(Path(results["OUTPUT_REPORT"]).read_text(encoding="utf-8"))


def may_be_classes(layer) -> bool:
    """Whether a raster layer can be a prediction's class raster: a file GDAL reads, one byte band.
    (Imagery there was read as 'no building anywhere', and a service layer failed to open.)"""
    return (layer.providerType() == "gdal" and layer.bandCount() == 1
            and layer.dataProvider().dataType(1) == Qgis.DataType.Byte)


def subject_of(layer) -> str:
    """What a layer shows: the run tag in brackets of the plugin's layers ('Footprints (aoiA z20 10:15)'), else its name."""
    name = layer.name()
    return name[name.rfind("(") + 1:-1] if name.endswith(")") and "(" in name else name


class CompareTab:
    """Mixin of E84SegmentDock: the Compare tab's widgets come from dock.ui."""

    def setup_compare_tab(self) -> None:
        self.exportWidget.setStorageMode(QgsFileWidget.SaveFile)
        self.formatCombo.addItems([tr(name) for name, _ in EXPORT_FORMATS])
        self.formatCombo.currentIndexChanged.connect(self._format_chosen)
        self.crsWidget.setCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
        self.compareButton.clicked.connect(self.compare)
        self.exportButton.clicked.connect(self.export)
        self.preEventCombo.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        self.postClassesCombo.setFilters(QgsMapLayerProxyModel.RasterLayer)
        self.triageButton.clicked.connect(self.triage)
        QgsProject.instance().layersAdded.connect(self.filter_prediction_pickers)
        self.filter_prediction_pickers()

    def filter_prediction_pickers(self, *_) -> None:
        """The post-event picker offers only rasters that can be a prediction's classes, never imagery."""
        self.postClassesCombo.setExceptedLayerList([
            layer for layer in QgsProject.instance().mapLayers().values()
            if isinstance(layer, QgsRasterLayer) and not may_be_classes(layer)])

    def _format_chosen(self, index: int) -> None:
        suffix = EXPORT_FORMATS[index][1]
        if suffix in (".geojson", ".osm"):  # RFC 7946 and OSM: WGS 84
            self.crsWidget.setCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
        self.crsWidget.setEnabled(suffix != ".osm")
        self.exportLayerNameEdit.setEnabled(suffix != ".osm")

    def compare(self):
        predicted, reference = self.footprintsCombo.currentLayer(), self.referenceCombo.currentLayer()
        if predicted is None or reference is None:
            return self._refuse(self.tr("Choose the predicted footprints and the OSM buildings to compare."))
        parameters = {"PREDICTED": predicted, "REFERENCE": reference, "IOU_THRESHOLD": self.iouSpin.value()}
        if not self.aoi_problem():
            parameters["AOI"] = self.aoi_parameters()["AOI"]

        def outputs(_):
            return {**parameters, **comparison_outputs(self, Path(self.record.folder))}

        compared = {}

        def grid_outputs(previous):
            # Then where the buildings are and where OSM is behind, per 100 m cell, from the same matching.
            compared.update(previous)
            return {**parameters, "CELL_SIZE": 100.0,
                    "OUTPUT": self.loaded_output(Path(self.record.folder) / "grid.gpkg", "grid")}

        def done(results, record):
            record.outputs["grid"] = record.outputs.pop("OUTPUT", results.get("OUTPUT", ""))
            scores = record_comparison_outputs(record, {**compared, **results})
            record.metrics.update(scores)
            # The comparison is what this step is for: its inputs step aside (ticked off, not removed).
            root = QgsProject.instance().layerTreeRoot()
            for layer in (predicted, reference):
                node = root.findLayer(layer.id())
                if node is not None:
                    node.setItemVisibilityChecked(False)
            self.statusLabel.setText(
                self.tr("TP {tp}, FP {fp}, FN {fn}: F1 {f1:.3f}, area IoU {area_iou:.3f}. ").format(**scores)
                + summary_of_predicted_only(scores)
                + self.tr(". '{}' and '{}' are ticked off so the comparison reads; tick 'Building density and OSM "
                          "completeness' to see where OSM is furthest behind.").format(predicted.name(), reference.name())
            )

        self._start("compare", [("e84segment:compareosm", outputs), ("e84segment:buildinggrid", grid_outputs)],
                    parameters=parameters, done=done,
                    tag=runs.make_tag(f"{subject_of(predicted)} vs {reference.name()}"))

    def export(self):
        layer = self.exportLayerCombo.currentLayer()
        target = self.exportWidget.filePath().strip()
        if layer is None or not target:
            return self._refuse(self.tr("Choose the footprints layer and the file to export to."))
        name, suffix = EXPORT_FORMATS[self.formatCombo.currentIndex()]
        path = Path(target).with_suffix(suffix)
        if suffix == ".osm":
            return self._export_osm(layer, path)
        layer_name = layer_name_for(self.exportLayerNameEdit.text().strip() or layer.name())
        parameters = {"INPUT": layer, "TARGET_CRS": self.crsWidget.crs(), "OUTPUT": str(path), "LAYER_NAME": layer_name}
        clash = existing_target(path, layer_name)
        if clash:
            kept = self.tr(" The file's other layers are kept.") if suffix == ".gpkg" else ""
            if not self.ask(self.tr("{}. Replace it?{}").format(clash, kept)):
                advice = self.tr("another layer name") if suffix == ".gpkg" else self.tr("another file name")
                return self._refuse(self.tr("Not exported: {}. Choose {}.").format(clash, advice))
            parameters["OVERWRITE"] = True

        def done(results, record):
            self.statusLabel.setText(self.tr("Exported {} features to {} (layer '{}', {}, {})").format(
                results.get("COUNT", 0), path, results.get("OUTPUT_LAYER", layer_name), name,
                self.crsWidget.crs().authid()))

        # An export writes the analyst's own file, not a run: no run folder, no history row.
        self._start(None, [("e84segment:exportfootprints", parameters)], parameters=parameters, done=done)

    def _export_osm(self, layer, path: Path):
        """For OSM mappers: the footprints at 0.5 confidence or more, source= the imagery of the Data tab."""
        if path.exists() and not self.ask(self.tr("{} exists. Replace it?").format(path.name)):
            return self._refuse(self.tr("Not exported: {} exists. Choose another file name.").format(path.name))
        imagery = self.imageryCombo.currentLayer()
        parameters = {"INPUT": layer, "OUTPUT": str(path), "MIN_CONFIDENCE": 0.5,
                      "SOURCE": imagery.name() if imagery is not None else ""}

        def done(results, record):
            self.statusLabel.setText(self.tr(
                "Wrote {} buildings to {} for OSM editors (confidence 0.5 or more). Open it in JOSM, review each one "
                "against the imagery; the file refuses a direct upload.").format(results.get("BUILDINGS", 0), path))

        self._start(None, [("e84segment:exportosm", parameters)], parameters=parameters, done=done)

    def triage(self):
        """Damage triage: the buildings before the event against a prediction on the post-event imagery."""
        before, classes = self.preEventCombo.currentLayer(), self.postClassesCombo.currentLayer()
        if before is None or classes is None:
            return self._refuse(self.tr("Choose the buildings before the event and the post-event 'Predicted buildings'."))
        parameters = {"BUILDINGS": before, "CLASSES": classes}
        # 'Predict buildings' writes the probability beside the classes: the mean probability then comes too.
        probability = Path(classes.source()).with_name("probability.tif")
        if probability.is_file():
            parameters["PROBABILITY"] = str(probability)

        def outputs(_):
            return {**parameters, "OUTPUT": self.loaded_output(Path(self.record.folder) / "triage.gpkg", "triage")}

        def done(results, record):
            record.outputs["triage"] = record.outputs.pop("OUTPUT", results.get("OUTPUT", ""))
            record.metrics["not_seen"] = results.get("NOT_SEEN", 0)
            self.statusLabel.setText(self.tr(
                "{} of the buildings in '{}' are not seen by this model in the new imagery: review them in "
                "review_rank order against both images. Not seen is not destroyed (cloud, shadow, new roofs and the "
                "model's misses look the same).").format(int(results.get("NOT_SEEN", 0)), before.name()))

        self._start("triage", [("e84segment:comparebuildings", outputs)], parameters=parameters, done=done,
                    tag=runs.make_tag(f"{before.name()} vs {subject_of(classes)}"))

"""The Predict tab: a local model, an endpoint or a training job over the Data tab's area."""
from functools import lru_cache
from pathlib import Path
from typing import Optional

from qgis.core import QgsProject

from ... import dependencies
from ...core import runs
from ...i18n import N_, tr

SOURCES = (N_("Local model file"), N_("SageMaker endpoint"), N_("SageMaker training job"))


@lru_cache(maxsize=8)
def _meta(path: str, modified: float) -> Optional[dict]:
    from ...backends.local import modelfile

    try:
        return modelfile.read(Path(path))["meta"]
    except modelfile.ModelFileError:
        return None


def model_meta(path: str) -> Optional[dict]:
    """A model file's zoom, tile size and metrics (torch reads it, so only once a model is chosen);
    None when it is no model file or torch is absent."""
    if not path or not Path(path).is_file() or dependencies.missing(dependencies.LOCAL_PACKAGES):
        return None
    return _meta(path, Path(path).stat().st_mtime)


class PredictTab:
    """Mixin of E84SegmentDock: the Predict tab's widgets come from dock.ui."""

    def setup_predict_tab(self) -> None:
        self.modelWidget.setFilter("e84 segment model (*.pt)")
        self.sourceCombo.addItems([tr(s) for s in SOURCES])
        self.sourceCombo.currentIndexChanged.connect(self._show_source)
        self.sourceCombo.currentIndexChanged.connect(self.update_predict_estimate)
        self.modelWidget.fileChanged.connect(self.update_predict_estimate)
        self.predictButton.clicked.connect(self.predict)
        self._show_source()

    def _show_source(self, *_):
        source = self.sourceCombo.currentIndex()
        for widget, shown in ((self.modelWidget, source == 0), (self.endpointEdit, source == 1), (self.jobEdit, source == 2),
                              (self.keepEndpointCheck, source == 2)):
            widget.setEnabled(shown)

    def prediction_zoom(self) -> int:
        """The zoom a prediction runs at: the model's (a local model file), else the Data tab's."""
        meta = model_meta(self.modelWidget.filePath().strip()) if self.sourceCombo.currentIndex() == 0 else None
        return int(meta["zoom"]) if meta else self.zoomSpin.value()

    def zoom_warning(self) -> str:
        """Said before a prediction runs: imagery coarser or finer than the model learned from."""
        from .data import imagery_zoom

        meta = model_meta(self.modelWidget.filePath().strip()) if self.sourceCombo.currentIndex() == 0 else None
        found = imagery_zoom(self.imageryCombo.currentLayer())
        if meta is None or found is None or found[1] == int(meta["zoom"]):
            return ""
        metres, native = found
        model_zoom = int(meta["zoom"])
        factor = 2 ** abs(model_zoom - native)
        # The prediction runs at the model's zoom: buildings keep the size the model learned either way
        # (the old words said they would look smaller); what changes is the detail.
        if native > model_zoom:
            return self.tr(
                "The imagery is zoom {} ({:.2f} m per pixel) and the model works at zoom {}: it is read {}x coarser, so "
                "buildings keep the size the model learned and only finer detail is averaged away."
            ).format(native, metres, model_zoom, factor)
        return self.tr(
            "The imagery is zoom {} ({:.2f} m per pixel) and the model works at zoom {}: it is enlarged {}x, so buildings "
            "keep their size but are blurrier than in training, and accuracy usually drops. Train a model at zoom {} for "
            "this imagery if you can."
        ).format(native, metres, model_zoom, factor, native)

    def update_predict_estimate(self, *_):
        if not hasattr(self, "_too_large"):
            self._too_large = {}
        if self.aoi_problem():
            self.predictEstimateLabel.setText(self.tr("Pick the area of interest on the Data tab."))
            self._too_large.pop("predict", None)
            self.gate_by_area()
            return
        zoom = self.prediction_zoom()
        whose = self.tr("the model's zoom") if self.sourceCombo.currentIndex() == 0 and model_meta(
            self.modelWidget.filePath().strip()) else self.tr("the Data tab's zoom")
        count = self.aoi_tile_count(zoom)
        text = self.tr("{:,} tiles at zoom {} ({}).").format(count, zoom, whose)
        from .data import too_many_tiles

        refusal = too_many_tiles(count, zoom)
        warning = refusal or self.zoom_warning()
        self.predictEstimateLabel.setText(f"{text} {warning}" if warning else text)
        self._too_large["predict"] = bool(refusal)
        self.gate_by_area()

    def predict(self):
        from .data import too_many_tiles

        if self.imageryCombo.currentLayer() is None:
            return self._refuse(self.tr("Choose the imagery layer on the Data tab."))
        if self.aoi_problem():
            return self._refuse(self.tr("The area of interest (Data tab): {}").format(self.aoi_problem()))
        source = self.sourceCombo.currentIndex()
        imagery = self.imageryCombo.currentLayer()
        base = {"IMAGERY": imagery, **self.aoi_parameters()}
        if source == 0:
            model = self.modelWidget.filePath().strip()
            if not model or not Path(model).is_file():
                return self._refuse(self.tr("Choose a model file from Train (local)."))
            if not self.local_packages_ready():
                return
            algorithm, backend, parameters = "e84segment:predictlocal", "local", {**base, "MODEL": model}
        else:
            name = (self.endpointEdit if source == 1 else self.jobEdit).text().strip()
            problem = self._aws_problem(need_bucket=False, need_role=False) or (
                "" if name else self.tr("Give the endpoint or training job name."))
            if problem:
                return self._refuse(problem)
            key = "ENDPOINT" if source == 1 else "TRAINING_JOB"
            algorithm, backend = "e84segment:predictendpoint", "sagemaker"
            parameters = {**base, key: name, "KEEP_ENDPOINT": self.keepEndpointCheck.isChecked(),
                          "ROLE_ARN": self.roleEdit.text().strip(), **self._aws()}
        zoom = self.prediction_zoom()
        refusal = too_many_tiles(self.aoi_tile_count(zoom), zoom)
        if refusal:
            return self._refuse(refusal)
        warning = self.zoom_warning()
        if warning:
            self.iface.messageBar().pushWarning("e84 segment", warning)

        def rasters(_):
            folder = Path(self.record.folder)
            return {**parameters, "OUTPUT_CLASSES": str(folder / "classes.tif"), "OUTPUT_PROBABILITY": str(folder / "probability.tif")}

        def footprints(previous):
            return {"INPUT": previous["OUTPUT_CLASSES"], "PROBABILITY": previous["OUTPUT_PROBABILITY"],
                    "SQUARE": self.regularCheck.isChecked(), "OUTPUT": self.loaded_output(Path(self.record.folder) / "footprints.gpkg", "footprints")}

        def done(results, record):
            record.outputs["footprints"] = results.get("OUTPUT", "")
            record.metrics["footprints"] = results.get("COUNT")
            if record.outputs.get("OUTPUT_CLASSES"):
                record.outputs["classes"] = record.outputs.pop("OUTPUT_CLASSES")
                record.outputs["probability"] = record.outputs.pop("OUTPUT_PROBABILITY", "")
            for layer in QgsProject.instance().mapLayers().values():
                if layer.source().split("|")[0] == record.outputs["footprints"]:
                    self.footprintsCombo.setLayer(layer)
                    self.exportLayerCombo.setLayer(layer)
                    self.reviewLayerCombo.setLayer(layer)
            text = self.tr("{} building footprints in {}").format(results.get("COUNT", 0), record.folder)
            self.statusLabel.setText(text + self.tr(" (class and probability rasters are in the run's group, ticked off)"))
            self.carry_corrections(self.reviewLayerCombo.currentLayer())

        tag = runs.make_tag(imagery.name(), zoom)
        self._start("predict", [(algorithm, rasters), ("e84segment:polygonize", footprints)], backend, parameters, done,
                    tag=tag, area_km2=self.aoi_km2(self.aoi_geometry()))


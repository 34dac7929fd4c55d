"""The Train tab: a model on this machine (PyTorch) or on SageMaker, with a live epoch plot."""
import json
from pathlib import Path

from qgis.core import QgsMapLayerProxyModel
from qgis.gui import QgsFileWidget

from ...backends.sagemaker.contract import GPU_TRAINING_INSTANCES
from ...core import dataset, runs
from ...i18n import N_, sentence, tr
from ...processing.train_local import ENCODER_CHOICES, validation_chips
from ...processing.train_sagemaker import PLUGIN_MODEL, TRAINERS
from ...backends.local import finetune
from ..epoch_plot import EpochPlot
from .compare import comparison_outputs, record_comparison_outputs
from .data import fingerprint

BACKENDS = (N_("Local (this machine)"), "Amazon SageMaker")


class TrainTab:
    """Mixin of E84SegmentDock: the Train tab's widgets come from dock.ui."""

    def setup_train_tab(self) -> None:
        self.datasetWidget.setStorageMode(QgsFileWidget.GetDirectory)
        self.backendCombo.addItems([tr(b) for b in BACKENDS])
        self.encoderCombo.addItems([tr(label) for _, label in ENCODER_CHOICES])
        self.instanceCombo.addItems(list(GPU_TRAINING_INSTANCES))
        self.trainerCombo.addItems([self.tr(t) for t in TRAINERS])
        self._full_minutes = self.timeLimitSpin.value()  # the form's default: a full training
        self.baseModelWidget.setFilter("e84 segment model (*.pt)")
        self.baseModelWidget.fileChanged.connect(self._base_chosen)
        self.checkReferenceCombo.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        self.checkReferenceCombo.setLayer(self.labelsCombo.currentLayer())
        self.labelsCombo.layerChanged.connect(self.checkReferenceCombo.setLayer)
        self.checkModelButton.clicked.connect(self.check_model)
        self.plot = EpochPlot(self.plotContainer)
        self.plotContainer.layout().addWidget(self.plot)
        self.backendCombo.currentIndexChanged.connect(self._show_backend)
        self.trainButton.clicked.connect(self.train)
        self.checkButton.clicked.connect(self.check_connection)
        self._show_backend()

    def _base_chosen(self, path: str) -> None:
        """Fine-tuning needs minutes, not a quarter of an hour: the time limit follows, unless changed."""
        if path.strip() and self.timeLimitSpin.value() == self._full_minutes:
            self.timeLimitSpin.setValue(finetune.MINUTES)

    def _show_backend(self, *_):
        sagemaker = self.backendCombo.currentIndex() == 1
        self.localGroup.setVisible(not sagemaker)
        self.sagemakerGroup.setVisible(sagemaker)

    def _aws(self) -> dict:
        return {"PROFILE": self.profileEdit.text().strip(), "REGION": self.regionEdit.text().strip()}

    def _aws_problem(self, need_bucket: bool = True, need_role: bool = True) -> str:
        missing = [name for name, value, needed in (
            (self.tr("a region"), self.regionEdit.text().strip(), True),
            (self.tr("an S3 location"), self.s3UriEdit.text().strip(), need_bucket),
            (self.tr("an execution role"), self.roleEdit.text().strip(), need_role),
        ) if needed and not value]
        if missing:
            return self.tr("SageMaker needs {} on the Train tab (the profile may stay empty).").format(", ".join(missing))
        return ""

    def train(self):
        folder = self.datasetWidget.filePath().strip()
        if not folder or not (Path(folder) / "dataset.json").is_file():
            return self._refuse(self.tr("Choose a dataset folder from Build dataset (it holds dataset.json)."))
        try:
            about = dataset.load_dataset_json(Path(folder)) or {}
        except dataset.DatasetError as error:
            return self._refuse(sentence(error))
        tag = runs.make_tag(Path(folder).parent.name if Path(folder).name == "dataset" else Path(folder).name, about.get("zoom"))
        self.plot.clear()
        if self.backendCombo.currentIndex() == 1:
            self._train_on_sagemaker(folder, tag)
        else:
            self._train_here(folder, tag)

    def _train_on_sagemaker(self, folder: str, tag: str) -> None:
        problem = self._aws_problem()
        if problem:
            return self._refuse(problem)
        trainer = self.trainerCombo.currentIndex()
        parameters = {"DATASET": folder, "S3_URI": self.s3UriEdit.text().strip(), "ROLE_ARN": self.roleEdit.text().strip(),
                      "TRAINER": trainer, "INSTANCE_TYPE": self.instanceCombo.currentText().strip(), "EPOCHS": self.epochsSpin.value(),
                      "USE_SPOT": self.spotCheck.isChecked(), **self._aws()}

        def remote(_):
            folder_ = Path(self.record.folder)
            outputs = {"OUTPUT_RECORD": str(folder_ / "sagemaker.json")}
            if trainer == PLUGIN_MODEL:
                outputs["OUTPUT_MODEL"] = str(folder_ / "model.pt")  # where the job's model lands for offline use
            return {**parameters, **outputs}

        def done(results, record):
            record.sagemaker.update(job=results.get("JOB_NAME", ""), model_artifact=results.get("MODEL_ARTIFACT", ""))
            record.metrics.update({"validation:mIOU": results.get("MIOU"), "validation:pixel_accuracy": results.get("PIXEL_ACCURACY"),
                                   "history": json.loads(results.get("HISTORY") or "[]")})
            self.jobEdit.setText(results.get("JOB_NAME", ""))
            model = results.get("OUTPUT_MODEL")
            if model:
                record.metrics.update(building_iou=results.get("BUILDING_IOU"), miou=results.get("MIOU"), measured_on="validation")
                record.outputs["model"] = model
                record.fingerprint = fingerprint(folder)
                self.modelWidget.setFilePath(model)
                self.sourceCombo.setCurrentIndex(0)  # the model is on this machine now: predict offline
                self.statusLabel.setText(self.tr("Training job {}: {}. Its model is {}: it predicts here, with no network.").format(
                    results.get("JOB_NAME"), results.get("STATUS"), model))
            else:
                self.sourceCombo.setCurrentIndex(2)
                self.statusLabel.setText(self.tr("Training job {}: {}").format(results.get("JOB_NAME"), results.get("STATUS")))

        self._start("train", [("e84segment:trainsagemaker", remote)], "sagemaker", parameters, done, tag=tag)

    def _train_here(self, folder: str, tag: str) -> None:
        if not self.local_packages_ready():
            return
        parameters = {"DATASET": folder, "TIME_LIMIT": self.timeLimitSpin.value(), "ENCODER": self.encoderCombo.currentIndex()}
        base = self.baseModelWidget.filePath().strip()
        if base:
            if not Path(base).is_file():
                return self._refuse(self.tr("'Continue from' names no file: {}. Choose a model file, or clear it to "
                                            "start from ImageNet weights.").format(base))
            parameters["BASE_MODEL"] = base
        if not validation_chips(Path(folder)):
            # Said before training, not after 15 minutes: the analyst decides.
            if not self.ask(self.tr(
                "This dataset has no validation chips (its area was small), so nothing would measure the model on "
                "chips it did not learn from.\n\nBuild a larger dataset first (No), or train anyway and score the "
                "model on its own training chips, which flatters it (Yes)?"
            )):
                return self._refuse(self.tr("Not trained: build the dataset over a larger area, or with a higher "
                                            "validation fraction, so it has validation chips."))
            parameters["ALLOW_NO_VALIDATION"] = True

        def local(_):
            return {**parameters, "OUTPUT": str(Path(self.record.folder) / "model.pt")}

        def done(results, record):
            measured_on = results.get("MEASURED_ON") or "validation"
            record.metrics.update(building_iou=results.get("BUILDING_IOU"), miou=results.get("MIOU"),
                                  object_f1=results.get("OBJECT_F1"), measured_on=measured_on,
                                  history=json.loads(results.get("HISTORY") or "[]"))
            record.outputs["model"] = results.get("OUTPUT", "")
            if results.get("BASE_FINGERPRINT"):
                record.metrics["base_fingerprint"] = results["BASE_FINGERPRINT"]
            record.fingerprint = fingerprint(folder)
            self.modelWidget.setFilePath(results.get("OUTPUT", ""))
            self.sourceCombo.setCurrentIndex(0)
            where = (self.tr("on the validation chips beside the training chips") if measured_on == "validation"
                     else self.tr("on the training chips (no validation split: it flatters the model)"))
            text = self.tr("Model {}: best building IoU {}, object F1 {} {}").format(
                results.get("OUTPUT"), *(f"{v:.3f}" if v is not None else self.tr("unknown")
                                         for v in (results.get("BUILDING_IOU"), results.get("OBJECT_F1"))), where)
            if base:
                text += self.tr(", fine-tuned from {}").format(Path(base).name)
            self.statusLabel.setText(text + self.tr(". Check it on an area it never saw before trusting it."))

        self._start("train", [("e84segment:trainlocal", local)], "local", parameters, done, tag=tag)

    def check_model(self):
        """e84segment:evaluatemodel on the Data tab's imagery and area, against buildings the analyst trusts."""
        model = self.modelWidget.filePath().strip()
        reference = self.checkReferenceCombo.currentLayer()
        problem = ""
        if not model or not Path(model).is_file():
            problem = self.tr("Choose the model to check on the Predict tab (train one first).")
        elif self.imageryCombo.currentLayer() is None:
            problem = self.tr("Choose the imagery layer on the Data tab.")
        elif reference is None:
            problem = self.tr("Choose the trusted buildings to check against.")
        elif self.aoi_problem():
            problem = self.tr("Set the block to check on as the area of interest on the Data tab: {}").format(self.aoi_problem())
        if problem:
            return self._refuse(problem)
        if not self.local_packages_ready():
            return
        imagery = self.imageryCombo.currentLayer()
        parameters = {"MODEL": model, "IMAGERY": imagery, "REFERENCE": reference, **self.aoi_parameters()}

        def outputs(_):
            return {**parameters, **comparison_outputs(self, Path(self.record.folder))}

        def done(results, record):
            report = record_comparison_outputs(record, results)
            record.metrics.update({k: report[k] for k in ("tp", "fp", "fn", "f1", "building_iou", "precision", "recall",
                                                          "mean_vertices", "right_angle_share", "training_overlap")})
            text = self.tr("On this area: object F1 {f1:.3f} (TP {tp}, FP {fp}, FN {fn}), pixel building IoU "
                           "{building_iou:.3f}.").format(**report)
            if report["training_overlap"] > 0.01:
                text += self.tr(" {:.0%} of the area was in the model's training tiles: these scores flatter it; "
                                "check it on a block it never saw.").format(report["training_overlap"])
            self.statusLabel.setText(text)

        tag = runs.make_tag(f"{runs.model_label(model)} on {imagery.name()}")
        self._start("evaluate", [("e84segment:evaluatemodel", outputs)], parameters=parameters, done=done, tag=tag,
                    area_km2=self.aoi_km2(self.aoi_geometry()))

    def check_connection(self):
        from ..runner import AlgorithmRun

        problem = self._aws_problem(need_bucket=False, need_role=False)
        if problem:
            self.connectionLabel.setText(problem)
            return
        self._save_settings()
        run = AlgorithmRun("e84segment:checkaws", {**self._aws(), "S3_URI": self.s3UriEdit.text().strip(),
                                                    "ROLE_ARN": self.roleEdit.text().strip(),
                                                    "INSTANCE_TYPE": self.instanceCombo.currentText().strip()}, self)
        self.connectionLabel.setText(self.tr("Checking..."))
        run.finished.connect(lambda ok, results, log: self.connectionLabel.setText(
            results.get("REPORT") or (log.strip().splitlines() or [self.tr("The check failed.")])[-1]))
        self._check_run = run
        run.start()

"""The Train tab: a model on this machine (PyTorch) or on SageMaker, with a live epoch plot."""
from pathlib import Path

from qgis.gui import QgsFileWidget

from ...backends.sagemaker.contract import GPU_TRAINING_INSTANCES
from ...core import dataset, runs
from ...processing.train_local import ENCODER_CHOICES, validation_chips
from ..epoch_plot import EpochPlot
from .data import fingerprint

BACKENDS = ("Local (this machine)", "Amazon SageMaker")


class TrainTab:
    """Mixin of E84SegmentDock: the Train tab's widgets come from dock.ui."""

    def setup_train_tab(self) -> None:
        self.datasetWidget.setStorageMode(QgsFileWidget.GetDirectory)
        self.backendCombo.addItems([self.tr(b) for b in BACKENDS])
        self.encoderCombo.addItems([label for _, label in ENCODER_CHOICES])
        self.instanceCombo.addItems(list(GPU_TRAINING_INSTANCES))
        self.plot = EpochPlot(self.plotContainer)
        self.plotContainer.layout().addWidget(self.plot)
        self.backendCombo.currentIndexChanged.connect(self._show_backend)
        self.trainButton.clicked.connect(self.train)
        self.checkButton.clicked.connect(self.check_connection)
        self._show_backend()

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
        about = dataset.load_dataset_json(Path(folder)) or {}
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
        parameters = {"DATASET": folder, "S3_URI": self.s3UriEdit.text().strip(), "ROLE_ARN": self.roleEdit.text().strip(),
                      "INSTANCE_TYPE": self.instanceCombo.currentText().strip(), "EPOCHS": self.epochsSpin.value(),
                      "USE_SPOT": self.spotCheck.isChecked(), **self._aws()}

        def remote(_):
            return {**parameters, "OUTPUT_RECORD": str(Path(self.record.folder) / "sagemaker.json")}

        def done(results, record):
            record.sagemaker.update(job=results.get("JOB_NAME", ""), model_artifact=results.get("MODEL_ARTIFACT", ""))
            record.metrics.update({"validation:mIOU": results.get("MIOU"), "validation:pixel_accuracy": results.get("PIXEL_ACCURACY")})
            self.jobEdit.setText(results.get("JOB_NAME", ""))
            self.sourceCombo.setCurrentIndex(2)
            self.statusLabel.setText(self.tr("Training job {}: {}").format(results.get("JOB_NAME"), results.get("STATUS")))

        self._start("train", [("e84segment:trainsagemaker", remote)], "sagemaker", parameters, done, tag=tag)

    def _train_here(self, folder: str, tag: str) -> None:
        parameters = {"DATASET": folder, "TIME_LIMIT": self.timeLimitSpin.value(), "ENCODER": self.encoderCombo.currentIndex()}
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
            record.metrics.update(building_iou=results.get("BUILDING_IOU"), miou=results.get("MIOU"), measured_on=measured_on)
            record.fingerprint = fingerprint(folder)
            self.modelWidget.setFilePath(results.get("OUTPUT", ""))
            self.sourceCombo.setCurrentIndex(0)
            iou = results.get("BUILDING_IOU")
            where = (self.tr("on the validation chips") if measured_on == "validation"
                     else self.tr("on the training chips (no validation split: it flatters the model)"))
            self.statusLabel.setText(self.tr("Model {}: best building IoU {} {}").format(
                results.get("OUTPUT"), f"{iou:.3f}" if iou is not None else self.tr("unknown"), where))

        self._start("train", [("e84segment:trainlocal", local)], "local", parameters, done, tag=tag)

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

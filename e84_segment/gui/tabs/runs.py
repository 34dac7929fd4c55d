"""The Runs tab: the project's run history (reloadable) and the plugin's live SageMaker endpoints."""
import json
from pathlib import Path
from typing import List, Optional

from qgis.core import QgsProject, QgsRasterLayer, QgsVectorLayer
from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QListWidgetItem

from ...core import runs
from ...processing import styles
from .. import project_state

PROJECT_SCOPE, PROJECT_RUNS, PROJECT_BASELINE = "e84_segment", "runs", "baseline"
FOLDER_ROLE = Qt.ItemDataRole.UserRole
# Output files -> (layer name, styler): what a run loads, and loads again from the Runs tab.
OUTPUT_LAYERS = {
    "tiles": ("Training tiles", styles.TilesStyler), "classes": ("Predicted buildings", styles.ClassesStyler),
    "probability": ("Building probability", styles.ProbabilityStyler), "footprints": ("Footprints", styles.FootprintsStyler),
    "matched": ("Matched with OSM", styles.MatchedStyler),
    "predicted_only": ("Predicted, no OSM match: check", styles.PredictedOnlyStyler),
    "reference_only": ("OSM, not predicted", styles.ReferenceOnlyStyler),
    "grid": ("Building density and OSM completeness", styles.CompletenessStyler),
    "triage": ("Buildings by what the new imagery shows", styles.TriageStyler),
    "suggested": ("Tiles to correct next", styles.SuggestedTilesStyler),
    "settlements": ("Where people live", styles.PeopleStyler),
    "people_grid": ("Estimated people per cell", styles.PeopleCellsStyler),
}


class RunsTab:
    """Mixin of E84SegmentDock: the Runs tab's widgets come from dock.ui."""

    def setup_runs_tab(self) -> None:
        self.reloadButton.clicked.connect(self.reload_run)
        self.openFolderButton.clicked.connect(self.open_run_record)
        self.refreshEndpointsButton.clicked.connect(self.refresh_endpoints)
        self.deleteEndpointButton.clicked.connect(self.delete_endpoint)
        self.baselineButton.clicked.connect(self.set_baseline)
        self.compareRunsButton.clicked.connect(self.compare_runs)
        # The history belongs to the project: follow it when another is opened, or a new one started.
        project = QgsProject.instance()
        project.readProject.connect(self._restore_from_project)
        project.writeProject.connect(self._save_to_project)
        project.cleared.connect(self.refresh_runs)
        self.outputWidget.fileChanged.connect(self.refresh_runs)  # the workspace's run folders are listed
        self.refresh_runs()

    def disconnect_project(self) -> None:
        project = QgsProject.instance()
        for signal, slot in ((project.readProject, self._restore_from_project), (project.writeProject, self._save_to_project),
                             (project.cleared, self.refresh_runs),
                             (project.layersAdded, self.filter_label_pickers),
                             (project.layersAdded, self.filter_prediction_pickers)):
            try:
                signal.disconnect(slot)
            except TypeError:
                pass

    def _run_folders(self) -> List[str]:
        """The project's runs and every run folder of the workspace: the folders are the record, so runs of
        a project closed unsaved (or of another project on this workspace) are listed all the same."""
        folders = self._project_runs()
        workspace = self.workspace()
        found = sorted(str(path.parent) for path in workspace.glob(f"*/{runs.RUN_JSON}")) if workspace and workspace.is_dir() else []
        return list(dict.fromkeys(list(folders) + found))

    def _restore_from_project(self, *_) -> None:
        project_state.restore(self)
        self.refresh_runs()

    def _save_to_project(self, *_) -> None:
        project_state.save(self)

    def _project_runs(self) -> List[str]:
        folders, _ = QgsProject.instance().readListEntry(PROJECT_SCOPE, PROJECT_RUNS)
        return list(folders)

    def _remember(self, record: runs.RunRecord) -> None:
        folders = self._project_runs()
        if record.folder not in folders:
            QgsProject.instance().writeEntry(PROJECT_SCOPE, PROJECT_RUNS, folders + [record.folder])

    def _forget(self, record: runs.RunRecord) -> None:
        QgsProject.instance().writeEntry(PROJECT_SCOPE, PROJECT_RUNS, [f for f in self._project_runs() if f != record.folder])

    def refresh_runs(self, *_):
        self.runsList.clear()
        live = self.record.folder if self.record is not None else None
        for record in runs.load_all(self._run_folders(), live=live):
            item = QListWidgetItem(record.label())
            item.setData(FOLDER_ROLE, record.folder)
            item.setToolTip(f"{record.folder}\n{record.message}".strip())
            self.runsList.addItem(item)
        self._show_baseline()

    def _selected_record(self) -> Optional[runs.RunRecord]:
        item = self.runsList.currentItem()
        return runs.load(Path(item.data(FOLDER_ROLE))) if item is not None else None

    # --- comparing training runs ----------------------------------------------------------------

    def _baseline(self) -> Optional[runs.RunRecord]:
        folder, _ = QgsProject.instance().readEntry(PROJECT_SCOPE, PROJECT_BASELINE, "")
        return runs.load(Path(folder)) if folder else None

    def _show_baseline(self) -> None:
        baseline = self._baseline()
        self.baselineLabel.setText(self.tr("Baseline: {}").format(baseline.title) if baseline else
                                   self.tr("Choose a training run and set it as the baseline to compare others with it."))

    def set_baseline(self):
        record = self._selected_record()
        if record is None or record.kind != "train":
            self.baselineLabel.setText(self.tr("Choose a training run (a Model row) as the baseline."))
            return
        QgsProject.instance().writeEntry(PROJECT_SCOPE, PROJECT_BASELINE, record.folder)
        self._show_baseline()

    def compare_runs(self):
        from ...core import run_comparison
        from ..run_comparison import RunComparisonDialog

        baseline = self._baseline()
        chosen = [r for r in (runs.load(Path(i.data(FOLDER_ROLE))) for i in self.runsList.selectedItems()) if r is not None]
        others = [r for r in chosen if r.kind == "train" and (baseline is None or r.folder != baseline.folder)]
        if baseline is None or not others:
            self.baselineLabel.setText(self.tr("Set a baseline training run, then select the training runs to compare with it.")
                                       if baseline is None else self.tr("Select one or more other training runs (Model rows)."))
            return
        records = runs.load_all(self._run_folders())
        self.comparison_dialog = RunComparisonDialog(run_comparison.comparison(baseline, others, records), self)
        self.comparison_dialog.show()

    def loaded_output(self, path: Path, key: str):
        """A file output that loads into the project, named as OUTPUT_LAYERS says, when the step ends."""
        from qgis.core import QgsProcessingOutputLayerDefinition

        definition = QgsProcessingOutputLayerDefinition(str(path), QgsProject.instance())
        definition.destinationName = OUTPUT_LAYERS[key][0]
        return definition

    def reload_run(self):
        record = self._selected_record()
        if record is None:
            return
        project = QgsProject.instance()
        root = project.layerTreeRoot()
        group = root.findGroup(record.title)
        if group is not None and group.findLayers():
            # Loaded already: show it rather than add a hidden duplicate.
            group.setItemVisibilityChecked(True)
            group.setExpanded(True)
            view = getattr(self.iface, "layerTreeView", lambda: None)()
            if view is not None:
                view.setCurrentIndex(view.layerTreeModel().node2index(group))
            self.statusLabel.setText(self.tr("{} is loaded already: its group is selected.").format(record.title))
            return
        documents = [path for path in record.outputs.values() if path.endswith(".pdf") and Path(path).is_file()]
        if documents:  # a situation map: a document to open, not layers
            if not QDesktopServices.openUrl(QUrl.fromLocalFile(documents[0])):
                self.statusLabel.setText(self.tr("No program opens PDF files here: the map is {}").format(documents[0]))
            return
        group = group or root.insertGroup(0, record.title)
        from ..runner import place_by_rank

        for key, path in record.outputs.items():
            if key not in OUTPUT_LAYERS or not path or not Path(path.split("|")[0]).exists():
                continue
            name, styler = OUTPUT_LAYERS[key]
            name = f"{name} ({record.tag})" if record.tag else name
            layer = QgsRasterLayer(path, name) if path.endswith(".tif") else QgsVectorLayer(path, name, "ogr")
            if not layer.isValid():
                continue
            project.addMapLayer(layer, False)
            group.addLayer(layer)
            styler().postProcessLayer(layer, None, None)
            place_by_rank(group, layer)
        self.filter_label_pickers()
        self.statusLabel.setText(self.tr("Loaded the layers of {}").format(record.title))

    def open_run_record(self):
        record = self._selected_record()
        if record is not None and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(record.path))):
            # No program opens .json here (a bare Linux desktop): say where the file is instead of nothing.
            self.statusLabel.setText(self.tr("No program opens .json files here: the record is {}").format(record.path))

    # --- SageMaker endpoints --------------------------------------------------------------------

    def refresh_endpoints(self):
        if self._aws_problem(need_bucket=False, need_role=False):
            self.endpointsList.clear()
            self.endpointsList.addItem(self.tr("Set a region on the Train tab to list endpoints."))
            return
        self._endpoints({})

    def delete_endpoint(self):
        item = self.endpointsList.currentItem()
        if item is not None and item.data(FOLDER_ROLE):
            self._endpoints({"DELETE": item.data(FOLDER_ROLE)})

    def _endpoints(self, extra: dict):
        from ..runner import AlgorithmRun

        run = AlgorithmRun("e84segment:sagemakerendpoints", {**self._aws(), **extra}, self)

        def listed(ok, results, log):
            self.endpointsList.clear()
            if not ok:
                self.endpointsList.addItem((log.strip().splitlines() or ["?"])[-1])
                return
            for endpoint in json.loads(results.get("ENDPOINTS") or "[]"):
                item = QListWidgetItem(self.tr("{} ({}, since {})").format(endpoint["name"], endpoint["status"], endpoint["created"]))
                item.setData(FOLDER_ROLE, endpoint["name"])
                self.endpointsList.addItem(item)
            if not self.endpointsList.count():
                self.endpointsList.addItem(self.tr("No live endpoints of the plugin."))

        run.finished.connect(listed)
        self._endpoint_run = run
        run.start()

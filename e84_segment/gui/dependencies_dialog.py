"""The Dependencies dialog: what the local steps lack, installed online or from a folder of wheels.

A thin form over e84segment:installdependencies (progress, cancel and the log come from the
algorithm's run), plus a diagnostics report for bug reports.
"""
import sys
from pathlib import Path

from qgis.core import Qgis, QgsMessageLog
from qgis.gui import QgsFileWidget
from qgis.PyQt import uic
from qgis.PyQt.QtWidgets import QApplication, QDialog, QMessageBox

from .. import dependencies, installer
from ..i18n import tr

FORM, _ = uic.loadUiType(str(Path(__file__).with_name("dependencies.ui")))
LOG_TAG = "e84 segment"


class DependenciesDialog(QDialog, FORM):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.run = None
        self.errors = []
        self.wheelFolderWidget.setStorageMode(QgsFileWidget.GetDirectory)
        self.folderRadio.toggled.connect(self.wheelFolderWidget.setEnabled)
        self.wheelFolderWidget.setEnabled(False)
        for kit in installer.KITS:
            self.kitCombo.addItem(f"{tr(kit.title)} ({kit.size})", kit.key)
        self.kitCombo.currentIndexChanged.connect(self.show_state)
        # Only Linux has two builds to choose from: PyPI's Windows and macOS torch runs on the CPU as it is.
        self.cudaCheck.setVisible(sys.platform.startswith("linux"))
        self.installButton.clicked.connect(self.install)
        self.cancelButton.clicked.connect(self.cancel)
        self.cancelButton.setEnabled(False)
        self.diagnosticsButton.clicked.connect(self.copy_diagnostics)
        self.closeButton.clicked.connect(self.close)
        self.show_state()

    def kit(self) -> installer.Kit:
        return installer.KITS[max(self.kitCombo.currentIndex(), 0)]

    def show_state(self) -> None:
        kit = self.kit()
        folder = dependencies.packages_folder(kit)
        found = installer.state(folder, kit)
        lines = [f"{module}: {where}" for module, where in found.items()]
        missing = [module for module, where in found.items() if where == "missing"]
        lines.append(self.tr("Ready: {}.").format(kit.title) if not missing else
                     self.tr("Missing: {}. {}, installed into {} (this QGIS profile only; QGIS itself is not "
                             "changed).").format(", ".join(missing), kit.size.capitalize(), folder))
        self.stateLabel.setText("\n".join(lines))

    def install(self) -> None:
        from .runner import AlgorithmRun

        parameters = {"KIT": self.kitCombo.currentIndex(), "BUILD": int(self.cudaCheck.isChecked())}
        if self.folderRadio.isChecked():
            wheels = self.wheelFolderWidget.filePath().strip()
            if not wheels or not Path(wheels).is_dir():
                self.logEdit.appendPlainText(self.tr("Choose the folder of wheels first."))
                return
            parameters["WHEEL_FOLDER"] = wheels
            if not (Path(wheels) / "manifest.json").is_file():
                if not self._trusted(wheels):
                    self.logEdit.appendPlainText(self.tr("Not installed: choose a folder 'make wheelhouse' built (it holds "
                                                         "a manifest.json)."))
                    return
                parameters["UNCHECKED"] = True
        self.logEdit.clear()
        self.progressBar.setValue(0)
        self.run = AlgorithmRun("e84segment:installdependencies", parameters, self)
        self.run.feedback.line.connect(self.logEdit.appendPlainText)
        self.run.progress.connect(lambda value: self.progressBar.setValue(int(value)))
        self.run.finished.connect(self._finished)
        self.installButton.setEnabled(False)
        self.cancelButton.setEnabled(True)
        self.run.start()

    def _trusted(self, folder: str) -> bool:
        answer = QMessageBox.question(
            self, LOG_TAG, self.tr("{} has no manifest.json (make wheelhouse writes one), so its wheels cannot be checked "
                                   "against their checksums, and any wheel in it may be installed and run.\n\nInstall from "
                                   "it anyway? Only if you trust every file in the folder.").format(folder),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def cancel(self) -> None:
        if self.run is not None:
            self.run.cancel()

    def _finished(self, ok: bool, results: dict, log: str) -> None:
        self.run = None
        self.installButton.setEnabled(True)
        self.cancelButton.setEnabled(False)
        if ok and results.get("CHECK"):
            self.progressBar.setValue(100)
            self.logEdit.appendPlainText(self.tr("Ready ({}): {}").format(self.kit().title, results["CHECK"]))
        else:
            last = (log.strip().splitlines() or [self.tr("The install did not complete.")])[-1]
            self.errors.append(last)
            QgsMessageLog.logMessage(log, LOG_TAG, Qgis.MessageLevel.Warning)
            self.logEdit.appendPlainText(last)
        self.show_state()

    def diagnostics(self) -> str:
        plugin = Path(__file__).resolve().parents[1]
        return installer.diagnostics(dependencies.packages_folder(), Qgis.QGIS_VERSION, plugin, self.errors)

    def copy_diagnostics(self) -> None:
        QApplication.clipboard().setText(self.diagnostics())
        self.logEdit.appendPlainText(self.tr("Diagnostics copied to the clipboard."))


def open_dialog(parent=None) -> DependenciesDialog:
    dialog = DependenciesDialog(parent)
    dialog.show()
    return dialog

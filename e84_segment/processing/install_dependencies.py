"""e84segment:installdependencies: the local steps' packages, into a folder of the QGIS profile."""
from pathlib import Path

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputFolder,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
)

from .. import dependencies, installer
from .base import E84Algorithm
from ..i18n import sentence


class InstallDependenciesAlgorithm(E84Algorithm):
    ID = "installdependencies"
    TITLE = "Install packages for local steps"
    GROUP = "setup"
    KIT = "KIT"
    WHEEL_FOLDER = "WHEEL_FOLDER"
    TARGET_FOLDER = "TARGET_FOLDER"
    BUILD = "BUILD"
    FOLDER = "FOLDER"
    CHECK = "CHECK"
    UNCHECKED = "UNCHECKED"

    def shortHelpString(self):
        return (
            "Installs what local training and prediction need (PyTorch 2.13 for the CPU, the EfficientNet-lite0 encoder "
            "and its ImageNet weights, and their own few packages; about 900 MB) with QGIS's own Python, into a folder "
            "of the QGIS profile that the plugin adds to Python's path. Nothing of QGIS's installation is touched: the "
            "versions are pinned, nothing else is pulled in, and numpy, GDAL and PyQt are never replaced.\n\n"
            "Online it downloads from the package index (your pip settings and proxy apply). Offline, give "
            "WHEEL_FOLDER: a folder of wheels ('make wheelhouse' builds one per platform, for a USB stick or a "
            "Snowball share); nothing is then fetched from the network. Only the wheels its manifest.json lists are "
            "installed, each checked against its SHA-256; a folder without one is refused unless UNCHECKED.\n\n"
            "The packages are checked in a fresh Python (they import and the network runs) before they replace what "
            "was there: a failed or cancelled install changes nothing.\n\n"
            "KIT 1 installs onnxruntime alone (about 75 MB, into its own folder beside PyTorch's): enough to predict "
            "with a model exported as ONNX, for a lighter field laptop.\n\n"
            "Linux: PyPI's PyTorch is the CUDA build, with gigabytes of NVIDIA libraries. BUILD 0 (the default) takes "
            "the CPU build from PyTorch's own index (download.pytorch.org); where only a PyPI mirror can be reached, "
            "the install stops and says how large the CUDA build is. BUILD 1 installs the CUDA build with its "
            "libraries: for an NVIDIA GPU, or where PyTorch's index is out of reach. Windows and macOS take PyPI's "
            "build either way.\n\n"
            "QGIS's Python on Debian and Ubuntu has no pip: pip then runs from its wheel, taken from the folder of "
            "wheels or fetched from the package index."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterEnum(self.KIT, "Packages", options=[kit.title for kit in installer.KITS],
                                                     defaultValue=0))
        self.addParameter(QgsProcessingParameterFile(self.WHEEL_FOLDER, "Folder of wheels (offline; empty: the package index)",
                                                     QgsProcessingParameterFile.Folder, optional=True))
        self.addAdvancedParameter(QgsProcessingParameterEnum(
            self.BUILD, "PyTorch build (Linux)", options=["CPU (PyTorch's CPU index)", "CUDA (PyPI, with NVIDIA libraries)"],
            defaultValue=0))
        self.addAdvancedParameter(QgsProcessingParameterBoolean(
            self.UNCHECKED, "Install from a folder without manifest.json (its wheels unchecked)", False))
        self.addAdvancedParameter(QgsProcessingParameterFile(self.TARGET_FOLDER, "Install into (empty: the profile's packages folder)",
                                                             QgsProcessingParameterFile.Folder, optional=True))
        self.addOutput(QgsProcessingOutputFolder(self.FOLDER, "Packages folder"))
        self.addOutput(QgsProcessingOutputString(self.CHECK, "What the check said"))

    def processAlgorithm(self, parameters, context, feedback):
        wheels = self.parameterAsFile(parameters, self.WHEEL_FOLDER, context)
        kit = installer.KITS[self.parameterAsEnum(parameters, self.KIT, context)]
        folder = Path(self.parameterAsFile(parameters, self.TARGET_FOLDER, context) or dependencies.packages_folder(kit))
        lines = 0

        def report(line: str) -> None:
            nonlocal lines
            lines += 1
            feedback.pushInfo(line)
            feedback.setProgress(min(95.0, lines * 2.5))  # pip says a few lines per package

        try:
            result = installer.install(folder, Path(wheels) if wheels else None, report, feedback.isCanceled, kit=kit,
                                       build=installer.BUILDS[self.parameterAsEnum(parameters, self.BUILD, context)],
                                       unlisted_ok=self.parameterAsBoolean(parameters, self.UNCHECKED, context))
        except installer.InstallError as error:
            raise QgsProcessingException(sentence(error)) from None
        if result is None:
            return {}
        installer.activate(folder, kit)  # usable now, without restarting QGIS
        return {self.FOLDER: str(folder), self.CHECK: result.check}

"""What every e84 segment algorithm declares the same way: its id, title and group; and the
checks every algorithm owes the analyst (outputs writable before work starts, errors as sentences)."""
import errno
import functools
import os
import re
import tempfile
import traceback
from pathlib import Path
from typing import Optional

from qgis.core import (
    Qgis,
    QgsMessageLog,
    QgsProcessingAlgorithm,
    QgsProcessingParameterEnum,
    QgsProcessingException,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterVectorDestination,
)

from ..i18n import sentence, tr

# The toolbox lists groups alphabetically by name: numbered names keep the workflow's order (translations too).
GROUPS = {
    "trainingdata": "1 Training data",
    "model": "2 Model",
    "footprints": "3 Footprints",
    "sagemaker": "4 SageMaker",
    "setup": "5 Set-up",
}


def plain(value):
    """A field value as Python: None for NULL (PyQGIS hands NULL over as a null QVariant)."""
    return None if value is None or (hasattr(value, "isNull") and value.isNull()) else value


def file_path_of(value) -> Optional[str]:
    """The file system path an output parameter value names; None for temporary, memory or database outputs."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink.staticValue()
    if not isinstance(value, str) or not value or value == "TEMPORARY_OUTPUT":
        return None
    if ":" in value.split("/")[0].split("\\")[0] and not (len(value) > 1 and value[1] == ":"):
        return None  # memory:, ogr:dbname=..., postgres: (a drive letter "C:" is a path)
    return value.split("|")[0]


def unwritable(path: Path) -> Optional[Path]:
    """The folder that stops ``path`` from being written, or None when it can be. Probes with a real
    file: os.access is wrong on Windows ACLs and read-only mounts."""
    folder = Path(path).parent if not Path(path).is_dir() else Path(path)
    while not folder.exists():
        if folder.parent == folder:
            return folder
        folder = folder.parent
    if not folder.is_dir():
        return folder
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError:
        return folder
    return None


def _other_layers(path: str, definition) -> list:
    """The layers of an existing GeoPackage that a vector output would wipe (QGIS replaces the file)."""
    if not isinstance(definition, (QgsProcessingParameterFeatureSink, QgsProcessingParameterVectorDestination)):
        return []
    if not path.lower().endswith(".gpkg") or not os.path.isfile(path):
        return []
    from osgeo import ogr

    source = ogr.Open(path)
    return [source.GetLayer(i).GetName() for i in range(source.GetLayerCount())] if source is not None else []


def _sentences(process):
    """An algorithm's prepare, process or post-process step whose every failure is a sentence saying what to change: a file that cannot be
    written, a full disk, a refusal raised below Processing (in QGIS's language), or, for what nothing
    foresaw, the error itself with a pointer to the log. The traceback goes to the log, never to the
    analyst's face."""

    @functools.wraps(process)
    def wrapped(self, *arguments):
        feedback = arguments[-1]  # last for prepareAlgorithm, processAlgorithm and postProcessAlgorithm
        writes = process.__name__ == "processAlgorithm"  # prepare and post-process write no outputs
        fresh = self._fresh_outputs(*arguments[:2]) if writes else []
        try:
            results = process(self, *arguments)
        except QgsProcessingException:
            _remove(fresh)
            raise
        except Exception as error:  # noqa: BLE001 (the point: no traceback reaches the analyst)
            _remove(fresh)
            if feedback is not None:
                feedback.pushDebugInfo(traceback.format_exc())
            raise QgsProcessingException(_failure(error)) from error
        if fresh and feedback is not None and feedback.isCanceled() and not results:
            _remove(fresh)
        unreadable = self._unreadable_outputs(results) if writes else []
        if unreadable:
            _remove(path for path in fresh if path in unreadable)
            raise QgsProcessingException(tr("Writing failed: {} cannot be read back (the disk is probably full). Free "
                                            "some space or choose another folder, and run the step again")
                                         .format(", ".join(map(str, unreadable))))
        return results

    return wrapped


def _remove(paths) -> None:
    """Output files this run created (a sink QGIS made under the final name), gone after a failure or a
    cancel: a 0-byte GeoPackage under the name asked for read as a result."""
    for path in paths:
        try:
            if path.is_file():
                path.unlink()
        except OSError:  # still open (Windows): QGIS's own cleanup is all there is
            pass


def _checked(check):
    """checkParameterValues that answers (False, sentence) where a check itself fails (a file that
    cannot be read, say) instead of raising into the dialog or the dock."""

    @functools.wraps(check)
    def wrapped(self, parameters, context):
        try:
            return check(self, parameters, context)
        except QgsProcessingException as error:
            return False, error.args[0] if error.args else str(error)
        except Exception as error:  # noqa: BLE001
            QgsMessageLog.logMessage(traceback.format_exc(), "e84 segment", Qgis.MessageLevel.Warning)
            return False, _failure(error)

    return wrapped


_WRITE_FAILED = re.compile(r"disk is full|no space left|write error|iostream error|file write failed", re.IGNORECASE)


def _failure(error: BaseException) -> str:
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        where = f" ({error.filename})" if error.filename else ""
        return tr("The disk is full{}: free some space, or choose a folder on another disk, and run the step again.").format(where)
    if _WRITE_FAILED.search(str(error)):  # SQLite's, libtiff's and PyTorch's words for a write a full disk refused
        return tr("Writing failed ({}): the disk is probably full. Free some space, or choose a folder on another disk, "
                  "and run the step again.").format(error)
    if isinstance(error, OSError) and getattr(error, "template", None) is None:
        where = f" {error.filename}" if error.filename else ""
        return tr("Cannot read or write{}: {}. Choose a folder you can write to, with free space, and check that the "
                  "file is not open in another program.").format(where, error.strerror or error)
    if isinstance(error, MemoryError):
        return tr("The step ran out of memory: choose a smaller area, a smaller batch or fewer tiles at a time.")
    if getattr(error, "template", None) is not None:
        return sentence(error)
    return tr("The step stopped on an error it did not expect ({}: {}). The details are in the log (Processing tab "
              "of the Log Messages panel); please report them with the step's parameters.").format(type(error).__name__, error)


def _labelled(help_text):
    """shortHelpString in the dialog's words: a parameter's NAME becomes its label as the dialog shows
    it ('Background ratio'); the help's source stays readable for qgis_process users too."""

    @functools.wraps(help_text)
    def wrapped(self):
        text = tr(help_text(self))
        labels = {d.name(): d.description() for d in self.outputDefinitions()}
        labels.update({d.name(): d.description() for d in self.parameterDefinitions()})
        for name in sorted(labels, key=len, reverse=True):
            label = labels[name].split(" (")[0]
            text = re.sub(rf"\b{re.escape(name)}\b", f"'{label}'", text)
        return text

    return wrapped


class E84Algorithm(QgsProcessingAlgorithm):
    """Subclasses set ``ID``, ``TITLE`` and ``GROUP`` (a key of GROUPS)."""

    ID = ""
    TITLE = ""
    GROUP = ""
    # Outputs written on purpose when the step fails (a run record saying why): not removed then.
    KEPT_ON_FAILURE = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        for method in ("prepareAlgorithm", "processAlgorithm", "postProcessAlgorithm"):
            if method in cls.__dict__:
                setattr(cls, method, _sentences(cls.__dict__[method]))
        if "checkParameterValues" in cls.__dict__:
            cls.checkParameterValues = _checked(cls.__dict__["checkParameterValues"])
        if "shortHelpString" in cls.__dict__:
            cls.shortHelpString = _labelled(cls.__dict__["shortHelpString"])

    def name(self):
        return self.ID

    def displayName(self):
        return tr(self.TITLE)

    def group(self):
        return tr(GROUPS[self.GROUP])

    def addParameter(self, parameter: QgsProcessingParameterDefinition, createOutput: bool = True) -> bool:  # noqa: N802, N803
        """Every parameter in the analyst's language: its label and, for a list, its choices."""
        parameter.setDescription(tr(parameter.description()))
        if isinstance(parameter, QgsProcessingParameterEnum):
            parameter.setOptions([tr(option) for option in parameter.options()])
        return super().addParameter(parameter, createOutput)

    def addOutput(self, definition) -> bool:  # noqa: N802
        definition.setDescription(tr(definition.description()))
        return super().addOutput(definition)

    def groupId(self):
        return self.GROUP

    def createInstance(self):
        return type(self)()

    def addAdvancedParameter(self, parameter: QgsProcessingParameterDefinition) -> None:  # noqa: N802 (QGIS style)
        """A parameter under the dialog's "Advanced parameters"."""
        parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(parameter)

    def _explain(self, message: str, parameters) -> str:
        """QGIS says "Incorrect parameter value for MODEL": say which field, what was given and what it takes."""
        for definition in self.parameterDefinitions():
            if not message.endswith(f" {definition.name()}"):
                continue
            value = parameters.get(definition.name())
            given = f" '{value}'" if isinstance(value, str) and value else ""
            extensions = [getattr(definition, "extension", lambda: "")()]
            extensions += re.findall(r"\*\.(\w+)", getattr(definition, "fileFilter", lambda: "")())
            extensions = [e for e in extensions if e]
            if extensions:
                wants = tr("choose a .{} file").format(" or .".join(extensions))
            elif isinstance(definition, QgsProcessingParameterNumber) and value is not None:
                given = f" {value}"
                wants = tr("it takes {} to {}").format(f"{definition.minimum():g}", f"{definition.maximum():g}")
            else:
                wants = tr("it is missing or of the wrong kind: {}").format(definition.help() or definition.description())
            return tr("{}:{} is not accepted here; {}.").format(definition.description(), given, wants)
        return message

    def _unreadable_outputs(self, results) -> list:
        """Vector and raster files the step says it wrote that do not open: a full disk lets QGIS's sinks
        close a 0-byte or header-only file without a word (a GeoPackage 'of 400 footprints' held none)."""
        from osgeo import gdal

        unreadable = []
        for definition in self.destinationParameterDefinitions():
            if isinstance(definition, (QgsProcessingParameterFolderDestination, QgsProcessingParameterFileDestination)):
                continue
            path = file_path_of((results or {}).get(definition.name()))
            if path is None or not os.path.isfile(path):
                continue
            try:
                opened = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_RASTER)
            except RuntimeError:
                opened = None
            if opened is None or opened.RasterCount == 0 and opened.GetLayerCount() == 0:
                unreadable.append(Path(path))
        return unreadable

    def _fresh_outputs(self, parameters, context) -> list:
        """The file outputs that do not exist before the run: what a failure must not leave behind."""
        paths = []
        for definition in self.destinationParameterDefinitions():
            if isinstance(definition, QgsProcessingParameterFolderDestination) or definition.name() in self.KEPT_ON_FAILURE:
                continue  # folders are staged by the steps that write them; records of a failure are kept
            path = file_path_of(parameters.get(definition.name()))
            if path is not None and not os.path.exists(path):
                paths.append(Path(path))
        return paths

    def checkParameterValues(self, parameters, context):  # noqa: N802
        """Refuses outputs that cannot be written before any work (the dialog, qgis_process,
        processing.run and the dock all ask this first)."""
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, self._explain(message, parameters)
        for definition in self.destinationParameterDefinitions():
            path = file_path_of(parameters.get(definition.name()))
            if path is None:
                continue
            is_folder = isinstance(definition, QgsProcessingParameterFolderDestination)
            target = Path(path) / "probe" if is_folder else Path(path)
            blocked = unwritable(target)
            if blocked is not None:
                return False, tr("{}: cannot write into {} (read-only, or not a folder). Choose a folder you can write "
                                 "to.").format(definition.description(), blocked)
            if not is_folder and os.path.isdir(path):
                return False, tr("{}: {} is a folder; give a file name.").format(definition.description(), path)
            held = _other_layers(path, definition)
            if held:
                return False, tr("{}: {} already holds the layers {}, and writing here would replace the whole file. "
                                 "Choose a new file, or add a layer to it with 'Export footprints'.").format(
                    definition.description(), path, ", ".join(held))
        return True, ""

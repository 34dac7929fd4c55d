"""Every failure of a step is a sentence: refusals raised below Processing keep their English template and
fields for translation, and what nothing foresaw still ends as a sentence with the traceback in the log."""
import errno

import pytest
from qgis.core import QgsProcessingContext, QgsProcessingException

from e84_segment.core.sentence import reworded, said
from e84_segment.processing.base import E84Algorithm

from .conftest import Recorder


def test_said_keeps_the_kind_the_english_sentence_and_the_template():
    error = said(ValueError, "{path} has no coordinate reference system: assign one in QGIS first", path="a.tif")
    assert isinstance(error, ValueError)
    assert str(error) == "a.tif has no coordinate reference system: assign one in QGIS first"
    french = {"{path} has no coordinate reference system: assign one in QGIS first":
              "{path} n'a pas de système de coordonnées de référence : attribuez-en un dans QGIS d'abord"}
    assert reworded(error, lambda text: french.get(text, text)).startswith("a.tif n'a pas de système")
    # A translation that lost its field falls back to English rather than failing the failure.
    assert reworded(error, lambda text: "{chemin} sans SCR") == str(error)
    assert reworded(ValueError("plain"), lambda text: "translated") == "plain"


class _Failing(E84Algorithm):
    ID, TITLE, GROUP = "failing", "Failing", "data"

    def __init__(self, error):
        super().__init__()
        self.error = error

    def initAlgorithm(self, config=None):  # noqa: N802
        pass

    def createInstance(self):  # noqa: N802
        return _Failing(self.error)

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        raise self.error


@pytest.mark.parametrize("error, expected", [
    (KeyError("dataset"), r"an error it did not expect \(KeyError: 'dataset'\).*Log Messages"),
    (OSError(errno.ENOSPC, "No space left on device", "/data/out.tif"), r"The disk is full \(/data/out.tif\): free some space"),
    (PermissionError(errno.EACCES, "Permission denied", "/data/out.tif"), r"Cannot read or write /data/out.tif: Permission denied"),
    (MemoryError(), "ran out of memory: choose a smaller area"),
    (said(RuntimeError, "The tile service answered HTTP {status}", status=418), "^The tile service answered HTTP 418$"),
])
def test_every_failure_of_a_step_is_a_sentence_with_the_traceback_in_the_log(qgis_app, error, expected):
    algorithm = _Failing(error)
    algorithm.initAlgorithm()
    feedback = Recorder()
    with pytest.raises(QgsProcessingException, match=expected):
        algorithm.processAlgorithm({}, QgsProcessingContext(), feedback)
    assert any("Traceback" in line for line in feedback.debug)


def test_a_processing_exception_passes_as_it_is(qgis_app):
    algorithm = _Failing(QgsProcessingException("OUTPUT: choose a .gpkg"))
    with pytest.raises(QgsProcessingException, match="^OUTPUT: choose a .gpkg$"):
        algorithm.processAlgorithm({}, QgsProcessingContext(), Recorder())

"""The plugin in the analyst's language: French and Spanish translations of the dock, the algorithms'
names, parameters and help, and their errors, loaded from QGIS's locale setting."""
import shutil
import sys

import pytest

from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingException, QgsSettings

import e84_segment
from e84_segment import i18n

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import translations  # noqa: E402  (scripts/translations.py: what make translations and make package run)


def test_every_string_has_a_french_and_a_spanish_translation_that_keeps_its_fields():
    found, problems = translations.messages()
    assert problems == [] and len(found) > 500
    for language in translations.LANGUAGES:
        table = translations.read(translations.ts_path(language))
        assert set(table) == set(found), "the .ts files are behind the code: run make translations"
        unfinished = [source for (_, source), (text, finished) in table.items() if not finished or not text]
        assert unfinished == [], f"{language}: {len(unfinished)} untranslated, e.g. {unfinished[:3]}"
        broken = {source: translations.mismatches(source, text) for (_, source), (text, _) in table.items()}
        assert {k: v for k, v in broken.items() if v} == {}


def test_the_check_catches_a_translation_that_drops_a_field_or_a_name():
    assert translations.mismatches("{} tiles at zoom {}", "{} tuiles") == ["format fields ['{}', '{}'] became ['{}']"]
    assert translations.mismatches("Give WHEEL_FOLDER", "Indiquez le dossier")[0].startswith("names ['WHEEL_FOLDER']")
    assert translations.mismatches(" and ", "et") == ["leading spaces differ", "trailing spaces differ"]
    assert translations.mismatches("; the {} tiles", " ; les {} tuiles") == []  # French spacing
    assert translations.mismatches("{folder} lacks {sub}/", "Il manque {sub}/ dans {folder}") == []  # named: may move
    assert translations.mismatches("{path} at {zoom}", "{path} au {zom}")[0].startswith("format fields")


@pytest.fixture
def compiled(tmp_path, monkeypatch):
    if not (shutil.which("lrelease") or shutil.which("lrelease-qt5")):
        pytest.skip("lrelease is absent: install qttools5-dev-tools (make setup does)")
    translations.compile_to(tmp_path)
    monkeypatch.setattr(i18n, "FOLDER", tmp_path)  # where make package puts them in the plugin
    return tmp_path


@pytest.fixture
def qgis_locale():
    settings = QgsSettings()
    before = settings.value("locale/userLocale"), settings.value("locale/overrideFlag")

    def set_locale(name):
        settings.setValue("locale/overrideFlag", True)
        settings.setValue("locale/userLocale", name)

    yield set_locale
    for key, value in zip(("locale/userLocale", "locale/overrideFlag"), before):
        settings.remove(key) if value is None else settings.setValue(key, value)
    i18n.uninstall()


@pytest.mark.parametrize("locale, words", [
    ("fr_FR", {"tab": "1 Données", "group": "Imagerie et étiquettes", "title": "Construire les données d'entraînement",
               "alg_group": "1 Données d'entraînement", "parameter": "Niveau de zoom", "help": "Découpe l'imagerie en tuiles",
               "label": "'Imagettes sans bâtiment par imagette avec bâtiments'", "error": "impossible d'écrire dans", "action": "Dépendances…",
               "run_error": "n'a pas d'extension connue ; terminez-le par .gpkg",
               "core_error": "existe déjà et n'est pas vide : choisissez un nouveau nom de dossier"}),
    ("es_ES", {"tab": "1 Datos", "group": "Imágenes y etiquetas", "title": "Crear datos de entrenamiento",
               "alg_group": "1 Datos de entrenamiento", "parameter": "Nivel de zoom", "help": "Corta las imágenes en teselas",
               "label": "'Recortes sin edificios por recorte con edificios'", "error": "no se puede escribir en", "action": "Dependencias…",
               "run_error": "no tiene una extensión conocida; termínelo en .gpkg",
               "core_error": "ya existe y no está vacía: elija un nombre de carpeta nuevo"}),
])
def test_the_plugin_speaks_the_language_qgis_is_set_to(qgis_iface, qgis_processing, compiled, qgis_locale, tmp_path, locale, words):
    qgis_locale(locale)
    registry = QgsApplication.processingRegistry()
    if registry.providerById("e84segment") is not None:  # registered in English by other tests' fixture
        registry.removeProvider(registry.providerById("e84segment"))
    plugin = e84_segment.classFactory(qgis_iface)  # reads QGIS's language as QGIS starts a plugin
    try:
        plugin.initGui()
        dock = plugin.dock
        assert dock.stepsTabs.tabText(0) == words["tab"]
        assert dock.inputsGroup.title() == words["group"]
        assert plugin.dependencies_action.text() == words["action"]
        algorithm = registry.algorithmById("e84segment:buildtrainingdata")
        assert algorithm.displayName() == words["title"] and algorithm.group() == words["alg_group"]
        assert algorithm.parameterDefinition("ZOOM").description() == words["parameter"]
        help_text = algorithm.shortHelpString()
        assert help_text.startswith(words["help"]) and words["label"] in help_text  # NAMEs become the labels
        blocked = tmp_path / "a-file"  # not a folder: nothing can be written under it, even as root
        blocked.write_text("")
        ok, message = algorithm.checkParameterValues(
            {"IMAGERY": str(ROOT / "demo" / "aoiA_dense_z20.tif"), "LABELS": str(ROOT / "demo" / "buildings.geojson"), "ZOOM": 20,
             "OUTPUT": str(blocked / "out")}, QgsProcessingContext())
        assert not ok and words["error"] in message, message
        import processing

        with pytest.raises(QgsProcessingException, match=words["run_error"]):  # an algorithm's own error
            processing.run("e84segment:exportfootprints", {"INPUT": str(ROOT / "demo" / "buildings.geojson"),
                                                           "OUTPUT": str(tmp_path / "footprints.xyz")})
        taken = tmp_path / "taken"
        taken.mkdir()
        (taken / "notes.txt").write_text("")
        with pytest.raises(QgsProcessingException, match=words["core_error"]):  # raised below Processing, Qt-free
            processing.run("e84segment:buildtrainingdata", {
                "IMAGERY": str(ROOT / "demo" / "aoiA_dense_z20.tif"), "LABELS": str(ROOT / "demo" / "buildings.geojson"),
                "ZOOM": 20, "OUTPUT": str(taken)})
    finally:
        plugin.unload()
    assert registry.algorithmById("e84segment:buildtrainingdata") is None
    assert i18n.tr("Build training data") == "Build training data"  # unloaded: English again

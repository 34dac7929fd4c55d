"""Translations: the plugin speaks QGIS's language where a translation exists (French, Spanish).

Strings reach Qt Linguist files (``i18n/e84_segment_<language>.ts``, kept in the repository; ``make
translations`` brings them up to date with the code, ``make package`` compiles them to ``.qm``) by
these routes, which scripts/translations.py finds:
- ``tr("...")`` from this module, and the templates given to ``core.sentence.said()`` (``sentence()``
  translates the error they make); and ``self.tr("...")`` in Qt widgets (their class is the context);
  ``N_("...")`` marks a choice where it is defined, for ``tr()`` where it is shown;
- an algorithm's TITLE, group name, shortHelpString, and the descriptions and enum options of its
  parameters and outputs (processing/base.py translates them as QGIS asks for them);
- Designer forms, which Qt translates as it loads them.
A string without a translation shows in English.
"""
from pathlib import Path
from typing import Optional

from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from .core.sentence import reworded

CONTEXT = "e84_segment"
FOLDER = Path(__file__).resolve().parent / "i18n"
LANGUAGES = ("fr", "es")
_installed = []  # Qt keeps only a pointer: the translator must outlive its installation


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def sentence(error: BaseException) -> str:
    """An error's sentence in QGIS's language: raised below Processing with core.sentence.said(), or as is."""
    return reworded(error, tr)


def N_(text: str) -> str:  # noqa: N802 (gettext's name for it)
    """Marks a string for translation where it is defined (a list of choices); tr() translates it where shown."""
    return text


def qgis_language() -> str:
    """The language QGIS shows (Settings > Options > General), e.g. 'fr' for fr_FR."""
    from qgis.core import QgsApplication

    return (QgsApplication.locale() or "en")[:2].lower()


def install(language: Optional[str] = None, folder: Optional[Path] = None) -> Optional[Path]:
    """Loads the translation for ``language`` (default: QGIS's) from ``folder`` (default: the plugin's
    i18n folder, where ``make package`` puts the .qm files); returns the .qm used, or None."""
    uninstall()
    language = (language or qgis_language())[:2].lower()
    path = Path(folder or FOLDER) / f"e84_segment_{language}.qm"
    translator = QTranslator()
    if not path.is_file() or not translator.load(str(path)):
        return None
    QCoreApplication.installTranslator(translator)
    _installed.append(translator)
    return path


def uninstall() -> None:
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())

"""Sentences raised below Processing, translatable without Qt.

The layers under Processing (core, backends) import no Qt, so they cannot call ``tr()``. An exception
made with ``said()`` keeps its English template and fields apart; processing/base.py shows it in QGIS's
language, and scripts/translations.py collects every template given to ``said()``. ``str(error)`` stays
the English sentence, for logs, scripts and the SageMaker containers.
"""
from typing import Callable


def said(kind: type, template: str, /, **fields) -> BaseException:
    error = kind(template.format(**fields))
    error.template, error.fields = template, fields
    return error


def reworded(error: BaseException, translate: Callable[[str], str]) -> str:
    """The error's sentence through ``translate``; its English one where it has no template, or where a
    translation lost a field (scripts/translations.py checks they do not)."""
    template = getattr(error, "template", None)
    if template is None:
        return str(error)
    try:
        return translate(template).format(**error.fields)
    except (KeyError, IndexError, ValueError):
        return str(error)

"""Attribute field types for ``QgsField`` on QGIS 3 (Qt5) and QGIS 4 (Qt6).

QGIS 3 takes ``QVariant.Type``; QGIS 4 takes ``QMetaType.Type``, and PyQt6 has no ``QVariant.Int``.
Each name below is the one the running QGIS accepts.
"""
from qgis.core import QgsField, QgsFields
from qgis.PyQt.QtCore import QMetaType, QVariant


def _field_type(legacy: str, metatype: str):
    # Qt5: QVariant's enum, which every QGIS 3 accepts (3.38+ also takes QMetaType); Qt6: the metatype.
    value = getattr(QVariant, legacy, None)
    return value if value is not None else getattr(QMetaType.Type, metatype)


INT = _field_type("Int", "Int")
LONG_LONG = _field_type("LongLong", "LongLong")
DOUBLE = _field_type("Double", "Double")
STRING = _field_type("String", "QString")


def fields(spec, base: QgsFields = None) -> QgsFields:
    """``base``'s fields (none by default) followed by (name, type) pairs."""
    made = QgsFields(base) if base is not None else QgsFields()
    for name, kind in spec:
        made.append(QgsField(name, kind))
    return made

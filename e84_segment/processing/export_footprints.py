"""e84segment:exportfootprints: footprints to a file for the people who act on them, never at the
cost of what the file already holds."""
import os
import re
import secrets
from pathlib import Path

from osgeo import ogr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsUnitTypes,
    QgsVectorFileWriter,
)

from .base import E84Algorithm
from ..i18n import tr

# suffix -> (OGR driver, one layer per file)
FORMATS = {
    ".gpkg": ("GPKG", False),
    ".geojson": ("GeoJSON", True),
    ".json": ("GeoJSON", True),
    ".shp": ("ESRI Shapefile", True),
    ".fgb": ("FlatGeobuf", True),
}
SHAPEFILE_PARTS = (".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix")
WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")


def layer_name_for(text: str) -> str:
    """A layer name every format and database takes: letters, digits and underscores."""
    name = re.sub(r"[^0-9A-Za-z]+", "_", text).strip("_").lower()
    return name or "buildings"


def gpkg_layers(path: Path) -> list:
    if not path.is_file():
        return []
    source = ogr.Open(str(path))
    if source is None:
        return []
    return [source.GetLayer(i).GetName() for i in range(source.GetLayerCount())]


def existing_target(path: Path, layer_name: str) -> str:
    """What writing would replace: '' when nothing, else a sentence for the refusal or the question."""
    driver, single = FORMATS.get(path.suffix.lower(), (None, True))
    if driver is None or not path.exists():
        return ""
    if single:
        return f"{path} exists"
    if layer_name in gpkg_layers(path):
        return f"{path} already holds a layer '{layer_name}'"
    return ""


def geojson_options(crs: QgsCoordinateReferenceSystem) -> list:
    """RFC 7946 in WGS 84 (7 decimals, about 1 cm, as OSM stores); otherwise a legacy crs member with
    the precision the CRS's units need, never 15 decimals."""
    if crs == WGS84:
        return ["RFC7946=YES", "COORDINATE_PRECISION=7"]
    decimals = 7 if crs.mapUnits() == QgsUnitTypes.DistanceDegrees else 3
    return [f"COORDINATE_PRECISION={decimals}"]


class ExportFootprintsAlgorithm(E84Algorithm):
    ID = "exportfootprints"
    TITLE = "Export footprints"
    GROUP = "footprints"
    INPUT = "INPUT"
    TARGET_CRS = "TARGET_CRS"
    LAYER_NAME = "LAYER_NAME"
    OVERWRITE = "OVERWRITE"
    OUTPUT = "OUTPUT"
    OUTPUT_LAYER = "OUTPUT_LAYER"
    COUNT = "COUNT"

    def shortHelpString(self):
        return (
            "Writes footprints (or any polygon layer; selected features only if asked) to a GeoPackage, GeoJSON, "
            "Shapefile or FlatGeobuf file, chosen by the file's extension.\n\n"
            "Nothing the file holds is lost: an existing GeoPackage gets a new layer (Layer name, by default "
            "the input layer's name) beside its other layers; a layer of the same name, or an existing file of a "
            "one-layer format, is replaced only with 'Replace an existing layer or file'. The file appears "
            "whole or not at all.\n\n"
            "CRS: by default WGS 84 for GeoJSON (RFC 7946, 7 decimals), the input's CRS otherwise."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(self.INPUT, "Footprints", [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterCrs(self.TARGET_CRS, "CRS (default: WGS 84 for GeoJSON, the input's otherwise)", optional=True))
        self.addParameter(QgsProcessingParameterString(self.LAYER_NAME, "Layer name (default: the input layer's)", optional=True))
        self.addParameter(QgsProcessingParameterBoolean(self.OVERWRITE, "Replace an existing layer or file", False))
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT, "File",
                "GeoPackage (*.gpkg);;GeoJSON (*.geojson);;ESRI Shapefile (*.shp);;FlatGeobuf (*.fgb)",
            )
        )
        self.addOutput(QgsProcessingOutputString(self.OUTPUT_LAYER, "Layer written"))
        self.addOutput(QgsProcessingOutputNumber(self.COUNT, "Features written"))

    def processAlgorithm(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(tr("Footprints: choose a polygon layer"))
        path = Path(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        driver, single = FORMATS.get(path.suffix.lower(), (None, True))
        if driver is None:
            raise QgsProcessingException(tr("File: {} has no known extension; end it in .gpkg, .geojson, .shp "
                                            "or .fgb").format(path.name))
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        name = self.parameterAsString(parameters, self.LAYER_NAME, context).strip()
        name = layer_name_for(name or (layer.name() if layer is not None else source.sourceName()))
        overwrite = self.parameterAsBoolean(parameters, self.OVERWRITE, context)
        clash = existing_target(path, name)
        if clash and not overwrite:
            advice = "choose another layer name" if not single else "choose another file name"
            raise QgsProcessingException(tr("{}: {}, or tick 'Replace an existing layer or file' to replace it")
                                         .format(clash, advice))
        crs = self.parameterAsCrs(parameters, self.TARGET_CRS, context)
        if not crs.isValid():
            crs = WGS84 if driver == "GeoJSON" else source.sourceCrs()
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = driver
        options.layerName = name
        options.fileEncoding = "UTF-8"
        if driver == "GeoJSON":
            options.layerOptions = geojson_options(crs)
            if crs != WGS84:
                feedback.pushWarning(tr("GeoJSON outside WGS 84 is not RFC 7946: many tools will read it in the "
                                        "wrong place"))
        # Written under a hidden name and renamed when complete: a new file, or a new layer of an existing
        # GeoPackage; a cancelled or failed export leaves the file as it was.
        in_place = path.exists() and not single
        path.parent.mkdir(parents=True, exist_ok=True)
        staged_name = f"{name}_partial_{secrets.token_hex(4)}"
        if in_place:
            target = path
            options.layerName = staged_name
            options.actionOnExistingFile = QgsVectorFileWriter.CreateOrOverwriteLayer
        else:
            target = path.with_name(f".{path.stem}.partial-{secrets.token_hex(4)}{path.suffix}")
        writer = QgsVectorFileWriter.create(str(target), source.fields(), source.wkbType(), crs, context.transformContext(), options)
        written = 0
        try:
            if writer.hasError() != QgsVectorFileWriter.NoError:
                raise QgsProcessingException(tr("Cannot write {}: {}").format(path, writer.errorMessage()))
            request = QgsFeatureRequest().setDestinationCrs(crs, context.transformContext())
            total = max(source.featureCount(), 1)
            for feature in source.getFeatures(request, QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks):
                if feedback.isCanceled():
                    break
                if not writer.addFeature(feature, QgsFeatureSink.FastInsert):
                    raise QgsProcessingException(tr("Cannot write {}: {}").format(path, writer.errorMessage()))
                written += 1
                feedback.setProgress(100 * written / total)
            del writer  # closes the file
            if feedback.isCanceled():
                raise _Cancelled()
            if in_place:
                _rename_layer(path, staged_name, name)
            else:
                _move_into_place(target, path, driver)
        except BaseException:
            writer = None
            if in_place:
                _drop_layer(path, staged_name)
            else:
                for part in _parts(target, driver):
                    if part.exists():
                        part.unlink()
            if feedback.isCanceled():
                feedback.pushWarning(tr("Cancelled: the file was left as it was"))
                return {}
            raise
        feedback.pushInfo(tr("Wrote {} features to {} (layer '{}', {})").format(written, path, name, crs.authid()))
        return {self.OUTPUT: str(path), self.OUTPUT_LAYER: name, self.COUNT: written}


class _Cancelled(Exception):
    pass


def _parts(path: Path, driver: str) -> list:
    if driver != "ESRI Shapefile":
        return [path]
    return [path.with_suffix(suffix) for suffix in SHAPEFILE_PARTS]


def _move_into_place(staged: Path, path: Path, driver: str) -> None:
    for part, final in zip(_parts(staged, driver), _parts(path, driver)):
        if part.exists():
            os.replace(part, final)
        elif final.exists():
            final.unlink()  # a sidecar of the replaced file that the new one does not have


def _drop_layer(path: Path, layer_name: str) -> bool:
    source = ogr.Open(str(path), update=1)
    if source is None:
        return False
    for i in range(source.GetLayerCount()):
        if source.GetLayer(i).GetName() == layer_name:
            return source.DeleteLayer(i) == ogr.OGRERR_NONE
    return False


def _rename_layer(path: Path, staged: str, name: str) -> None:
    """The staged layer takes its final name; a layer of that name (replacement was asked) goes first."""
    _drop_layer(path, name)
    source = ogr.Open(str(path), update=1)
    source.ExecuteSQL(f'ALTER TABLE "{staged}" RENAME TO "{name}"')
    source = None

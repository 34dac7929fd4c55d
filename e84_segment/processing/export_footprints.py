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
        # Written to a hidden file beside the target and moved in when complete: renamed into place as a new
        # file, or copied as a layer into an existing GeoPackage in one SQLite transaction (a layer staged
        # inside the analyst's file was left there, with every row, by an export killed before its rename).
        # A cancelled, failed or killed export leaves the file as it was.
        in_place = path.exists() and not single
        path.parent.mkdir(parents=True, exist_ok=True)
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
            # A full disk fails at close, silently: a 0-byte file was renamed into place as 'written'.
            held = _features_in(target)
            if held != written:
                raise QgsProcessingException(tr("Writing {} failed: the file holds {} of {} features (the disk is "
                                                "probably full). Free some space or choose another folder; nothing "
                                                "was changed").format(path, held, written))
            if in_place:
                _copy_layer_in_one_transaction(target, path, name, feedback.isCanceled)
                target.unlink()
            else:
                _move_into_place(target, path, driver)
        except BaseException:
            writer = None
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


def _features_in(path: Path) -> int:
    """Features of a written file's first layer; -1 where it does not open."""
    source = ogr.Open(str(path))
    if source is None or source.GetLayerCount() == 0:
        return -1
    return source.GetLayer(0).GetFeatureCount()


def _copy_layer_in_one_transaction(staged: Path, path: Path, name: str, cancelled) -> None:
    """The staged file's layer becomes layer ``name`` of the GeoPackage at ``path`` (replacing one of that
    name), in one transaction: until it commits, a kill or a failure leaves the file as it was (SQLite
    rolls its journal back when the file is next opened)."""
    from osgeo import gdal

    source_file = gdal.OpenEx(str(staged), gdal.OF_VECTOR)
    source = source_file.GetLayer(0)
    target = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_UPDATE)
    if target.StartTransaction(force=True) != ogr.OGRERR_NONE:
        raise QgsProcessingException(tr("Cannot write {}: the file cannot start a transaction (is it open for "
                                        "editing elsewhere?)").format(path))
    try:
        for index in range(target.GetLayerCount()):
            if target.GetLayer(index).GetName() == name:
                target.DeleteLayer(index)
                break
        layer = target.CreateLayer(name, source.GetSpatialRef(), source.GetGeomType(), ["FID=fid"])
        definition = source.GetLayerDefn()
        for index in range(definition.GetFieldCount()):
            layer.CreateField(definition.GetFieldDefn(index))
        for feature in source:
            if cancelled():
                raise _Cancelled()
            copy = ogr.Feature(layer.GetLayerDefn())
            copy.SetFrom(feature)
            if layer.CreateFeature(copy) != ogr.OGRERR_NONE:
                raise QgsProcessingException(tr("Cannot write {}: {}").format(path, gdal.GetLastErrorMsg()))
    except BaseException:
        target.RollbackTransaction()
        raise
    if target.CommitTransaction() != ogr.OGRERR_NONE:
        raise QgsProcessingException(tr("Cannot write {}: {}").format(path, gdal.GetLastErrorMsg()))
    target = source = source_file = None  # closed: the layer is complete on disk

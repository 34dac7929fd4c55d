"""GeoTIFF outputs that appear only when complete: written under a hidden name, renamed at the end."""
import os
import uuid
from pathlib import Path
from typing import List, Optional, Sequence, Tuple

from .sentence import said

try:
    from osgeo import gdal, osr
except ImportError:  # AWS's PyTorch inference container has no GDAL: it sizes windows (core.mosaic), writes no raster
    gdal = osr = None
else:
    gdal.UseExceptions()

CREATION_OPTIONS = ["TILED=YES", "COMPRESS=DEFLATE", "BIGTIFF=IF_SAFER"]
# GeoTIFF metadata item naming the model that made a prediction raster.
MODEL_METADATA_KEY = "E84_SEGMENT_MODEL"
# The values of a class raster 'Predict buildings' writes: background, building, no imagery.
CLASS_VALUES = (0, 1, 255)
# Rasters wider than this get overviews, so they draw quickly when zoomed out.
OVERVIEW_THRESHOLD = 2048


class AtomicGeoTiffs:
    """Single-band EPSG:3857 GeoTIFFs on one grid. ``bands`` to write; ``abandon()`` to drop them."""

    def __init__(
        self,
        outputs: Sequence[Tuple[Path, str, Optional[int]]],  # (path, GDAL data type name, nodata)
        width: int,
        height: int,
        geotransform: Tuple[float, ...],
    ):
        self.targets = [Path(p) for p, _, _ in outputs]
        self.partials = [p.with_name(f".{p.stem}.partial-{uuid.uuid4().hex[:8]}{p.suffix}") for p in self.targets]
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(3857)
        driver = gdal.GetDriverByName("GTiff")
        self.datasets: List[gdal.Dataset] = []
        try:
            for (target, type_name, nodata), partial in zip(outputs, self.partials):
                Path(target).parent.mkdir(parents=True, exist_ok=True)
                ds = driver.Create(str(partial), width, height, 1, gdal.GetDataTypeByName(type_name), CREATION_OPTIONS)
                ds.SetGeoTransform(geotransform)
                ds.SetSpatialRef(srs)
                if nodata is not None:
                    ds.GetRasterBand(1).SetNoDataValue(nodata)
                self.datasets.append(ds)
        except BaseException:
            self.datasets = []
            for partial in self.partials:
                Path(partial).unlink(missing_ok=True)
            raise
        self.bands = [ds.GetRasterBand(1) for ds in self.datasets]
        self._abandoned = False

    def abandon(self) -> None:
        self._abandoned = True

    def __enter__(self) -> "AtomicGeoTiffs":
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        keep = exc_type is None and not self._abandoned
        try:
            if keep:
                for ds in self.datasets:
                    if max(ds.RasterXSize, ds.RasterYSize) > OVERVIEW_THRESHOLD:
                        resampling = "NEAREST" if ds.GetRasterBand(1).GetNoDataValue() is not None else "AVERAGE"
                        ds.BuildOverviews(resampling, [2, 4, 8, 16])
            for ds in self.datasets:
                ds.FlushCache()  # a full disk fails here, or in the writes before
        except BaseException:
            keep = False
            raise
        finally:
            self.bands = []
            self.datasets = []  # closes the files
            for partial, target in zip(self.partials, self.targets):
                if keep:
                    os.replace(partial, target)
                else:  # however it failed, nothing half-written stays (it filled the disk for the next step)
                    Path(partial).unlink(missing_ok=True)
        return False


def class_raster_problem(ds, name: str) -> Optional[Exception]:
    """Why ``ds`` is no class raster of 'Predict buildings' (one byte band of 0, 1 and 255 in EPSG:3857),
    as a refusal to raise; None when it is one. Imagery given by mistake would otherwise be read as
    'no building anywhere'. The values come from GDAL's histogram, approximate on large rasters."""
    if ds.RasterCount != 1 or ds.GetRasterBand(1).DataType != gdal.GDT_Byte:
        return said(ValueError, "'{name}' has {bands} band(s) of {kind}: it is imagery or another raster, not a prediction. "
                                "Choose the class raster 'Predict buildings' wrote (one band: 0 background, 1 building, "
                                "255 no imagery)", name=name, bands=ds.RasterCount,
                    kind=gdal.GetDataTypeName(ds.GetRasterBand(1).DataType) if ds.RasterCount else "nothing")
    histogram = ds.GetRasterBand(1).GetHistogram(-0.5, 255.5, 256, include_out_of_range=0, approx_ok=1)
    others = [value for value, count in enumerate(histogram) if count and value not in CLASS_VALUES]
    if others:
        return said(ValueError, "'{name}' holds values such as {values}: it is not a class raster of 'Predict buildings' "
                                "(0 background, 1 building, 255 no imagery). Choose the class raster a prediction wrote",
                    name=name, values=", ".join(map(str, others[:3])))
    return None

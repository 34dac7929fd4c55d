"""The Data tab: imagery, building labels, the area of interest and the chips' tile grid."""
import math
from pathlib import Path
from typing import Optional, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsDistanceArea,
    QgsGeometry,
    QgsMapLayerProxyModel,
    QgsProcessingFeatureSourceDefinition,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsWkbTypes,
)
from qgis.gui import QgsFileWidget, QgsRubberBand
from qgis.PyQt import sip
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QGridLayout, QPushButton

from ...core import runs, tiles
from ...i18n import tr
from ...processing import areas, styles
from ...processing.areas import MERCATOR
from ...processing.build_training_data import BuildTrainingDataAlgorithm as Build

BUILD_ID = "e84segment:buildtrainingdata"
# The most tiles a dock run may ask for: the algorithms' own MAX_TILES default.
MAX_TILES = 20_000


def imagery_zoom(layer) -> Optional[Tuple[float, int]]:
    """A GDAL raster's ground resolution (m per pixel) and the zoom whose pixels match it; None for
    tiled services, whose zoom is what the request asks for."""
    if not isinstance(layer, QgsRasterLayer) or layer.providerType() != "gdal":
        return None
    to_wgs84 = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    centre = to_wgs84.transform(layer.extent().center())
    metres = layer.rasterUnitsPerPixelX()
    if layer.crs().isGeographic():
        metres *= 111_320 * math.cos(math.radians(centre.y()))
    elif layer.crs() == MERCATOR:
        metres /= tiles.metres_to_mercator(1.0, centre.y())
    if metres <= 0:
        return None
    return metres, tiles.zoom_for_resolution(metres, centre.y())


EARTH_RADIUS_KM = 6371.0088  # mean radius


def too_many_tiles(count: int, zoom: int) -> str:
    """The refusal for an area too large to chip, with what the analyst can change in the dock."""
    if count <= MAX_TILES:
        return ""
    lower = zoom - max(1, math.ceil(math.log(count / MAX_TILES, 4)))
    if lower < 1:
        return tr("The area needs {:,} tiles at zoom {}, more than {:,}: draw a smaller area of interest.").format(
            count, zoom, MAX_TILES)
    return tr("The area needs {:,} tiles at zoom {}, more than {:,}: draw a smaller area of interest, or lower the "
              "zoom to {} or below.").format(count, zoom, MAX_TILES, lower)


def stack_extent_buttons(box) -> None:
    """QgsExtentGroupBox lays its buttons in one row over 500 px wide; two per row fit a dock. Left as
    it is where a QGIS version lays them out otherwise."""
    names = ("mButtonCalcFromLayer", "mCurrentExtentButton", "mButtonDrawOnCanvas", "mOriginalExtentButton")
    buttons = [button for button in (box.findChild(QPushButton, name) for name in names) if button is not None]
    grid = buttons[0].parentWidget().layout() if buttons else None
    if not isinstance(grid, QGridLayout) or any(b.parentWidget().layout() is not grid for b in buttons):
        return
    first_row = grid.rowCount()
    for i, button in enumerate(buttons):
        grid.removeWidget(button)  # PyQt hands the button to Python here...
        grid.addWidget(button, first_row + i // 2, i % 2)
        sip.transferto(button, None)  # ...and it must go back to Qt, or Python deletes it


class DataTab:
    """Mixin of E84SegmentDock: the Data tab's widgets come from dock.ui."""

    def setup_data_tab(self) -> None:
        self.imageryCombo.setFilters(QgsMapLayerProxyModel.RasterLayer)
        for combo in (self.labelsCombo, self.aoiLayerCombo, self.footprintsCombo, self.referenceCombo, self.exportLayerCombo):
            combo.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        # No filter unless the analyst writes one (the widget would otherwise pick the first field).
        self.filterExpression.setAllowEmptyFieldName(True)
        self.filterExpression.setLayer(self.labelsCombo.currentLayer())
        self.filterExpression.setExpression("")
        self.labelsCombo.layerChanged.connect(self.filterExpression.setLayer)
        self.labelsCombo.layerChanged.connect(self.referenceCombo.setLayer)
        self.aoiGroup.setTitleBase(self.tr("Area of interest"))
        self.aoiGroup.setMapCanvas(self.iface.mapCanvas())
        # The tile grid's own CRS: an extent taken from a Web Mercator layer stays exact.
        self.aoiGroup.setOutputCrs(MERCATOR)
        stack_extent_buttons(self.aoiGroup)
        self.rubber_band = QgsRubberBand(self.iface.mapCanvas(), QgsWkbTypes.PolygonGeometry)
        self.rubber_band.setStrokeColor(QColor(255, 127, 0))
        self.rubber_band.setFillColor(QColor(255, 127, 0, 30))
        self.rubber_band.setWidth(2)
        self.outputWidget.setStorageMode(QgsFileWidget.GetDirectory)
        self.splitCombo.addItems(list(tiles.SPLIT_METHODS))
        for signal in (self.aoiGroup.extentChanged, self.zoomSpin.valueChanged, self.aoiPolygonsGroup.toggled,
                       self.aoiLayerCombo.layerChanged, self.aoiSelectedCheck.toggled, self.imageryCombo.layerChanged,
                       self.scaleCheck.toggled):
            signal.connect(self.update_estimate)
        # A new imagery layer takes the zoom its pixels match (the zoom stayed at the one remembered).
        self.imageryCombo.layerChanged.connect(self._zoom_from_imagery)
        # The estimate follows the selection when only selected polygons make the area.
        self._selection_watched = None
        self.aoiLayerCombo.layerChanged.connect(self._watch_selection)
        self._watch_selection(self.aoiLayerCombo.currentLayer())
        self.clearAoiButton.clicked.connect(self.clear_aoi)
        self.runButton.clicked.connect(self.build_dataset)
        self.ownLayersCheck.toggled.connect(self.filter_label_pickers)
        project = QgsProject.instance()
        project.layersAdded.connect(self.filter_label_pickers)
        self.filter_label_pickers()

    def filter_label_pickers(self, *_) -> None:
        """The plugin's own outputs (training tiles, footprints, comparison layers) are no building
        labels: the Buildings and OSM pickers leave them out unless the analyst asks for them."""
        own = [] if self.ownLayersCheck.isChecked() else [
            layer for layer in QgsProject.instance().mapLayers().values() if styles.is_output(layer)
        ]
        for combo in (self.labelsCombo, self.referenceCombo, self.checkReferenceCombo):
            combo.setExceptedLayerList(own)

    # --- area of interest -------------------------------------------------------------------------

    def aoi_problem(self) -> str:
        """Why there is no area yet, in words the analyst can act on; '' when there is one."""
        if self.aoiPolygonsGroup.isChecked():
            layer = self.aoiLayerCombo.currentLayer()
            if layer is None:
                return self.tr("Choose the polygon layer that outlines the area of interest.")
            if self.aoiSelectedCheck.isChecked() and layer.selectedFeatureCount() == 0:
                return self.tr("No polygon of '{}' is selected: select some on the map, or untick "
                               "'Selected polygons only'.").format(layer.name())
            return "" if not self.aoi_geometry().isEmpty() else self.tr("'{}' has no polygons.").format(layer.name())
        if self.aoiGroup.outputExtent().isEmpty():
            return self.tr("Pick an area of interest: canvas extent, a layer's extent or polygons, or draw it.")
        return ""

    def extra_zooms(self) -> str:
        """Build's EXTRA_ZOOMS as the scale checkbox says: one zoom above and below, or none."""
        return tiles.DEFAULT_EXTRA_ZOOMS if self.scaleCheck.isChecked() else ""

    def aoi_geometry(self) -> QgsGeometry:
        """The AOI in EPSG:3857: the chosen polygons (invalid ones repaired), or the extent box."""
        if getattr(self, "_aoi_memo", None) is not None:
            return QgsGeometry(self._aoi_memo)
        project = QgsProject.instance()
        if self.aoiPolygonsGroup.isChecked():
            layer = self.aoiLayerCombo.currentLayer()
            if layer is None:
                return QgsGeometry()
            features = layer.getSelectedFeatures() if self.aoiSelectedCheck.isChecked() else layer.getFeatures()
            geometry, self.aoi_repaired = areas.union_of_polygons(f.geometry() for f in features if f.hasGeometry())
            if geometry.isEmpty():
                return geometry
            geometry.transform(QgsCoordinateTransform(layer.crs(), MERCATOR, project))
            return geometry
        extent = self.aoiGroup.outputExtent()
        if extent.isEmpty():
            return QgsGeometry()
        transform = QgsCoordinateTransform(self.aoiGroup.outputCrs(), MERCATOR, project)
        return QgsGeometry.fromRect(transform.transformBoundingBox(extent))

    def aoi_parameters(self) -> dict:
        box: QgsRectangle = self.aoi_geometry().boundingBox()
        parameters = {"AOI": f"{box.xMinimum()},{box.xMaximum()},{box.yMinimum()},{box.yMaximum()} [EPSG:3857]"}
        if self.aoiPolygonsGroup.isChecked():
            parameters["AOI_LAYER"] = QgsProcessingFeatureSourceDefinition(
                self.aoiLayerCombo.currentLayer().id(), self.aoiSelectedCheck.isChecked()
            )
        return parameters

    def aoi_km2(self, geometry: QgsGeometry) -> float:
        box = geometry.boundingBox()
        if box.width() > tiles.WORLD / 8:
            # Ellipsoidal areas fail on areas this wide (the world's extent measured 0.000 km²): its box on
            # the sphere instead, which is what the tile count covers anyway.
            half = tiles.WORLD / 2
            west, east = (max(-half, min(half, x)) * 180 / half for x in (box.xMinimum(), box.xMaximum()))
            south, north = (tiles.latitude_of_mercator_y(max(-half, min(half, y))) for y in (box.yMinimum(), box.yMaximum()))
            return (EARTH_RADIUS_KM ** 2 * math.radians(east - west)
                    * abs(math.sin(math.radians(north)) - math.sin(math.radians(south))))
        area = QgsDistanceArea()
        area.setSourceCrs(MERCATOR, QgsProject.instance().transformContext())
        area.setEllipsoid("WGS84")
        return area.measureArea(geometry) / 1e6

    def aoi_tile_count(self, zoom: int) -> int:
        return tiles.count_tiles(areas.bounds(self.aoi_geometry().boundingBox()), zoom)

    def clear_aoi(self):
        self.aoiGroup.setOutputExtentFromUser(QgsRectangle(), MERCATOR)
        self.aoiPolygonsGroup.setChecked(False)
        self.rubber_band.reset(QgsWkbTypes.PolygonGeometry)
        self.update_estimate()

    def update_estimate(self, *_):
        """Area, tile count and disk size before anything runs, so a too-large AOI is caught early."""
        self._advise_zoom()
        self.aoi_repaired = 0
        # One union of the AOI polygons per change, however many estimates read it (thousands of
        # polygons take a while to union).
        self._aoi_memo = None
        self._aoi_memo = self.aoi_geometry()
        try:
            self._update_estimates(QgsGeometry(self._aoi_memo))
        finally:
            self._aoi_memo = None

    def _update_estimates(self, geometry: QgsGeometry) -> None:
        canvas_crs = self.iface.mapCanvas().mapSettings().destinationCrs()
        self.rubber_band.reset(QgsWkbTypes.PolygonGeometry)
        if self.aoiGroup.outputExtent().isEmpty():
            # QgsExtentGroupBox titles an empty extent "(current: layer)": say there is none.
            self.aoiGroup.setTitle(self.tr("Area of interest (none yet)"))
        problem = self.aoi_problem()
        self._too_large = {}
        if problem:
            self.estimateLabel.setText(problem)
            self.update_predict_estimate()
            return
        shown = QgsGeometry(geometry)
        shown.transform(QgsCoordinateTransform(MERCATOR, canvas_crs, QgsProject.instance()))
        self.rubber_band.setToGeometry(shown, None)  # shown until the area is cleared
        zoom = self.zoomSpin.value()
        count = self.aoi_tile_count(zoom)
        extra_zooms = tiles.parse_extra_zooms(self.extra_zooms(), zoom)
        # Training chips at the extra zooms (never over validation tiles, so fewer in fact); a zoom past
        # the tile limit is skipped, as the algorithm does.
        extra = sum(n for n in map(self.aoi_tile_count, extra_zooms) if n <= MAX_TILES)
        size = tiles.estimate(count + extra, 256).disk_bytes / 1e6
        text = self.tr("{:,.3f} km², {:,} tiles at zoom {}").format(self.aoi_km2(geometry), count, zoom)
        if extra_zooms:
            text += self.tr(" and up to {:,} at zooms {} for scale").format(extra, self.tr(" and ").join(map(str, extra_zooms)))
        text += self.tr(" (at most about {:,.1f} MB)").format(size)
        if self.aoi_repaired:
            text += self.tr("; {} invalid polygons repaired").format(self.aoi_repaired)
        refusal = too_many_tiles(count, zoom)
        self.estimateLabel.setText(f"{text}. {refusal}" if refusal else text)
        self._too_large["build"] = bool(refusal)
        self.update_predict_estimate()

    def gate_by_area(self) -> None:
        """Build and Predict are off while the area is too large for them (the estimates say why); the
        other buttons follow the run alone."""
        too_large = getattr(self, "_too_large", {})
        for key, button in (("build", self.runButton), ("predict", self.predictButton)):
            button.setEnabled(self.run is None and not too_large.get(key, False))

    def _zoom_from_imagery(self, layer) -> None:
        found = imagery_zoom(layer)
        if found is not None:
            self.zoomSpin.setValue(found[1])

    def _watch_selection(self, layer) -> None:
        if self._selection_watched is not None:
            try:
                self._selection_watched.selectionChanged.disconnect(self._selection_changed)
            except (TypeError, RuntimeError):  # gone with its layer
                pass
        self._selection_watched = layer
        if layer is not None:
            layer.selectionChanged.connect(self._selection_changed)

    def _selection_changed(self, *_) -> None:
        if self.aoiPolygonsGroup.isChecked() and self.aoiSelectedCheck.isChecked():
            self.update_estimate()

    def _advise_zoom(self):
        """The imagery's native resolution and the zoom whose pixels match it."""
        found = imagery_zoom(self.imageryCombo.currentLayer())
        if found is None:
            self.zoomAdviceLabel.setText(self.tr("Tiled imagery (XYZ, WMS): use a zoom the service offers."))
            return
        self.zoomAdviceLabel.setText(self.tr("Imagery: {:.2f} m per pixel, which matches zoom {}.").format(*found))

    # --- the step ---------------------------------------------------------------------------------

    def build_dataset(self):
        problem = ""
        if self.imageryCombo.currentLayer() is None:
            problem = self.tr("Choose an imagery layer (add a GeoTIFF, XYZ or WMS layer to the project first).")
        elif self.labelsCombo.currentLayer() is None:
            problem = self.tr("Choose the building polygons layer (e.g. OSM buildings).")
        else:
            problem = self.aoi_problem() or too_many_tiles(self.aoi_tile_count(self.zoomSpin.value()), self.zoomSpin.value())
        if problem:
            return self._refuse(problem)
        imagery = self.imageryCombo.currentLayer()
        parameters = {
            Build.IMAGERY: imagery,
            Build.LABELS: self.labelsCombo.currentLayer(),
            Build.LABEL_FILTER: self.filterExpression.expression(),
            Build.BUFFER: self.bufferSpin.value(),
            Build.ZOOM: self.zoomSpin.value(),
            Build.BACKGROUND_RATIO: self.ratioSpin.value(),
            Build.VALIDATION_FRACTION: self.validationSpin.value(),
            Build.SPLIT_METHOD: self.splitCombo.currentIndex(),
            Build.SEED: self.seedSpin.value(),
            Build.EXTRA_ZOOMS: self.extra_zooms(),
            **self.aoi_parameters(),
        }

        def with_output(_):
            return {**parameters, Build.OUTPUT: str(Path(self.record.folder) / "dataset")}

        def done(results, record):
            folder = results.get(Build.OUTPUT, "")
            record.metrics.update(train=results.get(Build.NUM_TRAIN), validation=results.get(Build.NUM_VALIDATION))
            record.outputs["dataset"] = folder
            record.outputs["tiles"] = str(Path(folder) / "tiles.geojson")
            record.fingerprint = fingerprint(folder)
            self.datasetWidget.setFilePath(folder)
            self.statusLabel.setText(
                self.tr("Wrote {} training and {} validation chips to {}").format(
                    results.get(Build.NUM_TRAIN, 0), results.get(Build.NUM_VALIDATION, 0), folder)
            )

        tag = runs.make_tag(imagery.name(), self.zoomSpin.value())
        self._start("dataset", [(BUILD_ID, with_output)], parameters=parameters, done=done, tag=tag,
                    area_km2=self.aoi_km2(self.aoi_geometry()))


def fingerprint(folder: str) -> str:
    from ...backends.local.data import fingerprint as of_dataset

    try:
        return of_dataset(Path(folder))
    except OSError:
        return ""

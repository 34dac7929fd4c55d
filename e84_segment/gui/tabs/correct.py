"""The Compare tab's tile-first correction loop: suggest the tiles whose correction teaches the model most
(e84segment:suggesttiles), correct one at a time with QGIS's own editing tools (Next tile, Tile done), improve
the model from them (trainfromreview TILES, in review.py) and predict again; the next round leaves the corrected
tiles out. Corrected tiles live in the workspace's corrected-tiles.gpkg, so the loop survives a QGIS restart."""
from datetime import datetime, timezone
from pathlib import Path
from typing import List, Optional, Tuple

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsGeometry,
    QgsProject,
    QgsSnappingConfig,
    QgsTolerance,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsFields,
    QgsWkbTypes,
)

from ...core import review, runs, tiles
from ...processing import areas, field_types, styles
from ...processing.base import plain
from .review import review_field

CORRECTED_FILE = "corrected-tiles.gpkg"
MERCATOR = QgsCoordinateReferenceSystem("EPSG:3857")
# The view round a tile: a little of its neighbours shows, so outlines crossing its edge are seen whole.
TILE_MARGIN = 1.15


def layers_of_kind(kind: str) -> List[QgsVectorLayer]:
    return [layer for layer in QgsProject.instance().mapLayers().values()
            if isinstance(layer, QgsVectorLayer) and layer.customProperty(styles.KIND_PROPERTY) == kind]


def loaded_from(path: Path, kind: str) -> Optional[QgsVectorLayer]:
    """The project layer of ``kind`` read from ``path``, if one is loaded."""
    return next((layer for layer in layers_of_kind(kind) if Path(layer.source().split("|")[0]) == path), None)


def tile_of(feature) -> Tuple[int, int, int]:
    return int(feature["x"]), int(feature["y"]), int(feature["z"])


def tile_box(tile, crs) -> QgsGeometry:
    """The tile's square in ``crs``."""
    box = areas.tile_geometry(tile)
    if crs != MERCATOR:
        box.transform(QgsCoordinateTransform(MERCATOR, crs, QgsProject.instance()))
    return box


def inside(layer, box: QgsGeometry) -> List[QgsFeature]:
    """The features of ``layer`` whose interior meets ``box`` (same CRS): touching its edge is not inside."""
    request = QgsFeatureRequest().setFilterRect(box.boundingBox())
    return [f for f in layer.getFeatures(request) if f.hasGeometry() and f.geometry().intersects(box)
            and not f.geometry().touches(box)]


class CorrectTab:
    """Mixin of E84SegmentDock: the correction loop's widgets come from dock.ui (Compare tab, review group)."""

    def setup_correct_tab(self) -> None:
        self._current_tile: Optional[Tuple[int, int, int]] = None
        self._carry_from: Optional[QgsVectorLayer] = None
        self.suggestButton.clicked.connect(self.suggest_tiles)
        self.nextTileButton.clicked.connect(self.next_tile)
        self.tileDoneButton.clicked.connect(self.tile_done)
        self.predictAgainButton.clicked.connect(self.predict_again)
        self.show_tile_progress()

    # --- the layers of the loop -------------------------------------------------------------------

    def suggested_layer(self) -> Optional[QgsVectorLayer]:
        """The latest suggestions in the project (a reopened project finds them by their kind)."""
        found = layers_of_kind(styles.SUGGESTED_TILES)
        return max(found, key=lambda layer: float(layer.customProperty(styles.CREATED_PROPERTY, 0) or 0), default=None)

    def corrected_path(self) -> Optional[Path]:
        workspace = self.workspace()
        return workspace / CORRECTED_FILE if workspace is not None else None

    def corrected_layer(self, create: bool = False) -> Optional[QgsVectorLayer]:
        """The workspace's corrected tiles as a project layer: loaded if the file exists, written first when
        ``create``; None when there is no workspace, or no file and ``create`` is off."""
        path = self.corrected_path()
        if path is None:
            return None
        loaded = loaded_from(path, styles.CORRECTED_TILES)
        if loaded is not None:
            return loaded
        if not path.is_file():
            if not create:
                return None
            fields = QgsFields()
            for name, kind in (("z", field_types.INT), ("x", field_types.INT), ("y", field_types.INT), ("size", field_types.INT),
                               ("buildings", field_types.INT), ("corrected", field_types.STRING)):
                fields.append(QgsField(name, kind))
            options = QgsVectorFileWriter.SaveVectorOptions()
            options.driverName = "GPKG"
            options.layerName = "corrected_tiles"
            writer = QgsVectorFileWriter.create(str(path), fields, QgsWkbTypes.Polygon, MERCATOR,
                                                QgsProject.instance().transformContext(), options)
            del writer  # closes the file
        layer = QgsVectorLayer(str(path), self.tr("Corrected tiles"), "ogr")
        if not layer.isValid():
            return None
        styles.style_corrected_tiles(layer)
        QgsProject.instance().addMapLayer(layer)
        return layer

    def corrected_tiles(self) -> dict:
        """{tile: buildings in it when it was marked done} of the workspace, read without loading the layer."""
        path = self.corrected_path()
        if path is None or not path.is_file():
            return {}
        layer = loaded_from(path, styles.CORRECTED_TILES)
        layer = QgsVectorLayer(str(path), "corrected", "ogr") if layer is None else layer
        if not layer.isValid():
            return {}
        return {tile_of(f): int(plain(f["buildings"]) or 0) for f in layer.getFeatures()}

    def show_tile_progress(self) -> None:
        corrected = self.corrected_tiles()
        suggested = self.suggested_layer()
        waiting = [f for f in suggested.getFeatures() if tile_of(f) not in corrected] if suggested is not None else []
        if not corrected and suggested is None:
            self.tileProgressLabel.setText(self.tr("Suggest tiles, then correct them one by one."))
            return
        self.tileProgressLabel.setText(self.tr("Tiles corrected: {} ({} buildings in them); suggested, still to do: {}").format(
            len(corrected), sum(corrected.values()), len(waiting)))

    # --- the steps --------------------------------------------------------------------------------

    def suggest_tiles(self) -> None:
        """e84segment:suggesttiles over the Data tab's area with the Predict tab's model, corrected tiles left out."""
        imagery, model = self.imageryCombo.currentLayer(), self.modelWidget.filePath().strip()
        problem = ""
        if imagery is None:
            problem = self.tr("Choose the imagery on the Data tab.")
        elif self.aoi_problem():
            problem = self.tr("Pick an area of interest on the Data tab: {}").format(self.aoi_problem())
        elif not model.endswith(".pt") or not Path(model).is_file():
            problem = self.tr("Choose the model (.pt) on the Predict tab: the tiles are ranked by what it cannot decide.")
        if problem:
            return self._refuse(problem)
        if not self.local_packages_ready():
            return
        parameters = {"MODEL": model, "IMAGERY": imagery, **self.aoi_parameters(), "COUNT": self.suggestCountSpin.value()}
        corrected = self.corrected_path()
        if corrected is not None and corrected.is_file():
            parameters["EXCLUDE"] = str(corrected)

        def outputs(_):
            return {**parameters, "OUTPUT": self.loaded_output(Path(self.record.folder) / "tiles.gpkg", "suggested")}

        def done(results, record):
            record.outputs["suggested"] = results.get("OUTPUT", "")
            record.metrics["suggested"] = int(results.get("SUGGESTED") or 0)
            self._current_tile = None
            self.show_tile_progress()
            self.statusLabel.setText(self.tr(
                "{} tiles to correct, ranked on the map (of {} measured): press Next tile.").format(
                    int(results.get("SUGGESTED") or 0), int(results.get("CANDIDATES") or 0)))

        self._start("suggest", [("e84segment:suggesttiles", outputs)], "local", parameters, done,
                    tag=runs.make_tag(f"{runs.model_label(model)} on {imagery.name()}"))

    def next_tile(self) -> Optional[Tuple[int, int, int]]:
        """Zooms to the best suggested tile not corrected yet and opens the footprints for editing, snapping on."""
        suggested, layer = self.suggested_layer(), self._review_layer()
        if layer is None:
            return None
        if suggested is None:
            self._refuse(self.tr("Press Suggest tiles first: the tiles are ranked by what they would teach the model."))
            return None
        corrected = self.corrected_tiles()
        waiting = sorted((int(f["rank"]), tile_of(f)) for f in suggested.getFeatures() if tile_of(f) not in corrected)
        self.show_tile_progress()
        if not waiting:
            self._current_tile = None
            self.statusLabel.setText(self.tr(
                "Every suggested tile is corrected: Improve the model, then Suggest tiles for the next round."))
            return None
        rank, tile = waiting[0]
        if review_field(layer, False) < 0 and not layer.isEditable():
            review_field(layer, True)  # so that edits are marked (edited, added) as they are made
        if not layer.isEditable() and not layer.startEditing():
            self._refuse(self.tr("'{}' cannot be edited: export it to a GeoPackage (Export footprints) and correct that copy.")
                         .format(layer.name()))
            return None
        self._current_tile = tile
        self.iface.setActiveLayer(layer)
        self._snap_to(layer)
        canvas = self.iface.mapCanvas()
        box = tile_box(tile, canvas.mapSettings().destinationCrs()).boundingBox()
        box.scale(TILE_MARGIN)
        canvas.setExtent(box)
        canvas.refresh()
        self.statusLabel.setText(self.tr(
            "Tile {} (rank {}): delete the wrong footprints, reshape the rough ones and draw the missed buildings "
            "(snapping on), so that every building in the square is right; then Tile done.").format(
                tiles.tile_name(tile), rank))
        return tile

    def _snap_to(self, layer) -> None:
        """Snapping to the footprints' vertices and edges, so reshaped and new outlines meet their neighbours."""
        project = QgsProject.instance()
        config = QgsSnappingConfig(project.snappingConfig())
        config.setEnabled(True)
        config.setMode(QgsSnappingConfig.AdvancedConfiguration)
        # Qgis.SnappingType since QGIS 3.26; the flags of QgsSnappingConfig before.
        kinds = getattr(Qgis, "SnappingType", None)
        flags = (kinds.Vertex | kinds.Segment if kinds is not None
                 else QgsSnappingConfig.VertexFlag | QgsSnappingConfig.SegmentFlag)
        settings = QgsSnappingConfig.IndividualLayerSettings(True, flags, 12, QgsTolerance.Pixels, 0.0, 0.0)
        config.setIndividualLayerSettings(layer, settings)
        project.setSnappingConfig(config)

    def tile_done(self) -> None:
        """Saves the footprints' edits and marks the current tile corrected, then moves to the next one."""
        layer = self._review_layer()
        if layer is None:
            return
        tile = self._current_tile
        if tile is None:
            return self._refuse(self.tr("Press Next tile first: Tile done marks the tile on screen as corrected."))
        if layer.isEditable() and layer.isModified() and not layer.commitChanges():
            errors = "; ".join(layer.commitErrors())
            return self._refuse(self.tr("The edits of '{}' could not be saved, so the tile is not marked: {}").format(
                layer.name(), errors))
        if layer.isEditable():
            layer.rollBack()  # nothing left in the buffer: leave edit mode as commitChanges would
        corrected = self.corrected_layer(create=True)
        if corrected is None:
            return self._refuse(self.tr("Choose a workspace folder on the Data tab you can write to: the corrected tiles "
                                        "are kept there."))
        index = review_field(layer, False)
        buildings = [f for f in inside(layer, tile_box(tile, layer.crs()))
                     if index < 0 or review.decision_of(plain(f.attributes()[index])) != review.REJECTED]
        feature = QgsFeature(corrected.fields())
        feature.setGeometry(tile_box(tile, MERCATOR))
        for name, value in (("z", tile[2]), ("x", tile[0]), ("y", tile[1]), ("size", self._model_tile_size()),
                            ("buildings", len(buildings)), ("corrected", datetime.now(timezone.utc).isoformat(timespec="seconds"))):
            feature[name] = value
        if not corrected.dataProvider().addFeatures([feature]):
            return self._refuse(self.tr("The corrected tile could not be written to {}.").format(self.corrected_path()))
        corrected.triggerRepaint()
        self.statusLabel.setText(self.tr("Tile {} corrected ({} buildings).").format(tiles.tile_name(tile), len(buildings)))
        self._current_tile = None
        self.next_tile()
        self.show_review_progress()

    def _model_tile_size(self) -> Optional[int]:
        from .predict import model_meta

        meta = model_meta(self.modelWidget.filePath().strip())
        return int(meta["tile_size"]) if meta and meta.get("tile_size") else None

    def predict_again(self) -> None:
        """The Predict tab's prediction with the improved model; its footprints become the ones to correct, the
        corrected tiles keeping the analyst's outlines (carry_corrections)."""
        self._carry_from = self.reviewLayerCombo.currentLayer()
        self.predict()
        if self.run is None:  # refused: nothing to carry
            self._carry_from = None

    def carry_corrections(self, new_layer) -> None:
        """Called when a prediction ends: inside the corrected tiles, the new footprints give way to the corrected
        ones, so a round never loses the analyst's work."""
        old, self._carry_from = self._carry_from, None
        corrected = list(self.corrected_tiles())
        if old is None or new_layer is None or old is new_layer or not corrected:
            return
        index_old = review_field(old, False)
        index_new = review_field(new_layer, index_old >= 0)
        keep, drop = {}, set()
        for tile in corrected:
            drop.update(f.id() for f in inside(new_layer, tile_box(tile, new_layer.crs())))
            keep.update((f.id(), f) for f in inside(old, tile_box(tile, old.crs())))
        transform = QgsCoordinateTransform(old.crs(), new_layer.crs(), QgsProject.instance())
        added = []
        for source in keep.values():
            feature = QgsFeature(new_layer.fields())
            geometry = QgsGeometry(source.geometry())
            geometry.transform(transform)
            if QgsWkbTypes.isMultiType(new_layer.wkbType()):
                geometry.convertToMultiType()
            feature.setGeometry(geometry)
            if index_old >= 0 and index_new >= 0:
                feature.setAttribute(index_new, source.attributes()[index_old])
            added.append(feature)
        provider = new_layer.dataProvider()
        if not (provider.deleteFeatures(list(drop)) and provider.addFeatures(added)):
            self._refuse(self.tr("The corrected tiles' outlines could not be copied into '{}': correct there again, or "
                                 "keep correcting '{}'.").format(new_layer.name(), old.name()))
            return
        new_layer.triggerRepaint()
        self.statusLabel.setText(self.statusLabel.text() + self.tr(
            "; the {} corrected tiles keep your {} outlines").format(len(corrected), len(added)))
        self.show_review_progress()
        self.show_tile_progress()

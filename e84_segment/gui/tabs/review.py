"""The Compare tab's review group: the analyst accepts or rejects predicted footprints, least confident
first, edits outlines with QGIS's own tools, and improves the model from the decisions
(e84segment:trainfromreview). The decisions live in the layer's ``review`` field, so they are saved with
it, survive QGIS restarts and can be shared like any attribute."""
from pathlib import Path
from typing import Optional

from qgis.core import (
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsField,
    QgsMapLayerProxyModel,
    QgsProject,
    QgsVectorDataProvider,
)

from ...core import review, runs
from ...processing import field_types, styles
from ...processing.base import plain

CONFIDENCE_FIELD = "confidence"
# The view round a footprint under review: its box this many times over, so its neighbours show too.
CONTEXT_SCALE = 4.0


def review_field(layer, create: bool) -> int:
    """The index of the layer's review field (-1 if absent), added first when ``create`` and the format
    can take a new field (into the edit buffer while the layer is being edited)."""
    index = layer.fields().lookupField(review.FIELD)
    if index >= 0 or not create:
        return index
    field = QgsField(review.FIELD, field_types.STRING, len=16)
    if layer.isEditable():
        layer.addAttribute(field)
    elif layer.dataProvider().capabilities() & QgsVectorDataProvider.AddAttributes:
        layer.dataProvider().addAttributes([field])
        layer.updateFields()
    return layer.fields().lookupField(review.FIELD)


def decisions_of(layer) -> list:
    """(feature id, decision, confidence) of every footprint, read without geometries."""
    index, confidence = review_field(layer, False), layer.fields().lookupField(CONFIDENCE_FIELD)
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
    request.setSubsetOfAttributes([i for i in (index, confidence) if i >= 0])
    return [(f.id(), plain(f.attributes()[index]) if index >= 0 else None,
             plain(f.attributes()[confidence]) if confidence >= 0 else None) for f in layer.getFeatures(request)]


class ReviewTab:
    """Mixin of E84SegmentDock: the review group's widgets come from dock.ui (Compare tab)."""

    def setup_review_tab(self) -> None:
        self.reviewLayerCombo.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        self._watched = None
        self.reviewLayerCombo.layerChanged.connect(self._watch_edits)
        self.nextReviewButton.clicked.connect(self.next_to_review)
        self.acceptButton.clicked.connect(lambda: self.decide(review.ACCEPTED))
        self.rejectButton.clicked.connect(lambda: self.decide(review.REJECTED))
        self.improveButton.clicked.connect(self.improve_from_review)
        self._watch_edits(self.reviewLayerCombo.currentLayer())

    def _review_layer(self):
        layer = self.reviewLayerCombo.currentLayer()
        if layer is None:
            self._refuse(self.tr("Choose the footprints to review (a prediction's 'Footprints' layer)."))
        return layer

    def _watch_edits(self, layer) -> None:
        """While the analyst edits the footprints, a redrawn outline becomes 'edited' and a new one 'added'."""
        if self._watched is not None:
            try:
                self._watched.geometryChanged.disconnect(self._outline_edited)
                self._watched.featureAdded.disconnect(self._building_added)
            except (TypeError, RuntimeError):  # already gone with its layer
                pass
        self._watched = layer
        if layer is not None:
            layer.geometryChanged.connect(self._outline_edited)
            layer.featureAdded.connect(self._building_added)
        self.show_review_progress()

    def _mark_in_buffer(self, fid, decision: str) -> None:
        layer = self._watched
        if layer is None or not layer.isEditable():
            return
        index = review_field(layer, False)
        if index >= 0:
            layer.changeAttributeValue(fid, index, decision)

    def _outline_edited(self, fid, _geometry) -> None:
        self._mark_in_buffer(fid, review.EDITED)

    def _building_added(self, fid) -> None:
        self._mark_in_buffer(fid, review.ADDED)
        self.show_review_progress()

    def show_review_progress(self, rows: Optional[list] = None) -> None:
        """The counts under the buttons; ``rows`` as decisions_of gives them, when just read."""
        layer = self.reviewLayerCombo.currentLayer()
        if layer is None:
            self.reviewProgressLabel.setText("")
            return
        rows = decisions_of(layer) if rows is None else rows
        self.reviewProgressLabel.setText(review.describe(review.progress(d for _, d, _ in rows)))

    def next_to_review(self) -> Optional[int]:
        """Selects the least confident footprint without a decision and shows it with its neighbours."""
        layer = self._review_layer()
        if layer is None:
            return None
        rows = decisions_of(layer)
        order = review.next_to_review(rows)
        self.show_review_progress(rows)
        if not order:
            layer.removeSelection()
            self.statusLabel.setText(self.tr("Every footprint of '{}' has a decision: improve the model from the review.")
                                     .format(layer.name()))
            return None
        fid = order[0]
        # The footprint must be seen: Compare ticks the footprints off so its own layers read.
        node = QgsProject.instance().layerTreeRoot().findLayer(layer.id())
        if node is not None and not node.isVisible():
            node.setItemVisibilityCheckedParentRecursive(True)
        layer.selectByIds([fid])
        canvas = self.iface.mapCanvas()
        box = layer.getFeature(fid).geometry().boundingBox()
        transform = QgsCoordinateTransform(layer.crs(), canvas.mapSettings().destinationCrs(), QgsProject.instance())
        box = transform.transformBoundingBox(box)
        box.scale(CONTEXT_SCALE)
        canvas.setExtent(box)
        canvas.refresh()
        canvas.flashFeatureIds(layer, [fid])
        confidence = next(c for f, _, c in rows if f == fid)
        self.statusLabel.setText(self.tr("Footprint {} of '{}'{}: Accept, Reject, or redraw it (edit mode).").format(
            fid, layer.name(), self.tr(", confidence {:.2f}").format(confidence) if confidence is not None else ""))
        return fid

    def decide(self, decision: str) -> None:
        layer = self._review_layer()
        if layer is None:
            return
        ids = layer.selectedFeatureIds()
        if not ids:
            return self._refuse(self.tr("Select the footprints to mark {}, or press 'Next to review'.").format(decision))
        fresh = review_field(layer, False) < 0
        if fresh and not styles.is_output(layer) and not self.ask(self.tr(
                "'{}' is not footprints this plugin predicted. Reviewing it adds a '{}' field to its file ({}) and "
                "saves each decision there.\n\nReview this layer anyway?").format(layer.name(), review.FIELD, layer.source())):
            return self._refuse(self.tr("Not reviewed: choose a prediction's 'Footprints' layer to review."))
        index = review_field(layer, True)
        if index < 0:
            return self._refuse(self.tr(
                "'{}' cannot take a new field (its format is read-only): export it to a GeoPackage (Export footprints "
                "below) and review that copy.").format(layer.name()))
        editing = layer.isEditable()
        if not editing and not layer.startEditing():
            return self._refuse(self.tr("'{}' cannot be edited: export it to a GeoPackage and review that copy.")
                                .format(layer.name()))
        layer.beginEditCommand(self.tr("Review: {}").format(decision))
        for fid in ids:
            layer.changeAttributeValue(fid, index, decision)
        layer.endEditCommand()
        # Outside an edit session each decision is saved at once, as a reviewer expects; inside one, the
        # analyst saves (and can undo) with the outline edits.
        if not editing and not layer.commitChanges():
            errors = "; ".join(layer.commitErrors())
            layer.rollBack()
            return self._refuse(self.tr("The decision could not be saved to '{}': {}").format(layer.name(), errors))
        if fresh and styles.is_output(layer):
            styles.style_review(layer, review.FIELD)
        self.next_to_review()

    def improve_from_review(self) -> None:
        """e84segment:trainfromreview: the Predict tab's model fine-tuned on the decisions, over the Data tab's imagery."""
        layer = self._review_layer()
        if layer is None:
            return
        imagery, model = self.imageryCombo.currentLayer(), self.modelWidget.filePath().strip()
        summary = review.progress(d for _, d, _ in decisions_of(layer))
        corrected = self.corrected_tiles()
        problem = ""
        if imagery is None:
            problem = self.tr("Choose the imagery the footprints were predicted on, on the Data tab.")
        elif not model or not Path(model).is_file():
            problem = self.tr("Choose the model that predicted the footprints on the Predict tab.")
        elif layer.isEditable() and layer.isModified():
            problem = self.tr("Save the edits of '{}' first (Toggle Editing): the review is read from the saved layer.")\
                .format(layer.name())
        elif not corrected and not any(summary[d] for d in review.DECISIONS):
            problem = self.tr("Nothing corrected yet: press Suggest tiles and correct a few (Next tile, Tile done), or "
                              "Accept and Reject footprints of '{}'.").format(layer.name())
        if problem:
            return self._refuse(problem)
        if not self.local_packages_ready():
            return
        parameters = {"IMAGERY": imagery, "FOOTPRINTS": layer, "BASE_MODEL": model,
                      "TIME_LIMIT": self.reviewMinutesSpin.value()}
        if corrected:
            parameters["TILES"] = str(self.corrected_path())
        taught = review.describe(summary) + (self.tr(" and {} corrected tiles ({} buildings)").format(
            len(corrected), sum(corrected.values())) if corrected else "")

        def outputs(_):
            folder = Path(self.record.folder)
            return {**parameters, "DATASET": str(folder / "review-chips"), "OUTPUT": str(folder / "model.pt")}

        def done(results, record):
            record.outputs["model"] = results.get("OUTPUT", "")
            record.metrics.update(review=summary, corrected_tiles=len(corrected), measured_on="reviewed chips")
            self.modelWidget.setFilePath(results.get("OUTPUT", ""))
            self.sourceCombo.setCurrentIndex(0)
            self.statusLabel.setText(self.tr(
                "Model {} fine-tuned from {} on {} ({} chips). It is now the Predict tab's model: Predict again to see "
                "what it sees where nobody corrected, or check it on an area left out (Train tab, Check on an area).").format(
                    results.get("OUTPUT"), Path(model).name, taught, int(results.get("CHIPS") or 0)))

        self._start("train", [("e84segment:trainfromreview", outputs)], "local", parameters, done,
                    tag=runs.make_tag(f"{runs.model_label(model)} + corrections of {layer.name()}"))

"""The dock's choices kept in the project: the layer each picker holds, the model, dataset and workspace,
and the area of interest. Reopened, a project's pickers took whatever layer came first (the OSM layer,
compared with itself) and the analyst looked for the model file again by hand."""
from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry, QgsProject

SCOPE = "e84_segment"
PICKERS = ("imageryCombo", "labelsCombo", "aoiLayerCombo", "checkReferenceCombo", "footprintsCombo", "referenceCombo",
           "reviewLayerCombo", "preEventCombo", "postClassesCombo", "exportLayerCombo")
FILES = ("outputWidget", "datasetWidget", "baseModelWidget", "modelWidget")


def save(dock) -> None:
    """Called as the project is written (QgsProject.writeProject): the entries go into that file."""
    project = QgsProject.instance()
    for name in PICKERS:
        layer = getattr(dock, name).currentLayer()
        project.writeEntry(SCOPE, f"pickers/{name}", layer.id() if layer is not None else "")
    for name in FILES:
        project.writeEntry(SCOPE, f"files/{name}", getattr(dock, name).filePath())
    extent = dock.aoiGroup.outputExtent()
    project.writeEntry(SCOPE, "aoi/extent", "" if extent.isEmpty() else extent.asWktPolygon())
    project.writeEntry(SCOPE, "aoi/crs", dock.aoiGroup.outputCrs().toWkt())


def restore(dock) -> None:
    """Called once a project is read: what it kept, where it still exists; the rest as it was."""
    project = QgsProject.instance()
    for name in PICKERS:
        layer = project.mapLayer(project.readEntry(SCOPE, f"pickers/{name}", "")[0])
        if layer is not None:
            getattr(dock, name).setLayer(layer)
    for name in FILES:
        path = project.readEntry(SCOPE, f"files/{name}", "")[0]
        if path:
            getattr(dock, name).setFilePath(path)
    wkt = project.readEntry(SCOPE, "aoi/extent", "")[0]
    if wkt:
        crs = QgsCoordinateReferenceSystem.fromWkt(project.readEntry(SCOPE, "aoi/crs", "")[0])
        dock.aoiGroup.setOutputExtentFromUser(QgsGeometry.fromWkt(wkt).boundingBox(), crs)

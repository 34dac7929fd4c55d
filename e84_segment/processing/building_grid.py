"""e84segment:buildinggrid: building density and OSM completeness per cell, from a comparison."""
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsRectangle,
    QgsWkbTypes,
)

from ..core import building_grid, vectorize
from . import areas, field_types, styles
from .base import E84Algorithm
from .compare_osm import add_comparison_parameters, compare_sources
from ..i18n import tr

FIELDS = (("predicted", field_types.INT), ("osm", field_types.INT), ("matched", field_types.INT),
          ("predicted_only", field_types.INT), ("osm_only", field_types.INT), ("completeness", field_types.DOUBLE),
          ("built_up_m2", field_types.DOUBLE), ("built_up_share", field_types.DOUBLE))


class BuildingGridAlgorithm(E84Algorithm):
    """The comparison's parameters (PREDICTED, REFERENCE, AOI, IOU_THRESHOLD, MIN_AREA), then the grid's."""

    ID = "buildinggrid"
    TITLE = "Building density and OSM completeness"
    GROUP = "footprints"
    CELL_SIZE = "CELL_SIZE"
    SHAPE = "SHAPE"
    OUTPUT = "OUTPUT"
    CELLS = "CELLS"

    def shortHelpString(self):
        return (
            "A grid over the area (AOI, or the predicted footprints' extent): square cells CELL_SIZE metres on the "
            "ground (default 100 m), or hexagons that wide. Each cell counts the buildings whose centre it holds, "
            "after matching the predicted footprints with OSM as 'Compare with OSM' does: predicted, osm, matched, "
            "predicted_only, osm_only; completeness = matched / predicted (the share of the buildings the model sees "
            "that OSM has; empty where it sees none), and the predicted built-up area (m² and share of the cell). "
            "The cells add up to the comparison's totals. Styled by completeness, red where OSM is furthest behind: "
            "where mappers should go first. Counts are the model's view: check a few cells against the imagery "
            "before sending a team."
        )

    def initAlgorithm(self, config=None):
        add_comparison_parameters(self)
        self.addParameter(QgsProcessingParameterNumber(self.CELL_SIZE, "Cell size (m on the ground)",
                                                       QgsProcessingParameterNumber.Double, 100.0, minValue=5.0))
        self.addParameter(QgsProcessingParameterEnum(self.SHAPE, "Cells", options=list(building_grid.SHAPES), defaultValue=0))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, "Building density and OSM completeness",
                                                            QgsProcessing.TypeVectorPolygon))
        self.addOutput(QgsProcessingOutputNumber(self.CELLS, "Cells"))

    def processAlgorithm(self, parameters, context, feedback):
        comparison = compare_sources(self, parameters, context, feedback)
        if comparison is None:
            return {}
        minx, maxx, miny, maxy = comparison.area.GetEnvelope()
        box = QgsRectangle(minx, miny, maxx, maxy)
        scale = vectorize.ground_scale(box.center().y())
        cell_m = self.parameterAsDouble(parameters, self.CELL_SIZE, context)
        shape = building_grid.SHAPES[self.parameterAsEnum(parameters, self.SHAPE, context)]
        cells_wide = box.width() / (cell_m * scale) * box.height() / (cell_m * scale)
        if cells_wide > 200_000:
            raise QgsProcessingException(tr("About {:,.0f} cells of {:g} m: raise CELL_SIZE")
                                         .format(cells_wide, cell_m))
        grid = building_grid.tally(comparison.match, comparison.predicted, comparison.reference,
                                   (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()), cell_m, scale,
                                   shape, comparison.area)
        fields = field_types.fields(FIELDS)
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Polygon,
                                          QgsCoordinateReferenceSystem("EPSG:3857"))
        for key in sorted(grid.cells):
            cell = grid.cells[key]
            completeness = cell.completeness
            areas.add_ogr_feature(sink, cell.geometry, [
                cell.predicted, cell.osm, cell.matched, cell.predicted_only, cell.osm_only,
                None if completeness is None else round(completeness, 3), round(cell.built_up_m2, 1),
                round(cell.built_up_m2 / cell.area_m2, 4) if cell.area_m2 else None])
        behind = sum(1 for c in grid.cells.values() if c.completeness is not None and c.completeness < 0.5)
        feedback.pushInfo(tr("{} cells of {:g} m ({}); {} where OSM has under half of the buildings the model "
                             "sees").format(len(grid.cells), cell_m, shape, behind))
        if context.willLoadLayerOnCompletion(dest):
            context.layerToLoadOnCompletionDetails(dest).setPostProcessor(styles.CompletenessStyler.create())
        return {self.OUTPUT: dest, self.CELLS: len(grid.cells)}

"""e84segment:populationcentres: where people live, from building footprints (predicted, OSM, or both)."""
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsRectangle,
    QgsWkbTypes,
)

from ..core import building_grid, settlements, vectorize
from . import areas, field_types, styles
from .base import E84Algorithm
from .compare_osm import features_in_mercator
from ..i18n import N_, tr

# Defaults, with where they come from (the help says so too): Uganda's mean household size in the 2024
# census (UBOS, 4.2 people), one household a building; per m², that household over the median roof of the
# Kampala sample's OSM buildings (44 m²). Low and high: half a household (shops, stores and outbuildings
# among the roofs) and one and a half (shared rentals), a judgement to replace with local knowledge.
DEFAULT_RATES = {settlements.PER_BUILDING: (4.2, 2.0, 6.0), settlements.PER_M2: (0.095, 0.045, 0.136)}
METHOD_CHOICES = ((settlements.PER_BUILDING, N_("People per building")), (settlements.PER_M2, N_("People per m² of roof")))
FIGURES = (("people", field_types.DOUBLE), ("people_low", field_types.DOUBLE), ("people_high", field_types.DOUBLE))
SETTLEMENT_FIELDS = (("rank", field_types.INT), ("buildings", field_types.INT), ("roof_m2", field_types.DOUBLE)) + FIGURES + (
    ("model_only_share", field_types.DOUBLE),)
CELL_FIELDS = (("buildings", field_types.INT), ("roof_m2", field_types.DOUBLE)) + FIGURES + (("model_only_share", field_types.DOUBLE),)


class PopulationCentresAlgorithm(E84Algorithm):
    ID = "populationcentres"
    TITLE = "Where people live"
    GROUP = "footprints"
    FOOTPRINTS = "FOOTPRINTS"
    FROM_MODEL = "FROM_MODEL"
    OSM = "OSM"
    AOI = "AOI"
    METHOD = "METHOD"
    FIGURE = "FIGURE"
    LOW = "LOW"
    HIGH = "HIGH"
    DISTANCE = "DISTANCE"
    MIN_BUILDINGS = "MIN_BUILDINGS"
    CELL_SIZE = "CELL_SIZE"
    OUTPUT = "OUTPUT"
    OUTPUT_GRID = "OUTPUT_GRID"
    SETTLEMENTS = "SETTLEMENTS"
    PEOPLE = "PEOPLE"
    PEOPLE_LOW = "PEOPLE_LOW"
    PEOPLE_HIGH = "PEOPLE_HIGH"
    BUILDINGS = "BUILDINGS"

    def shortHelpString(self):
        return (
            "Groups buildings into settlements and estimates how many people live in each: where responders should go "
            "and how much to bring.\n\n"
            "FOOTPRINTS: the predicted footprints (FROM_MODEL ticked) or any building layer. OSM (optional): mapped "
            "buildings merged in; where both have a building, the mapped outline is kept (a footprint half covered by "
            "OSM is the same building), so each building counts once. Buildings whose outlines are at most DISTANCE "
            "metres apart (default 50 m) belong to one settlement, also through a chain of neighbours; settlements of "
            "fewer than MIN_BUILDINGS buildings are left out of OUTPUT (they still count in the grid).\n\n"
            "METHOD: people per building, or per m² of roof, with FIGURE (the estimate), LOW and HIGH (0: the "
            "defaults). Defaults per building: 4.2 people (Uganda's mean household size, UBOS census 2024: one "
            "household a building), low 2, high 6 (half a household, for shops, stores and outbuildings among the "
            "roofs; one and a half, for shared rentals). Per m² of roof: 0.095 (those 4.2 people over 44 m², the median "
            "roof of the Kampala sample's OSM buildings), low 0.045, high 0.136. These are assumptions, not "
            "measurements: replace them with the local household size or a survey count.\n\n"
            "OUTPUT: one polygon per settlement (the hull of its buildings), largest estimate first (rank 1), with "
            "buildings, roof area, people with their low-high range, and the share of buildings only the model "
            "saw (none mapped there: check those first). OUTPUT_GRID: the same figures per square cell of CELL_SIZE "
            "metres. Distances and areas are on the ground, whatever the layers' CRS."
        )

    def initAlgorithm(self, config=None):
        polygons = [QgsProcessing.TypeVectorPolygon]
        self.addParameter(QgsProcessingParameterFeatureSource(self.FOOTPRINTS, "Building footprints", polygons))
        self.addParameter(QgsProcessingParameterBoolean(self.FROM_MODEL, "The footprints come from the model", True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.OSM, "Mapped buildings (OSM), merged in", polygons, optional=True))
        self.addParameter(QgsProcessingParameterExtent(self.AOI, "Area", optional=True))
        self.addParameter(QgsProcessingParameterEnum(self.METHOD, "Estimate", options=[label for _, label in METHOD_CHOICES], defaultValue=0))
        for name, label in ((self.FIGURE, "People (0: the method's default)"), (self.LOW, "Low (0: the method's default)"),
                            (self.HIGH, "High (0: the method's default)")):
            self.addParameter(QgsProcessingParameterNumber(name, label, QgsProcessingParameterNumber.Double, 0.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(self.DISTANCE, "Buildings closer than (m) are one settlement",
                                                       QgsProcessingParameterNumber.Double, 50.0, minValue=0.0, maxValue=5000.0))
        self.addParameter(QgsProcessingParameterNumber(self.MIN_BUILDINGS, "Smallest settlement (buildings)",
                                                       QgsProcessingParameterNumber.Integer, 5, minValue=1))
        self.addParameter(QgsProcessingParameterNumber(self.CELL_SIZE, "Grid cell size (m on the ground)",
                                                       QgsProcessingParameterNumber.Double, 100.0, minValue=5.0))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, "Settlements", QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT_GRID, "People per cell", QgsProcessing.TypeVectorPolygon,
                                                            optional=True, createByDefault=False))
        for name, label in ((self.SETTLEMENTS, "Settlements"), (self.BUILDINGS, "Buildings"), (self.PEOPLE, "People (estimate)"),
                            (self.PEOPLE_LOW, "People (low)"), (self.PEOPLE_HIGH, "People (high)")):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def rate(self, parameters, context) -> settlements.Rate:
        method = METHOD_CHOICES[self.parameterAsEnum(parameters, self.METHOD, context)][0]
        given = [self.parameterAsDouble(parameters, name, context) for name in (self.FIGURE, self.LOW, self.HIGH)]
        figure, low, high = (value or default for value, default in zip(given, DEFAULT_RATES[method]))
        return settlements.Rate(method, figure, low, high)

    def processAlgorithm(self, parameters, context, feedback):
        rate = self.rate(parameters, context)
        rate.check()  # a refusal in the analyst's language (processing.base)
        footprints = self._read(parameters, self.FOOTPRINTS, context, feedback)
        if footprints is None:
            raise QgsProcessingException(tr("Choose the building footprints (a polygon layer)"))
        rect = self._area(parameters, context)
        _, geometries = features_in_mercator(footprints, context, rect)
        mapped = self._read(parameters, self.OSM, context, feedback)
        _, mapped_geometries = features_in_mercator(mapped, context, rect) if mapped is not None else ([], [])
        if not geometries and not mapped_geometries:
            where = tr("inside the area (AOI)") if rect is not None else tr("in FOOTPRINTS")
            raise QgsProcessingException(tr("There are no buildings {}: choose a footprint layer that has some, or an area "
                                            "that holds some").format(where))
        box = QgsRectangle()
        box.setMinimal()
        for geometry in geometries + mapped_geometries:
            minx, maxx, miny, maxy = geometry.GetEnvelope()
            box.combineExtentWith(QgsRectangle(minx, miny, maxx, maxy))
        scale = vectorize.ground_scale(box.center().y())
        buildings = self._buildings(parameters, context, geometries, mapped_geometries, scale, feedback)
        if feedback.isCanceled():
            return {}
        distance = self.parameterAsDouble(parameters, self.DISTANCE, context)
        min_buildings = self.parameterAsInt(parameters, self.MIN_BUILDINGS, context)
        found = settlements.settlements(buildings, distance * scale, rate, min_buildings, margin=scale)
        feedback.setProgress(70)
        results = self._write_settlements(parameters, context, found)
        people, low, high = (float(v.sum()) for v in rate.people(buildings.roof_m2))
        results.update({self.BUILDINGS: len(buildings), self.PEOPLE: round(people), self.PEOPLE_LOW: round(low),
                        self.PEOPLE_HIGH: round(high), self.SETTLEMENTS: len(found)})
        grid_dest = self._write_grid(parameters, context, buildings, rate, box, scale)
        if grid_dest is not None:
            results[self.OUTPUT_GRID] = grid_dest
        unit = tr("per building") if rate.method == settlements.PER_BUILDING else tr("per m² of roof")
        feedback.pushInfo(tr("{} buildings; {} settlements of {} or more buildings (outlines at most {:g} m apart); about {:,.0f} "
                             "people ({:,.0f} to {:,.0f}) at {:g} ({:g} to {:g}) {}")
                          .format(len(buildings), len(found), min_buildings, distance, people, low, high, rate.figure, rate.low,
                                  rate.high, unit))
        if found:
            top = found[0]
            feedback.pushInfo(tr("Largest: {} buildings, about {:,.0f} people ({:,.0f} to {:,.0f}); {:.0%} of its buildings only "
                                 "the model saw").format(top.buildings, top.people, top.people_low, top.people_high,
                                                         top.model_only_share))
        return results

    def _read(self, parameters, name, context, feedback):
        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            return None
        areas.require_polygons(source, name)
        crs = source.sourceCrs()
        if not crs.isValid():
            raise QgsProcessingException(tr("{} has no coordinate reference system, so distances cannot be measured in metres: "
                                            "set its CRS (Layer Properties > Source)").format(name))
        if crs.isGeographic():
            feedback.pushInfo(tr("{} is in degrees ({}): distances and areas are measured in metres on the ground, not in "
                                 "degrees").format(name, crs.authid()))
        return source

    def _area(self, parameters, context):
        if parameters.get(self.AOI) in (None, ""):
            return None
        rect = self.parameterAsExtent(parameters, self.AOI, context, areas.MERCATOR)
        if rect.isEmpty():
            raise QgsProcessingException(tr("The area (AOI) is empty: draw it again, or leave it empty to use every building"))
        return rect

    def _buildings(self, parameters, context, geometries, mapped_geometries, scale, feedback) -> settlements.Buildings:
        from_model = self.parameterAsBoolean(parameters, self.FROM_MODEL, context)
        model = settlements.Buildings.from_geometries(geometries, [from_model] * len(geometries), scale)
        if not mapped_geometries:
            return model
        mapped = settlements.Buildings.from_geometries(mapped_geometries, [False] * len(mapped_geometries), scale)
        unmapped = settlements.model_only_footprints(model, mapped) if from_model else [True] * len(model)
        feedback.pushInfo(tr("{} footprints, {} mapped buildings: {} footprints are not mapped and are added; where both have "
                             "a building the mapped outline is kept").format(len(model), len(mapped), int(sum(unmapped))))
        return settlements.concatenate([mapped, settlements.select(model, unmapped)])

    def _write_settlements(self, parameters, context, found) -> dict:
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, field_types.fields(SETTLEMENT_FIELDS), QgsWkbTypes.Polygon,
                                          QgsCoordinateReferenceSystem("EPSG:3857"))
        for settlement in found:
            areas.add_ogr_feature(sink, settlement.outline, [settlement.rank, settlement.buildings, round(settlement.roof_m2, 1),
                                            round(settlement.people, 1), round(settlement.people_low, 1),
                                            round(settlement.people_high, 1), round(settlement.model_only_share, 3)])
        if context.willLoadLayerOnCompletion(dest):
            context.layerToLoadOnCompletionDetails(dest).setPostProcessor(styles.PeopleStyler.create())
        return {self.OUTPUT: dest}

    def _write_grid(self, parameters, context, buildings, rate, box, scale):
        if parameters.get(self.OUTPUT_GRID) in (None, ""):
            return None
        cell_m = self.parameterAsDouble(parameters, self.CELL_SIZE, context)
        grid = building_grid.Grid(building_grid.SQUARE, cell_m * scale, (box.xMinimum(), box.yMinimum()))
        keys = [grid.key_of(x, y) for x, y in buildings.points.tolist()]
        totals = settlements.per_cell(buildings, rate, keys)
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_GRID, context, field_types.fields(CELL_FIELDS), QgsWkbTypes.Polygon,
                                          QgsCoordinateReferenceSystem("EPSG:3857"))
        if sink is None:
            return None
        for key in sorted(totals):
            cell = totals[key]
            areas.add_ogr_feature(sink, grid.cell(key, scale).geometry, [cell.buildings, round(cell.roof_m2, 1), round(cell.people, 1),
                                                        round(cell.people_low, 1), round(cell.people_high, 1),
                                                        round(cell.model_only / cell.buildings, 3)])
        if context.willLoadLayerOnCompletion(dest):
            context.layerToLoadOnCompletionDetails(dest).setPostProcessor(styles.PeopleCellsStyler.create())
        return dest


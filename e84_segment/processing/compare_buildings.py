"""e84segment:comparebuildings: pre-event buildings that a post-event prediction no longer supports."""
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
)

from ..core import damage
from . import areas, field_types, styles
from .base import E84Algorithm
from .polygonize import open_prediction
from ..i18n import tr


class CompareBuildingsAlgorithm(E84Algorithm):
    ID = "comparebuildings"
    TITLE = "Buildings the new imagery no longer shows"
    GROUP = "footprints"
    BUILDINGS = "BUILDINGS"
    CLASSES = "CLASSES"
    PROBABILITY = "PROBABILITY"
    SEEN_SHARE = "SEEN_SHARE"
    PARTLY_SHARE = "PARTLY_SHARE"
    OUTPUT = "OUTPUT"
    NOT_SEEN = "NOT_SEEN"

    def shortHelpString(self):
        return (
            "Damage triage. BUILDINGS are the buildings before the event (OSM, or footprints predicted on pre-event "
            "imagery); CLASSES (and PROBABILITY) the prediction on post-event imagery ('Predict buildings'). Each "
            "building gets seen_share, the share of its pixels the post-event prediction still calls building, "
            "mean_probability, a status (intact from SEEN_SHARE up, partly from PARTLY_SHARE, not seen below; no "
            "imagery where the new imagery does not reach) and review_rank, 1 for the least supported.\n\n"
            "'Not seen' means not seen by this model on this imagery, not 'destroyed': cloud, shadow, a new roof "
            "colour, tarpaulins or a model error read the same. Review the buildings in rank order against both "
            "images before reporting anything."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(self.BUILDINGS, "Buildings before the event",
                                                              [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterRasterLayer(self.CLASSES, "Post-event building classes (from Predict buildings)"))
        self.addParameter(QgsProcessingParameterRasterLayer(self.PROBABILITY, "Post-event building probability", optional=True))
        self.addParameter(QgsProcessingParameterNumber(self.SEEN_SHARE, "Intact from this share seen",
                                                       QgsProcessingParameterNumber.Double, damage.SEEN_SHARE, minValue=0.0, maxValue=1.0))
        self.addParameter(QgsProcessingParameterNumber(self.PARTLY_SHARE, "Partly from this share seen",
                                                       QgsProcessingParameterNumber.Double, damage.PARTLY_SHARE, minValue=0.0, maxValue=1.0))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, "Buildings by what the new imagery shows",
                                                            QgsProcessing.TypeVectorPolygon))
        self.addOutput(QgsProcessingOutputNumber(self.NOT_SEEN, "Buildings not seen"))

    def prepareAlgorithm(self, parameters, context, feedback):
        self.classes, self.probability = open_prediction(
            self, parameters, context, self.CLASSES, self.PROBABILITY,
            "CLASSES: choose the class raster of a prediction on the post-event imagery")
        return True

    def processAlgorithm(self, parameters, context, feedback):
        classes, probability, self.classes, self.probability = self.classes, self.probability, None, None
        seen = self.parameterAsDouble(parameters, self.SEEN_SHARE, context)
        partly = self.parameterAsDouble(parameters, self.PARTLY_SHARE, context)
        if partly > seen:
            raise QgsProcessingException(tr("PARTLY_SHARE ({:g}) is above SEEN_SHARE ({:g}): lower it")
                                         .format(partly, seen))
        source = self.parameterAsSource(parameters, self.BUILDINGS, context)
        if source is None:
            raise QgsProcessingException(tr("BUILDINGS: choose the buildings before the event (a polygon layer)"))
        request = QgsFeatureRequest().setDestinationCrs(areas.MERCATOR, context.transformContext())
        features = [f for f in source.getFeatures(request, QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks)
                    if f.hasGeometry()]
        if not features:
            raise QgsProcessingException(tr("BUILDINGS has no polygons (or none is selected)"))
        found = damage.triage(classes, [bytes(f.geometry().asWkb()) for f in features], probability, seen, partly)
        if all(s.status == damage.NO_IMAGERY for s in found):
            raise QgsProcessingException(tr("No building lies on the post-event prediction: predict over the "
                                            "buildings' area"))
        fields = field_types.fields((("seen_share", field_types.DOUBLE), ("mean_probability", field_types.DOUBLE),
                                     ("status", field_types.STRING), ("review_rank", field_types.INT)), source.fields())
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, source.wkbType(),
                                          QgsCoordinateReferenceSystem("EPSG:3857"))
        for support in sorted(found, key=lambda s: s.rank or len(found) + 1):
            feature = features[support.index]
            feature.setFields(fields, False)
            feature.setAttributes(feature.attributes()[:source.fields().count()] + [
                None if support.seen_share is None else round(support.seen_share, 3),
                None if support.mean_probability is None else round(support.mean_probability, 3),
                support.status, support.rank or None])
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        counts = {status: sum(s.status == status for s in found) for status in damage.STATUSES}
        feedback.pushInfo(", ".join(f"{n} {status}" for status, n in counts.items()) +
                          ". 'Not seen' is what this model does not see: review in review_rank order against both images")
        if context.willLoadLayerOnCompletion(dest):
            context.layerToLoadOnCompletionDetails(dest).setPostProcessor(styles.TriageStyler.create())
        return {self.OUTPUT: dest, self.NOT_SEEN: counts[damage.NOT_SEEN]}

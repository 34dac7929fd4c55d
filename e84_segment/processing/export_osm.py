"""e84segment:exportosm: footprints as an OSM XML file that JOSM opens as a new layer, for review."""
import os
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from .. import metadata
from ..core import osm_xml
from .base import E84Algorithm
from ..i18n import tr

# The building=* values HOT's tasks ask for most; "yes" when the kind is not known from imagery.
BUILDING_VALUES = ("yes", "house", "residential", "hut", "commercial", "industrial", "school")
CONFIDENCE_FIELD = "confidence"


class ExportOsmAlgorithm(E84Algorithm):
    ID = "exportosm"
    TITLE = "Buildings for OSM editors"
    GROUP = "footprints"
    INPUT = "INPUT"
    MIN_CONFIDENCE = "MIN_CONFIDENCE"
    BUILDING_TAG = "BUILDING_TAG"
    SOURCE = "SOURCE"
    OUTPUT = "OUTPUT"
    BUILDINGS = "BUILDINGS"

    def shortHelpString(self):
        return (
            "Writes footprints (typically 'Predicted, no OSM match' from 'Compare with OSM'; selected features only "
            "if asked) as an OSM XML file that JOSM opens as a new layer: new objects with negative ids, nodes shared "
            "where outlines touch, building=BUILDING_TAG on closed ways (multipolygon relations for courtyards), "
            "source=SOURCE naming the imagery, and coordinates in WGS 84 at OSM's precision (7 decimals).\n\n"
            "Footprints under MIN_CONFIDENCE (their mean building probability) are left out; layers without a "
            "confidence field are written whole.\n\n"
            "The file is marked upload=\"false\": JOSM will not upload it as it is. Review every building against "
            "the imagery, fix or delete it, then copy the good ones into your editing layer and upload them under "
            "your account, following the import guidelines of your community and of the HOT task."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(self.INPUT, "Footprints", [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterNumber(self.MIN_CONFIDENCE, "Minimum confidence (0-1)",
                                                       QgsProcessingParameterNumber.Double, 0.5, minValue=0.0, maxValue=1.0))
        self.addParameter(QgsProcessingParameterEnum(self.BUILDING_TAG, "building=", options=list(BUILDING_VALUES),
                                                     defaultValue=0))
        self.addParameter(QgsProcessingParameterString(self.SOURCE, "source= (the imagery, e.g. 'Maxar 2026-11-30')",
                                                       optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT, "OSM file", "OSM XML (*.osm)"))
        self.addOutput(QgsProcessingOutputNumber(self.BUILDINGS, "Buildings written"))

    def processAlgorithm(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(tr("INPUT: choose a polygon layer of footprints"))
        if QgsWkbTypes.geometryType(source.wkbType()) != QgsWkbTypes.PolygonGeometry:
            raise QgsProcessingException(
                tr("INPUT has {} geometries: choose a polygon layer of footprints")
                .format(QgsWkbTypes.geometryDisplayString(QgsWkbTypes.geometryType(source.wkbType())))
            )
        output = Path(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        if output.suffix.lower() != ".osm":
            output = output.with_suffix(".osm")
        minimum = self.parameterAsDouble(parameters, self.MIN_CONFIDENCE, context)
        building = BUILDING_VALUES[self.parameterAsEnum(parameters, self.BUILDING_TAG, context)]
        imagery = self.parameterAsString(parameters, self.SOURCE, context).strip()
        if not imagery:
            feedback.pushWarning(tr("SOURCE is empty: name the imagery the buildings were traced from (OSM asks "
                                    "for it)"))
        tags = {"building": building, "source": imagery}
        confidence = source.fields().indexOf(CONFIDENCE_FIELD)
        if confidence < 0 and minimum > 0:
            feedback.pushInfo(tr("The layer has no '{}' field: every footprint is written").format(CONFIDENCE_FIELD))
        transform = QgsCoordinateTransform(source.sourceCrs(), QgsCoordinateReferenceSystem("EPSG:4326"),
                                           context.transformContext())
        writer = osm_xml.OsmWriter(f"e84_segment {metadata.version()}")
        total, below = source.featureCount(), 0
        # Self-intersecting outlines are written too: JOSM's validator shows them to the mapper, who fixes them.
        features = source.getFeatures(QgsFeatureRequest(), QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks)
        for n, feature in enumerate(features):
            if feedback.isCanceled():
                feedback.pushWarning(tr("Cancelled: no file was written"))
                return {}
            feedback.setProgress(90.0 * n / max(total, 1))
            if not feature.hasGeometry():
                continue
            if confidence >= 0 and minimum > 0 and _number(feature[confidence]) < minimum:
                below += 1
                continue
            geometry = feature.geometry()
            geometry.transform(transform)
            writer.add(bytes(geometry.asWkb()), tags)
        if writer.counts.buildings == 0:
            raise QgsProcessingException(
                tr("No footprint to write: {} in INPUT").format(total)
                + (tr(", {} under MIN_CONFIDENCE {:g} (lower it)").format(below, minimum) if below else "")
                + ("" if total else tr(" (with 'Selected features only', select some first)"))
            )
        partial = output.with_name(f".{output.name}.partial")
        try:
            with open(partial, "w", encoding="utf-8", newline="\n") as stream:
                counts = writer.write(stream)
            os.replace(partial, output)
        finally:  # a full disk must not be left fuller by half a file
            partial.unlink(missing_ok=True)
        feedback.pushInfo(
            tr("{} buildings ({} ways, {} multipolygons, {} nodes, {} shared by touching outlines) written to {}")
            .format(counts.buildings, counts.ways, counts.relations, counts.nodes, counts.shared_nodes, output)
            + (tr("; {} under MIN_CONFIDENCE left out").format(below) if below else "")
            + (tr("; {} too small for OSM's precision dropped").format(counts.dropped) if counts.dropped else "")
            + tr(". Open it in JOSM (File > Open), review each building against the imagery, and upload only what you "
                 "checked")
        )
        return {self.OUTPUT: str(output), self.BUILDINGS: counts.buildings}


def _number(value) -> float:
    """A field value as a number; NULL (no confidence known) counts as 0."""
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0

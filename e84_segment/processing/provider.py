"""The Processing provider ``e84segment``: every step of the plugin as an algorithm."""
from qgis.core import QgsProcessingProvider

from .. import icons
from .build_training_data import BuildTrainingDataAlgorithm
from .building_grid import BuildingGridAlgorithm
from .cache_imagery import CacheImageryAlgorithm
from .compare_buildings import CompareBuildingsAlgorithm
from .check_aws import CheckAwsAlgorithm
from .compare_osm import CompareOsmAlgorithm
from .evaluate_model import EvaluateModelAlgorithm
from .install_dependencies import InstallDependenciesAlgorithm
from .export_footprints import ExportFootprintsAlgorithm
from .export_osm import ExportOsmAlgorithm
from .export_onnx import ExportOnnxAlgorithm
from .manage_endpoints import ManageEndpointsAlgorithm
from .predict_endpoint import PredictEndpointAlgorithm
from .polygonize import PolygonizeAlgorithm
from .population_centres import PopulationCentresAlgorithm
from .situation_map import SituationMapAlgorithm
from .predict_local import PredictLocalAlgorithm
from .suggest_tiles import SuggestTilesAlgorithm
from .train_from_review import TrainFromReviewAlgorithm
from .train_local import TrainLocalAlgorithm
from .train_sagemaker import TrainSageMakerAlgorithm
from .tune_sagemaker import TuneSageMakerAlgorithm
from .upload_dataset import UploadDatasetAlgorithm

PROVIDER_ID = "e84segment"


class E84Provider(QgsProcessingProvider):
    def id(self):
        return PROVIDER_ID

    def name(self):
        return "e84 segment"

    def longName(self):
        return "e84 segment: building footprints from imagery and OSM"

    def icon(self):
        return icons.plugin_icon()

    def loadAlgorithms(self):
        for algorithm in (
            BuildTrainingDataAlgorithm(),
            TrainLocalAlgorithm(),
            SuggestTilesAlgorithm(),
            TrainFromReviewAlgorithm(),
            PredictLocalAlgorithm(),
            EvaluateModelAlgorithm(),
            ExportOnnxAlgorithm(),
            PolygonizeAlgorithm(),
            CompareOsmAlgorithm(),
            ExportFootprintsAlgorithm(),
            ExportOsmAlgorithm(),
            BuildingGridAlgorithm(),
            PopulationCentresAlgorithm(),
            SituationMapAlgorithm(),
            CompareBuildingsAlgorithm(),
            CheckAwsAlgorithm(),
            UploadDatasetAlgorithm(),
            TrainSageMakerAlgorithm(),
            TuneSageMakerAlgorithm(),
            PredictEndpointAlgorithm(),
            ManageEndpointsAlgorithm(),
            InstallDependenciesAlgorithm(),
            CacheImageryAlgorithm(),
        ):
            self.addAlgorithm(algorithm)

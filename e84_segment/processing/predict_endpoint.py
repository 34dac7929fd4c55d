"""e84segment:predictendpoint: predict buildings through a SageMaker endpoint or a batch transform."""
import tempfile
from pathlib import Path

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..backends.sagemaker.contract import ANSWER_LIMIT, DEFAULT_HOSTING_INSTANCE, max_window_overlap, probability_answer_bytes
from ..core.mosaic import WINDOW_TARGET, window_block, window_side
from . import areas, aws_common
from .base import E84Algorithm
from .predict_local import (
    BUILDING_PIXELS,
    CANCELLED,
    OUTPUT_CLASSES,
    OUTPUT_PROBABILITY,
    add_imagery_and_area,
    add_prediction_outputs,
    finish_prediction,
    say_coverage,
)
from ..i18n import tr

METHODS = ("Real-time endpoint", "Batch transform (no live endpoint)")


class PredictEndpointAlgorithm(E84Algorithm):
    ID = "predictendpoint"
    TITLE = "Predict buildings with SageMaker"
    GROUP = "sagemaker"
    IMAGERY = "IMAGERY"
    AOI = "AOI"
    AOI_LAYER = "AOI_LAYER"
    ENDPOINT = "ENDPOINT"
    TRAINING_JOB = "TRAINING_JOB"
    METHOD = "METHOD"
    ROLE_ARN = "ROLE_ARN"
    INSTANCE_TYPE = "INSTANCE_TYPE"
    KEEP_ENDPOINT = "KEEP_ENDPOINT"
    STAGING_URI = "STAGING_URI"
    ZOOM = "ZOOM"
    TILE_SIZE = "TILE_SIZE"
    OVERLAP = "OVERLAP"
    ENDPOINT_URL = "ENDPOINT_URL"
    MAX_TILES = "MAX_TILES"
    POLL_SECONDS = "POLL_SECONDS"
    OUTPUT_CLASSES = OUTPUT_CLASSES
    OUTPUT_PROBABILITY = OUTPUT_PROBABILITY
    ENDPOINT_NAME = "ENDPOINT_NAME"
    BUILDING_PIXELS = BUILDING_PIXELS

    def shortHelpString(self):
        return (
            "Predicts buildings over the area of interest with a model trained by 'Train model on SageMaker', and writes "
            "the same class and probability GeoTIFFs as 'Predict buildings', so footprints and the OSM comparison work "
            "unchanged.\n\n"
            "Give an existing ENDPOINT, or a TRAINING_JOB to deploy (a CPU instance by default). An endpoint this "
            "algorithm creates is deleted when prediction ends, on success, error or cancel, unless KEEP_ENDPOINT is "
            "set: live endpoints bill every hour. Batch transform needs no live endpoint: windows are staged in "
            "STAGING_URI and the job's class masks are read back (probabilities are then 0 or 255).\n\n"
            "ENDPOINT_URL (advanced) sends the requests to another server that speaks the SageMaker runtime API, such "
            "as the plugin's local endpoint (python -m e84_segment.backends.sagemaker.local_endpoint model.pt)."
        )

    def initAlgorithm(self, config=None):
        add_imagery_and_area(self)
        self.addParameter(QgsProcessingParameterString(self.ENDPOINT, "Existing endpoint name", "", optional=True))
        self.addParameter(QgsProcessingParameterString(self.TRAINING_JOB, "Training job to deploy", "", optional=True))
        self.addParameter(QgsProcessingParameterEnum(self.METHOD, "Method (with a training job)", options=list(METHODS), defaultValue=0))
        aws_common.add_parameters(self)
        self.addParameter(QgsProcessingParameterString(self.ROLE_ARN, "Execution role ARN (empty: the training job's)", "", optional=True))
        self.addParameter(QgsProcessingParameterString(self.INSTANCE_TYPE, "Inference instance type", DEFAULT_HOSTING_INSTANCE))
        self.addParameter(QgsProcessingParameterBoolean(self.KEEP_ENDPOINT, "Keep the endpoint it creates (bills hourly)", False))
        self.addParameter(QgsProcessingParameterString(self.STAGING_URI, "S3 location for batch windows (s3://bucket/prefix/)", "", optional=True))
        self.addParameter(
            QgsProcessingParameterNumber(self.ZOOM, "Zoom level (0: the one the model was trained at)", QgsProcessingParameterNumber.Integer, 0, minValue=0, maxValue=24)
        )
        self.addParameter(
            QgsProcessingParameterNumber(self.TILE_SIZE, "Tile size (0: the model's)", QgsProcessingParameterNumber.Integer, 0, minValue=0, maxValue=2048)
        )
        self.addParameter(
            # An endpoint answers at most 6 MB: the probabilities of a larger window never come back.
            QgsProcessingParameterNumber(self.OVERLAP, "Overlap (pixels of context, blended)", QgsProcessingParameterNumber.Integer, 16,
                                         minValue=0, maxValue=max_window_overlap(WINDOW_TARGET))
        )
        self.addAdvancedParameter(QgsProcessingParameterString(self.ENDPOINT_URL, "Runtime endpoint URL (a local endpoint)", "", optional=True))
        self.addAdvancedParameter(QgsProcessingParameterNumber(self.MAX_TILES, "Stop above this many tiles", QgsProcessingParameterNumber.Integer, 20000, minValue=1))
        self.addAdvancedParameter(areas.concurrency_parameter())
        self.addAdvancedParameter(QgsProcessingParameterNumber(self.POLL_SECONDS, "Seconds between status checks", QgsProcessingParameterNumber.Double, 15.0, minValue=0.0)
        )
        add_prediction_outputs(self)
        self.addOutput(QgsProcessingOutputString(self.ENDPOINT_NAME, "Endpoint used"))

    def prepareAlgorithm(self, parameters, context, feedback):
        self.imagery = areas.snapshot_imagery(self, parameters, self.IMAGERY, context)
        return True

    def processAlgorithm(self, parameters, context, feedback):
        settings = aws_common.settings(self, parameters, context)
        from ..backends.sagemaker import contract, endpoints

        endpoint = self.parameterAsString(parameters, self.ENDPOINT, context).strip()
        job = self.parameterAsString(parameters, self.TRAINING_JOB, context).strip()
        if bool(endpoint) == bool(job):
            raise QgsProcessingException(tr("Give either ENDPOINT (an endpoint in service) or TRAINING_JOB (a "
                                            "completed job to deploy)"))
        runtime_url = self.parameterAsString(parameters, self.ENDPOINT_URL, context).strip()
        if runtime_url and job:
            raise QgsProcessingException(tr("ENDPOINT_URL serves a running endpoint: give ENDPOINT (its name), "
                                            "not TRAINING_JOB"))
        batch = bool(job) and self.parameterAsEnum(parameters, self.METHOD, context) == 1
        poll = self.parameterAsDouble(parameters, self.POLL_SECONDS, context)
        with aws_common.aws_errors("Predicting with SageMaker", "transform job usage" if batch else "endpoint usage"):
            region = settings.session().region_name
            sm = None if runtime_url else settings.client("sagemaker")
            zoom = self.parameterAsInt(parameters, self.ZOOM, context)
            tile_size = self.parameterAsInt(parameters, self.TILE_SIZE, context)
            if job:
                description = sm.describe_training_job(TrainingJobName=job)
                if description["TrainingJobStatus"] != "Completed":
                    raise QgsProcessingException(tr("Training job {} is {}: only a completed job can be "
                                                    "deployed")
                                                 .format(job, description["TrainingJobStatus"]))
                artifact = description.get("ModelArtifacts", {}).get("S3ModelArtifacts")
                if not artifact:
                    raise QgsProcessingException(tr("Training job {} has no model artifact").format(job))
                grid_arn = description["TrainingJobArn"]
                training_image = description.get("AlgorithmSpecification", {}).get("TrainingImage", "")
            else:
                training_image = ""
                grid_arn = None if sm is None else sm.describe_endpoint(EndpointName=endpoint)["EndpointArn"]
            zoom, tile_size = self._grid(sm, grid_arn, zoom, tile_size)
            area = areas.area_of_interest(self, parameters, context, self.imagery, feedback=feedback)
            aoi_tiles = areas.tiles_in_area(area, zoom, self.parameterAsInt(parameters, self.MAX_TILES, context))
            feedback.pushInfo(tr("Predicting {} tiles of {} px at zoom {}").format(len(aoi_tiles), tile_size, zoom))
            reader = areas.chip_reader(self.imagery, tile_size, self.parameterAsInt(parameters, areas.CONCURRENCY, context),
                                       aoi_tiles[0], feedback)
            classes_path = self.parameterAsOutputLayer(parameters, self.OUTPUT_CLASSES, context)
            probability_path = self.parameterAsOutputLayer(parameters, self.OUTPUT_PROBABILITY, context)
            overlap = self.parameterAsInt(parameters, self.OVERLAP, context)
            side, block = window_side(tile_size, overlap), window_block(tile_size)
            if not batch and probability_answer_bytes(side, side) > ANSWER_LIMIT:
                fix = (f"lower OVERLAP to {max_window_overlap(block)} or less" if probability_answer_bytes(block, block) <= ANSWER_LIMIT
                       else "no overlap makes tiles this large fit")
                raise QgsProcessingException(
                    tr("Windows of {} px (tiles of {} px, OVERLAP {}) would need answers of {:.1f} MB, over the "
                       "6 MB an endpoint may answer: {}, or use batch transform (METHOD 1 with TRAINING_JOB)")
                    .format(side, tile_size, overlap, probability_answer_bytes(side, side) / 2**20, fix)
                )

            def predict(predictor, source, outputs=None, span=(0, 100)):
                from ..core import mosaic

                classes, probability = outputs or (Path(classes_path), Path(probability_path))
                with areas.reading(reader, feedback):
                    return mosaic.predict_area(
                        predictor, reader.read, aoi_tiles, tile_size, overlap, classes, probability, batch_size=1,
                        source_model=source, cancelled=feedback.isCanceled, ahead=getattr(reader, "expect", None),
                        progress=lambda p: feedback.setProgress(span[0] + p * (span[1] - span[0]) / 100),
                    )

            role = self.parameterAsString(parameters, self.ROLE_ARN, context).strip() or (description["RoleArn"] if job else "")
            instance_type = self.parameterAsString(parameters, self.INSTANCE_TYPE, context).strip()
            deployment = None
            try:
                if batch:
                    staging = self.parameterAsString(parameters, self.STAGING_URI, context).strip()
                    stats = self._batch(settings, sm, region, job, artifact, training_image, role, instance_type, staging, predict,
                                        feedback, poll)
                else:
                    if job:
                        deployment = endpoints.deploy(
                            sm, region, artifact, role, instance_type, "e84-segment", contract.grid_tags(zoom, tile_size),
                            report=feedback.pushInfo, cancelled=feedback.isCanceled, poll_seconds=poll, training_image=training_image,
                        )
                        endpoint = deployment.endpoint
                    runtime = settings.client("sagemaker-runtime", endpoint_url=runtime_url or None)
                    predictor = endpoints.EndpointPredictor(runtime, endpoint)
                    stats = predict(predictor, f"sagemaker:{endpoint}")
                    feedback.pushInfo(tr("{} requests to {}").format(predictor.requests, endpoint))
            except endpoints.Cancelled:
                feedback.pushWarning(CANCELLED)
                return {}
            finally:
                if deployment is not None:
                    if self.parameterAsBoolean(parameters, self.KEEP_ENDPOINT, context):
                        feedback.pushWarning(tr("Endpoint {} is kept and bills every hour: delete it with "
                                                "'SageMaker endpoints'")
                                             .format(deployment.endpoint))
                    else:
                        endpoints.delete(sm, deployment, report=feedback.pushInfo)
        say_coverage(stats, feedback)
        outputs = finish_prediction(stats, context, feedback, classes_path, probability_path)
        return {**outputs, self.ENDPOINT_NAME: "" if batch else endpoint} if outputs else {}

    @staticmethod
    def _grid(sm, arn, zoom: int, tile_size: int):
        """Zoom and tile size: given, or from the tags the plugin put on the job or endpoint."""
        from ..backends.sagemaker import contract, endpoints

        if (not zoom or not tile_size) and sm is not None and arn:
            zoom = zoom or int(endpoints.tag_value(sm, arn, contract.TAG_ZOOM) or 0)
            tile_size = tile_size or int(endpoints.tag_value(sm, arn, contract.TAG_TILE_SIZE) or 0)
        if not zoom or not tile_size:
            raise QgsProcessingException(
                tr("The zoom and tile size the model was trained at are unknown (it was not trained by this "
                   "plugin, or the endpoint is not on SageMaker): set ZOOM and TILE_SIZE")
            )
        return zoom, tile_size

    @staticmethod
    def _batch(settings, sm, region, job, artifact, training_image, role, instance_type, staging, predict, feedback, poll):
        """Stage the windows in S3, run a transform job on them, mosaic its class masks."""
        from ..backends.sagemaker import aws, contract, endpoints, pytorch_job, transform

        if not staging:
            raise QgsProcessingException(tr("Batch transform needs STAGING_URI (s3://bucket/prefix/) for the "
                                            "windows and results"))
        bucket, prefix = contract.parse_s3_uri(staging)
        aws.check_bucket_region(settings, bucket)  # a transform job reads its own region's buckets only
        name = contract.unique_name("e84-segment-batch")
        prefix = f"{prefix}{name}/"
        s3 = settings.client("s3")
        with tempfile.TemporaryDirectory() as scratch:  # the staging pass's rasters are thrown away
            staged = predict(transform.StagingPredictor(s3, bucket, prefix), "", (Path(scratch) / "c.tif", Path(scratch) / "p.tif"), (0, 30))
        if staged.cancelled:
            return staged
        model = contract.unique_name("e84-segment-model")
        sm.create_model(**pytorch_job.hosting_model_request(model, region, artifact, role, training_image, instance_type))
        try:
            transform.run_job(sm, name, model, bucket, prefix, instance_type, feedback.pushInfo, feedback.isCanceled, poll)
            feedback.pushInfo(tr("Windows and results of {} stay in s3://{}/{}").format(job, bucket, prefix))
            return predict(transform.ResultPredictor(s3, bucket, prefix), f"sagemaker-batch:{name}", None, (70, 100))
        finally:
            endpoints.delete(sm, endpoints.Deployment("", "", model), report=feedback.pushInfo)

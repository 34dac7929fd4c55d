"""e84segment:uploaddataset: a dataset folder to S3 in the algorithm's channel layout, resumable."""
from pathlib import Path

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from . import aws_common
from .base import E84Algorithm
from ..i18n import tr


def upload_folder(folder: Path, dataset_uri: str, aws_settings, feedback) -> dict:
    """Validates, plans and uploads; shared with Train on SageMaker. Returns the counts."""
    from ..backends.sagemaker import upload

    meta = upload.validate(folder)
    feedback.pushInfo(
        tr("{}: {} training and {} validation chips, {} classes: valid for the algorithm")
        .format(folder.name, meta["counts"]["train"], meta["counts"]["validation"], len(meta["classes"]))
    )
    s3 = aws_settings.client("s3")
    plan = upload.plan(s3, folder, dataset_uri)
    feedback.pushInfo(
        tr("{} files already in {} and unchanged; uploading {} ({:.1f} MB)")
        .format(len(plan.unchanged), dataset_uri, len(plan.to_upload), plan.bytes_to_upload / 1e6)
    )
    try:
        uploaded = upload.upload(s3, plan, progress=feedback.setProgress, cancelled=feedback.isCanceled)
    except upload.Cancelled:
        raise QgsProcessingException(tr("Cancelled: run again to upload only what is still missing")) from None
    return {"meta": meta, "uploaded": uploaded, "skipped": len(plan.unchanged)}


class UploadDatasetAlgorithm(E84Algorithm):
    ID = "uploaddataset"
    TITLE = "Upload dataset to S3"
    GROUP = "sagemaker"
    DATASET = "DATASET"
    S3_URI = "S3_URI"
    UPLOADED = "UPLOADED"
    SKIPPED = "SKIPPED"

    def shortHelpString(self):
        return (
            "Uploads a dataset from 'Build training data' to S3_URI (s3://bucket/prefix/) in the layout of SageMaker's "
            "semantic segmentation algorithm: train/, validation/, train_annotation/, validation_annotation/, label_map/.\n\n"
            "The dataset is checked first (every image has its mask, masks are 8-bit class indices or 255, the counts "
            "match dataset.json). Files go up a few at a time, with SHA-256 checksums; running it again after an "
            "interruption uploads only what is missing or changed."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(self.DATASET, "Training dataset folder", QgsProcessingParameterFile.Folder))
        self.addParameter(QgsProcessingParameterString(self.S3_URI, "S3 location (s3://bucket/prefix/)"))
        aws_common.add_parameters(self)
        self.addOutput(QgsProcessingOutputString(self.S3_URI, "Dataset S3 location"))
        self.addOutput(QgsProcessingOutputNumber(self.UPLOADED, "Files uploaded"))
        self.addOutput(QgsProcessingOutputNumber(self.SKIPPED, "Files already there"))

    def processAlgorithm(self, parameters, context, feedback):
        settings = aws_common.settings(self, parameters, context)
        from ..backends.sagemaker import contract

        folder = Path(self.parameterAsFile(parameters, self.DATASET, context))
        with aws_common.aws_errors("Uploading the dataset"):
            bucket, prefix = contract.parse_s3_uri(self.parameterAsString(parameters, self.S3_URI, context))
            uri = contract.s3_uri(bucket, prefix)
            result = upload_folder(folder, uri, settings, feedback)
        feedback.pushInfo(tr("Uploaded {} files; {} were already there").format(result["uploaded"], result["skipped"]))
        return {self.S3_URI: uri, self.UPLOADED: result["uploaded"], self.SKIPPED: result["skipped"]}

"""Batch transform: predict an area with no live endpoint (nothing bills once the job ends).

core.mosaic.predict_area runs twice with the same windows in the same order: first a predictor that
stages each window as a JPEG in S3, then, after the transform job, one that reads the job's PNG
class mask for each window. The algorithm's batch answer is the class mask, so the probability
raster of a batch prediction holds 0 or 255 (blended where windows overlap).
"""
import io
from typing import Callable

import numpy as np
from PIL import Image

from . import aws, contract, endpoints
from ...core.sentence import said

OUTPUT_SUFFIX = ".out"  # batch transform names each result after its input plus ".out"


class StagingPredictor:
    """Uploads every window it is given; predicts nothing."""

    def __init__(self, s3, bucket: str, prefix: str):
        self.s3, self.bucket, self.prefix = s3, bucket, prefix
        self.count = 0

    def key(self, index: int) -> str:
        return f"{self.prefix}input/{index:06d}.jpg"

    def probabilities(self, batch: np.ndarray) -> np.ndarray:
        for rgb in batch:
            self.s3.put_object(Bucket=self.bucket, Key=self.key(self.count), Body=endpoints.encode_window(rgb), ContentType=contract.JPEG)
            self.count += 1
        return np.zeros(batch.shape[:3], dtype=np.float32)


class ResultPredictor:
    """Reads, window by window in the staging order, the transform job's class masks."""

    def __init__(self, s3, bucket: str, prefix: str, building_class: int = 1):
        self.s3, self.bucket, self.prefix, self.building_class = s3, bucket, prefix, building_class
        self.count = 0

    def probabilities(self, batch: np.ndarray) -> np.ndarray:
        out = []
        for rgb in batch:
            key = f"{self.prefix}output/{self.count:06d}.jpg{OUTPUT_SUFFIX}"
            try:
                body = self.s3.get_object(Bucket=self.bucket, Key=key)["Body"].read()
            except Exception as error:
                raise said(
                    aws.AwsError, "The transform job left no result for window {count} (s3://{bucket}/{key}): {error}",
                    count=self.count, bucket=self.bucket, key=key, error=error,
                ) from None
            with Image.open(io.BytesIO(body)) as mask:
                classes = np.asarray(mask)
            if classes.shape != rgb.shape[:2]:
                raise said(
                    aws.AwsError, "Result {key} is {result_width}x{result_height}, not {width}x{height}",
                    key=key, result_width=classes.shape[1], result_height=classes.shape[0], width=rgb.shape[1], height=rgb.shape[0],
                )
            out.append((classes == self.building_class).astype(np.float32))
            self.count += 1
        return np.stack(out)


def run_job(
    sm,
    name: str,
    model_name: str,
    bucket: str,
    prefix: str,
    instance_type: str,
    report: Callable[[str], None] = print,
    cancelled: Callable[[], bool] = lambda: False,
    poll_seconds: float = 30.0,
) -> dict:
    request = contract.transform_request(
        name, model_name, contract.s3_uri(bucket, f"{prefix}input/"), contract.s3_uri(bucket, f"{prefix}output/"), instance_type
    )
    sm.create_transform_job(**request)
    report(f"Batch transform {name} submitted on {instance_type}")
    stopper = aws.StopOnCancel(cancelled, lambda: sm.stop_transform_job(TransformJobName=name), f"Stopping batch transform {name}", report)
    while True:
        description = sm.describe_transform_job(TransformJobName=name)
        status = description["TransformJobStatus"]
        if status in ("Completed", "Failed", "Stopped"):
            if status == "Failed":
                raise said(
                    aws.AwsError, "Batch transform {name} failed: {reason}",
                    name=name, reason=description.get("FailureReason", "no reason given"),
                )
            if status == "Stopped":
                raise endpoints.Cancelled()
            return description
        stopper.check()
        stopper.pause(poll_seconds)

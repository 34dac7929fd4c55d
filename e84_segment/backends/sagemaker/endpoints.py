"""SageMaker hosting: deploy a trained job's model, predict through an endpoint, clean up after.

A live endpoint bills every hour until it is deleted, so an endpoint the plugin creates is deleted
when prediction ends (success, error or cancel) unless the user keeps it, and every resource it
creates carries the plugin's tag so that forgotten ones can be listed and deleted.
"""
from dataclasses import dataclass
from typing import Callable, List, Optional

import numpy as np
from botocore.exceptions import ClientError

from ...core import dataset
from . import aws, contract, pytorch_job, recordio
from ...core.sentence import said

JPEG_QUALITY = 95  # windows go to the endpoint as JPEG (its input type): keep the loss small
POLL_SECONDS = 15.0


class Cancelled(Exception):
    pass


@dataclass
class Deployment:
    endpoint: str
    config: str
    model: str


@dataclass
class LiveEndpoint:
    name: str
    status: str
    created: str
    instance_type: str = ""


def deploy(
    sm,
    region: str,
    model_data_url: str,
    role_arn: str,
    instance_type: str,
    base_name: str,
    extra_tags: Optional[List[dict]] = None,
    report: Callable[[str], None] = print,
    cancelled: Callable[[], bool] = lambda: False,
    poll_seconds: float = POLL_SECONDS,
    training_image: str = "",
) -> Deployment:
    """create_model, create_endpoint_config, create_endpoint, then wait for InService. The job's
    ``training_image`` says which container serves the model (the built-in algorithm's by default).

    On any failure or cancel, whatever was created is deleted before the error goes up.
    """
    names = Deployment(*(contract.unique_name(f"{base_name}-{kind}") for kind in ("ep", "cfg", "model")))
    tags = list(contract.PLUGIN_TAGS) + list(extra_tags or [])
    created = Deployment("", "", "")
    try:
        request = pytorch_job.hosting_model_request(names.model, region, model_data_url, role_arn, training_image, instance_type)
        sm.create_model(**{**request, "Tags": tags})
        created.model = names.model
        sm.create_endpoint_config(**{**contract.endpoint_config_request(names.config, names.model, instance_type), "Tags": tags})
        created.config = names.config
        sm.create_endpoint(**{**contract.endpoint_request(names.endpoint, names.config), "Tags": tags})
        created.endpoint = names.endpoint
        report(f"Endpoint {names.endpoint} is being created on {instance_type} (this takes several minutes and bills hourly)")
        wait_in_service(sm, names.endpoint, report, cancelled, poll_seconds)
    except BaseException:
        delete(sm, created, report)
        raise
    return names


def wait_in_service(sm, name: str, report, cancelled, poll_seconds: float) -> None:
    last = None
    while True:
        description = sm.describe_endpoint(EndpointName=name)
        status = description["EndpointStatus"]
        if status != last:
            report(f"Endpoint {name}: {status}")
            last = status
        if status == "InService":
            return
        if status in ("Failed", "OutOfService", "Deleting"):
            raise said(
                aws.AwsError, "Endpoint {name} is {status}: {reason}",
                name=name, status=status, reason=description.get("FailureReason", "no reason given"),
            )
        aws.pause(poll_seconds, cancelled)
        if cancelled():
            raise Cancelled()


def delete(sm, deployment: Deployment, report: Callable[[str], None] = print) -> None:
    """Deletes endpoint, config and model; each one that exists, and goes on past failures."""
    for kind, call, key, name in (
        ("endpoint", sm.delete_endpoint, "EndpointName", deployment.endpoint),
        ("endpoint configuration", sm.delete_endpoint_config, "EndpointConfigName", deployment.config),
        ("model", sm.delete_model, "ModelName", deployment.model),
    ):
        if not name:
            continue
        try:
            call(**{key: name})
            report(f"Deleted {kind} {name}")
        except ClientError as error:
            report(f"Could not delete {kind} {name}: {aws.explain(error, 'Deleting')}. Delete it in the SageMaker console.")


def deployment_of(sm, endpoint: str) -> Deployment:
    """The endpoint with the configuration and model behind it, to delete all three."""
    config = sm.describe_endpoint(EndpointName=endpoint)["EndpointConfigName"]
    variants = sm.describe_endpoint_config(EndpointConfigName=config).get("ProductionVariants", [])
    return Deployment(endpoint, config, variants[0]["ModelName"] if variants else "")


def list_ours(sm) -> List[LiveEndpoint]:
    """Endpoints that carry the plugin's tag (they bill until deleted)."""
    found = []
    for page in sm.get_paginator("list_endpoints").paginate():
        for item in page.get("Endpoints", []):
            tags = sm.list_tags(ResourceArn=item["EndpointArn"]).get("Tags", [])
            if contract.is_ours(tags):
                found.append(LiveEndpoint(item["EndpointName"], item["EndpointStatus"], str(item.get("CreationTime", ""))))
    return found


def tag_value(sm, arn: str, key: str) -> Optional[str]:
    for tag in sm.list_tags(ResourceArn=arn).get("Tags", []):
        if tag["Key"] == key:
            return tag["Value"]
    return None


def encode_window(rgb: np.ndarray) -> bytes:
    """A window as the endpoint takes it (the algorithm's input type is JPEG)."""
    return dataset.encode_jpeg(rgb, JPEG_QUALITY)


class EndpointPredictor:
    """A predictor for core.mosaic.predict_area that asks an endpoint for probabilities."""

    def __init__(self, runtime, endpoint: str, building_class: int = 1):
        self.runtime = runtime
        self.endpoint = endpoint
        self.building_class = building_class
        self.requests = 0

    def probabilities(self, batch: np.ndarray) -> np.ndarray:
        out = []
        for rgb in batch:
            response = self.runtime.invoke_endpoint(
                EndpointName=self.endpoint, ContentType=contract.JPEG, Accept=contract.PROTOBUF, Body=encode_window(rgb)
            )
            self.requests += 1
            probabilities = recordio.decode_probabilities(response["Body"].read())
            if probabilities.shape[1:] != rgb.shape[:2]:
                raise said(
                    aws.AwsError, "Endpoint {endpoint} answered {height}x{width} probabilities for a {image_height}x{image_width} "
                                  "image: is it a semantic segmentation endpoint?",
                    endpoint=self.endpoint, height=probabilities.shape[1], width=probabilities.shape[2], image_height=rgb.shape[0], image_width=rgb.shape[1],
                )
            out.append(probabilities[self.building_class])
        return np.stack(out).astype(np.float32)

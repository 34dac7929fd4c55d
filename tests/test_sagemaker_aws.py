"""The SageMaker path against moto's server and the project's own local endpoint, all on 127.0.0.1.

Every call goes through real boto3 clients over HTTP. What moto does not do the way AWS does is
scripted in the test code (tests/sagemaker_fixtures.py), never in the plugin.
"""
import json
import shutil
import threading
import time

import numpy as np
import pytest
from botocore.stub import Stubber
from osgeo import gdal
from PIL import Image
from qgis.core import QgsProcessingException, QgsProcessingFeedback

from e84_segment.backends.sagemaker import aws as plugin_aws
from e84_segment.backends.sagemaker import contract, endpoints, pricing, training, upload

from .conftest import KAMPALA, kampala_xyz_source, needs_torch, require
from .sagemaker_fixtures import REGION, aws_response, json_error, price_list_answer, sagemaker_backend, simulated

VALIDATION_AOI = "3627854,3628466,38753,39136 [EPSG:3857]"


class Feedback(QgsProcessingFeedback):
    def __init__(self, cancel_when=None):
        super().__init__()
        self.lines, self.cancel_when = [], cancel_when

    def pushInfo(self, info):
        self.lines.append(info)
        if self.cancel_when and self.cancel_when(info):
            self.cancel()

    pushWarning = pushInfo

    def reportError(self, error, fatalError=False):
        self.lines.append(error)

    def text(self):
        return "\n".join(self.lines)


def run(name, parameters, feedback=None):
    import processing

    return processing.run(f"e84segment:{name}", parameters, feedback=feedback or Feedback())


@pytest.fixture
def dataset_copy(kampala_dataset, tmp_path):
    target = tmp_path / "dataset"
    shutil.copytree(kampala_dataset, target)
    return target


# --- credentials, retries, connection check ---------------------------------------------------


def test_check_connection_reports_identity_bucket_and_role(aws, provider):
    feedback = Feedback()
    result = run("checkaws", {"S3_URI": f"s3://{aws.bucket}/runs/", "ROLE_ARN": aws.role_arn}, feedback)
    assert result["OK"] is True, feedback.text()
    assert "arn:aws:sts::123456789012" in result["REPORT"] or "123456789012" in result["REPORT"]
    assert f"Bucket {aws.bucket} is reachable" in result["REPORT"] and "SageMaker may assume it" in result["REPORT"]
    bad = run("checkaws", {"S3_URI": "s3://no-such-bucket-e84/", "ROLE_ARN": "arn:aws:iam::123456789012:role/missing"})
    assert bad["OK"] is False
    assert "no-such-bucket-e84" in bad["REPORT"] and "role" in bad["REPORT"].lower()
    assert "iam:PassRole allowed" in result["REPORT"]
    asked = str(aws.hooks.handlers["SimulatePrincipalPolicy"].requests[0])
    assert "iam%3APassRole" in asked and "arn%3Aaws%3Aiam%3A%3A123456789012%3Auser%2Fmoto" in asked
    assert "iam%3APassedToService" in asked and "sagemaker.amazonaws.com" in asked  # the context SageMaker's policies need
    # Only an explicit deny is certain; an implicit one may come from what the simulator cannot see.
    aws.hooks.handlers["SimulatePrincipalPolicy"] = simulated("explicitDeny")
    denied = run("checkaws", {"ROLE_ARN": aws.role_arn})
    assert denied["OK"] is False and "explicit deny" in denied["REPORT"] and "administrator" in denied["REPORT"]
    for answer, reason in ((simulated("implicitDeny", missing=("aws:SourceVpc",)), "depends on aws:SourceVpc"),
                           (simulated("implicitDeny", allowed_by_organizations=False), "organisation policy (SCP)"),
                           (simulated("implicitDeny"), "no policy the simulator sees allows it")):
        aws.hooks.handlers["SimulatePrincipalPolicy"] = answer
        unconfirmed = run("checkaws", {"ROLE_ARN": aws.role_arn})
        assert unconfirmed["OK"] is True and "could not be confirmed" in unconfirmed["REPORT"] and reason in unconfirmed["REPORT"]
    aws.hooks.handlers["SimulatePrincipalPolicy"] = _xml_error_handler(403, "AccessDenied", "not allowed to simulate")
    unsure = run("checkaws", {"ROLE_ARN": aws.role_arn})
    assert unsure["OK"] is True and "could not be checked" in unsure["REPORT"]
    unknown = run("checkaws", {"PROFILE": "nobody"})
    assert unknown["OK"] is False and "profile 'nobody' does not exist" in unknown["REPORT"] and "aws configure" in unknown["REPORT"]


def test_pass_role_is_checked_for_a_role_with_a_path(aws, provider, monkeypatch):
    """An SSO session's STS ARN drops the role's path (role/aws-reserved/sso.amazonaws.com/...):
    IAM is asked about the role by its full ARN, so the check says allowed or denied, not unsure."""
    import boto3

    iam = boto3.client("iam", region_name=REGION)
    trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
                                                     "Action": "sts:AssumeRole"}]}
    sso = iam.create_role(RoleName="AWSReservedSSO_Analyst_0123abcd", Path="/aws-reserved/sso.amazonaws.com/",
                          AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]
    credentials = boto3.client("sts", region_name=REGION).assume_role(RoleArn=sso, RoleSessionName="jane")["Credentials"]
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", credentials["AccessKeyId"])
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", credentials["SecretAccessKey"])
    monkeypatch.setenv("AWS_SESSION_TOKEN", credentials["SessionToken"])
    result = run("checkaws", {"ROLE_ARN": aws.role_arn})
    assert "assumed-role/AWSReservedSSO_Analyst_0123abcd/jane" in result["REPORT"]
    assert result["OK"] is True and "iam:PassRole allowed" in result["REPORT"], result["REPORT"]
    asked = str(aws.hooks.handlers["SimulatePrincipalPolicy"].requests[0])
    assert "role%2Faws-reserved%2Fsso.amazonaws.com%2FAWSReservedSSO_Analyst_0123abcd" in asked


def test_access_denied_is_never_retried_but_throttling_is(aws):
    settings = plugin_aws.AwsSettings()
    sts = settings.client("sts")
    aws.hooks.handlers["GetCallerIdentity"] = lambda request: _xml_error(403, "AccessDenied", "User is not authorized")
    with pytest.raises(Exception) as error:
        sts.get_caller_identity()
    assert "access denied" in str(plugin_aws.explain(error.value, "Signing in")).lower()
    assert aws.hooks.counts["GetCallerIdentity"] == 1
    sm = settings.client("sagemaker")
    answers = iter([json_error("ThrottlingException", "Rate exceeded")] * 2)
    aws.hooks.handlers["ListTrainingJobs"] = lambda request: next(answers, lambda r: None)(request)
    assert sm.list_training_jobs()["TrainingJobSummaries"] == []
    assert aws.hooks.counts["ListTrainingJobs"] == 3  # two throttled answers, retried, then moto's


def boto3_objects(bucket: str, prefix: str) -> list:
    import boto3

    return sorted(o["Key"] for o in boto3.client("s3", region_name=REGION).list_objects_v2(Bucket=bucket, Prefix=prefix).get("Contents", []))


def _xml_error_handler(status, code, message):
    return lambda request: _xml_error(status, code, message)


def test_principal_of_a_caller():
    assert plugin_aws.principal_arn("arn:aws:sts::123456789012:assumed-role/Analyst/jane") == "arn:aws:iam::123456789012:role/Analyst"
    assert plugin_aws.principal_arn("arn:aws:iam::123456789012:user/jane") == "arn:aws:iam::123456789012:user/jane"
    assert plugin_aws.principal_arn("arn:aws-cn:sts::123456789012:assumed-role/R/s") == "arn:aws-cn:iam::123456789012:role/R"
    assert plugin_aws.principal_arn("arn:aws:iam::123456789012:root") is None


def _xml_error(status, code, message):
    from botocore.awsrequest import AWSResponse

    body = f"<ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error></ErrorResponse>".encode()

    class Raw:
        def stream(self, **kwargs):
            yield body

    return AWSResponse("", status, {"Content-Type": "text/xml"}, Raw())


# --- upload ---------------------------------------------------------------------------------------


def test_upload_validates_resumes_and_skips_what_is_there(aws, provider, dataset_copy):
    settings = plugin_aws.AwsSettings()
    s3 = settings.client("s3")
    uri = f"s3://{aws.bucket}/kampala/"
    plan = upload.plan(s3, dataset_copy, uri)
    total = len(plan.to_upload)
    assert total == len(upload.local_files(dataset_copy, "kampala/")) > 40 and not plan.unchanged
    done = []
    with pytest.raises(upload.Cancelled):
        upload.upload(s3, plan, progress=done.append, cancelled=lambda: len([p for p in done if p > 0]) >= 8)
    first = aws.hooks.counts["PutObject"]
    assert 0 < first < total
    aws.hooks.counts.clear()
    result = run("uploaddataset", {"DATASET": str(dataset_copy), "S3_URI": uri})
    assert result["UPLOADED"] == total - first and result["SKIPPED"] == first
    assert aws.hooks.counts["PutObject"] == total - first
    aws.hooks.counts.clear()
    again = run("uploaddataset", {"DATASET": str(dataset_copy), "S3_URI": uri})
    assert again["UPLOADED"] == 0 and again["SKIPPED"] == total
    assert aws.hooks.counts["PutObject"] == 0 and aws.hooks.counts["HeadObject"] == 0  # sizes and ETags decided
    mask = sorted((dataset_copy / "train_annotation").glob("*.png"))[0]
    pixels = np.asarray(Image.open(mask)).copy()
    pixels[:8, :8] = 1 - np.minimum(pixels[:8, :8], 1)
    Image.fromarray(pixels, mode="L").save(mask)
    aws.hooks.counts.clear()
    changed = run("uploaddataset", {"DATASET": str(dataset_copy), "S3_URI": uri})
    assert changed["UPLOADED"] == 1 and aws.hooks.counts["PutObject"] == 1
    stored = s3.head_object(Bucket=aws.bucket, Key=f"kampala/train_annotation/{mask.name}", ChecksumMode="ENABLED")
    assert stored["Metadata"]["sha256"] == upload.sha256(mask) and stored.get("ChecksumSHA256")


def test_multipart_etag_is_computed_as_s3_computes_it(aws, tmp_path):
    s3 = plugin_aws.AwsSettings().client("s3")
    folder = tmp_path / "big"
    (folder / "label_map").mkdir(parents=True)
    big = folder / "label_map" / "blob.bin"
    big.write_bytes(np.random.default_rng(1).integers(0, 255, upload.PART_SIZE * 2 + 1000, dtype=np.uint8).tobytes())
    plan = upload.plan(s3, folder, f"s3://{aws.bucket}/big/")
    assert upload.upload(s3, plan) == 1
    assert aws.hooks.counts["UploadPart"] == 3
    etag = s3.head_object(Bucket=aws.bucket, Key="big/label_map/blob.bin")["ETag"]
    assert etag == upload.s3_etag(big) and etag.endswith('-3"')
    assert not upload.plan(s3, folder, f"s3://{aws.bucket}/big/").to_upload


@pytest.mark.parametrize("damage, message", [
    ("missing_mask", "have no mask"),
    ("rgb_mask", "single-channel 8-bit"),
    ("bad_value", r"pixel values \[7\]"),
    ("count", "counts"),
])
def test_upload_refuses_a_damaged_dataset_before_sending_anything(aws, provider, dataset_copy, damage, message):
    masks = sorted((dataset_copy / "train_annotation").glob("*.png"))
    if damage == "missing_mask":
        masks[0].unlink()
    elif damage == "rgb_mask":
        Image.open(masks[0]).convert("RGB").save(masks[0])
    elif damage == "bad_value":
        pixels = np.asarray(Image.open(masks[0])).copy()
        pixels[0, 0] = 7
        Image.fromarray(pixels, mode="L").save(masks[0])
    else:
        meta = json.loads((dataset_copy / "dataset.json").read_text())
        meta["counts"]["train"] += 1
        (dataset_copy / "dataset.json").write_text(json.dumps(meta))
    with pytest.raises(QgsProcessingException, match=message):
        run("uploaddataset", {"DATASET": str(dataset_copy), "S3_URI": f"s3://{aws.bucket}/bad/"})
    assert aws.hooks.counts["PutObject"] == 0


# --- training -------------------------------------------------------------------------------------


class JobScript:
    """Walks moto's training job (Completed at creation) through the states AWS would report,
    one state per DescribeTrainingJob, with log lines in moto's CloudWatch Logs."""

    def __init__(self, states):
        self.states = list(states)
        self.calls = 0
        self.transitions = []

    def install(self, monkeypatch):
        backend = sagemaker_backend()
        original = backend.describe_training_job

        def describe(name):
            job = backend.training_jobs[name]
            if self.calls < len(self.states):
                self.apply(job, self.states[self.calls])
            self.calls += 1
            return original(name)

        monkeypatch.setattr(backend, "describe_training_job", describe)

    def apply(self, job, state):
        import boto3

        job.training_job_status, job.secondary_status = state["status"], state.get("secondary", state["status"])
        if not self.transitions or self.transitions[-1]["Status"] != job.secondary_status:
            self.transitions.append({"Status": job.secondary_status, "StatusMessage": state.get("message", "")})
        job.secondary_status_transitions = list(self.transitions)  # AWS keeps every transition
        if "failure" in state:
            job.failure_reason = state["failure"]
        job.final_metric_data_list = [{"MetricName": k, "Value": v, "Timestamp": job.creation_time} for k, v in state.get("final", {}).items()]
        if state.get("logs"):
            logs = boto3.client("logs", region_name=REGION)
            group, stream = contract.TRAINING_LOG_GROUP, f"{job.training_job_name}/algo-1-1700000000"
            try:
                logs.create_log_group(logGroupName=group)
            except logs.exceptions.ResourceAlreadyExistsException:
                pass
            try:
                logs.create_log_stream(logGroupName=group, logStreamName=stream)
            except logs.exceptions.ResourceAlreadyExistsException:
                pass
            logs.put_log_events(logGroupName=group, logStreamName=stream,
                                logEvents=[{"timestamp": int(time.time() * 1000) + i, "message": line} for i, line in enumerate(state["logs"])])


TRAIN_PARAMETERS = {"TRAINER": 1, "INSTANCE_TYPE": "ml.p3.2xlarge", "EPOCHS": 3, "POLL_SECONDS": 0}  # the built-in algorithm


def test_trainsagemaker_uploads_submits_the_contract_and_follows_the_job(aws, provider, dataset_copy, tmp_path, monkeypatch):
    JobScript([
        {"status": "InProgress", "secondary": "Starting", "message": "Preparing the instances for training"},
        {"status": "InProgress", "secondary": "Training", "logs": [
            "#progress_metric: host=algo-1, completed 33.3 % of epochs",
            "#quality_metric. host: algo-1, epoch: 0, validation mIOU: 0.4796 .",
            "#quality_metric. host: algo-1, epoch: 0, validation pixel_accuracy: 0.9012 ."]},
        {"status": "InProgress", "secondary": "Training", "logs": [
            "#quality_metric. host: algo-1, epoch: 1, validation mIOU: 0.5523 ."]},
        {"status": "Completed", "final": {"validation:mIOU": 0.6012, "validation:pixel_accuracy": 0.9321}},
    ]).install(monkeypatch)
    record = tmp_path / "run.json"
    feedback = Feedback()
    result = run("trainsagemaker", {**TRAIN_PARAMETERS, "DATASET": str(dataset_copy), "S3_URI": f"s3://{aws.bucket}/kampala",
                                    "ROLE_ARN": aws.role_arn, "OUTPUT_RECORD": str(record)}, feedback)
    text = feedback.text()
    assert result["STATUS"] == "Completed" and result["MIOU"] == pytest.approx(0.6012)
    assert result["PIXEL_ACCURACY"] == pytest.approx(0.9321)
    assert "Estimated cost: up to 2 h x $3.825/h" in text  # from the (local) Price List API
    assert "Epoch 0: validation:mIOU 0.4796" in text and "Epoch 1: validation:mIOU 0.5523" in text, text
    assert "Preparing the instances for training" in text
    job = sagemaker_backend().training_jobs[result["JOB_NAME"]]
    meta = json.loads((dataset_copy / "dataset.json").read_text())
    assert job.algorithm_specification["TrainingImage"] == "811284229777.dkr.ecr.us-east-1.amazonaws.com/semantic-segmentation:1"
    assert job.hyper_parameters["num_training_samples"] == str(meta["counts"]["train"])
    assert job.hyper_parameters["num_classes"] == "2" and job.hyper_parameters["epochs"] == "3"
    assert all(isinstance(v, str) for v in job.hyper_parameters.values())
    uris = {c["ChannelName"]: c["DataSource"]["S3DataSource"]["S3Uri"] for c in job.input_data_config}
    assert uris == {c: f"s3://{aws.bucket}/kampala/{c}/" for c in contract.CHANNELS + ("label_map",)}
    assert job.hyper_parameters["base_size"] == str(meta["tile_size"])  # trained at the scale it predicts
    label_maps = boto3_objects(aws.bucket, "kampala/label_map/")
    assert label_maps == ["kampala/label_map/train_label_map.json", "kampala/label_map/validation_label_map.json"]
    assert {"Key": "created-by", "Value": "e84-segment"} in job.tags
    assert {"Key": contract.TAG_ZOOM, "Value": "20"} in job.tags
    saved = json.loads(record.read_text())
    assert saved["job_name"] == result["JOB_NAME"] and saved["status"] == "Completed"
    assert saved["epochs"]["1"]["validation:mIOU"] == 0.5523 and saved["final_metrics"]["validation:mIOU"] == 0.6012
    assert saved["model_artifact"] == result["MODEL_ARTIFACT"].strip() and saved["model_artifact"].startswith(f"s3://{aws.bucket}/kampala-models/")
    assert "aws_secret_access_key" not in record.read_text().lower() and "testing" not in record.read_text()


def test_a_failed_job_shows_its_reason(aws, provider, dataset_copy, tmp_path, monkeypatch):
    JobScript([{"status": "Failed", "failure": "ClientError: Unable to read image train/x.jpg"}]).install(monkeypatch)
    with pytest.raises(QgsProcessingException, match="failed: ClientError: Unable to read image"):
        run("trainsagemaker", {**TRAIN_PARAMETERS, "DATASET": str(dataset_copy), "S3_URI": f"s3://{aws.bucket}/kampala/",
                               "ROLE_ARN": aws.role_arn, "OUTPUT_RECORD": str(tmp_path / "run.json")})
    assert json.loads((tmp_path / "run.json").read_text())["status"] == "Failed"


def test_cancel_stops_the_job(aws, provider, dataset_copy, tmp_path, monkeypatch):
    JobScript([{"status": "InProgress", "secondary": "Training"}] * 2 + [{"status": "Stopped", "secondary": "Stopped"}]).install(monkeypatch)
    stopped = []
    # moto answers StopTrainingJob with HTTP 500 (not implemented); AWS answers 200 and an empty body.
    aws.hooks.handlers["StopTrainingJob"] = lambda request: stopped.append(json.loads(request.body)) or aws_response(200, {}, request.url)
    feedback = Feedback(cancel_when=lambda line: line.startswith("Submitted"))
    result = run("trainsagemaker", {**TRAIN_PARAMETERS, "S3_URI": f"s3://{aws.bucket}/kampala/", "DATASET": str(dataset_copy),
                                    "ROLE_ARN": aws.role_arn, "OUTPUT_RECORD": str(tmp_path / "run.json")}, feedback)
    assert result["STATUS"] == "Stopped" and stopped == [{"TrainingJobName": result["JOB_NAME"]}]
    assert aws.hooks.counts["StopTrainingJob"] == 1


@pytest.mark.parametrize("code, message", [
    ("ResourceLimitExceeded", "GPU quota of 0"),
    ("ValidationException", "SageMaker refused the request: bad role"),
])
def test_refusals_are_explained_and_recorded(aws, provider, dataset_copy, tmp_path, code, message):
    aws.hooks.handlers["CreateTrainingJob"] = json_error(code, "bad role" if code == "ValidationException" else "quota")
    with pytest.raises(QgsProcessingException, match=message):
        run("trainsagemaker", {**TRAIN_PARAMETERS, "DATASET": str(dataset_copy), "S3_URI": f"s3://{aws.bucket}/kampala/",
                               "ROLE_ARN": aws.role_arn, "OUTPUT_RECORD": str(tmp_path / "run.json")})
    assert aws.hooks.counts["CreateTrainingJob"] == 1  # refusals are not retried
    saved = json.loads((tmp_path / "run.json").read_text())
    assert saved["status"] == "NotCreated" and saved["job_name"].startswith("e84-segment-")


def test_a_quota_refusal_names_the_quota_that_was_hit():
    """SageMaker's quotas are per instance type and use (training, spot training, endpoint, transform):
    the hint names the one AWS's message names, else the one the refused call draws on."""
    from botocore.exceptions import ClientError

    def refusal(message):
        return ClientError({"Error": {"Code": "ResourceLimitExceeded", "Message": message}}, "CreateTrainingJob")

    named = plugin_aws.explain(refusal("The account-level service limit 'ml.g5.xlarge for spot training job usage' is 0 Instances"),
                               "Creating training job j", "training job usage")
    assert "(SageMaker, 'ml.g5.xlarge for spot training job usage')" in str(named)
    for usage in plugin_aws.USAGES:
        assert f"'<instance type> for {usage}'" in str(plugin_aws.explain(refusal("quota"), "Deploying", usage))
    assert "the quota named in AWS's message" in str(plugin_aws.explain(refusal("quota"), "Deploying"))


def test_a_spot_job_refused_for_quota_names_the_spot_quota(aws, provider, dataset_copy, tmp_path):
    aws.hooks.handlers["CreateTrainingJob"] = json_error("ResourceLimitExceeded", "quota")
    with pytest.raises(QgsProcessingException, match="for spot training job usage"):
        run("trainsagemaker", {**TRAIN_PARAMETERS, "DATASET": str(dataset_copy), "S3_URI": f"s3://{aws.bucket}/kampala/", "USE_SPOT": True,
                               "ROLE_ARN": aws.role_arn, "OUTPUT_RECORD": str(tmp_path / "run.json")})


def test_a_lost_answer_never_creates_a_second_job(aws, provider, dataset_copy, tmp_path):
    from botocore.exceptions import ReadTimeoutError

    sent = []

    def lose_the_first_answer(request):
        # The first create reaches AWS (moto) but its answer is lost; AWS then refuses the resend
        # with ResourceInUse, where moto would overwrite the job.
        sent.append(request)
        if len(sent) == 1:
            import requests

            requests.post(request.url, data=request.body, headers=dict(request.headers), timeout=10)
            raise ReadTimeoutError(endpoint_url=request.url)
        return json_error("ResourceInUse", "Training job name must be unique: it already exists")(request)

    aws.hooks.handlers["CreateTrainingJob"] = lose_the_first_answer
    result = run("trainsagemaker", {**TRAIN_PARAMETERS, "DATASET": str(dataset_copy), "S3_URI": f"s3://{aws.bucket}/kampala/",
                                    "ROLE_ARN": aws.role_arn, "WAIT": False, "OUTPUT_RECORD": str(tmp_path / "run.json")})
    assert len(sent) == 2 and list(sagemaker_backend().training_jobs) == [result["JOB_NAME"]]


def test_the_run_record_lands_beside_the_dataset_when_none_is_given(aws, provider, dataset_copy):
    """qgis_process users may leave OUTPUT_RECORD out, as with any other output."""
    result = run("trainsagemaker", {**TRAIN_PARAMETERS, "DATASET": str(dataset_copy), "S3_URI": f"s3://{aws.bucket}/kampala/",
                                    "ROLE_ARN": aws.role_arn, "WAIT": False})
    record = dataset_copy.with_name(f"{dataset_copy.name}-{result['JOB_NAME']}.json")
    assert result["OUTPUT_RECORD"] == str(record)
    assert json.loads(record.read_text())["job_name"] == result["JOB_NAME"]


def test_refuses_cpu_instances_and_unknown_regions_before_uploading(aws, provider, dataset_copy, tmp_path):
    base = {"DATASET": str(dataset_copy), "S3_URI": f"s3://{aws.bucket}/k/", "ROLE_ARN": aws.role_arn, "OUTPUT_RECORD": str(tmp_path / "r.json")}
    with pytest.raises(QgsProcessingException, match="GPU instances only.*ml.g4dn.xlarge"):
        run("trainsagemaker", {**base, "TRAINER": 1, "INSTANCE_TYPE": "ml.m5.xlarge"})  # the built-in algorithm
    with pytest.raises(QgsProcessingException, match="not a SageMaker instance type"):
        run("trainsagemaker", {**base, "INSTANCE_TYPE": "g4dn.xlarge"})  # the plugin's model trains on any ml.* type
    for trainer in (0, 1):
        with pytest.raises(QgsProcessingException, match="not offered in region 'mars-1'"):
            run("trainsagemaker", {**base, "TRAINER": trainer, "REGION": "mars-1"})
    assert aws.hooks.counts["PutObject"] == 0 and not (tmp_path / "r.json").exists()


def test_a_bucket_in_another_region_is_refused_before_uploading(aws, provider, dataset_copy, tmp_path):
    """S3 answers from any region (head_bucket follows the redirect) but SageMaker jobs use buckets of
    their own region only: said before the upload, not by CreateTrainingJob at the end."""
    needs_torch()
    import boto3

    boto3.client("s3", region_name="eu-west-1").create_bucket(
        Bucket="e84-eu-bucket", CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
    base = {"DATASET": str(dataset_copy), "ROLE_ARN": aws.role_arn, "OUTPUT_RECORD": str(tmp_path / "r.json")}
    with pytest.raises(QgsProcessingException, match="e84-eu-bucket is in eu-west-1, but SageMaker runs in us-east-1"):
        run("trainsagemaker", {**base, "S3_URI": "s3://e84-eu-bucket/k/"})
    with pytest.raises(QgsProcessingException, match="set the region to eu-west-1"):  # the models' bucket too
        run("trainsagemaker", {**base, "S3_URI": f"s3://{aws.bucket}/k/", "OUTPUT_URI": "s3://e84-eu-bucket/models/"})
    assert aws.hooks.counts["PutObject"] == 0 and aws.hooks.counts["CreateTrainingJob"] == 0
    report = run("checkaws", {"S3_URI": "s3://e84-eu-bucket/"})
    assert report["OK"] is False and "is in eu-west-1" in report["REPORT"]
    assert run("checkaws", {"S3_URI": "s3://e84-eu-bucket/", "REGION": "eu-west-1"})["OK"] is True


# --- pricing and logs with botocore's Stubber ----------------------------------------------------


def test_price_list_answer_becomes_an_estimate():
    import boto3

    client = boto3.client("pricing", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="y")
    with Stubber(client) as stub:
        stub.add_response("get_products", price_list_answer("1.2"), {
            "ServiceCode": "AmazonSageMaker", "FormatVersion": "aws_v1",
            "Filters": [{"Type": "TERM_MATCH", "Field": f, "Value": v} for f, v in (
                ("productFamily", "ML Instance"), ("regionCode", "eu-west-1"), ("instanceName", "ml.g4dn.xlarge"), ("component", "Training"))],
        })
        assert pricing.hourly_price(client, "eu-west-1", "ml.g4dn.xlarge") == 1.2
        stub.add_response("get_products", {"FormatVersion": "aws_v1", "PriceList": []})
        with pytest.raises(LookupError, match="no on-demand training price"):
            pricing.hourly_price(client, "eu-west-1", "ml.g4dn.xlarge")


def test_estimate_says_unknown_rather_than_guess(aws, monkeypatch):
    monkeypatch.setenv("AWS_ENDPOINT_URL_PRICING", "http://127.0.0.1:9")  # nothing listens: no price
    monkeypatch.setattr(plugin_aws, "CLIENT_CONFIG", plugin_aws.CLIENT_CONFIG.merge(plugin_aws.Config(retries={"max_attempts": 1})))
    estimate = pricing.estimate(plugin_aws.AwsSettings(), REGION, "ml.p3.2xlarge", 2, spot=True)
    assert estimate.hourly_usd is None and estimate.text.startswith("Estimated cost unknown")
    assert "$" not in estimate.text


def test_follow_reads_metrics_from_the_log_stream(aws, provider, monkeypatch):
    import boto3

    settings = plugin_aws.AwsSettings()
    sm = settings.client("sagemaker")
    request = contract.TrainingRequest("e84-segment-follow-test", REGION, aws.role_arn, f"s3://{aws.bucket}/k/", f"s3://{aws.bucket}/k/models/",
                                       "ml.p3.2xlarge", {"num_classes": "2"}).as_kwargs()
    training.submit(sm, request)
    JobScript([{"status": "InProgress", "secondary": "Training"}, {"status": "Completed"}]).install(monkeypatch)
    logs = boto3.client("logs", region_name=REGION)
    stream = "e84-segment-follow-test/algo-1-1"
    with Stubber(logs) as stub:
        for _ in range(2):
            stub.add_response("describe_log_streams", {"logStreams": [{"logStreamName": stream}]},
                              {"logGroupName": contract.TRAINING_LOG_GROUP, "logStreamNamePrefix": "e84-segment-follow-test/algo-"})
            stub.add_response("get_log_events", {"events": [{"timestamp": 1, "message": "#quality_metric. host: algo-1, epoch: 4, validation mIOU: 0.71 ."}],
                                                 "nextForwardToken": "f/1"})
            stub.add_response("get_log_events", {"events": [], "nextForwardToken": "f/1"})
        lines = []
        final = training.follow(sm, logs, "e84-segment-follow-test", report=lines.append, poll_seconds=0)
    assert final["TrainingJobStatus"] == "Completed"
    assert lines.count("Epoch 4: validation:mIOU 0.7100") == 2  # the stub repeats it; a real stream moves on


# --- endpoints: local endpoint, deployment on moto, cost guard, batch transform -----------------


def test_local_endpoint_speaks_the_runtime_api(aws, local_endpoint):
    import boto3

    runtime = boto3.client("sagemaker-runtime", region_name=REGION, endpoint_url=local_endpoint.url)
    rgb = np.asarray(Image.open(sorted((require(KAMPALA) / "xyz" / "20").rglob("*.png"))[5]).convert("RGB"))
    jpeg = endpoints.encode_window(rgb)
    png = runtime.invoke_endpoint(EndpointName="any", ContentType="image/jpeg", Accept="image/png", Body=jpeg)
    assert png["ContentType"] == "image/png"
    from io import BytesIO

    from e84_segment.backends.sagemaker import recordio

    classes = np.asarray(Image.open(BytesIO(png["Body"].read())))
    answer = runtime.invoke_endpoint(EndpointName="any", ContentType="image/jpeg", Accept=contract.PROTOBUF, Body=jpeg)
    probabilities = recordio.decode_probabilities(answer["Body"].read())
    assert probabilities.shape == (2, 256, 256) and np.allclose(probabilities.sum(axis=0), 1, atol=1e-5)
    assert np.array_equal(probabilities.argmax(axis=0), classes)
    with pytest.raises(Exception, match="Content-Type text/plain is not supported"):
        runtime.invoke_endpoint(EndpointName="any", ContentType="text/plain", Body=b"hello")


def test_local_endpoint_keeps_sagemakers_limits_and_survives_a_huge_image(aws, local_endpoint):
    """What a real endpoint refuses, the local one refuses the same way; an image that decodes to 144 Mpx
    from a few hundred kB is turned away from its header, and the server answers the next request."""
    from io import BytesIO

    import boto3
    from botocore.exceptions import ClientError

    from e84_segment.backends.sagemaker import local_endpoint as server

    runtime = boto3.client("sagemaker-runtime", region_name=REGION, endpoint_url=local_endpoint.url)
    bomb = BytesIO()
    Image.new("L", (12000, 12000)).save(bomb, format="PNG")
    assert len(bomb.getvalue()) < 1024 * 1024
    with pytest.raises(ClientError, match="12000 x 12000 px.*at most 16,777,216 px") as refused:
        runtime.invoke_endpoint(EndpointName="x", ContentType="image/png", Accept="image/png", Body=bomb.getvalue())
    assert refused.value.response["ResponseMetadata"]["HTTPStatusCode"] == 413
    # 1,000 px square: 8 MB of probabilities, over the 6 MB an endpoint may answer (AWS: ModelError).
    jpeg = endpoints.encode_window(np.full((1000, 1000, 3), 120, np.uint8))
    with pytest.raises(ClientError, match="could not load the entire response body") as capped:
        runtime.invoke_endpoint(EndpointName="x", ContentType="image/jpeg", Accept=contract.PROTOBUF, Body=jpeg)
    assert capped.value.response["Error"]["Code"] == "ModelError"
    # The largest window predictendpoint sends still comes back.
    side = 512 + 2 * contract.max_window_overlap(512)
    answer = runtime.invoke_endpoint(EndpointName="x", ContentType="image/jpeg", Accept=contract.PROTOBUF,
                                     Body=endpoints.encode_window(np.full((side, side, 3), 120, np.uint8)))
    assert len(answer["Body"].read()) <= contract.ANSWER_LIMIT
    # A large image asked as a class mask is predicted window by window, like the whole image at once.
    mosaic = gdal.Open(str(require(KAMPALA / "geotiff" / "aoiA_dense_z21.tif")))
    rgb = np.pad(np.dstack([mosaic.GetRasterBand(b).ReadAsArray() for b in (1, 2, 3)]), ((0, 176), (0, 376), (0, 0)), mode="reflect")
    png = runtime.invoke_endpoint(EndpointName="x", ContentType="image/png", Accept="image/png", Body=_png(rgb))
    windowed = np.asarray(Image.open(BytesIO(png["Body"].read())))
    whole = local_endpoint.model.probabilities(rgb).argmax(axis=0)
    assert windowed.shape == (1200, 1400) and rgb.shape[0] > server.WINDOW and (windowed == whole).mean() > 0.99


def _png(rgb: np.ndarray) -> bytes:
    from io import BytesIO

    buffer = BytesIO()
    Image.fromarray(rgb).save(buffer, format="PNG")
    return buffer.getvalue()


def test_predictendpoint_never_asks_for_an_answer_over_the_cap(aws, provider, local_endpoint, tmp_path):
    common = _predict_endpoint_parameters(tmp_path, ENDPOINT="e84-local", ENDPOINT_URL=local_endpoint.url, ZOOM=20)
    with pytest.raises(QgsProcessingException, match=r"Overlap \(pixels of context, blended\): 177 is not accepted here; it takes 0 to 176"):
        run("predictendpoint", {**common, "TILE_SIZE": 256, "OVERLAP": contract.max_window_overlap(512) + 1})
    with pytest.raises(QgsProcessingException, match="over the 6 MB an endpoint may answer: lower OVERLAP to 128"):
        run("predictendpoint", {**common, "TILE_SIZE": 600, "OVERLAP": 176})
    with pytest.raises(QgsProcessingException, match="no overlap makes tiles this large fit"):
        run("predictendpoint", {**common, "TILE_SIZE": 1024, "OVERLAP": 0})
    assert not (tmp_path / "classes.tif").exists()


def _predict_endpoint_parameters(tmp_path, **extra):
    from qgis.core import QgsRasterLayer

    return {
        "IMAGERY": QgsRasterLayer(kampala_xyz_source(), "kampala", "wms"), "AOI": "3627900,3628000,38800,38900 [EPSG:3857]", "POLL_SECONDS": 0,
        "OUTPUT_CLASSES": str(tmp_path / "classes.tif"), "OUTPUT_PROBABILITY": str(tmp_path / "probability.tif"), **extra,
    }


def test_prediction_through_the_local_endpoint_matches_predictlocal(aws, provider, trained, local_endpoint, tmp_path):
    # One pass, as the endpoint answers each window: the transport is what is compared, not TTA.
    local = run("predictlocal", {**_predict_endpoint_parameters(tmp_path / "local"), "MODEL": str(trained[0]), "TTA": False})
    remote = run("predictendpoint", {**_predict_endpoint_parameters(tmp_path / "remote"), "ENDPOINT": "e84-local",
                                     "ENDPOINT_URL": local_endpoint.url, "ZOOM": 20, "TILE_SIZE": 256})
    a = gdal.Open(local["OUTPUT_CLASSES"]).ReadAsArray()
    b = gdal.Open(remote["OUTPUT_CLASSES"]).ReadAsArray()
    assert a.shape == b.shape and gdal.Open(local["OUTPUT_CLASSES"]).GetGeoTransform() == gdal.Open(remote["OUTPUT_CLASSES"]).GetGeoTransform()
    assert (a == b).mean() > 0.99  # windows travel as JPEG (quality 95) to the endpoint
    pa = gdal.Open(local["OUTPUT_PROBABILITY"]).ReadAsArray().astype(int)
    pb = gdal.Open(remote["OUTPUT_PROBABILITY"]).ReadAsArray().astype(int)
    assert np.abs(pa - pb).mean() < 3


def _completed_job(aws):
    settings = plugin_aws.AwsSettings()
    sm = settings.client("sagemaker")
    request = contract.TrainingRequest(contract.unique_name("e84-segment"), REGION, aws.role_arn, f"s3://{aws.bucket}/k/",
                                       f"s3://{aws.bucket}/k/models/", "ml.p3.2xlarge", {"num_classes": "2"}).as_kwargs()
    request["Tags"] += contract.grid_tags(20, 256)
    training.submit(sm, request)  # moto: Completed at once, with an artifact location
    return request["TrainingJobName"], sm


def _nothing_left(sm):
    return not sm.list_endpoints()["Endpoints"] and not sm.list_endpoint_configs()["EndpointConfigs"] and not sm.list_models()["Models"]


def test_deployed_endpoint_is_deleted_after_success(aws, provider, local_endpoint, tmp_path, monkeypatch):
    job, sm = _completed_job(aws)
    monkeypatch.setenv("AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME", local_endpoint.url)  # moto cannot answer binary bodies
    feedback = Feedback()
    result = run("predictendpoint", _predict_endpoint_parameters(tmp_path, TRAINING_JOB=job), feedback)
    assert result["ENDPOINT_NAME"].startswith("e84-segment-ep-") and result["BUILDING_PIXELS"] > 0
    assert "Deleted endpoint " + result["ENDPOINT_NAME"] in feedback.text()
    assert _nothing_left(sm)


def test_deployed_endpoint_is_deleted_after_error_and_cancel(aws, provider, local_endpoint, tmp_path, monkeypatch):
    job, sm = _completed_job(aws)
    monkeypatch.setenv("AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME", local_endpoint.url)
    local_endpoint.endpoint_name = "another-endpoint"  # the endpoint answers ValidationError
    with pytest.raises(QgsProcessingException, match="not found"):
        run("predictendpoint", _predict_endpoint_parameters(tmp_path / "a", TRAINING_JOB=job))
    assert _nothing_left(sm)
    local_endpoint.endpoint_name = None
    feedback = Feedback(cancel_when=lambda line: "InService" in line)
    assert run("predictendpoint", _predict_endpoint_parameters(tmp_path / "b", TRAINING_JOB=job), feedback) == {}
    assert _nothing_left(sm) and not (tmp_path / "b" / "classes.tif").exists()


def test_kept_endpoints_are_listed_and_deleted(aws, provider, local_endpoint, tmp_path, monkeypatch):
    job, sm = _completed_job(aws)
    monkeypatch.setenv("AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME", local_endpoint.url)
    result = run("predictendpoint", _predict_endpoint_parameters(tmp_path, TRAINING_JOB=job, KEEP_ENDPOINT=True))
    name = result["ENDPOINT_NAME"]
    listed = run("sagemakerendpoints", {})
    assert listed["COUNT"] == 1 and json.loads(listed["ENDPOINTS"])[0]["name"] == name
    # Zoom and tile size travel as tags: the kept endpoint predicts with no grid given.
    again = run("predictendpoint", _predict_endpoint_parameters(tmp_path / "again", ENDPOINT=name))
    assert again["BUILDING_PIXELS"] == result["BUILDING_PIXELS"]
    with pytest.raises(QgsProcessingException, match="Not an endpoint of the plugin"):
        run("sagemakerendpoints", {"DELETE": "someone-elses"})
    assert run("sagemakerendpoints", {"DELETE": name})["COUNT"] == 0
    assert _nothing_left(sm)


def test_batch_transform_predicts_with_no_live_endpoint(aws, provider, trained, tmp_path, monkeypatch):
    from io import BytesIO

    import boto3

    from e84_segment.backends.sagemaker import local_endpoint

    job, sm = _completed_job(aws)
    model = local_endpoint.LocalModel(trained[0])
    s3 = boto3.client("s3", region_name=REGION)
    seen = []

    def run_the_transform(request):
        # moto completes transform jobs without running them: do the container's work here.
        body = json.loads(request.body)
        source = body["TransformInput"]["DataSource"]["S3DataSource"]["S3Uri"]
        target = body["TransformOutput"]["S3OutputPath"]
        bucket, prefix = contract.parse_s3_uri(source)
        _, out_prefix = contract.parse_s3_uri(target)
        for item in s3.list_objects_v2(Bucket=bucket, Prefix=prefix)["Contents"]:
            rgb = np.asarray(Image.open(BytesIO(s3.get_object(Bucket=bucket, Key=item["Key"])["Body"].read())).convert("RGB"))
            buffer = BytesIO()
            Image.fromarray(model.probabilities(rgb).argmax(axis=0).astype(np.uint8), mode="L").save(buffer, format="PNG")
            s3.put_object(Bucket=bucket, Key=out_prefix + item["Key"].rsplit("/", 1)[-1] + ".out", Body=buffer.getvalue())
        seen.append(body)
        return None

    aws.hooks.handlers["CreateTransformJob"] = run_the_transform
    result = run("predictendpoint", _predict_endpoint_parameters(tmp_path, TRAINING_JOB=job, METHOD=1, STAGING_URI=f"s3://{aws.bucket}/batch/"))
    assert seen and seen[0]["TransformOutput"]["Accept"] == "image/png" and seen[0]["TransformInput"]["ContentType"] == "image/jpeg"
    assert result["BUILDING_PIXELS"] > 0 and _nothing_left(sm)
    classes = gdal.Open(result["OUTPUT_CLASSES"]).ReadAsArray()
    # One pass, as the endpoint answers each window: the transport is what is compared, not TTA.
    local = run("predictlocal", {**_predict_endpoint_parameters(tmp_path / "local"), "MODEL": str(trained[0]), "TTA": False})
    assert (classes == gdal.Open(local["OUTPUT_CLASSES"]).ReadAsArray()).mean() > 0.99


def test_concurrent_requests_to_the_local_endpoint_are_answered(aws, local_endpoint):
    import boto3

    runtime = boto3.client("sagemaker-runtime", region_name=REGION, endpoint_url=local_endpoint.url)
    jpeg = endpoints.encode_window(np.full((64, 96, 3), 128, np.uint8))
    shapes = []

    def call():
        body = runtime.invoke_endpoint(EndpointName="x", ContentType="image/jpeg", Accept="image/png", Body=jpeg)["Body"].read()
        shapes.append(Image.open(__import__("io").BytesIO(body)).size)

    threads = [threading.Thread(target=call) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert shapes == [(96, 64)] * 4


def test_qgis_start_warns_about_live_endpoints_of_the_plugin(aws, provider, qgis_iface):
    from pytest_qgis.utils import wait_until
    from qgis.core import Qgis

    from e84_segment.gui.endpoint_watch import check_live_endpoints
    from e84_segment.gui.settings import Settings

    settings = Settings()
    settings.aws_region = ""  # as a new profile has it (a test stopped midway may have left one)
    assert check_live_endpoints(qgis_iface) is None  # no region set: no network at all
    job, sm = _completed_job(aws)
    artifact = sm.describe_training_job(TrainingJobName=job)["ModelArtifacts"]["S3ModelArtifacts"]
    endpoints.deploy(sm, REGION, artifact, aws.role_arn, contract.DEFAULT_HOSTING_INSTANCE, "e84-segment", report=lambda m: None, poll_seconds=0)
    qgis_iface.messageBar().clear_messages()
    settings.aws_region = REGION
    try:
        run = check_live_endpoints(qgis_iface)
        wait_until(lambda: qgis_iface.messageBar().get_messages(Qgis.Warning), timeout_milliseconds=30_000)
    finally:
        settings.aws_region = ""
    assert run is not None
    message = qgis_iface.messageBar().get_messages(Qgis.Warning)[0]
    assert "1 SageMaker endpoint(s)" in message and "bill every hour" in message


def test_a_local_endpoint_url_does_not_deploy_training_jobs(aws, provider, tmp_path):
    with pytest.raises(QgsProcessingException, match="give ENDPOINT"):
        run("predictendpoint", _predict_endpoint_parameters(tmp_path, TRAINING_JOB="some-job", ENDPOINT_URL="http://127.0.0.1:9"))


def test_local_endpoint_refuses_an_oversized_body_from_its_header(local_endpoint):
    """Reliability F13: the whole body was read before the 6 MB check (4 clients x 400 MB: 0.9 -> 2.5 GB).
    The answer now comes from the header alone: here no byte of the 400 MB is ever sent."""
    import socket

    host, port = local_endpoint.server_address[:2]
    for length, status, words in ((400 << 20, b"413", b"exceeds 6 MB"), ("abc", b"400", b"Content-Length"),
                                  (-5, b"400", b"Content-Length")):
        with socket.create_connection((host, port), timeout=10) as client:
            client.sendall(f"POST /endpoints/x/invocations HTTP/1.1\r\nHost: x\r\nContent-Type: image/jpeg\r\n"
                           f"Content-Length: {length}\r\n\r\n".encode())
            answer = b""
            while True:  # the server answers and closes: read it all (headers and body may come apart)
                chunk = client.recv(4096)
                if not chunk:
                    break
                answer += chunk
        assert answer.startswith(b"HTTP/1.1 " + status) and words in answer, answer
    runtime_ok = endpoints.encode_window(np.full((64, 64, 3), 120, np.uint8))  # and it still serves
    import urllib.request

    request = urllib.request.Request(f"{local_endpoint.url}/endpoints/x/invocations", data=runtime_ok,
                                     headers={"Content-Type": "image/jpeg", "Accept": "image/png"})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 200

"""A moto server on 127.0.0.1 standing in for AWS, and hooks that script what moto cannot.

Where moto differs from AWS (see ../shared/docs/sagemaker-contract.md) the difference is made up
here, in the test code: jobs are walked through their states by editing moto's in-process backend,
and answers AWS gives but moto does not (ResourceInUse, StopTrainingJob, throttling, AccessDenied)
are injected with botocore's ``before-send`` event on the clients the plugin creates.
"""
import json
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

ACCOUNT = "123456789012"
REGION = "us-east-1"
BUCKET = "e84-test-bucket"
TRUST = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "sagemaker.amazonaws.com"}, "Action": "sts:AssumeRole"}]}


@pytest.fixture(scope="session")
def moto_url():
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


def price_list_answer(usd: str) -> dict:
    """A GetProducts answer in the documented shape: PriceList entries are JSON strings."""
    product = {
        "product": {"productFamily": "ML Instance", "attributes": {"regionCode": REGION, "instanceName": "ml.p3.2xlarge", "component": "Training"}, "sku": "SKU1"},
        "serviceCode": "AmazonSageMaker",
        "terms": {"OnDemand": {"SKU1.T": {"priceDimensions": {"SKU1.T.D": {"unit": "Hrs", "pricePerUnit": {"USD": usd}, "description": "per hour"}}}}},
    }
    return {"FormatVersion": "aws_v1", "PriceList": [json.dumps(product)]}


class _PricingHandler(BaseHTTPRequestHandler):
    """The Price List API (JSON 1.1), which moto does not serve: a fixed price for any product."""

    def log_message(self, *args):
        pass

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.requests.append(self.headers.get("X-Amz-Target"))
        body = json.dumps(price_list_answer("3.825")).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/x-amz-json-1.1")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="session")
def pricing_url():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _PricingHandler)
    server.requests = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


class Hooks:
    """Counts the requests of every client the plugin creates, and lets a test answer some itself."""

    def __init__(self):
        self.counts = Counter()
        self.handlers = {}  # operation name -> callable(request) returning an AWSResponse or None

    def attach(self, client):
        client.meta.events.register("before-send", self._before_send)
        return client

    def _before_send(self, request, event_name="", **kwargs):
        operation = event_name.rsplit(".", 1)[-1]  # before-send.<service>.<Operation>
        self.counts[operation] += 1
        handler = self.handlers.get(operation)
        return handler(request) if handler else None


def aws_response(status: int, body: dict, url: str = ""):
    from botocore.awsrequest import AWSResponse

    class Raw:
        def __init__(self, data):
            self.data = data

        def stream(self, **kwargs):
            yield self.data

    data = json.dumps(body).encode()
    return AWSResponse(url, status, {"Content-Type": "application/x-amz-json-1.1"}, Raw(data))


def simulated(decision: str, missing: tuple = (), allowed_by_organizations=None):
    """IAM's SimulatePrincipalPolicy answer (query protocol, XML), which moto does not implement."""
    from botocore.awsrequest import AWSResponse

    def answer(request):
        details = "".join(f"<member>{key}</member>" for key in missing)
        details = f"<MissingContextValues>{details}</MissingContextValues>" if missing else ""
        if allowed_by_organizations is not None:
            details += (f"<OrganizationsDecisionDetail><AllowedByOrganizations>{str(allowed_by_organizations).lower()}"
                        "</AllowedByOrganizations></OrganizationsDecisionDetail>")
        body = (
            '<SimulatePrincipalPolicyResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><SimulatePrincipalPolicyResult>'
            "<IsTruncated>false</IsTruncated><EvaluationResults><member><EvalActionName>iam:PassRole</EvalActionName>"
            f"<EvalResourceName>*</EvalResourceName><EvalDecision>{decision}</EvalDecision>{details}</member></EvaluationResults>"
            "</SimulatePrincipalPolicyResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata>"
            "</SimulatePrincipalPolicyResponse>"
        ).encode()
        answer.requests.append(request.body)

        class Raw:
            def stream(self, **kwargs):
                yield body

        return AWSResponse(request.url, 200, {"Content-Type": "text/xml"}, Raw())

    answer.requests = []
    return answer


def sagemaker_full_access():
    """SimulatePrincipalPolicy for a user with AWS's AmazonSageMakerFullAccess, whose iam:PassRole
    statement holds only where iam:PassedToService is sagemaker.amazonaws.com: allowed when the request's
    context says so, else implicitDeny naming the missing key, as IAM answers."""
    from urllib.parse import parse_qs

    allowed, unsure = simulated("allowed"), simulated("implicitDeny", missing=("iam:PassedToService",))

    def answer(request):
        form = {k: v[0] for k, v in parse_qs(request.body if isinstance(request.body, str) else request.body.decode()).items()}
        passed = any(form[key] == "iam:PassedToService" and form.get(key.replace("ContextKeyName", "ContextKeyValues.member.1"))
                     == "sagemaker.amazonaws.com" for key in form if key.endswith(".ContextKeyName"))
        chosen = allowed if passed else unsure
        response = chosen(request)
        answer.requests.append(request.body)
        return response

    answer.requests = []
    return answer


def json_error(code: str, message: str, status: int = 400):
    """An error as AWS's JSON protocols send it."""
    return lambda request: aws_response(status, {"__type": code, "message": message}, request.url)


@pytest.fixture
def aws(moto_url, pricing_url, monkeypatch, tmp_path):
    """AWS on loopback for one test: fresh moto state, a bucket, a SageMaker role, request hooks."""
    import boto3
    import requests

    from e84_segment.backends.sagemaker import aws as plugin_aws

    for name, value in {
        "AWS_ENDPOINT_URL": moto_url,
        "AWS_ENDPOINT_URL_PRICING": pricing_url,
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": REGION,
        "AWS_CONFIG_FILE": str(tmp_path / "no-aws-config"),
        "AWS_SHARED_CREDENTIALS_FILE": str(tmp_path / "no-aws-credentials"),
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    requests.post(f"{moto_url}/moto-api/reset", timeout=10)
    boto3.client("s3", region_name=REGION).create_bucket(Bucket=BUCKET)
    role = boto3.client("iam", region_name=REGION).create_role(RoleName="e84-sagemaker", AssumeRolePolicyDocument=json.dumps(TRUST))
    hooks = Hooks()
    hooks.handlers["SimulatePrincipalPolicy"] = sagemaker_full_access()
    original = plugin_aws.AwsSettings.client
    monkeypatch.setattr(plugin_aws.AwsSettings, "client", lambda self, *a, **k: hooks.attach(original(self, *a, **k)))

    class Aws:
        url = moto_url
        bucket = BUCKET
        role_arn = role["Role"]["Arn"]

    Aws.hooks = hooks
    return Aws


def sagemaker_backend():
    from moto.sagemaker.models import sagemaker_backends

    return sagemaker_backends[ACCOUNT][REGION]


@pytest.fixture
def local_endpoint(trained):
    from e84_segment.backends.sagemaker import local_endpoint

    server = local_endpoint.LocalEndpointServer(local_endpoint.LocalModel(trained[0]), endpoint_name=None)
    server.start()
    yield server
    server.shutdown()
    server.server_close()

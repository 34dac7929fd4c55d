"""The handler in the plugin model's model.tar.gz, called as AWS's PyTorch inference container calls it.

The container runs TorchServe with sagemaker-pytorch-inference's HandlerService around
code/inference.py; TorchServe hands each request to ``handle([{"body": ...}], context)`` and answers
with the status and content type the handler set on the context. Here the same HandlerService and
inference toolkit (PyPI, requirements-container.txt) run in a Python where GDAL and QGIS cannot be
imported, with the environment of the CreateModel request the plugin sends. TorchServe itself (Java)
is imitated by the small context below.
"""
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from e84_segment.backends.sagemaker import contract, local_endpoint, pytorch_job

from .conftest import needs_torch
from .sagemaker_container import container_path

# What TorchServe does around the handler: its Context (request headers in, status and content type out).
TORCHSERVE = r'''
import json, sys
from sagemaker_pytorch_serving_container.handler_service import HandlerService

model_dir, cases = sys.argv[1], json.load(open(sys.argv[2]))
sys.path.insert(0, model_dir + "/code")  # TorchServe's worker starts with model_dir/code on PYTHONPATH


class RequestProcessor:
    def __init__(self, headers):
        self.headers = headers

    def get_request_properties(self):
        return self.headers


class Context:
    def __init__(self, headers):
        self.system_properties = {"model_dir": model_dir, "gpu_id": None}
        self.request_processor = [RequestProcessor(headers)]
        self.status, self.content_type = 200, None

    def set_response_status(self, code, phrase):
        self.status = code

    def set_response_content_type(self, index, content_type):
        self.content_type = content_type


service = HandlerService()
service.initialize(Context({}))
answers = []
for case in cases:
    context = Context(case["headers"])
    body = open(case["body"], "rb").read() if case["body"] else b"x" * case["size"]
    answer = service.handle([{"body": bytearray(body)}], context)[0]
    out = case["name"] + ".answer"
    open(out, "wb").write(answer if isinstance(answer, (bytes, bytearray)) else str(answer).encode())
    answers.append({"name": case["name"], "status": context.status, "content_type": context.content_type, "file": out})
print(json.dumps(answers))
'''


@pytest.fixture(scope="module")
def served_model(trained, tmp_path_factory):
    """/opt/ml/model as the inference container unpacks model.tar.gz: model.pt and code/."""
    needs_torch()
    if importlib.util.find_spec("sagemaker_pytorch_serving_container") is None:
        pytest.skip("AWS's inference toolkit (sagemaker-pytorch-inference, requirements-container.txt) is not installed in this Python")
    from e84_segment.backends.sagemaker import entry_point

    folder = tmp_path_factory.mktemp("opt_ml_model")
    entry_point.write_model_dir(trained[0], folder)
    return folder


def _serve(model_dir: Path, cases: list, tmp_path: Path) -> dict:
    environment = pytorch_job.model_request("m", "us-east-1", "s3://b/model.tar.gz", "arn:aws:iam::123456789012:role/r",
                                            "ml.c5.xlarge")["PrimaryContainer"]["Environment"]
    (tmp_path / "cases.json").write_text(json.dumps(cases))
    path = os.pathsep.join([str(container_path(tmp_path)), *filter(None, [os.environ.get("PYTHONPATH")])])
    done = subprocess.run([sys.executable, "-c", TORCHSERVE, str(model_dir), str(tmp_path / "cases.json")], cwd=str(tmp_path),
                          env=dict(os.environ, PYTHONPATH=path, **environment), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return {a["name"]: dict(a, body=(tmp_path / a["file"]).read_bytes()) for a in json.loads(done.stdout.splitlines()[-1])}


def test_the_handler_answers_as_aws_container_serves_it(served_model, trained, kampala_dataset, tmp_path):
    chip = next((kampala_dataset / "validation").glob("*.jpg"))
    jpeg = {"Content-Type": contract.JPEG}
    cases = [
        {"name": "no_accept", "headers": jpeg, "body": str(chip)},
        {"name": "any", "headers": dict(jpeg, Accept="*/*"), "body": str(chip)},
        {"name": "probabilities", "headers": dict(jpeg, Accept="application/x-recordio-protobuf"), "body": str(chip)},
        {"name": "tiff", "headers": {"Content-Type": "image/tiff", "Accept": contract.PNG}, "body": str(chip)},
        {"name": "json", "headers": dict(jpeg, Accept="application/json"), "body": str(chip)},
        {"name": "too_big", "headers": jpeg, "body": "", "size": local_endpoint.MAX_BODY + 1},
    ]
    answers = _serve(served_model, cases, tmp_path)
    expected = local_endpoint.answer(local_endpoint.LocalModel(trained[0]), chip.read_bytes(), contract.JPEG, contract.PNG)
    # A request without Accept (or */*) gets the class mask, as from the local endpoint: the toolkit's
    # own default would be application/json, which the handler does not answer.
    for name in ("no_accept", "any"):
        assert (answers[name]["status"], answers[name]["content_type"]) == (200, contract.PNG), answers[name]["body"][-500:]
        assert answers[name]["body"] == expected
    assert answers["probabilities"]["status"] == 200 and answers["probabilities"]["body"][:4] != b"\x89PNG"
    # Refusals keep their HTTP status (InvokeEndpoint reports them as ModelError with it), not 500.
    assert answers["tiff"]["status"] == 415 and b"image/tiff is not supported" in answers["tiff"]["body"]
    assert answers["json"]["status"] == 406 and b"application/json" in answers["json"]["body"]
    assert answers["too_big"]["status"] == 413 and b"exceeds 6 MB" in answers["too_big"]["body"]

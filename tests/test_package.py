"""`make package`'s zip installs into a clean profile, and qgis_process finds and runs the algorithm."""
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import KAMPALA, ROOT, needs_torch, require, torch_paths

QGIS_PROCESS = shutil.which("qgis_process.bin") or "/usr/bin/qgis_process.bin"

sys.path.insert(0, str(ROOT / "scripts"))
import package  # noqa: E402  (scripts/package.py: the code behind make package / make deploy)


@pytest.fixture(scope="module")
def installed_profile(tmp_path_factory):
    if not Path(QGIS_PROCESS).exists():
        pytest.skip("qgis_process.bin is absent: install Debian's 'qgis' package (make setup does)")
    archive = package.make_zip(tmp_path_factory.mktemp("dist"), tmp_path_factory.mktemp("build"))
    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()
        assert "e84_segment/metadata.txt" in names and "e84_segment/resources/icon.svg" in names
        assert "e84_segment/resources_rc.py" not in names  # PyQt6 has no compiled resources: icons load by path
        assert "e84_segment/_vendor/mercantile/__init__.py" in names
        assert {"e84_segment/i18n/e84_segment_fr.qm", "e84_segment/i18n/e84_segment_es.qm"} <= set(names)
        assert not any(n.endswith(".ts") for n in names)  # Qt Linguist sources stay in the repository
        assert package.repository_problems(archive) == []
        assert not any("__pycache__" in n for n in names)
        home = tmp_path_factory.mktemp("home")
        user_dir = home / ".local" / "share" / "QGIS" / "QGIS3"
        plugins = user_dir / "profiles" / "default" / "python" / "plugins"
        plugins.mkdir(parents=True)
        zf.extractall(plugins)
    package.enable(user_dir / "profiles" / "default")
    return home


def qgis_process(home: Path, *args: str, python_path=()) -> subprocess.CompletedProcess:
    # A clean environment: only the zip's copy of the plugin and its vendored mercantile may load
    # (and, with ``python_path``, torch from the venv, as an analyst installs it into QGIS's Python).
    dropped = ("PYTHONPATH", "QGIS_PLUGINPATH", "QGIS_CUSTOM_CONFIG_PATH", "QGIS_OPTIONS_PATH")  # pytest-qgis sets the last two
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(home))
    if python_path:
        env["PYTHONPATH"] = os.pathsep.join(python_path)
    return subprocess.run(
        [QGIS_PROCESS, *args], env=env, capture_output=True, text=True, timeout=300, cwd=str(home), check=False
    )


@pytest.mark.slow
def test_zip_installs_and_qgis_process_lists_the_algorithm(installed_profile):
    listing = qgis_process(installed_profile, "list")
    for algorithm in ("buildtrainingdata", "trainlocal", "predictlocal", "polygonize", "compareosm", "checkaws",
                      "uploaddataset", "trainsagemaker", "tunesagemaker", "predictendpoint", "sagemakerendpoints",
                      "trainfromreview", "suggesttiles", "exportosm", "buildinggrid", "comparebuildings", "cacheimagery"):
        assert f"e84segment:{algorithm}" in listing.stdout, listing.stdout[-2000:] + listing.stderr[-2000:]


@pytest.mark.slow
def test_qgis_process_builds_a_dataset(installed_profile, tmp_path):
    out = tmp_path / "dataset"
    run = qgis_process(
        installed_profile,
        "run",
        "e84segment:buildtrainingdata",
        "--json",
        "--",
        f"IMAGERY={require(KAMPALA / 'geotiff' / 'aoiB_west_z20.tif')}",
        f"LABELS={KAMPALA / 'buildings.geojson'}",
        "ZOOM=20",
        "SPLIT_METHOD=1",
        f"OUTPUT={out}",
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    results = json.loads(run.stdout[run.stdout.index("{"):])["results"]
    assert results["NUM_TRAIN"] + results["NUM_VALIDATION"] == 16 + 68  # 16 tiles at zoom 20; z19 and z21 by default
    assert json.loads((out / "dataset.json").read_text())["extra_zooms"] == [19, 21]


def test_deploy_installs_and_enables_in_a_profile(tmp_path):
    from qgis.PyQt.QtCore import QSettings

    user_dir = tmp_path / "QGIS3"
    installed = package.deploy("analyst", user_dir)
    assert installed == user_dir / "profiles" / "analyst" / "python" / "plugins" / "e84_segment"
    assert (installed / "metadata.txt").read_text() == (ROOT / "metadata.txt").read_text()
    ini = QSettings(str(user_dir / "profiles" / "analyst" / "QGIS" / "QGIS3.ini"), QSettings.Format.IniFormat)
    assert ini.value("PythonPlugins/e84_segment", False, type=bool) is True
    package.deploy("analyst", user_dir)  # again: replaces the old copy, leaves no staging folder
    assert sorted(p.name for p in installed.parent.iterdir()) == ["e84_segment"]


@pytest.mark.slow
def test_qgis_process_sends_the_plugin_model_to_sagemaker(installed_profile, aws, kampala_dataset):
    """From the shell, as a script or a model runs it: the installed zip uploads the dataset and its
    training code and creates the job (moto on 127.0.0.1 through AWS_ENDPOINT_URL); WAIT=false returns
    at once with the job's name."""
    needs_torch()
    import site

    import boto3

    from .sagemaker_fixtures import REGION, sagemaker_backend

    run = qgis_process(installed_profile, "run", "e84segment:trainsagemaker", "--json", "--", f"DATASET={kampala_dataset}",
                       f"S3_URI=s3://{aws.bucket}/cli/", f"ROLE_ARN={aws.role_arn}", f"REGION={REGION}", "WAIT=false",
                       python_path=torch_paths())
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    results = json.loads(run.stdout[run.stdout.index("{"):])["results"]
    job = sagemaker_backend().training_jobs[results["JOB_NAME"]]
    assert "/pytorch-training:" in job.algorithm_specification["TrainingImage"]
    source = json.loads(job.hyper_parameters["sagemaker_submit_directory"])
    bucket, key = source[len("s3://"):].split("/", 1)
    assert boto3.client("s3", region_name=REGION).head_object(Bucket=bucket, Key=key)["ContentLength"] > 10_000_000
    assert Path(results["OUTPUT_RECORD"]).parent == kampala_dataset.parent  # the run record beside the dataset


@pytest.mark.slow
def test_qgis_process_improves_a_model_from_a_review(installed_profile, trained, tmp_path):
    """The review loop from the shell: reviewed footprints in, a fine-tuned model and its chips out."""
    import site

    from osgeo import ogr

    from e84_segment.backends.local import finetune, modelfile

    from .test_review import Z20_A, footprint_layer

    from .conftest import buildings_in_3857

    inside = [g for g in buildings_in_3857() if g.Intersects(ogr.CreateGeometryFromWkt(
        "POLYGON((3627854 38754,3627930 38754,3627930 38830,3627854 38830,3627854 38754))"))][:6]
    assert len(inside) == 6
    layer = footprint_layer(tmp_path / "reviewed.gpkg", [(g, d) for g, d in zip(inside, ["accepted", "rejected"] * 3)])
    run = qgis_process(installed_profile, "run", "e84segment:trainfromreview", "--json", "--", f"IMAGERY={Z20_A}",
                       f"FOOTPRINTS={layer}", f"BASE_MODEL={trained[0]}", "EPOCHS=1", f"DATASET={tmp_path / 'chips'}",
                       f"OUTPUT={tmp_path / 'improved.pt'}", python_path=torch_paths())
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    results = json.loads(run.stdout[run.stdout.index("{"):])["results"]
    assert (results["BUILDINGS"], results["REJECTED"], results["UNREVIEWED"]) == (3, 3, 0) and results["CHIPS"] >= 1
    _, meta = modelfile.load(tmp_path / "improved.pt")
    assert meta["lineage"]["base_fingerprint"] == finetune.file_fingerprint(trained[0])


@pytest.mark.slow
def test_qgis_process_suggests_tiles_and_improves_from_them(installed_profile, trained, tmp_path):
    """The correction loop from the shell: suggesttiles ranks the area's tiles, and its output, as corrected tiles,
    is trainfromreview's TILES."""
    import site

    from osgeo import ogr

    from .conftest import buildings_in_3857
    from .test_review import Z20_A, footprint_layer

    suggested = tmp_path / "suggested.gpkg"
    run = qgis_process(installed_profile, "run", "e84segment:suggesttiles", "--json", "--", f"MODEL={trained[0]}",
                       f"IMAGERY={Z20_A}", "COUNT=2", f"OUTPUT={suggested}", python_path=torch_paths())
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    results = json.loads(run.stdout[run.stdout.index("{"):])["results"]
    assert (results["SUGGESTED"], results["CANDIDATES"]) == (2, 4)
    source = ogr.Open(str(suggested))
    ranks = sorted((f.GetField("rank"), f.GetField("z"), f.GetField("size")) for f in source.GetLayer(0))
    source = None
    assert ranks == [(1, 20, 256), (2, 20, 256)]
    layer = footprint_layer(tmp_path / "corrected.gpkg", [(g, None) for g in buildings_in_3857()[:20]])
    run = qgis_process(installed_profile, "run", "e84segment:trainfromreview", "--json", "--", f"IMAGERY={Z20_A}",
                       f"FOOTPRINTS={layer}", f"TILES={suggested}", f"BASE_MODEL={trained[0]}", "EPOCHS=1", "REPLAY=false",
                       f"DATASET={tmp_path / 'chips'}", f"OUTPUT={tmp_path / 'improved.pt'}", python_path=torch_paths())
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    results = json.loads(run.stdout[run.stdout.index("{"):])["results"]
    assert results["CORRECTED"] == 2 and results["CHIPS"] == 2 and (tmp_path / "improved.pt").is_file()


def test_the_repository_checks_refuse_what_plugins_qgis_org_refuses(tmp_path):
    archive = tmp_path / "bad.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("e84_segment/__init__.py", "")
        zf.writestr("e84_segment/metadata.txt", "[general]\nname=x\nauthor=a/b\nicon=icon.png\n")
        zf.writestr("e84_segment/__pycache__/x.cpython-311.pyc", b"")
        zf.writestr("other/readme.txt", "")
    problems = "\n".join(package.repository_problems(archive))
    for words in ("one folder", "__pycache__", "LICENSE is missing", "lacks version", "lacks tracker", "slash", "icon.png"):
        assert words in problems, problems

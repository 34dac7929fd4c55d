"""`make wheelhouse`: folders of wheels that install the local steps' packages with no network.

One folder per target (platform and QGIS's Python version), each with a manifest.json of every
wheel's size and SHA-256, for a USB stick or a Snowball share. In QGIS: Plugins > e84 segment >
Dependencies > From a folder of wheels (or e84segment:installdependencies WHEEL_FOLDER=...), which
checks the manifest first.

    python scripts/wheelhouse.py --output wheelhouse                      # the default targets
    python scripts/wheelhouse.py --output wheelhouse --target windows:3.12

pip downloads each target's wheels for that platform and Python (`--platform`, `--python-version`,
binary wheels only). PyPI's Linux torch wheels carry CUDA (gigabytes): Linux targets take torch's CPU build
from PyTorch's CPU index, as the installer does online (installer.plan).
"""
import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from e84_segment import installer  # noqa: E402  (the pins the plugin installs)

PLATFORMS = {
    "linux": ["manylinux_2_28_x86_64", "manylinux2014_x86_64", "manylinux_2_17_x86_64"],
    "windows": ["win_amd64"],
    "macos": ["macosx_11_0_arm64"],
    "macos-intel": ["macosx_10_15_x86_64", "macosx_10_13_x86_64", "macosx_10_9_x86_64"],
}
# QGIS's Python: Debian 12 / OSGeo4W and the macOS installer / Ubuntu 24.04.
DEFAULT_TARGETS = ("linux:3.11", "linux:3.12", "windows:3.12", "macos:3.12")


def download_command(target: str, folder: Path) -> list:
    platform, version = target.split(":")
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "--implementation", "cp",
               "--python-version", version, "--dest", str(folder)]
    for tag in PLATFORMS[platform]:
        command += ["--platform", tag]
    # What the installer asks for online on that platform (Linux: torch's CPU build from PyTorch's index).
    requirements, indexes = [], []
    for kit in installer.KITS:
        wanted, extra, _ = installer.plan(kit, "cpu", online=True, platform=platform)
        requirements += wanted
        indexes += [index for index in extra if index not in indexes]
    for index in indexes:
        command += ["--extra-index-url", index]
    # pip's own wheel too: QGIS's Python on Debian and Ubuntu has no pip, and the installer runs it from there.
    return command + requirements + [f"pip=={installer.PIP_VERSION}"]


def build(target: str, output: Path) -> Path:
    folder = output / target.replace(":", "-py")
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(download_command(target, folder), check=True)
    (folder / "manifest.json").write_text(json.dumps(dict(installer.manifest(folder), target=target), indent=1) + "\n", encoding="utf-8")
    problems = installer.verify(folder)
    if problems:
        sys.exit(f"{folder}: {'; '.join(problems)}")
    print(f"{folder}: {len(list(folder.glob('*.whl')))} wheels")
    return folder


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=Path("wheelhouse"))
    parser.add_argument("--target", action="append", help="platform:python, e.g. windows:3.12 (repeatable); "
                                                         f"platforms: {', '.join(PLATFORMS)}")
    args = parser.parse_args(argv)
    for target in args.target or DEFAULT_TARGETS:
        if target.split(":")[0] not in PLATFORMS or ":" not in target:
            parser.error(f"{target}: write platform:python, the platform one of {', '.join(PLATFORMS)}")
        build(target, args.output)


if __name__ == "__main__":
    main()

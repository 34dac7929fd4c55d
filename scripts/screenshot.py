"""`make screenshot`: the real QGIS desktop under Xvfb, the plugin installed from the `make package`
zip, the dock driven through build -> train -> predict -> compare on Kampala, and the window written to
docs/screenshot.png.

    python scripts/screenshot.py [--output docs/screenshot.png] [--timeout 600]

With ``--wheels FOLDER`` the profile's Python has no torch (the project's venv is left off the path): the
session installs the local steps' packages through the Dependencies dialog from that folder of wheels,
saves the dialog to --output, then builds a dataset and trains in the dock, and writes what the dock
said to <output>.txt.
"""
import argparse
import os
import site
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import package  # noqa: E402


def install_from_zip(archive: Path, profiles: Path) -> Path:
    profile = profiles / "profiles" / "default"
    plugins = profile / "python" / "plugins"
    plugins.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive) as zf:
        for member in zf.namelist():  # a zip from anywhere: no absolute paths, no '..'
            target = (plugins / member).resolve()
            if not str(target).startswith(str(plugins.resolve())):
                raise SystemExit(f"unsafe path in {archive}: {member}")
        zf.extractall(plugins)
    package.enable(profile)
    return profile


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "screenshot.png")
    parser.add_argument("--timeout", type=int, default=600)
    parser.add_argument("--wheels", type=Path, help="install torch & co. from this folder of wheels through the dialog")
    args = parser.parse_args()
    archive = package.make_zip()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        install_from_zip(archive, home / "qgis")
        env = dict(os.environ)
        for key in ("QT_QPA_PLATFORM", "QGIS_CUSTOM_CONFIG_PATH", "QGIS_OPTIONS_PATH"):
            env.pop(key, None)
        env.update(
            HOME=str(home), XDG_RUNTIME_DIR=str(home),
            E84_SCREENSHOT=str(args.output.resolve()), E84_WORKSPACE=str(home / "work"),
            E84_DATA=str(ROOT.parent / "shared" / "data" / "kampala"),
        )
        if args.wheels:
            env["E84_WHEELS"] = str(args.wheels.resolve())  # a profile without torch: QGIS's Python as installed
        else:
            env["PYTHONPATH"] = os.pathsep.join(site.getsitepackages())  # torch from the project's venv
        command = [
            "xvfb-run", "-a", "-s", "-screen 0 1600x1000x24",
            "qgis", "--profiles-path", str(home / "qgis"), "--nologo", "--noversioncheck",
            "--code", str(ROOT / "scripts" / "screenshot_session.py"),
        ]
        result = subprocess.run(command, env=env, timeout=args.timeout, check=False)
        if not args.output.is_file():
            raise SystemExit(f"QGIS exited ({result.returncode}) without writing {args.output}")
    print(args.output)


if __name__ == "__main__":
    main()

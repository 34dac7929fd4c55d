"""Build the installable plugin folder, zip it for "Install from ZIP", or deploy it into a profile.

    python scripts/package.py zip                      -> dist/e84_segment-<version>.zip
    python scripts/package.py deploy [--profile NAME]  -> <QGIS user dir>/profiles/NAME/python/plugins
"""
import argparse
import configparser
import os
import shutil
import sys
import zipfile
from pathlib import Path

import translations  # scripts/translations.py

ROOT = Path(__file__).resolve().parents[1]
PLUGIN = "e84_segment"
BUILD = ROOT / "build" / "plugin"
DIST = ROOT / "dist"


def version() -> str:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    return parser["general"]["version"]


def build(folder: Path = BUILD) -> Path:
    """``folder``/e84_segment: the package, metadata.txt and LICENSE. Icons and Designer forms travel as
    files and load by path: PyQt6 (QGIS 4) has no compiled resources."""
    target = Path(folder) / PLUGIN
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(ROOT / PLUGIN, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copy2(ROOT / "metadata.txt", target / "metadata.txt")
    shutil.copy2(ROOT / "LICENSE", target / "LICENSE")
    vendor_pure_python(target / "_vendor")
    # Qt Linguist sources stay in the repository; the plugin loads the compiled .qm files.
    for source in (target / "i18n").glob("*.ts"):
        source.unlink()
    translations.compile_to(target / "i18n")
    return target


def vendor_pure_python(folder: Path) -> None:
    """QGIS does not ship mercantile: the zip carries its one pure-Python module and licence."""
    import mercantile

    source = Path(mercantile.__file__)
    (folder / "mercantile").mkdir(parents=True)
    (folder / "__init__.py").write_text('"""Third-party pure-Python modules QGIS does not ship."""\n', encoding="utf-8")
    shutil.copy2(source, folder / "mercantile" / "__init__.py")
    licences = list(source.parent.parent.glob("mercantile-*.dist-info/LICENSE*"))
    for licence in licences:
        shutil.copy2(licence, folder / "mercantile" / licence.name)


def make_zip(dist: Path = DIST, folder: Path = BUILD) -> Path:
    folder = build(folder)
    dist = Path(dist)
    dist.mkdir(parents=True, exist_ok=True)
    archive = dist / f"{PLUGIN}-{version()}.zip"
    partial = archive.with_suffix(".zip.partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(folder.parent).as_posix())
    partial.replace(archive)
    print(archive)
    return archive


def qgis_user_dir() -> Path:
    if sys.platform.startswith("win"):
        return Path(os.environ["APPDATA"]) / "QGIS" / "QGIS3"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "QGIS" / "QGIS3"
    return Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "QGIS" / "QGIS3"


def deploy(profile: str, user_dir: Path = None) -> Path:
    """Install into a profile and enable it there (desktop and qgis_process load enabled plugins)."""
    folder = build()
    profile_dir = (user_dir or qgis_user_dir()) / "profiles" / profile
    plugins = profile_dir / "python" / "plugins"
    plugins.mkdir(parents=True, exist_ok=True)
    staging = plugins / f".{PLUGIN}.partial"
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(folder, staging)
    shutil.rmtree(plugins / PLUGIN, ignore_errors=True)
    staging.rename(plugins / PLUGIN)
    enable(profile_dir)
    print(f"Installed and enabled in {plugins / PLUGIN}: restart QGIS to load it")
    return plugins / PLUGIN


def enable(profile_dir: Path) -> None:
    from qgis.PyQt.QtCore import QSettings

    settings = QSettings(str(profile_dir / "QGIS" / "QGIS3.ini"), QSettings.Format.IniFormat)
    settings.setValue(f"PythonPlugins/{PLUGIN}", True)
    settings.sync()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["build", "zip", "deploy"])
    parser.add_argument("--profile", default="default", help="QGIS profile to deploy into")
    args = parser.parse_args()
    if args.command == "build":
        print(build())
    elif args.command == "zip":
        make_zip()
    else:
        deploy(args.profile)


if __name__ == "__main__":
    main()

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
    problems = repository_problems(archive)
    if problems:
        sys.exit("plugins.qgis.org would refuse it: " + "; ".join(problems))
    print(archive)
    return archive


# What plugins.qgis.org's upload validator (qgis-app/plugins/validator.py) refuses, checked offline
# (the links in tracker, repository and homepage it also fetches).
REQUIRED_METADATA = ("name", "description", "version", "qgisMinimumVersion", "author", "email", "about", "tracker", "repository")
MAX_UPLOAD_BYTES = 25_000_000


def repository_problems(archive: Path) -> list:
    """Why plugins.qgis.org would refuse the zip ([] when it would take it)."""
    problems = []
    if Path(archive).stat().st_size > MAX_UPLOAD_BYTES:
        problems.append(f"{archive} is over {MAX_UPLOAD_BYTES / 1e6:g} MB")
    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()
        if zf.testzip() is not None:
            problems.append("a file of the zip is damaged")
        folders = {name.split("/")[0] for name in names}
        if folders != {PLUGIN}:
            problems.append(f"the zip must hold one folder, {PLUGIN}; it holds {sorted(folders)}")
        for name in names:
            parts = name.split("/")
            if ".." in parts or name.startswith("/") or name.endswith(".pyc") or {"__MACOSX", ".git", "__pycache__"} & set(parts):
                problems.append(f"{name} is refused (path, .pyc or a build folder)")
        for required in ("__init__.py", "metadata.txt", "LICENSE"):
            if f"{PLUGIN}/{required}" not in names:
                problems.append(f"{PLUGIN}/{required} is missing")
        parser = configparser.ConfigParser(interpolation=None)
        parser.optionxform = str
        parser.read_string(zf.read(f"{PLUGIN}/metadata.txt").decode("utf-8"))
        general = dict(parser["general"]) if parser.has_section("general") else {}
        problems += [f"metadata.txt lacks {key}" for key in REQUIRED_METADATA if not general.get(key, "").strip()]
        if "/" in general.get("author", ""):
            problems.append("the author may not contain a slash")
        icon = general.get("icon", "")
        if icon and f"{PLUGIN}/{icon.lstrip('./')}" not in names:
            problems.append(f"the icon {icon} is not in the zip")
    return problems


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

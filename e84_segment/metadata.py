"""The plugin's metadata.txt, the single source of its name and version."""
import configparser
from functools import lru_cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def read() -> dict:
    # Installed plugins carry metadata.txt inside the package; a source checkout keeps it one level up.
    for candidate in (_HERE / "metadata.txt", _HERE.parent / "metadata.txt"):
        if candidate.is_file():
            parser = configparser.ConfigParser(interpolation=None)
            parser.read(candidate, encoding="utf-8")
            return dict(parser["general"])
    return {}


def version() -> str:
    return read().get("version", "unknown")

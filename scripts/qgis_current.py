"""`make test-qgis-current`: the test suite on a current QGIS from Debian's own packages, in a chroot.

    python scripts/qgis_current.py                 # Debian 13: QGIS 3.40, Python 3.13, numpy 2
    python scripts/qgis_current.py --suite sid     # Debian unstable: QGIS 3.44, the last Qt5 LTR

mmdebstrap builds the chroot once (build/chroot-<suite>, a few minutes), with QGIS, qgis_process and a
venv of the test packages (``--system-site-packages``: QGIS's numpy and GDAL stay Debian's). The
repository and ../shared are bind-mounted where the tests expect them, and pytest runs there as
`make test` runs here. PyTorch 2.13's CPU wheel exists for this machine's Python only, so the tests
that train or predict with PyTorch skip there with the reason, unless ``--torch cuda`` installs the
PyTorch kit first with the plugin's own installer (PyPI's build and its NVIDIA libraries, as the
Dependencies dialog does where PyTorch's CPU index is out of reach). Needs root (mounts and chroot),
as the machines here have it.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SUITES = {"trixie": "QGIS 3.40 (Debian 13)", "sid": "QGIS 3.44 (Debian unstable)"}
PACKAGES = ["python3-qgis", "qgis-providers", "qgis", "python3-venv", "python3-pil", "git", "ca-certificates", "locales", "poppler-utils"]
# What the tests import beyond QGIS, pinned as requirements-dev.txt pins them; PyTorch and the packages
# of its own kit stay out (no CPU wheel of torch 2.13 for the chroot's Python on this machine).
WITHOUT = re.compile(r"^(torch|efficientnet|onnx|ml.dtypes|protobuf|filelock|fsspec|networkx|sympy|mpmath|typing.extensions)", re.I)
INSIDE = "/w"  # the repository is /w/main and shared /w/shared: ../shared from the repository, as here
VENV = "/opt/e84-venv"
TORCH = "/opt/e84-torch"  # the PyTorch kit, installed by the plugin's own installer (--torch)


def mirror() -> str:
    """The Debian mirror this machine's apt uses (its sources name it), so the chroot uses the same."""
    for sources in [Path("/etc/apt/sources.list.d/debian.sources"), Path("/etc/apt/sources.list")]:
        if sources.is_file():
            match = re.search(r"^(?:URIs:\s*|deb\s+(?:\[[^]]*\]\s*)?)(\S+/debian)\b", sources.read_text(), re.M)
            if match:
                return match.group(1)
    sys.exit("No Debian mirror found in /etc/apt/sources.list(.d): add one, or run on a Debian machine")


def requirements() -> list:
    lines = []
    for name in ("requirements.txt", "requirements-dev.txt"):
        for line in (ROOT / name).read_text().splitlines():
            line = line.strip()
            if line and not line.startswith(("#", "-r")) and not WITHOUT.match(line):
                lines.append(line)
    return lines


def host_ca_bundle() -> Path:
    """The CA bundle pip is told to trust here (a proxy that inspects TLS brings its own), if any."""
    for name in ("PIP_CERT", "REQUESTS_CA_BUNDLE", "SSL_CERT_FILE"):
        if os.environ.get(name) and Path(os.environ[name]).is_file():
            return Path(os.environ[name])
    return None


HOST_CA = "/etc/e84-host-ca.crt"  # inside the chroot


def pip_environment() -> list:
    return [f"PIP_CERT={HOST_CA}"] if host_ca_bundle() else []


def run(command: list, **kwargs) -> None:
    print("+", " ".join(command), flush=True)
    subprocess.run(command, check=True, **kwargs)


def build(chroot: Path, suite: str) -> None:
    if (chroot / ".ready").is_file():
        return
    partial = chroot.with_name(chroot.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.parent.mkdir(parents=True, exist_ok=True)
    # A mirror may serve a dated snapshot, whose Release files have expired: trust them anyway.
    run(["mmdebstrap", "--variant=apt", "--aptopt=Acquire::Check-Valid-Until \"false\"", "--include=" + ",".join(PACKAGES),
         suite, str(partial), mirror()])
    (partial / "etc" / "locale.gen").write_text("en_US.UTF-8 UTF-8\nfr_FR.UTF-8 UTF-8\nes_ES.UTF-8 UTF-8\n")
    run(["chroot", str(partial), "locale-gen"])
    run(["chroot", str(partial), "python3", "-m", "venv", "--system-site-packages", VENV])
    shutil.copy2("/etc/resolv.conf", partial / "etc" / "resolv.conf")
    if host_ca_bundle():
        shutil.copy2(host_ca_bundle(), partial / HOST_CA.lstrip("/"))
    run(["chroot", str(partial), "env", "-i", "PATH=/usr/bin:/bin", *pip_environment(), f"{VENV}/bin/python", "-m", "pip",
         "install", "-q", "--disable-pip-version-check", *requirements()])
    (partial / ".ready").write_text(suite)
    partial.rename(chroot)


def mounted(chroot: Path) -> list:
    mounts = [("/proc", chroot / "proc", ["-t", "proc", "proc"]), ("/dev", chroot / "dev", ["--rbind", "/dev"]),
              ("/sys", chroot / "sys", ["--rbind", "/sys"]), (str(ROOT), chroot / INSIDE.strip("/") / "main", ["--bind", str(ROOT)])]
    if SHARED.is_dir():
        mounts.append((str(SHARED), chroot / INSIDE.strip("/") / "shared", ["--bind", str(SHARED)]))
    done = []
    for _, target, how in mounts:
        target.mkdir(parents=True, exist_ok=True)
        run(["mount", *how, str(target)])
        done.append(target)
    return done


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suite", choices=sorted(SUITES), default="trixie")
    parser.add_argument("--torch", choices=("cpu", "cuda"), help="install the PyTorch kit with the plugin's own installer "
                        "first (the Dependencies dialog's code; 'cuda' where PyTorch's CPU index is out of reach: PyPI's "
                        "build with its NVIDIA libraries, a few GB, runs on the CPU too), and run the tests that need it")
    parser.add_argument("pytest_args", nargs="*", help="passed to pytest (after --)")
    args = parser.parse_args(argv)
    if os.geteuid() != 0:
        sys.exit("Run as root: the chroot needs mounts")
    chroot = ROOT / "build" / f"chroot-{args.suite}"
    build(chroot, args.suite)
    mounts = mounted(chroot)
    try:
        version = subprocess.run(["chroot", str(chroot), "python3", "-c", "from qgis.core import Qgis; print(Qgis.QGIS_VERSION)"],
                                 capture_output=True, text=True, check=False).stdout.strip()
        print(f"Testing on QGIS {version or '?'} ({SUITES[args.suite]})", flush=True)
        environment = ["env", "-i", f"--chdir={INSIDE}/main", "PATH=/usr/bin:/bin", "QT_QPA_PLATFORM=offscreen", "HOME=/tmp/e84-home",
                       "XDG_RUNTIME_DIR=/tmp/e84-home/run", "LANG=C.UTF-8", f"E84_QGIS_SUITE={args.suite}", *pip_environment()]
        run(["chroot", str(chroot), "mkdir", "-p", "-m", "700", "/tmp/e84-home/run"])
        if args.torch:
            if not (chroot / TORCH.lstrip("/") / "torch").is_dir():
                install = ("import sys; sys.path.insert(0, '/w/main'); from pathlib import Path; from e84_segment import installer; "
                           f"r = installer.install(Path('{TORCH}'), build='{args.torch}', report=lambda l: print(l, flush=True)); "
                           "sys.exit(r is None)")
                run(["chroot", str(chroot), *environment, f"{VENV}/bin/python", "-c", install])
            environment.append(f"PYTHONPATH={TORCH}")
        result = subprocess.run(["chroot", str(chroot), *environment, f"{VENV}/bin/python", "-m", "pytest", "-p",
                                 "no:cacheprovider", *args.pytest_args], check=False)
        return result.returncode
    finally:
        for target in reversed(mounts):
            subprocess.run(["umount", "-R", "-l", str(target)], check=False)


if __name__ == "__main__":
    sys.exit(main())

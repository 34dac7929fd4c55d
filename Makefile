# e84_segment: `make demo` runs the main job, `make test` runs the tests.
# Every target sets up what it needs on a fresh Debian 12 machine (apt + a venv); again, it is quick.

SHELL := /bin/bash
SYSTEM_PYTHON := /usr/bin/python3
VENV := .venv
PY := $(VENV)/bin/python
APT_PACKAGES := python3-qgis qgis-providers qgis python3-venv python3-pil python3-scipy poppler-utils pyqt5-dev-tools qttools5-dev-tools gcc python3-dev
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Headless Qt, and a throw-away HOME so runs never touch a real QGIS profile.
RUN_ENV := QT_QPA_PLATFORM=offscreen HOME=$(CURDIR)/build/home XDG_RUNTIME_DIR=$(CURDIR)/build/home/run
DATA ?= kampala
DEMO_OUT ?= demo-output
TRAIN_MINUTES ?= 4
QGIS_PROFILE ?= default

.PHONY: setup test qt6-check translations test-qgis-current demo bench bench-correct bench-field bench-predict bench-review bench-throughput bench-tiles bench-population package deploy endpoint screenshot screenshot-dependencies wheelhouse clean

setup: .apt-ok $(VENV)/.installed

.PHONY: .apt-ok
.apt-ok:
	@dpkg -s $(APT_PACKAGES) >/dev/null 2>&1 || { \
	  echo "Installing $(APT_PACKAGES)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(APT_PACKAGES); }

$(VENV)/.installed: requirements.txt requirements-dev.txt requirements-container.txt requirements-onnx.txt | .apt-ok
	@test -x $(PY) || $(SYSTEM_PYTHON) -m venv --system-site-packages $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	$(PY) -m pip install -q --disable-pip-version-check --no-deps -r requirements-container.txt -r requirements-onnx.txt
	@$(PY) -c "import numpy, osgeo.gdal_array; assert numpy.__version__.startswith('1.'), 'numpy 2 breaks GDAL: remove it from $(VENV)'"
	@touch $@

build/home:
	@mkdir -p build/home/run && chmod 700 build/home/run

# PyQt6 from PyPI in a venv of its own, for the Qt6 check (tests/test_qt6.py): QGIS 4 is not packaged here.
QT6_VENV := build/pyqt6-venv
$(QT6_VENV)/.installed: requirements-qt6.txt
	@test -x $(QT6_VENV)/bin/python || $(SYSTEM_PYTHON) -m venv $(QT6_VENV)
	$(QT6_VENV)/bin/python -m pip install -q --disable-pip-version-check -r requirements-qt6.txt
	@touch $@

test: setup build/home $(QT6_VENV)/.installed
	$(RUN_ENV) E84_PYQT6_PYTHON=$(CURDIR)/$(QT6_VENV)/bin/python $(PY) -m pytest $(PYTEST_ARGS)

# The Qt Linguist files (e84_segment/i18n/*.ts) in step with the code; make package compiles them.
translations:
	$(SYSTEM_PYTHON) scripts/translations.py update

# The suite on the current Qt5 LTR from Debian's packages, in a chroot (scripts/qgis_current.py; root).
QGIS_SUITE ?= trixie
# QGIS_TORCH=cuda installs the PyTorch kit in the chroot with the plugin's own installer first (a few GB).
test-qgis-current:
	$(SYSTEM_PYTHON) scripts/qgis_current.py --suite $(QGIS_SUITE) $(if $(QGIS_TORCH),--torch $(QGIS_TORCH)) -- $(PYTEST_ARGS)

# Would the plugin load on QGIS 4? Every Qt name resolved against PyQt6 (also part of make test).
qt6-check: $(QT6_VENV)/.installed
	QT_QPA_PLATFORM=offscreen $(QT6_VENV)/bin/python scripts/qt6_check.py e84_segment

# Folders of wheels for installing the local steps' packages offline (Dependencies dialog), one per
# platform and QGIS Python; WHEELHOUSE_TARGETS="linux:3.11 windows:3.12" picks some.
WHEELHOUSE_TARGETS ?=
wheelhouse: setup
	$(PY) scripts/wheelhouse.py --output wheelhouse $(foreach t,$(WHEELHOUSE_TARGETS),--target $(t))

# Packaging needs mercantile (vendored into the zip), deploying PyQt's QSettings: a venv of a
# few MB, not the test venv's torch and moto.
PACKAGE_APT := python3-venv qttools5-dev-tools python3-pyqt5
PACKAGE_VENV := build/package-venv
MERCANTILE := $(shell grep '^mercantile==' requirements.txt)

.PHONY: .package-apt-ok
.package-apt-ok:
	@dpkg -s $(PACKAGE_APT) >/dev/null 2>&1 || { \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(PACKAGE_APT); }

$(PACKAGE_VENV)/.installed: requirements.txt | .package-apt-ok
	@test -x $(PACKAGE_VENV)/bin/python || $(SYSTEM_PYTHON) -m venv --system-site-packages $(PACKAGE_VENV)
	$(PACKAGE_VENV)/bin/python -m pip install -q --disable-pip-version-check --no-deps "$(MERCANTILE)"
	@touch $@

package: $(PACKAGE_VENV)/.installed
	$(PACKAGE_VENV)/bin/python scripts/package.py zip

deploy: $(PACKAGE_VENV)/.installed
	$(PACKAGE_VENV)/bin/python scripts/package.py deploy --profile $(QGIS_PROFILE)

# The real QGIS desktop under Xvfb, the plugin from the zip: docs/screenshot.png.
screenshot: setup
	@dpkg -s xvfb xauth >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq xvfb xauth; }
	$(PY) scripts/screenshot.py --output docs/screenshot.png

# The same desktop with a profile whose Python has no torch: the Dependencies dialog installs it from a
# folder of wheels (this platform's, from `make wheelhouse`), then the dock trains: docs/dependencies.png.
screenshot-dependencies: setup
	@dpkg -s xvfb xauth >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq xvfb xauth; }
	@test -d wheelhouse/linux-py3.11 || $(PY) scripts/wheelhouse.py --output wheelhouse --target linux:3.11
	$(PY) scripts/screenshot.py --wheels wheelhouse/linux-py3.11 --output docs/dependencies.png
	@cat docs/dependencies.txt

HOST ?= 127.0.0.1
PORT ?= 8080
NAME ?= e84-local
endpoint: setup
	@test -n "$(MODEL)" || { echo "Give the model file: make endpoint MODEL=path/to/model.pt"; exit 2; }
	$(PY) -m e84_segment.backends.sagemaker.local_endpoint "$(MODEL)" --host $(HOST) --port $(PORT) --name $(NAME)

BENCH_MINUTES ?= 15
BENCH_SEEDS ?= 2
BENCH_ABLATIONS ?=
bench: setup build/home
	$(RUN_ENV) $(PY) bench/bench_export.py --output docs/benchmarks.md
	$(RUN_ENV) $(PY) bench/bench_model.py --output docs/benchmarks.md --minutes $(BENCH_MINUTES)
	$(RUN_ENV) $(PY) bench/bench_throughput.py --output docs/benchmarks.md
	$(RUN_ENV) $(PY) bench/bench_population.py --output docs/benchmarks.md
	$(RUN_ENV) $(PY) bench/bench_field.py --output docs/benchmarks.md --minutes $(BENCH_MINUTES) --seeds $(BENCH_SEEDS) --ablations "$(BENCH_ABLATIONS)"
	$(RUN_ENV) $(PY) bench/bench_tiles.py --output docs/benchmarks.md
	$(RUN_ENV) $(PY) bench/bench_review.py --output docs/benchmarks.md --base-minutes $(BENCH_MINUTES) --seeds $(BENCH_SEEDS)
	$(RUN_ENV) $(PY) bench/bench_correct.py --output docs/benchmarks.md --base-minutes $(BENCH_MINUTES) --seeds $(BENCH_SEEDS) --ks $(CORRECT_KS) --directions $(CORRECT_DIRECTIONS)

# Correcting K suggested / random tiles against reviewing footprints, scored on the tiles nobody corrected
# (docs/benchmarks.md and docs/bench-correct.png; about 110 minutes a direction with 2 seeds).
CORRECT_KS ?= 1,2,4,8,16
CORRECT_DIRECTIONS ?= forward,reverse
bench-correct: setup build/home
	$(RUN_ENV) $(PY) bench/bench_correct.py --output docs/benchmarks.md --base-minutes $(BENCH_MINUTES) --seeds $(BENCH_SEEDS) --ks $(CORRECT_KS) --directions $(CORRECT_DIRECTIONS)

# Reviewing predictions, then fine-tuning on the decisions, scored where nobody reviewed (about 50 minutes).
bench-review: setup build/home
	$(RUN_ENV) $(PY) bench/bench_review.py --output docs/benchmarks.md --base-minutes $(BENCH_MINUTES) --seeds $(BENCH_SEEDS)

# Chips from a tile service with 100 ms latency against a bare concurrent downloader, alone (a minute or two).
bench-tiles: setup build/home
	$(RUN_ENV) $(PY) bench/bench_tiles.py --output docs/benchmarks.md

# populationcentres on 100,000 footprints against reading them and QGIS's DBSCAN, alone (about a minute).
bench-population: setup build/home
	$(RUN_ENV) $(PY) bench/bench_population.py --output docs/benchmarks.md

# Training steps per second against a bare forward + backward loop on the same batches, alone (about 8 minutes).
bench-throughput: setup build/home
	$(RUN_ENV) $(PY) bench/bench_throughput.py --output docs/benchmarks.md

# Prediction throughput (one pass and TTA) and memory alone (minutes), keeping the quality table already written.
bench-predict: setup build/home
	$(RUN_ENV) $(PY) bench/bench_model.py --output docs/benchmarks.md --minutes 0

# Quality on an area the model never saw (leave one area out) and the fine-tuning loop, alone (about an hour).
bench-field: setup build/home
	$(RUN_ENV) $(PY) bench/bench_field.py --output docs/benchmarks.md --minutes $(BENCH_MINUTES) --seeds $(BENCH_SEEDS) --ablations "$(BENCH_ABLATIONS)"

demo: setup build/home
	$(RUN_ENV) $(PY) scripts/demo.py --data $(DATA) --output $(DEMO_OUT) --train-minutes $(TRAIN_MINUTES)

clean:
	rm -rf build dist $(DEMO_OUT) .pytest_cache

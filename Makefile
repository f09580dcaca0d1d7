# Two entry points for a fresh clone: `make demo` and `make test`.
# Each creates .venv when missing and installs the project with its test extras.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

CHROMIUM := /usr/bin/chromium

.PHONY: setup browser demo test bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The main job on the bundled seeds: write the HTML report, then print a diff of two seed agreements
# (treaty diff exits 1 when the agreements differ, as diff(1) does: that is not a failure here).
demo: setup
	$(BIN)/treaty report seeds/ -o treaty-report.html
	$(BIN)/treaty diff seeds/000_a3af9cbf6debed67.txt seeds/002_b68c110a14118c9d.txt || [ $$? -eq 1 ]

# The report's browser tests need Debian's chromium; as root we install it, otherwise they skip (and fail under CI).
browser:
	@if [ -x $(CHROMIUM) ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
	else echo "make: $(CHROMIUM) is missing and we are not root: install the Debian package chromium for the browser tests" >&2; fi

test: setup browser
	$(BIN)/python -m pytest -q

bench: setup
	for script in bench/*.py; do $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache

# The README's two commands are `make book` and `make test`. Each creates the virtual
# environment on first use, so a fresh clone needs nothing but python3 and make.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# Wheels of the package and what pyproject.toml declares (pinned by constraints.txt), so that a
# test can `pip install .` into a fresh environment with the network off.
WHEELS := $(VENV)/wheelhouse/.complete

.PHONY: book test bench validate lab check export lock clean

$(STAMP): requirements.txt constraints.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -c constraints.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	# build matplotlib's font cache now, so its one-time notice never reaches a notebook's stderr
	$(PY) -c "import matplotlib.pyplot"
	touch $@

## make book: check the corpus, execute the notebooks and build the HTML into _build/html (strict: any warning fails)
book: $(STAMP)
	$(PY) -m newscorpus build

$(WHEELS): $(STAMP) pyproject.toml constraints.txt
	rm -rf $(VENV)/wheelhouse
	$(PY) -m pip wheel --quiet --disable-pip-version-check -w $(VENV)/wheelhouse -c constraints.txt . setuptools==80.9.0
	touch $@

## make test: the test suite, including a strict build of a copy of the book
test: $(STAMP) $(WHEELS)
	$(PY) -m pytest

## make bench: clean build, no-change rebuild, cleaner throughput and peer pages -> _build/bench.json;
## then the whole analysis on 10,000 synthetic articles per backend -> _build/bench_scale_10000.jsonl;
## with ARCHIVE=DIR, also the book built from that corpus (clean < 300 s, no-change < 10 s, largest
## page < 5 MB) -> "archive" in _build/bench.json
ARCHIVE ?=
bench: $(STAMP)
	$(PY) -m newscorpus bench
	$(PY) -m newscorpus bench --articles 10000
	$(if $(ARCHIVE),$(PY) -m newscorpus bench --archive $(ARCHIVE))

## make validate: every measure scored on the public gold sets in ../shared/evaluation (numbers only)
## -> newscorpus/data/validation/; timings -> _build/validate_timings.json
validate: $(STAMP)
	$(PY) -m newscorpus validate

## make lab: open the notebooks in JupyterLab with the book's environment
lab: $(STAMP)
	NEWSCORPUS_CACHE=$(CURDIR)/_build/.newscorpus_cache $(VENV)/bin/jupyter lab notebooks/

check: $(STAMP)
	$(PY) -m newscorpus check

export: $(STAMP)
	$(PY) -m newscorpus export _build/tables

## make lock: re-resolve constraints.txt after changing a pin in requirements.txt
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet -r requirements.txt
	.lock-venv/bin/pip freeze --all --exclude-editable | grep -v -e '^newscorpus' -e '^pip==' > constraints.txt
	rm -rf .lock-venv

clean:
	rm -rf _build

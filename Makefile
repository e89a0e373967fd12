# One entry point for people and CI.
PY      ?= python3.11
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
BENCH_N ?= 100
# The Ray comparison needs more articles than its fixed costs (cluster start, model loads).
RAY_BENCH_N ?= 300
ENGINE  ?= local

.PHONY: demo test test-fast eval bench lint clean setup

$(BIN)/python:
	@command -v $(PY) >/dev/null 2>&1 || { echo "need Python 3.11 ($(PY)); set PY=..."; exit 2; }
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q -U pip

# Re-install when the project's dependency list changes.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/chronicler demo

test: $(STAMP)
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow and not browser and not ray" $(PYTEST_ARGS)

# Understanding (quotes, actors, dates), events, then claims and framing.
eval: $(STAMP)
	$(BIN)/python -m eval.run
	$(BIN)/python -m eval.events
	$(BIN)/python -m eval.claims
	$(BIN)/python -m eval.cross
	$(BIN)/python -m eval.polnear
	$(BIN)/python -m eval.plover_dev
	$(BIN)/python -m eval.codebook

bench: $(STAMP)
ifeq ($(ENGINE),ray)
	$(BIN)/python -m bench.ray_bench --n $(RAY_BENCH_N)
else
	$(BIN)/python -m bench.align_bench
	$(BIN)/python -m bench.run --n $(BENCH_N)
endif

lint: $(STAMP)
	$(BIN)/ruff check src tests eval bench
	$(BIN)/mypy src/chronicler

clean:
	rm -rf $(VENV) build dist *.egg-info

# newsgraph: the two commands a new machine needs are `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: install demo test test-fast eval gate bench lint typecheck clean cue-model bound-model

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/newsgraph analyze examples/harbour_letter.txt --published 2031-05-08 --format text
	$(VENV)/bin/newsgraph analyze examples/harbour_letter.txt --published 2031-05-08 -o demo-output
	@echo "full JSON document: demo-output/harbour_letter.json"

test: $(STAMP)
	$(PY) -m pytest -q

test-fast: $(STAMP)
	$(PY) -m pytest -q -m "not slow"

# Evaluation against the gold data in $(SHARED)/anchors (never copied into the repo).
# Without it nothing is scored: eval/run.py says so and exits 2 (so `make gate` fails too).
eval: $(STAMP)
	$(PY) eval/run.py --anchors $(SHARED)/anchors --out eval/results.json

# The CI gate: fails when a number in eval/results.json is below its floor.
gate: eval
	$(PY) eval/gate.py eval/results.json eval/floors.json

# The trained cue classifier (newsgraph.quotes.cue_model), from PolNeAR train only (about 10 min on 2 cores).
cue-model: $(STAMP)
	$(PY) -m newsgraph.quotes.train_cues --gold $(SHARED)/anchors/quotes/polnear/data/train --out src/newsgraph/data/cue_model.json

# The trained content-end model (newsgraph.quotes.bounds), from PolNeAR train only (about 10 min on 2 cores).
# It learns from the quote steps' own contents, the cue classifier's included: rebuild it after `make cue-model`.
bound-model: $(STAMP)
	$(PY) -m newsgraph.quotes.train_bounds --gold $(SHARED)/anchors/quotes/polnear/data/train --out src/newsgraph/data/bound_model.json

bench: $(STAMP)
	$(PY) benchmarks/run.py --anchors $(SHARED)/anchors --out benchmarks/results.json

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests eval benchmarks

typecheck: $(STAMP)
	$(VENV)/bin/mypy src/newsgraph

clean:
	rm -rf $(VENV) demo-output .pytest_cache build *.egg-info src/*.egg-info

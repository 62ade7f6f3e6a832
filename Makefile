# The two commands of the README. Each sets up .venv (once per change of pyproject.toml) and runs.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed

.PHONY: demo test setup clean
demo: $(STAMP)  ## set up and run eventwatch on the built-in examples
	$(VENV)/bin/eventwatch demo --db eventwatch.duckdb

test: $(STAMP)  ## set up and run the whole test suite (pytest's "no tests" fails)
	$(VENV)/bin/python -m pytest -q

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install -q --upgrade pip
	$(VENV)/bin/python -m pip install -q -e '.[test,ray]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) eventwatch.duckdb

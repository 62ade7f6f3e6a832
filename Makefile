# The two commands of the README; each sets up .venv (again only when pyproject.toml changes) and runs.
#   make demo   eventwatch on the built-in example articles, stored in eventwatch.duckdb
#   make test   the whole test suite, with what the tests need (test extras, Ray, Debian's Chromium)
PYTHON ?= python3
VENV := .venv
PIP := $(VENV)/bin/python -m pip

.PHONY: demo test setup setup-test clean
demo: $(VENV)/.installed-run
	$(VENV)/bin/eventwatch demo --db eventwatch.duckdb

test: $(VENV)/.installed-test
	$(VENV)/bin/python -m pytest -q

setup: $(VENV)/.installed-run
setup-test: $(VENV)/.installed-test

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(VENV)/bin/python
	$(PIP) install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(PIP) install -q -e '.[test,ray]'
	sh scripts/install-browser.sh
	touch $@ $(VENV)/.installed-run

clean:
	rm -rf $(VENV) eventwatch.duckdb

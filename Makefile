# Two commands: `make run` and `make test`. Everything else is for maintainers.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
CORPUS ?= seeds
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test lint report lab clean docs

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Stamps re-install only when pyproject.toml changes.
$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(BIN)/corpuslab run $(CORPUS)

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests benchmarks scripts notebooks
	$(BIN)/ruff format --check src tests benchmarks scripts notebooks

clean:
	rm -rf build .pytest_cache

docs: $(VENV)/.installed-run
	$(BIN)/python scripts/sync_readme.py README.md

# Execute the notebooks and render one static HTML report (and the README's chart).
report: $(VENV)/.installed-test
	$(BIN)/python scripts/report.py --out build/report.html --image docs/claims.png

# Open the notebooks in JupyterLab (jupytext opens the .py files as notebooks).
lab: $(VENV)/.installed-test
	cd notebooks && ../$(BIN)/jupyter lab

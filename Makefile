# Two commands: `make run` and `make test`. Everything else is for maintainers.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
CORPUS ?= seeds
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test lint report check-report readme-chart lab clean docs

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

# Run the pipeline once into build/tables, execute the notebooks on those tables, write build/report.html.
# make report CORPUS=data/news_articles.jsonl REPORT_ARGS="--text-field body --id-field id"
# (REPORT_ARGS: any `corpuslab run` option; CORPUSLAB_CORPUS=... make report works too). Writes only under build/.
REPORT_CORPUS = $(or $(CORPUSLAB_CORPUS),$(CORPUS))
report: $(VENV)/.installed-test
	$(BIN)/python scripts/report.py $(REPORT_CORPUS) --out build/report.html $(REPORT_ARGS)

# Build the report, then check it: no chart taller than a screen, no warning or traceback, screenshots
# in build/screenshots/ when chromium is installed (skipped with a message when it is not).
check-report: report
	$(BIN)/python scripts/check_report.py build/report.html --screenshots build/screenshots

# Maintainers: redraw the README's chart (docs/claims.png) from the seeds.
readme-chart: $(VENV)/.installed-test
	$(BIN)/python scripts/report.py --readme-chart

# Open the notebooks in JupyterLab (jupytext opens the .py files as notebooks).
lab: $(VENV)/.installed-test
	cd notebooks && ../$(BIN)/jupyter lab

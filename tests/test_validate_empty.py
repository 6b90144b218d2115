"""A corpus with no figures, or no documents, runs and validates cleanly."""

from __future__ import annotations

from pathlib import Path

import pytest

import corpuslab
from corpuslab.cli import EXIT_NO_DOCUMENTS, EXIT_OK, main
from corpuslab.validate import failed


@pytest.fixture(params=["no_figures", "no_documents"])
def corpus(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    folder = tmp_path / request.param
    folder.mkdir()
    if request.param == "no_figures":
        (folder / "a.txt").write_text("No numbers here.", encoding="utf-8")
    return folder


def test_validate_holds_on_empty_tables(corpus: Path) -> None:
    result = corpuslab.run_pipeline(corpus, progress=False)
    assert result.figures.empty
    results = corpuslab.validate(result, progress=False)
    assert len(results) > 0 and not failed(results)


def test_cli_runs_and_validates_a_corpus_without_figures(corpus: Path, tmp_path: Path) -> None:
    # A corpus without documents runs cleanly too, but says so with its own exit code.
    expected = EXIT_NO_DOCUMENTS if corpus.name == "no_documents" else EXIT_OK
    assert main(["validate", str(corpus)]) == expected
    assert main(["run", str(corpus), "--out-dir", str(tmp_path / "out")]) == expected
    if expected == EXIT_OK:
        assert main(["validate", str(tmp_path / "out")]) == EXIT_OK

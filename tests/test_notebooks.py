"""Every notebook runs top to bottom on a fresh kernel on the seeds."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("report", ROOT / "scripts" / "report.py")
assert _spec and _spec.loader
report = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(report)


@pytest.mark.parametrize("path", report.notebook_paths(), ids=lambda p: p.name)
def test_notebook_runs_top_to_bottom(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CORPUSLAB_CORPUS", raising=False)
    notebook = report.execute(path)
    errors = [
        o
        for c in notebook.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
        if o.get("output_type") == "error"
    ]
    assert errors == []
    figures = [o for c in notebook.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert figures, "each notebook shows at least one chart"


def test_there_are_four_notebooks() -> None:
    assert [p.name for p in report.notebook_paths()] == [
        "01_corpus.py",
        "02_figures.py",
        "03_consistency.py",
        "04_quality.py",
    ]

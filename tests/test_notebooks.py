"""Every notebook runs top to bottom on tables written once, and the report they make passes its checks."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

import corpuslab

ROOT = Path(__file__).resolve().parents[1]


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


report = _script("report")
check_report = _script("check_report")


@pytest.fixture(scope="module")
def seed_tables(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds' tables, written once as `corpuslab run seeds --out-dir` writes them."""
    folder = tmp_path_factory.mktemp("tables")
    result = corpuslab.run_pipeline(ROOT / "seeds", progress=False)
    result.write(folder)
    if "sentences" not in result.tables():  # the cards read sentences when the run wrote them
        corpuslab.write_table(
            corpuslab.split_sentences(result.documents, paragraphs=result.paragraphs), folder / "sentences.parquet"
        )
    return folder


@pytest.fixture(scope="module")
def executed(seed_tables: Path, monkeypatch_module: pytest.MonkeyPatch) -> dict[str, object]:
    monkeypatch_module.delenv("CORPUSLAB_CORPUS", raising=False)
    return {p.name: nb for p, nb in zip(report.notebook_paths(), report.execute_all(seed_tables), strict=True)}


@pytest.fixture(scope="module")
def monkeypatch_module() -> pytest.MonkeyPatch:
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def _outputs(notebook: object) -> list[dict]:
    return [o for c in notebook.cells if c.cell_type == "code" for o in c.get("outputs", [])]  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", [p.name for p in report.notebook_paths()])
def test_notebook_runs_top_to_bottom_without_warnings(executed: dict[str, object], name: str) -> None:
    outputs = _outputs(executed[name])
    assert [o for o in outputs if o.get("output_type") == "error"] == []
    assert [o.get("text") for o in outputs if o.get("name") == "stderr"] == []  # no warning, no progress bar
    assert any("image/png" in o.get("data", {}) for o in outputs), "each notebook shows at least one chart"


def test_consistency_notebook_shows_claim_cards_conflict_first(executed: dict[str, object]) -> None:
    html = [
        o["data"]["text/html"]
        for o in _outputs(executed["03_consistency.py"])
        if "corpuslab-cards" in str(o.get("data", {}).get("text/html", ""))
    ]
    assert len(html) == 1
    card = html[0]
    assert card.index("conflicting") < card.index("consistent")
    assert "<mark" in card and "Power of Siberia 1" in card


def test_report_passes_its_checks(executed: dict[str, object], tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(report.to_html(list(executed.values())), encoding="utf-8")
    assert check_report.check_html(page) == []
    assert len(check_report.png_sizes(page.read_text(encoding="utf-8"))) >= 4


def test_check_report_catches_a_tall_chart_and_a_warning(tmp_path: Path) -> None:
    import io

    from matplotlib.figure import Figure

    buffer = io.BytesIO()
    Figure(figsize=(4, 12), dpi=100).savefig(buffer, format="png")  # 1,200 px tall
    import base64

    png = base64.b64encode(buffer.getvalue()).decode()
    page = tmp_path / "bad.html"
    page.write_text(
        f'<img src="data:image/png;base64,{png}"><pre>TqdmWarning: IProgress not found.</pre>', encoding="utf-8"
    )
    failures = check_report.check_html(page)
    assert any("400 x 1200 px" in f for f in failures)
    assert any("a Python warning" in f for f in failures)
    assert any("a progress widget" in f for f in failures)


def test_notebooks_read_every_table_written_and_skip_those_not_written(seed_tables: Path) -> None:
    from corpuslab.notebook import optional_table, read_tables

    result = read_tables(seed_tables)
    written = corpuslab.read_table(seed_tables / "sentences.parquet")
    assert len(optional_table(result, "sentences")) == len(written) > 0
    assert optional_table(result, "no_such_table") is None
    assert len(result.claims) == len(corpuslab.read_table(seed_tables / "claims.parquet")) > 0


def test_there_are_four_notebooks() -> None:
    assert [p.name for p in report.notebook_paths()] == [
        "01_corpus.py",
        "02_figures.py",
        "03_consistency.py",
        "04_quality.py",
    ]


def _markdown(notebook: object) -> str:
    return "\n".join(str(o.get("data", {}).get("text/markdown", "")) for o in _outputs(notebook))


def test_corpus_notebook_states_the_load_report_the_run_wrote(tmp_path: Path) -> None:
    import json

    rows = [
        {"doc_id": f"d{i}", "outlet": "Wire", "text": "Exports rose to 38 bcm in 2023, officials said."}
        for i in range(3)
    ]
    rows += [{"doc_id": "blank1", "text": "  "}, {"doc_id": "blank2", "text": ""}]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    tables = tmp_path / "tables"
    corpuslab.run_pipeline(corpus, progress=False).write(tables)
    written = corpuslab.read_table(tables / "load_report.parquet")
    n_lost = int((written["severity"] == "error").sum())
    assert n_lost == 2 and len(written) > n_lost  # the two blank texts, and warnings (keys not found)
    notebook = report.execute(ROOT / "notebooks" / "01_corpus.py", env={"CORPUSLAB_TABLES": str(tables)})
    said = _markdown(notebook)
    assert f"The load report lists **{len(written)} problems**: **2** errors (input lost), **" in said


def test_errors_section_states_what_it_found(executed: dict[str, object]) -> None:
    said = _markdown(executed["04_quality.py"])
    assert "would be listed here" not in said
    assert (
        "No error expectation failed: every table holds up." in said
        or " listed below with a few offending rows" in said
    )


def test_a_notebook_kernel_prints_no_warning(seed_tables: Path, capfd: pytest.CaptureFixture[str]) -> None:
    report.execute(ROOT / "notebooks" / "02_figures.py", env={"CORPUSLAB_TABLES": str(seed_tables)})
    assert "WARNING" not in capfd.readouterr().err  # e.g. "Kernel is running over TCP without encryption"


def test_the_report_rebuilds_its_own_tables_but_never_replaces_another_folder(tmp_path: Path) -> None:
    tables = tmp_path / "build" / "tables"
    assert report.write_tables(str(ROOT / "seeds"), tables, []) == tables
    first = (tables / "figures.parquet").stat().st_mtime_ns
    report.write_tables(str(ROOT / "seeds"), tables, [])  # `make report` twice: the second run replaces the first
    assert (tables / "figures.parquet").stat().st_mtime_ns != first
    foreign = tmp_path / "notes"
    foreign.mkdir()
    (foreign / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(SystemExit, match="folder is not empty"):
        report.write_tables(str(ROOT / "seeds"), foreign, [])
    assert (foreign / "keep.txt").read_text(encoding="utf-8") == "mine"

"""Expectation suites: each expectation catches its own corruption, suites load strictly, nothing is written."""

from __future__ import annotations

import json
import math
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

import corpuslab
from corpuslab.cli import EXIT_CANNOT_RUN, EXIT_FAILED, EXIT_OK, main
from corpuslab.errors import SuiteError
from corpuslab.validate import default_suites_dir, failed, load_suites

ROOT = Path(__file__).resolve().parents[1]
SUITES = default_suites_dir()
Tables = dict[str, pd.DataFrame]


@pytest.fixture(scope="module")
def seed_result() -> corpuslab.PipelineResult:
    return corpuslab.run_pipeline(ROOT / "seeds", progress=False)


@pytest.fixture(scope="module")
def baseline(seed_result: corpuslab.PipelineResult) -> pd.DataFrame:
    return corpuslab.validate(seed_result, suites_dir=SUITES, progress=False)


def _copy(result: corpuslab.PipelineResult) -> Tables:
    return {name: frame.copy() for name, frame in result.tables().items()}


def _failing(results: pd.DataFrame) -> dict[str, list[int]]:
    bad = results[results["status"] != "passed"]
    return {f"{r.suite}.{r.expectation}": sorted(r.unexpected_index) for r in bad.itertuples()}


def test_the_seeds_hold_every_error_check_and_report_one_finding(
    baseline: pd.DataFrame, seed_result: corpuslab.PipelineResult
) -> None:
    assert not failed(baseline, fail_on="errors")
    assert failed(baseline, fail_on="findings")
    findings = baseline[baseline["status"] == "finding"]
    assert findings["expectation"].tolist() == ["sources_agree"]
    rows = findings["unexpected_index"].iloc[0]
    assert [s.split(":")[0] for s in seed_result.claims.iloc[rows]["subject"]] == ["Power of Siberia 1"]


def _set(table: str, row: int, column: str, value: object) -> Callable[[Tables], None]:
    def corrupt(tables: Tables) -> None:
        tables[table][column] = tables[table][column].astype(object)
        tables[table].at[row, column] = value

    return corrupt


def _duplicate(table: str, column: str) -> Callable[[Tables], None]:
    def corrupt(tables: Tables) -> None:
        tables[table].at[1, column] = tables[table].at[0, column]

    return corrupt


def _shift_start(table: str, row: int) -> Callable[[Tables], None]:
    def corrupt(tables: Tables) -> None:
        tables[table].at[row, "start"] += 1

    return corrupt


def _unflag_repeat(tables: Tables) -> None:
    paragraphs = tables["paragraphs"]
    paragraphs.loc[paragraphs["is_repeat"] & (paragraphs["doc_id"] == "004_0de3942d49ced44d"), "is_repeat"] = False


def _second_unit_in_first_claim(tables: Tables) -> None:
    memberships, figures = tables["memberships"], tables["figures"]
    first = tables["claims"].at[0, "claim_id"]
    in_claim = set(memberships.loc[memberships["claim_id"] == first, "figure_id"])
    unit = figures.loc[figures["figure_id"].isin(in_claim), "unit"].iloc[0]
    other = figures.loc[figures["unit"] != unit, "figure_id"].iloc[0]
    extra = pd.DataFrame([{"figure_id": other, "doc_id": "x", "role": "value", "claim_id": first}])
    tables["memberships"] = pd.concat([memberships, extra], ignore_index=True)


CORRUPTIONS: list[tuple[str, str, Callable[[Tables], None], int]] = [
    ("documents", "unique_doc_id", _duplicate("documents", "doc_id"), 1),
    ("documents", "text_present", _set("documents", 2, "text", None), 2),
    ("documents", "text_not_empty", _set("documents", 2, "n_chars", 0), 2),
    ("documents", "no_duplicate_bodies", _duplicate("documents", "body_hash"), 1),
    ("documents", "repeats_flagged", _unflag_repeat, 4),
    ("documents", "known_format", _set("documents", 1, "source_format", "pdf"), 1),
    ("paragraphs", "unique_paragraph", _duplicate("paragraphs", "paragraph_index"), 1),
    ("paragraphs", "text_at_offsets", _shift_start("paragraphs", 5), 5),
    ("paragraphs", "end_after_start", _set("paragraphs", 5, "end", 0), 5),
    ("paragraphs", "known_boilerplate_kind", _set("paragraphs", 0, "boilerplate_kind", "advert"), 0),
    ("figures", "unique_figure_id", _duplicate("figures", "figure_id"), 1),
    ("figures", "offsets_inside_document", _set("figures", 3, "end", 10**6), 3),
    ("figures", "surface_at_offsets", _shift_start("figures", 3), 3),
    ("figures", "value_present", _set("figures", 3, "value", math.nan), 3),
    ("figures", "finite_value", _set("figures", 3, "value", math.inf), 3),
    ("figures", "known_kind", _set("figures", 3, "kind", "weight"), 3),
    ("figures", "known_bound", _set("figures", 3, "bound", "around"), 3),
    ("figures", "known_trend", _set("figures", 3, "trend", "sideways"), 3),
    ("figures", "canonical_unit", _set("figures", 3, "unit", "bcm"), 3),
    ("figures", "iso_currency", _set("figures", 3, "currency", "XYZ"), 3),
    ("figures", "low_at_most_value", _set("figures", 3, "range_low", 1e30), 3),
    ("figures", "value_at_most_high", _set("figures", 3, "range_high", -1e30), 3),
    ("claims", "unique_claim_id", _duplicate("claims", "claim_id"), 1),
    ("claims", "known_verdict", _set("claims", 2, "verdict", "maybe"), 2),
    ("claims", "verdict_has_reason", _set("claims", 2, "reason", ""), 2),
    ("claims", "one_unit_per_claim", _second_unit_in_first_claim, 0),
]


def test_every_expectation_has_a_corruption_test() -> None:
    written = {f"{s.name}.{e['meta']['name']}" for s in load_suites(SUITES) for e in s.expectations}
    tested = {f"{suite}.{name}" for suite, name, _, _ in CORRUPTIONS} | {
        "documents.outlet_in_manifest",
        "claims.sources_agree",
    }
    assert written == tested


@pytest.mark.parametrize(
    ("suite", "name", "corrupt", "row"), CORRUPTIONS, ids=[f"{s}.{n}" for s, n, _, _ in CORRUPTIONS]
)
def test_a_corruption_fails_exactly_its_expectation(
    seed_result: corpuslab.PipelineResult,
    baseline: pd.DataFrame,
    suite: str,
    name: str,
    corrupt: Callable[[Tables], None],
    row: int,
) -> None:
    tables = _copy(seed_result)
    corrupt(tables)
    results = corpuslab.validate(tables, suites_dir=SUITES, suite=suite, progress=False)
    before = {k for k in _failing(baseline) if k.startswith(f"{suite}.")}
    failing = _failing(results)
    assert set(failing) - before == {f"{suite}.{name}"}
    assert row in failing[f"{suite}.{name}"]
    assert results.loc[results["expectation"] == name, "severity"].item() == "error"


def test_an_outlet_missing_from_the_manifest_is_an_error(seed_result: corpuslab.PipelineResult) -> None:
    tables = _copy(seed_result)
    tables["documents"].at[1, "outlet"] = "Inter Belum News"  # a typo splits one source into two
    results = corpuslab.validate(
        tables, suites_dir=SUITES, suite="documents", progress=False, manifest_outlets=seed_result.manifest_outlets
    )
    assert _failing(results) == {"documents.outlet_in_manifest": [1]}


def test_two_outlets_that_disagree_are_a_finding_not_an_error(tmp_path: Path) -> None:
    story = "A strong earthquake struck the coastal city of Valparaiso in Chile on Monday, officials said. "
    (tmp_path / "a.txt").write_text(
        story + "Currently, the Alpha Line pipeline carries 38 bcm a year.", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text(
        story + "Currently, the Alpha Line pipeline carries 61 bcm a year.", encoding="utf-8"
    )
    result = corpuslab.run_pipeline(tmp_path, progress=False)
    results = corpuslab.validate(result, suites_dir=SUITES, suite="claims", progress=False)
    assert not failed(results, fail_on="errors")
    rows = _failing(results)["claims.sources_agree"]
    assert result.claims.iloc[rows]["verdict"].tolist() == ["conflicting"]


def test_suites_load_with_their_expectation_counts() -> None:
    from corpuslab.validate.runner import build_suite

    counts = {s.name: len(build_suite(s).expectations) for s in load_suites(SUITES)}
    assert counts == {"claims": 5, "documents": 7, "figures": 12, "paragraphs": 4}


def _suite_dir(tmp_path: Path, expectation: dict[str, object]) -> Path:
    folder = tmp_path / "suites"
    folder.mkdir()
    suite = {"name": "figures", "meta": {"table": "figures"}, "expectations": [expectation]}
    (folder / "figures.json").write_text(json.dumps(suite), encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("expectation", "message"),
    [
        (
            {
                "type": "expect_column_values_to_be_sparkly",
                "kwargs": {"column": "value"},
                "meta": {"name": "x", "severity": "error"},
            },
            "unknown type",
        ),
        (
            {
                "type": "expect_column_values_to_not_be_null",
                "kwargs": {"colum": "value"},
                "meta": {"name": "x", "severity": "error"},
            },
            "invalid arguments",
        ),
        (
            {
                "type": "expect_column_values_to_not_be_null",
                "kwargs": {"column": "valu"},
                "meta": {"name": "x", "severity": "error"},
            },
            "does not have",
        ),
        (
            {
                "type": "expect_column_values_to_not_be_null",
                "kwargs": {"column": "value"},
                "meta": {"name": "x", "severity": "fatal"},
            },
            "severity",
        ),
    ],
)
def test_an_invalid_suite_is_refused_with_its_reason(
    seed_result: corpuslab.PipelineResult, tmp_path: Path, expectation: dict[str, object], message: str
) -> None:
    folder = _suite_dir(tmp_path, expectation)
    with pytest.raises(SuiteError, match=message):
        corpuslab.validate(seed_result, suites_dir=folder, progress=False)


def test_a_user_can_add_an_expectation(seed_result: corpuslab.PipelineResult, tmp_path: Path) -> None:
    folder = tmp_path / "suites"
    shutil.copytree(SUITES, folder)
    suite = json.loads((folder / "figures.json").read_text(encoding="utf-8"))
    suite["expectations"].append(
        {
            "type": "expect_column_values_to_be_between",
            "kwargs": {"column": "value", "max_value": 1e11},
            "meta": {"name": "no_huge_values", "severity": "error", "note": "A user's own rule."},
        }
    )
    (folder / "figures.json").write_text(json.dumps(suite), encoding="utf-8")
    results = corpuslab.validate(seed_result, suites_dir=folder, suite="figures", progress=False)
    huge = results[results["expectation"] == "no_huge_values"]
    assert huge["status"].item() == "error"  # US$250 billion is above the user's limit
    assert "US$250 billion" in huge["examples"].item()


def test_validation_writes_nothing(
    seed_result: corpuslab.PipelineResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _git_status()
    monkeypatch.chdir(tmp_path)
    corpuslab.validate(seed_result, suites_dir=SUITES, progress=False)
    corpuslab.validate(seed_result, suites_dir=SUITES, progress=False)
    assert list(tmp_path.iterdir()) == []
    assert _git_status() == before


def _git_status() -> str:
    done = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True, check=False)
    return done.stdout if done.returncode == 0 else "not a git checkout"


def test_data_docs_are_written_when_asked(seed_result: corpuslab.PipelineResult, tmp_path: Path) -> None:
    corpuslab.validate(seed_result, suites_dir=SUITES, suite="claims", docs_dir=tmp_path / "docs", progress=False)
    assert (tmp_path / "docs" / "index.html").is_file()


def test_cli_exit_codes(tmp_path: Path) -> None:
    seeds = str(ROOT / "seeds")
    assert main(["validate", seeds, "--suites", str(SUITES), "--no-progress"]) == EXIT_OK
    assert main(["validate", seeds, "--suites", str(SUITES), "--fail-on", "findings", "--no-progress"]) == EXIT_FAILED
    assert main(["validate", str(tmp_path / "missing"), "--no-progress"]) == EXIT_CANNOT_RUN
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "figures.json").write_text("{not json", encoding="utf-8")
    assert main(["validate", seeds, "--suites", str(broken), "--no-progress"]) == EXIT_CANNOT_RUN


def test_custom_expectations_on_their_own(seed_result: corpuslab.PipelineResult) -> None:
    claims = pd.DataFrame(
        {
            "claim_id": ["a", "b", "c", "d"],
            "n_sources": [2, 1, 2, 3],
            "verdict": ["consistent", "single_source", "conflicting", "not_comparable"],
            "interval_low": [1.0, math.nan, math.nan, math.nan],
            "interval_high": [2.0, math.nan, math.nan, 5.0],
            "reason": ["r"] * 4,
        }
    )
    results = corpuslab.validate(
        {**_copy(seed_result), "claims": claims}, suites_dir=SUITES, suite="claims", progress=False
    )
    agree = results[results["expectation"] == "sources_agree"]
    assert agree["unexpected_index"].item() == [2]  # two sources, no common interval
    figures = _copy(seed_result)
    figures["figures"].loc[[0, 1], "value"] = [math.nan, -math.inf]
    finite = corpuslab.validate(figures, suites_dir=SUITES, suite="figures", progress=False)
    # NaN is missing (GX skips it, like every map expectation); infinity is not finite.
    assert finite.loc[finite["expectation"] == "finite_value", "unexpected_index"].item() == [1]


def test_the_default_suites_are_package_data_with_a_single_copy(
    seed_result: corpuslab.PipelineResult, baseline: pd.DataFrame
) -> None:
    package = Path(corpuslab.__file__).resolve().parent
    assert SUITES.resolve() == package / "suites"
    assert sorted(p.name for p in SUITES.glob("*.json")) == [
        "claims.json", "documents.json", "figures.json", "paragraphs.json"
    ]  # fmt: skip
    assert not (ROOT / "expectations").exists()
    assert corpuslab.validate(seed_result, progress=False).equals(baseline)  # no suites_dir: the packaged ones


def test_suites_init_copies_the_defaults_and_keeps_a_teams_edits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "team" / "suites"
    assert main(["suites", "init", str(folder)]) == EXIT_OK
    for path in SUITES.glob("*.json"):
        assert (folder / path.name).read_bytes() == path.read_bytes()
    suite = json.loads((folder / "figures.json").read_text(encoding="utf-8"))
    dropped = suite["expectations"].pop()
    (folder / "figures.json").write_text(json.dumps(suite), encoding="utf-8")
    capsys.readouterr()
    assert main(["suites", "init", str(folder)]) == EXIT_CANNOT_RUN
    assert "already holds claims.json, documents.json, figures.json, paragraphs.json" in capsys.readouterr().err
    assert json.loads((folder / "figures.json").read_text(encoding="utf-8")) == suite  # the edit is kept

    seeds = str(ROOT / "seeds")
    assert main(["run", seeds, "--suites", str(folder), "--no-progress"]) == EXIT_OK
    printed = capsys.readouterr().out
    n_default = sum(len(s.expectations) for s in load_suites(SUITES))
    assert f"validation: {n_default - 1} expectations" in printed
    assert dropped["meta"]["name"] not in printed
    assert main(["validate", seeds, "--suites", str(folder), "--no-progress"]) == EXIT_OK
    assert f"validation: {n_default - 1} expectations" in capsys.readouterr().out

    assert main(["suites", "init", str(folder), "--force"]) == EXIT_OK
    assert (folder / "figures.json").read_bytes() == (SUITES / "figures.json").read_bytes()


@pytest.mark.parametrize(
    "rows", [[], [{"doc_id": "only", "text": "Gazprom said it shipped 38 bcm of gas to China in 2024."}]]
)
def test_an_empty_or_one_document_corpus_validates(rows: list[dict[str, str]], tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows) or "\n", encoding="utf-8")
    result = corpuslab.run_pipeline(tmp_path, progress=False)
    assert len(result.documents) == len(rows)
    results = corpuslab.validate(result, progress=False)
    assert len(results) == sum(len(s.expectations) for s in load_suites(SUITES))
    assert not failed(results, fail_on="findings")

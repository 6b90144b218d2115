"""A suite file with the wrong JSON shape is refused with an error naming the file, never a crash."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpuslab.cli import EXIT_CANNOT_RUN, main
from corpuslab.errors import SuiteError
from corpuslab.validate import load_suites

GOOD = {
    "type": "expect_column_values_to_not_be_null",
    "kwargs": {"column": "value"},
    "meta": {"name": "x", "severity": "error"},
}


@pytest.mark.parametrize(
    ("suite", "message"),
    [
        (
            {"meta": {"table": "figures"}, "expectations": ["expect_column_values_to_not_be_null"]},
            "#0 must be an object",
        ),
        ({"meta": None, "expectations": [GOOD]}, "'meta' must be an object"),
        ({"meta": ["figures"], "expectations": [GOOD]}, "'meta' must be an object"),
        ({"expectations": [{**GOOD, "kwargs": ["value"]}]}, "'kwargs' must be an object"),
        ({"expectations": [{**GOOD, "meta": "error"}]}, "'meta' must be an object"),
        ({"expectations": [{"kwargs": {"column": "value"}, "meta": GOOD["meta"]}]}, "needs a 'type'"),
    ],
)
def test_a_malformed_suite_names_its_file(tmp_path: Path, suite: dict[str, object], message: str) -> None:
    (tmp_path / "figures.json").write_text(json.dumps(suite), encoding="utf-8")
    with pytest.raises(SuiteError, match=message) as raised:
        load_suites(tmp_path)
    assert str(tmp_path / "figures.json") in str(raised.value)


def test_the_cli_reports_a_malformed_suite_as_an_error(
    tmp_path: Path, seeds_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "figures.json").write_text(json.dumps({"meta": None, "expectations": [GOOD]}), encoding="utf-8")
    assert main(["validate", str(seeds_path), "--suites", str(tmp_path), "--no-progress"]) == EXIT_CANNOT_RUN
    err = capsys.readouterr().err
    assert "figures.json" in err and "internal error" not in err

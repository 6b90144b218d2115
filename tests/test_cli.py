"""The command line: each command runs on the seeds, writes tables, and exits with codes CI relies on."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from corpuslab.cli import EXIT_CANNOT_RUN, EXIT_OK, main


@pytest.mark.parametrize("command", ["load", "extract", "compare"])
def test_commands_write_their_table(command: str, seeds_path: Path, tmp_path: Path) -> None:
    out = tmp_path / f"{command}.csv"
    assert main([command, str(seeds_path), "--out", str(out), "--no-progress"]) == EXIT_OK
    table = pd.read_csv(out)
    assert len(table) > 0


def test_compare_prints_conflicts_first(seeds_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(seeds_path), "--no-progress"]) == EXIT_OK
    printed = capsys.readouterr().out
    assert printed.index("[conflicting:") < printed.index("[consistent:")


def test_run_writes_every_table(seeds_path: Path, tmp_path: Path) -> None:
    assert main(["run", str(seeds_path), "--out-dir", str(tmp_path), "--no-progress"]) == EXIT_OK
    written = {p.stem for p in tmp_path.glob("*.parquet")}
    assert {"documents", "paragraphs", "figures", "claims", "comparisons", "memberships", "load_report"} <= written


def test_a_missing_path_exits_2_and_names_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["load", str(tmp_path / "nowhere")]) == EXIT_CANNOT_RUN
    assert "nowhere" in capsys.readouterr().err

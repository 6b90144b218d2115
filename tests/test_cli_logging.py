"""The command line is quiet unless asked: no Dask INFO lines without -v."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest

import corpuslab

pytest.importorskip("dask.distributed")


@pytest.mark.parametrize(("verbose", "is_info_shown"), [([], False), (["-v"], True)])
def test_dask_logs_only_with_verbose(seeds_path: Path, verbose: list[str], is_info_shown: bool) -> None:
    command = [sys.executable, "-m", "corpuslab", *verbose, "run", str(seeds_path), "--engine", "dask"]
    done = subprocess.run(
        [*command, "--no-progress", "--no-validate"], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    assert ("INFO distributed." in done.stderr) == is_info_shown


def test_each_stage_logs_its_summary_once(seeds_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    # the claims summary was logged by every partition and again for the corpus
    with caplog.at_level(logging.INFO, logger="corpuslab"):
        corpuslab.run_pipeline(seeds_path, batch_size=2, progress=False)
    said = [r.getMessage().split(":")[0] for r in caplog.records if r.levelno == logging.INFO]
    assert said.count("claims") == 1 and said.count("pipeline") == 1

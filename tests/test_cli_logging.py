"""The command line is quiet unless asked: no Dask INFO lines without -v."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("dask.distributed")


@pytest.mark.parametrize(("verbose", "is_info_shown"), [([], False), (["-v"], True)])
def test_dask_logs_only_with_verbose(seeds_path: Path, verbose: list[str], is_info_shown: bool) -> None:
    command = [sys.executable, "-m", "corpuslab", *verbose, "run", str(seeds_path), "--engine", "dask"]
    done = subprocess.run(
        [*command, "--no-progress", "--no-validate"], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    assert ("INFO distributed." in done.stderr) == is_info_shown

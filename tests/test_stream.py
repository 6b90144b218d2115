"""The streamed pipeline writes the same tables as the in-process one, batch by batch."""

from __future__ import annotations

import itertools
from pathlib import Path

import pandas as pd
import pytest

import corpuslab
from corpuslab import stream
from corpuslab.cli import EXIT_CANNOT_RUN, EXIT_OK, main
from corpuslab.stream import StreamEngine, stream_pipeline

NEWS = Path(__file__).resolve().parents[1] / "data" / "news_articles.jsonl"

KEYS = {
    "claims": ["claim_id"],
    "comparisons": ["claim_id", "figure_id_a", "role_a", "figure_id_b", "role_b"],
    "memberships": ["doc_id", "figure_id", "role"],
}


def _assert_same(local: corpuslab.PipelineResult, streamed: corpuslab.PipelineResult) -> None:
    for name, a in local.tables().items():
        b = streamed.tables()[name]
        if name in KEYS:  # claims come out partition by partition
            a, b = a.sort_values(KEYS[name]), b.sort_values(KEYS[name])
        pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True), obj=name)


def test_streamed_tables_equal_the_in_process_ones(seeds_path: Path, tmp_path: Path) -> None:
    summary = stream_pipeline(seeds_path, tmp_path / "tables", batch_size=2, progress=False)
    assert len(list((tmp_path / "tables" / "figures").glob("part-*.parquet"))) == 3  # five documents, batches of two
    local = corpuslab.run_pipeline(seeds_path, progress=False)
    _assert_same(local, corpuslab.read_pipeline(tmp_path / "tables"))
    assert summary.verdicts == local.claims["verdict"].value_counts().to_dict()


@pytest.mark.skipif(not NEWS.exists(), reason="the real corpus is fetched by benchmarks/corpus.py fetch")
def test_streamed_tables_equal_the_in_process_ones_on_real_news(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sample = tmp_path / "sample.jsonl"
    with NEWS.open(encoding="utf-8") as lines:
        sample.write_text("".join(itertools.islice(lines, 150)), encoding="utf-8")
    monkeypatch.setattr(stream, "STATEMENTS_PER_PARTITION", 200)  # several claims partitions, as on a large corpus
    stream_pipeline(sample, tmp_path / "tables", batch_size=40, progress=False)
    assert len(list((tmp_path / "tables" / "claims").glob("part-*.parquet"))) > 3
    _assert_same(corpuslab.run_pipeline(sample, progress=False), corpuslab.read_pipeline(tmp_path / "tables"))


def test_the_shuffle_puts_each_event_whole_in_one_partition(tmp_path: Path) -> None:
    frames = [pd.DataFrame({"event_id": [f"e{i % 7}" for i in range(start, start + 30)], "n": 1}) for start in (0, 5)]
    with StreamEngine(statements_per_partition=10) as engine:
        shuffled = engine.gather(engine.shuffle(engine.map(lambda frame: frame, frames), on="event_id"))
    assert len(shuffled) > 1 and sum(len(f) for f in shuffled) == 60
    homes = [set(f["event_id"]) for f in shuffled]
    assert all(a.isdisjoint(b) for a, b in itertools.combinations(homes, 2))


def test_streamed_tables_validate(seeds_path: Path, tmp_path: Path) -> None:
    assert (
        main(["run", str(seeds_path), "--stream", "--out-dir", str(tmp_path), "--batch-size", "2", "--no-progress"])
        == EXIT_OK
    )
    assert main(["validate", str(tmp_path), "--no-progress"]) == EXIT_OK


def test_stream_needs_an_out_dir(seeds_path: Path) -> None:
    assert main(["run", str(seeds_path), "--stream", "--no-progress"]) == EXIT_CANNOT_RUN


def test_stream_on_dask_is_refused_not_run_in_process(
    seeds_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["run", str(seeds_path), "--stream", "--engine", "dask", "--out-dir", str(tmp_path / "out"), "--no-progress"]
    assert main(argv) == EXIT_CANNOT_RUN
    assert "--stream runs in this process" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()

"""The streamed pipeline writes the same tables as the in-process one, batch by batch."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import corpuslab
from corpuslab.cli import EXIT_CANNOT_RUN, EXIT_OK, main
from corpuslab.stream import stream_pipeline

KEYS = {
    "claims": ["claim_id"],
    "comparisons": ["claim_id", "figure_id_a", "role_a", "figure_id_b", "role_b"],
    "memberships": ["doc_id", "figure_id", "role"],
}


def test_streamed_tables_equal_the_in_process_ones(seeds_path: Path, tmp_path: Path) -> None:
    summary = stream_pipeline(seeds_path, tmp_path / "tables", batch_size=2, progress=False)
    assert len(list((tmp_path / "tables" / "figures").glob("part-*.parquet"))) == 3  # five documents, batches of two
    streamed = corpuslab.read_pipeline(tmp_path / "tables")
    local = corpuslab.run_pipeline(seeds_path, progress=False)
    for name in ("documents", "paragraphs", "figures", "claims", "comparisons", "memberships"):
        a, b = local.tables()[name], streamed.tables()[name]
        if name in KEYS:  # claims come out partition by partition
            a, b = a.sort_values(KEYS[name]), b.sort_values(KEYS[name])
        pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True), obj=name)
    assert summary.verdicts == local.claims["verdict"].value_counts().to_dict()


def test_streamed_tables_validate(seeds_path: Path, tmp_path: Path) -> None:
    assert (
        main(["run", str(seeds_path), "--stream", "--out-dir", str(tmp_path), "--batch-size", "2", "--no-progress"])
        == EXIT_OK
    )
    assert main(["validate", str(tmp_path), "--no-progress"]) == EXIT_OK


def test_stream_needs_an_out_dir(seeds_path: Path) -> None:
    assert main(["run", str(seeds_path), "--stream", "--no-progress"]) == EXIT_CANNOT_RUN

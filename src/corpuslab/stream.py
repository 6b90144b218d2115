"""The pipeline in bounded memory: documents stream through in batches, tables go to Parquet as they grow.

For corpora larger than memory on one machine. Three passes, each holding one batch or one
partition at a time:

1. Batches of documents are read, split, extracted and turned into statements; documents,
   paragraphs and figures are written as they come. Only a few salient names per document stay in
   memory, for linking stories.
2. Statements are finished (story, ambiguity, interval, claim key) and written to partitions by a
   hash of their claim key, so every claim lands whole in one partition.
3. Each partition's claims and comparisons are built and written; then memberships.

The tables are the same as :func:`corpuslab.run_pipeline`'s (read them back with
:func:`corpuslab.read_pipeline`); only their row order across part files differs for claims and
comparisons. Validation is not part of the stream: run ``corpuslab validate`` on the written tables
if they fit in memory.

Examples
--------
>>> summary = stream_pipeline("data/news_x100.jsonl", "build/tables", batch_size=2000)   # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pandas as pd

from corpuslab import outdir, schema
from corpuslab.compare import (
    IGNORED_COLUMNS,
    Prepared,
    Tolerances,
    assemble_memberships,
    corpus_context,
    finalize,
    finish_statements,
    first_values,
    group_statements,
    link_repeats,
    load_aliases,
    prepare_statements,
)
from corpuslab.extract import extract_figures
from corpuslab.load import Fields, iter_documents, load_report
from corpuslab.progress import bar as progress_bar
from corpuslab.segment import split_paragraphs

log = logging.getLogger(__name__)
# Statements per claims partition: small enough that a partition's records, claims and pairs fit easily.
_STATEMENTS_PER_PARTITION = 20_000


@dataclass
class StreamSummary:
    """What a streamed run wrote, and how much."""

    out_dir: Path
    counts: dict[str, int] = field(default_factory=dict)
    verdicts: dict[str, int] = field(default_factory=dict)


class _Parts:
    """Numbered Parquet part files under ``root/<table>/``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.counts: dict[str, int] = {}

    def write(self, table: str, frame: pd.DataFrame, *, conform: bool = True) -> None:
        if frame.empty:
            return
        folder = self.root / table
        folder.mkdir(parents=True, exist_ok=True)
        n = len(list(folder.glob("part-*.parquet")))
        out = schema.conform(frame, table) if conform and table in schema.TABLES else frame
        out.to_parquet(folder / f"part-{n:05d}.parquet", index=False, engine="pyarrow")
        self.counts[table] = self.counts.get(table, 0) + len(frame)

    def read(self, table: str) -> Iterator[pd.DataFrame]:
        for path in sorted((self.root / table).glob("part-*.parquet")):
            yield pd.read_parquet(path, engine="pyarrow")


def stream_pipeline(
    path: str | Path,
    out_dir: str | Path,
    *,
    batch_size: int = 1000,
    fields: Fields | None = None,
    manifest: str | Path | Literal["auto"] | None = "auto",
    aliases: str | Path | Literal["auto"] | None = "auto",
    tolerances: Tolerances | None = None,
    max_pairs_per_claim: int = 2_000,
    progress: bool | None = None,
    overwrite: bool = False,
    encoding: str = "utf-8",
) -> StreamSummary:
    """Run the pipeline on ``path`` batch by batch, writing every table to ``out_dir/<table>/part-*.parquet``.

    The parts go to a staging folder moved to ``out_dir`` with a completion marker when the run ends
    (:mod:`corpuslab.outdir`); a non-empty ``out_dir`` is replaced only with ``overwrite=True``.

    Returns
    -------
    StreamSummary
        The folder, the rows written per table and the claims by verdict.
    """
    from corpuslab.pipeline import find_aliases

    out = Path(out_dir)
    alias_table = load_aliases(find_aliases(path, aliases))
    with outdir.output_folder(out, fmt="parts", overwrite=overwrite) as staging:
        tables = _Parts(staging)
        work = Path(tempfile.mkdtemp(prefix="corpuslab-stream-"))
        scratch = _Parts(work)
        try:
            contexts = _first_pass(path, tables, scratch, alias_table, batch_size, fields, manifest, progress, encoding)
            stories, ambiguous = corpus_context(contexts, alias_table)
            n_partitions = max(1, -(-scratch.counts.get("statements", 0) // _STATEMENTS_PER_PARTITION))
            for statements in scratch.read("statements"):
                finished = finish_statements(statements, stories=stories, ambiguous=ambiguous, tolerances=tolerances)
                for index, part in finished.groupby(finished["bucket"].map(lambda b: _partition(b, n_partitions))):
                    scratch.write(f"bucket-{index:04d}", part, conform=False)
            verdicts = _claims_pass(tables, scratch, n_partitions, max_pairs_per_claim)
            _memberships_pass(tables, scratch)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    log.info("stream: %s", tables.counts)
    return StreamSummary(out, tables.counts, verdicts)


def _first_pass(
    path: str | Path,
    tables: _Parts,
    scratch: _Parts,
    aliases: object,
    batch_size: int,
    fields: Fields | None,
    manifest: object,
    progress: bool | None,
    encoding: str = "utf-8",
) -> list[Prepared]:
    contexts: list[Prepared] = []
    offset = 0
    report = pd.DataFrame()
    bar = progress_bar(enabled=progress, desc="stream", unit="doc")
    for documents in iter_documents(
        path,
        fields=fields,
        manifest=manifest,
        progress=False,  # type: ignore[arg-type]
        batch_size=batch_size,
        encoding=encoding,
    ):
        report = load_report(documents)
        documents.attrs = {}  # the report is its own table; not a growing copy in every documents part
        figures = extract_figures(documents, progress=False)
        prepared = prepare_statements(figures, documents, aliases, doc_offset=offset)  # type: ignore[arg-type]
        offset += len(documents)
        tables.write("documents", documents)
        tables.write("paragraphs", split_paragraphs(documents))
        tables.write("figures", figures)
        scratch.write("statements", prepared.statements, conform=False)
        scratch.write("ignored", prepared.ignored, conform=False)
        contexts.append(prepared.names_only())  # the corpus-wide step needs the names, not the statements
        bar.update(len(documents))
    bar.close()
    tables.write("load_report", report)
    return contexts


def _partition(bucket: str, n: int) -> int:
    # A stable hash (Python's hash() changes between runs).
    return int.from_bytes(hashlib.blake2b(bucket.encode(), digest_size=4).digest(), "big") % n


def _claims_pass(tables: _Parts, scratch: _Parts, n_partitions: int, max_pairs: int) -> dict[str, int]:
    """Build each partition's claims; write its claims, comparisons and the memberships of its statements.

    Figures in repeated paragraphs are linked afterwards to the claim of the figure they repeat; only the
    documents that have such figures keep a small lookup from this pass.
    """
    with_repeats = {d for part in scratch.read("ignored") for d in part.loc[part["role"] == "repeat", "doc_id"]}
    verdicts: dict[str, int] = {}
    for index in range(n_partitions):
        parts = list(scratch.read(f"bucket-{index:04d}"))
        if not parts:
            continue
        claims, comparisons, stated = group_statements(
            pd.concat(parts, ignore_index=True), max_pairs_per_claim=max_pairs
        )
        final = finalize(claims, comparisons, assemble_memberships(stated, pd.DataFrame(columns=IGNORED_COLUMNS)))
        tables.write("claims", final.claims)
        tables.write("comparisons", final.comparisons)
        tables.write("memberships", final.memberships)
        firsts = first_values(stated)
        scratch.write("firsts", firsts[firsts["doc_id"].isin(with_repeats)], conform=False)
        for verdict, n in final.claims["verdict"].value_counts().items():
            verdicts[str(verdict)] = verdicts.get(str(verdict), 0) + int(n)
    return verdicts


def _memberships_pass(tables: _Parts, scratch: _Parts) -> None:
    """Memberships of the figures that state no claim of their own, batch by batch."""
    parts = list(scratch.read("firsts"))
    firsts = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
    for ignored in scratch.read("ignored"):
        tables.write("memberships", link_repeats(ignored, firsts).sort_values(["doc_id", "figure_id", "role"]))

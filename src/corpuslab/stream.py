"""The pipeline in bounded memory: documents stream through in batches, tables go to Parquet as they grow.

For corpora larger than memory on one machine. The same step functions as every engine
(:mod:`corpuslab.engines`), each holding one batch or one partition at a time:

1. Batches of documents are read and prepared (paragraphs, sentences, figures, statements, event
   features); documents, paragraphs, sentences and figures are written as they come, statements
   to a scratch folder. Only the event features (a sparse row of hashed words per document) stay.
2. Events are found once for the whole corpus and written.
3. Statements get their event and are written to partitions by a hash of ``event_id``, so every
   event lands whole in one partition; each partition's claims, comparisons and memberships are
   built and written.

The tables are the same as :func:`corpuslab.run_pipeline`'s (read them back with
:func:`corpuslab.read_pipeline`); only their row order across part files differs for claims and
comparisons. Validation is not part of the stream: run ``corpuslab validate`` on the written tables.

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
    Events,
    Linking,
    Tolerances,
    assemble_memberships,
    corpus_events,
    finalize,
    first_values,
    link_repeats,
)
from corpuslab.compare.events import EventFeatures
from corpuslab.compare.statements import IGNORED_COLUMNS
from corpuslab.compare.subjects import Aliases
from corpuslab.engines import Options, batches, claims_of_partition, prepare_part, resolve_aliases
from corpuslab.load import Fields
from corpuslab.progress import bar as progress_bar

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
    linking: Linking | None = None,
    event_threshold: float | None = None,
    window_days: int | None = None,
    overwrite: bool = False,
    encoding: str = "utf-8",
    progress: bool | None = None,
) -> StreamSummary:
    """Run the pipeline on ``path`` batch by batch, writing every table to ``out_dir/<table>/part-*.parquet``.

    The parts go to a staging folder moved to ``out_dir`` with a completion marker when the run ends
    (:mod:`corpuslab.outdir`); a non-empty ``out_dir`` is replaced only with ``overwrite=True``.

    Returns
    -------
    StreamSummary
        The folder, the rows written per table and the claims by verdict.
    """
    options = Options(
        fields=fields, manifest=manifest, aliases=aliases, tolerances=tolerances, linking=linking,
        event_threshold=event_threshold, window_days=window_days, batch_size=batch_size, encoding=encoding,
        progress=False,
    )  # fmt: skip
    alias_table = resolve_aliases(path, aliases)
    with outdir.output_folder(out_dir, fmt="parts", overwrite=overwrite) as staging:
        tables = _Parts(staging)
        verdicts = _stream(path, tables, alias_table, options, progress)
    log.info("stream: %s", tables.counts)
    return StreamSummary(Path(out_dir), tables.counts, verdicts)


def _stream(path: str | Path, tables: _Parts, alias_table: Aliases, options: Options, progress: bool | None) -> dict:
    work = Path(tempfile.mkdtemp(prefix="corpuslab-stream-"))
    scratch = _Parts(work)
    try:
        features, report = _first_pass(path, tables, scratch, alias_table, options, progress)
        events = corpus_events(features, threshold=options.event_threshold, window_days=options.window_days)
        tables.write("events", events.table)
        n_partitions = max(1, -(-scratch.counts.get("statements", 0) // _STATEMENTS_PER_PARTITION))
        for statements in scratch.read("statements"):
            with_events = events.of(statements)
            for index, part in with_events.groupby(with_events["event_id"].map(lambda e: _partition(e, n_partitions))):
                scratch.write(f"events-{index:04d}", part, conform=False)
        verdicts = _claims_pass(tables, scratch, n_partitions, events, options)
        _memberships_pass(tables, scratch, events)
        tables.write("load_report", report)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return verdicts


def _first_pass(
    path: str | Path, tables: _Parts, scratch: _Parts, aliases: Aliases, options: Options, progress: bool | None
) -> tuple[list[EventFeatures], pd.DataFrame]:
    features: list[EventFeatures] = []
    report: list[pd.DataFrame] = []
    bar = progress_bar(enabled=progress, desc="stream", unit="doc")
    for documents, offset in batches(path, options, report):
        part = prepare_part(documents, aliases, offset, options.tolerances)
        for name in ("documents", "paragraphs", "sentences", "figures"):
            tables.write(name, getattr(part, name))
        scratch.write("statements", part.prepared.statements, conform=False)
        scratch.write("ignored", part.prepared.ignored, conform=False)
        features.append(part.prepared.features)  # the corpus-wide step needs these, not the statements
        bar.update(len(documents))
    bar.close()
    return features, report[0] if report else pd.DataFrame()


def _partition(key: str, n: int) -> int:
    # A stable hash (Python's hash() changes between runs).
    return int.from_bytes(hashlib.blake2b(str(key).encode(), digest_size=4).digest(), "big") % n


def _claims_pass(
    tables: _Parts, scratch: _Parts, n_partitions: int, events: Events, options: Options
) -> dict[str, int]:
    """Build each partition's claims; write its claims, comparisons and the memberships of its statements.

    Figures in repeated paragraphs are linked afterwards to the claim of the figure they repeat; only the
    documents that have such figures keep a small lookup from this pass.
    """
    with_repeats = {d for part in scratch.read("ignored") for d in part.loc[part["role"] == "repeat", "doc_id"]}
    verdicts: dict[str, int] = {}
    for index in range(n_partitions):
        parts = list(scratch.read(f"events-{index:04d}"))
        if not parts:
            continue
        claims, comparisons, stated = claims_of_partition(pd.concat(parts, ignore_index=True), events.idf, options)
        final = finalize(
            claims, comparisons, assemble_memberships(stated, pd.DataFrame(columns=IGNORED_COLUMNS), events.table),
            events.table,
        )  # fmt: skip
        tables.write("claims", final.claims)
        tables.write("comparisons", final.comparisons)
        tables.write("memberships", final.memberships)
        firsts = first_values(stated)
        scratch.write("firsts", firsts[firsts["doc_id"].isin(with_repeats)], conform=False)
        for verdict, n in final.claims["verdict"].value_counts().items():
            verdicts[str(verdict)] = verdicts.get(str(verdict), 0) + int(n)
    return verdicts


def _memberships_pass(tables: _Parts, scratch: _Parts, events: Events) -> None:
    """Memberships of the figures that state no claim of their own, batch by batch."""
    parts = list(scratch.read("firsts"))
    firsts = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
    event_of = dict(zip(events.table["doc_id"], events.table["event_id"], strict=True))
    for ignored in scratch.read("ignored"):
        rows = link_repeats(ignored, firsts).assign(event_id=lambda f: f["doc_id"].map(event_of))
        tables.write("memberships", rows.sort_values(["doc_id", "figure_id", "role"]))

"""One run order for every engine: the stage functions in sequence, written once.

An engine supplies only how work is spread (:class:`Engine`): ``map`` a function over partitions,
``gather`` results back, ``shuffle`` statement partitions so that each event lands whole in one
partition. :func:`run_stages` is the pipeline, the same for the in-process engine
(:class:`LocalEngine`), the Dask engine (:class:`corpuslab.distributed.DaskEngine`) and the
streamed one (:class:`corpuslab.stream.StreamEngine`):

1. read the corpus in batches (the loader's own code, so the load report is the same);
2. per batch: paragraphs, sentences, figures, statements and event features;
3. once, for the whole corpus: events (and the word weights the claims step uses);
4. per batch: each statement gets its event; statements are shuffled on ``event_id``;
5. per event partition: claims, comparisons, memberships.

Defaults live in :class:`Options`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

import pandas as pd

from corpuslab.compare import (
    Events,
    Linking,
    Prepared,
    Tolerances,
    assemble_memberships,
    claims_of_events,
    corpus_events,
    finalize,
    load_aliases,
    prepare_batch,
)
from corpuslab.compare.claims import MAX_PAIRS_PER_CLAIM
from corpuslab.compare.subjects import Aliases
from corpuslab.extract import extract_figures
from corpuslab.load import Fields, iter_documents, load_report
from corpuslab.segment import split_paragraphs, split_sentences

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Options:
    """Every option of a whole-pipeline run, with its default, in one place."""

    fields: Fields | None = None
    manifest: str | Path | Literal["auto"] | None = "auto"
    aliases: str | Path | Literal["auto"] | None = "auto"
    tolerances: Tolerances | None = None
    linking: Linking | None = None
    event_threshold: float | None = None
    window_days: int | None = None
    max_pairs_per_claim: int = MAX_PAIRS_PER_CLAIM
    batch_size: int = 1000
    encoding: str = "utf-8"
    progress: bool | None = None


class Engine(Protocol):
    """How an engine spreads work; every engine runs :func:`run_stages`."""

    def map(self, func: Callable[..., Any], items: Iterable[Any], *args: Any) -> list[Any]:
        """Apply ``func(item, *args)`` to every item; return handles to the results."""

    def gather(self, handles: list[Any]) -> list[Any]:
        """The results behind handles, here."""

    def shuffle(self, handles: list[Any], *, on: str) -> list[Any]:
        """Repartition frames so that all rows with one value of ``on`` are in one partition."""


class LocalEngine:
    """Everything in this process; a handle is the result itself."""

    def map(self, func: Callable[..., Any], items: Iterable[Any], *args: Any) -> list[Any]:
        return [func(item, *args) for item in items]

    def gather(self, handles: list[Any]) -> list[Any]:
        return list(handles)

    def shuffle(self, handles: list[Any], *, on: str) -> list[Any]:
        frames = [f for f in handles if len(f)]
        return [pd.concat(frames, ignore_index=True)] if frames else []


@dataclass
class Part:
    """One batch of documents after the per-batch stages."""

    documents: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    figures: pd.DataFrame
    prepared: Prepared


def prepare_part(documents: pd.DataFrame, aliases: Aliases, offset: int, tolerances: Tolerances | None) -> Part:
    """Step 2, on one batch: paragraphs, sentences, figures, statements and event features."""
    paragraphs = split_paragraphs(documents)
    figures = extract_figures(documents, progress=False)
    return Part(
        documents,
        paragraphs,
        split_sentences(documents, paragraphs=paragraphs),
        figures,
        prepare_batch(figures, documents, aliases, doc_offset=offset, tolerances=tolerances),
    )


def features_of(part: Part) -> Any:
    return part.prepared.features


def statements_with_events(part: Part, events: Events) -> pd.DataFrame:
    """Step 4, on one batch: each statement's event."""
    return events.of(part.prepared.statements)


def claims_of_partition(statements: pd.DataFrame, idf: Any, options: Options) -> tuple[pd.DataFrame, ...]:
    """Step 5, on one partition holding whole events."""
    return claims_of_events(statements, idf, linking=options.linking, max_pairs_per_claim=options.max_pairs_per_claim)


def batches(path: str | Path, options: Options, report: list[pd.DataFrame]) -> Iterator[tuple[pd.DataFrame, int]]:
    """Step 1: the corpus in batches, each with its first document's position; the load report is kept."""
    offset = 0
    for batch in iter_documents(
        path,
        fields=options.fields,
        manifest=options.manifest,
        encoding=options.encoding,
        progress=options.progress,
        batch_size=options.batch_size,
    ):
        report[:] = [load_report(batch)]
        batch.attrs = {}  # the report travels once, from here; not with every partition
        yield batch, offset
        offset += len(batch)


def run_stages(engine: Engine, path: str | Path, options: Options, aliases: Aliases) -> dict[str, pd.DataFrame]:
    """The pipeline, the same for every engine; return every table by name."""
    report: list[pd.DataFrame] = []
    parts = engine.map(
        lambda item, *rest: prepare_part(item[0], aliases, item[1], options.tolerances), batches(path, options, report)
    )
    events = corpus_events(
        engine.gather(engine.map(features_of, parts)),
        threshold=options.event_threshold,
        window_days=options.window_days,
    )
    shuffled = engine.shuffle(engine.map(statements_with_events, parts, events), on="event_id")
    results = engine.gather(engine.map(claims_of_partition, shuffled, events.idf, options))
    local = engine.gather(engine.map(_tables_of, parts))
    claims = _concat([r[0] for r in results])
    comparisons = _concat([r[1] for r in results])
    stated = _concat([r[2] for r in results])
    if stated.empty:
        stated = _concat([p["statements"] for p in local]).assign(claim_id=None, event_id=None)
    ignored = _concat([p["ignored"] for p in local])
    compared = finalize(claims, comparisons, assemble_memberships(stated, ignored, events.table), events.table)
    tables = {name: _concat([p[name] for p in local]) for name in ("documents", "paragraphs", "sentences", "figures")}
    return {
        **tables,
        "events": compared.events,
        "claims": compared.claims,
        "comparisons": compared.comparisons,
        "memberships": compared.memberships,
        "load_report": report[0] if report else pd.DataFrame(),
    }


def _tables_of(part: Part) -> dict[str, pd.DataFrame]:
    """What the driver keeps of a batch: its tables, not the statements already used."""
    return {
        "documents": part.documents,
        "paragraphs": part.paragraphs,
        "sentences": part.sentences,
        "figures": part.figures,
        "ignored": part.prepared.ignored,
        "statements": part.prepared.statements.iloc[0:0],
    }


def resolve_aliases(path: str | Path, aliases: str | Path | Literal["auto"] | None) -> Aliases:
    """``aliases="auto"``: the corpus folder's ``aliases.csv``, if it has one."""
    if aliases == "auto":
        candidate = Path(path) / "aliases.csv"
        return load_aliases(candidate if Path(path).is_dir() and candidate.is_file() else None)
    return load_aliases(None if aliases is None else Path(aliases))


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    frames = [f for f in frames if len(f.columns)]
    if not frames:
        return pd.DataFrame()
    non_empty = [f for f in frames if len(f)]
    return pd.concat(non_empty or frames[:1], ignore_index=True)

"""One run order for every engine: the stage functions in sequence, written once.

An engine supplies only how work is spread (:class:`Engine`): ``map`` a function over batches or
partitions (returning handles), ``gather`` results back, ``shuffle`` statement partitions so that
each event lands whole in one partition. A sink (:class:`Sink`) takes the finished tables piece by
piece. :func:`run_stages` is the pipeline, the same for the in-process engine (:class:`LocalEngine`),
the Dask engine (:class:`corpuslab.distributed.DaskEngine`), both collecting the tables in memory
(:class:`Collector`), and the streamed one (:class:`corpuslab.stream.StreamEngine`, whose handles
are scratch files, writing Parquet parts as it goes):

1. read the corpus in batches (the loader's own code, so the load report is the same);
2. per batch: paragraphs, sentences, figures, statements and event features (:func:`prepare_part`);
3. once, for the whole corpus: events (and the word weights the claims step uses);
4. per batch: each statement gets its event; statements are shuffled on ``event_id``;
5. per event partition: claims, comparisons, the memberships of its statements (:func:`claims_of_partition`);
6. per batch: its documents, paragraphs, sentences and figures, and the memberships of the figures
   that state no claim of their own (:func:`finish_part`).

Defaults live in :class:`Options`.
"""

from __future__ import annotations

import dataclasses
import difflib
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol, TypedDict, TypeVar

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
    first_values,
    link_repeats,
    load_aliases,
    prepare_batch,
)
from corpuslab.compare.claims import MAX_PAIRS_PER_CLAIM
from corpuslab.compare.events import EventFeatures
from corpuslab.compare.statements import IGNORED_COLUMNS
from corpuslab.compare.subjects import Aliases
from corpuslab.errors import OptionError
from corpuslab.extract import extract_figures
from corpuslab.extract.dollars import AUTO, DollarTally, check_dollars, is_auto
from corpuslab.load import Fields, iter_documents, load_report
from corpuslab.progress import quiet
from corpuslab.segment import split_paragraphs, split_sentences

log = logging.getLogger(__name__)
# How alike a mistyped option must be to a real one to be suggested ("windows_days" is; "validate" is not "aliases").
_CLOSE_NAME = 0.8
T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
# Every table a run gives, in pipeline order; a batch's own tables once its figures' claims are known.
TABLES = ("documents", "paragraphs", "sentences", "figures", "events", "claims", "comparisons", "memberships",
          "load_report")  # fmt: skip
FINISHED = ("documents", "paragraphs", "sentences", "figures", "memberships")
_NO_IGNORED = pd.DataFrame(columns=IGNORED_COLUMNS)
_NO_EVENTS = pd.DataFrame(columns=["doc_id", "event_id"])


@dataclass(frozen=True)
class Options:
    """Every option of a whole-pipeline run, with its default, in one place.

    :func:`corpuslab.run_pipeline` and :func:`corpuslab.stream.stream_pipeline` take these as keyword
    arguments (:class:`RunOptions`) and pass on only those given, so no other signature repeats a default.

    Attributes
    ----------
    fields
        Which input keys hold text, id, title, date, outlet, url and event id (None: the default keys).
    manifest
        A ``sources.csv`` merged by ``doc_id``; ``"auto"``: the corpus folder's own; None: none.
    aliases
        A CSV of name variants (``kind,alias,canonical``); ``"auto"``: the corpus folder's ``aliases.csv``.
    dollar
        What a bare "$", "dollars" or "cents" means: "auto" (default): each outlet's dollar guessed from the
        countries its articles name, in a first pass over the corpus (:mod:`corpuslab.extract.dollars`);
        one dollar for the whole corpus ("USD", "AUD", ...); or a mapping of outlet to dollar.
    tolerances, linking
        How wide a figure's interval is, and how much context links two figures (None: the compare defaults).
    event_threshold, window_days
        How similar, and how many days apart, documents of one event are (None: the compare defaults).
    max_pairs_per_claim
        Above this many pairs, a claim's statements are compared with its median statement only.
    batch_size
        Documents per batch (None: 1000; 200 on Dask, where more partitions spread over more workers).
    encoding
        Encoding of the article files.
    progress
        Show progress bars (None: when writing to a terminal).
    """

    fields: Fields | None = None
    manifest: str | Path | Literal["auto"] | None = "auto"
    aliases: str | Path | Literal["auto"] | None = "auto"
    dollar: str | Mapping[str, str] = AUTO
    tolerances: Tolerances | None = None
    linking: Linking | None = None
    event_threshold: float | None = None
    window_days: int | None = None
    max_pairs_per_claim: int = MAX_PAIRS_PER_CLAIM
    batch_size: int | None = None
    encoding: str = "utf-8"
    progress: bool | None = None

    @classmethod
    def given(cls, caller: str, options: Mapping[str, Any], *, own: tuple[str, ...] = ()) -> Options:
        """The options a caller was given, or an :class:`OptionError` naming the unknown one and the known ones
        (``own``: the caller's own keyword arguments, named in the message too)."""
        known = [f.name for f in dataclasses.fields(cls)]
        for name in options:
            if name not in known:
                near = difflib.get_close_matches(name, [*own, *known], n=1, cutoff=_CLOSE_NAME)
                hint = f" Did you mean {near[0]!r}?" if near else ""
                listed = ", ".join([*own, *known])
                raise OptionError(f"{caller}() has no option {name!r}.{hint} Its options are: {listed}.")
        given = cls(**options)
        # Before the corpus is read, not at its first document; "aud" is "AUD".
        return dataclasses.replace(given, dollar=check_dollars(given.dollar))

    def batch_size_on(self, engine: str) -> int:
        """Documents per batch on ``engine`` (an engine's ``name``)."""
        return self.batch_size or (200 if engine == "dask" else 1000)


class RunOptions(TypedDict, total=False):
    """:class:`Options` as keyword arguments: what a caller names is passed on, the rest keeps its default."""

    fields: Fields | None
    manifest: str | Path | Literal["auto"] | None
    aliases: str | Path | Literal["auto"] | None
    dollar: str | Mapping[str, str]
    tolerances: Tolerances | None
    linking: Linking | None
    event_threshold: float | None
    window_days: int | None
    max_pairs_per_claim: int
    batch_size: int | None
    encoding: str
    progress: bool | None


class Engine(Protocol):
    """How an engine spreads work; every engine runs :func:`run_stages`."""

    name: str

    def map(self, func: Callable[..., Any], items: Iterable[Any], *args: Any) -> list[Any]:
        """Apply ``func(item, *args)`` to every item; return handles to the results."""

    def gather(self, handles: list[Any]) -> list[Any]:
        """The results behind handles, here."""

    def shuffle(self, handles: list[Any], *, on: str) -> list[Any]:
        """Repartition frames so that all rows with one value of ``on`` are in one partition."""


class LocalEngine:
    """Everything in this process; a handle is the result itself."""

    name = "local"

    def map(self, func: Callable[..., Any], items: Iterable[Any], *args: Any) -> list[Any]:
        return [func(item, *args) for item in items]

    def gather(self, handles: list[Any]) -> list[Any]:
        return list(handles)

    def shuffle(self, handles: list[Any], *, on: str) -> list[Any]:
        frames = [f for f in handles if len(f)]
        return [pd.concat(frames, ignore_index=True)] if frames else []


class Sink(Protocol[T_co]):
    """Where finished tables go, piece by piece; ``close`` gives what the run returns."""

    def write(self, table: str, frame: pd.DataFrame) -> None:
        """Take one piece of ``table`` (a batch's rows, or a partition's)."""

    def close(self) -> T_co:
        """Every piece is written; return what the caller gets."""


class Collector:
    """The in-memory sink: every table whole, in its canonical order, as :func:`run_stages` returns it."""

    def __init__(self) -> None:
        self.pieces: dict[str, list[pd.DataFrame]] = {}

    def write(self, table: str, frame: pd.DataFrame) -> None:
        self.pieces.setdefault(table, []).append(frame)

    def close(self) -> dict[str, pd.DataFrame]:
        tables = {name: _concat(self.pieces.get(name, [])) for name in TABLES}
        # Partitions come back in any order; the compare tables get one order for the whole corpus.
        compared = finalize(tables["claims"], tables["comparisons"], tables["memberships"], tables["events"])
        log.info("claims: %d claims, %d comparisons", len(compared.claims), len(compared.comparisons))
        return {**tables, **compared._asdict()}


@dataclass
class Part:
    """One batch of documents after the per-batch stages."""

    documents: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    figures: pd.DataFrame
    prepared: Prepared


def prepare_part(
    batch: tuple[pd.DataFrame, int], aliases: Aliases, tolerances: Tolerances | None, dollar: str | Mapping[str, str]
) -> Part:
    """Step 2, on one batch: paragraphs, sentences, figures, statements and event features."""
    documents, offset = batch
    paragraphs = split_paragraphs(documents)
    figures = extract_figures(documents, progress=False, dollar=dollar)
    return Part(
        documents,
        paragraphs,
        split_sentences(documents, paragraphs=paragraphs),
        figures,
        prepare_batch(figures, documents, aliases, doc_offset=offset, tolerances=tolerances),
    )


def features_of(part: Part) -> EventFeatures:
    """What the corpus-wide step needs of a batch (no text)."""
    return part.prepared.features


def repeating_documents(part: Part) -> set[str]:
    """The batch's documents with figures in repeated paragraphs: only their values are looked up later."""
    ignored = part.prepared.ignored
    return set(ignored.loc[ignored["role"] == "repeat", "doc_id"])


def statements_with_events(part: Part, events: Events) -> pd.DataFrame:
    """Step 4, on one batch: each statement's event."""
    return events.of(part.prepared.statements)


def claims_of_partition(
    statements: pd.DataFrame, events: Events, options: Options, repeating: set[str]
) -> dict[str, pd.DataFrame]:
    """Step 5, on one partition holding whole events: its claims, comparisons and the memberships of its
    statements, and the values that figures in repeated paragraphs may point back to (``firsts``)."""
    claims, comparisons, stated = claims_of_events(
        statements, events.idf, linking=options.linking, max_pairs_per_claim=options.max_pairs_per_claim
    )
    # The statements carry their event already: no figure without a statement here, no event lookup.
    final = finalize(claims, comparisons, assemble_memberships(stated, _NO_IGNORED, _NO_EVENTS), _NO_EVENTS)
    firsts = first_values(stated)
    return {
        "claims": final.claims,
        "comparisons": final.comparisons,
        "memberships": final.memberships,
        "firsts": firsts[firsts["doc_id"].isin(repeating)],
    }


def firsts_of(compared: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """What the driver gathers of a partition: the small lookup for repeated figures, not its claims."""
    return compared["firsts"]


def finish_part(part: Part, events: Events, firsts: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Step 6, on one batch: its tables, and the memberships of its figures that state no claim of their own."""
    rest = link_repeats(part.prepared.ignored, firsts)
    rest = rest.assign(event_id=events.event_ids(rest["doc_id"])).sort_values(["doc_id", "figure_id", "role"])
    return {
        "documents": part.documents,
        "paragraphs": part.paragraphs,
        "sentences": part.sentences,
        "figures": part.figures,
        "memberships": rest,
    }


def batches(
    path: str | Path, options: Options, report: list[pd.DataFrame], *, batch_size: int
) -> Iterator[tuple[pd.DataFrame, int]]:
    """Step 1: the corpus in batches, each with its first document's position; the load report is kept."""
    offset = 0
    for batch in iter_documents(
        path,
        fields=options.fields,
        manifest=options.manifest,
        encoding=options.encoding,
        progress=options.progress,
        batch_size=batch_size,
    ):
        report[:] = [load_report(batch)]
        batch.attrs = {}  # the report travels once, from here; not with every partition
        yield batch, offset
        offset += len(batch)


def corpus_dollars(path: str | Path, options: Options) -> str | Mapping[str, str]:
    """Step 1b: what a bare "$" means, per outlet when ``dollar="auto"``: a first pass loads the corpus once
    more and counts the countries its texts name (quietly: the pass that keeps the tables gives its warnings)."""
    if not is_auto(options.dollar):
        return options.dollar
    tally = DollarTally()
    silent = dataclasses.replace(options, progress=False)
    with quiet("corpuslab.load"):
        for batch, _ in batches(path, silent, [], batch_size=options.batch_size_on("in-process")):
            tally.add(batch)
    return tally.dollars()


def run_stages(engine: Engine, path: str | Path, options: Options, aliases: Aliases, sink: Sink[T]) -> T:
    """The pipeline, the same for every engine: write every table to ``sink``; return what it gives on closing.

    The driver holds only what the corpus-wide steps need: the event features, the events and the
    values that repeated figures point back to. Every table reaches ``sink`` one handle at a time.
    """
    report: list[pd.DataFrame] = []
    documents = batches(path, options, report, batch_size=options.batch_size_on(engine.name))
    parts = engine.map(prepare_part, documents, aliases, options.tolerances, corpus_dollars(path, options))
    events = corpus_events(
        engine.gather(engine.map(features_of, parts)),
        threshold=options.event_threshold,
        window_days=options.window_days,
    )
    sink.write("events", events.table)
    repeating: set[str] = set().union(*engine.gather(engine.map(repeating_documents, parts)))
    statements = engine.shuffle(engine.map(statements_with_events, parts, events), on="event_id")
    compared = engine.map(claims_of_partition, statements, events, options, repeating)
    _drain(engine, compared, sink, ("claims", "comparisons", "memberships"))
    firsts = _concat(engine.gather(engine.map(firsts_of, compared)))
    _drain(engine, engine.map(finish_part, parts, events, firsts), sink, FINISHED)
    if report:
        sink.write("load_report", report[0])
    return sink.close()


def _drain(engine: Engine, handles: list[Any], sink: Sink[Any], tables: tuple[str, ...]) -> None:
    """Bring results back one handle at a time, so the driver holds one batch or partition; each table to the sink."""
    for handle in handles:
        (result,) = engine.gather([handle])
        for table in tables:
            sink.write(table, result[table])


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

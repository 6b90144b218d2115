"""Compare stage: figures -> statements -> events -> links -> claims (with verdicts and reasons).

The stage is cut in the order its data flows; a reader follows one figure from its statement
(:mod:`.statements`) to its event (:mod:`.events`), its candidate pairs and links (:mod:`.links`),
its claim (:mod:`.claims`) and the claim's verdict (:mod:`.verdicts`). Statements and event
features are computed per batch of documents; events are found once for the whole corpus; claims
are built one event at a time. Every engine runs these same steps (:mod:`corpuslab.engines`).

Examples
--------
>>> tables = build_claims(figures, documents)            # doctest: +SKIP
>>> tables.claims.sort_values("verdict").head()           # doctest: +SKIP
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from corpuslab import schema
from corpuslab.compare.claims import MAX_PAIRS_PER_CLAIM, VERDICT_ORDER, event_claims
from corpuslab.compare.events import EventFeatures, event_features, find_events, idf_weights, publication_days
from corpuslab.compare.intervals import Tolerances
from corpuslab.compare.links import Linking
from corpuslab.compare.statements import IGNORED_COLUMNS, document_statements, statements_frame
from corpuslab.compare.subjects import Aliases, load_aliases
from corpuslab.errors import SchemaError

log = logging.getLogger(__name__)

__all__ = [
    "ClaimTables",
    "Events",
    "Linking",
    "Prepared",
    "Tolerances",
    "assemble_memberships",
    "build_claims",
    "claims_of_events",
    "corpus_events",
    "finalize",
    "first_values",
    "link_repeats",
    "load_aliases",
    "prepare_batch",
]


class ClaimTables(NamedTuple):
    """The tables the compare stage builds."""

    claims: pd.DataFrame
    comparisons: pd.DataFrame
    memberships: pd.DataFrame
    events: pd.DataFrame


@dataclass
class Prepared:
    """One batch of documents, ready for the corpus-wide step: statements, figures that state none,
    and the documents' event features (small: no text)."""

    statements: pd.DataFrame
    ignored: pd.DataFrame
    features: EventFeatures


@dataclass
class Events:
    """What the corpus-wide step decided: the events table, and the word weights it learnt."""

    table: pd.DataFrame
    idf: np.ndarray

    @cached_property
    def _by_document(self) -> pd.Series:
        # Built once, not per batch: every batch looks its documents up in the whole corpus's table.
        return pd.Series(self.table["event_id"].to_numpy(), index=self.table["doc_id"].to_numpy())

    def event_ids(self, doc_ids: pd.Series) -> pd.Series:
        """Each document's event id."""
        return doc_ids.map(self._by_document)

    def of(self, statements: pd.DataFrame) -> pd.DataFrame:
        """The statements with their documents' event ids."""
        return statements.assign(event_id=self.event_ids(statements["doc_id"]))


def build_claims(
    figures: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    aliases: str | Path | Aliases | None = None,
    tolerances: Tolerances | None = None,
    linking: Linking | None = None,
    event_threshold: float | None = None,
    window_days: int | None = None,
    max_pairs_per_claim: int = MAX_PAIRS_PER_CLAIM,
) -> ClaimTables:
    """Find the events, and in each the figures from different outlets that state the same fact; judge them.

    Parameters
    ----------
    figures, documents
        The extract and load stages' tables (``outlet`` names each source; a document without one is
        its own source, named by its ``doc_id``; an ``event_id`` column, when filled, gives events).
    aliases
        A CSV of name variants and noun classes (``kind,alias,canonical``) added to the built-in one.
    tolerances
        How wide a figure's interval is (see :class:`Tolerances`).
    linking
        How much shared context links two statements (see :class:`Linking`).
    event_threshold, window_days
        How similar documents must be to be one event, and how far apart in days they may be.
    max_pairs_per_claim
        Above this many pairs, a claim's statements are compared with its median statement only.

    Returns
    -------
    ClaimTables
        ``claims`` (one row per claim, conflicts first), ``comparisons`` (one row per pair of
        statements from different sources inside a claim), ``memberships`` (one row per figure and
        role) and ``events`` (one row per document).
    """
    _require(
        figures, ["figure_id", "doc_id", "kind", "value", "sentence_index"], "figures", "corpuslab.extract_figures()"
    )
    _require(documents, ["doc_id", "text"], "documents", "corpuslab.load_documents()")
    alias_table = aliases if isinstance(aliases, Aliases) else load_aliases(aliases)
    prepared = prepare_batch(figures, documents, alias_table, tolerances=tolerances)
    events = corpus_events([prepared.features], threshold=event_threshold, window_days=window_days)
    claims, comparisons, stated = claims_of_events(
        events.of(prepared.statements), events.idf, linking=linking, max_pairs_per_claim=max_pairs_per_claim
    )
    memberships = assemble_memberships(stated, prepared.ignored, events.table)
    log.info("claims: %d claims, %d comparisons", len(claims), len(comparisons))
    return finalize(claims, comparisons, memberships, events.table)


def prepare_batch(
    figures: pd.DataFrame,
    documents: pd.DataFrame,
    aliases: Aliases,
    *,
    doc_offset: int = 0,
    tolerances: Tolerances | None = None,
) -> Prepared:
    """Turn a batch of documents' figures into statements and event features (batches run apart).

    ``doc_offset`` is the batch's first document's position in the corpus, so statements keep their
    corpus order whichever batch they were prepared in.
    """
    texts = dict(zip(documents["doc_id"], documents["text"], strict=True))
    outlets = dict(zip(documents["doc_id"], documents["outlet"], strict=True)) if "outlet" in documents else {}
    rank = {doc_id: doc_offset + i for i, doc_id in enumerate(documents["doc_id"])}
    days = dict(zip(documents["doc_id"], publication_days(documents), strict=True))
    rows: list[dict[str, object]] = []
    members: list[dict[str, object]] = []
    by_document: dict[str, list[dict[str, object]]] = {}
    for record in figures.to_dict("records"):  # plain records: per-document pandas indexing costs more than the work
        by_document.setdefault(str(record["doc_id"]), []).append(record)
    for doc_id, group in by_document.items():
        if doc_id not in texts:
            raise SchemaError(
                f"figures name document {doc_id!r}, which is not in the documents table; "
                "pass the documents the figures were extracted from."
            )
        found, ignored = document_statements(
            group, texts[doc_id], aliases, source=_source(doc_id, outlets), doc_rank=rank[doc_id], day=days[doc_id]
        )
        rows.extend(found)
        members.extend(ignored)
    return Prepared(
        statements_frame(rows, tolerances=tolerances),
        pd.DataFrame(members, columns=IGNORED_COLUMNS),
        event_features(documents),
    )


def corpus_events(
    features: list[EventFeatures], *, threshold: float | None = None, window_days: int | None = None
) -> Events:
    """The corpus-wide step: every document's event, and the corpus's word weights."""
    from corpuslab.compare import events as E

    whole = EventFeatures.concat(features)
    idf = idf_weights(whole.matrix)
    table = find_events(
        whole,
        threshold=E.THRESHOLD if threshold is None else threshold,
        window_days=E.WINDOW_DAYS if window_days is None else window_days,
        idf=idf,
    )
    return Events(table, idf)


def claims_of_events(
    statements: pd.DataFrame,
    idf: np.ndarray,
    *,
    linking: Linking | None = None,
    max_pairs_per_claim: int = MAX_PAIRS_PER_CLAIM,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Claims and comparisons of statements that hold whole events (a partition shuffled on ``event_id``)."""
    if statements.empty:
        return pd.DataFrame(), pd.DataFrame(), statements.assign(claim_id=None)
    return event_claims(statements, idf, linking=linking, max_pairs_per_claim=max_pairs_per_claim)


def finalize(
    claims: pd.DataFrame, comparisons: pd.DataFrame, memberships: pd.DataFrame, events: pd.DataFrame
) -> ClaimTables:
    """Order the tables canonically (conflicts first) and apply their schemas."""
    claims = _sorted(claims)
    if len(comparisons):
        comparisons = comparisons.sort_values(["claim_id", "figure_id_a", "role_a", "figure_id_b", "role_b"])
    if len(memberships):
        memberships = memberships.sort_values(["doc_id", "figure_id", "role"])
    return ClaimTables(
        _conform(claims, "claims"), _conform(comparisons, "comparisons"), _conform(memberships, "memberships"),
        _conform(events, "events"),
    )  # fmt: skip


def _conform(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    return schema.conform(frame, table)[schema.TABLES[table].names] if len(frame) else schema.empty(table)


def _require(frame: pd.DataFrame, columns: list[str], name: str, producer: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise SchemaError(
            f"build_claims needs the {name} table; missing columns {missing}. Pass the output of {producer}."
        )


def _source(doc_id: str, outlets: dict[str, object]) -> str:
    outlet = outlets.get(doc_id)
    return outlet if isinstance(outlet, str) and outlet.strip() else doc_id


def assemble_memberships(statements: pd.DataFrame, ignored: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """One row per figure and role: statements with their claim, and the figures that state none."""
    stated = statements[
        ["figure_id", "doc_id", "role", "claim_id", "event_id", "source", "low", "high", "time", "place", "anchor"]
    ].rename(columns={"time": "scope_time", "place": "scope_place", "low": "interval_low", "high": "interval_high"})
    rest = link_repeats(ignored, first_values(statements))
    rest["event_id"] = rest["doc_id"].map(dict(zip(events["doc_id"], events["event_id"], strict=True)))
    return pd.concat([stated, rest], ignore_index=True) if len(rest) else stated


def first_values(statements: pd.DataFrame) -> pd.DataFrame:
    """What :func:`link_repeats` needs of the statements: each value's document, reading, claim and place."""
    return statements.loc[
        statements["role"] == "value", ["doc_id", "surface", "value", "unit", "claim_id", "doc_rank", "start"]
    ]


def link_repeats(ignored: pd.DataFrame, firsts: pd.DataFrame) -> pd.DataFrame:
    """Memberships of the figures that state no claim: a figure in a repeated paragraph belongs to the claim
    of the first figure of its document with the same surface, value and unit.

    ``firsts`` (:func:`first_values`) may come in any order, as from a shuffled engine: the first is
    taken by ``doc_rank`` and ``start``.
    """
    keys = ["doc_id", "surface", "value", "unit"]
    if firsts.empty or ignored.empty:
        return ignored[["figure_id", "doc_id", "role"]].assign(claim_id=None)
    firsts = firsts.sort_values(["doc_rank", "start"], kind="stable")[[*keys, "claim_id"]].drop_duplicates(keys)
    repeats = ignored[ignored["role"] == "repeat"].merge(firsts, on=keys, how="left")
    return ignored[["figure_id", "doc_id", "role"]].merge(
        repeats[["figure_id", "claim_id"]], on="figure_id", how="left"
    )


def _sorted(claims: pd.DataFrame) -> pd.DataFrame:
    if claims.empty:
        return claims
    order = claims["verdict"].map(VERDICT_ORDER)
    return (
        claims.assign(_o=order)
        .sort_values(["_o", "n_sources", "claim_id"], ascending=[True, False, True])
        .drop(columns="_o")
    )

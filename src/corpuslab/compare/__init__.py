"""Compare stage: figures -> claims (with verdicts and reasons), comparisons and memberships.

Examples
--------
>>> tables = build_claims(figures, documents)            # doctest: +SKIP
>>> tables.claims.sort_values("verdict").head()           # doctest: +SKIP
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from corpuslab import schema
from corpuslab.compare.claims import VERDICT_ORDER, add_keys, group_statements
from corpuslab.compare.intervals import Tolerances, intervals
from corpuslab.compare.scope import link_stories
from corpuslab.compare.statements import document_statements, statements_frame
from corpuslab.compare.subjects import Aliases, ambiguous_names, load_aliases, normalise_name
from corpuslab.errors import SchemaError
from corpuslab.progress import bar as progress_bar

log = logging.getLogger(__name__)

__all__ = [
    "ClaimTables",
    "Prepared",
    "Tolerances",
    "assemble_memberships",
    "build_claims",
    "corpus_context",
    "finalize",
    "finish_statements",
    "first_values",
    "group_statements",
    "link_repeats",
    "load_aliases",
    "prepare_statements",
]


class ClaimTables(NamedTuple):
    """The three tables the compare stage builds."""

    claims: pd.DataFrame
    comparisons: pd.DataFrame
    memberships: pd.DataFrame


def build_claims(
    figures: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    aliases: str | Path | Aliases | None = None,
    tolerances: Tolerances | None = None,
    max_pairs_per_claim: int = 2_000,
    progress: bool | None = None,
) -> ClaimTables:
    """Group the figures that state the same measure of the same subject in the same scope, and judge them.

    Parameters
    ----------
    figures, documents
        The extract and load stages' tables (``outlet`` names each source; a document without one is
        its own source, named by its ``doc_id``).
    aliases
        A CSV of name variants, noun classes and ambiguous names (``kind,alias,canonical``) added to
        the built-in one, or an :class:`Aliases`.
    tolerances
        Interval widths for approximate and exact figures (defaults: 10 % and 0.5 %).
    max_pairs_per_claim
        Above this many pairs, a claim's statements are compared with its median statement only.

    Returns
    -------
    ClaimTables
        ``claims`` (one row per claim, conflicts first), ``comparisons`` (one row per pair of
        statements from different sources inside a claim) and ``memberships`` (one row per
        figure and role: every figure leads to its claim, or says why it has none).
    """
    _require(figures, schema.FIGURES.names, "figures", "corpuslab.extract_figures()")
    _require(documents, ["doc_id", "text"], "documents", "corpuslab.load_documents()")
    alias_table = aliases if isinstance(aliases, Aliases) else load_aliases(aliases)
    prepared = prepare_statements(figures, documents, alias_table, progress=progress)
    stories, ambiguous = corpus_context([prepared], alias_table)
    statements = finish_statements(prepared.statements, stories=stories, ambiguous=ambiguous, tolerances=tolerances)
    claims, comparisons, statements = group_statements(statements, max_pairs_per_claim=max_pairs_per_claim)
    return finalize(claims, comparisons, assemble_memberships(statements, prepared.ignored))


@dataclass
class Prepared:
    """A batch of documents' statements, the figures that state none, and each document's salient names."""

    statements: pd.DataFrame
    ignored: pd.DataFrame
    salient: dict[str, list[str]]

    def names_only(self) -> Prepared:
        """Just what :func:`corpus_context` reads (the names), in fresh small objects.

        A column selected from the statements could keep the whole table alive; a plain list does not.
        """
        anchors = pd.DataFrame({"anchor": list(self.statements["anchor"].dropna().unique())})
        return Prepared(anchors, pd.DataFrame(columns=IGNORED_COLUMNS), dict(self.salient))


IGNORED_COLUMNS = ["figure_id", "doc_id", "role", "surface", "value", "unit"]


def prepare_statements(
    figures: pd.DataFrame,
    documents: pd.DataFrame,
    aliases: Aliases,
    *,
    doc_offset: int = 0,
    progress: bool | None = False,
) -> Prepared:
    """Turn a batch of documents' figures into statements (per document; partitions can run apart).

    ``doc_offset`` is the batch's first document's position in the corpus, so statements keep their
    corpus order whichever batch they were prepared in.
    """
    texts = dict(zip(documents["doc_id"], documents["text"], strict=True))
    rank = {doc_id: doc_offset + i for i, doc_id in enumerate(documents["doc_id"])}
    outlets = dict(zip(documents["doc_id"], documents["outlet"], strict=True)) if "outlet" in documents else {}
    rows: list[dict[str, object]] = []
    members: list[dict[str, object]] = []
    salient: dict[str, list[str]] = {}
    for doc_id, group in _progress(figures.groupby("doc_id", sort=False), progress):
        if doc_id not in texts:
            raise SchemaError(
                f"figures name document {doc_id!r}, which is not in the documents table; "
                "pass the documents the figures were extracted from."
            )
        found, ignored, context = document_statements(group, texts[doc_id], aliases, doc_rank=rank[doc_id])
        source = _source(doc_id, outlets)
        rows.extend({**r, "source": source} for r in found)
        what = group.set_index("figure_id")[["surface", "value", "unit"]]
        members.extend({**m, **what.loc[m["figure_id"]].to_dict()} for m in ignored)
        salient[doc_id] = context.salient
    return Prepared(statements_frame(rows), pd.DataFrame(members, columns=IGNORED_COLUMNS), salient)


def corpus_context(batches: list[Prepared], aliases: Aliases) -> tuple[dict[str, str], set[str]]:
    """What only the whole corpus tells: each document's story and which names are ambiguous."""
    salient: dict[str, list[str]] = {}
    anchors: set[str] = set()
    for batch in batches:
        salient.update(batch.salient)
        anchors.update(batch.statements["anchor"].dropna().unique().tolist())
    ambiguous = set(ambiguous_names(anchors)) | {normalise_name(a) for a in aliases.ambiguous}
    return link_stories(salient), ambiguous


def finish_statements(
    statements: pd.DataFrame, *, stories: dict[str, str], ambiguous: set[str], tolerances: Tolerances | None = None
) -> pd.DataFrame:
    """Add each statement's story, ambiguity and interval (row by row: partitions can run apart)."""
    statements = statements.reset_index(drop=True)
    statements["story"] = statements["doc_id"].map(stories)
    statements["is_ambiguous"] = statements["anchor_key"].isin(ambiguous)
    return add_keys(pd.concat([statements, intervals(statements, tolerances=tolerances)], axis=1))


def finalize(claims: pd.DataFrame, comparisons: pd.DataFrame, memberships: pd.DataFrame) -> ClaimTables:
    """Order the tables canonically (conflicts first) and apply their schemas."""
    claims = _sorted(claims)
    if len(comparisons):
        comparisons = comparisons.sort_values(["claim_id", "figure_id_a", "role_a", "figure_id_b", "role_b"])
    if len(memberships):
        memberships = memberships.sort_values(["doc_id", "figure_id", "role"])
    log.info("claims: %d claims, %d comparisons", len(claims), len(comparisons))
    return ClaimTables(
        schema.conform(claims, "claims") if len(claims) else schema.empty("claims"),
        schema.conform(comparisons, "comparisons") if len(comparisons) else schema.empty("comparisons"),
        schema.conform(memberships, "memberships") if len(memberships) else schema.empty("memberships"),
    )


def _require(frame: pd.DataFrame, columns: list[str], name: str, producer: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise SchemaError(
            f"build_claims needs the {name} table; missing columns {missing}. Pass the output of {producer}."
        )


def _source(doc_id: str, outlets: dict[str, object]) -> str:
    outlet = outlets.get(doc_id)
    return outlet if isinstance(outlet, str) and outlet.strip() else doc_id


def assemble_memberships(statements: pd.DataFrame, ignored: pd.DataFrame) -> pd.DataFrame:
    """One row per figure and role: statements with their claim, and the figures that state none."""
    stated = statements[
        ["figure_id", "doc_id", "role", "claim_id", "source", "low", "high", "subject_key", "time", "place"]
    ].rename(
        columns={"time": "scope_time", "place": "scope_place", "low": "interval_low", "high": "interval_high"}
    )
    return pd.concat([stated, link_repeats(ignored, first_values(statements))], ignore_index=True)


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


def _progress(groups: object, progress: bool | None) -> object:
    return progress_bar(groups, enabled=progress, desc="claims", unit="doc")

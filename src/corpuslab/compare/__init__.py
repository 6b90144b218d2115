"""Compare stage: figures -> claims (with verdicts and reasons), comparisons and memberships.

Examples
--------
>>> tables = build_claims(figures, documents)            # doctest: +SKIP
>>> tables.claims.sort_values("verdict").head()           # doctest: +SKIP
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from corpuslab import schema
from corpuslab.compare.claims import VERDICT_ORDER, group_statements
from corpuslab.compare.intervals import Tolerances, intervals
from corpuslab.compare.scope import link_stories
from corpuslab.compare.statements import document_statements, statements_frame
from corpuslab.compare.subjects import Aliases, ambiguous_names, load_aliases, normalise_name
from corpuslab.errors import SchemaError

log = logging.getLogger(__name__)

__all__ = ["ClaimTables", "Tolerances", "build_claims", "load_aliases"]


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
    max_pairs_per_claim: int = 10_000,
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
        statements from different documents inside a claim) and ``memberships`` (one row per
        figure and role: every figure leads to its claim, or says why it has none).
    """
    _require(figures, schema.FIGURES.names, "figures", "corpuslab.extract_figures()")
    _require(documents, ["doc_id", "text"], "documents", "corpuslab.load_documents()")
    alias_table = aliases if isinstance(aliases, Aliases) else load_aliases(aliases)
    texts = documents.set_index("doc_id")["text"]
    outlets = documents.set_index("doc_id")["outlet"] if "outlet" in documents.columns else pd.Series(dtype=str)
    rows, members, salient = [], [], {}
    for doc_id, group in _progress(figures.groupby("doc_id", sort=True), progress):
        if doc_id not in texts.index:
            raise SchemaError(
                f"figures name document {doc_id!r}, which is not in the documents table; "
                "pass the documents the figures were extracted from."
            )
        found, ignored, context = document_statements(group, texts[doc_id], alias_table)
        rows.extend(found)
        members.extend(ignored)
        salient[doc_id] = context.salient
    statements = statements_frame(rows)
    stories = link_stories(salient)
    statements["story"] = statements["doc_id"].map(stories)
    statements["source"] = statements["doc_id"].map(lambda d: _source(d, outlets))
    statements["is_ambiguous"] = _ambiguous(statements, alias_table)
    statements = pd.concat([statements, intervals(statements, tolerances=tolerances)], axis=1)
    claims, comparisons, statements = group_statements(statements, max_pairs_per_claim=max_pairs_per_claim)
    memberships = _memberships(statements, members, figures)
    claims = _sorted(claims)
    log.info("claims: %d claims from %d statements", len(claims), len(statements))
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


def _source(doc_id: str, outlets: pd.Series) -> str:
    outlet = outlets.get(doc_id)
    return outlet if isinstance(outlet, str) and outlet.strip() else doc_id


def _ambiguous(statements: pd.DataFrame, aliases: Aliases) -> pd.Series:
    """Names that could mean several numbered names in the corpus, or that the alias file says are."""
    anchors = statements["anchor"].dropna().unique().tolist()
    ambiguous = set(ambiguous_names(anchors)) | {normalise_name(a) for a in aliases.ambiguous}
    return statements["anchor_key"].isin(ambiguous)


def _memberships(statements: pd.DataFrame, ignored: list[dict[str, object]], figures: pd.DataFrame) -> pd.DataFrame:
    stated = statements[
        ["figure_id", "doc_id", "role", "claim_id", "source", "low", "high", "subject_key", "time", "place"]
    ].rename(columns={"time": "scope_time", "place": "scope_place"})
    others = pd.DataFrame(ignored, columns=["figure_id", "doc_id", "role"])
    # A figure in a repeated paragraph belongs to the claim of the figure it repeats.
    repeats = others[others["role"] == "repeat"].merge(
        figures[["figure_id", "surface", "value", "unit"]], on="figure_id"
    )
    firsts = stated[stated["role"] == "value"].merge(figures[["figure_id", "surface", "value", "unit"]], on="figure_id")
    linked = repeats.merge(
        firsts[["doc_id", "surface", "value", "unit", "claim_id"]].drop_duplicates(
            ["doc_id", "surface", "value", "unit"]
        ),
        on=["doc_id", "surface", "value", "unit"],
        how="left",
    )
    others = others.merge(linked[["figure_id", "claim_id"]], on="figure_id", how="left")
    return pd.concat([stated, others], ignore_index=True).sort_values(["doc_id", "figure_id", "role"])


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
    from tqdm.auto import tqdm

    disable = (not sys.stderr.isatty()) if progress is None else not progress
    return tqdm(groups, desc="claims", unit="doc", disable=disable, leave=False)

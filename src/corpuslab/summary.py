"""Small per-document and per-stage summaries for the CLI and notebooks."""

from __future__ import annotations

import re

import pandas as pd


def summarize_documents(documents: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Return one row per document: outlet, title, size and how many paragraphs are flagged.

    Returns
    -------
    pandas.DataFrame
        One row per document, indexed by ``doc_id``.
    """
    flags = (
        paragraphs.assign(is_flagged=paragraphs["is_boilerplate"] | paragraphs["is_repeat"])
        .groupby("doc_id")
        .agg(
            n_paragraphs=("paragraph_index", "size"),
            n_boilerplate=("is_boilerplate", "sum"),
            n_repeat=("is_repeat", "sum"),
            n_flagged=("is_flagged", "sum"),
        )
    )
    table = documents.set_index("doc_id")[["outlet", "title", "published", "n_words"]].join(flags)
    counts = ["n_paragraphs", "n_boilerplate", "n_repeat", "n_flagged"]
    table[counts] = table[counts].fillna(0).astype("int64")
    table["title"] = shorten(table["title"], 48)
    return table


def shorten(texts: pd.Series, width: int) -> pd.Series:
    """Cut each text to at most ``width`` characters, ending a cut one with "…" so it reads as cut.

    Examples
    --------
    >>> shorten(pd.Series(["Gas exports rose", "Oil"]), 10).tolist()
    ['Gas expor…', 'Oil']
    """
    cut = texts.str.len() > width
    return texts.where(~cut, texts.str.slice(0, width - 1).str.rstrip() + "…")


def summarize_figures(figures: pd.DataFrame) -> pd.DataFrame:
    """Return one row per figure counted by the claims stage, readable: where, what, how much.

    Figures in boilerplate or repeated paragraphs are left out (they are in the figures table,
    flagged). Values are shown in the unit as written (``30 years``, ``50 bcm``, ``USD 84.5/barrel``), or
    in display units (``50 bcm/y``, ``USD 250 bn``) when a figure has no written unit.
    """
    from corpuslab.units import format_figure

    kept = figures[~(figures["is_boilerplate"] | figures["is_repeat"])]
    shown = kept[["doc_id", "surface", "kind", "bound", "subject"]].copy()
    written = kept.get("value_as_written", pd.Series([None] * len(kept), index=kept.index))
    written_unit = kept.get("unit_as_written", pd.Series([None] * len(kept), index=kept.index))
    shown["value"] = [
        format_figure(v, u, value_as_written=w, unit_as_written=wu, currency=c if isinstance(c, str) else None)
        for v, u, w, wu, c in zip(kept["value"], kept["unit"], written, written_unit, kept["currency"], strict=True)
    ]
    shown["subject"] = shown["subject"].fillna("")
    return shown[["doc_id", "surface", "kind", "value", "bound", "subject"]].reset_index(drop=True)


def summarize_claims(claims: pd.DataFrame, *, min_sources: int = 2) -> pd.DataFrame:
    """Return the claims stated by at least ``min_sources`` sources: verdict, subject, scope and reason.

    Conflicts come first (the claims table's order).
    """
    shown = claims[claims["n_sources"] >= min_sources]
    return shown[["verdict", "reason_code", "subject", "measure", "scope", "n_sources", "reason"]].reset_index(
        drop=True
    )


# A subject that is itself a figure ("$150", "1", "0 Minutes") names nothing to keep apart.
_FIGURE_LIKE = re.compile(r"^\W*\d|^[$€£¥]")
_WORDING_PER_CLAIM = 3


def summarize_look_alikes(claims: pd.DataFrame, memberships: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """Return the look-alikes kept apart: one value of one subject and measure, in one event, stated by
    different outlets in different scopes, and so in different claims.

    Subjects that are themselves a figure ("$150", "1") name nothing and are left out; claims repeated
    with the same scope, sources and interval are shown once. The groups that span the most outlets,
    then the most scopes, come first.

    Returns
    -------
    pandas.DataFrame
        One row per claim kept apart from a look-alike: ``subject``, ``measure``, ``event_id``,
        ``scope``, ``verdict``, ``sources``, ``n_outlets`` (its group's), ``wording`` (each outlet's
        figures as written) and ``claim_id``.
    """
    key = ["event_id", "subject", "measure"]
    columns = ["subject", "measure", "event_id", "scope", "verdict", "sources", "n_outlets", "wording", "claim_id"]
    named = claims[claims["subject"].notna() & ~claims["subject"].astype(str).str.match(_FIGURE_LIKE)]
    named = named.drop_duplicates([*key, "scope", "sources", "interval_low", "interval_high"])
    stated = memberships.loc[memberships["role"] == "value", ["claim_id", "figure_id", "source"]].merge(
        figures[["figure_id", "value", "surface"]], on="figure_id"
    )
    stated = stated.merge(named[[*key, "claim_id", "scope"]], on="claim_id").dropna(subset=["value"])
    pairs = stated.merge(stated, on=[*key, "value"], suffixes=("_a", "_b"))
    pairs = pairs[(pairs["scope_a"] < pairs["scope_b"]) & (pairs["source_a"] != pairs["source_b"])]
    kept = named[named["claim_id"].isin(set(pairs["claim_id_a"]) | set(pairs["claim_id_b"]))]
    if kept.empty:
        return pd.DataFrame(columns=columns)
    outlets = kept.assign(outlet=kept["sources"].str.split(", ")).explode("outlet")
    groups = outlets.groupby(key, dropna=False).agg(n_outlets=("outlet", "nunique"), n_scopes=("scope", "nunique"))
    kept = kept.merge(groups.reset_index(), on=key)
    said = stated.drop_duplicates(["claim_id", "source", "surface"])
    wording = (
        (said["source"].astype(str) + ": “" + said["surface"].astype(str) + "”")
        .groupby(said["claim_id"])
        .agg(lambda said: "; ".join(said.head(_WORDING_PER_CLAIM)) + ("; …" if len(said) > _WORDING_PER_CLAIM else ""))
    )
    kept = kept.assign(wording=kept["claim_id"].map(wording).fillna(""))
    kept = kept.sort_values(
        ["n_outlets", "n_scopes", "subject", "event_id", "scope"], ascending=[False, False, True, True, True]
    )
    return kept[columns].reset_index(drop=True)

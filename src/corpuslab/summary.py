"""Small per-document and per-stage summaries for the CLI and notebooks."""

from __future__ import annotations

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
    table["title"] = table["title"].str.slice(0, 48)
    return table


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

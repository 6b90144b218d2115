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

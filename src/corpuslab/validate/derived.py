"""Columns that let Great Expectations' built-in checks see across tables.

Each function takes the pipeline's tables and returns one table with extra checkable columns, so a
suite can say "every figure's surface is the text at its offsets" with a plain
``expect_column_values_to_be_in_set``. Pure pandas; no Great Expectations here.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from corpuslab.segment import paragraph_key
from corpuslab.units import LOST_CURRENCY


def documents_checked(
    documents: pd.DataFrame, paragraphs: pd.DataFrame, *, manifest_outlets: set[str] | None = None
) -> pd.DataFrame:
    """Documents with ``is_outlet_known`` (None without a manifest) and ``n_unflagged_repeats``."""
    out = documents.copy()
    if manifest_outlets is None:
        out["is_outlet_known"] = None
    else:
        out["is_outlet_known"] = [o is None or o != o or o in manifest_outlets for o in out["outlet"]]
    out["n_unflagged_repeats"] = out["doc_id"].map(_unflagged_repeats(paragraphs)).fillna(0).astype("int64")
    return out


def _unflagged_repeats(paragraphs: pd.DataFrame) -> pd.Series:
    """Per document, paragraphs whose text (case and punctuation folded) repeats an earlier one unflagged."""
    keys = paragraphs["text"].map(paragraph_key)
    repeated = keys.groupby([paragraphs["doc_id"], keys]).cumcount() > 0
    unflagged = repeated & ~paragraphs["is_repeat"] & (keys != "")
    return unflagged.groupby(paragraphs["doc_id"]).sum()


def paragraphs_checked(paragraphs: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Paragraphs with ``is_text_at_offsets``: the paragraph is the document text at its offsets."""
    out = paragraphs.copy()
    ordered = out["start"] < out["end"]
    out["is_text_at_offsets"] = _slices_match(out, documents, "text").astype(object).where(ordered, None)
    return out


def figures_checked(figures: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Figures with ``is_surface_at_offsets`` and ``is_inside_document``."""
    out = figures.copy()
    texts = _texts(documents)
    # float64, not the ids' dtype: mapping an empty id column keeps it str, and str <= int cannot compare.
    lengths = out["doc_id"].map({d: len(t) if isinstance(t, str) else -1 for d, t in texts.items()}).astype("float64")
    inside = (out["start"] >= 0) & (out["start"] < out["end"]) & (out["end"] <= lengths)
    out["is_inside_document"] = inside
    # Only spans inside the text are compared to it: a bad offset is reported once, by its own check.
    out["is_surface_at_offsets"] = _slices_match(out, documents, "surface").astype(object).where(inside, None)
    return out


def claims_checked(claims: pd.DataFrame, memberships: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """Claims with ``n_units``: distinct units among the figures that state them (one, always; a plain number
    is compared as a count, and money whose sign was lost in the text as the claim's currency)."""
    out = claims.copy()
    units = figures[["figure_id", "unit"]].assign(unit=figures["unit"].replace({"number": "count"}))
    members = memberships.dropna(subset=["claim_id"]).merge(units, on="figure_id")
    members = members[members["role"].isin(["value", "earlier_value"])]
    is_lost = members["unit"].astype(str).str.startswith(LOST_CURRENCY)
    known = members["unit"].where(~is_lost).groupby(members["claim_id"]).nunique()
    lost_only = is_lost.groupby(members["claim_id"]).all()
    out["n_units"] = out["claim_id"].map(known.where(~lost_only, 1)).fillna(0).astype("int64")
    return out


def _slices_match(rows: pd.DataFrame, documents: pd.DataFrame, column: str) -> pd.Series:
    texts = _texts(documents)
    return pd.Series(
        [
            isinstance(texts.get(d), str) and texts[d][s:e] == v
            for d, s, e, v in zip(rows["doc_id"], rows["start"], rows["end"], rows[column], strict=True)
        ],
        index=rows.index,
        dtype=bool,
    )


def _texts(documents: pd.DataFrame) -> dict[str, object]:
    # A plain dict, not an index: the table under test may have duplicate ids (that is what it checks).
    return dict(zip(documents["doc_id"], documents["text"], strict=True))


CHECKED_TABLES = frozenset({"documents", "paragraphs", "figures", "claims", "comparisons", "memberships"})


def checked_tables(
    tables: Mapping[str, pd.DataFrame], *, manifest_outlets: set[str] | None = None
) -> dict[str, pd.DataFrame]:
    """Every table a suite may check, with its derived columns."""
    from corpuslab.errors import SchemaError

    missing = [t for t in ("documents", "paragraphs", "figures", "claims", "memberships") if t not in tables]
    if missing:
        raise SchemaError(f"validation needs the tables {missing}; pass corpuslab.run_pipeline()'s result.")
    documents = tables["documents"]
    return {
        "documents": documents_checked(documents, tables["paragraphs"], manifest_outlets=manifest_outlets),
        "paragraphs": paragraphs_checked(tables["paragraphs"], documents),
        "figures": figures_checked(tables["figures"], documents),
        "claims": claims_checked(tables["claims"], tables["memberships"], tables["figures"]),
        "comparisons": tables.get("comparisons", pd.DataFrame()),
        "memberships": tables["memberships"],
    }

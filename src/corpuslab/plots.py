"""Charts of the pipeline's tables: each function takes tables and returns a matplotlib Figure.

Nothing here shows or saves a chart; notebooks display the Figure, scripts call ``fig.savefig``.
Colours are the Okabe-Ito palette (safe for colour-blind readers) and mean the same verdict in
every chart. matplotlib is imported only when a chart is drawn.

Examples
--------
>>> fig = plot_claims(result.claims, result.memberships, result.figures)   # doctest: +SKIP
>>> fig.savefig("build/claims.png")                                          # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from corpuslab.units import display_scale

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

VERDICT_COLORS = {
    "conflicting": "#D55E00",  # vermillion
    "not_comparable": "#E69F00",  # orange
    "consistent": "#009E73",  # bluish green
    "single_source": "#999999",  # grey
}
STATUS_COLORS = {"passed": "#009E73", "finding": "#E69F00", "error": "#D55E00"}
KIND_COLOR = "#0072B2"  # blue
FLAGGED_COLOR = "#E69F00"  # orange
# Every chart is drawn at this dpi and kept within one screen: a reader scrolls past a chart, never
# inside one (a 1,000 px chart fits a laptop screen with the page around it).
REPORT_DPI = 100
MAX_HEIGHT_PX = 1000
MAX_WIDTH_PX = 1300
# Notebooks show a Figure saved with bbox_inches="tight", which pads 0.1 in on each side.
_TIGHT_PAD_INCHES = 0.2
MAX_HEIGHT_INCHES = MAX_HEIGHT_PX / REPORT_DPI - _TIGHT_PAD_INCHES
MAX_WIDTH_INCHES = MAX_WIDTH_PX / REPORT_DPI - _TIGHT_PAD_INCHES
# Tick labels are 7-8 pt (about 0.11 in); rows closer than this would print labels on top of each other.
_SOURCE_INCHES = 0.15  # one source inside a claim's row
_CLAIM_OVERHEAD_INCHES = 0.5  # a claim row's title and x axis
_MATRIX_ROW_INCHES = 0.3
_MATRIX_COLUMN_INCHES = 0.3  # vertical 8 pt labels keep clear of each other
_DOCUMENT_ROW_INCHES = 0.3
# Above this many documents (or outlets) a chart shows a distribution and the top outlets instead of
# one bar each.
TOP_OUTLETS = 15
_SOURCES_PER_CLAIM = 12
_WIDTH = 10.0


def _new(rows: float, *, width: float = _WIDTH, **kwargs: object) -> tuple[Figure, object]:
    from matplotlib.figure import Figure as MplFigure

    height = min(max(2.5, rows), MAX_HEIGHT_INCHES)
    fig = MplFigure(figsize=(min(width, MAX_WIDTH_INCHES), height), dpi=REPORT_DPI, layout="constrained")
    return fig, fig.subplots(**kwargs)


def _fits(row_inches: float, overhead: float) -> int:
    """How many rows of ``row_inches`` fit in one screen beside ``overhead`` inches of titles and legends."""
    return max(1, int((MAX_HEIGHT_INCHES - overhead) // row_inches))


def _multi_source(claims: pd.DataFrame, min_sources: int, max_claims: int) -> pd.DataFrame:
    """The claims a chart shows: stated by ``min_sources`` or more, the first ``max_claims`` (conflicts first)."""
    return claims[claims["n_sources"] >= min_sources].head(max_claims)


def claim_rows(
    claims: pd.DataFrame,
    memberships: pd.DataFrame,
    figures: pd.DataFrame,
    *,
    min_sources: int = 2,
    max_claims: int = 50,
) -> pd.DataFrame:
    """The statements drawn by :func:`plot_claims`: one row per statement of the claims shown.

    Returns columns claim_id, claim (label), verdict, unit, source, value, interval_low, interval_high, bound, shape
    (``point``, ``bar``, ``right`` or ``left``), ordered as the chart shows them.
    """
    shown = _multi_source(claims, min_sources, max_claims)
    stated = memberships[
        memberships["claim_id"].isin(shown["claim_id"]) & memberships["role"].isin(["value", "earlier_value"])
    ]
    what = figures[["figure_id", "value", "from_value", "bound", "currency", "range_low", "range_high"]]
    rows = stated.merge(what, on="figure_id", how="left")
    earlier = rows["role"] == "earlier_value"
    rows["value"] = np.where(earlier, rows["from_value"], rows["value"])
    rows["bound"] = np.where(earlier, "exact", rows["bound"])
    rows["is_range"] = ~earlier & rows["range_low"].notna()
    rows = rows.merge(shown[["claim_id", "subject", "scope", "verdict", "unit", "measure"]], on="claim_id")
    rows["claim"] = rows["subject"] + " · " + rows["measure"].str.replace("_", " ") + " · " + rows["scope"]
    rows["shape"] = [_shape(b, r) for b, r in zip(rows["bound"], rows["is_range"], strict=True)]
    order = {c: i for i, c in enumerate(shown["claim_id"])}
    rows["_order"] = rows["claim_id"].map(order)
    columns = [
        "claim_id",
        "claim",
        "verdict",
        "unit",
        "currency",
        "source",
        "value",
        "interval_low",
        "interval_high",
        "bound",
        "shape",
    ]
    return rows.sort_values(["_order", "source"])[columns].reset_index(drop=True)


def _shape(bound: str, is_range: bool) -> str:
    if bound in ("over", "at_least"):
        return "right"
    if bound in ("under", "at_most"):
        return "left"
    return "bar" if bound == "approximate" or is_range else "point"


def plot_claims(
    claims: pd.DataFrame,
    memberships: pd.DataFrame,
    figures: pd.DataFrame,
    *,
    min_sources: int = 2,
    max_claims: int = 50,
) -> Figure:
    """Draw each multi-source claim as a row and each outlet's figure as its interval, coloured by verdict.

    Points are exact values, bars ranges and approximate values, arrows open bounds ("over 20");
    each row has its own axis in the claim's unit, so rows in bcm/y and in documents sit together.
    """
    rows = claim_rows(claims, memberships, figures, min_sources=min_sources, max_claims=max_claims)
    n_multi = int((claims["n_sources"] >= min_sources).sum())
    ids, heights = _claims_that_fit(rows)
    if not ids:
        fig, ax = _new(2.5)
        ax.text(0.5, 0.5, "no claim is stated by two or more sources", ha="center", va="center")
        ax.set_axis_off()
        fig.suptitle("Cross-source claims")
        return fig
    fig, axes = _new(
        sum(heights) + _CLAIMS_FRAME_INCHES,
        nrows=len(ids),
        ncols=1,
        squeeze=False,
        gridspec_kw={"height_ratios": heights},
    )
    for ax, claim_id in zip(axes[:, 0], ids, strict=True):
        _draw_claim(ax, rows[rows["claim_id"] == claim_id])
    _verdict_legend(fig, set(rows.loc[rows["claim_id"].isin(ids), "verdict"]))
    shown = f"the first {len(ids)} of {n_multi} (conflicts first)" if len(ids) < n_multi else "each row a claim"
    fig.suptitle(f"Cross-source claims: {shown}; each mark an outlet's figure", fontsize=12)
    return fig


_CLAIMS_FRAME_INCHES = 1.2  # the title and the legend


def _claims_that_fit(rows: pd.DataFrame) -> tuple[list[str], list[float]]:
    """The claims, in order, whose rows fit one screen, and each row's height (more sources, taller)."""
    budget = MAX_HEIGHT_INCHES - _CLAIMS_FRAME_INCHES
    ids: list[str] = []
    heights: list[float] = []
    n_sources = rows.groupby("claim_id", sort=False)["source"].nunique()
    for claim_id, n in n_sources.items():
        height = _CLAIM_OVERHEAD_INCHES + _SOURCE_INCHES * min(n, _SOURCES_PER_CLAIM)
        if sum(heights) + height > budget and ids:
            break
        ids.append(str(claim_id))
        heights.append(height)
    return ids, heights


def _draw_claim(ax: Axes, rows: pd.DataFrame) -> None:
    all_sources = list(dict.fromkeys(rows["source"]))
    sources = all_sources[:_SOURCES_PER_CLAIM]
    rows = rows[rows["source"].isin(sources)]
    first = rows.iloc[0]
    finite = (
        pd.concat([rows["value"], rows["interval_low"], rows["interval_high"]])
        .replace([np.inf, -np.inf], np.nan)
        .dropna()
    )
    factor, label = display_scale(
        first["unit"],
        float(finite.abs().max() or 1.0),
        currency=first["currency"] if isinstance(first["currency"], str) else None,
    )
    color = VERDICT_COLORS[first["verdict"]]
    span = (finite.max() - finite.min()) / factor or abs(finite.max() / factor) or 1.0
    for row in rows.itertuples(index=False):
        y = sources.index(row.source)
        value, low, high = row.value / factor, row.interval_low / factor, row.interval_high / factor
        if row.shape == "point":
            ax.plot([value], [y], "o", color=color, markersize=6)
        elif row.shape == "bar":
            ax.plot([low, high], [y, y], "-", color=color, linewidth=5, solid_capstyle="butt", alpha=0.8)
            ax.plot([value], [y], "|", color="black", markersize=9)
        else:
            # An "up to" arrow stops at the interval's floor: "up to 25 people" never points below zero.
            tip = value + 0.25 * span if row.shape == "right" else max(value - 0.25 * span, low)
            ax.annotate(
                "",
                xy=(tip, y),
                xytext=(value, y),
                arrowprops={"arrowstyle": "-|>", "color": color, "lw": 2},
            )
            ax.plot([value], [y], "o", color=color, markersize=4)
    ax.set_yticks(range(len(sources)), [_short(s, 22) for s in sources], fontsize=7)
    ax.set_ylim(-0.7, len(sources) - 0.3)
    low_x, high_x = finite.min() / factor, finite.max() / factor
    pad = 0.35 * (high_x - low_x) or 0.2 * abs(high_x) or 1.0
    # Values that are all zero or more (counts, volumes) keep an axis that starts at zero at the lowest.
    ax.set_xlim(max(low_x - pad, 0.0) if low_x >= 0 else low_x - pad, high_x + pad)
    ax.set_xlabel(label, fontsize=8, labelpad=1)
    ax.tick_params(axis="x", labelsize=7)
    _readable_ticks(ax.xaxis)
    more = len(all_sources) - len(sources)
    title = _short(first["claim"], 90) + (f" (+{more} more sources)" if more else "")
    ax.set_title(title, fontsize=8.5, loc="left", pad=2)
    ax.text(
        1.0,
        1.02,
        first["verdict"].replace("_", " "),
        transform=ax.transAxes,
        ha="right",
        va="bottom",
        fontsize=8,
        color=color,
        fontweight="bold",
    )
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _verdict_legend(fig: Figure, verdicts: set[str]) -> None:
    from matplotlib.lines import Line2D

    handles = [
        Line2D([], [], color=VERDICT_COLORS[v], marker="o", linewidth=4, label=v.replace("_", " "))
        for v in VERDICT_COLORS
        if v in verdicts
    ]
    handles += [
        Line2D([], [], color="black", marker="o", linestyle="", label="exact value"),
        Line2D([], [], color="black", linewidth=4, label="range or approximate"),
        Line2D([], [], color="black", marker=">", linestyle="-", label="open bound (over, up to)"),
    ]
    fig.legend(handles=handles, loc="outside lower center", ncols=min(len(handles), 4), fontsize=8, frameon=False)


def plot_agreement_matrix(
    claims: pd.DataFrame, memberships: pd.DataFrame, *, min_sources: int = 2, max_claims: int = 50
) -> Figure:
    """Draw claims (rows) by outlets (columns): a cell is coloured by the claim's verdict where the outlet
    states it, blank where it does not.

    At most as many claims as fit one screen are drawn, and the outlets stating the most of them; the
    rest share one column ("N other sources"), coloured where any of them states the claim.
    """
    from matplotlib.colors import ListedColormap

    frame = 2.2  # title, outlet labels, legend
    n_multi = int((claims["n_sources"] >= min_sources).sum())
    shown = _multi_source(claims, min_sources, min(max_claims, _fits(_MATRIX_ROW_INCHES, frame)))
    stated = memberships[memberships["claim_id"].isin(shown["claim_id"])].dropna(subset=["source"])
    pairs = stated[["claim_id", "source"]].drop_duplicates()
    room = int((MAX_WIDTH_INCHES - 4.5) // _MATRIX_COLUMN_INCHES)
    ranked = pairs["source"].value_counts(sort=False).sort_index().sort_values(ascending=False, kind="stable")
    top = list(ranked.index[: room - 1] if len(ranked) > room else ranked.index)
    others = len(ranked) - len(top)
    columns = [_short(s, 18) for s in top] + ([f"{others} other sources"] if others else [])
    verdicts = list(VERDICT_COLORS)
    grid = np.full((len(shown), max(len(columns), 1)), np.nan)
    row_of = {c: i for i, c in enumerate(shown["claim_id"])}
    col_of = {s: i for i, s in enumerate(top)}
    code_of = {c.claim_id: verdicts.index(c.verdict) for c in shown.itertuples(index=False)}
    for claim_id, source in zip(pairs["claim_id"], pairs["source"], strict=True):
        grid[row_of[claim_id], col_of.get(source, len(top))] = code_of[claim_id]
    width = _MATRIX_COLUMN_INCHES * len(columns) + 4.5
    fig, ax = _new(_MATRIX_ROW_INCHES * len(shown) + frame, width=max(6.0, width))
    ax.imshow(
        grid,
        aspect="auto",
        cmap=ListedColormap([VERDICT_COLORS[v] for v in verdicts]),
        vmin=-0.5,
        vmax=len(verdicts) - 0.5,
        interpolation="nearest",
    )
    ax.set_xticks(range(len(columns)), columns, rotation=90, fontsize=8)
    labels = [_short(f"{c.subject} · {c.scope}", 45) for c in shown.itertuples(index=False)]
    ax.set_yticks(range(len(shown)), labels, fontsize=8)
    ax.set_xlabel("source (outlet, or document when the outlet is unknown)")
    what = f"the first {len(shown)} of {n_multi} claims" if len(shown) < n_multi else "claims"
    ax.set_title(f"Which outlet states which claim ({what}), coloured by the claim's verdict", fontsize=11)
    _verdict_legend_only(fig, set(shown["verdict"]))
    return fig


def _verdict_legend_only(fig: Figure, verdicts: set[str]) -> None:
    from matplotlib.patches import Patch

    handles = [Patch(color=VERDICT_COLORS[v], label=v.replace("_", " ")) for v in VERDICT_COLORS if v in verdicts]
    fig.legend(handles=handles, loc="outside lower center", ncols=len(handles) or 1, fontsize=8, frameon=False)


def plot_documents(documents: pd.DataFrame, paragraphs: pd.DataFrame) -> Figure:
    """Draw how long the documents are, in words, and how much of them the loader flagged.

    A small corpus gets one bar per document; a larger one the distribution of lengths and the
    outlets with the most documents (the rest summed in one bar), so the chart fits one screen.
    """
    kept, flagged = _words_by_document(documents, paragraphs)
    if len(documents) <= _fits(_DOCUMENT_ROW_INCHES, 1.6):
        return _documents_bars(documents, kept, flagged)
    fig, (lengths, outlets) = _new(7.0, width=11.0, ncols=2)
    words = kept.to_numpy()
    lengths.hist(words, bins=np.histogram_bin_edges(words, bins=30, range=(0, max(words.max(), 1))), color=KIND_COLOR)
    lengths.set_xlabel("words of article text per document")
    lengths.set_ylabel("documents")
    lengths.set_ylim(bottom=0)
    lengths.set_xlim(left=0)
    share = flagged.sum() / max(kept.sum() + flagged.sum(), 1)
    lengths.set_title(f"Length of the {len(documents):,} documents ({share:.0%} of words flagged)", fontsize=11)
    _documents_per_outlet(outlets, documents, kept, flagged)
    return fig


def _words_by_document(documents: pd.DataFrame, paragraphs: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Words each document keeps and words the loader flagged, indexed like ``documents``."""
    if paragraphs.empty:
        zero = pd.Series(0, index=documents["doc_id"])
        return zero, zero
    words = paragraphs.groupby(["doc_id", paragraphs["is_boilerplate"] | paragraphs["is_repeat"]])["n_words"].sum()
    table = words.unstack(fill_value=0).reindex(documents["doc_id"], fill_value=0)
    kept = table.get(False, pd.Series(0, index=table.index))
    flagged = table.get(True, pd.Series(0, index=table.index))
    return kept, flagged


def _documents_bars(documents: pd.DataFrame, kept: pd.Series, flagged: pd.Series) -> Figure:
    labels = [
        _short(f"{d} ({o})" if isinstance(o, str) else d, 40)
        for d, o in zip(documents["doc_id"], documents["outlet"], strict=True)
    ]
    fig, ax = _new(_DOCUMENT_ROW_INCHES * len(documents) + 1.6, width=8.0)
    y = _kept_and_flagged(ax, kept, flagged, "article text", "flagged: boilerplate or repeated")
    ax.set_yticks(y, labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("words")
    ax.set_title("Documents: length, and how much the loader flagged", fontsize=11)
    ax.legend(fontsize=8, frameon=False, loc="lower right")
    return fig


def _documents_per_outlet(ax: Axes, documents: pd.DataFrame, kept: pd.Series, flagged: pd.Series) -> None:
    """Words per outlet (kept and flagged) for the outlets with the most documents; the rest in one bar."""
    outlet = documents["outlet"].fillna("(no outlet)").to_numpy()
    words = pd.DataFrame({"outlet": outlet, "kept": kept.to_numpy(), "flagged": flagged.to_numpy()})
    per = words.groupby("outlet").agg(documents=("kept", "size"), kept=("kept", "sum"), flagged=("flagged", "sum"))
    per = per.sort_index().sort_values("documents", ascending=False, kind="stable")
    if len(per) > TOP_OUTLETS:
        rest = per.iloc[TOP_OUTLETS - 1 :]
        per = per.iloc[: TOP_OUTLETS - 1]
        per.loc[f"{len(rest)} other outlets"] = rest.sum()
    labels = [f"{_short(name, 28)} ({n:,})" for name, n in zip(per.index, per["documents"], strict=True)]
    y = _kept_and_flagged(ax, per["kept"], per["flagged"], "article text", "flagged: boilerplate or repeated")
    ax.set_yticks(y, labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("words")
    ax.set_title("Words per outlet, most documents first (documents)", fontsize=11)
    # Below the panels, never over a bar.
    ax.figure.legend(*ax.get_legend_handles_labels(), loc="outside lower center", ncols=2, fontsize=8, frameon=False)


def plot_figure_kinds(figures: pd.DataFrame) -> Figure:
    """Draw how many figures of each kind the corpus holds (flagged ones counted apart)."""
    flagged = figures["is_boilerplate"] | figures["is_repeat"]
    counts = pd.crosstab(figures["kind"], flagged).reindex(columns=[False, True], fill_value=0)
    counts = counts.loc[counts.sum(axis=1).sort_values().index]
    fig, ax = _new(0.3 * len(counts) + 1.6, width=8.0)
    y = _kept_and_flagged(ax, counts[False], counts[True], "counted", "in boilerplate or repeated text")
    ax.set_yticks(y, [k.replace("_", " ") for k in counts.index], fontsize=8)
    ax.set_xlabel("figures")
    ax.set_title("Figures by kind", fontsize=11)
    ax.legend(fontsize=8, frameon=False, loc="lower right")
    return fig


def _kept_and_flagged(ax: Axes, kept: pd.Series, flagged: pd.Series, kept_label: str, flagged_label: str) -> np.ndarray:
    """One horizontal bar per row: what later stages use, then what the loader flagged; returns the rows' y."""
    y = np.arange(len(kept))
    ax.barh(y, kept.to_numpy(), color=KIND_COLOR, label=kept_label)
    ax.barh(y, flagged.to_numpy(), left=kept.to_numpy(), color=FLAGGED_COLOR, label=flagged_label)
    _counts_from_zero(ax, float((kept.to_numpy() + flagged.to_numpy()).max(initial=0)))
    return y


def _counts_from_zero(ax: Axes, largest: float) -> None:
    """A count axis starts at zero, ends past the longest bar, and has some width even when every bar is empty."""
    ax.set_xlim(0, max(largest * 1.05, 1.0))
    _readable_ticks(ax.xaxis)


# Ticks per axis: five labels of up to "10,000,000" fit a 4-inch panel without touching.
_MAX_TICKS = 5


def _readable_ticks(axis: object) -> None:
    """Few ticks, written out with thousands separators (never a "1e7" offset a reader must multiply in)."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    axis.set_major_locator(MaxNLocator(nbins=_MAX_TICKS, steps=[1, 2, 2.5, 5, 10]))  # type: ignore[attr-defined]
    axis.set_major_formatter(FuncFormatter(lambda x, _: f"{x:,.0f}" if abs(x) >= 1000 else f"{x:g}"))  # type: ignore[attr-defined]


def plot_validation(results: pd.DataFrame) -> Figure:
    """Draw each suite's expectations by outcome: passed, finding (the news disagrees) or error (a broken table)."""
    counts = pd.crosstab(results["suite"], results["status"]).reindex(columns=list(STATUS_COLORS), fill_value=0)
    fig, ax = _new(0.45 * len(counts) + 1.6, width=7.0)
    y = np.arange(len(counts))
    left = np.zeros(len(counts))
    for status, color in STATUS_COLORS.items():
        values = counts[status].to_numpy()
        ax.barh(y, values, left=left, color=color, label=status)
        left += values
    ax.set_yticks(y, counts.index, fontsize=9)
    _counts_from_zero(ax, float(left.max(initial=0)))
    ax.set_xlabel("expectations")
    ax.set_title("Validation by suite", fontsize=11)
    ax.legend(fontsize=8, frameon=False, ncols=3, loc="lower right")
    return fig


def _short(text: str, width: int) -> str:
    text = str(text)
    return text if len(text) <= width else text[: width - 1] + "…"


__all__ = [
    "MAX_HEIGHT_PX",
    "REPORT_DPI",
    "VERDICT_COLORS",
    "claim_rows",
    "plot_agreement_matrix",
    "plot_claims",
    "plot_documents",
    "plot_figure_kinds",
    "plot_validation",
]

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
_ROW_INCHES = 0.62
_WIDTH = 10.0


def _new(rows: float, *, width: float = _WIDTH, **kwargs: object) -> tuple[Figure, object]:
    from matplotlib.figure import Figure as MplFigure

    fig = MplFigure(figsize=(width, max(2.5, rows)), layout="constrained")
    return fig, fig.subplots(**kwargs)


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
    columns = ["claim_id", "claim", "verdict", "unit", "currency", "source", "value", "interval_low", "interval_high", "bound", "shape"]
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
    ids = list(dict.fromkeys(rows["claim_id"]))
    if not ids:
        fig, ax = _new(2.5)
        ax.text(0.5, 0.5, "no claim is stated by two or more sources", ha="center", va="center")
        ax.set_axis_off()
        fig.suptitle("Cross-source claims")
        return fig
    fig, axes = _new(_ROW_INCHES * len(ids) + 1.2, nrows=len(ids), ncols=1, squeeze=False)
    for ax, claim_id in zip(axes[:, 0], ids, strict=True):
        _draw_claim(ax, rows[rows["claim_id"] == claim_id])
    _verdict_legend(fig, set(rows["verdict"]))
    fig.suptitle("Cross-source claims: each row a claim, each mark an outlet's figure", fontsize=12)
    return fig


def _draw_claim(ax: Axes, rows: pd.DataFrame) -> None:
    first = rows.iloc[0]
    finite = pd.concat([rows["value"], rows["interval_low"], rows["interval_high"]]).replace([np.inf, -np.inf], np.nan).dropna()
    factor, label = display_scale(
        first["unit"],
        float(finite.abs().max() or 1.0),
        currency=first["currency"] if isinstance(first["currency"], str) else None,
    )
    color = VERDICT_COLORS[first["verdict"]]
    sources = list(dict.fromkeys(rows["source"]))
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
            direction = 1 if row.shape == "right" else -1
            ax.annotate(
                "",
                xy=(value + direction * 0.25 * span, y),
                xytext=(value, y),
                arrowprops={"arrowstyle": "-|>", "color": color, "lw": 2},
            )
            ax.plot([value], [y], "o", color=color, markersize=4)
    ax.set_yticks(range(len(sources)), [_short(s, 22) for s in sources], fontsize=7)
    ax.set_ylim(-0.7, len(sources) - 0.3)
    low_x, high_x = finite.min() / factor, finite.max() / factor
    pad = 0.35 * (high_x - low_x) or 0.2 * abs(high_x) or 1.0
    ax.set_xlim(low_x - pad, high_x + pad)
    ax.set_xlabel(label, fontsize=8, labelpad=1)
    ax.tick_params(axis="x", labelsize=7)
    ax.set_title(_short(first["claim"], 90), fontsize=8.5, loc="left", pad=2)
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
    states it, blank where it does not."""
    from matplotlib.colors import ListedColormap

    shown = _multi_source(claims, min_sources, max_claims)
    stated = memberships[memberships["claim_id"].isin(shown["claim_id"])].dropna(subset=["source"])
    sources = sorted(stated["source"].unique())
    verdicts = list(VERDICT_COLORS)
    grid = np.full((len(shown), max(len(sources), 1)), np.nan)
    for i, claim in enumerate(shown.itertuples(index=False)):
        for source in stated.loc[stated["claim_id"] == claim.claim_id, "source"].unique():
            grid[i, sources.index(source)] = verdicts.index(claim.verdict)
    fig, ax = _new(0.35 * len(shown) + 2.2, width=max(6.0, 0.9 * len(sources) + 4.5))
    ax.imshow(
        grid,
        aspect="auto",
        cmap=ListedColormap([VERDICT_COLORS[v] for v in verdicts]),
        vmin=-0.5,
        vmax=len(verdicts) - 0.5,
        interpolation="nearest",
    )
    ax.set_xticks(range(len(sources)), [_short(s, 18) for s in sources], rotation=35, ha="right", fontsize=8)
    labels = [_short(f"{c.subject} · {c.scope}", 45) for c in shown.itertuples(index=False)]
    ax.set_yticks(range(len(shown)), labels, fontsize=8)
    ax.set_xlabel("source (outlet, or document when the outlet is unknown)")
    ax.set_title("Which outlet states which claim, coloured by the claim's verdict", fontsize=11)
    _verdict_legend_only(fig, set(shown["verdict"]))
    return fig


def _verdict_legend_only(fig: Figure, verdicts: set[str]) -> None:
    from matplotlib.patches import Patch

    handles = [Patch(color=VERDICT_COLORS[v], label=v.replace("_", " ")) for v in VERDICT_COLORS if v in verdicts]
    fig.legend(handles=handles, loc="outside lower center", ncols=len(handles) or 1, fontsize=8, frameon=False)


def plot_documents(documents: pd.DataFrame, paragraphs: pd.DataFrame) -> Figure:
    """Draw each document's length in words, with the paragraphs flagged as boilerplate or repeats."""
    words = paragraphs.groupby(["doc_id", paragraphs["is_boilerplate"] | paragraphs["is_repeat"]])["n_words"].sum()
    table = words.unstack(fill_value=0).reindex(documents["doc_id"], fill_value=0)
    kept = table.get(False, pd.Series(0, index=table.index))
    flagged = table.get(True, pd.Series(0, index=table.index))
    labels = [
        _short(f"{d} ({o})" if isinstance(o, str) else d, 40)
        for d, o in zip(documents["doc_id"], documents["outlet"], strict=True)
    ]
    fig, ax = _new(0.35 * len(documents) + 1.6, width=8.0)
    y = _kept_and_flagged(ax, kept, flagged, "article text", "flagged: boilerplate or repeated")
    ax.set_yticks(y, labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("words")
    ax.set_title("Documents: length, and how much the loader flagged", fontsize=11)
    ax.legend(fontsize=8, frameon=False, loc="lower right")
    return fig


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
    ax.barh(y, flagged.to_numpy(), left=kept.to_numpy(), color=VERDICT_COLORS["not_comparable"], label=flagged_label)
    return y


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
    ax.set_xlabel("expectations")
    ax.set_title("Validation by suite", fontsize=11)
    ax.legend(fontsize=8, frameon=False, ncols=3, loc="lower right")
    return fig


def _short(text: str, width: int) -> str:
    text = str(text)
    return text if len(text) <= width else text[: width - 1] + "…"


__all__ = [
    "VERDICT_COLORS",
    "claim_rows",
    "plot_agreement_matrix",
    "plot_claims",
    "plot_documents",
    "plot_figure_kinds",
    "plot_validation",
]

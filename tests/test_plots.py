"""Charts return matplotlib Figures with the expected marks, and save to PNG without warnings."""

from __future__ import annotations

import io
import warnings

import numpy as np
import pandas as pd
import pytest

import corpuslab
from corpuslab import plots


@pytest.fixture(scope="module")
def seed_result() -> corpuslab.PipelineResult:
    return corpuslab.run_pipeline("seeds", progress=False)


def _saves_cleanly(fig: object) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")  # type: ignore[attr-defined]
    assert buffer.getvalue()[:8] == b"\x89PNG\r\n\x1a\n"


def test_claims_chart_has_a_row_per_multi_source_claim(seed_result: corpuslab.PipelineResult) -> None:
    fig = plots.plot_claims(seed_result.claims, seed_result.memberships, seed_result.figures)
    multi = seed_result.claims[seed_result.claims["n_sources"] >= 2]
    assert len(fig.axes) == len(multi)
    for ax, claim in zip(fig.axes, multi.itertuples(index=False), strict=True):
        assert ax.get_title(loc="left").startswith(claim.subject[:20])
        assert ax.get_xlabel()  # the unit
        assert len(ax.get_yticklabels()) == claim.n_sources
    assert {ax.get_xlabel() for ax in fig.axes} == {"bcm/y", "count"}
    _saves_cleanly(fig)


def test_claims_chart_marks_follow_bounds(seed_result: corpuslab.PipelineResult) -> None:
    rows = plots.claim_rows(seed_result.claims, seed_result.memberships, seed_result.figures)
    names = rows["claim"].str.split(" · ").str[0].str.split(":").str[0]
    shapes = dict(zip(rows["source"] + " " + names, rows["shape"], strict=True))
    assert shapes["Inter Bellum News Power of Siberia 1"] == "bar"  # about 61: approximate
    assert shapes["000_8faf3c1896aa56d5 Power of Siberia 1"] == "point"  # 38: exact
    assert shapes["Inter Bellum News Power of Siberia 2"] == "right"  # over 50: open bound


def _many_claims(n: int) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(0)
    claims = pd.DataFrame(
        {
            "claim_id": [f"c{i}" for i in range(n)],
            "subject": [f"Subject number {i} with a long name" for i in range(n)],
            "measure": "volume_rate",
            "scope": "current",
            "unit": "cubic_meter_per_year",
            "n_sources": 3,
            "verdict": rng.choice(["consistent", "conflicting", "not_comparable"], n),
        }
    )
    figure_ids = [f"f{i}_{k}" for i in range(n) for k in range(3)]
    values = rng.uniform(1e9, 9e10, len(figure_ids))
    memberships = pd.DataFrame(
        {
            "figure_id": figure_ids,
            "claim_id": [f"c{i}" for i in range(n) for _ in range(3)],
            "role": "value",
            "source": [f"Outlet {k}" for _ in range(n) for k in range(3)],
            "interval_low": values * 0.9,
            "interval_high": values * 1.1,
        }
    )
    figures = pd.DataFrame(
        {
            "figure_id": figure_ids,
            "value": values,
            "from_value": np.nan,
            "bound": "approximate",
            "currency": None,
            "range_low": np.nan,
            "range_high": np.nan,
        }
    )
    return claims, memberships, figures


def _png_height(fig: object) -> int:
    """Pixel height of the chart as a notebook shows it (saved tight, at the figure's dpi)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight")  # type: ignore[attr-defined]
    return int.from_bytes(buffer.getvalue()[20:24], "big")


def _labels_apart(labels: list) -> bool:  # type: ignore[type-arg]
    """No two visible tick labels overlap on the drawn canvas."""
    boxes = [t.get_window_extent() for t in labels if t.get_visible() and t.get_text()]
    return not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])


def test_many_claims_fit_one_screen_and_say_how_many_are_left_out() -> None:
    claims, memberships, figures = _many_claims(60)
    fig = plots.plot_claims(claims, memberships, figures, max_claims=50)
    assert 5 <= len(fig.axes) < 50
    assert _png_height(fig) <= plots.MAX_HEIGHT_PX
    assert f"the first {len(fig.axes)} of 60" in fig.get_suptitle()
    fig.canvas.draw()
    for ax in fig.axes:
        assert _labels_apart(ax.get_yticklabels())
    _saves_cleanly(fig)
    matrix = plots.plot_agreement_matrix(claims, memberships, max_claims=50)
    rows = matrix.axes[0].images[0].get_array().shape[0]
    assert 5 <= rows < 50 and _png_height(matrix) <= plots.MAX_HEIGHT_PX
    matrix.canvas.draw()
    assert _labels_apart(matrix.axes[0].get_yticklabels())
    _saves_cleanly(matrix)


def _large_corpus(n_documents: int = 2000, n_outlets: int = 150) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(1)
    doc_ids = [f"doc{i:05d}" for i in range(n_documents)]
    outlets = [f"Outlet number {rng.integers(n_outlets)} of the world" for _ in doc_ids]
    documents = pd.DataFrame({"doc_id": doc_ids, "outlet": outlets})
    documents.loc[::50, "outlet"] = None  # some documents name no outlet
    n_paragraphs = 4
    paragraphs = pd.DataFrame(
        {
            "doc_id": np.repeat(doc_ids, n_paragraphs),
            "paragraph_index": np.tile(np.arange(n_paragraphs), n_documents),
            "n_words": rng.integers(5, 4000, n_documents * n_paragraphs),  # the pooled outlets sum to millions
            "is_boilerplate": rng.random(n_documents * n_paragraphs) < 0.1,
            "is_repeat": False,
        }
    )
    return documents, paragraphs


def test_documents_chart_aggregates_a_large_corpus() -> None:
    documents, paragraphs = _large_corpus()
    fig = plots.plot_documents(documents, paragraphs)
    assert _png_height(fig) <= plots.MAX_HEIGHT_PX
    lengths, outlets = fig.axes
    # the histogram counts every document once, in words of article text
    assert sum(p.get_height() for p in lengths.containers[0].patches) == len(documents)
    labels = [t.get_text() for t in outlets.get_yticklabels()]
    assert len(labels) == plots.TOP_OUTLETS
    n_outlets = documents["outlet"].fillna("(no outlet)").nunique()
    assert labels[-1].startswith(f"{n_outlets - plots.TOP_OUTLETS + 1} other outlets")
    fig.canvas.draw()
    assert _labels_apart(outlets.get_yticklabels()) and _labels_apart(outlets.get_xticklabels())
    assert max(len(t.get_text()) for t in outlets.get_xticklabels()) >= len("1,000,000")
    assert lengths.get_ylim()[0] == 0 and outlets.get_xlim()[0] == 0
    _saves_cleanly(fig)


def test_claims_over_many_outlets_pool_the_rest_in_one_column() -> None:
    claims, memberships, _ = _many_claims(40)
    memberships["source"] = [f"Outlet {i}" for i in range(len(memberships))]  # 120 outlets, one figure each
    fig = plots.plot_agreement_matrix(claims, memberships)
    grid = fig.axes[0].images[0].get_array()
    labels = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert grid.shape[1] == len(labels) < 40
    rows = grid.shape[0]
    shown_sources = memberships[memberships["claim_id"].isin(claims["claim_id"].head(rows))]["source"].nunique()
    assert labels[-1] == f"{shown_sources - len(labels) + 1} other sources"
    assert fig.get_size_inches()[0] * fig.dpi <= plots.MAX_WIDTH_PX
    fig.canvas.draw()
    assert _labels_apart(fig.axes[0].get_xticklabels())
    _saves_cleanly(fig)


def test_empty_counts_never_run_below_zero() -> None:
    results = pd.DataFrame({"suite": ["claims"], "status": ["passed"]}).iloc[0:0]
    fig = plots.plot_validation(pd.concat([results, pd.DataFrame({"suite": ["x"], "status": ["error"]})]))
    assert fig.axes[0].get_xlim()[0] == 0
    documents = pd.DataFrame({"doc_id": ["a"], "outlet": [None]})
    empty = pd.DataFrame(
        {"doc_id": ["a"], "paragraph_index": [0], "n_words": [0], "is_boilerplate": [False], "is_repeat": [False]}
    )
    fig = plots.plot_documents(documents, empty)
    assert fig.axes[0].get_xlim() == (0.0, 1.0)


def test_matrix_colours_cells_where_an_outlet_states_a_claim(seed_result: corpuslab.PipelineResult) -> None:
    fig = plots.plot_agreement_matrix(seed_result.claims, seed_result.memberships)
    grid = fig.axes[0].images[0].get_array()
    multi = seed_result.claims[seed_result.claims["n_sources"] >= 2]
    assert grid.shape[0] == len(multi)
    assert int((~np.isnan(np.asarray(grid, dtype=float))).sum()) == int(multi["n_sources"].sum())


def test_documents_kinds_and_validation_charts(seed_result: corpuslab.PipelineResult) -> None:
    docs = plots.plot_documents(seed_result.documents, seed_result.paragraphs)
    assert len(docs.axes[0].patches) == 2 * len(seed_result.documents)
    kinds = plots.plot_figure_kinds(seed_result.figures)
    assert len(kinds.axes[0].patches) == 2 * seed_result.figures["kind"].nunique()
    results = corpuslab.validate(seed_result, progress=False)
    validation = plots.plot_validation(results)
    assert len(validation.axes[0].patches) == 3 * results["suite"].nunique()
    for fig in (docs, kinds, validation):
        assert fig.axes[0].get_title()
        _saves_cleanly(fig)


def test_an_up_to_bound_never_takes_a_count_axis_below_zero() -> None:
    claims, memberships, figures = _many_claims(1)
    memberships = memberships.head(2).assign(interval_low=[0.0, 10_000.0], interval_high=[25.0, np.inf])
    figures = figures.head(2).assign(value=[25.0, 10_000.0], bound=["at_most", "over"])
    claims = claims.assign(unit="count", n_sources=2, verdict="conflicting")
    fig = plots.plot_claims(claims, memberships, figures)
    ax = fig.axes[0]
    assert ax.get_xlim()[0] == 0
    tips = [a.xy[0] for a in ax.texts if hasattr(a, "arrow_patch")]
    assert len(tips) == 2 and min(tips) >= 0
    _saves_cleanly(fig)

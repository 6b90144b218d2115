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


def test_fifty_claims_stay_legible() -> None:
    claims, memberships, figures = _many_claims(60)
    fig = plots.plot_claims(claims, memberships, figures, max_claims=50)
    assert len(fig.axes) == 50
    assert fig.get_size_inches()[1] >= 50 * 0.6  # each row keeps its height, so labels never overlap
    _saves_cleanly(fig)
    matrix = plots.plot_agreement_matrix(claims, memberships, max_claims=50)
    assert matrix.axes[0].images[0].get_array().shape == (50, 3)
    _saves_cleanly(matrix)


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

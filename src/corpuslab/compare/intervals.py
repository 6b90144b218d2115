"""Every figure as an interval, so two figures agree exactly when their intervals overlap.

An exact figure spans the precision it was written in ("50" is 49.5..50.5, "50.4" is
50.35..50.45) plus a small relative slack; an approximate one a relative tolerance around it;
bounds are half-open ("over 20" is (20, inf), "up to 50" is [0, 50]); ranges are ranges.

Examples
--------
>>> interval(50.0, precision=0.5, bound="over")
(50.0, inf, True, False)
>>> interval(61.0, precision=0.5, bound="approximate")
(54.9, 67.1, False, False)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

# Kinds whose values can be negative: an upper bound on them is not bounded below by zero.
SIGNED_KINDS = frozenset({"temperature", "percent", "percentage_points", "number", "currency"})


@dataclass(frozen=True)
class Tolerances:
    """How wide a figure's interval is, beyond what its bound and range say.

    approximate
        Relative half-width for "about", "nearly", "an estimated" (default 0.10: about 61 is 54.9-67.1).
    exact
        Relative slack added to an exact figure's written precision (default 0.005), so rounding in
        unit conversions never makes two equal figures disagree.
    """

    approximate: float = 0.10
    exact: float = 0.005


def interval(
    value: float,
    *,
    precision: float = 0.0,
    bound: str = "exact",
    low: float = math.nan,
    high: float = math.nan,
    kind: str = "number",
    tolerances: Tolerances | None = None,
) -> tuple[float, float, bool, bool]:
    """Return ``(low, high, low_open, high_open)`` for one figure; see :func:`intervals` for many."""
    frame = pd.DataFrame(
        {
            "value": [value],
            "precision": [precision],
            "bound": [bound],
            "range_low": [low],
            "range_high": [high],
            "kind": [kind],
        }
    )
    row = intervals(frame, tolerances=tolerances).iloc[0]
    return (round(float(row["low"]), 10), round(float(row["high"]), 10), bool(row["low_open"]), bool(row["high_open"]))


def intervals(statements: pd.DataFrame, *, tolerances: Tolerances | None = None) -> pd.DataFrame:
    """Return ``low, high, low_open, high_open`` for every row.

    ``statements`` has the columns value, precision, bound, kind and range_low, range_high (the ends
    of a stated range, empty otherwise).

    Vectorised: a million figures take well under a second.
    """
    tol = tolerances or Tolerances()
    v = statements["value"].to_numpy(dtype=float)
    p = np.nan_to_num(statements["precision"].to_numpy(dtype=float))
    bound = statements["bound"].to_numpy(dtype=object)
    r_low = statements["range_low"].to_numpy(dtype=float)
    r_high = statements["range_high"].to_numpy(dtype=float)
    signed = statements["kind"].isin(SIGNED_KINDS).to_numpy()
    is_range = ~np.isnan(r_low) & ~np.isnan(r_high)
    base_low = np.where(is_range, r_low, v)
    base_high = np.where(is_range, r_high, v)
    slack_low = p + np.abs(base_low) * tol.exact
    slack_high = p + np.abs(base_high) * tol.exact
    approx = bound == "approximate"
    slack_low = np.where(approx & ~is_range, np.maximum(slack_low, np.abs(base_low) * tol.approximate), slack_low)
    slack_high = np.where(approx & ~is_range, np.maximum(slack_high, np.abs(base_high) * tol.approximate), slack_high)
    low = base_low - slack_low
    high = base_high + slack_high
    floor = np.where(signed | (v < 0), -np.inf, 0.0)
    low = np.select([bound == "over", bound == "at_least", np.isin(bound, ["under", "at_most"])], [v, v, floor], low)
    high = np.select([np.isin(bound, ["over", "at_least"]), bound == "under", bound == "at_most"], [np.inf, v, v], high)
    return pd.DataFrame(
        {"low": low, "high": high, "low_open": bound == "over", "high_open": bound == "under"},
        index=statements.index,
    )


def overlap(
    a_low: float,
    a_high: float,
    a_low_open: bool,
    a_high_open: bool,
    b_low: float,
    b_high: float,
    b_low_open: bool,
    b_high_open: bool,
) -> tuple[float, float] | None:
    """Return the intersection of two intervals, or None when they do not overlap."""
    low, low_open = (
        (a_low, a_low_open)
        if a_low > b_low
        else (b_low, b_low_open)
        if b_low > a_low
        else (a_low, a_low_open or b_low_open)
    )
    high, high_open = (
        (a_high, a_high_open)
        if a_high < b_high
        else (b_high, b_high_open)
        if b_high < a_high
        else (a_high, a_high_open or b_high_open)
    )
    if low < high or (low == high and not (low_open or high_open)):
        return low, high
    return None


def relative_difference(a: float, b: float) -> float:
    """|a - b| relative to the larger magnitude (0 when both are 0)."""
    scale = max(abs(a), abs(b))
    return 0.0 if scale == 0 else abs(a - b) / scale

"""Every figure as an interval, so two figures agree exactly when their intervals overlap.

Intervals follow how news rounds. An exact figure spans the rounding its last written digit
allows, trailing zeros included ("700" may be 650-750), but never more than ``rounding`` of its
value ("1 billion" is 0.95-1.05 billion, not 0.5-1.5), plus a small slack; an approximate one
a relative tolerance around it; a range is a range. A bound is half-open but not endless: "over
20" is (20, 30], "up to 60" is [40, 60], since "at least 3" says nothing in favour of "about 200", and a
reporter who knows of twice the figure writes "twice", not "more than".
How far a bound reaches when it is taken literally is kept too (``reach_low``, ``reach_high``).

Examples
--------
>>> interval(50.0, precision=0.5, bound="over")
(50.0, 75.0, True, False)
>>> interval(61.0, precision=0.5, bound="approximate")
(54.9, 67.1, False, False)
>>> interval(1e9, precision=0.5e9)[:2]
(945000000.0, 1055000000.0)
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
    rounding
        Most an exact figure may have been rounded, relative to it (default 0.05).
    bound_reach
        How far a bound reaches: "over 20" is (20, 20 x 1.5], "under 9" is [9 / 1.5, 9) (default 1.5;
        tuned on the claims gold's dev split: at 2, "more than 500 million" agreed with "1 billion").
    """

    approximate: float = 0.10
    exact: float = 0.005
    rounding: float = 0.05
    bound_reach: float = 1.5


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
    """Return ``low, high, low_open, high_open, reach_low, reach_high`` for every row.

    ``statements`` has the columns value, precision, bound, kind and range_low, range_high (the ends
    of a stated range, empty otherwise). Vectorised: a million figures take well under a second.
    """
    tol = tolerances or Tolerances()
    v = statements["value"].to_numpy(dtype=float)
    p = _rounding(v, np.nan_to_num(statements["precision"].to_numpy(dtype=float)), tol.rounding)
    bound = statements["bound"].to_numpy(dtype=object)
    r_low = statements["range_low"].to_numpy(dtype=float)
    r_high = statements["range_high"].to_numpy(dtype=float)
    signed = statements["kind"].isin(SIGNED_KINDS).to_numpy()
    is_range = ~np.isnan(r_low) & ~np.isnan(r_high)
    base_low = np.where(is_range, r_low, v)
    base_high = np.where(is_range, r_high, v)
    with np.errstate(invalid="ignore", over="ignore"):
        slack_low = p + np.abs(base_low) * tol.exact
        slack_high = p + np.abs(base_high) * tol.exact
        approx = (bound == "approximate") & ~is_range
        slack_low = np.where(approx, np.maximum(slack_low, np.abs(base_low) * tol.approximate), slack_low)
        slack_high = np.where(approx, np.maximum(slack_high, np.abs(base_high) * tol.approximate), slack_high)
        low, high = base_low - slack_low, base_high + slack_high
        floor = np.where(signed | (v < 0), -np.inf, 0.0)
        is_over, is_under = np.isin(bound, ["over", "at_least"]), np.isin(bound, ["under", "at_most"])
        reach_low = np.where(is_under, floor, np.where(is_over, v, low))
        reach_high = np.where(is_over, np.inf, np.where(is_under, v, high))
        # A bound reaches `bound_reach` times its value (or that fraction of it) for agreement's sake.
        far, near = np.abs(v) * tol.bound_reach, np.abs(v) / tol.bound_reach
        low = np.where(is_over, v, np.where(is_under, np.where(v < 0, v - far, near), low))
        high = np.where(is_over, np.where(v < 0, -near, far), np.where(is_under, v, high))
    return pd.DataFrame(
        {
            "low": low,
            "high": high,
            "low_open": bound == "over",
            "high_open": bound == "under",
            "reach_low": reach_low,
            "reach_high": reach_high,
        },
        index=statements.index,
    )


def _rounding(value: np.ndarray, precision: np.ndarray, rounding: float) -> np.ndarray:
    """Half the rounding step a written figure allows: its last digit's, widened over trailing zeros
    ("700" may stand for 650-750), capped at ``rounding`` of the value."""
    step = 2.0 * precision
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        for _ in range(15):  # at most 15 trailing zeros
            count = np.round(np.abs(value) / step)
            widen = (step > 0) & np.isfinite(count) & (count >= 10) & (np.mod(count, 10) == 0)
            if not widen.any():
                break
            step = np.where(widen, step * 10.0, step)
        return np.minimum(step / 2.0, np.abs(value) * rounding)


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

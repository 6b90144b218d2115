"""The record of one figure, as :func:`corpuslab.find_figures` returns it."""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields


@dataclass
class Figure:
    """One figure found in a text; offsets are half-open and index the text as given."""

    start: int
    end: int
    surface: str
    rule: str
    kind: str
    value: float
    unit: str
    unit_surface: str | None = None
    range_low: float = math.nan
    range_high: float = math.nan
    bound: str = "exact"
    from_value: float = math.nan
    trend: str | None = None
    is_change: bool = False
    currency: str | None = None
    precision: float = 0.0
    subject: str | None = None
    noun: str | None = None
    # The number in the unit as written ("30-year": 30 year; "50 bcm": 50 bcm; "99 cents": 99 cent), for display.
    value_as_written: float = math.nan
    unit_as_written: str | None = None
    # Where the reading stopped; later numerals before it belong to this figure.
    consumed: int = field(default=0, repr=False)

    def as_record(self) -> dict[str, object]:
        """Return the figure as a plain dict (the columns of the figures table it fills)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "consumed"}

"""The evidence about one numeral: what stands left and right of it, and the text around.

The readers (:mod:`.context`, :mod:`.reading`) write it as a :class:`Reading`; :meth:`Reading.freeze`
makes it :class:`Evidence`, which the rule table (:mod:`.rules`) only reads: a row's condition cannot
change what a later row sees, so the order of the table is the whole order of the decision. The row
that decides returns a new Evidence with the kind and rule it gives (:meth:`Evidence.evolve`).
"""

from __future__ import annotations

import math
from dataclasses import MISSING, dataclass, field, fields
from typing import Any


@dataclass(frozen=True)
class Evidence:
    """What stands around one numeral, as the readers found it; the rule table decides on it."""

    start: int
    end: int
    value: float
    precision: float
    group: str
    numeral: str
    scale: float = 1.0
    unit_word: str | None = None
    unit_start: int | None = None
    currency: str | None = None
    period: str | None = None
    bound: str = "exact"
    low: float = math.nan
    high: float = math.nan
    from_value: float = math.nan
    trend: str | None = None
    is_change: bool = False
    kind: str | None = None
    rule: str = "quantity"
    negative: bool = False
    noun: str | None = None
    opener: str | None = None
    opener_start: int | None = None
    left_verb: str | None = None
    is_year_like: bool = False
    subunit_word: str | None = None
    subunit: float = 1.0  # value of one written unit in the currency's main unit ("99 cents": 0.01)
    per_unit: str | None = None  # what a price is quoted per ("$84.50 a barrel": "barrel")
    rate_unit: str | None = None  # a count per something ("15 points per game": "point_per_game")
    rate_divisor: float = 1.0  # "5 cases per 100,000 people": 100,000 people
    rate_written: str | None = None  # "case per 100,000 people"
    bound_word: str | None = None
    bound_start: int | None = None
    range_scale: float = 1.0  # the scale written after a range's second end, which the first shares
    is_settled: bool = False  # the reading decided it alone (a code such as 5G, a tally, an earlier value)
    text: str = field(default="", repr=False)  # the whole text, for the rules that look past the figure
    left: str = field(default="", repr=False)  # what the clause holds before everything the figure took

    def evolve(self, **changes: Any) -> Evidence:
        """Return a copy with ``changes``; ``dataclasses.replace`` would run the ~40-field frozen
        ``__init__`` again, a cost that shows on short sentences."""
        new = object.__new__(Evidence)
        new.__dict__.update(self.__dict__, **changes)
        return new


# Every field's default: a reading starts from these rather than through the frozen ``__init__``, whose
# ~40 ``object.__setattr__`` calls cost more per numeral than the whole rule table.
_DEFAULTS = {f.name: f.default for f in fields(Evidence) if f.default is not MISSING}


class Reading(Evidence):
    """Evidence the readers are still writing."""

    __setattr__ = object.__setattr__  # type: ignore[assignment]
    __delattr__ = object.__delattr__  # type: ignore[assignment]

    def __init__(
        self, start: int, end: int, value: float, precision: float, group: str, numeral: str, *, text: str = ""
    ) -> None:
        self.__dict__.update(
            _DEFAULTS, start=start, end=end, value=value, precision=precision, group=group, numeral=numeral, text=text
        )

    def freeze(self) -> Evidence:
        """Return this reading as Evidence, read-only from now on (the same object: no copy)."""
        self.__class__ = Evidence  # type: ignore[assignment]
        return self

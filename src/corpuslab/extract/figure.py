"""The record of one figure, as :func:`corpuslab.find_figures` returns it, and its making from a reading.

A figure's ``value`` is in the canonical unit of its kind (pint converts), so outlets writing bcm or
cubic metres, cents or dollars, agree; ``value_as_written`` keeps the number as the text wrote it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields

from corpuslab import units
from corpuslab.extract.evidence import Evidence

# The units an age is written in ("6-month-old"); pint gives their length in years.
_AGE_UNITS = frozenset(["year", "month", "week", "day"])


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


def build_figure(text: str, r: Evidence) -> Figure:
    """Convert a finished reading to its canonical value and unit."""
    kind = r.kind or "number"
    sign = -1.0 if r.negative else 1.0
    scale = 100.0 * r.scale if r.group == "fraction" and kind == "percent" and r.unit_word is None else r.scale
    unit_name = units.PLAIN_UNITS.get(kind, "number")

    def convert(x: float) -> float:
        return _convert(x, r, kind)[1]

    if kind == "rate" and r.rate_unit:
        unit_name = r.rate_unit
    elif r.unit_word is not None and kind not in ("count", "age"):
        unit_name = _convert(1.0, r, kind)[0]
        kind = _kind_of(r, kind)
    elif kind == "age":
        unit_name = "year"
    elif kind == "currency":
        unit_name = (r.currency or "USD") + _money_denominator(r)
    written = r.value if r.rule in ("range", "change") else r.value * scale
    low = r.low * (scale if r.rule == "vague" else 1.0)
    high = r.high * (scale if r.rule == "vague" else 1.0)
    unit_surface = text[r.unit_start : r.end].strip(" -") if r.unit_start is not None else None
    return Figure(
        start=r.start,
        end=r.end,
        surface=text[r.start : r.end],
        rule=r.rule,
        kind=kind,
        value=convert(sign * written),  # sign first: -5 °F is -20.6 °C, not -(5 °F)
        unit=unit_name,
        unit_surface=unit_surface or None,
        range_low=convert(low) if not math.isnan(low) else math.nan,
        range_high=convert(high) if not math.isnan(high) else math.nan,
        bound=r.bound,
        from_value=convert(r.from_value) if not math.isnan(r.from_value) else math.nan,
        trend=r.trend,
        is_change=r.is_change,
        currency=r.currency,
        precision=abs(convert(r.precision * scale) - convert(0.0)),
        noun=r.noun,
        value_as_written=sign * written,
        unit_as_written=_unit_as_written(r, kind),
        consumed=r.end,
    )


def _money_denominator(r: Evidence) -> str:
    """ "_per_barrel" for a price per barrel, "_per_year" for money per period (annualised), else ""."""
    if r.per_unit:
        return f"_per_{r.per_unit}"
    return "_per_year" if r.period else ""


def _unit_as_written(r: Evidence, kind: str) -> str | None:
    """The unit as written, in a normalised display form: "year", "bcm", "USD/barrel", "cent"."""
    if kind == "currency":
        base = r.subunit_word or r.currency or "USD"
        per = r.per_unit or r.period
        return f"{base}/{per}" if per else base
    if kind == "age":
        return r.unit_word.split()[0].rstrip("s") if r.unit_word else "year"
    if kind == "rate" and r.rate_written:
        return r.rate_written
    if kind == "percent":
        return "%"
    if r.unit_word is None:
        return "times" if kind == "multiple" else None
    label = units.written_label(r.unit_word)
    return f"{label}/{r.period}" if r.period else label


def _convert(value: float, r: Evidence, kind: str) -> tuple[str, float]:
    """Return ``(canonical unit, value)`` for a value written in the reading's unit."""
    if kind == "currency":
        return (r.currency or "USD"), value * r.subunit / (units.PERIOD_YEARS[r.period] if r.period else 1.0)
    if kind == "rate" and r.rate_unit:
        return r.rate_unit, value / r.rate_divisor
    if kind == "age" and r.unit_word:
        word = r.unit_word.split()[0].rstrip("s")
        return "year", value * (units.duration_in(word, "year") if word in _AGE_UNITS else 1.0)
    word = units.lookup(r.unit_word) if r.unit_word else None
    if word is None:
        return units.PLAIN_UNITS.get(kind, "number"), value
    if word.pint is None:
        factor = units.PLAIN_FACTORS.get(units.unit_key(r.unit_word or ""), 1.0)
        return units.plain_unit(r.unit_word or "", word.kind), value * factor
    _, name, converted = units.to_canonical(value, word.pint, per=r.period, kind=word.kind)
    return name, converted


def _kind_of(r: Evidence, kind: str) -> str:
    word = units.lookup(r.unit_word or "")
    if word is None or word.pint is None or kind == "age":
        return kind
    return units.canonical(word.pint, per=r.period, kind=word.kind)[0]

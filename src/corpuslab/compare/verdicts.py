"""A claim's verdict and its reason code, decided once; the readable reason is generated from the code.

Linking (:mod:`.links`) builds a claim either from agreeing statements that share a common value,
or from two such groups set against each other because their statements share strong context.
In this order: one source is ``single_source``; a common value for every statement is
``consistent`` (``intervals_overlap``); a common value only when bounds are taken literally ("at
least 3" and "about 200") is ``not_comparable`` (``bound_too_loose``); two frames that differ
(a toll "so far" and one "last week") are ``not_comparable`` (``scope_differs``), and so are values
of which only some clauses say when (``scope_unknown``: "sentenced to 20 years" and "sentences of
13 years" may be the sentence and the time to serve); otherwise the sources contradict each other:
``conflicting`` (``intervals_apart``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from corpuslab.compare.intervals import overlap, relative_difference
from corpuslab.units import format_figure, format_value

Record = dict[str, Any]
_BOUND_WORDS = {"exact": "", "approximate": "about ", "over": "over ", "at_least": "at least ", "under": "under ",
                "at_most": "up to "}  # fmt: skip
_MAX_SOURCES_IN_REASON = 4
_MAX_VALUES_PER_SOURCE = 3
# Units of whole things: a common interval of counts, ordinals or plain whole numbers is shown in whole numbers.
_WHOLE_UNITS = frozenset({"count", "ordinal", "number"})
# A common interval is shown to three significant digits, more only when three would make its ends meet.
_COMMON_DIGITS, _MAX_COMMON_DIGITS = 3, 6


@dataclass(frozen=True)
class Verdict:
    """A claim's verdict, its reason code, and the pair that decided it (if a pair did)."""

    verdict: str
    code: str
    pair: tuple[Record, Record] | None = None


def judge(rows: list[Record]) -> Verdict:
    """Decide the verdict of a claim's statements."""
    sources = list(dict.fromkeys(r["source"] for r in rows))
    if len(sources) < 2:
        return Verdict("single_source", "single_source")
    if consensus(rows) is not None:
        return Verdict("consistent", "intervals_overlap")
    apart = [
        (a, b)
        for i, a in enumerate(rows)
        for b in rows[i + 1 :]
        if a["source"] != b["source"] and not pair_agrees(a, b)
    ]
    worst = max(apart, key=lambda p: relative_difference(p[0]["value"], p[1]["value"]))
    if consensus(rows, reach=True) is not None:
        return Verdict("not_comparable", "bound_too_loose", worst)
    times = [r["time"] if isinstance(r["time"], str) and r["time"] else None for r in rows]
    if len(set(times) - {None}) > 1:
        return Verdict("not_comparable", "scope_differs", worst)
    if len(set(times)) > 1:
        return Verdict("not_comparable", "scope_unknown", worst)
    return Verdict("conflicting", "intervals_apart", worst)


def pair_agrees(a: Record, b: Record) -> bool:
    """Whether two statements' intervals overlap."""
    return (
        overlap(a["low"], a["high"], a["low_open"], a["high_open"], b["low"], b["high"], b["low_open"], b["high_open"])
        is not None
    )


def consensus(rows: list[Record], *, reach: bool = False) -> tuple[float, float] | None:
    """The interval every statement allows (bounds taken literally with ``reach``), or None."""
    low_key, high_key = ("reach_low", "reach_high") if reach else ("low", "high")
    low = max(r[low_key] for r in rows)
    high = min(r[high_key] for r in rows)
    low_open = any(r["low_open"] for r in rows if r[low_key] == low)
    high_open = any(r["high_open"] for r in rows if r[high_key] == high)
    if low < high or (low == high and not (low_open or high_open)):
        return float(low), float(high)
    return None


def _currency(row: Record) -> str | None:
    return row["currency"] if isinstance(row["currency"], str) else None


def _in_written_unit(value: float, row: Record) -> str:
    """A canonical value in the unit ``row``'s figure was written in ("15 minutes", not "0.25 hours")."""
    if value == row["value"]:
        scaled = row.get("value_as_written")  # the statement's own value: as written, whatever it is
    else:
        factor = _written_factor(row)
        scaled = None if factor is None else value * factor
    return format_figure(
        value, row["unit"], value_as_written=scaled, unit_as_written=row.get("unit_as_written"), currency=_currency(row)
    )


def stated(row: Record) -> str:
    """How a statement reads in a reason: "about 61 bcm/y", "over 20", "38 bcm/y before"."""
    currency = _currency(row)
    if row["role"] == "earlier_value":
        return f"{format_value(row['value'], row['unit'], currency=currency)} before"
    text = _in_written_unit(row["value"], row)
    if not (math.isnan(row["range_low"]) or math.isnan(row["range_high"])):
        low = format_value(row["range_low"], row["unit"], currency=currency)
        span = f"{low} to {format_value(row['range_high'], row['unit'], currency=currency)}"
        # A vague word has no written digit (precision 0): the reader should see the word, not only its span.
        return f'"{row["surface"]}" ({span})' if not row["precision"] > 0 and row.get("surface") else span
    return _BOUND_WORDS.get(row["bound"], "") + text


def _readable(interval: tuple[float, float], factor: float) -> tuple[float, float]:
    """A common interval's ends, as shown (times ``factor``, the written unit per canonical unit), to the fewest
    significant digits from three that keep them apart: the ends come from rounding tolerances, so "25.1% to
    25.5%" says as much as "25.1235% to 25.4765%"."""
    low, high = interval
    if low == high:
        return interval
    for digits in range(_COMMON_DIGITS, _MAX_COMMON_DIGITS + 1):
        shown = (_significant(low * factor, digits), _significant(high * factor, digits))
        if shown[0] != shown[1]:
            return shown[0] / factor, shown[1] / factor
    return interval


def _written_factor(row: Record) -> float | None:
    """How many written units make one canonical unit for ``row``'s figure (None when it has no value as written)."""
    written = row.get("value_as_written")
    if isinstance(written, float) and written == written and row["value"]:
        return float(written / row["value"])
    return None


def _significant(x: float, digits: int) -> float:
    return x if x == 0 or not math.isfinite(x) else round(x, digits - 1 - math.floor(math.log10(abs(x))))


def reason(rows: list[Record], verdict: Verdict, scope: str, shared: str) -> str:
    """The reason in words, generated from the verdict's code."""
    by_source: dict[str, list[str]] = {}
    for row in rows:
        by_source.setdefault(row["source"], []).append(stated(row))
    said = []
    for source, values in by_source.items():
        distinct = list(dict.fromkeys(values))
        more = f" and {len(distinct) - _MAX_VALUES_PER_SOURCE} more" if len(distinct) > _MAX_VALUES_PER_SOURCE else ""
        said.append(f"{source} says {' and '.join(distinct[:_MAX_VALUES_PER_SOURCE])}{more}")
    shown = ", ".join(said[:_MAX_SOURCES_IN_REASON]) + (
        f" and {len(said) - _MAX_SOURCES_IN_REASON} more source{'s' * (len(said) - _MAX_SOURCES_IN_REASON > 1)}"
        if len(said) > _MAX_SOURCES_IN_REASON
        else ""
    )
    context = f" (shared context: {shared})" if shared else ""
    code = verdict.code
    if code == "single_source":
        return f"Only {rows[0]['source']}: {', '.join(dict.fromkeys(by_source[rows[0]['source']]))}."
    if code == "intervals_overlap":
        common = consensus(rows)
        assert common is not None
        whole = (math.ceil(common[0]), math.floor(common[1]))
        if whole[0] <= whole[1] and all(r["unit"] in _WHOLE_UNITS and float(r["value"]).is_integer() for r in rows):
            common = whole  # whole things: 22, not 21.4 to 22.6
        else:
            common = _readable(common, _written_factor(rows[0]) or 1.0)
        low, high = (_in_written_unit(x, rows[0]) for x in common)
        ground = low if low == high else f"{low} to {high}"
        return f"{shown}: the values agree (common ground {ground}){context}."
    a, b = verdict.pair or (rows[0], rows[1])
    apart = f"{a['source']} and {b['source']} do not overlap ({relative_difference(a['value'], b['value']):.0%} apart)"
    if code == "bound_too_loose":
        return f"{shown}: {apart} unless a bound is taken to its limit, which says too little either way{context}."
    if code == "scope_differs":
        return f"{shown}: {apart}, but they hold at different times ({scope}); not compared{context}."
    if code == "scope_unknown":
        return f"{shown}: {apart}, but not every clause says when ({scope}); not compared{context}."
    return f"{shown}: {apart} for the same scope ({scope}){context}."

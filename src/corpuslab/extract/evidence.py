"""Read what stands around one numeral: the evidence the rule table decides on.

Right of the numeral (:mod:`.reading`): suffixes, scale, unit or currency, rate. Left of it
(:mod:`.context`): sign, currency, bound, range opener, change words; then a range or change partner
and the words after the figure. The left window stops at a clause break, so a figure never reads
words from the clause before it.
"""

from __future__ import annotations

import re

from corpuslab import units
from corpuslab.extract import patterns as P
from corpuslab.extract.context import attach_from_value, read_left, read_range, read_tail
from corpuslab.extract.figure import Figure
from corpuslab.extract.numbers import parse_numeral
from corpuslab.extract.reading import Reading, next_is_plural, read_rate, read_right
from corpuslab.vocab import TEMPORAL_KINDS

_LEFT_WINDOW = 90
_CLAUSE_BREAK = re.compile(r"[.;:!?\n](?=\s)|[\n]")


def read_numeral(text: str, start: int, end: int, group: str, previous: list[Figure]) -> Reading | None:
    """Read one numeral and its surroundings; None when it does not parse.

    A reading the readers settle alone (``is_settled``: a code such as 5G, a tally, an earlier value
    of the figure before) goes to no rule.
    """
    numeral = text[start:end]
    parsed = parse_numeral(numeral, group)
    if parsed is None:
        return None
    r = Reading(start, end, parsed[0], parsed[1], group, numeral, text=text)
    left = _left_window(text, r.start)
    if not read_right(text, r):
        r.is_settled = True  # a code such as 5G: consumed, not a figure
        return r
    if (
        previous
        and (m := P.FROM_AFTER_LEVEL.fullmatch(text, previous[-1].consumed, r.start))
        and attach_from_value(r, m, previous[-1])
    ):
        r.is_settled = True
        return r
    left = read_left(left, r)
    _span_after_figure(text, r, start, previous)
    _mark_year_like(text, r)
    if r.is_year_like:
        r.start, r.bound, r.trend, r.is_change = start, "exact", None, False  # "over 2016", "by 2025": a time
    if read_range(text, r, left) == "vote":
        r.kind, r.is_settled = None, True
        return r
    if r.opener and r.rule not in ("range", "change") and r.opener_start is not None:
        r.start = r.opener_start  # "from 10 countries": no range follows, so "from" is not part of it
    read_rate(text, r)
    read_tail(text, r)
    r.left = left
    return r


def _mark_year_like(text: str, r: Reading) -> None:
    """Flag a bare four-digit year (1800-2100) before ranges are read: years never form ranges."""
    r.is_year_like = (
        r.group == "digits"
        and r.kind is None
        and r.unit_word is None
        and r.currency is None
        and r.scale == 1
        and r.bound not in ("at_most", "at_least", "under")  # "up to 2000 people", "at least 1900"
        and "," not in r.numeral
        and len(r.numeral) == 4
        and 1800 <= r.value <= 2100
        and not (next_is_plural(text, r.end) and not 1950 <= r.value <= 2035)
    )


def _span_after_figure(text: str, r: Reading, start: int, previous: list[Figure]) -> None:
    """ "worth $400bn over 30 years": "over" after a figure states the span it accrues over, not a bound."""
    if r.bound_word != "over" or r.bound_start is None or not previous or r.unit_word is None:
        return
    unit = units.lookup(r.unit_word)
    before = previous[-1]
    if (
        unit is not None
        and unit.kind == "duration"
        and before.kind not in ("duration", *TEMPORAL_KINDS)
        and not text[before.end : r.bound_start].strip(" ,")
    ):
        r.bound, r.start = "exact", start


def _left_window(text: str, start: int) -> str:
    window = text[max(0, start - _LEFT_WINDOW) : start]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    return window[breaks[-1].end() :] if breaks else window

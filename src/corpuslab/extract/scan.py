"""Scan a text before any numeral is read: spans that hold digits but no quantity, and figures written as
whole phrases.

Clock times, phone numbers, scores, codes and web addresses are blocked so their digits are never read
as quantities. Dates, multiples written as verbs ("doubled") and one unit of time with an article ("for
a year") are found here as whole phrases; a numeral inside any of these spans is skipped.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from corpuslab import units
from corpuslab.extract import patterns as P
from corpuslab.extract.figure import Figure
from corpuslab.extract.lexicon import (
    BOUNDS_BEFORE,
    MONTHS,
    MULTIPLY_VERBS,
    NAMED_AMOUNTS,
    ORDINAL_UNITS,
    ORDINAL_WORDS,
    bound_of,
)
from corpuslab.extract.nouns import words_after
from corpuslab.extract.numbers import parse_words


def blocked_spans(text: str) -> list[tuple[int, int]]:
    """Return the sorted spans whose digits are no quantity: times, phones, codes, addresses, scores."""
    blocked = list(P.blocked_spans(text))
    blocked += [m.span() for m in P.SCORE.finditer(text) if int(m.group("a")) >= int(m.group("b"))]
    blocked += [
        m.span()
        for m in P.SCORE_SERIES.finditer(text)
        if any(int(p["a"]) >= int(p["b"]) for p in P.SCORE_PAIR.finditer(m.group()))
    ]
    blocked.sort()
    return blocked


def free_numerals(text: str, taken: list[tuple[int, int]]) -> Iterator[tuple[int, int, str]]:
    """Yield ``(start, end, group)`` of every numeral that starts outside the sorted ``taken`` spans."""
    taken_index = 0
    for start, end, group in P.numerals(text):
        while taken_index < len(taken) and taken[taken_index][1] <= start:
            taken_index += 1
        if taken_index < len(taken) and taken[taken_index][0] <= start < taken[taken_index][1]:
            continue
        yield start, end, group


def without_overlaps(phrases: list[Figure], figures: list[Figure]) -> list[Figure]:
    """Drop phrase figures that overlap a numeral figure (figures are sorted and disjoint)."""
    starts = [f.start for f in figures]
    kept = []
    for p in phrases:
        i = bisect.bisect_left(starts, p.end)  # figures starting before p ends: only the last may overlap
        if i == 0 or figures[i - 1].end <= p.start:
            kept.append(p)
    return kept


def _covers(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` falls inside one of the sorted, disjoint-enough ``spans``."""
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def find_dates(text: str, blocked: list[tuple[int, int]]) -> list[Figure]:
    """ "4 February 2022", "Oct. 25-29", "2022-02-04": a date, its value written YYYYMMDD (0 for a part not given)."""
    out = []
    for m in P.DATES.finditer(text):
        if _covers(blocked, m.start()):
            continue
        g = m.groupdict()
        if g["iso"]:
            year, month, day = int(g["iy"]), int(g["im"]), int(g["id"])
        elif g["numeric"]:
            a, b, c = int(g["n1"]), int(g["n2"]), int(g["n3"])
            year = c + 2000 if c < 100 else c
            month, day = (b, a) if a > 12 else (a, b)
        else:
            month_word = (g["month"] or g["month2"] or g["month3"]).rstrip(".").lower()
            month = MONTHS[month_word]
            day = int(g["day"] or g["day2"] or 0)
            year = int(g["year"] or g["year2"] or g["year3"] or 0)
        if not (1 <= month <= 12 and 0 <= day <= 31):
            continue
        value = float(year * 10000 + month * 100 + day)
        out.append(
            Figure(
                m.start(), m.end(), m.group(), "date", "date", value, "date", value_as_written=value, consumed=m.end()
            )
        )
    return out


def find_multiplies(text: str, blocked: list[tuple[int, int]]) -> list[Figure]:
    """ "has quintupled", "more than doubling", "double her pay": multiples written as words."""
    out = []
    for m in P.MULTIPLY.finditer(text):
        stem = (m.group("stem") or m.group("halv") or m.group("adj")[:-1]).lower()
        factor = MULTIPLY_VERBS.get(stem, 2.0)
        start, bound = m.start(), "exact"
        if b := P.BOUND_BEFORE.search(text, max(0, start - 20), start):
            bound, start = bound_of(b.group("bound")), b.start()
        is_verb = m.group("verb") is not None
        trend = ("down" if factor < 1 else "up") if is_verb else None
        out.append(
            Figure(
                start,
                m.end(),
                text[start : m.end()],
                "multiply",
                "multiple",
                factor,
                "times",
                unit_surface=m.group(),
                bound=bound,
                trend=trend,
                is_change=is_verb,
                value_as_written=factor,
                unit_as_written="times",
                consumed=m.end(),
            )
        )
    return out


def find_article_durations(text: str, blocked: list[tuple[int, int]]) -> list[Figure]:
    """ "for a year", "a day later", "half an hour": one unit of time (or half of one) written with an article."""
    out = []
    for m in P.ARTICLE_DURATION.finditer(text):
        unit = (m.group("unit") or m.group("unit2")).lower()
        start = m.start(next(g for g in ("half", "half_alone", "art", "art2") if m.group(g)))
        end = m.end("unit") if m.group("unit") else m.end("unit2")
        pre = (m.group("pre") or "").lower()
        share = 0.5 if m.group("half") or m.group("half_alone") else 1.0
        days = share * units.duration_in(unit, "day")
        bound = BOUNDS_BEFORE.get(pre, "exact")
        if bound != "approximate":  # "over a year", "within a day": the span itself, not a bound on it
            more = pre == "than" and text[max(0, start - 10) : start].lower().strip().startswith("more")
            bound = "over" if more else "exact"
        out.append(
            Figure(
                start,
                end,
                text[start:end],
                "article_duration",
                "duration",
                days,
                "day",
                unit_surface=unit,
                bound=bound,
                precision=days / 2,
                value_as_written=share,
                unit_as_written=unit,
                consumed=end,
            )
        )
    return out


def find_named_amounts(text: str, blocked: list[tuple[int, int]]) -> list[Figure]:
    """ "absolute zero": an amount a phrase names without a numeral (lexicon.NAMED_AMOUNTS)."""
    out = []
    for m in P.NAMED_AMOUNT.finditer(text):
        written, unit = NAMED_AMOUNTS[" ".join(m.group().lower().replace("-", " ").split())]
        kind, canonical, value = units.to_canonical(written, unit)
        out.append(
            Figure(
                m.start(),
                m.end(),
                m.group(),
                "named_amount",
                kind,
                value,
                canonical,
                unit_surface=m.group(),
                value_as_written=written,
                unit_as_written=unit,
                consumed=m.end(),
            )
        )
    return out


# Characters before a spelled ordinal searched for the number words it ends ("one hundred and twenty-first").
_ORDINAL_LEFT_WINDOW = 60
# The first ordinal read as a figure: first to tenth are words news writes as adjectives ("the first time").
FIRST_READ_ORDINAL = 11


def find_spelled_ordinals(text: str, blocked: list[tuple[int, int]]) -> list[Figure]:
    """ "the twenty-first century", "its two hundredth anniversary", "eleventh": spelled ordinals from the eleventh."""
    out = []
    for m in P.SPELLED_ORDINAL.finditer(text):
        if _covers(blocked, m.start()):
            continue
        if m.group("word"):
            last = ORDINAL_WORDS[m.group("word").lower()]
        else:
            last = f"{m.group('tens')} {ORDINAL_UNITS[m.group('unit').lower()]}"
        start = m.start()
        if before := P.SPELLED_BEFORE.search(text, max(0, start - _ORDINAL_LEFT_WINDOW), start):
            start = before.start()
        value = parse_words(f"{text[start : m.start()]} {last}")
        if value is None or value < FIRST_READ_ORDINAL:
            continue
        if (fraction := P.ORDINAL_FRACTION_AT.match(text, start)) and fraction.end() == m.end():
            continue  # "one twenty-fifth.": a fraction, read with the numerals
        surface, noun = text[start : m.end()], words_after(text, m.end())
        figure = Figure(start, m.end(), surface, "ordinal", "ordinal", value, "ordinal", precision=0.5, noun=noun)
        figure.value_as_written, figure.consumed = value, m.end()
        out.append(figure)
    return out

"""The extraction rules: read every numeral with what surrounds it and decide what figure it is.

One pass over the text finds numerals; for each, short anchored patterns read the bound, currency,
range, scale, unit, rate and change words around it (:mod:`.reading`, :mod:`.context`) and decide
its kind (:mod:`.kinds`). Dates, clock times, phone numbers, scores and web addresses are
recognised first so they are not read as quantities; a few figures written without digits
("for a year", "doubled") come from whole-phrase patterns.

Examples
--------
>>> [(f.surface, f.value, f.unit, f.trend) for f in find_figures("Exports rose by about 28% to $1.2bn.")]
[('by about 28%', 28.0, 'percent', 'up'), ('$1.2bn', 1200000000.0, 'USD', 'up')]
"""

from __future__ import annotations

import bisect
import itertools
import math
import re

from corpuslab import units
from corpuslab.extract import patterns as P
from corpuslab.extract.context import attach_from_value, read_left, read_range, read_tail
from corpuslab.extract.figure import Figure
from corpuslab.extract.kinds import decide_kind, mark_year_like
from corpuslab.extract.lexicon import BOUNDS_BEFORE, MONTHS, MULTIPLY_VERBS, bound_of
from corpuslab.extract.numbers import parse_numeral
from corpuslab.extract.reading import Reading, read_rate, read_right
from corpuslab.extract.subject import singular, subject_of
from corpuslab.vocab import TEMPORAL_KINDS

_LEFT_WINDOW = 90
_SUBJECT_WINDOW = 300
# Anything that might end a sentence inside a text (a full stop, "?", "!" or a line break before more text).
_MAYBE_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’)\]]*\s|\n")
_CLAUSE_BREAK = re.compile(r"[.;:!?\n](?=\s)|[\n]")
_DURATION_DAYS = {"year": 365.25, "month": 30.4375, "week": 7.0, "fortnight": 14.0, "day": 1.0,
                  "hour": 1 / 24, "minute": 1 / 1440, "decade": 3652.5, "century": 36525.0}  # fmt: skip
# Substrings without which a phrase pattern cannot match (dates: a month name, or digits joined by - or /).
_DATE_HINTS = (*sorted({m[:3] for m in MONTHS}), "-", "/")
_MULTIPLY_HINTS = ("doubl", "tripl", "quadrupl", "quintupl", "halv", "twice")
_DURATION_HINTS = ("year", "month", "week", "day", "decade", "centur", "hour", "minute", "fortnight")
# An age written in months or weeks, in years.
_AGE_YEARS = {"year": 1.0, "month": 1 / 12, "week": 7 / 365.25, "day": 1 / 365.25}
_LOWER_BOUNDS = frozenset(["over", "at_least"])
_UPPER_BOUNDS = frozenset(["under", "at_most"])
_BOUND_JOIN = re.compile(r"\s*,?\s*(?:and|but)\s+", re.IGNORECASE)
_PARENTHESIS_GAP = re.compile(r"\s*\(\s*(?:about|around|approximately|roughly|some|or|c\.|~)?\s*")

__all__ = ["RULE_EXAMPLES", "Figure", "find_figures"]

# Each rule (vocab.RULES) with the kind it gives and the example it exists for: (kind, text, surface).
RULE_EXAMPLES: dict[str, tuple[str, str, str]] = {
    "quantity": ("volume_rate", "Russia sends 50 bcm a year to China.", "50 bcm a year"),
    "count": ("count", "Over 20 documents were signed.", "Over 20"),
    "rate": ("rate", "The region has 3 doctors per capita.", "3 doctors per capita"),
    "range": ("currency", "It costs 33-35 billion euros.", "33-35 billion euros"),
    "change": ("volume", "Exports rose from 38 to 44 bcm.", "from 38 to 44 bcm"),
    "vague": ("count", "Thousands of people marched.", "Thousands"),
    "age": ("age", "A 45-year-old man was arrested.", "45-year-old"),
    "decade": ("year", "Prices peaked in the 1990s.", "1990s"),
    "year": ("year", "The plant opened in 2019.", "2019"),
    "ordinal": ("ordinal", "It is the 3rd largest port.", "3rd"),
    "date": ("date", "The deal was signed on 4 February 2022.", "4 February 2022"),
    "multiply": ("multiple", "Exports have doubled.", "doubled"),
    "article_duration": ("duration", "The talks lasted for a year.", "a year"),
}


def find_figures(text: str, *, sentences: list[tuple[int, int]] | None = None) -> list[Figure]:
    """Return every figure in ``text`` in reading order.

    ``sentences`` are ``(start, end)`` spans used to name each figure's subject; by default the
    text is split with :func:`corpuslab.segment.sentence_spans`.

    Examples
    --------
    >>> [(f.surface, f.noun) for f in find_figures("Over 20 documents were signed on 4 February 2022.")]
    [('Over 20', 'document'), ('4 February 2022', None)]
    """
    if not isinstance(text, str):
        raise TypeError(f"find_figures expects a str, got {type(text).__name__}")
    blocked = list(P.blocked_spans(text))
    blocked += [m.span() for m in P.SCORE.finditer(text) if int(m.group("a")) >= int(m.group("b"))]
    blocked.sort()
    lower = text.lower()  # substring checks first: most short texts hold no date, multiple or "a year"
    phrases = [
        *(_find_dates(text, blocked) if _may_hold(lower, _DATE_HINTS) else ()),
        *(_find_multiplies(text) if _may_hold(lower, _MULTIPLY_HINTS) else ()),
        *(_find_article_durations(text) if _may_hold(lower, _DURATION_HINTS) else ()),
    ]
    taken = sorted([*blocked, *((f.start, f.end) for f in phrases)])
    figures: list[Figure] = []
    consumed = 0
    taken_index = 0
    for start, end, group in P.numerals(text):
        if start < consumed:
            continue
        while taken_index < len(taken) and taken[taken_index][1] <= start:
            taken_index += 1
        if taken_index < len(taken) and taken[taken_index][0] <= start < taken[taken_index][1]:
            continue
        reading = _read(text, start, end, group, figures)
        if reading is None:
            continue
        consumed = max(consumed, reading.end)
        if reading.kind is not None and reading.rule != "from_value":
            figure = _figure(text, reading)
            if not any(math.isinf(v) for v in (figure.value, figure.range_low, figure.range_high)):
                figures.append(figure)  # a huge numeral times its scale overflows: not a figure
    found = sorted([*figures, *_without_overlaps(phrases, figures)], key=lambda f: (f.start, f.end))
    _copy_into_parentheses(text, found)
    found = _join_two_sided_bounds(text, found)
    _name_subjects(text, found, sentences)
    return found


def _read(text: str, start: int, end: int, group: str, previous: list[Figure]) -> Reading | None:
    """Read one numeral and its surroundings; None when it does not parse."""
    numeral = text[start:end]
    parsed = parse_numeral(numeral, group)
    if parsed is None:
        return None
    r = Reading(start, end, parsed[0], parsed[1], group, numeral)
    left = _left_window(text, r.start)
    if not read_right(text, r):
        return r  # a code such as 5G: consumed, not a figure
    if (
        previous
        and (m := P.FROM_AFTER_LEVEL.fullmatch(text, previous[-1].consumed, r.start))
        and attach_from_value(r, m, previous[-1])
    ):
        return r
    left = read_left(left, r)
    _span_after_figure(text, r, start, previous)
    mark_year_like(text, r)
    if r.is_year_like:
        r.start, r.bound, r.trend, r.is_change = start, "exact", None, False  # "over 2016", "by 2025": a time
    if read_range(text, r, left) == "vote":
        r.kind = None
        return r
    if r.opener and r.rule not in ("range", "change") and r.opener_start is not None:
        r.start = r.opener_start  # "from 10 countries": no range follows, so "from" is not part of it
    read_rate(text, r)
    read_tail(text, r)
    decide_kind(text, r, left)
    return r


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


def _figure(text: str, r: Reading) -> Figure:
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


def _money_denominator(r: Reading) -> str:
    """ "_per_barrel" for a price per barrel, "_per_year" for money per period (annualised), else ""."""
    if r.per_unit:
        return f"_per_{r.per_unit}"
    return "_per_year" if r.period else ""


def _unit_as_written(r: Reading, kind: str) -> str | None:
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


def _convert(value: float, r: Reading, kind: str) -> tuple[str, float]:
    """Return ``(canonical unit, value)`` for a value written in the reading's unit."""
    if kind == "currency":
        return (r.currency or "USD"), value * r.subunit / (units.PERIOD_YEARS[r.period] if r.period else 1.0)
    if kind == "rate" and r.rate_unit:
        return r.rate_unit, value / r.rate_divisor
    if kind == "age" and r.unit_word:
        return "year", value * _AGE_YEARS.get(r.unit_word.split()[0].rstrip("s"), 1.0)
    word = units.lookup(r.unit_word) if r.unit_word else None
    if word is None:
        return units.PLAIN_UNITS.get(kind, "number"), value
    if word.pint is None:
        factor = units.PLAIN_FACTORS.get(units.unit_key(r.unit_word or ""), 1.0)
        return units.plain_unit(r.unit_word or "", word.kind), value * factor
    _, name, converted = units.to_canonical(value, word.pint, per=r.period, kind=word.kind)
    return name, converted


def _kind_of(r: Reading, kind: str) -> str:
    word = units.lookup(r.unit_word or "")
    if word is None or word.pint is None or kind == "age":
        return kind
    return units.canonical(word.pint, per=r.period, kind=word.kind)[0]


def _may_hold(lower: str, hints: tuple[str, ...]) -> bool:
    return any(hint in lower for hint in hints)


def _find_dates(text: str, blocked: list[tuple[int, int]]) -> list[Figure]:
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


def _find_multiplies(text: str) -> list[Figure]:
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


def _find_article_durations(text: str) -> list[Figure]:
    """ "for a year", "a day later": one unit of time written with an article."""
    out = []
    for m in P.ARTICLE_DURATION.finditer(text):
        unit = (m.group("unit") or m.group("unit2")).lower()
        start = m.start("art") if m.group("art") else m.start("art2")
        end = m.end("unit") if m.group("unit") else m.end("unit2")
        pre = (m.group("pre") or "").lower()
        bound = (
            BOUNDS_BEFORE.get(pre, "exact")
            if pre in ("about", "around", "nearly", "almost", "roughly")
            else "over"
            if pre == "than" and text[max(0, start - 10) : start].lower().strip().startswith("more")
            else "exact"
        )
        out.append(
            Figure(
                start,
                end,
                text[start:end],
                "article_duration",
                "duration",
                _DURATION_DAYS[unit],
                "day",
                unit_surface=unit,
                bound=bound,
                precision=_DURATION_DAYS[unit] / 2,
                value_as_written=1.0,
                unit_as_written=unit,
                consumed=end,
            )
        )
    return out


def _without_overlaps(phrases: list[Figure], figures: list[Figure]) -> list[Figure]:
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


def _copy_into_parentheses(text: str, figures: list[Figure]) -> None:
    """ "up to 150 mph (240 kph)": a conversion in brackets states the same figure, bound and all."""
    for before, after in itertools.pairwise(figures):
        if before.kind == after.kind and _PARENTHESIS_GAP.fullmatch(text, before.end, after.start):
            if after.bound == "exact":
                after.bound = before.bound
            after.trend = after.trend or before.trend
            after.is_change = after.is_change or before.is_change


def _join_two_sided_bounds(text: str, figures: list[Figure]) -> list[Figure]:
    """ "more than 10 and less than 40", "at most 100 and at least 20": a lower and an upper bound joined by
    "and" or "but" state one range."""
    out: list[Figure] = []
    for figure in figures:
        before = out[-1] if out else None
        sides = {before.bound, figure.bound} if before else set()
        if (
            before is not None
            and len(sides & _LOWER_BOUNDS) == 1
            and len(sides & _UPPER_BOUNDS) == 1
            and _same_measure(before, figure)
            and math.isnan(before.range_low)
            and math.isnan(figure.range_low)
            and _BOUND_JOIN.fullmatch(text, before.end, figure.start)
        ):
            low, high = sorted((before.value, figure.value))
            before.end = before.consumed = figure.end
            before.surface = text[before.start : figure.end]
            before.value, before.range_low, before.range_high = low, low, high
            before.value_as_written = min(before.value_as_written, figure.value_as_written)
            before.bound, before.rule = "exact", "range"
            if figure.kind == "count":
                before.kind, before.unit, before.noun = figure.kind, figure.unit, figure.noun  # "... 20 apples"
            continue
        out.append(figure)
    return out


def _same_measure(a: Figure, b: Figure) -> bool:
    plain = ("count", "number")
    return (a.kind, a.unit) == (b.kind, b.unit) or (a.kind in plain and b.kind in plain)


def _name_subjects(text: str, figures: list[Figure], sentences: list[tuple[int, int]] | None) -> None:
    if not figures:
        return
    if sentences is None and len(text) <= _SUBJECT_WINDOW and not _MAYBE_SENTENCE_BREAK.search(text.rstrip()):
        sentences = [(0, len(text))]  # one short sentence: no segmenter call, whose per-call cost shows here
    if sentences is None:
        from corpuslab.segment import sentence_spans

        sentences = sentence_spans(text)
    index = 0
    for figure in figures:
        while index < len(sentences) - 1 and sentences[index][1] <= figure.start:
            index += 1
        s_start, s_end = sentences[index] if sentences else (0, len(text))
        # A window, not the whole sentence: text with no sentence breaks must not cost quadratic time.
        s_start = max(min(s_start, figure.start), figure.start - _SUBJECT_WINDOW)
        s_end = min(max(s_end, figure.end), figure.end + _SUBJECT_WINDOW)
        figure.subject = subject_of(
            text[s_start:s_end], figure.start - s_start, figure.end - s_start, kind=figure.kind, noun=figure.noun
        )
        if figure.kind == "count" and figure.noun:
            figure.noun = singular(figure.noun.split()[-1])

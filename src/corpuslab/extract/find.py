"""Find every figure in a text: scan, read each numeral's evidence, let the rule table decide, make figures.

The steps, one module each: :mod:`.scan` blocks spans that hold digits but no quantity and finds
the figures written as whole phrases (dates, "doubled", "for a year"); :mod:`.context` (with
:mod:`.reading`) reads what stands left and right of every other numeral into frozen
:mod:`.evidence`; the table in :mod:`.rules` decides what it is (its kind and rule); and
:mod:`.figure` converts it to its canonical unit. Last, figures next to each other are joined where
they state one thing ("more than 10 and less than 40", a conversion in brackets) and given subjects.

Examples
--------
>>> [(f.surface, f.value, f.unit, f.trend) for f in find_figures("Exports rose by about 28% to $1.2bn.")]
[('by about 28%', 28.0, 'percent', 'up'), ('$1.2bn', 1200000000.0, 'USD', 'up')]
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import re

from corpuslab import units
from corpuslab.errors import InputFormatError
from corpuslab.extract.context import read_numeral
from corpuslab.extract.figure import Figure, build_figure
from corpuslab.extract.lexicon import ARTICLE_DURATION_UNITS
from corpuslab.extract.numbers import alternation
from corpuslab.extract.rules import decide, find_phrases
from corpuslab.extract.scan import blocked_spans, free_numerals, without_overlaps
from corpuslab.extract.subject import singular, subject_of

# Characters either side of a figure its subject is looked for in: text with no sentence breaks must not
# cost quadratic time. A text this short with no sentence break is taken as one sentence.
_SUBJECT_WINDOW = 300
# Anything that might end a sentence inside a text (a full stop, "?", "!" or a line break before more text).
_MAYBE_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’)\]]*\s|\n")
_LOWER_BOUNDS = frozenset(["over", "at_least"])
_UPPER_BOUNDS = frozenset(["under", "at_most"])
_BOUND_JOIN = re.compile(r"\s*,?\s*(?:and|but)\s+", re.IGNORECASE)
_PARENTHESIS_GAP = re.compile(r"\s*\(\s*(?:about|around|approximately|roughly|some|or|c\.|~)?\s*")
# "2 days and 21 hours", "1 hour, 17 minutes": the parts of one elapsed time, days or smaller units, are one
# duration. A run of parts from years or months down ("21 years and six months", "3 years, 2 months, 14
# days") stays a list of figures, as quantulum3's own cases count them.
_LARGEST_PART_DAYS = 1.0 + 1e-12
_PARTS_GAP = re.compile(r"\s*,?\s*(?:and\s+)?")
# "3 dollars 50 cents", "$3 and 50 cents": an amount and a subunit of it are one amount.
_SUBUNITS = frozenset(units.CURRENCY_SUBUNITS)  # as written: "cent", "pence", "sen", ...
# "an hour and fifteen minutes": the larger part written with an article, which alone is no figure.
_ARTICLE_UNIT_BEFORE = re.compile(rf"\b(?:an?)\s+(?P<unit>{'|'.join(ARTICLE_DURATION_UNITS)})\s+and\s+$", re.IGNORECASE)
# "cut output by 1.2 million barrels per day, to 32.5 million": the level a change reaches, its unit left out.
_TO_LEVEL_GAP = re.compile(r"\s*,?\s+to\s+", re.IGNORECASE)
# The scale word both figures must write for the unit to carry over ("rose 5 percent to 1.2 million" holds
# a percent and a count of something else); glued or apart ("$1.2bn", "10 bn"), never inside a word.
_SCALE_WORD = re.compile(rf"(?<![A-Za-z])(?:{alternation(units.SCALES)})(?![A-Za-z])", re.IGNORECASE)
# Characters before a duration searched for its larger part with an article ("a fortnight and " is 16).
_DURATION_WINDOW = 20

__all__ = ["explain_numerals", "find_figures"]


def find_figures(text: str, *, sentences: list[tuple[int, int]] | None = None, dollar: str = "USD") -> list[Figure]:
    """Return every figure in ``text`` in reading order.

    ``sentences`` are ``(start, end)`` spans used to name each figure's subject; by default the
    text is split with :func:`corpuslab.segment.sentence_spans`. ``dollar`` is what a bare "$",
    "dollars" or "cents" means (``"AUD"`` for Australian news); "US$", "$US" or "US dollars" stay ``USD``.

    Examples
    --------
    >>> [(f.surface, f.noun) for f in find_figures("Over 20 documents were signed on 4 February 2022.")]
    [('Over 20', 'document'), ('4 February 2022', None)]
    """
    if not isinstance(text, str):
        raise TypeError(f"find_figures expects a str, got {type(text).__name__}")
    dollar = check_dollar(dollar)
    phrases, taken = _scan(text)
    figures = _numeral_figures(text, taken)
    found = sorted([*figures, *without_overlaps(phrases, figures)], key=lambda f: (f.start, f.end))
    found = _join_parts(text, found)
    if dollar != "USD":  # before a level takes its change's currency: "by US$2 billion, to 10 billion"
        found = [_in_local_dollars(text, f, dollar) for f in found]
    _copy_into_parentheses(text, found)
    _carry_unit_to_level(text, found)
    found = _join_two_sided_bounds(text, found)
    _name_subjects(text, found, sentences)
    return found


def check_dollar(dollar: str) -> str:
    """``dollar`` as an ISO code ("aud" is "AUD"); refused when it is not a currency called dollar (a bare "$"
    cannot mean euros)."""
    if str(dollar).lower() == "auto":
        raise InputFormatError(
            "dollar='auto' guesses each outlet's dollar from a corpus, and one text is none: pass its dollar "
            "(dollar='AUD'), or run extract_figures or run_pipeline on the corpus"
        )
    code = str(dollar).upper()
    if code not in units.DOLLAR_CURRENCIES:
        known = ", ".join(sorted(units.DOLLAR_CURRENCIES))
        raise InputFormatError(f"dollar={dollar!r} is not a currency called dollar; use one of {known}")
    return code


# "US $5 billion", "U.S. $5 million": the mark may stand apart from the figure.
_AMERICAN_BEFORE = re.compile(rf"\b(?:{alternation(units.AMERICAN_DOLLAR_MARKS)})\s?$")


def _in_local_dollars(text: str, figure: Figure, dollar: str) -> Figure:
    """A figure in unmarked dollars ("$5", "5 dollars", "50 cents") in the corpus's own dollar."""
    if figure.currency != "USD" or any(mark in figure.surface for mark in units.AMERICAN_DOLLAR_MARKS):
        return figure
    if _AMERICAN_BEFORE.search(text, max(0, figure.start - len("U.S. ")), figure.start):
        return figure
    written = figure.unit_as_written
    return dataclasses.replace(
        figure,
        currency=dollar,
        unit=units.swap_currency(figure.unit, "USD", dollar),
        unit_as_written=units.swap_currency(written, "USD", dollar) if written else written,
    )


def explain_numerals(text: str) -> list[tuple[str, str | None]]:
    """Return each numeral read, as ``(surface read, name of the rules row that decided it)``.

    The name is a row of :data:`corpuslab.extract.rules.ROWS`, or None where the readers settled the
    numeral alone (a code such as 5G, a tally, the earlier value of a change). For finding out why a
    number is, or is not, a figure: here "2" is part of a name and "5" of a code, so neither is a figure.
    Numerals inside dates and other phrase figures are not read, so not listed.

    Examples
    --------
    >>> from corpuslab.extract import explain_numerals
    >>> explain_numerals("Power of Siberia 2 carries 38 bcm a year to 5G sites.")
    [('2', 'name_number'), ('38 bcm a year', 'unit'), ('5', None)]
    """
    trace: list[tuple[str, str | None]] = []
    _numeral_figures(text, _scan(text)[1], trace)
    return trace


def _scan(text: str) -> tuple[list[Figure], list[tuple[int, int]]]:
    """The phrase figures, and the sorted spans no numeral is read in (blocked spans and phrases)."""
    blocked = blocked_spans(text)
    phrases = find_phrases(text, blocked)
    return phrases, sorted([*blocked, *((f.start, f.end) for f in phrases)])


def _numeral_figures(
    text: str, taken: list[tuple[int, int]], trace: list[tuple[str, str | None]] | None = None
) -> list[Figure]:
    """Read every numeral outside ``taken``, decide it by the rule table and make its figure."""
    figures: list[Figure] = []
    consumed = 0
    for start, end, group in free_numerals(text, taken):
        if start < consumed:
            continue  # read already, as part of the figure before ("between 50 and 70")
        reading = read_numeral(text, start, end, group, figures)
        if reading is None:
            continue
        evidence = reading.freeze()
        row = None
        if not evidence.is_settled:
            row, evidence = decide(evidence)
        consumed = max(consumed, evidence.end)
        if trace is not None:
            trace.append((text[evidence.start : evidence.end], row.name if row else None))
        if evidence.kind is not None and evidence.rule != "from_value":
            figure = build_figure(text, evidence)
            if not any(math.isinf(v) for v in (figure.value, figure.range_low, figure.range_high)):
                figures.append(figure)  # a huge numeral times its scale overflows: not a figure
    return figures


def _join_parts(text: str, figures: list[Figure]) -> list[Figure]:
    """ "2 hours 30 minutes", "an hour and fifteen minutes", "3 dollars 50 cents": a figure followed by its
    parts in smaller units, each less than one of the unit before, is one figure."""
    runs: list[list[Figure]] = []
    for figure in figures:
        if runs and (_continues_duration(text, runs[-1][-1], figure) or _continues_money(text, runs[-1], figure)):
            runs[-1].append(figure)
        else:
            runs.append([figure])
    out: list[Figure] = []
    previous_end = 0
    for run in runs:
        first = run[0]
        if len(run) > 1 and first.kind == "currency":
            total = sum(f.value for f in run)
            first.end = first.consumed = run[-1].end
            first.surface, first.value, first.value_as_written = text[first.start : first.end], total, total
            run = [first]
        elif len(run) > 1 and _unit_days(first) <= _LARGEST_PART_DAYS:
            _extend_duration(text, first, first.start, sum(f.value for f in run), run[-1])
            run = [first]
        elif len(run) > 1:
            pass  # calendar parts stay a list
        elif _is_duration_part(first) and first.bound == "exact":
            window_start = max(0, first.start - _DURATION_WINDOW)
            m = _ARTICLE_UNIT_BEFORE.search(text, window_start, first.start)
            if (
                m
                and (larger := units.duration_in(m.group("unit").lower(), "day")) <= _LARGEST_PART_DAYS
                and first.value < larger > _unit_days(first)
                and m.start() >= previous_end
            ):
                _extend_duration(text, first, m.start(), larger + first.value, first)
        out += run
        previous_end = run[-1].end
    return out


def _continues_money(text: str, run: list[Figure], figure: Figure) -> bool:
    """ "3 dollars 50 cents": a whole amount, then cents or pence (of its currency: "2 euros 30 cents")."""
    before = run[0]
    return (
        len(run) == 1
        and before.kind == figure.kind == "currency"
        and before.rule == figure.rule == "quantity"
        and before.unit == before.currency  # no price per unit or per year
        and before.unit_as_written not in _SUBUNITS
        and before.value == int(before.value)
        and figure.unit_as_written in _SUBUNITS
        and (figure.currency == before.currency or figure.unit_as_written == "cent")
        and 0 < figure.value < 1
        and figure.bound == "exact"
        and _PARTS_GAP.fullmatch(text, before.end, figure.start) is not None
    )


def _continues_duration(text: str, before: Figure, figure: Figure) -> bool:
    gap = _PARTS_GAP.fullmatch(text, before.end, figure.start)
    return (
        gap is not None
        and _is_duration_part(before)
        and _is_duration_part(figure)
        and figure.bound == "exact"
        and (before.rule != "article_duration" or "and" in gap.group().lower())  # not "within a year, six months"
        and figure.value < _unit_days(before) > _unit_days(figure)
    )


def _is_duration_part(figure: Figure) -> bool:
    return (
        figure.kind == "duration"
        and figure.rule in ("quantity", "article_duration")
        and math.isnan(figure.from_value)
        and not figure.is_change
        and figure.value_as_written > 0
    )


def _unit_days(figure: Figure) -> float:
    """Days in one unit of time as the figure writes it (1/1440 for "17 minutes")."""
    return figure.value / figure.value_as_written


def _extend_duration(text: str, into: Figure, start: int, days: float, last: Figure) -> None:
    """Make ``into`` the duration from ``start`` to the end of ``last``, ``days`` long, in the unit of ``last``."""
    unit_days = _unit_days(last)
    into.start, into.end, into.consumed = start, last.end, last.end
    into.surface = text[start : last.end]
    into.value = days
    into.value_as_written, into.unit_as_written = days / unit_days, last.unit_as_written
    into.unit_surface, into.precision, into.rule = last.unit_surface, last.precision, "quantity"


def _copy_into_parentheses(text: str, figures: list[Figure]) -> None:
    """ "up to 150 mph (240 kph)": a conversion in brackets states the same figure, bound and all."""
    for before, after in itertools.pairwise(figures):
        if before.kind == after.kind and _PARENTHESIS_GAP.fullmatch(text, before.end, after.start):
            if after.bound == "exact":
                after.bound = before.bound
            after.trend = after.trend or before.trend
            after.is_change = after.is_change or before.is_change


def _carry_unit_to_level(text: str, figures: list[Figure]) -> None:
    """ "by 1.2 million barrels per day, to 32.5 million": a bare number right after a change, written at the
    change's scale, is the level the change reaches, in the change's unit."""
    for change, level in itertools.pairwise(figures):
        if (
            change.is_change
            and change.unit not in ("number", "count", "percent")
            and change.kind != "temperature"  # an offset unit: no factor carries over
            and level.unit == "number"
            and math.isnan(level.range_low)  # one level: a range's ends are in the unit as written
            and _TO_LEVEL_GAP.fullmatch(text, change.end, level.start)
            and (scale := _scale_word(change.surface)) is not None
            and scale == _scale_word(level.surface)
        ):
            factor = change.value / change.value_as_written
            level.kind, level.unit, level.currency = change.kind, change.unit, change.currency
            level.value, level.precision = level.value_as_written * factor, level.precision * factor
            level.unit_as_written = change.unit_as_written


def _scale_word(surface: str) -> str | None:
    found = _SCALE_WORD.search(surface)
    return found.group().lower() if found else None


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
            # "more than 40 and less than 10" are two bounds, not a range
            and _lower_end(before, figure).value < _upper_end(before, figure).value
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


def _lower_end(a: Figure, b: Figure) -> Figure:
    return a if a.bound in _LOWER_BOUNDS else b


def _upper_end(a: Figure, b: Figure) -> Figure:
    return b if a.bound in _LOWER_BOUNDS else a


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
        # A window, not the whole sentence (see _SUBJECT_WINDOW).
        s_start = max(min(s_start, figure.start), figure.start - _SUBJECT_WINDOW)
        s_end = min(max(s_end, figure.end), figure.end + _SUBJECT_WINDOW)
        figure.subject = subject_of(
            text[s_start:s_end], figure.start - s_start, figure.end - s_start, kind=figure.kind, noun=figure.noun
        )
        if figure.kind == "count" and figure.noun:
            figure.noun = singular(figure.noun.split()[-1])

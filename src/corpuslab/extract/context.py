"""Reading one numeral's evidence: what follows it (:mod:`.reading`), then sign, currency, bound and
change words before it, a range or change partner after it, and the words after the figure.

The left window stops at a clause break, so a figure never reads words from the clause before it.

Examples
--------
"about US$250 billion" (bound, currency), "between 50 and 70" (range), "rose from 38 to 44"
(a level with its earlier value), "increase by 28%" and "a 28% increase" (amounts of change).
"""

from __future__ import annotations

import math
import re

from corpuslab import units
from corpuslab.extract import patterns as P
from corpuslab.extract.evidence import Reading
from corpuslab.extract.figure import Figure
from corpuslab.extract.lexicon import (
    CHANGE_AFTER,
    CHANGE_NOUNS_BEFORE_OF,
    CHANGE_ONLY_WITH_BY,
    CHANGE_WORD,
    MONEY_AMOUNT_AFTER,
    PHRASAL_BEFORE_PARTICLE,
    bound_of,
)
from corpuslab.extract.nouns import next_is_plural
from corpuslab.extract.numbers import parse_numeral
from corpuslab.extract.reading import read_rate, read_right
from corpuslab.vocab import TEMPORAL_KINDS

# Characters read before a numeral for its currency, bound, opener and change verb; the window is cut
# further at the last clause break, so it only bounds the work in a long clause.
_LEFT_WINDOW = 90
# Passes over the left for sign, currency, bound, opener and "additional", each taken once per pass, right
# to left; another pass reads them written in another order. The cap bounds the work.
_LEFT_PASSES = 4
# The longest sign, currency, bound, opener or additive word before a numeral ("no fewer than", "ranging from")
# fits in this many characters, spaces included.
_LEFT_TAIL = 40
# Characters before the numeral split into tokens for the change verb right before it ("rose 5%", "cut by
# 20"): only the last two or three tokens are used, so this bounds the work.
_CHANGE_VERB_WINDOW = 60
# "two or three": "or" joins two numbers into a range only when the first is below this, is spelled, or
# the second alone carries the unit; two larger digits joined by "or" stay two figures.
_OR_RANGE_BELOW = 10
# "52 to 47": a pair of plain whole numbers falling from the first to the second, both under this, is a
# tally of votes or a score, not a range (a range is written low to high).
_TALLY_BELOW = 1000
# "from 500,000 to 2 million": when the first end without the second's scale is already this many times the
# second, it is written in full and does not share the scale ("from 38 to 44 billion" does).
_WRITTEN_IN_FULL_RATIO = 50
# Four digits in this span read as a year; followed by a plural they count it ("1900 people"), unless
# the year is recent enough to name an event ("the 2019 elections").
_YEARS = (1800, 2100)
_RECENT_YEARS = (1950, 2035)
# Two four-digit numbers joined by a dash, rising, are a span of years even before 1800 ("the Ming dynasty
# (1368-1644)"), unless a plural follows ("1200-1500 people").
_EARLIEST_SPAN_YEAR = 1000
_YEAR_SPAN_AFTER = re.compile(r"[-–](?P<year>\d{4})(?!\d|[.,]\d)")
_SPAN_CLOSES = re.compile(r"\)|[.,;:](?:\s|$)|$")
_YEAR_SPAN_BEFORE = re.compile(r"(?<![\d,.])(?P<year>\d{4})[-–]$")
_CLAUSE_BREAK = re.compile(r"[.;:!?\n](?=\s)|[\n]")
_TOKEN = re.compile(r"[A-Za-z]+|[^\sA-Za-z]+")
_ARTICLE_END = re.compile(r"\b(?:an?|the)\s+$", re.IGNORECASE)
# Words before a participle that make it an adjective ("an extended 10-day holiday"), not a verb of change.
_ARTICLES = frozenset(["a", "an", "the"])
# The rest of the clause after a figure, as far as a change word after it is looked for ("a 28% increase").
_CLAUSE_TAIL = re.compile(r"[^,.;:()!?\n]{0,40}")
# Words of that tail read: "a 10.1 percent year-on-year drop" puts the change word two words on.
_CHANGE_AFTER_WORDS = 3
_WORDS = re.compile(r"[A-Za-z][\w-]*")
# Words between a figure and a change word that break the link ("5% of the increase").
_NOT_BETWEEN = frozenset("of the and or in to for from than that which was were is are by".split())


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
    _direction_before_from(text, r, left)
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
        and r.bound not in ("at_most", "at_least", "under")  # "up to 2000 people", "at least 1900"
        and (_is_year_number(r) or (_is_four_plain_digits(r) and _in_year_span(text, r)))
        and not (next_is_plural(text, r.end) and not _RECENT_YEARS[0] <= r.value <= _RECENT_YEARS[1])
    )


def _in_year_span(text: str, r: Reading) -> bool:
    """ "(1368-1644)", "ruled 1368-1644.": either end of a rising dash-joined pair of four-digit years that
    closes its clause; with a word after it, a bound or an opener, it is an amount ("about 1200-1500 died",
    "1200-1500 of them", "the 1200-1500m stretch")."""
    if not _EARLIEST_SPAN_YEAR <= r.value <= _YEARS[1] or r.bound != "exact" or r.opener:
        return False
    after = _YEAR_SPAN_AFTER.match(text, r.end)
    if after and r.value < int(after.group("year")) <= _YEARS[1]:
        return _SPAN_CLOSES.match(text, after.end()) is not None
    before = _YEAR_SPAN_BEFORE.search(text, max(0, r.start - 5), r.start)
    first = int(before.group("year")) if before else 0
    return _EARLIEST_SPAN_YEAR <= first < r.value and _SPAN_CLOSES.match(text, r.end) is not None


def _direction_before_from(text: str, r: Reading, left: str) -> None:
    """ "went up to £1.20 from £1.05": "up to" or "down to" before a level whose earlier value follows is the
    direction it moved, not a bound."""
    if r.trend is not None or not ((m := P.FROM_AFTER_LEVEL.match(text, r.end)) and P.NUMERAL_AT.match(text, m.end())):
        return
    if r.bound_word == "up to" and r.bound_start == r.start and (up := P.UP_TO.match(text, r.start)):
        r.bound, r.bound_word, r.bound_start, r.trend, r.start = "exact", None, None, "up", up.end()
    elif P.DOWN_TO_BEFORE.search(left):
        r.trend = "down"


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


def _tail_search(pattern: re.Pattern[str], rest: str) -> re.Match[str] | None:
    """Search a pattern anchored at the end of ``rest`` only in its tail: tried from every position of the
    whole left window, these searches were an eighth of the time of a short sentence."""
    return pattern.search(rest, max(0, len(rest) - _LEFT_TAIL))


def _is_four_plain_digits(r: Reading) -> bool:
    return r.scale == 1 and "," not in r.numeral and len(r.numeral) == 4


def _is_year_number(r: Reading) -> bool:
    """Four plain digits from 1800 to 2100 ("2019", not "2,019" or "2019 million")."""
    return _is_four_plain_digits(r) and _YEARS[0] <= r.value <= _YEARS[1]


def _is_lost_sign(rest: str, r: Reading) -> bool:
    """A lost sign before digits that read as nothing else: not before a unit, a plural ("?3 goals": a lost
    quote), a year ("?2019 was"), nor after "aged"."""
    return bool(
        P.LOST_SIGN_BEFORE.search(rest, max(0, len(rest) - 2))
        and r.group == "digits"
        and r.unit_word is None
        and not next_is_plural(r.text, r.end)
        and not _is_year_number(r)
        and not P.AGE_BEFORE.search(rest[:-1])
    )


def read_left(left: str, r: Reading) -> str:
    """Read sign, currency, bound, range opener and change words before the numeral.

    Returns what is left of the clause before everything the figure took.
    """
    rest = left
    for _ in range(_LEFT_PASSES):
        before = rest
        if (m := _tail_search(P.NEGATIVE, rest)) and (r.group == "digits" or m.group().strip() not in "-−"):
            r.negative = True
            r.start -= len(rest) - m.start()
            rest = rest[: m.start()]
        if r.currency is None and (m := _tail_search(P.MILLION_CODE_BEFORE, rest)):
            r.currency, r.scale = m.group("cur"), r.scale * units.SCALES["million"]  # "MSEK 60"
            r.start -= len(rest) - m.start()
            rest = rest[: m.start()]
        if m := _tail_search(P.CURRENCY_BEFORE, rest):
            r.currency = units.CURRENCY_SYMBOLS.get(m.group("cur"), m.group("cur"))
            r.start -= len(rest) - m.start()
            rest = rest[: m.start()]
        elif r.currency is None and rest == left and P.is_rand(r.text, r.start, r.start + len(r.numeral)):
            r.currency = "ZAR"  # "R5 billion"
            r.start -= 1
            rest = rest[:-1]
        elif r.currency is None and rest == left and _is_lost_sign(rest, r):
            r.currency = units.LOST_CURRENCY  # "?7bn": money whose sign the corpus lost
            r.start -= 1
            rest = rest[:-1]
        if m := _tail_search(P.BOUND_BEFORE, rest):
            bound = bound_of(m.group("bound"))
            if r.rule != "vague" and (bound != "exact" or r.bound == "exact"):
                r.bound = bound
                r.bound_word = " ".join(m.group("bound").lower().split())
            r.start -= len(rest) - m.start()
            r.bound_start = r.start
            rest = rest[: m.start()]
        if m := _tail_search(P.OPENER, rest):
            r.opener = m.group("opener").lower().split()[-1]
            r.opener_start = r.start
            r.start -= len(rest) - m.start()
            rest = rest[: m.start()]
        if m := _tail_search(P.ADDITIVE_BEFORE, rest):
            r.trend, r.is_change = "up", True  # "an additional 23 days", "another 100 staff"
            article = _ARTICLE_END.search(rest, 0, m.start())
            cut = article.start() if article else m.start()
            r.start -= len(rest) - cut
            rest = rest[:cut]
        if rest == before:
            break
    if P.AGE_BEFORE.search(rest):
        r.kind, r.rule = "age", "age"
    _read_change_before(rest, r)
    return rest


def _read_change_before(rest: str, r: Reading) -> None:
    tokens = _TOKEN.findall(rest[-_CHANGE_VERB_WINDOW:])
    prep = tokens.pop().lower() if tokens and tokens[-1].lower() in ("by", "to", "of") else ""
    word = tokens[-1] if tokens and tokens[-1].isalpha() else ""
    verb = CHANGE_WORD.fullmatch(word) if word else None
    if verb and _is_phrasal_particle(word, tokens[-2] if len(tokens) > 1 else None):
        verb = None
    if verb and not prep and (_is_adjective(word, tokens[-2] if len(tokens) > 1 else None) or _needs_by(word)):
        verb = None
    if verb and not (word.lower() in ("up", "down") and prep == "to") and prep != "of":
        r.trend = "up" if verb.group("up") else "down"
        r.left_verb = word.lower()
        # "rose 5%", "gain $1.4bn", "up 3%", "cut by 20": an amount of change; "rose to 44": a level.
        r.is_change = r.is_change or prep in ("by", "")
        if prep == "by":
            r.start -= len(rest) - rest.lower().rstrip().rfind("by")
    elif prep == "of" and (trend := CHANGE_NOUNS_BEFORE_OF.get(word.lower())):
        r.trend, r.is_change = trend, True  # "a rise of 5%", "a drop of 0.3 percentage points"
    elif prep == "by" and (earlier := last_change_word(rest)):
        r.trend, r.is_change = ("up" if earlier.group("up") else "down"), True  # "increase numbers by 27%"
    elif prep == "to" and (earlier := last_change_word(rest)):
        r.trend = "up" if earlier.group("up") else "down"  # "jumped 20 per cent to $1.2bn": a level


def _is_adjective(verb: str, before: str | None) -> bool:
    """ "an extended 10-day holiday", "a reduced 5% rate": a participle after an article is an adjective."""
    return verb.lower().endswith("ed") and (before or "").lower() in _ARTICLES


def _needs_by(verb: str) -> bool:
    """ "extended $3bn in loans", "waters extend 12 miles": a verb of length states a change only with "by"
    ("extended by six months") or "from ... to"."""
    return CHANGE_ONLY_WITH_BY.fullmatch(verb) is not None


def _is_phrasal_particle(verb: str, before: str | None) -> bool:
    """ "make up 20%", "signing up thousands": up/down after a verb are particles, not changes."""
    if verb.lower() not in ("up", "down"):
        return False
    word = (before or "").strip().lower()
    return word in PHRASAL_BEFORE_PARTICLE or word.endswith(("ing", "ed"))


def last_change_word(left: str) -> re.Match[str] | None:
    """The last change word of a clause, unless it is a bare "up"/"down"."""
    found = list(CHANGE_WORD.finditer(left))
    if not found or found[-1].group().lower() in ("up", "down"):
        return None
    return found[-1]


def read_range(text: str, r: Reading, left: str) -> str | None:
    """Read "between X and Y", "from X to Y", "X-Y", "X to Y", "two or three".

    Returns ``"vote"`` when the pair is a tally ("52 to 47") that is no figure at all.
    """
    pos = r.end
    if r.currency and (per := P.PER_UNIT.match(text, pos)):
        pos = per.end()  # "$350 per kg to $680 per kg": the range runs past the first end's denominator
        r.per_unit = units.PER_UNITS[units.unit_key(per.group("den"))]
    m = P.RANGE_CONNECTOR.match(text, pos)
    if not m or r.is_year_like:
        return None  # "from 2013 to 2017" is two years, not a range of numbers
    conn = (m.group("suspended") or m.group("conn")).strip().lower()
    conn = {"through": "to", "~": "-"}.get(conn, conn)  # "20 through 100", "20~100"
    opener = r.opener
    dash = conn in ("-", "–", "—")
    # "between 44 mg to 50 mg": a loose but common "between ... to" is the same range as "between ... and"
    if (opener == "between" and conn not in ("and", "to") and not dash) or (opener != "between" and conn == "and"):
        return None
    if opener == "from" and conn != "to" and not dash:
        return None
    second = P.NUMERAL_AT.match(text, m.end())
    if not second:
        return None
    spaced = m.group("conn") is not None and m.group("conn")[:1].isspace() and m.group("conn")[-1:].isspace()
    if dash and spaced and second.lastgroup != r.group:
        return (
            None  # "38 - six fewer than last year": a dash with spaces before a number in other notation opens a phrase
        )
    parsed = parse_numeral(second.group(), second.lastgroup)
    if parsed is None:
        return None
    other = Reading(second.start(), second.end(), parsed[0], parsed[1], second.lastgroup or "digits", second.group())
    other.negative = m.group("neg") is not None
    if other.group == "digits" and second.end() < len(text) and text[second.end()] == "/":
        return None
    if not read_right(text, other) or other.kind in ("ordinal", "year"):
        return None
    if conn == "or" and not (
        r.group == "spelled" or r.value < _OR_RANGE_BELOW or (other.unit_word and not r.unit_word)
    ):
        return None
    same_unit = (
        r.unit_word is None or other.unit_word is None or units.unit_key(r.unit_word) == units.unit_key(other.unit_word)
    )
    if not same_unit or (conn == "to" and opener is None and r.unit_word is not None and other.unit_word is None):
        return None
    if opener is None and conn == "to" and _is_tally(r, other):
        r.end = other.end
        return "vote"
    if opener is None and conn == "to" and r.left_verb:
        return None  # "rose 5% to 44": a change then a level, not a range
    as_change = opener == "from" and bool(CHANGE_WORD.search(left))
    if as_change and conn == "to":
        read_range(text, other, "")  # "from 24.2 to 33-35 billion euros": the new level is itself a range
    _merge_range(r, other, as_change=as_change)
    return None


def _is_tally(r: Reading, other: Reading) -> bool:
    return (
        r.group == other.group == "digits"
        and "." not in r.numeral
        and other.value < r.value < _TALLY_BELOW
        and r.unit_word is None
        and other.unit_word is None
        and r.currency is None
    )


def _merge_range(r: Reading, other: Reading, *, as_change: bool) -> None:
    # "38 to 44 billion": the scale and unit written once belong to both ends.
    other_scale = other.range_scale if other.rule == "range" else other.scale
    other_value = other.value / other_scale if other.rule == "range" else other.value
    scale_first = r.scale if r.scale != 1 or other_scale == 1 else other_scale
    if r.scale == 1 and other_scale != 1 and r.value > _WRITTEN_IN_FULL_RATIO * other_value:
        scale_first = 1.0  # "from 500,000 to 2 million": the first end is written in full
    r.range_scale = other_scale
    first = r.value * scale_first * (-1.0 if r.negative else 1.0)  # "-5 to 5 degrees": the sign is the first end's
    second = other.value * other.scale * (-1.0 if other.negative else 1.0)
    r.negative = False
    r.unit_word = r.unit_word or other.unit_word
    r.unit_start = r.unit_start or other.unit_start
    r.currency = r.currency or other.currency
    r.kind = r.kind or other.kind
    r.end = other.end
    r.scale = 1.0
    r.precision = min(r.precision * scale_first, other.precision * other.scale)
    if as_change:
        r.from_value, r.value = first, second
        if other.rule == "range":
            r.low, r.high = other.low, other.high
        r.trend = r.trend or ("up" if second > first else "down")
        r.rule, r.is_change = "change", False  # a level with its earlier value, not an amount of change
    else:
        r.value, r.low, r.high = min(first, second), min(first, second), max(first, second)
        r.rule = "range"


def read_tail(text: str, r: Reading) -> None:
    """Read "or more", "-plus", "or so", and words that make the figure a change ("a 28% increase")."""
    if m := P.BOUND_AFTER.match(text, r.end):
        word = m.group("bound").lower()
        if word != "plus" or m.group("sep") == "-":
            r.bound = bound_of(word, after=True)
            r.end = m.end()
    if r.kind in ("count", "number", "ordinal", "year", "date", "multiple", "duration", "age"):
        return
    if not (r.unit_word or r.currency or r.group == "fraction"):
        return
    window = _CLAUSE_TAIL.match(text, r.end)
    for word in _WORDS.findall(window.group() if window else "")[:_CHANGE_AFTER_WORDS]:
        lower = word.lower()
        if r.currency and lower in MONEY_AMOUNT_AFTER:
            return
        if lower in CHANGE_AFTER:
            r.is_change, r.trend = True, r.trend or CHANGE_AFTER[lower]
            return
        if lower in _NOT_BETWEEN:
            return


def attach_from_value(r: Reading, m: re.Match[str], prev: Figure) -> bool:
    """ "rose to 5% from 4%", "44 bcm, up from 38": the numeral is the previous figure's old value."""
    if not math.isnan(prev.from_value) or prev.kind in TEMPORAL_KINDS:
        return False
    direction = (m.group("dir") or "").lower()
    if not (prev.trend or direction):
        return False
    factor = _factor_of(r)
    prev.from_value = r.value * r.scale * (factor if factor is not None else 1.0)
    prev.trend = prev.trend or ("up" if direction == "up" else "down")
    r.rule = "from_value"
    return True


def _factor_of(r: Reading) -> float | None:
    if r.unit_word is None:
        return None
    unit = units.lookup(r.unit_word)
    if unit is None or unit.pint is None:
        return units.PLAIN_FACTORS.get(units.unit_key(r.unit_word), 1.0)
    return units.canonical(unit.pint, per=r.period)[2]

"""The extraction rules: read every numeral with what surrounds it and decide what figure it is.

One pass over the text finds numerals; for each, short anchored patterns read the bound, currency,
range, scale, unit, rate and change words around it. Dates, clock times, phone numbers, web
addresses and numbers inside names are recognised first so they are not read as quantities.

Examples
--------
>>> [(f.surface, f.value, f.unit, f.bound) for f in find_figures("Exports rose by about 28% to $1.2bn.")]
[('by about 28%', 28.0, 'percent', 'approximate'), ('$1.2bn', 1200000000.0, 'USD', 'exact')]
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace

from corpuslab import units
from corpuslab.extract import patterns as P
from corpuslab.extract.lexicon import (
    BOUNDS_AFTER,
    BOUNDS_BEFORE,
    CHANGE_WORD,
    FUNCTION_WORDS,
    IRREGULAR_PLURALS,
    MONTHS,
    NOT_PLURAL,
    STOP_WORDS,
    VAGUE,
    WEEKDAYS,
)
from corpuslab.extract.numbers import parse_numeral
from corpuslab.extract.subject import singular, subject_of

_LEFT_WINDOW = 90
_CLAUSE_BREAK = re.compile(r"[.;:!?\n](?=\s)|[\n]")


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
    low: float = math.nan
    high: float = math.nan
    bound: str = "exact"
    from_value: float = math.nan
    trend: str | None = None
    is_change: bool = False
    currency: str | None = None
    precision: float = 0.0
    subject: str | None = None
    noun: str | None = None
    # Where the reading stopped; later numerals before it belong to this figure.
    consumed: int = field(default=0, repr=False)

    def as_record(self) -> dict[str, object]:
        """Return the figure as a plain dict (the columns of the figures table it fills)."""
        record = {k: getattr(self, k) for k in self.__dataclass_fields__ if k != "consumed"}
        return record


@dataclass
class _Reading:
    """What has been read around one numeral so far."""

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
    blocked = [m.span() for m in P.BLOCKED.finditer(text)]
    blocked += [m.span() for m in P.SCORE.finditer(text) if int(m.group("a")) >= int(m.group("b"))]
    blocked.sort()
    dates = _find_dates(text, blocked)
    taken = sorted([*blocked, *((f.start, f.end) for f in dates)])
    figures: list[Figure] = []
    consumed = 0
    taken_index = 0
    for match in P.NUMERAL.finditer(text):
        start = match.start()
        if start < consumed:
            continue
        while taken_index < len(taken) and taken[taken_index][1] <= start:
            taken_index += 1
        if taken_index < len(taken) and taken[taken_index][0] <= start < taken[taken_index][1]:
            continue
        figure = _read(text, match, figures)
        if figure is None:
            continue
        if figure.rule == "from_value":
            continue  # attached to the figure before it
        figures.append(figure)
        consumed = figure.consumed
    found = sorted([*figures, *dates], key=lambda f: (f.start, f.end))
    _name_subjects(text, found, sentences)
    return found


def _name_subjects(text: str, figures: list[Figure], sentences: list[tuple[int, int]] | None) -> None:
    if not figures:
        return
    if sentences is None:
        from corpuslab.segment import sentence_spans

        sentences = sentence_spans(text)
    index = 0
    for figure in figures:
        while index < len(sentences) - 1 and sentences[index][1] <= figure.start:
            index += 1
        s_start, s_end = sentences[index] if sentences else (0, len(text))
        s_start, s_end = min(s_start, figure.start), max(s_end, figure.end)
        phrase = figure.noun
        figure.subject = subject_of(
            text[s_start:s_end], figure.start - s_start, figure.end - s_start, kind=figure.kind, noun=phrase
        )
        if figure.kind == "count" and figure.noun:
            figure.noun = singular(figure.noun.split()[-1])


def _find_dates(text: str, blocked: list[tuple[int, int]]) -> list[Figure]:
    out = []
    for m in P.DATES.finditer(text):
        if any(s <= m.start() < e for s, e in blocked):
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
            if month_word == "may" and not day and not year:
                continue
        if not (1 <= month <= 12 and 0 <= day <= 31):
            continue
        surface = m.group()
        out.append(
            Figure(
                m.start(),
                m.end(),
                surface,
                "date",
                "date",
                float(year * 10000 + month * 100 + day),
                "date",
                consumed=m.end(),
            )
        )
    return out


def _left_window(text: str, start: int) -> str:
    window = text[max(0, start - _LEFT_WINDOW) : start]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    return window[breaks[-1].end() :] if breaks else window


def _read(text: str, match: re.Match[str], previous: list[Figure]) -> Figure | None:
    group = match.lastgroup or "digits"
    if group == "prefixed":
        group = "digits"  # "mid-2025"
    parsed = parse_numeral(match.group(), group)
    if parsed is None:
        return None
    r = _Reading(match.start(), match.end(), parsed[0], parsed[1], group, match.group())
    if group == "vague":
        r.low, r.high = VAGUE[match.group().lower()]
        r.bound, r.rule = "approximate", "vague"
    left = _left_window(text, r.start)
    if not _read_right(text, r):
        return None
    if (
        previous
        and (m := P.FROM_AFTER_LEVEL.fullmatch(text, previous[-1].consumed, r.start))
        and _attach_from_value(r, m, previous[-1])
    ):
        return Figure(r.start, r.end, "", "from_value", "number", r.value, "number")
    left = _read_left(left, r)
    _read_range(text, r, left)
    if r.opener and r.rule not in ("range", "change") and r.opener_start is not None:
        r.start = r.opener_start  # "from 10 countries": no range follows, so "from" is not part of it
    _read_tail(text, r)
    _decide_kind(text, r, left)
    if r.kind is None:
        return None
    return _figure(text, r)


def _read_right(text: str, r: _Reading) -> bool:
    """Read attached suffixes, scale words, units, rates after the numeral; False if it is not a figure."""
    pos = r.end
    if r.group == "digits":
        if m := P.ORDINAL_SUFFIX.match(text, pos):
            r.kind, r.rule, r.end = "ordinal", "ordinal", m.end()
            return True
        if len(r.numeral) == 4 and (m := P.DECADE_SUFFIX.match(text, pos)) and 1000 <= r.value <= 2100:
            r.kind, r.rule, r.end = "year", "decade", m.end()
            return True
        if (m := P.ATTACHED_SCALE.match(text, pos)) and _attached_scale_applies(text, m, r):
            r.scale *= units.SCALES[m.group("scale").lower()]
            pos = r.end = m.end()
        elif (m := P.UNIT_ATTACHED.match(text, pos)) and _attached_unit_applies(m, r):
            r.unit_word, r.unit_start, r.end = m.group("unit"), m.start(), m.end()
            return True
        elif pos < len(text) and (text[pos].isalpha() or text[pos].isdigit()) and not P.UNIT_SPACED.match(text, pos):
            return False  # a code such as 5G, 3D or 4x4
    if r.group == "vague":
        return _read_vague(text, r)
    while m := P.SCALE.match(text, r.end):
        if r.group == "spelled" and m.group("scale").lower() in ("hundred", "thousand", "million", "billion"):
            break  # already part of the spelled numeral
        r.scale *= units.SCALES[m.group("scale").lower()]
        r.end = m.end()
    _read_unit(text, r)
    return True


def _read_vague(text: str, r: _Reading) -> bool:
    """ "hundreds of thousands of people", "billions of dollars", "dozens of protesters"."""
    m = P.VAGUE_OF.match(text, r.end)
    if m is None:
        return False
    if m.group("scale"):
        r.scale *= units.SCALES[m.group("scale").lower().rstrip("s")]
        r.end = m.start("of2")
    after = m.end()
    unit = P.UNIT_SPACED.match(text, after - 1)
    currency = P.CURRENCY_AFTER.match(text, after - 1)
    if unit and unit.group("unit").lower() not in ("times", "fold", "x", "t", "m"):
        r.unit_word, r.unit_start, r.end = unit.group("unit"), unit.start("unit"), unit.end()
    elif currency and currency.group("cur").lower() in units.CURRENCY_WORDS:
        r.currency = units.CURRENCY_WORDS[currency.group("cur").lower()]
        r.unit_start, r.end = currency.start("cur"), currency.end()
    else:
        r.noun = _noun_after(text, after - 1, plural=True)
        if r.noun:
            r.kind = "count"
    return True


def _attached_scale_applies(text: str, m: re.Match[str], r: _Reading) -> bool:
    word = m.group("scale")
    if word.lower() in ("bn", "mn", "mln", "bln", "tn", "trn", "k"):
        return True
    if word in ("m", "M"):
        # "$5m", "5m people" are millions; "100m" alone is metres.
        return _currency_left(text, r.start) or _next_is_plural(text, m.end())
    return word in ("b", "B") and _currency_left(text, r.start)


def _attached_unit_applies(m: re.Match[str], r: _Reading) -> bool:
    return not (m.group("unit") in ("C", "F") and r.value > 200)


def _currency_left(text: str, start: int) -> bool:
    return bool(P.CURRENCY_BEFORE.search(text[max(0, start - 4) : start]))


def _next_is_plural(text: str, pos: int) -> bool:
    m = P.WORD_AFTER.match(text, pos)
    return bool(m and _is_plural(m.group("word")))


def _read_unit(text: str, r: _Reading) -> None:
    if m := P.AGE_AFTER.match(text, r.end):
        r.kind, r.rule, r.unit_word, r.unit_start, r.end = "age", "age", "years old", m.start(), m.end()
        return
    if r.unit_word is None and (m := P.UNIT_SPACED.match(text, r.end)):
        word = m.group("unit")
        if not _unit_is_plausible(text, m, r):
            return
        r.unit_word, r.unit_start, r.end = word, m.start("unit"), m.end()
    if r.unit_word is None and (m := P.CURRENCY_AFTER.match(text, r.end)):
        word = m.group("cur")
        if word.isupper() or word.lower() in units.CURRENCY_WORDS:
            if word.lower() in ("pounds",) and r.scale == 1 and not re.match(r"\s+sterling", text[m.end() :]):
                r.unit_word, r.unit_start, r.end = "lb", m.start("cur"), m.end()
                return
            if word.lower() == "won" and r.scale == 1:
                return
            r.currency = units.CURRENCY_WORDS.get(word.lower(), word.upper())
            r.unit_start, r.end = m.start("cur"), m.end()
    if (r.unit_word or r.currency) and (m := P.RATE.match(text, r.end)):
        period = (m.group("slash") or m.group("per") or m.group("adverb")).lower()
        r.period = P.PERIODS.get(re.sub(r"\s+", " ", period))
        r.end = m.end()
    elif r.unit_word and (m := P.DETACHED_RATE.match(text, r.end)):
        # "61 bcm of gas annually": the rate is read, the surface stays "61 bcm".
        r.period = P.PERIODS.get(
            re.sub(r"\s+", " ", m.group("rate").strip().lower())
            .replace("per ", "")
            .replace("each ", "a ")
            .replace("every ", "a ")
        )


def _unit_is_plausible(text: str, m: re.Match[str], r: _Reading) -> bool:
    word = m.group("unit").lower()
    sep = m.group("sep")
    if word in ("times", "fold", "x"):
        return word != "times" or bool(P.MULTIPLE_AFTER.match(text, m.end()))
    if word in ("t", "ton", "tons") and sep.strip() == "-":
        return True
    if word == "pp" and sep == "":
        return False
    if word in ("second",) and sep.strip() != "-":
        return False  # "the second", "a second pipeline"
    return not (sep == "" and r.group != "digits")


def _read_left(left: str, r: _Reading) -> str:
    """Read sign, currency, bound, range opener and change words before the numeral."""
    rest = left
    for _ in range(4):
        before = rest
        if (m := P.NEGATIVE.search(rest)) and r.group == "digits":
            r.negative, r.start, rest = True, r.start - 1, rest[: m.start()]
        if m := P.CURRENCY_BEFORE.search(rest):
            r.currency = units.CURRENCY_SYMBOLS.get(m.group("cur"), m.group("cur"))
            r.start -= len(rest) - m.start()
            rest = rest[: m.start()]
        if m := P.BOUND_BEFORE.search(rest):
            bound = BOUNDS_BEFORE[re.sub(r"\s+", " ", m.group("bound").lower())]
            if bound != "exact" or r.bound == "exact":
                r.bound = bound if r.rule != "vague" else r.bound
            r.start -= len(rest) - m.start()
            rest = rest[: m.start()]
        if m := P.OPENER.search(rest):
            r.opener = m.group("opener").lower().split()[-1]
            r.opener_start = r.start
            r.start -= len(rest) - m.start()
            rest = rest[: m.start()]
        if rest == before:
            break
    if m := P.AGE_BEFORE.search(rest):
        r.kind, r.rule = "age", "age"
    m = P.CHANGE_BEFORE.search(rest)
    verb = CHANGE_WORD.fullmatch(m.group("verb")) if m else None
    prep = (m.group("prep") or "").lower() if m else ""
    if m and verb and not (verb.group().lower() in ("up", "down") and prep == "to") and prep != "of":
        r.trend = "up" if verb.group("up") else "down"
        r.left_verb = verb.group().lower()
        r.is_change = prep == "by" or (prep == "" and verb.group().lower() in ("up", "down"))
        r.is_change = r.is_change or (prep == "" and r.unit_word is not None and _is_percent(r.unit_word))
        if prep == "by":
            r.start -= len(rest) - m.start("prep")
    elif rest.rstrip().lower().endswith(" to") and (level := _last_change_word(rest)):
        r.trend = "up" if level.group("up") else "down"  # "jumped 20 per cent to $1.2bn": a level
    return rest


def _last_change_word(left: str) -> re.Match[str] | None:
    found = list(CHANGE_WORD.finditer(left))
    if not found or found[-1].group().lower() in ("up", "down"):
        return None
    return found[-1]


def _attach_from_value(r: _Reading, m: re.Match[str], prev: Figure) -> bool:
    """ "rose to 5% from 4%", "44 bcm, up from 38": the second numeral is the first figure's old value."""
    if prev.from_value == prev.from_value:
        return False
    if prev.kind in ("date", "year", "ordinal") or not (prev.trend or m.group("dir")):
        return False
    factor = _factor_of(r)
    scale = r.scale
    if prev.kind == "currency" and r.scale == 1 and prev.precision > 1:
        return False
    prev.from_value = r.value * scale * (factor if factor is not None else 1.0)
    direction = (m.group("dir") or "").lower()
    prev.trend = prev.trend or ("up" if direction == "up" else "down" if direction == "down" else None)
    r.rule = "from_value"
    return True


def _is_percent(unit_word: str) -> bool:
    return units.UNIT_WORDS.get(unit_word.lower(), units.UnitWord(None, "")).kind in ("percent", "percentage_points")


def _read_range(text: str, r: _Reading, left: str) -> None:
    """Read "between X and Y", "from X to Y", "X-Y", "X to Y", "two or three"."""
    m = P.RANGE_CONNECTOR.match(text, r.end if r.unit_word is None and r.scale == 1 else _range_anchor(r))
    if not m:
        return
    conn = m.group("conn").strip().lower()
    opener = r.opener
    dash = conn in ("-", "–", "—")
    if (opener == "between" and conn != "and" and not dash) or (opener != "between" and conn == "and"):
        return
    if opener == "from" and conn not in ("to",) and not dash:
        return
    if conn == "or" and not (r.group == "spelled" or r.value < 10):
        return
    second = P.NUMERAL_AT.match(text, m.end())
    if not second:
        return
    parsed = parse_numeral(second.group(), second.lastgroup)
    if parsed is None:
        return
    other = _Reading(second.start(), second.end(), parsed[0], parsed[1], second.lastgroup or "digits", second.group())
    if other.group == "digits" and second.end() < len(text) and text[second.end()] == "/":
        return
    if not _read_right(text, other) or (other.kind in ("ordinal", "year") and r.kind != "year"):
        return
    same_unit = r.unit_word is None or other.unit_word is None or r.unit_word.lower() == other.unit_word.lower()
    if not same_unit or (conn == "to" and opener is None and r.unit_word is not None and other.unit_word is None):
        return
    if conn in ("-", "–", "—") and _looks_like_score_or_code(r, other):
        return
    if opener is None and conn == "to" and r.left_verb:
        return  # "rose 5% to 44": a change then a level, not a range
    _merge_range(r, other, as_change=opener == "from" and _has_change_verb(left))


def _range_anchor(r: _Reading) -> int:
    """Where a range connector may start when the first numeral carries its own unit ("5% to 10%")."""
    return r.end


def _looks_like_score_or_code(r: _Reading, other: _Reading) -> bool:
    return (
        r.group == "digits"
        and other.group == "digits"
        and "." not in r.numeral
        and other.value < r.value
        and r.unit_word is None
        and other.unit_word is None
        and r.scale == other.scale == 1
        and not (1800 <= r.value <= 2100)
    )


def _has_change_verb(left: str) -> bool:
    return bool(CHANGE_WORD.search(left))


def _merge_range(r: _Reading, other: _Reading, *, as_change: bool) -> None:
    # "38 to 44 billion": the scale and unit written once belong to both ends.
    scale_first = r.scale if r.scale != 1 or other.scale == 1 else other.scale
    if r.scale == 1 and other.scale != 1 and r.value > 50 * other.value:
        scale_first = 1.0  # "from 500,000 to 2 million": the first end is written in full
    first = r.value * scale_first * (-1.0 if r.negative else 1.0)  # "-5 to 5 degrees": the sign is the first end's
    second = other.value * other.scale
    r.negative = False
    r.unit_word = r.unit_word or other.unit_word
    r.unit_start = r.unit_start or other.unit_start
    r.period = r.period or other.period
    r.currency = r.currency or other.currency
    r.end = other.end
    r.scale = 1.0
    r.precision = min(r.precision * scale_first, other.precision * other.scale)
    if as_change:
        r.from_value, r.value = first, second
        r.trend = r.trend or ("up" if second > first else "down")
        r.rule, r.is_change = "change", False  # a level with its earlier value, not an amount of change
    else:
        r.value, r.low, r.high = min(first, second), min(first, second), max(first, second)
        r.rule = "range"


def _read_tail(text: str, r: _Reading) -> None:
    """Read "or more", "-plus", "or so" and change nouns ("a 28% increase") after the figure."""
    if m := P.BOUND_AFTER.match(text, r.end):
        word = m.group("bound").lower()
        if word != "plus" or m.group("sep") == "-":
            r.bound = BOUNDS_AFTER[re.sub(r"\s+", " ", word)]
            r.end = m.end()
    if r.unit_word and (m := P.CHANGE_NOUN_AFTER.match(text, r.end)):
        word = m.group("noun").lower()
        r.is_change = True
        r.trend = r.trend or (
            "up" if CHANGE_WORD.fullmatch(word) and CHANGE_WORD.fullmatch(word).group("up") else "down"
        )


def _decide_kind(text: str, r: _Reading, left: str) -> None:
    """Settle the kind; leave it None for numerals that are not figures (names, lone "one")."""
    if r.kind in ("ordinal", "year", "count"):
        if r.kind == "ordinal":
            r.noun = _words_after(text, r.end)
        return
    if r.kind == "age" and r.unit_word is None:
        r.unit_word = None
        return
    if r.unit_word is not None:
        unit = units.UNIT_WORDS.get(r.unit_word.lower()) or units.UNIT_WORDS.get(r.unit_word)
        if unit is None:
            return
        if unit.kind == "multiple" and r.unit_word.lower() == "times" and not P.MULTIPLE_AFTER.match(text, r.end):
            r.kind, r.noun = "count", "time"
            return
        r.kind = unit.kind if r.kind != "age" else "age"
        return
    if r.currency is not None:
        r.kind = "currency"
        return
    if _is_name_number(text, r, left):
        return
    if (
        r.group == "digits"
        and r.scale == 1
        and "," not in r.numeral
        and "." not in r.numeral
        and 1000 <= r.value <= 2100
        and len(r.numeral) == 4
        and not _next_is_plural(text, r.end)
    ):
        r.kind, r.rule = "year", "year"
        return
    if r.group == "spelled" and r.value * r.scale < 2:
        return  # "one of the", "one person": not a figure a reader would note
    noun = _noun_after(text, r.end, plural=r.value * r.scale != 1)
    if noun:
        r.kind, r.noun = "count", noun
        tail = P.BOUND_AFTER.match(text, text.index(noun, r.end) + len(noun))
        if tail and tail.group("bound").lower().startswith("or "):
            r.bound, r.end = BOUNDS_AFTER[re.sub(r"\s+", " ", tail.group("bound").lower())], tail.end()
        if r.rule == "quantity":
            r.rule = "count"
        return
    if r.group == "spelled" and r.value * r.scale < 2 and r.scale == 1:
        return  # "one of the", "one day": not a figure a reader would note
    if r.group == "fraction":
        r.kind = "percent"
        return
    r.kind = "number"


def _is_name_number(text: str, r: _Reading, left: str) -> bool:
    """Numbers that are part of a name: "Power of Siberia 2", "Article 5", "Boeing 737"."""
    if r.group != "digits" or r.low == r.low:
        return False
    m = P.WORD_BEFORE.search(left)
    if not m or not left.endswith((" ", "\u00a0")):
        return False
    word = m.group("word")
    lower = word.lower().rstrip(".")
    if lower in (
        "no",
        "number",
        "nos",
        "vol",
        "no.",
        "page",
        "p",
        "pp",
        "chapter",
        "article",
        "section",
        "room",
        "flight",
        "route",
        "grade",
        "level",
        "phase",
        "stage",
        "season",
        "episode",
        "version",
    ):
        return True
    if not word[0].isupper() or lower in FUNCTION_WORDS or lower in MONTHS or lower in WEEKDAYS:
        return False
    # In a title-case headline ("Russia, China Sign 22 Agreements") the count still reads as one.
    after = P.WORD_AFTER.match(text, r.end)
    return not (after and after.group("word")[0].isupper() and _is_plural(after.group("word")))


def _words_after(text: str, pos: int, limit: int = 3) -> str | None:
    """Return up to ``limit`` words after ``pos`` that are not stop words ("Winter Olympics")."""
    words = []
    for _ in range(limit):
        m = P.WORD_AFTER.match(text, pos)
        if not m or m.group("word").lower() in STOP_WORDS:
            break
        words.append(m.group("word"))
        pos = m.end()
        if text[pos : pos + 1] in ",.;:!?)(":
            break
    return " ".join(words) or None


def _noun_after(text: str, pos: int, *, plural: bool) -> str | None:
    """Return the counted noun after a numeral ("22 comprehensive agreements" -> "agreements")."""
    words = []
    for _ in range(4):
        m = P.WORD_AFTER.match(text, pos)
        if not m:
            break
        words.append(m.group("word"))
        pos = m.end()
        if text[pos : pos + 1] in ",.;:!?)(" or text[pos : pos + 1] == "":
            break
    for i, word in enumerate(words):
        lower = word.lower()
        if lower in STOP_WORDS or lower in MONTHS:
            return None
        if lower.endswith("-year-old"):
            return None
        if plural and _is_plural(word):
            return " ".join(words[: i + 1])
        if not plural and i == 0 and word[0].islower():
            return word
        if i >= 2:
            break
    return None


def _is_plural(word: str) -> bool:
    lower = word.lower().strip("'’")
    if lower in IRREGULAR_PLURALS:
        return True
    return (
        len(lower) > 3
        and lower.endswith("s")
        and not lower.endswith(("ss", "us", "is", "'s", "’s"))
        and lower not in NOT_PLURAL
        and lower not in STOP_WORDS
    )


def _factor_of(r: _Reading) -> float | None:
    if r.unit_word is None:
        return None
    unit = units.UNIT_WORDS.get(r.unit_word.lower())
    if unit is None or unit.pint is None:
        return units.PLAIN_FACTORS.get(r.unit_word.lower(), 1.0)
    return units.canonical(unit.pint, per=r.period)[2]


def _figure(text: str, r: _Reading) -> Figure:
    """Convert a finished reading to canonical value and unit."""
    sign = -1.0 if r.negative else 1.0
    scale = r.scale
    kind = r.kind or "number"
    unit_name = units.PLAIN_UNITS.get(kind, "number")
    factor = 1.0
    if kind in ("percent", "percentage_points", "multiple") and r.unit_word:
        factor = units.PLAIN_FACTORS.get(r.unit_word.lower(), 1.0)
        if r.period:
            unit_name = f"{unit_name}_per_year"
    elif kind == "age":
        unit_name, factor = "year", (1 / 12 if "month" in text[r.unit_start or r.end : r.end].lower() else 1.0)
    elif kind == "currency":
        unit_name = r.currency or "USD"
        if r.period:
            unit_name, factor = f"{unit_name}_per_year", 1 / units.PERIOD_YEARS[r.period]
    elif r.unit_word is not None and kind not in ("count",):
        word = units.UNIT_WORDS.get(r.unit_word.lower()) or units.UNIT_WORDS[r.unit_word]
        if word.pint is not None:
            kind, unit_name, factor = units.canonical(word.pint, per=r.period)
    if r.group == "fraction" and kind == "percent" and r.unit_word is None:
        scale *= 100.0
    value = sign * r.value * scale * factor
    low = r.low * factor * (scale if r.rule == "vague" else 1.0)
    high = r.high * factor * (scale if r.rule == "vague" else 1.0)
    from_value = r.from_value * factor
    if r.rule == "range" or r.rule == "change":
        value = sign * r.value * factor
    unit_surface = text[r.unit_start : r.end].strip(" -") if r.unit_start is not None else None
    if r.currency and r.unit_start is None:
        unit_surface = None
    return Figure(
        start=r.start,
        end=r.end,
        surface=text[r.start : r.end],
        rule=r.rule,
        kind=kind,
        value=value,
        unit=unit_name,
        unit_surface=unit_surface or None,
        low=low,
        high=high,
        bound=r.bound,
        from_value=from_value,
        trend=r.trend,
        is_change=r.is_change,
        currency=r.currency,
        precision=abs(r.precision * scale * factor),
        noun=r.noun,
        consumed=r.end,
    )


def _copy(figure: Figure, **changes: object) -> Figure:
    return replace(figure, **changes)

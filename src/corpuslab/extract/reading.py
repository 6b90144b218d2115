"""Reading what follows a numeral: suffixes, scale words, the unit or currency, and a rate.

The right-hand readers here write into a :class:`~corpuslab.extract.evidence.Reading` and extend its
``end`` over whatever belongs to the figure.
"""

from __future__ import annotations

import re

from corpuslab import units
from corpuslab.extract import patterns as P
from corpuslab.extract.evidence import Reading
from corpuslab.extract.lexicon import MAGNITUDES, RACE_EVENTS, SMALL
from corpuslab.extract.nouns import next_is_plural, noun_after
from corpuslab.extract.numbers import parse_fraction, parse_numeral, parse_words, vague_range

# Largest power of ten read in scientific notation: beyond it values leave float range (1e999) or no
# quantity in news needs it; such a numeral is left as a code.
MAX_EXPONENT = 30
# "between 2 and a half": after "between", "and" joins the second end of a range, not a fraction of the first.
_RANGE_OPENER = "between "
# Four digits with "s" that read as a year's decade ("the 1990s", "the 1200s"); any other is no decade.
_DECADE_YEARS = (1000, 2100)
# Characters before a numeral where a currency makes a letter after it a scale ("$5m", "US$5m", "USD 5b"):
# the longest currency written just before a number, and its space.
_CURRENCY_LEFT_WINDOW = 4
# Characters before a spelled number searched for "at" ("at one point"), and the digit words after "point".
_AT_WINDOW = 4
_LAST_DIGIT = 9
_NOT_A_DIGIT = 10
_POWERS = {"squared": 2, "cubed": 3}
# Scale words a spelled numeral already holds ("three million"): not read again after it.
_SPELLED_SCALES = frozenset(["hundred", "thousand", "million", "billion", "dozen"])
# Scales after digits that smaller digits may go on ("4 thousand 3 hundred and 21"), the hundred first.
_PARTS_SCALES = (100.0, 1000.0)
# "6 feet 2 inches": the inches are added to the feet.
_INCHES_PER_FOOT = 12
# Kinds that flow at a rate: an output, a demand or a capacity of them is per period when an adjective says so.
_FLOWING_KINDS = frozenset(["volume", "mass", "energy"])


def read_right(text: str, r: Reading) -> bool:
    """Read attached suffixes, scale words and the unit after the numeral; False if it is not a figure."""
    pos = r.end
    if r.group == "digits":
        if (m := P.SCIENTIFIC.match(text, pos)) and abs(exponent := _exponent(m)) <= MAX_EXPONENT:
            factor = float(m.group("base") or 10) ** exponent
            r.value, r.precision, r.end = r.value * factor, r.precision * factor, m.end()
            pos = r.end
        elif (m := P.CARET_POWER.match(text, pos)) and abs(exponent := _exponent(m)) <= MAX_EXPONENT and r.value:
            # the step of the last digit carried through the power: d(v^e) = |e| v^(e-1) dv
            r.precision = abs(exponent) * r.value ** (exponent - 1) * r.precision
            r.value, r.end = r.value**exponent, m.end()
            pos = r.end
        if m := P.PLUS_MINUS.match(text, pos):
            r.precision, r.end = max(r.precision, float(m.group("err"))), m.end()  # the stated uncertainty
            pos = r.end
        if "." not in r.numeral and _read_and_fraction(text, r, 1.0):  # "3 and a half years"
            pos = r.end
        if m := P.ORDINAL_SUFFIX.match(text, pos):
            r.kind, r.rule, r.end = "ordinal", "ordinal", m.end()
            return True
        if (m := P.DECADE_SUFFIX.match(text, pos)) and _read_decade(r, m.end()):
            return True
        if (m := P.ATTACHED_SCALE.match(text, pos)) and _attached_scale_applies(text, m, r):
            r.scale *= units.SCALES[m.group("scale").lower()]
            r.end = m.end()
        elif m := P.UNIT_CASED.match(text, pos):
            r.unit_word, r.unit_start, r.end = m.group("unit"), m.start("unit"), m.end()
            return True
        elif (m := P.UNIT_ATTACHED.match(text, pos)) and not (
            m.group("unit") in P.GLUED_TEMPERATURE_LETTERS and r.value > P.MAX_GLUED_TEMPERATURE
        ):
            r.unit_word, r.unit_start, r.end = m.group("unit"), m.start(), m.end()
            return True
        elif m := P.CURRENCY_ATTACHED.match(text, pos):
            _set_currency(r, m.group("cur"), m.start(), m.end())  # "115USD", "50p"
            return True
        elif pos < len(text) and text[pos].isalnum() and not P.UNIT_SPACED.match(text, pos):
            return False  # a code such as 5G, 3D or 4x4
    if r.group == "vague":
        return _read_vague(text, r)
    if _read_one_in(text, r):
        return True
    has_decimals = r.group == "spelled" and _read_spelled_decimals(text, r)
    while m := P.SCALE.match(text, r.end):
        scale = (m.group("scale") or m.group("dozen")).lower()
        if r.group == "spelled" and not has_decimals and scale in _SPELLED_SCALES:
            break  # already part of the spelled numeral
        r.scale *= units.SCALES[scale]
        r.end = m.end()
    if r.group == "digits" and r.scale in _PARTS_SCALES and r.value.is_integer():
        _read_digit_word_parts(text, r)
    if r.scale != 1 and r.group == "digits":
        _read_and_fraction(text, r, 1.0)  # "3 million and a half": a half of the scale
    elif r.group == "spelled":
        # "one million and a half" is 1.5 million; "forty two and a third", "a hundred and three quarters" end in units
        last = r.numeral.lower().rsplit(None, 1)[-1]
        _read_and_fraction(text, r, MAGNITUDES.get(last, 1.0) if r.scale == 1 and last != "hundred" else 1.0)
    if (
        r.group == "digits"
        and r.scale == 1
        and (m := P.SPACED_LETTER_SCALE.match(text, r.end))
        and (currency_left(text, r.start) or next_is_plural(text, m.end()))
    ):
        r.scale, r.end = units.SCALES[m.group("scale").lower()], m.end()  # "8 B people"
    read_unit(text, r)
    return True


def _read_one_in(text: str, r: Reading) -> bool:
    """ "one in 20", "1 out of 3 people", "two in every five", "one over three.": a share (the rule table makes
    it percent).

    Not when the second number is a year ("3 in 2019") or carries a unit ("2 in 5 minutes" is a time), nor
    "over" unless the clause ends after it.
    """
    if r.scale != 1 or (m := P.IN_EVERY.match(text, r.end)) is None:
        return False
    den = P.NUMERAL_AT.match(text, m.end())
    if den is None or (parsed := parse_numeral(den.group(), den.lastgroup)) is None:
        return False
    is_year = den.lastgroup == "digits" and len(den.group()) == 4
    after = den.end()
    if (
        is_year
        or not 0 < r.value < parsed[0]
        or P.SCALE.match(text, after)
        or P.UNIT_SPACED.match(text, after)
        or P.CURRENCY_AFTER.match(text, after)
        or (after < len(text) and text[after].isalnum())
        or (m.group("over") and not P.CLAUSE_END_AFTER.match(text, after))
    ):
        return False
    r.value, r.precision, r.group, r.end = r.value / parsed[0], 0.0, "fraction", after
    return True


def _read_digit_word_parts(text: str, r: Reading) -> None:
    """ "4 thousand 3 hundred and 21", "3 hundred and 21": the smaller parts after a scale written as a word."""
    m = P.DIGIT_WORD_PARTS.match(text, r.end)
    if m is None or (m.group("hundreds") and r.scale <= _PARTS_SCALES[0]):
        return  # "3 hundred 2 hundred": no number
    units_written = m.group("units") or m.group("units2") or "0"
    units_value = int(units_written) if units_written.isdigit() else parse_words(units_written)  # "and one"
    parts = int(m.group("hundreds") or 0) * _PARTS_SCALES[0] + (units_value or 0)
    r.value, r.scale, r.end = r.value * r.scale + parts, 1.0, m.end()


def _read_and_fraction(text: str, r: Reading, unit: float) -> bool:
    """Add "and a half", "and three quarters" after a whole number, in ``unit`` (what its last word counts)."""
    if (
        text[max(0, r.start - len(_RANGE_OPENER)) : r.start].lower().endswith(_RANGE_OPENER)
        or (m := P.AND_FRACTION.match(text, r.end)) is None
        or (part := parse_fraction(m.group("part"))) is None
        or part >= 1
    ):
        return False
    r.value, r.precision, r.end = r.value + part * unit, 0.0, m.end()
    return True


def _read_spelled_decimals(text: str, r: Reading) -> bool:
    """ "five point five", "zero point zero eight", "two hundred point seventy-one": add the decimals."""
    m = P.SPELLED_POINT.match(text, r.end)
    if m is None or P.AT_BEFORE.search(text, max(0, r.start - _AT_WINDOW), r.start):
        return False
    words = [w for w in re.split(r"[\s-]+", m.group("decimals").lower()) if w]
    if all(SMALL.get(w, _NOT_A_DIGIT) <= _LAST_DIGIT for w in words):
        digits = "".join(str(SMALL[w]) for w in words)  # "zero eight" is .08, one digit a word
    else:
        number = parse_words(m.group("decimals"))
        if number is None:
            return False
        digits = str(int(number))  # "seventy-one" is .71
    r.value += float("0." + digits)
    r.precision, r.end = 0.5 * 10.0 ** -len(digits), m.end()
    return True


def _exponent(m: re.Match[str]) -> int:
    return int((m.group("exp") or m.group("exp2") or m.group("exp3")).replace("−", "-"))


def _set_currency(r: Reading, word: str, start: int, end: int) -> None:
    """Money written after the number: a currency word or code, or a subunit ("18 sen", "99 cents")."""
    lower = word.lower()
    if lower in units.CURRENCY_SUBUNITS:
        r.currency, r.subunit = units.CURRENCY_SUBUNITS[lower]
        r.subunit_word = units.SUBUNIT_NAMES.get(lower, lower)
    else:
        r.currency = units.CURRENCY_WORDS.get(lower, word.upper())
    r.unit_start, r.end = start, end


def _read_decade(r: Reading, end: int) -> bool:
    """ "the 1990s" is a year; "in their 40s" an age (decided later from the words before)."""
    if len(r.numeral) == 4 and _DECADE_YEARS[0] <= r.value <= _DECADE_YEARS[1]:
        r.kind, r.rule, r.end = "year", "decade", end
        return True
    if len(r.numeral) == 2 and r.numeral.endswith("0"):
        r.rule, r.end = "decade", end
        return True
    return False


def _read_vague(text: str, r: Reading) -> bool:
    """ "hundreds of thousands of people", "billions of dollars", "dozens of protesters", "thousands", and
    "a few hundred metres", "several thousand dollars" (a magnitude word takes its unit with no "of")."""
    r.low, r.high = vague_range(r.numeral)
    r.bound, r.rule = "approximate", "vague"
    m = P.VAGUE_OF.match(text, r.end)
    if m is None and not r.numeral.lower().endswith(("hundred", "thousand", "million", "billion")):
        return True
    if m is not None and m.group("scale"):
        r.scale *= units.SCALES[m.group("scale").lower().rstrip("s")]
        r.end = m.start("tail")
    after = m.end() if m is not None else r.end
    unit = P.UNIT_SPACED.match(text, after)
    currency = P.CURRENCY_AFTER.match(text, after)
    if unit and not _is_multiple(unit.group("unit")):  # "dozens of times" counts occasions
        r.unit_word, r.unit_start, r.end = unit.group("unit"), unit.start("unit"), unit.end()
    elif currency and currency.group("cur").lower() in units.CURRENCY_WORDS:
        r.currency = units.CURRENCY_WORDS[currency.group("cur").lower()]
        r.unit_start, r.end = currency.start("cur"), currency.end()
    else:
        r.noun = noun_after(text, after, plural=True)  # the rule table makes it a count (row "vague_count")
    return True


def _is_multiple(word: str) -> bool:
    unit = units.lookup(word)
    return unit is not None and unit.kind == "multiple"


def _attached_scale_applies(text: str, m: re.Match[str], r: Reading) -> bool:
    """Whether a scale glued to the digits is one here: a one-letter scale needs what
    :data:`~corpuslab.extract.patterns.GLUED_LETTER_SCALES` says it does."""
    needs = P.GLUED_LETTER_SCALES.get(m.group("scale"))
    if needs is None:
        return True  # "$1.2bn", "40k"
    if needs == "not_race":
        after = P.WORD_AFTER.match(text, m.end())
        return not (after and after.group("word").lower() in RACE_EVENTS)
    if needs == "money_or_decimal" and ("." in r.numeral or P.CURRENCY_AFTER.match(text, m.end())):
        return True
    if needs == "money_or_plural" and next_is_plural(text, m.end()):
        return True
    return currency_left(text, r.start)


def currency_left(text: str, start: int) -> bool:
    left = text[max(0, start - _CURRENCY_LEFT_WINDOW) : start]
    return bool(P.CURRENCY_BEFORE.search(left) or P.LOST_SIGN_BEFORE.search(left))


def read_unit(text: str, r: Reading) -> None:
    """Read an age ("45-year-old"), a unit ("bcm", "cubic meters") or a currency word ("yuan")."""
    if m := P.AGE_AFTER.match(text, r.end):
        unit = (m.group("unit") or m.group("unit2") or m.group("unit3") or "year").lower().rstrip("s")
        r.kind, r.rule, r.unit_word, r.unit_start, r.end = "age", "age", f"{unit}s old", m.start(), m.end()
        return
    if r.unit_word is None and r.currency is None and (m := P.MILLION_CODE_AFTER.match(text, r.end)):
        r.scale *= units.SCALES["million"]  # "120 MEUR"
        _set_currency(r, m.group("cur"), m.start("cur") - 1, m.end())
        return
    if r.unit_word is None and (m := P.UNIT_CASED.match(text, r.end)) and m.group("sep"):
        r.unit_word, r.unit_start, r.end = m.group("unit"), m.start("unit"), m.end()  # "542 Nm", "300 PS"
        return
    if r.unit_word is None and (m := P.UNIT_SPACED.match(text, r.end)):
        if not _unit_is_plausible(text, m, r):
            return
        r.unit_word, r.unit_start, r.end = m.group("unit"), m.start("unit"), m.end()
        if (power := P.POWER_AFTER.match(text, r.end)) and units.lookup(
            raised := f"{r.unit_word}^{_POWERS[power.group('power').lower()]}"
        ):
            r.unit_word, r.end = raised, power.end()  # "4 km squared" is 4 km^2
        if units.unit_key(r.unit_word) in ("foot", "feet", "ft") and (inches := P.INCHES_AFTER.match(text, r.end)):
            r.value += float(inches.group("inches")) / _INCHES_PER_FOOT
            r.end = inches.end()
        return
    if r.unit_word is None and (m := P.CURRENCY_AFTER.match(text, r.end)):
        word = m.group("cur")
        lower = word.lower()
        if not (word.isupper() or lower in units.CURRENCY_WORDS or lower in units.CURRENCY_SUBUNITS):
            return
        if (
            lower in ("pounds", "pound")
            and r.scale == 1
            and not P.STERLING.match(text, m.end())
            and not P.DENOMINATION.match(text, m.end())
        ):
            r.unit_word, r.unit_start, r.end = "lb", m.start("cur"), m.end()
            return
        if lower == "won" and r.scale == 1:
            return  # "won" after a small number is the verb
        _set_currency(r, word, m.start("cur"), m.end())
        return
    if r.unit_word is None and r.currency is None and (m := P.CURRENCY_SYMBOL_AFTER.match(text, r.end)):
        r.currency = units.SYMBOLS_AFTER[m.group("sym")]
        r.unit_start, r.end = m.start("sym"), m.end()


def _unit_is_plausible(text: str, m: re.Match[str], r: Reading) -> bool:
    word = m.group("unit").lower()
    sep = m.group("sep")
    if word in ("times", "fold", "x"):
        return word != "times" or bool(P.MULTIPLE_AFTER.match(text, m.end()))
    if word == "pp" and sep == "":
        return False
    if word in ("point", "a point") and r.group != "fraction":
        return False  # "fell 2.39 points" is an index level; "a quarter-point" is a percentage point
    if word == "second" and sep.strip() != "-":
        return False  # "the second", "a second pipeline"
    return not (sep == "" and r.group != "digits")


def _period_before(text: str, start: int) -> re.Match[str] | None:
    return P.PERIOD_BEFORE.search(text, max(0, start - P.PERIOD_BEFORE_WINDOW), start)


def read_rate(text: str, r: Reading) -> None:
    """Read "a year", "per day", "annually" after a unit or money; durations take no rate."""
    if not (r.unit_word or r.currency):
        return
    unit = units.lookup(r.unit_word) if r.unit_word else None
    if unit is not None and unit.kind in ("duration", "percent", "percentage_points", "multiple", "speed"):
        return  # "10 hours a week" is a duration; "5% a year" keeps its plain unit
    if r.kind == "age":
        return
    if r.currency and (m := P.PER_UNIT.match(text, r.end)):
        r.per_unit = units.PER_UNITS[units.unit_key(m.group("den"))]  # "$84.50 a barrel": a price per barrel
        r.end = m.end()
        return
    if m := P.RATE.match(text, r.end):
        period = (m.group("slash") or m.group("per") or m.group("art") or m.group("adverb")).lower()
        r.period = P.PERIODS.get(" ".join(period.split()))
        r.end = m.end()
    elif m := P.DETACHED_RATE.match(text, r.end):
        # "61 bcm of gas annually": the rate is read, the surface stays "61 bcm".
        r.period = P.PERIODS.get(" ".join(m.group("rate").split()).lower().replace("per ", ""))
    elif unit is not None and unit.kind in _FLOWING_KINDS and (m := _period_before(text, r.start)):
        r.period = P.PERIODS[m.group("adjective").lower()]  # "annual gas output to 180 bcm": bcm a year

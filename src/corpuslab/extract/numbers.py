"""Numerals: find them in text and turn them into values with the precision they were written in.

Examples
--------
>>> parse_numeral("1,234.5")
(1234.5, 0.05)
>>> parse_numeral("twenty-two")
(22.0, 0.5)
>>> parse_numeral("two-thirds")
(0.6666666666666666, 0.0)
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable

from corpuslab.extract.lexicon import FRACTIONS, LARGE_DENOMINATORS, MAGNITUDES, ORDINAL_UNITS, SMALL, TENS, VAGUE


def alternation(words: Iterable[str]) -> str:
    """An alternation of ``words`` as written (escaped), longest first: where one is the start of another
    ("bn", "bln"; "US", "US$"), the longer is tried first and wins."""
    return "|".join(sorted({re.escape(w) for w in words}, key=len, reverse=True))


def _words(words: Iterable[str]) -> str:
    """:func:`alternation` as one group."""
    return f"(?:{alternation(words)})"


# "dozens" after a number word counts dozens ("three dozens"); alone it is vague (VAGUE_RE is tried first).
_CARDINAL = _words([*SMALL, *TENS, *MAGNITUDES, "dozen", "dozens"])
_FRACTION = _words(list(FRACTIONS))
# Fractions written as one character ("½", "⅔"); patterns.numerals finds them, parse_digits reads them.
VULGAR_FRACTIONS = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒"
_SMALL_WORD = _words([*SMALL, *TENS])

# Unit ordinals as denominators: "fifths", and after a tens word one denominator with it ("twenty-fifths").
_UNIT_DENOMINATORS = {
    form: float(SMALL[cardinal]) for word, cardinal in ORDINAL_UNITS.items() for form in (word, word + "s")
}
# A plural ordinal after a spelled number is a count of parts, never an adjective ("twenty-three fifths",
# "fifty-four hundredths"); "halves" and "quarters" also count halves of a game and quarters of a year, and
# "seconds" time, so they are not read here; "firsts" only after a tens word ("three twenty-firsts").
_PLURAL_DENOMINATOR = (
    _words([w for w in [*FRACTIONS, *LARGE_DENOMINATORS] if w.endswith("s") and w not in ("halves", "quarters")])
    + r"|(?<=ty[-\s])firsts"
)


def _is_singular_denominator(word: str) -> bool:
    return not word.endswith("s") and word not in ("half", "quarter")


# A singular ordinal after "a" or "one" is a fraction only before "of" or where the clause ends ("cut by a
# fifth.", "a hundredth of a second", see _AMOUNT_BEFORE); before a noun it is an ordinal ("a fifth straight
# win"). "half" after "and" is the mixed number of a duration ("an hour and a half"), and "quarter" a period
# of the year. A comma does not end the clause: it may list ordinals ("a third, digital layer", "begin a
# sixth, with ...").
_SINGULAR_DENOMINATOR = (
    rf"{_words(list(TENS))}[-\s]+{_words(list(ORDINAL_UNITS))}"
    rf"|{_words([w for w in [*FRACTIONS, *LARGE_DENOMINATORS] if _is_singular_denominator(w)])}"
)
# Where a clause ends after a word: a stop, a closing bracket, a line's end or the text's end (a comma may
# list, see above); patterns.CLAUSE_END_AFTER matches it, ORDINAL_FRACTION looks ahead at it.
CLAUSE_END = r"\s*(?:[.;:!?)\n]|$)"
# Where the clause ends, only after a word that takes an amount ("rise by a third.", "more than a third.",
# "is a third.") or none: after a verb the noun may be left out ("he would not serve a third." term).
_TAKES_AN_AMOUNT = """by than to of about around nearly almost roughly some just only least most over under is was
    are were be been""".split()
_AMOUNT_BEFORE = "(?:^|(?<=[^\\w\\s])|(?<=[^\\w\\s]\\s)|" + "|".join(rf"(?<=\b{w}\s)" for w in _TAKES_AN_AMOUNT) + ")"

# Digits: 1,234,567.89 / 38 / 38,5 / 1\u00a0200 ; never glued to a letter or digit before (G20, A320, 3.5.1).
DIGITS = (
    r"(?<![\w.,/])(?<![\w][-–])(?:\d{1,3}(?:\.\d{3})+,\d+|\d{1,3}(?:[\u00a0\u202f\u2009'’,]\d{3})+(?!\d)"
    r"|\d+,\d{1,2}(?!\d)|\d+)"
    r"(?:[.,]\d+)?(?!\.\d)"
)
# Spelled cardinals: "twenty-two", "one hundred and five", "three million".
# A hyphen with spaces around it joins a tens word and a unit only ("fifty - two"; cardinal_end checks); a
# comma goes on a number only before its hundreds ("three million, two hundred & forty"), as in a cheque.
_UNIT_WORD = _words([w for w, v in SMALL.items() if 1 <= v <= 9])
_HUNDREDS_NEXT = rf"{_UNIT_WORD}[-\s]+hundred\b"
# The most words after the first that a spelled numeral is scanned for: English writes none longer ("nine
# hundred and ninety-nine trillion, nine hundred and ninety-nine billion, ..." has 24). A run of number words
# is cut into numerals (cardinal_end) and scanned again from each: unbounded, "one one one ..." was quadratic.
MAX_SPELLED_WORDS = 30
SPELLED = (
    rf"\b{_CARDINAL}(?:(?:-|\s+-\s+|,\s+(?={_HUNDREDS_NEXT})|\s+&\s+|\s+|\s+and\s+){_CARDINAL})"
    rf"{{0,{MAX_SPELLED_WORDS}}}\b"
)
# The fraction of a mixed number after "and" ("five and a quarter", "3 and three quarters").
MIXED_PART = (
    rf"(?:a|an|{_SMALL_WORD})[-\s]+{_FRACTION}|{SPELLED}[-\s]+(?:{_PLURAL_DENOMINATOR})"
    rf"|(?:a|an)[-\s]+(?:{_SINGULAR_DENOMINATOR})"
)
# Fractions with a numerator word: "two-thirds", "one and a half", "a third of", "half of".
# "half a million", "a quarter of a billion", "three-quarters of a million", "half million": a fraction of a
# magnitude.
_FRACTION_OF_MAGNITUDE = (
    rf"\b(?:(?:{_SMALL_WORD}|a)[-\s]+)?(?:half|quarter|quarters|third|thirds)\s+(?:(?:of\s+)?an?\s+)?"
    r"(?:million|billion|trillion|dozen)\b"
)
# "half a percentage point", "a quarter-point", "half a per cent": a fraction of a percentage point.
_OF_A_POINT = r"[\s-]+(?:(?:of\s+)?(?:a|one)\s+)?(?:(?:percentage[\s-]+)?point|per[\s-]?cent|percent)\b"
# "a fifth.", "one hundredth of", "twenty-three fifths", "a hundred trillionths": ordinals as denominators
# ("the one hundredth." is an ordinal).
ORDINAL_FRACTION = (
    rf"\b(?<!\band\s)(?<!\bthe\s)(?:a|an|one)[-\s]+(?:{_SINGULAR_DENOMINATOR})(?=\s+of\b)"
    rf"|{_AMOUNT_BEFORE}(?:a|an|one)[-\s]+(?:{_SINGULAR_DENOMINATOR})(?={CLAUSE_END})"
    rf"|(?:\b(?:a|an)\s+(?=(?:hundred|thousand|million|billion|trillion)\b))?{SPELLED}[-\s]+(?:{_PLURAL_DENOMINATOR})\b"
)
# A share taken of what a determiner names, without "of": "half the fleet", "two-thirds its size" (not "this",
# "that": "a third this season" is an ordinal).
_OF_LEFT_OUT = r"\s+(?:the|its|their|his|her|our|my|your|all)\b"
# The fractions that take a share that way: "half", "quarter", and any plural ("two-thirds", "three-fifths");
# a singular ordinal after "a" before "the" is a rank ("won a third the following year").
_SHARE_FRACTION = _words(["half", "quarter", *(w for w in FRACTIONS if w.endswith("s"))])
# "half" standing for a share on its own: after a word that takes an amount ("almost half voted", "more than
# half.") or where the clause ends after one ("cut by half.", "cut in half.", "a half"); not "half-time", and
# not "half a/an ..." (a magnitude, a point or a unit of time takes that), nor "half past ten".
_WORDS_BEFORE_HALF = "than nearly almost about around roughly over under least approximately only just".split()
_BEFORE_HALF = "|".join(rf"(?<=\b{w}\s)" for w in _WORDS_BEFORE_HALF)
_HALF_ALONE = (
    rf"(?:{_BEFORE_HALF})half\b(?![-\s]+(?:an?\b|past\b|[-\w]*time\b))(?!-)"
    rf"|(?:{_AMOUNT_BEFORE}|(?<=\bin\s))(?:(?:a|one)[-\s]+)?half(?={CLAUSE_END})"
)
FRACTION = (
    rf"{_FRACTION_OF_MAGNITUDE}"
    rf"|\b(?:(?:{_SMALL_WORD}|a|an)[-\s]+)?{_FRACTION}(?=\s+of\b|{_OF_A_POINT})|\b{_SMALL_WORD}[-\s]+{_FRACTION}\b"
    rf"|\b(?:(?:{_SMALL_WORD}|a|an)[-\s]+{_SHARE_FRACTION}|half)(?={_OF_LEFT_OUT})|{_HALF_ALONE}"
    # "one and a half", "five and a quarter", "3 and three quarters": a whole number and a fraction.
    rf"|(?<!between )\b{_SMALL_WORD}\s+and\s+(?:{MIXED_PART})\b"
    rf"|{ORDINAL_FRACTION}"
)
VAGUE_RE = (
    r"\b(?:several|(?:a\s+)?few)\s+(?:hundred|thousand|million|billion|dozen)\b"
    r"|\b(?:tens|hundreds|dozens|thousands|millions|billions|trillions)\b|\bscores(?=\s+of\b)"
)
NUMERAL = re.compile(
    rf"(?P<fraction>{FRACTION})|(?P<digits>{DIGITS})|(?P<vague>{VAGUE_RE})|(?P<spelled>{SPELLED})",
    re.IGNORECASE,
)
_WORD_SPLIT = re.compile(r"[\s,&-]+")  # "three million, two hundred & forty"
_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3}){2,}|\d{1,3}\.000")
_DECIMAL_COMMA = re.compile(r"\d{1,3}(?:\.\d{3})+,\d+|\d+,\d{1,2}")  # "1.234,5", "38,5"
_GROUP_MARKS = str.maketrans("", "", " \u00a0\u202f\u2009'’")


def parse_digits(surface: str) -> tuple[float, float] | None:
    """Return the value and half the step of the last written digit; None if the value is not finite."""
    if "/" in surface:  # "3/4", "10 1/2" (patterns.numerals reads them only before a unit or "of", or mixed)
        *whole, fraction = surface.split()
        numerator, denominator = fraction.split("/")
        return (float(whole[0]) if whole else 0.0) + int(numerator) / int(denominator), 0.0
    if surface[-1:] in VULGAR_FRACTIONS:  # "½", "2½", "1 ¾"
        whole = surface[:-1].strip()
        return (float(whole) if whole else 0.0) + unicodedata.numeric(surface[-1]), 0.0
    surface = surface.translate(_GROUP_MARKS)  # "1\u00a0200\u00a0000", "1'200'000", "1 234 567"
    if _DOT_THOUSANDS.fullmatch(surface):
        surface = surface.replace(".", ",")  # "84.000 euros", "1.234.567": dots group thousands
    elif _DECIMAL_COMMA.fullmatch(surface):
        surface = surface.replace(".", "").replace(",", ".")  # European style: "38,5 bcm"
    clean = surface.replace(",", "")
    decimals = len(clean.split(".", 1)[1]) if "." in clean else 0
    value = float(clean)
    # A numeral of 309 digits or more overflows to inf: no figure, rather than an infinite one.
    return (value, 0.5 * 10.0**-decimals) if math.isfinite(value) else None


def parse_words(surface: str) -> float | None:
    """Parse a spelled cardinal ("one hundred and five") or return None if it is not one."""
    total = 0.0
    current = 0.0
    seen = False
    for word in _WORD_SPLIT.split(surface.lower()):
        if word in ("and", "a", "an", ""):
            continue
        if word in SMALL:
            current += SMALL[word]
        elif word in TENS:
            current += TENS[word]
        elif word in ("dozen", "dozens"):
            current = (current or 1) * 12
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in MAGNITUDES:
            total += (current or 1) * MAGNITUDES[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


_WORD = re.compile(r"[A-Za-z]+")
_HUNDREDS_AT = re.compile(_HUNDREDS_NEXT, re.IGNORECASE)


def cardinal_end(surface: str) -> int:
    """Return where the first spelled cardinal in ``surface`` ends: "two and three" is two numbers, not 5.

    English composes number words in one order: units after tens ("twenty five"), hundred after units,
    magnitudes in falling order, "and" only after a hundred or a magnitude and before a smaller number.
    A word that breaks the order ("twenty thirty", "one two", "hundred and five hundred") starts a new numeral,
    and so does one after a spaced hyphen, unless it is the unit after a tens word ("fifty - two" is 52,
    "twenty - thirty" a range), or after a comma, unless a magnitude's hundreds follow ("three million, two
    hundred"; "a million, two years later" is two numbers).
    """
    end = 0
    last = "start"  # the class of the last number word: start, small, tens, hundred, magnitude, and
    has_hundred = False
    magnitude = math.inf
    pending_and = 0  # the end of the words before an "and" that may not be followed by a number
    for m in _WORD.finditer(surface):
        word = m.group().lower()
        if word in ("a", "an") and last == "start":
            continue
        if word == "and":
            if last not in ("hundred", "magnitude"):
                break
            last, pending_and = "and", end
            continue
        gap = surface[end : m.start()].strip()
        if last != "start" and gap == "-" and surface[m.start() - 1] == " ":
            if not (last == "tens" and 0 < SMALL.get(word, 0) < 10):
                break
        elif last != "start" and gap == ",":
            if last != "magnitude" or not _HUNDREDS_AT.match(surface, m.start()):
                break
        elif gap == "&":  # "two hundred & forty": an "and"
            if last not in ("hundred", "magnitude"):
                break
            last, pending_and = "and", end
        if word in SMALL or word in TENS:
            is_tens = word in TENS
            if last == "small" or (last == "tens" and (is_tens or SMALL.get(word, 10) >= 10)):
                break  # "one two", "twenty thirty", "twenty fifteen"
        elif word in ("hundred", "dozen", "dozens"):
            if has_hundred or last in ("hundred", "magnitude", "and"):
                break  # "hundred and five hundred and six": the second hundred starts a new numeral
            has_hundred = word == "hundred"
        elif word in MAGNITUDES:
            if MAGNITUDES[word] >= magnitude or last == "and":
                break
            magnitude, has_hundred = MAGNITUDES[word], False
        else:
            break
        last = (
            "small"
            if word in SMALL
            else "tens"
            if word in TENS
            else "hundred"
            if word in ("hundred", "dozen", "dozens")
            else "magnitude"
        )
        end, pending_and = m.end(), 0
    return pending_and or end


_FRACTION_BASES = {**MAGNITUDES, "dozen": 12.0}


def parse_fraction(surface: str) -> float | None:
    """Parse "two-thirds", "a third", "half", "one and a half", "3 and a half", "five and three quarters",
    "twenty-three fifths", "two and fifty-four hundredths", "three twenty-fifths"."""
    words = [w for w in _WORD_SPLIT.split(surface.lower()) if w]
    if words[-1] in _FRACTION_BASES and len(words) >= 2:  # "half a million", "half a dozen"
        part = parse_fraction(" ".join([words[0], *(w for w in words[1:-1] if w not in ("of", "a", "an"))]))
        return None if part is None else part * _FRACTION_BASES[words[-1]]
    # A mixed number: a whole number, "and", a proper fraction ("one hundred and thirty-two fifths" is 132/5);
    # after a magnitude the fraction is of it ("six million and two thirds"), as reading's "and a half" is.
    if "and" in words[1:-1]:
        cut = len(words) - 1 - words[::-1].index("and")
        head = " ".join(words[:cut])
        part = parse_fraction(" ".join(words[cut + 1 :]))
        if part is not None and part < 1:
            base = float(head) if head.isdigit() else parse_words(head)
            unit = MAGNITUDES.get(words[cut - 1], 1.0) if words[cut - 1] != "hundred" else 1.0
            return None if base is None else base + part * unit
    if len(words) >= 3 and words[-1] in _UNIT_DENOMINATORS and words[-2] in TENS and words[-3] != "and":
        denominator, numerator_words = TENS[words[-2]] + _UNIT_DENOMINATORS[words[-1]], words[:-2]
    else:
        denominator = FRACTIONS.get(words[-1]) or LARGE_DENOMINATORS.get(words[-1])
        numerator_words = words[:-1]
    if denominator is None:
        return None
    numerator_text = " ".join(numerator_words)
    if all(w in ("a", "an") for w in numerator_words):
        return 1.0 / denominator
    if cardinal_end(numerator_text) != len(numerator_text):  # "one one hundred fifths": not one number
        return None
    numerator = parse_words(numerator_text)
    return None if numerator is None else numerator / denominator


def parse_numeral(surface: str, group: str | None = None) -> tuple[float, float] | None:
    """Return ``(value, precision)`` for a numeral of any form, or None if it does not parse."""
    group = group or _group_of(surface)
    if group == "digits":
        return parse_digits(surface)
    if group == "fraction":
        value = parse_fraction(surface)
        return None if value is None else (value, 0.0)
    if group == "vague":
        return vague_range(surface)[0], 0.0
    value = parse_words(surface)
    return None if value is None else (value, 0.5)


def vague_range(surface: str) -> tuple[float, float]:
    """Return the range a vague amount stands for ("dozens" -> 24..143, "several hundred", "a few hundred" ->
    200..999, as "hundreds"; "a few dozen" as "dozens")."""
    words = surface.lower().split()
    key = words[-1] + "s" if len(words) > 1 else words[0]
    return VAGUE[key]


def _group_of(surface: str) -> str | None:
    match = NUMERAL.fullmatch(surface)
    return match.lastgroup if match else None

"""The questions the rule table asks of the evidence: is this number part of a name, a model, an age in
apposition, a short year; what noun does it count, and is that a count per something?

Each answers from the evidence alone (its text, offsets and what was read around it) and changes
nothing; :mod:`.rules` orders them. Name cues are a word list in :mod:`.lexicon`.
"""

from __future__ import annotations

import math
import re

from corpuslab import units
from corpuslab.extract import patterns as P
from corpuslab.extract.evidence import Evidence
from corpuslab.extract.lexicon import (
    BOUNDS_BEFORE,
    FUNCTION_WORDS,
    MONTHS,
    NAME_CUES,
    STOP_WORDS,
    WEEKDAYS,
    bound_of,
)
from corpuslab.extract.nouns import is_plural, noun_after
from corpuslab.extract.numbers import VULGAR_FRACTIONS
from corpuslab.extract.subject import singular

# Words after a hyphenated number that describe rather than count ("5,000-strong", "50-odd").
_HYPHEN_NOT_NOUNS = frozenset("strong odd plus old long wide high tall deep fold year month day week hour".split())
# The words after a number, up to a punctuation mark ("787 Dreamliner on time", "77 World Cup wins").
_TOKEN_AFTER = re.compile(r"\s+(?P<word>\w[\w'’-]*)")
_MODEL_WORDS = 6  # enough for a three-word name and the two words after it
_MODEL_WORD_MIN = 3  # shorter capitalised words after a number are unit symbols ("30 C", "0.01 Gy")
# Oldest age read in apposition ("Musa Ndlovu, 97,"); a larger number set off after a name is no age.
_AGE_MAX = 120
# "the 13th Five-Year Plan": the capital that makes a spelled number part of a title starts within this
# many characters after it (hyphens and spaces between).
_TITLE_CAPITAL_WINDOW = 20
# Characters before "zero" searched for the word before it (the longest function word and its space).
_ZERO_LEFT_WINDOW = 16


def is_lone_one(r: Evidence) -> bool:
    """ "one" or "zero" alone is a word ("one of the largest", "zero tolerance"); "minus one", "zero point
    eight" (its precision finer than half a unit), the end of a range ("between one and three") and the first of
    a list of numbers ("one, two, three") are values."""
    return (
        r.group == "spelled"
        and r.value * r.scale < 2
        and r.precision >= 0.5
        and not r.negative
        and math.isnan(r.low)
        and math.isnan(r.from_value)
        and not P.NUMBER_LIST_AFTER.match(r.text, r.end)
        and not _is_zero_value(r)
    )


# Words before "zero" that leave it the value itself ("rates at zero", "close to zero", "not zero").
_BEFORE_ZERO_VALUE = STOP_WORDS | FUNCTION_WORDS | frozenset(w for w in BOUNDS_BEFORE if " " not in w)


def _is_zero_value(r: Evidence) -> bool:
    """ "rates at zero", "get it to zero.", "Zero is a small number": zero standing alone for its value, after
    a function word or none and before none; "zero tolerance", "zero-sum", "ground zero" are words."""
    if r.value != 0 or r.text[r.end : r.end + 1] == "-":
        return False
    after = P.WORD_AFTER.match(r.text, r.end)
    if after and after.group("word").lower() not in STOP_WORDS:
        return False
    before = P.WORD_BEFORE.search(r.text, max(0, r.start - _ZERO_LEFT_WINDOW), r.start)
    return before is None or before.group("word").lower() in _BEFORE_ZERO_VALUE


def is_digit_fraction(r: Evidence) -> bool:
    """ "1/40", "⅔": a fraction written in digits or as one character, a share as "two thirds" is."""
    return r.group == "digits" and ("/" in r.numeral or r.numeral[-1] in VULGAR_FRACTIONS)


def is_possessive_decade(r: Evidence) -> bool:
    """ "in their 40s": ages 40 to 49; a bare "the 60s" is no figure (a decade of which century?)."""
    return bool(P.POSSESSIVE_DECADE.search(r.left)) and not r.left.rstrip().lower().endswith("the")


def unit_kind(r: Evidence) -> str | None:
    """The kind the written unit measures; an age stays an age."""
    unit = units.lookup(r.unit_word or "")
    if unit is None:
        return r.kind
    return "age" if r.kind == "age" else unit.kind


def short_year(r: Evidence) -> float | None:
    """ "2016-20": the second year written with two digits, in full; None if the number is not one."""
    m = P.YEAR_BEFORE.search(r.left)
    if m is None or r.group != "digits" or len(r.numeral) != 2:
        return None
    first = int(m.group("year"))
    year = first // 100 * 100 + int(r.value)
    return float(year if year >= first else year + 100)


def is_age_in_apposition(r: Evidence) -> bool:
    """ "Musa Ndlovu, 97, and ...", "Smith (36)": a small number set off after a name."""
    return (
        r.group == "digits"
        and "." not in r.numeral
        and 1 <= r.value <= _AGE_MAX
        and bool(P.AGE_APPOSITION_BEFORE.search(r.left))
        and bool(P.AGE_APPOSITION_AFTER.match(r.text, r.end))
    )


def is_model_name(r: Evidence) -> bool:
    """ "the 787 Dreamliner", "iPhone 11 Pro", "10 Downing Street": digits then capitalised words that count
    nothing. A plural soon after makes it a count ("77 World Cup wins", "109 Vietnamese trafficking victims"),
    and model numbers are never written with thousands separators ("600,000 Israelis")."""
    if r.group != "digits" or "," in r.numeral or r.opener or r.bound != "exact" or r.negative or r.trend:
        return False
    if r.scale != 1:
        return False
    words: list[str] = []
    pos = r.end
    while len(words) < _MODEL_WORDS and (m := _TOKEN_AFTER.match(r.text, pos)):
        words.append(m.group("word"))
        pos = m.end()
    first = words[0] if words else ""
    lower = first.lower()
    if not first[:1].isupper() or len(first) < _MODEL_WORD_MIN or first.isupper():
        return False  # "30 C outside", "0.01 Gy", "78 MELBOURNE": a unit symbol or a capitalised headline
    if lower in MONTHS or lower in WEEKDAYS or lower in STOP_WORDS:
        return False
    if lower in FUNCTION_WORDS or is_plural(first):
        return False
    capitalised = next((i for i, w in enumerate(words) if not w[:1].isupper()), len(words))
    return not any(is_plural(w) or (w[0].isdigit() and w.endswith("s")) for w in words[: capitalised + 2])


def is_leading_zero_code(r: Evidence) -> bool:
    """Digits after a leading zero ("047", "007"): a code or a phone number, not an amount."""
    return r.group == "digits" and r.numeral[:1] == "0" and r.numeral[1:2].isdigit()


def is_name_number(r: Evidence) -> bool:
    """Numbers that are part of a name: "Power of Siberia 2", "Article 5", "Boeing 737", "Five-Year Plan"."""
    if r.opener or r.bound != "exact" or r.negative or r.trend:
        return False  # "Obama from 2013", "Xi about 5": words were read between the name and the number
    if r.group != "digits" or r.low == r.low:
        return False
    left = r.left
    m = P.WORD_BEFORE.search(left)
    if not m or not left.endswith((" ", "\u00a0")):
        return False
    word = m.group("word")
    lower = word.lower().rstrip(".")
    if lower in NAME_CUES:
        return True
    if word.endswith(("'s", "’s")) or not word[0].isupper() or len(left.split()) == 1:
        return False  # "Trump's 2005 tax return"; "Sales 20 ..." starts a sentence
    if lower in FUNCTION_WORDS or lower in MONTHS or lower in WEEKDAYS:
        return False
    # In a title-case headline ("Russia, China Sign 22 Agreements") the count still reads as one.
    after = P.WORD_AFTER.match(r.text, r.end)
    return not (after and after.group("word")[0].isupper() and is_plural(after.group("word")))


def follows_name_cue(r: Evidence) -> bool:
    """ "No. 1999", "flight 2016": a year-like number named by the word before it."""
    m = P.WORD_BEFORE.search(r.left)
    return bool(m and r.left.endswith(" ") and m.group("word").lower().rstrip(".") in NAME_CUES)


def is_title_case_name(r: Evidence) -> bool:
    """ "the 13th Five-Year Plan": a capitalised number word inside a sentence, followed by a capital."""
    left = r.left
    if not r.numeral[0].isupper() or not left.strip() or left.rstrip().endswith((".", ":", '"', "“")):
        return False
    after = r.start + len(r.numeral)
    return bool(P.CAPITAL_AFTER.match(r.text, after, after + _TITLE_CAPITAL_WINDOW))


def hyphen_noun(r: Evidence) -> re.Match[str] | None:
    """ "two-car", "395-seat": a noun hyphenated to the number, which then counts it."""
    m = P.HYPHEN_NOUN.match(r.text, r.end)
    if m and m.group("noun") not in _HYPHEN_NOT_NOUNS and units.lookup(m.group("noun")) is None:
        return m
    return None


def counted_noun(r: Evidence) -> str | None:
    """The noun phrase the number counts ("22 comprehensive agreements", "two of his children")."""
    plural = r.value * r.scale != 1  # "two and a half million", "half a million people": a number or a count
    noun = noun_after(r.text, r.end, plural=plural)
    if noun is None and plural and (m := P.PARTITIVE.match(r.text, r.end)) and r.group != "vague":
        noun = noun_after(r.text, m.end(), plural=True)  # "two of his children"
    return noun


# Floating point: 2.01 x 1e6 is 2009999.9999999998, still two million and ten thousand people.
_WHOLE_TOLERANCE = 1e-9


def whole_count(r: Evidence) -> str | None:
    """The counted noun of a whole number of things: "2.39 points" (an index's move) counts nothing, while
    "2.5 million people" does; a rate may still be fractional ("1.8 children per woman", :func:`count_per`)."""
    total = r.value * r.scale
    return counted_noun(r) if math.isclose(total, round(total), rel_tol=_WHOLE_TOLERANCE) else None


def count_per(r: Evidence) -> dict[str, object] | None:
    """ "15 points per game", "5 cases per 100,000 people": a count per something is a rate with its own
    unit; returns the counted noun and what the rate reads, or None."""
    noun = counted_noun(r)
    at = r.text.find(noun, r.end) if noun and r.bound == "exact" else -1
    m = P.PER_NOUN.match(r.text, at + len(noun)) if noun and at >= 0 else None
    if noun is None or m is None:
        return None
    counted = singular(noun.split()[-1]).lower()
    den = (m.group("den") or m.group("per") or ("birth" if "birth" in m.group().lower() else "person")).lower()
    den = "person" if den in ("capita", "head") else den
    divisor = 1.0
    if m.group("n"):
        # Outlets writing per million meet outlets writing per 100,000: the unit is per person.
        words = m.group("n").lower().split()
        divisor = units.SCALES[words[-1]] if words[-1] in units.SCALES else float(words[-1].replace(",", ""))
    return {
        "noun": noun,
        "rate_unit": f"{counted}_per_{den}",
        "rate_divisor": divisor,
        "rate_written": f"{counted} {' '.join(m.group().split())}",
        "end": m.end(),
    }


def bound_after_noun(r: Evidence, noun: str) -> dict[str, object]:
    """ "50 staff or more": the bound follows the counted noun; returns the bound and new end, if any."""
    at = r.text.find(noun, r.end)
    tail = P.BOUND_AFTER.match(r.text, at + len(noun)) if at >= 0 else None
    if tail and tail.group("bound").lower().startswith("or "):
        return {"bound": bound_of(tail.group("bound"), after=True), "end": tail.end()}
    return {}

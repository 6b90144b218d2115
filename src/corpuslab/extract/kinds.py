"""Deciding what a numeral is: a measure with a unit, money, a count of something, a year, an age,
part of a name, or nothing a reader would note.
"""

from __future__ import annotations

import re

from corpuslab import units
from corpuslab.extract import patterns as P
from corpuslab.extract.lexicon import (
    FUNCTION_WORDS,
    MONTHS,
    NOUN_MODIFIERS,
    STOP_WORDS,
    WEEKDAYS,
    bound_of,
)
from corpuslab.extract.reading import Reading, is_plural, next_is_plural
from corpuslab.extract.subject import singular
from corpuslab.vocab import TEMPORAL_KINDS

# Words after a hyphenated number that describe rather than count ("5,000-strong", "50-odd").
_HYPHEN_NOT_NOUNS = frozenset("strong odd plus old long wide high tall deep fold year month day week hour".split())
_NAME_CUES = frozenset(
    """no number nos vol page p pp chapter article section room flight route grade level phase stage season
    episode version""".split()
    # Index names often written without their punctuation or capital ("sp 500", "stoxx 50").
    + "sp stoxx ftse nasdaq nikkei dax cac kospi topix russell nifty sensex poor's poor’s".split()
)
# The words after a number, up to a punctuation mark ("787 Dreamliner on time", "77 World Cup wins").
_TOKEN_AFTER = re.compile(r"\s+(?P<word>\w[\w'’-]*)")
_MODEL_WORDS = 6  # enough for a three-word name and the two words after it
_MODEL_WORD_MIN = 3  # shorter capitalised words after a number are unit symbols ("30 C", "0.01 Gy")


def mark_year_like(text: str, r: Reading) -> None:
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


def decide_kind(text: str, r: Reading, left: str) -> None:
    """Settle the kind; leave it None for numerals that are not figures (names, a lone "one")."""
    _decide(text, r, left)
    if r.kind in TEMPORAL_KINDS:
        r.trend, r.is_change = None, False  # "from 2014 to 2015": a time, not a level that moved


def _decide(text: str, r: Reading, left: str) -> None:
    if r.kind in ("ordinal", "year", "count"):
        if r.kind == "ordinal":
            r.noun = words_after(text, r.end)
        return
    if r.rule == "decade":
        _decide_decade(r, left)
        return
    if r.kind == "age" and r.unit_word is None:
        return
    if r.group == "spelled" and _is_title_case_name(text, r, left):
        r.kind = None
        return
    if r.unit_word is not None:
        _decide_unit_kind(text, r)
        return
    if r.currency is not None:
        r.kind = "currency"
        return
    if r.is_year_like and not _follows_name_cue(left):
        r.kind, r.rule = "year", "year"
        return
    if is_name_number(text, r, left):
        return
    if (m := P.YEAR_BEFORE.search(left)) and r.group == "digits" and len(r.numeral) == 2:
        _decide_short_year(r, int(m.group("year")))  # "2016-20"
        return
    if _is_model_name(text, r):
        return
    if _is_age_in_apposition(text, r, left):
        r.kind, r.rule = "age", "age"
        return
    if r.group == "spelled" and r.value * r.scale < 2:
        return  # "one of the", "one person": not a figure a reader would note
    _decide_count(text, r)


def _decide_unit_kind(text: str, r: Reading) -> None:
    unit = units.lookup(r.unit_word or "")
    if unit is None:
        return
    if (
        unit.kind == "multiple"
        and units.unit_key(r.unit_word or "") == "times"
        and not P.MULTIPLE_AFTER.match(text, r.end)
    ):
        r.kind, r.noun = "count", "time"
        return
    r.kind = "age" if r.kind == "age" else unit.kind


def _decide_decade(r: Reading, left: str) -> None:
    """ "in their 40s": ages 40 to 49; a bare "the 60s" is left alone (a decade of which century?)."""
    if P.POSSESSIVE_DECADE.search(left) and not left.rstrip().lower().endswith("the"):
        r.kind, r.rule = "age", "age"
        r.low, r.high = r.value, r.value + 9


def _decide_short_year(r: Reading, first: int) -> None:
    year = first // 100 * 100 + int(r.value)
    r.kind, r.rule, r.value = "year", "year", float(year if year >= first else year + 100)


def _is_age_in_apposition(text: str, r: Reading, left: str) -> bool:
    """ "Musa Ndlovu, 97, and ...", "Smith (36)": a small number set off after a name."""
    return (
        r.group == "digits"
        and "." not in r.numeral
        and 1 <= r.value <= 120
        and bool(P.AGE_APPOSITION_BEFORE.search(left))
        and bool(P.AGE_APPOSITION_AFTER.match(text, r.end))
    )


def _is_model_name(text: str, r: Reading) -> bool:
    """ "the 787 Dreamliner", "iPhone 11 Pro", "10 Downing Street": digits then capitalised words that count
    nothing. A plural soon after makes it a count ("77 World Cup wins", "109 Vietnamese trafficking victims"),
    and model numbers are never written with thousands separators ("600,000 Israelis")."""
    if r.group != "digits" or "," in r.numeral or r.opener or r.bound != "exact" or r.negative or r.trend:
        return False
    if r.scale != 1:
        return False
    words: list[str] = []
    pos = r.end
    while len(words) < _MODEL_WORDS and (m := _TOKEN_AFTER.match(text, pos)):
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


def _decide_count(text: str, r: Reading) -> None:
    if r.group == "fraction" and r.value < 1:
        r.kind = "percent"  # "more than half of its users", "two-thirds of voters"
        return
    if m := P.HYPHEN_NOUN.match(text, r.end):
        noun = m.group("noun")
        if noun not in _HYPHEN_NOT_NOUNS and units.lookup(noun) is None:
            r.kind, r.noun, r.rule, r.end = "count", noun, "count", m.end()  # "two-car", "395-seat"
            return
    plural = r.value * r.scale != 1  # "two and a half million", "half a million people": a number or a count
    noun = noun_after(text, r.end, plural=plural)
    if noun is None and plural and (m := P.PARTITIVE.match(text, r.end)) and r.group != "vague":
        noun = noun_after(text, m.end(), plural=True)  # "two of his children"
    if noun:
        r.kind, r.noun = "count", noun
        if r.rule == "quantity":
            r.rule = "count"
        _read_bound_after_noun(text, r, noun)
        _read_per_noun(text, r, noun)
        return
    r.kind = "number"


def _read_per_noun(text: str, r: Reading, noun: str) -> None:
    """ "15 points per game", "3 doctors per capita": a count per something is a rate with its own unit."""
    at = text.find(noun, r.end)
    m = P.PER_NOUN.match(text, at + len(noun)) if at >= 0 and r.bound == "exact" else None
    if m is None:
        return
    counted = singular(noun.split()[-1]).lower()
    den = (m.group("den") or m.group("per") or ("birth" if "birth" in m.group().lower() else "person")).lower()
    den = "person" if den in ("capita", "head") else den
    if m.group("n"):
        # "5 cases per 100,000 people" is 0.00005 cases per person: outlets writing per million meet it.
        words = m.group("n").lower().split()
        r.rate_divisor = units.SCALES[words[-1]] if words[-1] in units.SCALES else float(words[-1].replace(",", ""))
    r.kind, r.rate_unit = "rate", f"{counted}_per_{den}"
    r.rate_written = f"{counted} {' '.join(m.group().split())}"
    r.rule, r.end = "rate", m.end()


def _read_bound_after_noun(text: str, r: Reading, noun: str) -> None:
    """ "50 staff or more": the bound follows the counted noun."""
    at = text.find(noun, r.end)
    tail = P.BOUND_AFTER.match(text, at + len(noun)) if at >= 0 else None
    if tail and tail.group("bound").lower().startswith("or "):
        r.bound, r.end = bound_of(tail.group("bound"), after=True), tail.end()


def is_name_number(text: str, r: Reading, left: str) -> bool:
    """Numbers that are part of a name: "Power of Siberia 2", "Article 5", "Boeing 737", "Five-Year Plan"."""
    if r.opener or r.bound != "exact" or r.negative or r.trend:
        return False  # "Obama from 2013", "Xi about 5": words were read between the name and the number
    if r.group != "digits" or r.low == r.low:
        return False
    m = P.WORD_BEFORE.search(left)
    if not m or not left.endswith((" ", "\u00a0")):
        return False
    word = m.group("word")
    lower = word.lower().rstrip(".")
    if lower in _NAME_CUES:
        return True
    if word.endswith(("'s", "’s")) or not word[0].isupper() or len(left.split()) == 1:
        return False  # "Trump's 2005 tax return"; "Sales 20 ..." starts a sentence
    if lower in FUNCTION_WORDS or lower in MONTHS or lower in WEEKDAYS:
        return False
    # In a title-case headline ("Russia, China Sign 22 Agreements") the count still reads as one.
    after = P.WORD_AFTER.match(text, r.end)
    return not (after and after.group("word")[0].isupper() and is_plural(after.group("word")))


def _follows_name_cue(left: str) -> bool:
    m = P.WORD_BEFORE.search(left)
    return bool(m and left.endswith(" ") and m.group("word").lower().rstrip(".") in _NAME_CUES)


def _is_title_case_name(text: str, r: Reading, left: str) -> bool:
    """ "the 13th Five-Year Plan": a capitalised number word inside a sentence, followed by a capital."""
    if not r.numeral[0].isupper() or not left.strip() or left.rstrip().endswith((".", ":", '"', "“")):
        return False
    after = r.start + len(r.numeral)
    return bool(P.CAPITAL_AFTER.match(text, after, after + 20))


def words_after(text: str, pos: int) -> str | None:
    """Return up to three words after ``pos`` that are not stop words ("Winter Olympics")."""
    words = []
    for _ in range(3):
        m = P.WORD_AFTER.match(text, pos)
        if not m or m.group("word").lower() in STOP_WORDS:
            break
        words.append(m.group("word"))
        pos = m.end()
        if text[pos : pos + 1] in ",.;:!?)(":
            break
    return " ".join(words) or None


def noun_after(text: str, pos: int, *, plural: bool) -> str | None:
    """Return the counted noun phrase after a numeral ("22 comprehensive agreements" -> that phrase)."""
    words = []
    for _ in range(5):
        m = P.WORD_AFTER.match(text, pos)
        if not m:
            break
        words.append(m.group("word"))
        pos = m.end()
        if text[pos : pos + 1] in ",.;:!?)(":  # also true at the end of the text
            break
    for i, word in enumerate(words):
        lower = word.lower()
        if lower in NOUN_MODIFIERS:
            continue
        if lower in STOP_WORDS or lower in MONTHS or lower.endswith("-year-old"):
            return None
        if plural and is_plural(word):
            return " ".join(words[: i + 1])
        if not plural and i == 0 and word[0].islower():
            return word
        if i >= 3:
            break
    return None

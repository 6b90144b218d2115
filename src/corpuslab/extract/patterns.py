"""Compiled regular expressions for the extraction rules, built once from the lexicon and units.

Every pattern that reads to the right of a numeral is used with ``.match(text, pos)``; every
pattern that reads to its left is anchored with ``$`` and used on a short window, so the cost of
a document grows with its number of numerals, never with its square.
"""

from __future__ import annotations

import re

from corpuslab import units
from corpuslab.extract.lexicon import BOUNDS_AFTER, BOUNDS_BEFORE, MONTHS
from corpuslab.extract.numbers import FRACTION, SPELLED, VAGUE_RE


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


_DIGITS_BODY = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?(?![.,]\d)(?!/\d)"
# A numeral anywhere in running text: never glued to a letter before (G20, A320), never the digits
# after a letter-hyphen (COVID-19, Tianjin-2) and never part of a version or a fraction (3.5.1, 3/4).
NUMERAL = re.compile(
    rf"(?P<fraction>{FRACTION})|(?P<prefixed>(?:(?<=mid-)|(?<=pre-)|(?<=post-)|(?<=late-)|(?<=early-)|(?<=end-))"
    rf"(?:1[89]|20)\d\d\b)|(?P<digits>(?<![\w.,/])(?<![^\W\d][-–]){_DIGITS_BODY})"
    rf"|(?P<vague>{VAGUE_RE})|(?P<spelled>{SPELLED})",
    re.IGNORECASE,
)
# The second numeral of a range, read right after a connector (no look-behind: "50-70").
NUMERAL_AT = re.compile(rf"(?P<digits>{_DIGITS_BODY})|(?P<spelled>{SPELLED})", re.IGNORECASE)

ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
DECADE_SUFFIX = re.compile(r"s\b")
ATTACHED_SCALE = re.compile(r"(?P<scale>bn|mn|mln|bln|tn|trn|k|K|m|M|b|B)(?![\w])")
SCALE = re.compile(
    r"(?:[\s-]+|\s*)(?P<scale>hundred|thousand|million|billion|trillion|mn|mln|bn|bln|tn|trn)\b", re.IGNORECASE
)

# Unit words that are too ambiguous to read after a space ("5 in 2020", "5 m people").
_AMBIGUOUS = {"m", "t", "g", "c", "f", "h", "w", "x", "in", "mi", "nm", "b", "min", "sec", "hr", "mt"}
_SPACED_UNITS = [u for u in units.UNIT_WORDS if u not in _AMBIGUOUS]
# Single letters read only when glued to the digits, and then case matters (4G is not 4 grams).
_ATTACHED_ONLY = ["m", "t", "g", "h", "x", "C", "F", "W", "mi", "in"]
UNIT_SPACED = re.compile(rf"(?P<sep>\s*-\s*|\s+|\s*)(?P<unit>{_alternation(_SPACED_UNITS)})(?![\w])", re.IGNORECASE)
UNIT_ATTACHED = re.compile(rf"(?P<unit>{_alternation(_ATTACHED_ONLY)})(?![\w°])")
CURRENCY_AFTER = re.compile(
    rf"\s+(?P<cur>{_alternation(list(units.CURRENCY_WORDS))}|{'|'.join(sorted(units.ISO_CURRENCIES))})\b",
    re.IGNORECASE,
)
CURRENCY_BEFORE = re.compile(
    r"(?:^|(?<=[\s(\[\"'“‘—–-]))(?P<cur>"
    + "|".join(re.escape(s) for s in sorted([*units.CURRENCY_SYMBOLS, *units.ISO_CURRENCIES], key=len, reverse=True))
    + r")\s?$"
)
AGE_AFTER = re.compile(r"(?P<age>[\s-]+years?[\s-]+old\b|-year-old|-month-old|[\s-]+months?[\s-]+old\b)", re.IGNORECASE)
RATE = re.compile(
    r"(?:\s*/\s*(?P<slash>y|yr|year|a|annum|d|day|month|mo|week|wk|hr|hour)\b"
    r"|\s+(?:per|a|an|each|every)\s+(?P<per>year|annum|month|week|day|hour)\b"
    r"(?!\s+(?:ago|earlier|later|before|after|old|on|from|since|and a half))"
    r"|\s+(?P<adverb>annually|yearly|per\s+annum|p\.a\.|daily|monthly|weekly|hourly))",
    re.IGNORECASE,
)
# "bcm of natural gas annually": a rate after a short "of ..." phrase.
DETACHED_RATE = re.compile(
    r"(?:\s*\([^()]{1,12}\))?\s+of\s+(?:[a-z][\w-]*\s+){0,3}?(?:[a-z][\w-]*)"
    r"(?P<rate>\s+(?:annually|yearly|per\s+(?:year|annum)|a\s+year|each\s+year|every\s+year))\b",
    re.IGNORECASE,
)
PERIODS = {
    "y": "year",
    "yr": "year",
    "year": "year",
    "a": "year",
    "annum": "year",
    "annually": "year",
    "yearly": "year",
    "per annum": "year",
    "p.a.": "year",
    "a year": "year",
    "d": "day",
    "day": "day",
    "daily": "day",
    "a day": "day",
    "month": "month",
    "mo": "month",
    "monthly": "month",
    "week": "week",
    "wk": "week",
    "weekly": "week",
    "hr": "hour",
    "hour": "hour",
    "hourly": "hour",
}

BOUND_BEFORE = re.compile(rf"(?:^|(?<=[^\w]))(?P<bound>{_alternation(list(BOUNDS_BEFORE))})\s*$", re.IGNORECASE)
BOUND_AFTER = re.compile(rf"(?P<sep>\s+|-|\s*)(?P<bound>{_alternation(list(BOUNDS_AFTER))})(?![\w])", re.IGNORECASE)
OPENER = re.compile(r"(?:^|(?<=\W))(?P<opener>between|from|range\s+of|ranging\s+from)\s+$", re.IGNORECASE)
RANGE_CONNECTOR = re.compile(r"(?P<conn>\s*[-–—]\s*|\s+to\s+|\s+and\s+|\s+or\s+)(?P<cur>US\$|\$|€|£|¥|₽)?")
CHANGE_BEFORE = re.compile(r"(?P<verb>\b[a-z]+)\s+(?P<prep>by|to|of)?\s*$", re.IGNORECASE)
FROM_AFTER_LEVEL = re.compile(r"[\s,]*(?:(?P<dir>up|down)\s+)?from\s+", re.IGNORECASE)
CHANGE_NOUN_AFTER = re.compile(
    r"\s+(?P<noun>increase|rise|jump|gain|growth|hike|surge|boost|drop|decline|fall|cut|reduction|decrease|"
    r"loss|slump|plunge|contraction|uptick|downturn)s?\b",
    re.IGNORECASE,
)
NEGATIVE = re.compile(r"(?:^|(?<=[\s(\[]))[-−]$")
AGE_BEFORE = re.compile(r"\b(?:aged|age|ages)\s+$", re.IGNORECASE)
MULTIPLE_AFTER = re.compile(
    r"\s+(?:more|less|higher|lower|larger|bigger|greater|smaller|faster|slower|as|the|over|"
    r"that|cheaper|longer|stronger|richer|worse|better)\b",
    re.IGNORECASE,
)

_MONTH = _alternation([m.capitalize() for m in MONTHS] + [m.upper() for m in MONTHS if len(m) > 3])
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d|21\d\d)"
DATES = re.compile(
    rf"\b(?:{_DAY}\s+(?:of\s+)?(?P<month>{_MONTH})\.?(?:,?\s+{_YEAR})?"
    rf"|(?P<month2>{_MONTH})\.?\s+(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?P<year2>1[89]\d\d|20\d\d))?"
    rf"|(?P<month3>{_MONTH})\.?,?\s+(?P<year3>1[89]\d\d|20\d\d)"
    r"|(?P<iso>(?P<iy>1[89]\d\d|20\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d))"
    r"|(?P<numeric>(?P<n1>[0-3]?\d)/(?P<n2>[0-3]?\d)/(?P<n3>(?:19|20)?\d\d)))\b(?![.,]?\d)(?!\s*%)"
)
# Spans that hold digits but no figure: clock times, phone numbers, addresses of web pages.
BLOCKED = re.compile(
    r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:a\.?m\.?|p\.?m\.?))?"
    r"|\b\d{1,2}(?:[.:]\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)"
    r"|\b\d{1,2}\.\d{2}\s*(?:GMT|UTC|BST|CET|EST|EDT|PST|MSK|hrs|local time)\b"
    r"|\b\d{1,2}\s+o'clock\b"
    r"|\b(?:won|lost|beat|drew|draw|defeat|victory|win|loss|score|scored|led|trail)\s+\d{1,2}[-–]\d{1,2}\b"
    r"|\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}"
    r"|\(\d{3}\)\s?\d{3}-\d{4}|\b\d{3}-\d{3}-\d{4}\b"
    r"|https?://\S+|\bwww\.\S+|\b[\w.+-]+@[\w-]+\.[\w.]+"
    r"|\b[\w-]+\.(?:com|org|net|gov|edu|ru|cn|uk|de|io)(?:/\S*)?",
    re.IGNORECASE,
)
VAGUE_OF = re.compile(
    r"\s+of(?=\s)(?:\s+(?P<scale>thousands|millions|billions|trillions)(?P<of2>\s+of(?=\s)))?\s", re.IGNORECASE
)
# "6-4", "52-47", "4-4": a score or a vote, never a range (a range runs upwards).
SCORE = re.compile(r"(?<![\w.,/-])(?P<a>\d{1,3})[-–](?P<b>\d{1,3})(?![\w%/-]|[.,]\d|\s*(?:%|per\s*cent|percent)(?!\w))")
WORD_AFTER = re.compile(r"\s+(?P<word>[A-Za-z][A-Za-z'’-]*)")
WORD_BEFORE = re.compile(r"(?P<word>[A-Za-z][\w'’.-]*)\s*$")

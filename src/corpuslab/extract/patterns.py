"""Compiled regular expressions for the extraction rules, built once from the lexicon and units.

Every pattern that reads to the right of a numeral is used with ``.match(text, pos)``; every
pattern that reads to its left is anchored with ``$`` and used on a short window, so the cost of
a document grows with its number of numerals, never with its square.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterator

from corpuslab import units
from corpuslab.extract.lexicon import (
    ARTICLE_DURATION_UNITS,
    BOUNDS_AFTER,
    BOUNDS_BEFORE,
    FLOW_NOUNS,
    FRACTIONS,
    LARGE_DENOMINATORS,
    MAGNITUDES,
    MONTH_NAMES,
    MONTHS,
    NAMED_AMOUNTS,
    ORDINAL_UNITS,
    ORDINAL_WORDS,
    SMALL,
    STOP_WORDS,
    TENS,
    VAGUE,
    WEEKDAYS,
)
from corpuslab.extract.numbers import (
    CLAUSE_END,
    FRACTION,
    MIXED_PART,
    ORDINAL_FRACTION,
    SPELLED,
    VAGUE_RE,
    VULGAR_FRACTIONS,
    alternation,
    cardinal_end,
)

# "pounds sterling" is money, not weight.
STERLING = re.compile(r"\s+sterling")
# "a 1-pound coin", "a 20-pound note": a pound that names a coin or a note is money, not weight.
DENOMINATION = re.compile(r"[\s-]+(?:coin|note|banknote)s?\b", re.IGNORECASE)
# A capitalised word right after a number word: "Five-Year Plan".
CAPITAL_AFTER = re.compile(r"[-\s]+[A-Z]")


def _alternation(words: list[str]) -> str:
    """An alternation of ``words``, longest first; a space or hyphen inside a word matches either."""
    escaped = (re.escape(w).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]+") for w in words)
    return "|".join(sorted(set(escaped), key=len, reverse=True))


def _trie(words: set[str]) -> str:
    """Return a regex matching exactly ``words``, factored by prefix so a scan rejects most positions at once."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        alternatives = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alternatives:
            return ""
        group = "(?:" + "|".join(alternatives) + ")"
        return group + "?" if "" in node else group

    return build(root)


# --- finding numerals --------------------------------------------------------------------------

# Thousands grouped by commas, by dots (two groups or more), by a no-break, narrow or thin space or an
# apostrophe ("1\u00a0200\u00a0000", "1'200'000"); a decimal comma after dot groups ("1.234,5") or
# before one or two digits ("38,5", which cannot be a thousands group); Indian lakh and crore groups of two
# before the last three ("12,34,567"; at most five, so a long run of them is not rescanned from every
# number in it). An ordinary space groups only a
# whole run of digit groups that reads as one number: one to three digits, then groups of exactly three
# ("1 234 567", "200 000 women"), with a single group only when it is "000" ("in 2019 200 people" is two
# numbers, "12 345" may be two). A run with any other group ("974 501 111 49", "1800 666 111") is a phone
# number (blocked_spans blocks it).
# It starts with a digit, its look-behind after it: a look-around first would stop the scan from skipping to
# the next digit, and cost a third of the digit scan.
_SPACE_GROUPED = r"[1-9](?<![\d+]\s[1-9])\d{0,2}(?:(?: \d{3}){2,}(?:\.\d+)?| 000)(?!\s\d|[\w/]|[-.,]\d)"
_DIGITS_BODY = (
    r"(?:\d{1,3}(?:\.\d{3})+,\d+(?!\d)|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?:,\d{1,2}|\.\d+)?(?!\d)"
    rf"|{_SPACE_GROUPED}"
    r"|\d{1,3}(?:['’]\d{3})+(?!\d)|\d+,\d{1,2}(?![\d,])"
    r"|(?:\d{1,2}(?:,\d{2}){1,5},\d{3}(?!\d)|\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:\.\d{3}){2,}(?!\d)|\d+)(?:\.\d+)?)"
    r"(?![.,]\d)(?!/\d)"
)
# Scanning is split in two because one alternation of digits and words is ten times slower: digit runs
# (a pattern that starts with \d is found by a fast scan) and number words (a prefix trie).
DIGIT_RUN = re.compile(_DIGITS_BODY)
# "220,00 deaths" in English news is a typo for 220,000: two digits after a comma are decimals only in
# a text written European style (a one-digit decimal comma, or dots that group thousands).
_TWO_DECIMALS = re.compile(r"\d+,\d\d")
_EUROPEAN = re.compile(r"\d,\d(?![\d,])|\d{1,3}(?:\.\d{3})+,\d|(?<![\d.,])\d{1,3}(?:\.\d{3}){2,}(?![\d.,])")
WORD_CANDIDATE = re.compile(
    r"\b"
    + _trie({*SMALL, *TENS, *MAGNITUDES, "dozen", *FRACTIONS, *LARGE_DENOMINATORS, *VAGUE, "several", "few"})
    + r"\b",
    re.IGNORECASE,
)
_ARTICLE_NUMBER = r"\b(?:a|an)\s+(?:hundred|thousand|million|billion|trillion|dozen)\b"
WORD_NUMERAL = re.compile(
    rf"(?P<fraction>{FRACTION})|(?P<vague>{VAGUE_RE})"
    rf"|(?P<spelled>(?:{_ARTICLE_NUMBER}(?:(?:-|\s+|\s+and\s+)(?:{SPELLED}))?)|{SPELLED})",
    re.IGNORECASE,
)
# What may stand before a decimal point that opens a number (".08", "$.50", "(.5%)"); after anything else the
# point ends a sentence, a version or an address ("v2.08", "1.08.2019").
_BEFORE_LEADING_POINT = frozenset(" \t\n(\"'“$€£¥-−")
_FRACTION_WORD_AFTER = re.compile(rf"[-\s]+(?:{alternation(FRACTIONS)})\b", re.IGNORECASE)
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)
# Some feeds put a hyphen where a space was ("more than-150", "at least-30 vehicles", "turnout was above-97
# percent"): after a lower-case function or bound word the hyphen is a space, not part of a name ("COVID-19").
# Not after "under" and "over", whose hyphened numbers are age groups ("the under-21 side", "the over-60s").
_HYPHEN_WORD_WINDOW = 16
_HYPHEN_GLUED_WORDS = (STOP_WORDS | {w for w in BOUNDS_BEFORE if " " not in w}) - {"under", "over"}
_HYPHEN_FOR_SPACE = re.compile(r"(?<![\w-])(?:" + _alternation(sorted(_HYPHEN_GLUED_WORDS)) + r")-$")
_YEAR_PREFIXES = ("mid-", "pre-", "post-", "late-", "early-", "end-")

# The second numeral of a range, read right after a connector (no look-behind: "50-70").
NUMERAL_AT = re.compile(rf"(?P<digits>{_DIGITS_BODY})|(?P<spelled>{SPELLED})", re.IGNORECASE)


# "3/4 mile", "10 1/2 miles", "1/40 of": a fraction in digits, read before a unit or "of", or as a mixed
# number; alone ("3/4", "(1/2)") it may as well be a date, a score or the count of a thread of posts.
_DIGIT_FRACTION = re.compile(r"(?<![\w./-])(?:\d{1,3}\s+)?(?P<num>\d{1,2})/(?P<den>\d{1,2})(?![\w/]|[.,]\d)")
_OF_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)
# "½", "2½ years", "1 ¾ cups": fractions written as one character are never anything else.
_VULGAR_HINT = re.compile(f"[{VULGAR_FRACTIONS}]")
_VULGAR_FRACTION = re.compile(rf"(?:(?<![\w.,/])\d{{1,3}}\s?)?[{VULGAR_FRACTIONS}](?!\d)")


def numerals(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield ``(start, end, group)`` of every numeral in reading order.

    ``group`` is ``digits``, ``spelled``, ``fraction`` or ``vague``. Digits glued to a letter before
    (G20, A320), after a letter and a hyphen (COVID-19, Tianjin-2; but mid-2025 is a year) or inside
    a version or fraction (3.5.1, 3/4) are not numerals; a fraction in digits before a unit or "of"
    ("3/4 mile", "1/40 of"), a mixed number ("2 1/4") and a fraction character ("2½") are one numeral of digits.
    """
    found = _digit_and_word_numerals(text)
    fractions = [
        (m.start(), m.end(), "digits")
        for m in (_DIGIT_FRACTION.finditer(text) if "/" in text else ())
        if 0 < int(m.group("num")) < int(m.group("den")) and _is_read_fraction(text, m)
    ]
    if _VULGAR_HINT.search(text):
        fractions = sorted([*fractions, *((m.start(), m.end(), "digits") for m in _VULGAR_FRACTION.finditer(text))])
    if not fractions:
        yield from found
        return
    fence, is_fraction = 0, set(fractions)  # a set: a list made many fractions in one text quadratic
    for item in heapq.merge(found, fractions, key=lambda n: (n[0], -n[1])):
        if item[0] >= fence:
            yield item
            fence = item[1] if item in is_fraction else fence


# A currency sign the corpus lost ("?7bn", "\ufffd1.7m"), glued to the digits after a space or a bracket; after a
# quote mark the "?" stands for the lost quote ('"?0/20').
LOST_SIGN_BEFORE = re.compile(r"(?:^|(?<=[\s(]))[?\ufffd]$")
# South African rand: "R5 billion", "R2.5bn". An R glued to digits is also a road or a model ("R5"), so it is
# money only before a scale word.
RAND_BEFORE = re.compile(r"(?:^|(?<=[\s(\[\"'“‘]))R$")
_WORD_SCALE_AFTER = re.compile(r"\s*(?:million|billion|trillion|mn|bn|tn)\b", re.IGNORECASE)


def is_rand(text: str, start: int, end: int) -> bool:
    """Whether the digits at ``start:end`` follow a rand sign ("R5 billion")."""
    return bool(RAND_BEFORE.search(text, max(0, start - 2), start) and _WORD_SCALE_AFTER.match(text, end))


def _is_read_fraction(text: str, m: re.Match[str]) -> bool:
    is_mixed = m.start("num") > m.start()  # "2 1/4": a whole number before it
    unit = UNIT_SPACED.match(text, m.end())
    return is_mixed or bool(unit and unit.group("sep")) or _OF_AFTER.match(text, m.end()) is not None


def _digit_and_word_numerals(text: str) -> Iterator[tuple[int, int, str]]:
    words = _word_numerals(text)
    word = next(words, None)
    is_european = None
    for m in DIGIT_RUN.finditer(text):
        start = m.start()
        while word is not None and word[0] < start:
            yield word
            word = next(words, None)
        before = text[start - 1] if start else " "
        if before == "." and m.group().isdigit() and (start == 1 or text[start - 2] in _BEFORE_LEADING_POINT):
            yield start - 1, m.end(), "digits"  # ".08", "$.50": a decimal written without its leading zero
            continue
        is_glued_money = before.isalpha() and (
            GLUED_CURRENCY.search(text, max(0, start - 5), start) or is_rand(text, start, m.end())
        )
        if (before.isalnum() or before in "_.,/^") and not is_glued_money:
            continue
        if _TWO_DECIMALS.fullmatch(m.group()):
            is_european = bool(_EUROPEAN.search(text)) if is_european is None else is_european
            if not is_european:
                continue
        if before in "-−+" and start >= 2 and text[start - 2] == "^":
            continue  # "10^-3": the exponent belongs to the number before
        is_year = len(m.group()) == 4 and text[max(0, start - 6) : start].lower().endswith(_YEAR_PREFIXES)
        if before in "-–−" and start >= 2 and text[start - 2].isalpha() and not is_year:
            glued = _HYPHEN_FOR_SPACE.search(text, max(0, start - _HYPHEN_WORD_WINDOW), start)
            if not glued or text[m.end() : m.end() + 1].isalpha():
                continue  # "COVID-19", "Tianjin-2": part of a name; "the over-60s": an age group
        yield start, m.end(), "digits"
    while word is not None:
        yield word
        word = next(words, None)


def _word_numerals(text: str) -> Iterator[tuple[int, int, str]]:
    consumed = 0
    for candidate in WORD_CANDIDATE.finditer(text):
        start = candidate.start()
        if start < consumed:
            continue
        article = _ARTICLE_BEFORE.search(text, max(0, start - 4), start)
        m = (article and WORD_NUMERAL.match(text, article.start())) or WORD_NUMERAL.match(text, start)
        if m and m.end() > start:
            group = m.lastgroup or "spelled"
            # "one, two and three", "twenty thirty": a run of number words may hold several numerals.
            end = m.start() + cardinal_end(m.group()) if group == "spelled" else m.end()
            if group == "spelled" and _FRACTION_WORD_AFTER.match(text, end):
                # "five billion and three quarters": the number after "and" counts the fraction, not units
                cut = text.lower().rfind(" and ", m.start(), end)
                end = cut if cut > start else end
            if end > start:
                consumed = end
                yield m.start(), end, group


# --- what follows a numeral --------------------------------------------------------------------

# "five point five", "two hundred point seventy-one": the decimals of a spelled number, digit words or a
# number; not after "at" ("at one point three men left").
_DIGIT_WORD = f"(?:{alternation(w for w, v in SMALL.items() if v <= 9)})"
_BELOW_HUNDRED = rf"(?:{alternation(TENS)})(?:[\s-]+{_DIGIT_WORD})?|{alternation(w for w, v in SMALL.items() if v > 9)}"
SPELLED_POINT = re.compile(
    rf"\s+point\s+(?P<decimals>{_DIGIT_WORD}(?:\s+{_DIGIT_WORD})*|{_BELOW_HUNDRED})\b(?![\s-]+(?:hundred|thousand))",
    re.IGNORECASE,
)
AT_BEFORE = re.compile(r"\bat\s+$", re.IGNORECASE)
ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
DECADE_SUFFIX = re.compile(r"s\b")
# Scale abbreviations glued to a number ("$1.2bn", "40k"): always a scale.
GLUED_SCALES = frozenset(["bn", "mn", "mln", "bln", "tn", "trn", "mil", "k", "K"])
# One-letter scales glued to a number, and what must stand around one for it to be a scale rather than a
# unit or part of a name (reading.py asks; the value of each is in units.SCALES):
#   money_or_plural   money before it or a plural after: "$5m", "5m people" ("100m" alone is metres);
#   money_or_decimal  money before or after it, or a decimal: "$3b", "170b reais", "1.2b" ("Sentinel-1B");
#   money             money before it: "$1.2T", "US$ 1MM" ("5MM" alone is millimetres);
#   not_race          always, except before a race event: "14M more Americans" ("the 100M freestyle").
GLUED_LETTER_SCALES = {
    "m": "money_or_plural", "M": "not_race", "b": "money_or_decimal", "B": "money_or_decimal", "T": "money",
    "MM": "money",
}  # fmt: skip
ATTACHED_SCALE = re.compile(rf"(?P<scale>{'|'.join([*sorted(GLUED_SCALES), *GLUED_LETTER_SCALES])})(?![\w])")
SCALE = re.compile(
    r"(?:[\s-]+|\s*)(?P<scale>hundred|thousand|million|billion|trillion|mn|mln|bn|bln|tn|trn|tln|mil|lakhs?|crores?)\b"
    r"|\s+(?P<dozen>dozens?|dozs?|dzs?)\b",  # "3 dozen eggs", "3 dozens", "5 doz"; never glued
    re.IGNORECASE,
)
# "4 thousand 3 hundred and 21", "3 hundred and 21": digits after a hundred or a thousand in words that go on
# the same number, as spelled numbers do; not before a scale ("3 hundred and 2 million" is two numbers).
_NO_SCALE_AFTER = r"(?![\w.,]|\s+(?:hundred|thousand|million|billion|trillion)\b)"
DIGIT_WORD_PARTS = re.compile(
    rf"\s+(?P<hundreds>[1-9])\s+hundred\b(?:\s+and\s+(?P<units>[1-9]\d?){_NO_SCALE_AFTER})?"
    rf"|\s+and\s+(?P<units2>[1-9]\d?|{_BELOW_HUNDRED}|{_DIGIT_WORD}){_NO_SCALE_AFTER}",
    re.IGNORECASE,
)
# "8 B people", "$5 M": one-letter scales after a space, read only before a plural noun or after a currency.
SPACED_LETTER_SCALES = frozenset(["B", "M", "K"])
SPACED_LETTER_SCALE = re.compile(rf"\s(?P<scale>[{''.join(sorted(SPACED_LETTER_SCALES))}])(?![\w.])")
# "2.998 x 10^8", "5.5x10-3", "1e6", "-12e-1", "8x2^10": scientific notation; the power scales the numeral.
SCIENTIFIC = re.compile(
    r"\s*[x×*]\s*(?P<base>\d{1,2})\s*(?:\^|\*\*)\s*(?P<exp>[-−+]?\d{1,3})(?!\d)"
    r"|[x×]10(?P<exp2>[-−]\d{1,3})(?!\d)"
    r"|[eE](?P<exp3>[-+]?\d{1,3})(?![\w.])"
)
# "1.1^23", "2.5^-1": the numeral raised to a power.
CARET_POWER = re.compile(r"\^(?P<exp>[-−+]?\d{1,3})(?![\d.])")
# Unit words that are too ambiguous to read after a space ("5 in 2020", "5 m people").
_AMBIGUOUS = {"m", "t", "g", "c", "f", "h", "w", "x", "in", "mi", "nm", "b", "min", "sec", "hr", "mt", "°"}
_SPACED_UNITS = [u for u in units.UNIT_WORDS if u not in _AMBIGUOUS]
# Single letters read only when glued to the digits, and then case matters (4G is not 4 grams).
_ATTACHED_ONLY = ["m", "t", "g", "h", "x", "C", "F", "W", "mi", "in", "°"]
# A glued "C" or "F" is a temperature up to this ("38C", "100F"); above it the number and letter are read
# as a code, as "5G" is.
GLUED_TEMPERATURE_LETTERS = frozenset(["C", "F"])
MAX_GLUED_TEMPERATURE = 200
UNIT_SPACED = re.compile(rf"(?P<sep>\s*-\s*|\s+|\s*)(?P<unit>{_alternation(_SPACED_UNITS)})(?![\w])", re.IGNORECASE)
UNIT_ATTACHED = re.compile(r"(?P<unit>" + "|".join(map(re.escape, _ATTACHED_ONLY)) + r")(?![\w°/])")
# Units whose case matters ("542 Nm", "300PS", "8 MB"), glued or after one space.
UNIT_CASED = re.compile(r"(?P<sep>\s?)(?P<unit>" + alternation(units.CASED_UNIT_WORDS) + r")(?![\w])")
_SUBUNIT_WORDS = [w for w in units.CURRENCY_SUBUNITS if len(w) > 1]
_ISO = "|".join(sorted(units.ISO_CURRENCIES))
CURRENCY_AFTER = re.compile(
    rf"(?:\s+|-)(?P<cur>{_alternation([*units.CURRENCY_WORDS, *_SUBUNIT_WORDS])}|{_ISO})\b",
    re.IGNORECASE,
)
# "3 and a half years", "2 and three quarters miles": the fraction of a mixed number after whole digits.
AND_FRACTION = re.compile(rf"\s+and\s+(?P<part>{MIXED_PART})\b", re.IGNORECASE)
# "2,000.45 ± 0.01", "9.83e-3 +/- 1e-5": a stated uncertainty belongs to the value it follows.
PLUS_MINUS = re.compile(r"\s*(?:±|\+/-|\+-)\s*(?P<err>\d+(?:\.\d+)?(?:[eE][-+]?\d{1,3})?)(?![\d.]|(?<=\d)[eE])")
# "10 €", "500₽": a currency symbol after the number (not the start of another amount, "10 $5 bills").
CURRENCY_SYMBOL_AFTER = re.compile(r"\s?(?P<sym>" + "|".join(map(re.escape, units.SYMBOLS_AFTER)) + r")(?!\s?\d)")
# "120 MEUR", "MSEK 60": a million of a currency, as Nordic and German company reports write it.
MILLION_CODE_AFTER = re.compile(rf"\s?M(?P<cur>{_ISO})\b")
MILLION_CODE_BEFORE = re.compile(rf"(?:^|(?<=[\s(]))M(?P<cur>{_ISO})\s?$")
# "115USD", "50p": a currency code or a subunit glued to the digits.
CURRENCY_ATTACHED = re.compile(rf"(?P<cur>{_ISO}|p)(?![A-Za-z0-9])")
# "$84.50 a barrel", "$3/MMBtu", "$350 per kg": what a price is quoted per.
PER_UNIT = re.compile(
    rf"(?:\s*/\s*|\s+(?:a|an|per|each)\s+)(?P<den>{_alternation(list(units.PER_UNITS))})(?![\w])", re.IGNORECASE
)
# "15 points per game" after a counted noun: a count per something, not a count.
PER_NOUN = re.compile(
    r"\s+(?:(?:per|a|an|each)\s+(?P<den>game|match|start)|per\s+(?P<per>capita|person|head|household)"
    r"|(?:per|for\s+every|in\s+every)\s+(?P<n>\d{1,3}(?:,\d{3})+|\d+|a\s+thousand|a\s+million|thousand|million)"
    r"\s+(?:people|persons|residents|inhabitants|population|adults|children|births|live\s+births))\b",
    re.IGNORECASE,
)
AGE_AFTER = re.compile(
    r"(?P<age>[\s-]+(?P<unit>years?|months?|weeks?|days?)[\s-]+old\b|-(?P<unit2>year|month|week|day)-old"
    r"|\s+(?P<unit3>years?|months?|weeks?)\s+of\s+age\b|\s+year-old)",
    re.IGNORECASE,
)
# "one, two, three", "one two and three": "one" opening a list of spelled numbers counts as the rest do (a list
# goes on or ends after the second: "one two-year term" is no list).
NUMBER_LIST_AFTER = re.compile(
    rf"(?:\s*,\s*|\s+and\s+|\s+)(?:{_alternation([w for w, v in SMALL.items() if 2 <= v <= 10])})"
    r"(?=\s*,|\s+(?:and|or)\b|\s*[.;!?]|\s*$)",
    re.IGNORECASE,
)
# "one in five adults", "1 out of 3", "one in every 10": a share written as a count of a count.
IN_EVERY = re.compile(r"\s+(?:in|out\s+of)\s+(?:every\s+)?|(?P<over>\s+over\s+)", re.IGNORECASE)
# "one over three.": a fraction said aloud, read only where the clause ends after it ("30 over three years" is a
# time, "52 over 48 percent" a comparison).
CLAUSE_END_AFTER = re.compile(CLAUSE_END)
# "6 foot 2 inches", "5ft 9in": the inches belong to the height.
INCHES_AFTER = re.compile(r"[\s,]*(?:and\s+)?(?P<inches>\d{1,2}(?:\.\d+)?)\s*(?:inches|inch|in\b|ins\b|\")")
# "4 km squared": a length unit raised to a power in words.
POWER_AFTER = re.compile(r"\s+(?P<power>squared|cubed)\b", re.IGNORECASE)
HYPHEN_NOUN = re.compile(r"-(?P<noun>[a-z][a-z]+(?:s)?)\b(?!-)")
# "dozens of people", "tens of thousands of people", "tens of thousands marched"; a feed that glues words with
# hyphens writes "tens of-thousands", "tens-of-thousands". ``tail`` starts where the vague amount ends.
VAGUE_OF = re.compile(
    r"[\s-]+of(?:[\s-]+(?P<scale>thousands|millions|billions|trillions)\b)?(?P<tail>(?:\s+of)?)(?!\w)",
    re.IGNORECASE,
)
# "two of his children", "three of Australia's biggest banks", "nine of the 12 events": a count of a part.
PARTITIVE = re.compile(
    r"\s+(?i:of)\s+(?:(?i:the|his|her|their|its|these|those|our|my|your|them)\b|[A-Z][\w&.-]*['’]s(?=\s))"
    r"(?:\s+\d[\d,]*(?!\S*\w))?"
)
RATE = re.compile(
    r"(?:\s*/\s*(?P<slash>y|yr|year|a|annum|d|day|month|mo|week|wk|hr|hour)\b"
    r"|(?:\s+(?:per|each|every)\s+|-(?:per|each|every)-)(?P<per>year|annum|month|week|day|hour)\b"
    r"|(?:\s+(?:a|an)\s+|-an?-)(?P<art>year|month|week|day|hour)\b"  # "$30,000 a year", "£50,000-a-year job"
    r"(?!\s+(?:ago|earlier|later|before|after|old|on|from|since|and a half))"
    r"|\s+(?P<adverb>annually|yearly|per\s+annum|p\.a\.|daily|monthly|weekly|hourly))",
    re.IGNORECASE,
)
# "bcm of natural gas annually", "1.8 million barrels of crude oil output per day": a rate after a short
# "of ..." phrase.
DETACHED_RATE = re.compile(
    r"(?:\s*\([^()]{1,12}\))?\s+of\s+(?:[a-z][\w-]*\s+){0,3}?(?:[a-z][\w-]*)"
    r"(?P<rate>\s+(?:annually|yearly|per\s+(?:year|annum)|a\s+year|each\s+year|every\s+year"
    r"|daily|per\s+day|a\s+day|each\s+day|monthly|per\s+month|a\s+month))\b",
    re.IGNORECASE,
)
# "annual gas output to 180 bcm", "an annual production capacity of 450,000 tons": a period adjective on the
# noun the figure measures, the figure right after its linking word.
PERIOD_BEFORE = re.compile(
    r"\b(?P<adjective>[Aa]nnual|[Yy]early|daily|monthly)\s+"  # the period, as an adjective ("Daily": a paper)
    r"(?:[a-z][\w-]*\s+)?"  # what flows, one word: "gas", "production" (not "annual report said output")
    rf"(?:{_alternation(list(FLOW_NOUNS))})"  # the flow
    r"(?:\s+(?:of|for)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)?"  # of what: "demand for animal feed"
    r"\s+(?:of|is|was|will\s+be|would\s+be|to|at|reached|reaching|hit|stood\s+at|totall?ed)\s+$"  # the link
)
# Characters before a physical figure searched for PERIOD_BEFORE: an adjective, words, a flow noun, a link.
PERIOD_BEFORE_WINDOW = 80
PERIODS = {
    "y": "year", "yr": "year", "year": "year", "a": "year", "annum": "year", "annually": "year",
    "yearly": "year", "per annum": "year", "p.a.": "year", "a year": "year", "each year": "year",
    "every year": "year", "per year": "year", "d": "day", "day": "day", "daily": "day", "a day": "day",
    "each day": "day", "month": "month", "mo": "month", "monthly": "month", "a month": "month", "week": "week",
    "wk": "week", "weekly": "week",
    "hr": "hour", "hour": "hour", "hourly": "hour", "annual": "year",
}  # fmt: skip
BOUND_AFTER = re.compile(rf"(?P<sep>\s+|-|\s*)(?P<bound>{_alternation(list(BOUNDS_AFTER))})(?![\w])", re.IGNORECASE)
MULTIPLE_AFTER = re.compile(
    r"\s+(?:more|less|higher|lower|larger|bigger|greater|smaller|faster|slower|as|the|over|that|cheaper|longer"
    r"|stronger|richer|worse|better|\w+ed|\w+er)\b",
    re.IGNORECASE,
)

# --- what precedes a numeral -------------------------------------------------------------------

CURRENCY_BEFORE = re.compile(
    r"(?:^|(?<=[\s(\[\"'“‘—–-]))(?P<cur>" + alternation([*units.CURRENCY_SYMBOLS, *units.ISO_CURRENCIES]) + r")\s?$"
)
# The look-ahead on first letters rejects most positions at once: tried at every position of the left
# window, the bare alternation cost more than the rest of a figure's reading on digit-dense text.
_BOUND_FIRST = "".join(sorted({re.escape(w[0]) for w in BOUNDS_BEFORE}))
BOUND_BEFORE = re.compile(
    rf"(?:^|(?<=[^\w]))(?=[{_BOUND_FIRST}])(?P<bound>{_alternation(list(BOUNDS_BEFORE))})(?:\s*|-)$", re.IGNORECASE
)
OPENER = re.compile(r"(?:^|(?<=\W))(?P<opener>between|from|range\s+of|ranging\s+from)\s+$", re.IGNORECASE)
# "8- to 16-meter" is "8 to 16"; a second end after "to" or "and" may carry its own sign ("-18 °C to -34 °C").
RANGE_CONNECTOR = re.compile(
    r"(?:-\s+(?P<suspended>to)\s+|(?P<conn>\s*[-–—~]\s*|\s+to\s+|\s+through\s+|\s+and\s+|\s+or\s+))"
    r"(?P<cur>US\$|\$|€|£|¥|₽)?(?:(?<=[o ])(?P<neg>[-−])(?=\d))?"
)
ADDITIVE_BEFORE = re.compile(r"\b(?P<word>additional|another|extra|further|added)\s+$", re.IGNORECASE)
_EARLIER_DAYS = ["yesterday", "last week", "last month", "last year", "the previous day"]
# "rose to $1.09 from $1.08", "to 113.29 yen from Wednesday's 113.38 yen": the earlier value after "from".
FROM_AFTER_LEVEL = re.compile(
    r"[\s,]*(?:(?P<dir>up|down)\s+)?from\s+"
    rf"(?:(?:{_alternation([*WEEKDAYS, *_EARLIER_DAYS])})['’]s\s+)?"
    rf"(?:{alternation(units.CURRENCY_SYMBOLS)})?",
    re.IGNORECASE,
)
# "went up to £1.20 from £1.05", "fell down to 5% from 6%": a direction before a level, when an earlier value follows.
UP_TO = re.compile(r"up\s+to\s*", re.IGNORECASE)
DOWN_TO_BEFORE = re.compile(r"\bdown\s+to\s+$", re.IGNORECASE)
# A sign before the digits, or after a currency symbol ("$-99.99"; the currency is read on the next pass).
NEGATIVE = re.compile(r"(?:^|(?<=[\s(\[<>=≤≥$€£¥]))[-−]$|\b(?:minus|negative)\s+$", re.IGNORECASE)
# Letters glued before digits that make them money, not a code (A320): "USD10m", "RM23.50".
GLUED_CURRENCY = re.compile(rf"(?<![A-Za-z])(?:{alternation([*units.ISO_CURRENCIES, *units.GLUED_CURRENCY_LETTERS])})$")
AGE_BEFORE = re.compile(r"\b(?:aged|ages?|at\s+the\s+age\s+of|age\s+of)\s+$", re.IGNORECASE)
# "Musa Ndlovu, 97, ..." and "Smith (36)": an age in apposition to a name.
AGE_APPOSITION_BEFORE = re.compile(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*(?:,\s+|\s+\()$")
AGE_APPOSITION_AFTER = re.compile(r"\s*(?:,|\)|;|\.\s|\s+and\b|\s+(?:was|were|is|has|had|who|said)\b)")
POSSESSIVE_DECADE = re.compile(r"\b(?:their|his|her|my|our|your|the)\s+(?:early\s+|mid-?\s*|late\s+)?$", re.IGNORECASE)
WORD_AFTER = re.compile(r"\s+(?P<word>[A-Za-z][A-Za-z'’-]*)")
WORD_BEFORE = re.compile(r"(?P<word>[A-Za-z][\w'’.-]*)\s*$")
YEAR_BEFORE = re.compile(r"(?P<year>1[89]\d\d|20\d\d)[-–/]$")

# --- whole phrases -----------------------------------------------------------------------------

_MONTH = _alternation([m.capitalize() for m in MONTHS] + [m.upper() for m in MONTHS if len(m) > 3])
# "25-29 October", "Oct. 25-29": a run of days is part of the date, not a range of numbers.
_DAY = r"(?:[0-3]?\d[-–])?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d|21\d\d)"
DATES = re.compile(
    rf"\b(?:{_DAY}\s+(?:of\s+)?(?P<month>{_MONTH})\.?(?:,?\s+{_YEAR})?"
    rf"|(?P<month2>{_MONTH})\.?\s+(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?(?:[-–][0-3]?\d(?!\d))?(?:,?\s+(?P<year2>1[89]\d\d|20\d\d))?"
    rf"|(?P<month3>{_MONTH})\.?,?\s+(?P<year3>1[89]\d\d|20\d\d)"
    r"|(?P<iso>(?P<iy>1[89]\d\d|20\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d))"
    r"|(?P<numeric>(?P<n1>[0-3]?\d)/(?P<n2>[0-3]?\d)/(?P<n3>(?:19|20)?\d\d)))\b(?![.,]?\d)(?!\s*%)"
)
# Wickets in a cricket score, and words after one that make "N for M" something else.
_WICKETS = ["no wicket", *"one two three four five six seven eight nine ten".split()]
_NOT_RUNS = """per percent cents cent pence dollars dollar euros euro pounds yen yuan votes vote against
    years months weeks days""".split()
# Words before "half" or "quarter" that make it a period, not a fraction.
_PERIOD_ORDINALS = """first second third fourth 1st 2nd 3rd 4th final last past latest previous next current same
    opening closing""".split()
# Spans that hold digits but no figure: clock times, phone numbers, codes, addresses of web pages.
BLOCKED = re.compile(
    r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:a\.?m\.?|p\.?m\.?))?"
    r"|\b\d{1,2}(?:[.:]\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)"
    r"|\b\d{1,2}\.\d{2}\s*(?:GMT|UTC|BST|CET|EST|EDT|PST|MSK|hrs|local time)\b"
    r"|\b\d{1,2}\s+o'clock\b"
    # A colon before a single digit is no clock time but a score or a ratio ("6:4", "(6:8)", "3:1").
    r"|(?<![\w.:])\d{1,3}:\d(?![\d:])"
    r"|\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}"
    r"|\(\d{3}\)\s?\d{3}-\d{4}|\b\d{3}-\d{3}-\d{4}\b"
    # Three or more numbers chained by hyphens ("4-3-3", "1-2-3-4", a serial) are a code, never a
    # range; an ISO date is left to DATES. Starting only where the chain starts keeps the scan linear.
    r"|(?<![\w.,/–-])(?!(?:1[89]|2[01])\d\d-[01]\d-[0-3]\d(?![\d–-]))\d++(?:[-–]\d++){2,}+"
    r"|https?://\S+|\bwww\.\S+"
    # An e-mail or a bare web address starts only where its run of name characters starts: tried
    # from every word boundary inside the run (as \b allowed), each try rescanned the rest of the
    # run, quadratic on "1-2-3-..." or "a.b.c...". The leading [.+-]* is not blocked (see
    # blocked_spans), so the blocked span still begins at the run's first word character.
    r"|(?<![\w.+-])[.+-]*(?P<email>\w[\w.+-]*+@[\w-]++\.[\w.]+)"
    r"|(?<![\w-])-*(?P<site>\w[\w-]*+\.(?:com|org|net|gov|edu|ru|cn|uk|de|io)(?:/\S*)?)",
    re.IGNORECASE,
)
# Blocked spans that start with a word, each run only on a text whose lower case holds its hint: a
# word alternation tried at every position of every text cost a sixth of all extraction time.
# (hint, pattern); the hint is a necessary part of every match, so skipping a text changes nothing.
BLOCKED_AFTER_WORDS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (re.compile(hint), re.compile(pattern, re.IGNORECASE))
    for hint, pattern in (
        # A sports score after a result word ("won 3-1").
        (
            r"\d[-–]\d",
            r"\b(?:won|lost|beat|drew|draw|defeat|victory|win|loss|score|scored|led|trail)\s+\d{1,2}[-–]\d{1,2}\b",
        ),
        # A cricket score, wickets for runs ("slumped to 9 for 233", "three for 89", "no wicket for 126"),
        # unless money or a unit follows ("3 for 99 cents").
        (
            r"for\s+\d",
            rf"\b(?:[0-9]|10|{_alternation(_WICKETS)})\s+for\s+\d{{1,3}}(?!\d|[.,]\d)"
            rf"(?!\s*(?:%|[$€£]|{_alternation(_NOT_RUNS)})\b)",
        ),
        # A phone number written in groups of two to four digits ("1800 666 111", "974 501 111 49"): three
        # groups or more that do not read as thousands grouped by spaces ("1 414 021 100"), not even after a
        # year from 1900 on ("in 2019 200 000 people"; "1800 666 111" is a free-call number).
        (
            r"\d \d{2,4} \d{2}",
            r"(?<![\w.,+])(?<!\d )(?!(?:(?:19|20)\d\d )?\d{1,3}(?: \d{3})+(?![\w.,]?\d| \d))"
            r"\d{2,4}(?: \d{2,4}){2,}(?![\w]|[.,]?\d)",
        ),
        # A rank: "ranked 72nd", "seeded No. 3", "ranked number 10".
        (
            r"\b(?:rank|seeded|rated)",
            r"\b(?:ranked|seeded|rated|ranking|ranks)\s+(?:(?:No\.?|number)\s*\d{1,4}\b|\d{1,4}(?:st|nd|rd|th)\b)",
        ),
        # A number named by "No.": a rank or an address ("world No. 3", "No. 10 Downing Street"), never an amount.
        (r"nos?\.\s?\d", r"(?-i:\bNos?\.)\s?\d{1,4}\b"),
        # "the first quarter", "second-half profit", "the December quarter": a period of the year or a game.
        (
            r"half|halves|quarter",
            rf"\b(?:{_alternation([*_PERIOD_ORDINALS, *MONTH_NAMES])})[\s-]+(?:half|halves|quarter|quarters)\b",
        ),
    )
)


def blocked_spans(text: str) -> list[tuple[int, int]]:
    """Return the sorted, non-overlapping ``(start, end)`` of every clock time, phone number, score, code, web or
    e-mail address."""
    spans = [m.span(m.lastgroup) if m.lastgroup else m.span() for m in BLOCKED.finditer(text)]
    lower = text.lower()
    for hint, pattern in BLOCKED_AFTER_WORDS:
        if hint.search(lower):
            spans += [m.span() for m in pattern.finditer(text)]
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:  # two rows may block one span ("seeded No. 3" is a rank and a "No." name)
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


# A series of set or game scores ("6-7, 7-5, 6-4", "6-7 (6-8), 7-5"); a score only if some pair does not run
# upwards, as a list of ranges ("aged 6-7, 8-9") always does.
_PAIR = r"\d{1,2}[-–]\d{1,2}(?:\s*\(\d{1,2}[-–]\d{1,2}\))?"
SCORE_SERIES = re.compile(rf"(?<![\w.,/–-]){_PAIR}(?:,\s*{_PAIR})+(?![\w%-])")
SCORE_PAIR = re.compile(r"(?P<a>\d{1,2})[-–](?P<b>\d{1,2})")
# "6-4", "52-47", "4-4": a score or a vote, never a range (a range runs upwards).
SCORE = re.compile(r"(?<![\w.,/-])(?P<a>\d{1,3})[-–](?P<b>\d{1,3})(?![\w%/-]|[.,]\d|\s*(?:%|per\s*cent|percent)(?!\w))")
# "twenty-first", "eleventh", "two hundredth": a spelled ordinal from the eleventh on (lexicon.ORDINAL_WORDS),
# found by its last word; the number words before it are read with SPELLED_BEFORE. Not before "of" ("a
# hundredth of a second" is a fraction, "the eleventh of May" a date).
_TENS_WORD = "|".join(TENS)
SPELLED_ORDINAL = re.compile(
    rf"\b(?:(?P<tens>{_TENS_WORD})[-\s]+(?P<unit>{'|'.join(ORDINAL_UNITS)})|(?P<word>{'|'.join(ORDINAL_WORDS)}))\b"
    r"(?!\s+of\b)",
    re.IGNORECASE,
)
# "one twenty-fifth", "three hundredths": an ordinal that is the denominator of a fraction, read as a numeral.
ORDINAL_FRACTION_AT = re.compile(ORDINAL_FRACTION, re.IGNORECASE)
SPELLED_BEFORE = re.compile(rf"\b(?:(?:a|an)\s+)?(?:{SPELLED})[-\s]+$", re.IGNORECASE)
# "for a year", "a day later", "half an hour": one unit of time (or half of one) written with an article.
ARTICLE_DURATION = re.compile(
    r"(?:\b(?P<pre>for|within|over|after|in|about|around|nearly|almost|than|past|just|only|roughly)\s+"
    r"(?P<half>half\s+)?|\b(?P<half_alone>half\s+))"
    rf"(?P<art>a|an)\s+(?P<unit>{'|'.join(ARTICLE_DURATION_UNITS)})\b(?![\s-]*old)"
    rf"|\b(?P<art2>a|an)\s+(?P<unit2>{'|'.join(u for u in ARTICLE_DURATION_UNITS if u != 'fortnight')})\s+"
    r"(?=(?:ago|later|earlier|before|after|on)\b)",
    re.IGNORECASE,
)
# "absolute zero": an amount named by a phrase (lexicon.NAMED_AMOUNTS); not as a figure of speech, after a
# copula ("the chance is absolute zero") or before a noun it qualifies ("absolute zero tolerance").
NAMED_AMOUNT = re.compile(
    r"(?<!\bis\s)(?<!\bwas\s)(?<!\bare\s)(?<!\bwere\s)(?<!\bbe\s)"
    rf"\b(?:{_alternation(list(NAMED_AMOUNTS))})\b(?![\s-]+tolerance)",
    re.IGNORECASE,
)
# "doubled", "quintupling", "halved", and "double the ...", "twice his salary", "twice as many" as a comparison
# ("twice a year" is a frequency, not a multiple).
MULTIPLY = re.compile(
    r"\b(?P<verb>(?P<stem>doubl|tripl|quadrupl|quintupl)(?:ed|es|ing)|(?P<halv>halv)(?:ed|es|ing))\b"
    r"|\b(?P<adj>double|triple|twice)(?=\s+(?:the|its|his|her|their|that|what|our|as|my|your)\b)",
    re.IGNORECASE,
)

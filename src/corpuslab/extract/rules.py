"""The rule table: what a read numeral is, decided by the first row whose condition holds.

The order of the decision lives here and nowhere else. First what the readers already placed keeps
its kind (an ordinal suffix, a decade, "aged 45"), and a vague amount of a noun is a count; a spelled number
capitalised inside a title is a name ("Five-Year Plan"); a unit or currency makes a measure; a bare
year is a year; then numbers inside names and models are no figures; then come ages in apposition,
shares ("half of"), counts of a noun, and last a plain number.

Each row gives a rule (``vocab.RULES``; None keeps the rule the readers gave: ``quantity``, or a
``range``, ``change``, ``vague`` amount, ``age`` or ``decade`` they read), a kind (None: no figure),
a condition over the frozen evidence and the examples it exists for, which one test runs. A
condition returns what it found (None or False when the row does not apply); ``then`` turns that
finding into the evidence's other fields (a counted noun, a rate's unit, where the figure ends).
Figures written as whole phrases (dates, "doubled", "for a year") are the :data:`PHRASES` rows.

Adding a rule is adding a row, with its example; adding a currency, unit or name cue is one line in
``units.py`` or ``lexicon.py``. :func:`corpuslab.extract.explain_numerals` says which row decided
each numeral of a text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from corpuslab.extract import kinds as K
from corpuslab.extract import scan
from corpuslab.extract.evidence import Evidence
from corpuslab.extract.figure import Figure
from corpuslab.extract.lexicon import ARTICLE_DURATION_UNITS, MONTHS, MULTIPLY_VERBS, NAMED_AMOUNTS, ORDINAL_UNITS
from corpuslab.extract.nouns import words_after
from corpuslab.vocab import TEMPORAL_KINDS

__all__ = ["FROM_UNIT", "PHRASES", "ROWS", "RULE_EXAMPLES", "Example", "Phrase", "Row", "decide", "find_phrases"]

# The kind of a row that takes its kind from the written unit.
FROM_UNIT = "from_unit"
_PLAIN_RULE = "quantity"  # the readers' rule when they read no range, change, vague amount, age or decade


@dataclass(frozen=True)
class Example:
    """A text a row exists for, and the figure it gives at ``surface`` (``kind`` None: no figure there)."""

    text: str
    surface: str
    rule: str | None
    kind: str | None


@dataclass(frozen=True)
class Row:
    """One rule: its name, the rule and kind it gives, its condition, its examples and what else it sets."""

    name: str
    rule: str | None
    kind: str | None
    when: Callable[[Evidence], Any]
    examples: tuple[Example, ...]
    then: Callable[[Evidence, Any], dict[str, Any]] | None = None
    # A count keeps the rule of a range or vague amount the readers found ("between 50 and 70 people").
    yields_to_structure: bool = False


@dataclass(frozen=True)
class Phrase:
    """A rule for figures written as a whole phrase: its finder runs on texts that hold one of its hints."""

    name: str
    rule: str
    kind: str
    hints: tuple[str, ...]
    find: Callable[[str, list[tuple[int, int]]], list[Figure]]
    examples: tuple[Example, ...]


def _ex(text: str, surface: str, rule: str | None, kind: str | None) -> tuple[Example, ...]:
    return (Example(text, surface, rule, kind),)


ROWS: tuple[Row, ...] = (
    # What the readers already placed.
    Row("ordinal", None, "ordinal", lambda r: r.kind == "ordinal",
        _ex("It is the 3rd largest port.", "3rd", "ordinal", "ordinal"),
        then=lambda r, _: {"noun": words_after(r.text, r.end)}),
    Row("read_year", None, "year", lambda r: r.kind == "year",
        _ex("Prices peaked in the 1990s.", "1990s", "decade", "year")),
    # "thousands of people": a vague amount the readers found a plural noun after (not "aged dozens").
    Row("vague_count", None, "count", lambda r: r.group == "vague" and r.noun is not None and r.kind is None,
        _ex("Thousands of people marched.", "Thousands", "vague", "count")),
    Row("age_decade", "age", "age", lambda r: r.rule == "decade" and K.is_possessive_decade(r),
        _ex("She is in her 40s.", "40s", "age", "age"),
        then=lambda r, _: {"low": r.value, "high": r.value + 9}),
    Row("bare_decade", None, None, lambda r: r.rule == "decade",
        _ex("Music of the 60s.", "60s", None, None)),
    Row("read_age", None, "age", lambda r: r.kind == "age" and r.unit_word is None,
        _ex("A man aged 45 was arrested.", "45", "age", "age")),
    Row("title_case_name", None, None, lambda r: r.group == "spelled" and K.is_title_case_name(r),
        _ex("China's 13th Five-Year Plan ends.", "Five-Year", None, None)),
    # A unit or a currency settles a measure.
    Row("unit", None, FROM_UNIT, lambda r: r.unit_word is not None,
        (Example("Russia sends 50 bcm a year to China.", "50 bcm a year", "quantity", "volume_rate"),
         Example("Exports rose from 38 to 44 bcm.", "from 38 to 44 bcm", "change", "volume"),
         Example("A 45-year-old man was arrested.", "45-year-old", "age", "age")),
        then=lambda r, _: {"kind": K.unit_kind(r)}),
    Row("currency", None, "currency", lambda r: r.currency is not None,
        (Example("The loan was $1.2bn.", "$1.2bn", "quantity", "currency"),
         Example("It costs 33-35 billion euros.", "33-35 billion euros", "range", "currency"))),
    # "047-77200", "007": digits after a leading zero are a code or a phone number, never an amount
    # (after the unit rows: "between 05 and 10 degrees" has its unit).
    Row("leading_zero_code", None, None, K.is_leading_zero_code,
        _ex("Call the station on 047-77200.", "047-77200", None, None)),
    # Years, names and models before counts.
    Row("year", "year", "year", lambda r: r.is_year_like and not K.follows_name_cue(r),
        _ex("The plant opened in 2019.", "2019", "year", "year")),
    Row("name_number", None, None, K.is_name_number,
        _ex("Power of Siberia 2 opened.", "2", None, None)),
    Row("short_year", "year", "year", K.short_year,
        _ex("The 2016-20 plan was cut.", "20", "year", "year"),
        then=lambda r, year: {"value": year}),
    Row("model_name", None, None, K.is_model_name,
        _ex("She flew on a 787 Dreamliner.", "787", None, None)),
    Row("age_in_apposition", "age", "age", K.is_age_in_apposition,
        _ex("Musa Ndlovu, 97, and his son.", "97", "age", "age")),
    Row("lone_one", None, None, K.is_lone_one,
        _ex("It is one of the largest.", "one", None, None)),
    # Counts, shares and plain numbers.
    Row("share", None, "percent", lambda r: (r.group == "fraction" or K.is_digit_fraction(r)) and r.value < 1,
        (Example("Half of the budget went to defence.", "Half", "quantity", "percent"),
         Example("About 1/40 of the light passes.", "About 1/40", "quantity", "percent")),
        then=lambda r, _: {"group": "fraction"}),  # "1/40" in digits is a share in percent as "a third" is
    Row("hyphen_count", "count", "count", K.hyphen_noun,
        _ex("It has a 395-seat parliament.", "395-seat", "count", "count"),
        then=lambda r, m: {"noun": m.group("noun"), "end": m.end()}),
    Row("rate", "rate", "rate", K.count_per,
        _ex("The region has 3 doctors per capita.", "3 doctors per capita", "rate", "rate"),
        then=lambda r, rate: rate),
    Row("count", "count", "count", K.whole_count,
        (Example("Over 20 documents were signed.", "Over 20", "count", "count"),
         Example("It hired 50 staff or more.", "50 staff or more", "count", "count")),
        then=lambda r, noun: {"noun": noun, **K.bound_after_noun(r, noun)}, yields_to_structure=True),
    Row("number", None, "number", lambda r: True,
        (Example("The index stood at 42.", "42", "quantity", "number"),
         Example("The index fell to minus one.", "minus one", "quantity", "number"),
         Example("Scores ran between one and three.", "between one and three", "range", "number"))),
)  # fmt: skip


def decide(evidence: Evidence) -> tuple[Row, Evidence]:
    """Return the first row whose condition holds, and the evidence with the kind and rule it gives."""
    for row in ROWS:
        found = row.when(evidence)
        if found is None or found is False:
            continue
        changes = row.then(evidence, found) if row.then else {}
        kind = changes.pop("kind", row.kind)
        rule = evidence.rule
        if row.rule is not None and (rule == _PLAIN_RULE or not row.yields_to_structure):
            rule = row.rule
        if kind in TEMPORAL_KINDS:
            changes.update(trend=None, is_change=False)  # "from 2014 to 2015": a time, not a level that moved
        return row, evidence.evolve(kind=kind, rule=rule, **changes)
    raise AssertionError("the last row holds for every reading")


# Every spelled ordinal from the eleventh holds one of these ("twenty-first" holds "ty-first"): the finder's
# regex, tried at every position, cost a twentieth of all extraction when run on every text.
_ORDINAL_HINTS = (
    "eleventh", "twelfth", "teenth", "tieth", "hundredth", "thousandth", "illionth",
    *(f"ty{sep}{unit}" for sep in "- " for unit in ORDINAL_UNITS),
)  # fmt: skip
# Figures written as whole phrases, found before any numeral is read. A phrase pattern runs only on a
# text holding one of its hints (most short texts hold no date, multiple or "a year").
PHRASES: tuple[Phrase, ...] = (
    Phrase("date", "date", "date", (*sorted({m[:3] for m in MONTHS}), "-", "/"), scan.find_dates,
           _ex("The deal was signed on 4 February 2022.", "4 February 2022", "date", "date")),
    Phrase("multiply", "multiply", "multiple", (*MULTIPLY_VERBS, "twice"), scan.find_multiplies,
           (Example("Exports have doubled.", "doubled", "multiply", "multiple"),
            Example("She earns twice his salary.", "twice", "multiply", "multiple"))),
    Phrase("spelled_ordinal", "ordinal", "ordinal", _ORDINAL_HINTS, scan.find_spelled_ordinals,
           _ex("It marks the two hundredth anniversary.", "two hundredth", "ordinal", "ordinal")),
    Phrase("article_duration", "article_duration", "duration", ARTICLE_DURATION_UNITS,
           scan.find_article_durations, _ex("The talks lasted for a year.", "a year", "article_duration", "duration")),
    # The hint is a phrase's first word: "absolute-zero" writes it with a hyphen.
    Phrase("named_amount", "named_amount", "temperature", tuple(n.split()[0] for n in NAMED_AMOUNTS),
           scan.find_named_amounts,
           _ex("Matter at absolute zero barely moves.", "absolute zero", "named_amount", "temperature")),
)  # fmt: skip


def find_phrases(text: str, blocked: list[tuple[int, int]]) -> list[Figure]:
    """Return the figures of every :data:`PHRASES` row, outside the ``blocked`` spans where they care."""
    lower = text.lower()
    return [f for p in PHRASES if any(hint in lower for hint in p.hints) for f in p.find(text, blocked)]


def _first_examples() -> dict[str, tuple[str | None, str, str]]:
    out: dict[str, tuple[str | None, str, str]] = {}
    for row in (*ROWS, *PHRASES):
        for ex in row.examples:
            if ex.rule is not None:
                out.setdefault(ex.rule, (ex.kind, ex.text, ex.surface))
    return out


# Each rule (vocab.RULES) with the kind it gives and its first example: (kind, text, surface).
RULE_EXAMPLES = _first_examples()

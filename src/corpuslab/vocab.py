"""Closed vocabularies shared by code, schemas, suites, docs and charts.

Each vocabulary is a tuple of readable words; the order is the order used in
tables and legends.
"""

from __future__ import annotations

from typing import Literal, get_args

Kind = Literal[
    "currency",
    "volume",
    "volume_rate",
    "mass",
    "mass_rate",
    "energy",
    "energy_rate",
    "power",
    "length",
    "area",
    "speed",
    "temperature",
    "data",
    "data_rate",
    "torque",
    "frequency",
    "charge",
    "fuel_economy",
    "concentration",
    "rate",
    "count",
    "percent",
    "percentage_points",
    "multiple",
    "duration",
    "age",
    "ordinal",
    "date",
    "year",
    "number",
]
KINDS: tuple[str, ...] = get_args(Kind)
# Kinds that locate a figure in time or order rather than measure something;
# comparisons may skip them.
TEMPORAL_KINDS: tuple[str, ...] = ("ordinal", "date", "year")
# Kinds whose unit already says what is measured: a pipeline's bcm/y is its flow, whatever noun the
# sentence uses. Other kinds need the noun too: a country's "ban" and its "program" last different
# times, and a dam's height is not its spillway's length.
PHYSICAL_KINDS: frozenset[str] = frozenset(
    ["volume", "volume_rate", "mass", "mass_rate", "energy", "energy_rate", "power"]
)

# The rule that decided a figure (the figures table's `rule`); each has an example in extract.rules.RULE_EXAMPLES.
Rule = Literal[
    "quantity",
    "count",
    "rate",
    "range",
    "change",
    "vague",
    "age",
    "decade",
    "year",
    "ordinal",
    "date",
    "multiply",
    "article_duration",
    "named_amount",
]
RULES: tuple[str, ...] = get_args(Rule)

Bound = Literal["exact", "approximate", "over", "at_least", "under", "at_most"]
BOUNDS: tuple[str, ...] = get_args(Bound)

Trend = Literal["up", "down"]
TRENDS: tuple[str, ...] = get_args(Trend)

Verdict = Literal["consistent", "conflicting", "single_source", "not_comparable"]
VERDICTS: tuple[str, ...] = get_args(Verdict)

# Why a claim has its verdict; the readable reason is generated from the code (compare/verdicts.py).
ReasonCode = Literal[
    "single_source",  # one outlet states it
    "intervals_overlap",  # every statement allows a common value
    "bound_too_loose",  # they overlap only through an open bound ("at least 3" and "about 200")
    "scope_differs",  # the values differ, but they hold at different times (a toll "so far" and "last week")
    "scope_unknown",  # the values differ; one clause gives a time and another none, so they may not meet
    "intervals_apart",  # the same fact, the same scope, no common value: a conflict
]
REASON_CODES: tuple[str, ...] = get_args(ReasonCode)

Severity = Literal["error", "warning", "skipped"]
SEVERITIES: tuple[str, ...] = get_args(Severity)

Problem = Literal[
    "empty_file",
    "empty_text",
    "undecodable",
    "binary_file",
    "unreadable",
    "malformed_json",
    "malformed_csv",
    "missing_field",
    "field_guessed",
    "field_defaulted",
    "unused_field",
    "bad_date",
    "duplicate_id",
    "unsupported_format",
    "manifest_unmatched",
    "html_no_text",
    "lone_surrogate",
    "bad_file_name",
    "no_article_files",
]
PROBLEMS: tuple[str, ...] = get_args(Problem)

Boilerplate = Literal["caption", "related", "footer", "navigation"]
BOILERPLATE_KINDS: tuple[str, ...] = get_args(Boilerplate)

SourceFormat = Literal["txt", "md", "jsonl", "csv", "html"]
SOURCE_FORMATS: tuple[str, ...] = get_args(SourceFormat)

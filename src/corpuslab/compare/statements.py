"""Figures -> statements: one row per value a figure states, with the evidence a reader compares.

A figure states one value; a change ("rose from 38 to 44") states two, the new value in the
figure's own time frame and the old one in the frame before it. Figures in boilerplate or repeated
paragraphs, and dates, years and ordinals, state nothing comparable and get no statement (the
memberships table still lists them, with their role).

Each statement carries what the next steps weigh:

- its *measure* (kind and canonical unit; an amount of change is its own measure) and interval;
- its *context*: the content words around the figure, nearer words counted more often, the
  subject and counted noun again, names as single tokens ("power_of_siberia_1"), the figure's own
  words and every number left out;
- its *scope*: the time frame or year its clause gives and, when the text says, the place;
- its *anchor*: the most specific name near it ("Power of Siberia 2"), which keeps numbered
  siblings apart.

Work is per document, so it maps over batches of a distributed corpus.
"""

from __future__ import annotations

import math
import re
from typing import Any

import pandas as pd

from corpuslab.compare import scope as S
from corpuslab.compare.intervals import Tolerances, intervals
from corpuslab.compare.subjects import Aliases, canonical_anchor, is_anaphoric, is_specific, names_in, normalise_name
from corpuslab.extract.lexicon import MONTHS, STOP_WORDS
from corpuslab.extract.subject import singular
from corpuslab.segment import document_paragraphs, document_sentences

STATEMENT_COLUMNS = [
    "figure_id", "doc_id", "doc_rank", "start", "role", "kind", "measure", "unit", "value", "precision", "bound",
    "range_low", "range_high", "surface", "currency", "source", "anchor", "terms", "subject", "time", "place",
    "value_as_written", "unit_as_written", "day",
]  # fmt: skip
IGNORED_COLUMNS = ["figure_id", "doc_id", "role", "surface", "value", "unit"]
# How far around a figure its context reaches: a run-on "sentence" must not cost quadratic time.
_WINDOW = 300
# Words this close to the figure say most about it ("12 killed" vs "30 injured"), then its clause; the rest of
# the sentence is about other things (weights tuned on the claims gold's dev split). A word counts once per level.
_NEAR_WORDS = 5
_WEIGHTS = {"sentence": 0, "clause": 1, "near": 2}
_MAX_ANCHOR_DISTANCE = 250
# Hyphens split words: "state-owned" shares "state" with "owned by the state", and feeds that glue words
# with hyphens ("refugees-with") still match.
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]+")
_POSSESSIVE = re.compile(r"['’]s?$")
_NOT_CONTEXT = (
    STOP_WORDS
    | frozenset(MONTHS)
    | frozenset(
        """said says say told percent per cent billion million trillion thousand hundred about around nearly almost
    some least more than over under also just only""".split()
    )
)


def document_statements(
    figures: list[dict[str, Any]],
    text: str,
    aliases: Aliases,
    *,
    source: str,
    doc_rank: int = 0,
    day: float = math.nan,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Return the statements of one document's figure records, and the memberships of those that state none.

    ``day`` is the document's publication day (days since the epoch; NaN when unknown).
    """
    spans = [(s, e) for s, e, _ in document_sentences(text, document_paragraphs("", text))] or [(0, len(text))]
    years = _years_by_sentence(figures)
    statements: list[dict[str, Any]] = []
    ignored: list[dict[str, Any]] = []
    names_cache: dict[int, list[tuple[int, int, str]]] = {}
    for row in figures:
        role = _ignored_role(row)
        if role:
            ignored.append({k: row[k] for k in IGNORED_COLUMNS if k in row} | {"role": role})
            continue
        index = min(int(row["sentence_index"]), len(spans) - 1)
        s_start = max(spans[index][0], row["start"] - _WINDOW)
        s_end = min(spans[index][1], row["end"] + _WINDOW)
        sentence = text[s_start:s_end]
        at = (row["start"] - s_start, row["end"] - s_start)
        left, right = S.clause_bounds(sentence, *at)
        clause = sentence[left:right]
        frame = S.time_frame(clause, (at[0] - left, at[1] - left))
        anchor = _anchor(row, index, spans, text, aliases, names_cache)
        base = {
            "figure_id": row["figure_id"], "doc_id": row["doc_id"], "doc_rank": doc_rank, "start": row["start"],
            "kind": row["kind"], "unit": "count" if row["kind"] == "number" else row["unit"],
            "precision": row["precision"], "surface": row["surface"],
            "currency": row["currency"], "source": source, "anchor": anchor,
            "value_as_written": row.get("value_as_written"), "unit_as_written": row.get("unit_as_written"),
            "day": day,
            "terms": " ".join(context_terms(sentence, at, (left, right), row, aliases)),
            "subject": _subject(row, anchor, aliases), "place": _place(row, sentence, clause),
        }  # fmt: skip
        statements.append(
            {
                **base,
                "role": "value",
                "measure": _measure(row["kind"], is_change=row["is_change"]),
                "value": row["value"],
                "bound": row["bound"],
                "range_low": row["range_low"],
                "range_high": row["range_high"],
                "time": _time(clause, years.get(index), frame),
            }
        )
        if not math.isnan(row["from_value"]):
            statements.append(
                {
                    **base,
                    "role": "earlier_value",
                    "measure": _measure(row["kind"]),
                    "value": row["from_value"],
                    "bound": "exact",
                    "range_low": math.nan,
                    "range_high": math.nan,
                    "time": S.earlier_frame(frame),
                }
            )
    return statements, ignored


def _measure(kind: str, *, is_change: bool = False) -> str:
    """What is measured: a plain number is compared as a count ("84 witnesses" and "84, a witness said"
    are one fact), and an amount of change is its own measure."""
    base = "count" if kind == "number" else kind
    return f"{base}_change" if is_change else base


def statements_frame(rows: list[dict[str, Any]], *, tolerances: Tolerances | None = None) -> pd.DataFrame:
    """The statements table: columns in order, each statement's interval added."""
    frame = pd.DataFrame(rows, columns=STATEMENT_COLUMNS)
    return pd.concat([frame, intervals(frame, tolerances=tolerances)], axis=1)


def context_terms(
    sentence: str, at: tuple[int, int], clause: tuple[int, int], row: dict[str, Any], aliases: Aliases
) -> list[str]:
    """The words a reader compares two figures by, repeated by closeness to the figure."""
    before = [(m.start(), m.group()) for m in _WORD.finditer(sentence, 0, at[0])]
    after = [(m.start(), m.group()) for m in _WORD.finditer(sentence, at[1])]
    terms: list[str] = []
    for words, near in ((before, before[-_NEAR_WORDS:]), (after, after[:_NEAR_WORDS])):
        near_set = {p for p, _ in near}
        for position, word in words:
            term = _term(word, aliases)
            if term is None:
                continue
            weight = (
                _WEIGHTS["sentence"]
                + _WEIGHTS["clause"] * (clause[0] <= position < clause[1])
                + _WEIGHTS["near"] * (position in near_set)
            )
            terms.extend([term] * weight)
    for phrase in (row.get("subject"), row.get("noun")):
        if isinstance(phrase, str):
            terms.extend(t for t in (_term(w, aliases) for w in _WORD.findall(phrase)) if t)
    terms.extend(
        "name:" + normalise_name(canonical_anchor(name, aliases)).replace(" ", "_")
        for s, _, name in names_in(sentence)
        if is_specific(name) and not (at[0] <= s < at[1])
    )
    return terms


def _term(word: str, aliases: Aliases) -> str | None:
    lower = _POSSESSIVE.sub("", word.lower()).strip("'’")
    if len(lower) < 3 or lower in _NOT_CONTEXT:
        return None
    base = singular(lower)
    return aliases.nouns.get(base, base)


def _ignored_role(row: dict[str, Any]) -> str | None:
    if row["is_boilerplate"]:
        return "boilerplate"
    if row["is_repeat"]:
        return "repeat"
    if row["kind"] in ("date", "year"):
        return "temporal"  # an ordinal ("the 14th", "80th anniversary") is compared like a count
    return None


def _years_by_sentence(figures: list[dict[str, Any]]) -> dict[int, int]:
    """The year a sentence names ("increase by 28% in 2025"), when it names exactly one."""
    found: dict[int, set[int]] = {}
    for row in figures:
        if row["kind"] == "year":
            found.setdefault(int(row["sentence_index"]), set()).add(int(row["value"]))
    return {index: years.pop() for index, years in found.items() if len(years) == 1}


def _time(clause: str, year: int | None, frame: str | None) -> str | None:
    """A year written in the figure's clause, else its time frame."""
    return str(year) if year is not None and str(year) in clause else frame


def _place(row: dict[str, Any], sentence: str, clause: str) -> str | None:
    """Where an event happened ("a visit to Beijing"); for counts of what befell people, where it did."""
    noun = row["noun"] if isinstance(row["noun"], str) else ""
    subject = row["subject"] if isinstance(row["subject"], str) else ""
    words = {singular(w) for w in (noun + " " + subject).lower().split()}
    if words & S.EVENT_NOUNS:
        return S.event_place(sentence)
    return S.any_place(clause) if row["kind"] == "count" else None


def _subject(row: dict[str, Any], anchor: str | None, aliases: Aliases) -> str:
    """A short label: the class of the counted noun ("agreements" -> "document"), or the anchor and the subject."""
    if row["kind"] in ("count", "number") and isinstance(row["noun"], str) and row["noun"].strip():
        noun = singular(row["noun"].split()[-1])
        return aliases.nouns.get(noun, noun)
    what = row["subject"] if isinstance(row["subject"], str) and row["subject"].strip() else ""
    if anchor and what and normalise_name(what) not in normalise_name(anchor):
        return f"{anchor}: {what}"
    return anchor or what or str(row["surface"])


def _anchor(
    row: dict[str, Any],
    index: int,
    spans: list[tuple[int, int]],
    text: str,
    aliases: Aliases,
    cache: dict[int, list[tuple[int, int, str]]],
) -> str | None:
    """The most specific name near the figure; an anaphoric sentence ("This pipeline ...") borrows the one before's."""

    def names(i: int) -> list[tuple[int, int, str]]:
        if i not in cache:
            s, e = spans[i]
            found = names_in(text[s:e])
            cache[i] = [
                (a + s, b + s, n) for a, b, n in found if is_specific(n) or normalise_name(n) in aliases.entities
            ]
        return cache[i]

    close = [c for c in names(index) if abs(c[0] - row["start"]) <= _MAX_ANCHOR_DISTANCE]
    if not close and index > 0 and is_anaphoric(str(row.get("sentence") or "")) and names(index - 1):
        return canonical_anchor(max(names(index - 1), key=lambda c: c[0])[2], aliases)
    if not close:
        return None
    known = [c for c in close if normalise_name(c[2]) in aliases.entities]
    nearest = min(known or close, key=lambda c: abs(c[0] - row["start"]))
    return canonical_anchor(nearest[2], aliases)

"""Figures -> statements: one row per value a figure states, with its subject, scope and interval.

A figure states one value; a change ("rose from 38 to 44") states two, the new value in the
figure's own time frame and the old one in the frame before it. Figures in boilerplate or repeated
paragraphs, and dates, years and ordinals, state nothing comparable and get no statement (the
membership table still lists them, with their role).

Work is per document (so it maps over partitions of a distributed corpus); only the story links
and the ambiguity of names are corpus-wide, and both are small.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

import pandas as pd

from corpuslab.compare import scope as S
from corpuslab.compare.subjects import (
    Aliases,
    canonical_anchor,
    is_anaphoric,
    is_specific,
    names_in,
    normalise_name,
    noun_class,
)
from corpuslab.extract.subject import singular
from corpuslab.segment import document_paragraphs, document_sentences
from corpuslab.vocab import PHYSICAL_KINDS, TEMPORAL_KINDS

STATEMENT_COLUMNS = [
    "figure_id", "doc_id", "doc_rank", "start", "role", "kind", "measure", "unit", "value", "precision", "bound",
    "range_low", "range_high", "surface", "currency", "anchor", "anchor_key", "head", "is_event", "frame", "year",
    "place", "story", "source",
]  # fmt: skip
_MAX_ANCHOR_DISTANCE = 250
_WINDOW = 1000
# What was done to what is counted: "killed 20 people", "20 people were injured", "the signing of 22 deals".
_VERB_BEFORE = re.compile(r"\b(?P<verb>[a-z]+(?:ed|ing)|[a-z]+)\s+(?:of\s+)?$")
_VERB_AFTER = re.compile(
    r"^(?:\s+[A-Za-z’'-]+){0,4}?\s+(?:(?:were|was|have\s+been|had\s+been|are|is|has\s+been|got|being)\s+"
    r"(?:reportedly\s+|also\s+|still\s+|now\s+|already\s+)?(?P<passive>[a-z]+(?:ed|en))"
    r"|(?P<active>died|fled|dead|lost|remain|remained|live|lived|work|worked|voted|attended|joined|left|"
    r"arrived|signed|took\s+part|participated))\b"
)
_NOT_PREDICATES = frozenset("including included used based called named expected estimated located given".split())
_IRREGULAR = {
    "died": "die",
    "dead": "die",
    "dying": "die",
    "deaths": "die",
    "death": "die",
    "fled": "flee",
    "lost": "lose",
    "left": "leave",
    "took part": "participate",
    "participated": "participate",
}


@dataclass
class DocumentContext:
    """What a document tells about all its figures: sentences, their names, its main place and salient names."""

    sentences: list[tuple[int, int]]
    names: list[list[tuple[int, int, str]]]
    place: str | None
    salient: list[str]


def document_context(text: str, aliases: Aliases | None = None) -> DocumentContext:
    """Split a document once for the claims stage."""
    spans = [(s, e) for s, e, _ in document_sentences(text, document_paragraphs("", text))]
    names = [[(a + s, b + s, n) for a, b, n in names_in(text[s:e])] for s, e in spans]
    place = S.document_place(text[s:e] for s, e in spans)
    known = aliases.entities if aliases else {}
    salient = [normalise_name(known.get(name, name)) for name in S.salient(text)]  # aliases meet across stories
    return DocumentContext(spans, names, place, salient)


def document_statements(
    figures: pd.DataFrame, text: str, aliases: Aliases, *, doc_rank: int = 0
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], DocumentContext]:
    """Return the statements and membership rows of one document's figures, and its context."""
    context = document_context(text, aliases)
    statements: list[dict[str, Any]] = []
    members: list[dict[str, Any]] = []
    years = _years_by_sentence(figures)
    for row in figures.to_dict("records"):
        role = _ignored_role(row)
        if role:
            members.append({"figure_id": row["figure_id"], "doc_id": row["doc_id"], "role": role})
            continue
        index = int(row["sentence_index"])  # the extract stage numbered the sentences the same way
        s_start, s_end = context.sentences[index] if context.sentences else (0, len(text))
        # A window, not a whole run-on "sentence": text without full stops must cost linear time.
        s_start, s_end = max(s_start, row["start"] - _WINDOW), min(s_end, row["end"] + _WINDOW)
        sentence = text[s_start:s_end]
        left, right = S.clause_bounds(sentence, row["start"] - s_start, row["end"] - s_start)
        clause = sentence[left:right]
        # A count is keyed by what it counts and what happened to it; where it happened says whose it is.
        anchor = None if row["kind"] == "count" else _anchor(row, index, context, aliases)
        head = _head(row, aliases, anchor=anchor)
        place = None
        if row["kind"] == "count" and head:
            predicate = None if head in S.EVENT_NOUNS else count_predicate(text, row["start"], row["end"])
            head = f"{head} {predicate}" if predicate else head
            place = S.event_place(sentence) or context.place if head in S.EVENT_NOUNS else S.any_place(clause)
        is_event = row["kind"] == "count" or head in S.EVENT_NOUNS - {"document"}
        if is_event and place is None and head in S.EVENT_NOUNS:
            place = S.event_place(sentence) or context.place
        frame = S.time_frame(clause, (row["start"] - s_start - left, row["end"] - s_start - left))
        base = {
            "figure_id": row["figure_id"], "doc_id": row["doc_id"], "doc_rank": doc_rank, "start": row["start"],
            "kind": row["kind"], "unit": row["unit"],
            "precision": row["precision"], "surface": row["surface"], "currency": row["currency"],
            "anchor": anchor if not is_event else None,
            "anchor_key": normalise_name(anchor) if anchor and not is_event else None,
            "head": head, "is_event": is_event, "story": None, "place": place,
        }  # fmt: skip
        measure = f"{row['kind']}_change" if row["is_change"] else row["kind"]
        statements.append(
            {
                **base,
                "role": "value",
                "measure": measure,
                "value": row["value"],
                "bound": row["bound"],
                "range_low": row["range_low"],
                "range_high": row["range_high"],
                "frame": frame,
                "year": _year_in(clause, years.get(index)),
            }
        )
        if not math.isnan(row["from_value"]):
            statements.append(
                {
                    **base,
                    "role": "earlier_value",
                    "measure": row["kind"],
                    "value": row["from_value"],
                    "bound": "exact",
                    "range_low": math.nan,
                    "range_high": math.nan,
                    "frame": S.earlier_frame(frame),
                    "year": None,
                }
            )
    return statements, members, context


def count_predicate(text: str, start: int, end: int) -> str | None:
    """The verb that says what happened to what is counted, stemmed ("were killed" -> "kill"), or None."""
    before = _VERB_BEFORE.search(text, max(0, start - 40), start)
    word = before.group("verb") if before else ""
    if not (word.endswith(("ed", "ing")) or word in _IRREGULAR or word in ("signing", "arrest", "deaths")):
        after = _VERB_AFTER.match(text[end : end + 90])
        word = (after.group("passive") or after.group("active")) if after else ""
    word = word.lower()
    if not word or word in _NOT_PREDICATES:
        return None
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            word = word[: -len(suffix)]
            break
    return word.rstrip("e")


def _year_in(clause: str, year: int | None) -> int | None:
    return year if year is not None and str(year) in clause else None


def _ignored_role(row: dict[str, Any]) -> str | None:
    if row["is_boilerplate"]:
        return "boilerplate"
    if row["is_repeat"]:
        return "repeat"
    if row["kind"] in TEMPORAL_KINDS:
        return "temporal"
    return None


def _years_by_sentence(figures: pd.DataFrame) -> dict[int, int]:
    """The year a sentence names ("increase by 28% in 2025"), when it names exactly one."""
    found: dict[int, set[int]] = {}
    for index, value in figures.loc[figures["kind"] == "year", ["sentence_index", "value"]].itertuples(index=False):
        found.setdefault(int(index), set()).add(int(value))
    return {index: years.pop() for index, years in found.items() if len(years) == 1}


def _anchor(row: dict[str, Any], index: int, context: DocumentContext, aliases: Aliases) -> str | None:
    """The most specific name near the figure; an anaphoric sentence borrows the sentence before's."""
    if not context.sentences:
        return None
    candidates = _specific(context.names[index], aliases)
    if not candidates and index > 0 and is_anaphoric(str(row.get("sentence") or "")):
        previous = _specific(context.names[index - 1], aliases)
        if previous:
            return canonical_anchor(max(previous, key=lambda c: c[0])[2], aliases)  # the last name before
    if not candidates:
        return None
    close = [c for c in candidates if abs(c[0] - row["start"]) <= _MAX_ANCHOR_DISTANCE]
    if not close:
        return None
    known = [c for c in close if normalise_name(c[2]) in aliases.entities]
    nearest = min(known or close, key=lambda c: abs(c[0] - row["start"]))
    return canonical_anchor(nearest[2], aliases)


def _specific(names: list[tuple[int, int, str]], aliases: Aliases) -> list[tuple[int, int, str]]:
    return [
        n
        for n in names
        if is_specific(n[2]) or normalise_name(n[2]) in aliases.entities or normalise_name(n[2]) in aliases.ambiguous
    ]


def _head(row: dict[str, Any], aliases: Aliases, *, anchor: str | None) -> str | None:
    """What is measured: the class of a counted noun, else the subject's last words unless they only repeat
    the anchor's name or the unit already says what is measured."""
    if row["kind"] == "count":
        return noun_class(row["noun"] if isinstance(row["noun"], str) else None, aliases)
    subject = row["subject"] if isinstance(row["subject"], str) else ""
    words = [w for w in subject.lower().split() if w.isalpha()]
    if not words:
        return None
    phrase = " ".join([*words[-2:-1], singular(words[-1])])
    last = singular(words[-1])
    if aliases.nouns.get(phrase, aliases.nouns.get(last)) in S.EVENT_NOUNS - {"document"}:
        return aliases.nouns.get(phrase, aliases.nouns.get(last))  # "a four-day state visit" is a visit
    if last in S.EVENT_NOUNS - {"document"}:
        return last
    if anchor is not None and (row["kind"] in PHYSICAL_KINDS or set(words) <= set(anchor.lower().split())):
        return None
    return phrase


def statements_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """The statements table with its columns in order."""
    return pd.DataFrame(rows, columns=STATEMENT_COLUMNS)

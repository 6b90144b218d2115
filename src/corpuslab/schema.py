"""Table contracts: every table's grain, columns, dtypes and vocabularies, declared once.

Stages call :func:`conform` at their end so column order and dtypes come from
here; tests and the docs read the same declarations, and :func:`to_pandera`
turns one into a pandera schema for strict checks.

Examples
--------
>>> from corpuslab.schema import TABLES
>>> TABLES["documents"].key
('doc_id',)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd

from corpuslab import vocab
from corpuslab.errors import SchemaError

if TYPE_CHECKING:
    import pandera.pandas as pa


@dataclass(frozen=True)
class Column:
    """One column: its name, pandas dtype, whether it may be missing, and its meaning."""

    name: str
    dtype: str
    description: str
    nullable: bool = False
    values: tuple[str, ...] | None = None  # closed vocabulary, if any


@dataclass(frozen=True)
class Table:
    """A table's grain (what one row is), its key and its columns in order."""

    name: str
    grain: str
    key: tuple[str, ...]
    columns: tuple[Column, ...] = field(default_factory=tuple)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def dtypes(self) -> dict[str, str]:
        return {c.name: c.dtype for c in self.columns}

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(f"table {self.name!r} has no column {name!r}")


STR = "str"
INT = "int64"
NINT = "Int64"
FLOAT = "float64"
BOOL = "bool"
TIME = "datetime64[ns, UTC]"

_PROVENANCE = (
    Column("doc_id", STR, "Stable document id: relative path without suffix, or the id field of a JSONL/CSV row."),
)

DOCUMENTS = Table(
    "documents",
    "one row per document",
    ("doc_id",),
    (
        *_PROVENANCE,
        Column("path", STR, "File the document was read from, relative to the loaded root."),
        Column("line", NINT, "1-based line (JSONL) or row (CSV) in `path`; empty for one-document files.", True),
        Column("source_format", STR, "Input format.", values=vocab.SOURCE_FORMATS),
        Column("outlet", STR, "Publisher as given by the input or the manifest.", True),
        Column("title", STR, "Headline as given by the input or the manifest.", True),
        Column("published", TIME, "Publication time (UTC) as given by the input or the manifest.", True),
        Column("url", STR, "Address of the article, if known.", True),
        Column(
            "event_id",
            STR,
            "Event the input assigns the document (--event-field), if any; it wins over clustering.",
            True,
        ),
        Column("text", STR, "The article exactly as read; every offset in every table indexes into it."),
        Column("n_chars", INT, "Characters in `text`."),
        Column("n_words", INT, "Whitespace-separated words in `text`."),
        Column("body_hash", STR, "Hash of `text` with white space and case folded: equal bodies, equal hash."),
    ),
)

LOAD_REPORT = Table(
    "load_report",
    "one row per input problem (a file, a line or a row that could not be used as is)",
    ("path", "line", "problem"),
    (
        Column("path", STR, "File the problem is in."),
        Column("line", NINT, "1-based line or row, when the problem is in one.", True),
        Column("doc_id", STR, "Document concerned, when one was identified.", True),
        Column(
            "severity",
            STR,
            "error: input lost; warning: loaded with a change; skipped: not an article file.",
            values=vocab.SEVERITIES,
        ),
        Column("problem", STR, "What went wrong.", values=vocab.PROBLEMS),
        Column("message", STR, "What went wrong and what to do next."),
    ),
)

PARAGRAPHS = Table(
    "paragraphs",
    "one row per paragraph of a document",
    ("doc_id", "paragraph_index"),
    (
        *_PROVENANCE,
        Column("paragraph_index", INT, "0-based position of the paragraph in its document."),
        Column("start", INT, "Offset of the first character in the document text."),
        Column("end", INT, "Offset after the last character (half-open)."),
        Column("text", STR, "The paragraph: `documents.text[start:end]`."),
        Column("n_words", INT, "Whitespace-separated words."),
        Column("is_boilerplate", BOOL, "Not article prose: captions, related-story blocks, site footers."),
        Column("boilerplate_kind", STR, "Why it is boilerplate.", True, vocab.BOILERPLATE_KINDS),
        Column(
            "is_repeat",
            BOOL,
            "Its text already appears in the document (a duplicated body, a repeated caption, "
            "a heading restated by the next paragraph).",
        ),
        Column("repeat_of", NINT, "Index of the paragraph that holds the same text.", True),
    ),
)

SENTENCES = Table(
    "sentences",
    "one row per sentence of a document",
    ("doc_id", "sentence_index"),
    (
        *_PROVENANCE,
        Column("sentence_index", INT, "0-based position of the sentence in its document."),
        Column("paragraph_index", INT, "Paragraph the sentence is in."),
        Column("start", INT, "Offset of the first character in the document text."),
        Column("end", INT, "Offset after the last character (half-open)."),
        Column("text", STR, "The sentence: `documents.text[start:end]`."),
    ),
)

FIGURES = Table(
    "figures",
    "one row per figure (a number with its meaning) found in a document",
    ("figure_id",),
    (
        Column("figure_id", STR, "Deterministic id from doc_id and offsets."),
        *_PROVENANCE,
        Column("start", INT, "Offset of the first character of `surface` in the document text."),
        Column("end", INT, "Offset after the last character (half-open): `text[start:end] == surface`."),
        Column("surface", STR, "The figure as written, bound words and unit included."),
        Column("sentence_index", INT, "Sentence the figure is in (see the sentences table)."),
        Column("sentence", STR, "Text of that sentence (run-on text: 2,000 characters around the figure)."),
        Column("paragraph_index", INT, "Paragraph the figure is in."),
        Column("is_boilerplate", BOOL, "The paragraph is boilerplate; claims ignore the figure."),
        Column("is_repeat", BOOL, "The paragraph repeats earlier text; claims ignore the figure."),
        Column("rule", STR, "The extraction rule that found the figure.", values=vocab.RULES),
        Column("kind", STR, "What the figure measures.", values=vocab.KINDS),
        Column("value", FLOAT, "The number in the canonical `unit` (for a range, its lower end)."),
        Column("unit", STR, "Canonical unit name (see corpuslab.units.CANONICAL_UNITS)."),
        Column("unit_surface", STR, "The unit as written.", True),
        Column(
            "value_as_written",
            FLOAT,
            "The number in the unit as written, for display (`30-year`: 30; `50 bcm`: 50; `99 cents`: 99).",
            True,
        ),
        Column(
            "unit_as_written",
            STR,
            "The unit as written, normalised for display (`year`, `bcm`, `USD/barrel`, `cent`); empty for counts.",
            True,
        ),
        Column("range_low", FLOAT, "Lower end of a stated range, in `unit`.", True),
        Column("range_high", FLOAT, "Upper end of a stated range, in `unit`.", True),
        Column("bound", STR, "How the text qualifies the number.", values=vocab.BOUNDS),
        Column("from_value", FLOAT, "Earlier value of a stated change (`from 38 to 44`: 38), in `unit`.", True),
        Column("trend", STR, "Direction the text gives (rose, fell, increase).", True, vocab.TRENDS),
        Column("is_change", BOOL, "The figure states a change (`increase by 28%`), not a level."),
        Column("currency", STR, "ISO 4217 code when the figure is money.", True),
        Column("precision", FLOAT, "Half the step of the last written digit, in `unit` (`50` -> 0.5, `50.4` -> 0.05)."),
        Column("subject", STR, "What the figure is about, in a few words from its sentence.", True),
        Column("noun", STR, "The counted or measured noun, singular (`agreement`, `gas`).", True),
    ),
)


EVENTS = Table(
    "events",
    "one row per document: the event it reports",
    ("doc_id",),
    (
        *_PROVENANCE,
        Column("event_id", STR, "The event: the input's own id (--event-field), or `ev-<hash>` found by clustering."),
        Column("n_documents", INT, "Documents reporting the event."),
        Column("similarity", FLOAT, "Cosine similarity (TF-IDF) of the document to its event's centroid."),
        Column("top_terms", STR, "The event's most telling words, for reading."),
        Column("is_given", BOOL, "The event id came with the input, not from clustering."),
    ),
)

CLAIMS = Table(
    "claims",
    "one row per claim: the statements of one fact (one measure of one thing) inside one event",
    ("claim_id",),
    (
        Column("claim_id", STR, "Deterministic id from the claim's event, measure and statements."),
        Column("event_id", STR, "The event every statement of the claim belongs to."),
        Column("measure", STR, "What is measured: the figures' kind, with `_change` for amounts of change."),
        Column("kind", STR, "Kind of the figures.", values=vocab.KINDS),
        Column("unit", STR, "Canonical unit every figure of the claim is in."),
        Column("subject", STR, "What the figures are about, in a few words: a name or the measured noun."),
        Column(
            "scope", STR, "When (a year, or current / future / past) and where, as far as told; `unknown` if untold."
        ),
        Column("n_figures", INT, "Figures stating the claim."),
        Column("n_sources", INT, "Outlets (or documents without an outlet) stating it."),
        Column("n_documents", INT, "Documents stating it."),
        Column(
            "interval_low", FLOAT, "Lower end of the interval every figure allows (empty when there is none).", True
        ),
        Column("interval_high", FLOAT, "Upper end of that interval.", True),
        Column("verdict", STR, "How the sources relate.", values=vocab.VERDICTS),
        Column("reason_code", STR, "Why the verdict, as a code.", values=vocab.REASON_CODES),
        Column("reason", STR, "The reason in words, naming the sources and their values (generated from the code)."),
        Column("sources", STR, "The sources, comma-separated."),
        Column(
            "link_score",
            FLOAT,
            "Weakest similarity (0-1) of the words around two linked statements; empty for one statement.",
            True,
        ),
        Column("shared_terms", STR, "Words around the figures that the statements share: why they were grouped.", True),
    ),
)

COMPARISONS = Table(
    "comparisons",
    "one row per pair of statements from different sources inside a claim",
    ("claim_id", "figure_id_a", "role_a", "figure_id_b", "role_b"),
    (
        Column("claim_id", STR, "The claim both statements belong to."),
        Column("figure_id_a", STR, "First figure."),
        Column("figure_id_b", STR, "Second figure."),
        Column("role_a", STR, "Which value of the first figure: `value`, or `earlier_value` of a change."),
        Column("role_b", STR, "Which value of the second figure."),
        Column("doc_id_a", STR, "Document of the first figure."),
        Column("doc_id_b", STR, "Document of the second figure."),
        Column("source_a", STR, "Outlet of the first figure."),
        Column("source_b", STR, "Outlet of the second figure."),
        Column("interval_low_a", FLOAT, "First figure's interval, lower end."),
        Column("interval_high_a", FLOAT, "First figure's interval, upper end."),
        Column("interval_low_b", FLOAT, "Second figure's interval, lower end."),
        Column("interval_high_b", FLOAT, "Second figure's interval, upper end."),
        Column("relative_difference", FLOAT, "|a - b| / max(|a|, |b|) of the two values."),
        Column("link_score", FLOAT, "Similarity (0-1) of the words around the two figures."),
        Column("verdict", STR, "The pair's verdict.", values=("consistent", "conflicting", "not_comparable")),
    ),
)

MEMBERSHIPS = Table(
    "memberships",
    "one row per figure and the role it plays: the link from any figure to its claim",
    ("figure_id", "role"),
    (
        Column("figure_id", STR, "The figure."),
        Column("doc_id", STR, "Its document."),
        Column(
            "role",
            STR,
            "`value`, `earlier_value` (of a change), or why it states no claim of its own: "
            "`repeat` (linked to the claim of the figure it repeats), `boilerplate`, `temporal`.",
            values=("value", "earlier_value", "repeat", "boilerplate", "temporal"),
        ),
        Column("claim_id", STR, "The claim (empty for boilerplate, dates, years and ordinals).", True),
        Column("event_id", STR, "The event of its document.", True),
        Column("source", STR, "Outlet of the figure.", True),
        Column("interval_low", FLOAT, "The figure's interval, lower end.", True),
        Column("interval_high", FLOAT, "The figure's interval, upper end.", True),
        Column("scope_time", STR, "Year or frame (current, future, past) the figure's clause gives.", True),
        Column("scope_place", STR, "Where the figure's event happened, when the text says.", True),
        Column("anchor", STR, "The most specific name near the figure, if any.", True),
    ),
)

TABLES: dict[str, Table] = {
    t.name: t
    for t in (DOCUMENTS, LOAD_REPORT, PARAGRAPHS, SENTENCES, FIGURES, EVENTS, CLAIMS, COMPARISONS, MEMBERSHIPS)
}


def empty(table: Table | str) -> pd.DataFrame:
    """Return an empty frame with the table's columns and dtypes."""
    table = TABLES[table] if isinstance(table, str) else table
    return pd.DataFrame({c.name: pd.Series(dtype=c.dtype) for c in table.columns})


def conform(frame: pd.DataFrame, table: Table | str) -> pd.DataFrame:
    """Order and cast ``frame``'s columns to the table's contract; extra columns are kept at the end.

    Missing nullable columns are added empty; raises :class:`SchemaError` naming missing required ones.
    """
    table = TABLES[table] if isinstance(table, str) else table
    absent = [c for c in table.columns if c.name not in frame.columns]
    if not all(c.nullable for c in absent):
        raise SchemaError(
            f"{table.name} table is missing columns {[c.name for c in absent]}; pass the output of the stage "
            f"that builds it (columns expected: {table.names})."
        )
    if absent:
        frame = frame.assign(**{c.name: None for c in absent})  # optional columns may be left out
    extra = [c for c in frame.columns if c not in table.names]
    out = frame[table.names + extra]
    casts = {c.name: c.dtype for c in table.columns if str(out[c.name].dtype) != c.dtype}
    if casts:
        out = out.astype(casts)
    return out.reset_index(drop=True)


def to_pandera(table: Table | str, *, strict: bool = True) -> pa.DataFrameSchema:
    """Return a pandera schema for the table (pandera is imported only here)."""
    import pandera.pandas as pa

    table = TABLES[table] if isinstance(table, str) else table
    columns: dict[str, Any] = {}
    for c in table.columns:
        checks = [pa.Check.isin(list(c.values))] if c.values else []
        columns[c.name] = pa.Column(c.dtype, nullable=c.nullable, checks=checks, description=c.description)
    return pa.DataFrameSchema(
        columns,
        strict=strict,
        ordered=True,
        name=table.name,
        unique=list(table.key) if len(table.key) > 0 and table.name != "load_report" else None,
    )


def markdown(table: Table | str) -> str:
    """Render the table's contract as a Markdown table (used in the README)."""
    table = TABLES[table] if isinstance(table, str) else table
    rows = [
        f"`{table.name}`: {table.grain}; key {', '.join(table.key)}.",
        "",
        "| column | dtype | meaning |",
        "|---|---|---|",
    ]
    for c in table.columns:
        meaning = c.description + (f" One of: {', '.join(c.values)}." if c.values else "")
        rows.append(f"| `{c.name}` | {c.dtype}{'?' if c.nullable else ''} | {meaning} |")
    return "\n".join(rows)

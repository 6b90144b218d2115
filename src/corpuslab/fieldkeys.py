"""Which key of a JSONL object or CSV row holds each document field, and what the load report says about it.

A field left at its default name (``text``, ``doc_id``, ``published``, ...) that a row does not have
is looked for under its common names (``body``, ``id``, ``date``, ...); a name the caller chose is
never replaced by a guess. Per file, the load report then gets one warning for every key guessed,
every field no row had a key for, and the keys nothing loaded, each naming the option to pass.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import fields as dataclass_fields
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from corpuslab.readers import Fields, Report, Source

# The common names of each field, in the order they are tried; the default name comes first.
KEY_ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article"),
    "doc_id": ("doc_id", "id", "article_id"),
    "title": ("title", "headline"),
    "published": ("published", "date", "publish_date", "pubdate"),
    "outlet": ("outlet", "source", "publisher", "site"),
    "url": ("url", "link"),
    "event": ("event_id", "event", "story_id", "cluster_id"),
}
# What a document gets when no key holds the field, said in the report.
_WITHOUT = {
    "doc_id": "ids are made from the file name and line ({example})",
    "title": "documents load without a title",
    "published": "documents load without a date",
    "outlet": "documents load without an outlet (each counts as a source of its own)",
    "url": "documents load without an address",
}
# The event id is optional by design (events are found by clustering), so its absence is not reported.
_LABEL = {
    "text": "text",
    "doc_id": "id",
    "title": "title",
    "published": "date",
    "outlet": "outlet",
    "url": "url",
    "event": "event id",
}


class FileKeys:
    """For one file: the key of each field, row by row, and the warnings to report once the file is read."""

    def __init__(self, fields: Fields, *, covered: Collection[str] = ()) -> None:
        self.fields = fields
        self.covered = set(covered)  # fields a manifest supplies: not reported missing
        defaults = {f.name: f.default for f in dataclass_fields(fields)}
        self.configured = {attr: getattr(fields, attr) for attr in KEY_ALIASES}
        self.guessable = {attr for attr, key in self.configured.items() if key == defaults.get(attr)}
        self.n_rows = 0
        self.guessed: dict[tuple[str, str], list[int]] = {}  # (field, key) -> [first line, rows]
        self.missing: dict[str, int] = {}  # field -> rows with no key for it
        self.unused: dict[str, int] = {}  # key -> first line

    def keys_of(self, row: Mapping[str, Any], line: int) -> dict[str, str | None]:
        """Field -> the key of ``row`` that holds it (None when the row has none); remember what to report."""
        self.n_rows += 1
        found: dict[str, str | None] = {}
        folded: dict[str, str] | None = None
        for attr, key in self.configured.items():
            if key in row:
                found[attr] = key
                continue
            guess = None
            if attr in self.guessable:
                folded = folded if folded is not None else {k.casefold(): k for k in row if isinstance(k, str)}
                guess = self._guess(attr, row, folded, found)
            found[attr] = guess
            if guess is None:
                self.missing[attr] = self.missing.get(attr, 0) + 1
            else:
                self.guessed.setdefault((attr, guess), [line, 0])[1] += 1
        used = set(found.values())
        for key in row:
            if key not in used and key not in self.unused:
                self.unused[key] = line
        return found

    def _guess(
        self, attr: str, row: Mapping[str, Any], folded: dict[str, str], found: dict[str, str | None]
    ) -> str | None:
        # A key another field is configured with, or already took in this row, is not free to guess.
        taken = set(self.configured.values()) | set(found.values())
        for name in KEY_ALIASES[attr]:
            key = name if name in row else folded.get(name.casefold())
            if key is not None and key not in taken:
                return key
        return None

    def text_key(self, keys: Collection[str]) -> str | None:
        """The key (or CSV column) that would hold the text, without counting a row."""
        row = dict.fromkeys(keys)
        configured = self.configured["text"]
        if configured in row or "text" not in self.guessable:
            return configured if configured in row else None
        folded = {k.casefold(): k for k in row if isinstance(k, str)}
        return self._guess("text", row, folded, {a: k for a, k in self.configured.items() if a != "text"})

    def missing_text(self, keys: Collection[str]) -> str:
        """Why a row has no text, in the caller's language, listing the keys it has."""
        shown = ", ".join(repr(k) for k in keys) or "none"
        looked = self._looked_for("text")
        return f"no text under {looked} (its keys: {shown}); name the text key with {self.fields.option('text')}"

    def report_to(self, report: Report, source: Source) -> None:
        """Add this file's warnings: keys guessed, fields no key held, keys nothing loaded."""
        path = source.name
        for (attr, key), (line, n) in self.guessed.items():
            rows = "every row" if n == self.n_rows else f"{n} of {self.n_rows} rows"
            report.add(
                path,
                "field_guessed",
                f"no {self.configured[attr]!r} key; the {_LABEL[attr]} was read from {key!r} ({rows}). "
                f"To say so, or to choose another key, pass {self.fields.option(attr, key)}.",
                line=line,
                severity="warning",
            )
        for attr, n in self.missing.items():
            if attr not in _WITHOUT or attr in self.covered:  # a row without text is an error of its own
                continue
            rows = "no row has a" if n == self.n_rows else f"{n} of {self.n_rows} rows have no"
            report.add(
                path,
                "field_defaulted",
                f"{rows} key for the {_LABEL[attr]} (looked for {self._looked_for(attr)}); "
                f"{_WITHOUT[attr].format(example=f'{source.stem_id}:1')}. "
                f"Name its key with {self.fields.option(attr)}.",
                severity="warning",
            )
        if self.unused:
            names = ", ".join(repr(k) for k in self.unused)
            first = next(iter(self.unused))
            # The example names a field some row went without (the text first), else the title.
            lacking = next((a for a in _WITHOUT if self.missing.get(a) and a not in self.covered), "title")
            report.add(
                path,
                "unused_field",
                f"keys not loaded: {names} "
                "(a document keeps only its text, id, title, date, outlet, url and event id). "
                f"If one holds one of those, name it, e.g. {self.fields.option(lacking, str(first))}.",
                line=min(self.unused.values()),
                severity="warning",
            )

    def _looked_for(self, attr: str) -> str:
        names = KEY_ALIASES[attr] if attr in self.guessable else (self.configured[attr],)
        return ", ".join(repr(n) for n in names)

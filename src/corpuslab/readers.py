"""Reading one file of any supported format into document records, reporting what cannot be used.

Each reader yields plain dict records (the documents table's columns before ids, hashes and dates
are settled) and adds a row to the :class:`Report` for every file, line or row it cannot use.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import logging
import sys
import warnings
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corpuslab.fieldkeys import FileKeys

log = logging.getLogger("corpuslab.load")


@dataclass(frozen=True)
class Fields:
    """Which JSONL keys / CSV columns hold each document attribute."""

    text: str = "text"
    doc_id: str = "doc_id"
    title: str = "title"
    published: str = "published"
    outlet: str = "outlet"
    url: str = "url"
    event: str = "event_id"

    def option(self, attr: str, key: str | None = None) -> str:
        """How the caller names the key of ``attr``, for load messages (the CLI's subclass says ``--text-field``)."""
        return f"fields=Fields({attr}={key!r})" if key else f"fields=Fields({attr}=...)"


@dataclass
class Report:
    """The load report being written: one row per file, line or row that could not be used as is."""

    rows: list[dict[str, Any]] = field(default_factory=list)

    def add(
        self,
        path: str,
        problem: str,
        message: str,
        *,
        line: int | None = None,
        doc_id: str | None = None,
        severity: str = "error",
    ) -> None:
        """Record a problem (and log it) with where it is and what to do."""
        where = f"{path}:{line}" if line else path
        log.warning("%s: %s", where, message)
        self.rows.append(
            {"path": path, "line": line, "doc_id": doc_id, "severity": severity, "problem": problem, "message": message}
        )


@dataclass
class Source:
    """One file to read: its absolute path, the name it is reported under, its format."""

    path: Path
    name: str
    fmt: str
    is_gzip: bool

    @property
    def stem_id(self) -> str:
        """The id of a one-document file: its path without suffixes."""
        name = self.name[: -len(".gz")] if self.is_gzip else self.name
        return name.rsplit(".", 1)[0]


def present(value: Any) -> bool:
    """Whether a metadata value is there (not None, NaN or blank)."""
    return value is not None and not (isinstance(value, float) and value != value) and str(value).strip() != ""


def iter_records(
    sources: list[Source], fields: Fields, encoding: str, report: Report, *, covered: frozenset[str] = frozenset()
) -> Iterator[dict[str, Any]]:
    """Records of every source; ``covered`` names the fields a manifest supplies (not reported missing)."""
    for source in sources:
        if source.fmt == "jsonl":
            keys = FileKeys(fields, covered=covered)
            yield from _jsonl_records(source, keys, encoding, report)  # streamed: a file may exceed memory
            keys.report_to(report, source)
            continue
        raw = _read_bytes(source, report)
        if raw is None:
            continue
        if source.fmt == "html":
            yield from _html_records(source, raw, report)  # a page declares its own encoding
            continue
        text = _decode(source, raw, encoding, report)
        if text is None:
            continue
        if source.fmt in ("txt", "md"):
            yield _record(source, text=text)
        else:
            keys = FileKeys(fields, covered=covered)
            yield from _csv_records(source, text, keys, report)
            keys.report_to(report, source)


_BINARY = "file holds binary data, not text; remove it from the corpus folder."
_EMPTY = "file is empty; remove it or add its text."


def _read_bytes(source: Source, report: Report) -> bytes | None:
    try:
        raw = gzip.decompress(source.path.read_bytes()) if source.is_gzip else source.path.read_bytes()
    except (OSError, EOFError, gzip.BadGzipFile, zlib.error) as exc:
        report.add(source.name, "unreadable", f"cannot read file ({exc}); check permissions or re-create the file.")
        return None
    if not raw.strip():
        report.add(source.name, "empty_file", _EMPTY)
        return None
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        report.add(source.name, "binary_file", _BINARY)
        return None
    return raw


def _codec(encoding: str) -> str:
    # utf-8-sig drops only a byte-order mark, which is encoding, not text.
    return "utf-8-sig" if encoding.replace("_", "-").lower() in ("utf-8", "utf8") else encoding


def _decode(source: Source, raw: bytes, encoding: str, report: Report) -> str | None:
    codec = _codec(encoding)
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        report.add(
            source.name,
            "undecodable",
            f"byte {exc.start} is not valid {encoding}; re-save the file as {encoding} "
            "or pass --encoding (encoding=... in Python)",
            line=line,
        )
        return None


def _record(source: Source, *, text: str, line: int | None = None, **meta: Any) -> dict[str, Any]:
    return {
        "doc_id": meta.pop("doc_id", None) or (f"{source.stem_id}:{line}" if line else source.stem_id),
        "path": source.name,
        "line": line,
        "source_format": source.fmt,
        "text": text,
        "outlet": meta.get("outlet"),
        "title": meta.get("title"),
        "published": meta.get("published"),
        "url": meta.get("url"),
        "event_id": meta.get("event"),
    }


def _meta_from(row: dict[str, Any], found: dict[str, str | None]) -> dict[str, Any]:
    out = {}
    for attr in ("doc_id", "title", "published", "outlet", "url", "event"):
        value = row.get(found[attr]) if found.get(attr) is not None else None
        out[attr] = str(value).strip() if present(value) else None
    return out


def _jsonl_records(source: Source, fields: FileKeys, encoding: str, report: Report) -> Iterator[dict[str, Any]]:
    """Read a JSONL file line by line; a bad line is reported with its number and the others still load."""
    first_codec = _codec(encoding)
    codec = first_codec.replace("-sig", "")  # a byte-order mark can only open the file
    seen_text = False
    number = 0
    try:
        with gzip.open(source.path, "rb") if source.is_gzip else source.path.open("rb") as handle:
            for number, raw in enumerate(handle, start=1):
                if number == 1 and b"\x00" in raw[:8192]:
                    report.add(
                        source.name,
                        "binary_file",
                        _BINARY,
                    )
                    return
                try:
                    line = raw.decode(first_codec if number == 1 else codec)
                except UnicodeDecodeError as exc:
                    report.add(
                        source.name,
                        "undecodable",
                        f"byte {exc.start} of the line is not valid {encoding}; "
                        f"re-save the file as {encoding} or pass --encoding (encoding=... in Python)",
                        line=number,
                    )
                    continue
                if not line.strip():
                    continue
                seen_text = True
                record = _json_record(source, line, fields, number, report)
                if record is not None:
                    yield record
    except (OSError, EOFError, gzip.BadGzipFile, zlib.error) as exc:
        report.add(
            source.name,
            "unreadable",
            f"cannot read the file past line {number} ({exc}); check permissions or re-create the file.",
            line=number or None,
        )
        return
    if not seen_text:
        report.add(source.name, "empty_file", _EMPTY)


def _json_record(source: Source, line: str, fields: FileKeys, number: int, report: Report) -> dict[str, Any] | None:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        report.add(
            source.name,
            "malformed_json",
            f"not valid JSON (column {exc.colno}: {exc.msg.removesuffix(' at')}); fix or remove the line",
            line=number,
        )
        return None
    if not isinstance(row, dict):
        report.add(
            source.name,
            "malformed_json",
            "line is JSON but not an object; each line must be one article object",
            line=number,
        )
        return None
    return _row_record(source, row, fields, number, report)


def _csv_records(source: Source, text: str, fields: FileKeys, report: Report) -> Iterator[dict[str, Any]]:
    csv.field_size_limit(sys.maxsize)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        report.add(
            source.name, "malformed_csv", f"cannot read the header ({exc}); the first row must name the columns", line=1
        )
        return
    if fields.text_key(header) is None:
        report.add(source.name, "missing_field", fields.missing_text(header), line=1)
        return
    has_rows = False
    # Doubled quotes inside a field keep the count even: an odd count means a quote is never closed.
    is_quote_open = text.count('"') % 2 == 1
    raw_lines: list[str] = []
    while True:
        number = reader.line_num + 1
        try:
            values = next(reader)
        except StopIteration:
            if not has_rows:
                report.add(source.name, "empty_file", "CSV has a header but no rows; add rows or remove the file")
            return
        except csv.Error as exc:
            report.add(source.name, "malformed_csv", f"row cannot be parsed ({exc}); fix its quoting", line=number)
            continue
        if not any(v.strip() for v in values):
            continue
        has_rows = True
        if is_quote_open and reader.line_num > number:
            raw_lines = raw_lines or io.StringIO(text, newline="").readlines()  # numbered as the reader counts
            _report_swallowed_rows(source, raw_lines[number : reader.line_num], len(header), number, report)
        if len(values) != len(header):
            report.add(
                source.name,
                "malformed_csv",
                f"row has {len(values)} fields, header has {len(header)}; quote fields that contain commas",
                line=number,
            )
            continue
        record = _row_record(source, dict(zip(header, values, strict=True)), fields, number, report)
        if record is not None:
            yield record


def _report_swallowed_rows(source: Source, later: list[str], n_columns: int, number: int, report: Report) -> None:
    """Warn when a quoted field spans lines that read as rows of their own: a closing quote is likely missing.
    ``later`` are the row's raw lines after its first, as written (a swallowed row's own quotes, once inside
    the field, no longer read as quotes)."""
    for inner in (line.rstrip("\r\n") for line in later):
        if inner.strip() and len(next(csv.reader([inner]), [])) == n_columns:
            report.add(
                source.name,
                "malformed_csv",
                f"a quoted field opened on this row runs over later lines that look like rows ({inner[:40]!r}); "
                "loaded as one document. Add the missing closing quote (or quote the field's line breaks)",
                line=number,
                severity="warning",
            )
            return


def _row_record(
    source: Source, row: dict[str, Any], fields: FileKeys, number: int, report: Report
) -> dict[str, Any] | None:
    found = fields.keys_of(row, number)
    text = row.get(found["text"]) if found["text"] is not None else None
    meta = _meta_from(row, found)
    if not isinstance(text, str):
        report.add(source.name, "missing_field", fields.missing_text(row), line=number, doc_id=meta["doc_id"])
        return None
    if not text.strip():
        report.add(
            source.name,
            "empty_text",
            "text is empty; remove the article or add its text",
            line=number,
            doc_id=meta["doc_id"],
        )
        return None
    return _record(source, text=text, line=number, **meta)


def _html_records(source: Source, raw: bytes, report: Report) -> Iterator[dict[str, Any]]:
    import trafilatura

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # lxml deprecation noise inside trafilatura
        doc = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False, include_tables=False)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        report.add(
            source.name,
            "html_no_text",
            "no article text found in the page; check it is an article, not an index or a script-rendered page",
        )
        return
    yield _record(source, text=text, title=doc.title, outlet=doc.sitename, published=doc.date, url=doc.url)

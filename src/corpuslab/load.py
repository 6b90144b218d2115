"""Load stage: files (txt, md, jsonl, csv, html; optionally gzipped) -> ``documents`` table.

Bad input never stops a load: every file, line or row that cannot be used is
recorded in the load report (:func:`load_report`) with its path,
line and what to do, and every good document still loads.

Examples
--------
>>> docs = load_documents("seeds/")                       # doctest: +SKIP
>>> docs[["doc_id", "outlet", "n_words"]].head()          # doctest: +SKIP
>>> load_report(docs)                                     # doctest: +SKIP
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import logging
import re
import sys
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from corpuslab import schema
from corpuslab.errors import InputFormatError, InputNotFoundError
from corpuslab.progress import bar as progress_bar

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = {".txt": "txt", ".md": "md", ".jsonl": "jsonl", ".csv": "csv", ".html": "html", ".htm": "html"}
MANIFEST_NAMES = ("sources.csv",)
# Files that sit beside articles and are never articles; reported as skipped only if unknown.
_IGNORED_NAMES = {".DS_Store", "Thumbs.db"}
_WORD = re.compile(r"\S+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Fields:
    """Which JSONL keys / CSV columns hold each document attribute."""

    text: str = "text"
    doc_id: str = "doc_id"
    title: str = "title"
    published: str = "published"
    outlet: str = "outlet"
    url: str = "url"


@dataclass
class _Report:
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
        where = f"{path}:{line}" if line else path
        log.warning("%s: %s", where, message)
        self.rows.append(
            {"path": path, "line": line, "doc_id": doc_id, "severity": severity, "problem": problem, "message": message}
        )


@dataclass
class _Source:
    """One file to read: its absolute path, the name it is reported under, its format."""

    path: Path
    name: str
    fmt: str
    is_gzip: bool

    @property
    def stem_id(self) -> str:
        name = self.name[: -len(".gz")] if self.is_gzip else self.name
        return name.rsplit(".", 1)[0]


def load_documents(
    path: str | Path,
    *,
    fields: Fields | None = None,
    manifest: str | Path | Literal["auto"] | None = "auto",
    encoding: str = "utf-8",
    progress: bool | None = None,
) -> pd.DataFrame:
    """Load a file or a folder (recursive) of articles into the ``documents`` table.

    Parameters
    ----------
    path
        A folder, or one ``.txt``/``.md``/``.jsonl``/``.csv``/``.html`` file (each may end in ``.gz``).
    fields
        Which JSONL keys / CSV columns hold text, id, title, date, outlet and url.
    manifest
        A CSV with ``doc_id`` and any of ``outlet, title, published, url`` merged by ``doc_id``;
        ``"auto"`` uses ``sources.csv`` at the root of a folder when present.
    encoding
        Encoding of the files; a file that does not decode is reported, not guessed.
    progress
        Show a progress bar; ``None`` shows it only on a terminal.

    Returns
    -------
    pandas.DataFrame
        One row per document (see ``corpuslab.schema.DOCUMENTS``); :func:`load_report` returns
        the problems met while loading it.
    """
    frames = list(
        iter_documents(path, fields=fields, manifest=manifest, encoding=encoding, progress=progress, batch_size=None)
    )
    return frames[0]


def iter_documents(
    path: str | Path,
    *,
    fields: Fields | None = None,
    manifest: str | Path | Literal["auto"] | None = "auto",
    encoding: str = "utf-8",
    progress: bool | None = None,
    batch_size: int | None = 1000,
) -> Iterator[pd.DataFrame]:
    """Yield the ``documents`` table in batches of ``batch_size`` rows, for corpora too large to hold.

    :func:`load_report` of each batch lists the problems met so far; the last batch's is complete.
    ``batch_size=None`` yields one frame. Options as in :func:`load_documents`.
    """
    root = Path(path)
    if not root.exists():
        raise InputNotFoundError(f"{root}: no such file or folder; pass the path of a corpus folder or file.")
    fields = fields or Fields()
    report = _Report()
    sources, manifest_path = _discover(root, manifest, report)
    meta = _read_manifest(manifest_path, encoding) if manifest_path else None
    seen: dict[str, int] = {}
    matched: set[str] = set()
    batch: list[dict[str, Any]] = []
    n_yielded = 0
    for record in _progress(_iter_records(sources, fields, encoding, report), sources, progress):
        record["doc_id"] = _unique_id(record, seen, report)
        if meta is not None and record["doc_id"] in meta:
            record.update({k: v for k, v in meta[record["doc_id"]].items() if _present(v)})
            matched.add(record["doc_id"])
        _finish_record(record, report)
        batch.append(record)
        if batch_size and len(batch) >= batch_size:
            yield _frame(batch, report)
            n_yielded += 1
            batch = []
    if meta is not None:
        for doc_id in sorted(set(meta) - matched):
            report.add(
                str(manifest_path),
                "manifest_unmatched",
                f"manifest row for doc_id {doc_id!r} matches no loaded document; check the id or the file.",
                doc_id=doc_id,
                severity="warning",
            )
    if batch or n_yielded == 0:
        yield _frame(batch, report)


def _frame(records: list[dict[str, Any]], report: _Report) -> pd.DataFrame:
    frame = (
        schema.conform(pd.DataFrame(records, columns=schema.DOCUMENTS.names), "documents")
        if records
        else schema.empty("documents")
    )
    # Plain records, not a frame: pandas compares attrs when concatenating batches.
    frame.attrs["load_report"] = [dict(r) for r in report.rows]
    return frame


def _present(value: Any) -> bool:
    return value is not None and not (isinstance(value, float) and value != value) and str(value).strip() != ""


def _discover(root: Path, manifest: str | Path | None, report: _Report) -> tuple[list[_Source], Path | None]:
    """List article files under ``root`` in a stable order and find the manifest."""
    manifest_path: Path | None = None
    if manifest == "auto":
        if root.is_dir():
            manifest_path = next((root / n for n in MANIFEST_NAMES if (root / n).is_file()), None)
    elif manifest is not None:
        manifest_path = Path(manifest)
        if not manifest_path.is_file():
            raise InputNotFoundError(f"{manifest_path}: manifest not found; pass an existing CSV or manifest=None.")
    files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
    base = root if root.is_dir() else root.parent
    sources = []
    for p in files:
        name = p.relative_to(base).as_posix()
        if manifest_path is not None and p.resolve() == manifest_path.resolve():
            continue
        if any(part.startswith(".") for part in p.relative_to(base).parts) or p.name in _IGNORED_NAMES:
            continue  # hidden files and folders (.git, .ipynb_checkpoints) are never articles
        is_gzip = p.suffix.lower() == ".gz"
        suffix = Path(p.stem).suffix.lower() if is_gzip else p.suffix.lower()
        fmt = ARTICLE_SUFFIXES.get(suffix)
        if fmt is None:
            report.add(
                name,
                "unsupported_format",
                f"not an article file (suffix {suffix or 'none'!r}); supported: "
                f"{', '.join(sorted(ARTICLE_SUFFIXES))}, optionally .gz",
                severity="skipped",
            )
            continue
        sources.append(_Source(p, name, fmt, is_gzip))
    return sources, manifest_path


def _read_manifest(path: Path, encoding: str) -> dict[str, dict[str, Any]]:
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding=encoding)
    except (OSError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise InputFormatError(f"{path}: manifest cannot be read ({exc}); fix the CSV or pass manifest=None.") from exc
    if "doc_id" not in table.columns:
        raise InputFormatError(f"{path}: manifest has no doc_id column; its header must start with doc_id.")
    keep = [c for c in ("outlet", "title", "published", "url") if c in table.columns]
    return {row["doc_id"]: {k: row[k] for k in keep} for row in table.to_dict("records")}


def _progress(
    records: Iterable[dict[str, Any]], sources: list[_Source], progress: bool | None
) -> Iterator[dict[str, Any]]:
    """Advance a byte-based progress bar as files are consumed."""
    sizes = {s.name: s.path.stat().st_size for s in sources}
    with progress_bar(enabled=progress, total=sum(sizes.values()), unit="B", unit_scale=True, desc="load") as bar:
        current = None
        for record in records:
            if record["path"] != current:
                if current is not None:
                    bar.update(sizes.get(current, 0))
                current = record["path"]
            yield record
        if current is not None:
            bar.update(sizes.get(current, 0))


def _iter_records(sources: list[_Source], fields: Fields, encoding: str, report: _Report) -> Iterator[dict[str, Any]]:
    for source in sources:
        if source.fmt == "jsonl":
            yield from _jsonl_records(source, fields, encoding, report)  # streamed: a file may exceed memory
            continue
        raw = _read_bytes(source, report)
        if raw is None:
            continue
        if source.fmt == "html":
            yield from _html_records(source, raw, encoding, report)
            continue
        text = _decode(source, raw, encoding, report)
        if text is None:
            continue
        if source.fmt in ("txt", "md"):
            yield _record(source, text=text)
        else:
            yield from _csv_records(source, text, fields, report)


def _read_bytes(source: _Source, report: _Report) -> bytes | None:
    try:
        raw = gzip.decompress(source.path.read_bytes()) if source.is_gzip else source.path.read_bytes()
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        report.add(source.name, "unreadable", f"cannot read file ({exc}); check permissions or re-create the file.")
        return None
    if not raw.strip():
        report.add(source.name, "empty_file", "file is empty; remove it or add its text.")
        return None
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        report.add(source.name, "binary_file", "file holds binary data, not text; remove it from the corpus folder.")
        return None
    return raw


def _decode(source: _Source, raw: bytes, encoding: str, report: _Report) -> str | None:
    # utf-8-sig drops only a byte-order mark, which is encoding, not text.
    codec = "utf-8-sig" if encoding.replace("_", "-").lower() in ("utf-8", "utf8") else encoding
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        report.add(
            source.name,
            "undecodable",
            f"byte {exc.start} is not valid {encoding}; re-save the file as {encoding} or pass encoding=...",
            line=line,
        )
        return None


def _record(source: _Source, *, text: str, line: int | None = None, **meta: Any) -> dict[str, Any]:
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
    }


def _meta_from(row: dict[str, Any], fields: Fields) -> dict[str, Any]:
    out = {}
    for attr in ("doc_id", "title", "published", "outlet", "url"):
        value = row.get(getattr(fields, attr))
        out[attr] = str(value).strip() if _present(value) else None
    return out


def _jsonl_records(source: _Source, fields: Fields, encoding: str, report: _Report) -> Iterator[dict[str, Any]]:
    """Read a JSONL file line by line; a bad line is reported with its number and the others still load."""
    codec = "utf-8-sig" if encoding.replace("_", "-").lower() in ("utf-8", "utf8") else encoding
    seen_text = False
    number = 0
    try:
        with gzip.open(source.path, "rb") if source.is_gzip else source.path.open("rb") as handle:
            for number, raw in enumerate(handle, start=1):
                if number == 1 and b"\x00" in raw[:8192]:
                    report.add(
                        source.name,
                        "binary_file",
                        "file holds binary data, not text; remove it from the corpus folder.",
                    )
                    return
                try:
                    line = raw.decode(codec if number == 1 else codec.replace("-sig", ""))
                except UnicodeDecodeError as exc:
                    report.add(
                        source.name,
                        "undecodable",
                        f"byte {exc.start} of the line is not valid {encoding}; "
                        f"re-save the file as {encoding} or pass encoding=...",
                        line=number,
                    )
                    continue
                if not line.strip():
                    continue
                seen_text = True
                record = _json_record(source, line, fields, number, report)
                if record is not None:
                    yield record
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        report.add(
            source.name,
            "unreadable",
            f"cannot read the file past line {number} ({exc}); check permissions or re-create the file.",
            line=number or None,
        )
        return
    if not seen_text:
        report.add(source.name, "empty_file", "file is empty; remove it or add its text.")


def _json_record(source: _Source, line: str, fields: Fields, number: int, report: _Report) -> dict[str, Any] | None:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        report.add(
            source.name,
            "malformed_json",
            f"not valid JSON ({exc.msg} at column {exc.colno}); fix or remove the line",
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


def _csv_records(source: _Source, text: str, fields: Fields, report: _Report) -> Iterator[dict[str, Any]]:
    csv.field_size_limit(sys.maxsize)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        report.add(
            source.name, "malformed_csv", f"cannot read the header ({exc}); the first row must name the columns", line=1
        )
        return
    if fields.text not in header:
        report.add(
            source.name,
            "missing_field",
            f"no {fields.text!r} column (columns: {header}); name the text column with fields=Fields(text=...)",
            line=1,
        )
        return
    while True:
        number = reader.line_num + 1
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            report.add(source.name, "malformed_csv", f"row cannot be parsed ({exc}); fix its quoting", line=number)
            continue
        if not any(v.strip() for v in values):
            continue
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


def _row_record(
    source: _Source, row: dict[str, Any], fields: Fields, number: int, report: _Report
) -> dict[str, Any] | None:
    text = row.get(fields.text)
    meta = _meta_from(row, fields)
    if not isinstance(text, str):
        report.add(
            source.name,
            "missing_field",
            f"no text in field {fields.text!r}; every article needs one "
            "(or name the field with fields=Fields(text=...))",
            line=number,
            doc_id=meta["doc_id"],
        )
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


def _html_records(source: _Source, raw: bytes, encoding: str, report: _Report) -> Iterator[dict[str, Any]]:
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


def _unique_id(record: dict[str, Any], seen: dict[str, int], report: _Report) -> str:
    """Keep every document: a repeated id gets a ``~N`` suffix and a report line."""
    doc_id = str(record["doc_id"])
    count = seen.get(doc_id, 0) + 1
    seen[doc_id] = count
    if count == 1:
        return doc_id
    new_id = f"{doc_id}~{count}"
    report.add(
        record["path"],
        "duplicate_id",
        f"doc_id {doc_id!r} already used; loaded as {new_id!r}. Give every article its own id.",
        line=record["line"],
        doc_id=new_id,
        severity="warning",
    )
    return new_id


def _finish_record(record: dict[str, Any], report: _Report) -> None:
    text = record["text"]
    record["n_chars"] = len(text)
    record["n_words"] = sum(1 for _ in _WORD.finditer(text))
    record["body_hash"] = hashlib.blake2b(_SPACE.sub(" ", text).strip().casefold().encode(), digest_size=10).hexdigest()
    record["published"] = _parse_date(record, report)


def _parse_date(record: dict[str, Any], report: _Report) -> pd.Timestamp | None:
    value = record.get("published")
    if not _present(value):
        return None
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError, OverflowError):
        report.add(
            record["path"],
            "bad_date",
            f"published value {value!r} is not a date; loaded without one. Use ISO 8601 (2025-09-02).",
            line=record["line"],
            doc_id=record["doc_id"],
            severity="warning",
        )
        return None
    if stamp is pd.NaT:
        return None
    return stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")


def manifest_outlets(path: str | Path, manifest: str | Path | Literal["auto"] | None = "auto") -> set[str] | None:
    """The outlets a corpus manifest lists (None when there is no manifest), for validation."""
    root = Path(path)
    if manifest == "auto":
        found = next((root / n for n in MANIFEST_NAMES if (root / n).is_file()), None) if root.is_dir() else None
    else:
        found = None if manifest is None else Path(manifest)
    if found is None:
        return None
    outlets = (row.get("outlet") for row in _read_manifest(found, "utf-8").values())
    return {o.strip() for o in outlets if isinstance(o, str) and o.strip()}


def load_report(documents: pd.DataFrame) -> pd.DataFrame:
    """Return the load report attached to a documents table (empty if none)."""
    rows = documents.attrs.get("load_report") or []
    return schema.conform(pd.DataFrame(rows), "load_report") if rows else schema.empty("load_report")

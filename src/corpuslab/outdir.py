"""Output folders that are either complete or absent, and a reader that knows which tables it reads.

A run writes its tables into a fresh hidden sibling folder and moves it into place only when every
table is written, with a marker file (:data:`MARKER`) that names the format. So a rerun never mixes
with an earlier run's files, an interrupted run leaves the old folder as it was, and a reader can
tell a finished streamed run from the parts an interrupted one left behind.

Examples
--------
>>> with output_folder("build/tables", fmt="csv", overwrite=True) as staging:   # doctest: +SKIP
...     frame.to_csv(staging / "figures.csv")
>>> table_format("build/tables")                                                 # doctest: +SKIP
'csv'
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

import pandas as pd

from corpuslab.errors import InputFormatError, InputNotFoundError, OutputExistsError

log = logging.getLogger(__name__)

Format = Literal["parquet", "csv", "parts"]
# Written last, into the staging folder, so a folder holding it holds every table of one run.
MARKER = "_COMPLETE.json"
_PART_GLOB = "part-*.parquet"


@contextmanager
def output_folder(out_dir: str | Path, *, fmt: Format, overwrite: bool = False) -> Iterator[Path]:
    """Yield an empty staging folder; when the block ends without error, move it to ``out_dir``.

    Raises :class:`~corpuslab.errors.OutputExistsError` before any work when ``out_dir`` is a file,
    or a folder with anything in it and ``overwrite`` is false. On error the staging folder is removed
    and ``out_dir`` is left as it was.
    """
    out = Path(out_dir).resolve()  # "." has no name to put a sibling beside
    check_replaceable(out, overwrite=overwrite)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.partial-", dir=out.parent))
    try:
        staging.chmod(_folder_mode())  # mkdtemp's 0o700 would become the output folder's mode
        yield staging
        (staging / MARKER).write_text(json.dumps({"format": fmt}) + "\n", encoding="utf-8")
        _move_into_place(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _folder_mode() -> int:
    """The mode ``mkdir`` gives a new folder: 0o777 less the process's umask."""
    umask = os.umask(0)  # the only portable way to read it is to set it
    os.umask(umask)
    return 0o777 & ~umask


def check_replaceable(out_dir: str | Path, *, overwrite: bool = False) -> None:
    """Raise :class:`~corpuslab.errors.OutputExistsError` when ``out_dir`` may not be written: a file,
    or a folder with anything in it and ``overwrite`` false. The CLI calls it before loading a corpus.
    """
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise OutputExistsError(
            f"{out}: is a file, not a folder; choose another folder.",
            cli=f"{out}: is a file, not a folder; choose another --out-dir.",
        )
    if out.is_dir() and any(out.iterdir()) and not overwrite:
        raise OutputExistsError(
            f"{out}: folder is not empty; pass overwrite=True to replace it, or choose another folder.",
            cli=f"{out}: folder is not empty; pass --overwrite to replace it, or choose another --out-dir.",
        )


def _move_into_place(staging: Path, out: Path) -> None:
    """Swap ``staging`` in for ``out``: the old folder is set aside first, removed only after the move."""
    old = None
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
        out.rename(old / out.name)
    staging.rename(out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def table_format(folder: str | Path) -> Format:
    """Name the one format the tables in ``folder`` are written in: ``parquet``, ``csv`` or ``parts`` (streamed).

    Raises :class:`~corpuslab.errors.InputFormatError` when the folder holds tables in more than one
    format, or streamed parts without the marker a finished run writes.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise InputNotFoundError(f"{folder}: no such folder of tables; write one with corpuslab run --out-dir.")
    found = _formats_present(folder)
    marked = _marked_format(folder)
    if len(found) > 1:
        raise InputFormatError(
            f"{folder}: holds tables in more than one format ({', '.join(found)}), from different runs; "
            "write into an empty folder (corpuslab run --out-dir DIR --overwrite)."
        )
    if not found:
        raise InputNotFoundError(f"{folder}: holds no tables; write them with corpuslab run --out-dir.")
    if found[0] == "parts" and marked != "parts":
        raise InputFormatError(
            f"{folder}: streamed parts without {MARKER}: the run that wrote them did not finish; "
            "run it again (corpuslab run --stream --out-dir DIR --overwrite)."
        )
    if marked is not None and marked != found[0]:
        raise InputFormatError(f"{folder}: {MARKER} names {marked} but the tables are {found[0]}; write them again.")
    return found[0]


def _formats_present(folder: Path) -> list[Format]:
    found: list[Format] = []
    if any(folder.glob("*.parquet")):
        found.append("parquet")
    if any(folder.glob("*.csv")):
        found.append("csv")
    if any(folder.glob(f"*/{_PART_GLOB}")):
        found.append("parts")
    return found


def _marked_format(folder: Path) -> Format | None:
    marker = folder / MARKER
    if not marker.is_file():
        return None
    try:
        fmt = json.loads(marker.read_text(encoding="utf-8")).get("format")
    except (OSError, ValueError, AttributeError) as exc:
        raise InputFormatError(f"{marker}: cannot be read ({exc}); write the tables again.") from exc
    if fmt not in ("parquet", "csv", "parts"):
        raise InputFormatError(f"{marker}: unknown format {fmt!r}; write the tables again.")
    return fmt


def holds_tables(folder: str | Path) -> bool:
    """Whether ``folder`` holds written tables (finished or not) rather than a corpus."""
    folder = Path(folder)
    if not folder.is_dir():
        return False
    # A corpus folder may hold CSV articles: only the marker or a table's own name says "tables".
    names = ("documents", "claims")
    return (folder / MARKER).is_file() or any(
        (folder / f"{n}.{ext}").is_file() or (folder / n).is_dir() for n in names for ext in ("parquet", "csv")
    )


def read_tables(folder: str | Path, names: Sequence[str]) -> tuple[Format, dict[str, pd.DataFrame]]:
    """Read the tables ``names`` from ``folder`` in its one format; a table not written is empty.

    Returns the format (see :func:`table_format`) and the tables by name.
    """
    from corpuslab import schema, store

    folder = Path(folder)
    fmt = table_format(folder)
    log.info("reading %s tables from %s", fmt, folder)
    frames = {}
    for name in names:
        path = folder / name if fmt == "parts" else folder / f"{name}.{fmt}"
        # A streamed run writes no part for a table without rows.
        exists = path.is_dir() and any(path.glob(_PART_GLOB)) if fmt == "parts" else path.is_file()
        if exists:
            frames[name] = store.read_table(path)
        else:
            frames[name] = schema.empty(name) if name in schema.TABLES else pd.DataFrame()
    return fmt, frames

"""Read and write tables as CSV or Parquet, chosen by the file suffix."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from corpuslab.errors import InputFormatError, InputNotFoundError

SUFFIXES = (".csv", ".parquet")


def write_table(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write ``frame`` to ``path`` (``.csv`` or ``.parquet``), creating parent folders."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputFormatError(f"{path}: cannot write tables as {suffix or 'no suffix'!r}; use .csv or .parquet.")
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".csv":
        frame.to_csv(path, index=False)
    else:
        frame.to_parquet(path, index=False, engine="pyarrow")
    return path


def read_table(path: str | Path) -> pd.DataFrame:
    """Read a table written by :func:`write_table`."""
    path = Path(path)
    if path.is_dir() and any(path.glob("part-*.parquet")):
        return pd.read_parquet(path, engine="pyarrow")  # a folder of parts, as corpuslab.stream writes
    if not path.is_file():
        raise InputNotFoundError(f"{path}: no such table file; write it first with --out.")
    if path.suffix.lower() == ".parquet":
        return pd.read_parquet(path, engine="pyarrow")
    if path.suffix.lower() == ".csv":
        return pd.read_csv(path)
    raise InputFormatError(f"{path}: cannot read tables from {path.suffix!r}; use .csv or .parquet.")

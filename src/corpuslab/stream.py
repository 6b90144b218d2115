"""The pipeline in bounded memory: documents stream through in batches, tables go to Parquet as they grow.

For corpora larger than memory on one machine. The run order is every engine's
(:func:`corpuslab.engines.run_stages`); :class:`StreamEngine` supplies map, gather and shuffle with
scratch Parquet files as handles, so it holds one batch or one partition at a time:

* ``map`` runs a step on one batch or partition and spills its result to the scratch folder;
* ``gather`` reads back the small results the corpus-wide steps need (the event features: a sparse
  row of hashed words per document; the values figures in repeated paragraphs point back to);
* ``shuffle(on="event_id")`` writes statements to partitions by a stable hash of ``event_id``,
  about :data:`STATEMENTS_PER_PARTITION` statements each, so every event lands whole in one partition.

:class:`PartsWriter` is the sink: every finished piece of a table becomes a numbered Parquet part
(``out_dir/<table>/part-*.parquet``). The tables are the same as :func:`corpuslab.run_pipeline`'s
(read them back with :func:`corpuslab.read_pipeline`); only their row order across part files
differs for claims, comparisons and memberships. Validation is not part of the stream: run
``corpuslab validate`` on the written tables.

Examples
--------
>>> summary = stream_pipeline("data/news_x100.jsonl", "build/tables", batch_size=2000)   # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import pickle
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Unpack

import pandas as pd
import pyarrow.parquet as pq

from corpuslab import outdir, schema
from corpuslab.engines import TABLES, Options, RunOptions, resolve_aliases, run_stages

log = logging.getLogger(__name__)
# Statements per claims partition: small enough that a partition's records, claims and pairs fit easily.
STATEMENTS_PER_PARTITION = 20_000


@dataclass
class StreamSummary:
    """What a streamed run wrote, and how much."""

    out_dir: Path
    counts: dict[str, int] = field(default_factory=dict)
    verdicts: dict[str, int] = field(default_factory=dict)


def stream_pipeline(
    path: str | Path, out_dir: str | Path, *, overwrite: bool = False, **options: Unpack[RunOptions]
) -> StreamSummary:
    """Run the pipeline on ``path`` batch by batch, writing every table to ``out_dir/<table>/part-*.parquet``.

    ``options`` are :class:`corpuslab.engines.Options` (``batch_size``, ``fields``, ``aliases``, ...).
    The parts go to a staging folder moved to ``out_dir`` with a completion marker when the run ends
    (:mod:`corpuslab.outdir`); a non-empty ``out_dir`` is replaced only with ``overwrite=True``.

    Returns
    -------
    StreamSummary
        The folder, the rows written per table and the claims by verdict.
    """
    settings = Options.given("stream_pipeline", options, own=("out_dir", "overwrite"))
    alias_table = resolve_aliases(path, settings.aliases)
    with outdir.output_folder(out_dir, fmt="parts", overwrite=overwrite) as staging, StreamEngine() as engine:
        counts, verdicts = run_stages(engine, path, settings, alias_table, PartsWriter(staging))
    log.info("stream: %s", counts)
    return StreamSummary(Path(out_dir), counts, verdicts)


@dataclass(frozen=True)
class Spilled:
    """A handle of the stream engine: a result waiting in the scratch folder.

    A frame is one or more Parquet files (a shuffled partition is several); a dict or dataclass that
    holds frames is its fields, each spilled, rebuilt by ``make``; anything else is pickled.
    """

    frames: tuple[Path, ...] = ()
    pickled: Path | None = None
    fields: dict[str, Spilled] = field(default_factory=dict)
    make: Callable[..., Any] | None = None


class StreamEngine:
    """Map, gather and shuffle in this process, one batch or partition in memory at a time.

    Use it as a context manager: the scratch folder is removed when the block ends.
    """

    name = "stream"

    def __init__(self, *, statements_per_partition: int | None = None) -> None:
        self.statements_per_partition = statements_per_partition or STATEMENTS_PER_PARTITION
        self.root = Path()
        self._n = 0

    def __enter__(self) -> StreamEngine:
        self.root = Path(tempfile.mkdtemp(prefix="corpuslab-stream-"))
        return self

    def __exit__(self, *exc: object) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    def map(self, func: Callable[..., Any], items: Iterable[Any], *args: Any) -> list[Spilled]:
        return [self._spill(func(self._open(item) if isinstance(item, Spilled) else item, *args)) for item in items]

    def gather(self, handles: list[Spilled]) -> list[Any]:
        return [self._load(handle) for handle in handles]

    def shuffle(self, handles: list[Spilled], *, on: str) -> list[Spilled]:
        rows = sum(pq.read_metadata(path).num_rows for handle in handles for path in handle.frames)
        n = max(1, -(-rows // self.statements_per_partition))
        buckets: dict[int, list[Path]] = {}
        for handle in handles:
            frame = self._load(handle)
            for index, piece in frame.groupby(frame[on].map(lambda key: _partition(key, n))):
                buckets.setdefault(int(index), []).append(self._write_frame(piece))
            for path in handle.frames:  # a shuffle consumes its input: the scratch folder stays small
                path.unlink()
        return [Spilled(frames=tuple(paths)) for _, paths in sorted(buckets.items())]

    def _spill(self, value: Any) -> Spilled:
        if isinstance(value, pd.DataFrame):
            return Spilled(frames=(self._write_frame(value),))
        if _holds_frames(value):  # a dict or dataclass: its frames go to Parquet one by one
            items = value.items() if isinstance(value, dict) else vars(value).items()
            return Spilled(fields={k: self._spill(v) for k, v in items}, make=type(value))
        path = self._next("pickle")
        with path.open("wb") as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        return Spilled(pickled=path)

    def _open(self, handle: Spilled) -> Any:
        """What a mapped step gets: a dict or dataclass is read field by field, only the fields it uses."""
        return _Fields(self, handle) if handle.make is not None else self._load(handle)

    def _load(self, handle: Spilled) -> Any:
        if handle.make is not None:
            return handle.make(**{k: self._load(v) for k, v in handle.fields.items()})
        if handle.pickled is not None:
            with handle.pickled.open("rb") as source:
                return pickle.load(source)  # our own scratch file, written by _spill
        frames = [pd.read_parquet(path, engine="pyarrow") for path in handle.frames]
        return frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)

    def _write_frame(self, frame: pd.DataFrame) -> Path:
        path = self._next("parquet")
        frame.to_parquet(path, index=False, engine="pyarrow")
        return path

    def _next(self, suffix: str) -> Path:
        self._n += 1
        return self.root / f"{self._n:06d}.{suffix}"


class _Fields:
    """A spilled dict or dataclass seen by a step: ``x.name`` or ``x["name"]`` reads that field from disk.

    Steps use a few fields of a batch (the event features, or the statements), not its text.
    """

    def __init__(self, engine: StreamEngine, handle: Spilled) -> None:
        self._engine, self._handle = engine, handle

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name not in self._handle.fields:
            raise AttributeError(name)
        return self._engine._open(self._handle.fields[name])

    def __getitem__(self, key: str) -> Any:
        return self._engine._open(self._handle.fields[key])


def _holds_frames(value: Any) -> bool:
    if isinstance(value, pd.DataFrame):
        return True
    if isinstance(value, dict):
        return any(_holds_frames(v) for v in value.values())
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return any(_holds_frames(v) for v in vars(value).values())
    return False


def _partition(key: object, n: int) -> int:
    # A stable hash (Python's hash() changes between runs).
    return int.from_bytes(hashlib.blake2b(str(key).encode(), digest_size=4).digest(), "big") % n


class PartsWriter:
    """The stream's sink: every piece of a table becomes its next numbered Parquet part, ``root/<table>/``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.counts: dict[str, int] = {}
        self.parts: dict[str, int] = {}
        self.verdicts: dict[str, int] = {}

    def write(self, table: str, frame: pd.DataFrame) -> None:
        if frame.empty:
            return
        folder = self.root / table
        folder.mkdir(parents=True, exist_ok=True)
        n = self.parts.get(table, 0)
        out = schema.conform(frame, table) if table in schema.TABLES else frame
        out.to_parquet(folder / f"part-{n:05d}.parquet", index=False, engine="pyarrow")
        self.parts[table] = n + 1
        self.counts[table] = self.counts.get(table, 0) + len(frame)
        if table == "claims":
            for verdict, k in frame["verdict"].value_counts().items():
                self.verdicts[str(verdict)] = self.verdicts.get(str(verdict), 0) + int(k)

    def close(self) -> tuple[dict[str, int], dict[str, int]]:
        """The rows written per table (in pipeline order) and the claims by verdict."""
        return {t: self.counts[t] for t in TABLES if t in self.counts}, self.verdicts

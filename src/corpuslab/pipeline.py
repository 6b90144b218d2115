"""The whole job on one corpus: load -> paragraphs, sentences -> figures -> events -> claims; :func:`corpuslab.validate`
checks them. Every engine runs the same stages (:mod:`corpuslab.engines`).

Examples
--------
>>> result = run_pipeline("seeds/")          # doctest: +SKIP
>>> result.claims.head()                      # doctest: +SKIP
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Unpack

import pandas as pd

from corpuslab import outdir, schema, store
from corpuslab.engines import Collector, LocalEngine, Options, RunOptions, resolve_aliases, run_stages
from corpuslab.errors import EngineError
from corpuslab.load import manifest_outlets

log = logging.getLogger(__name__)


@dataclass
class PipelineResult:
    """Every table the pipeline built, by name."""

    documents: pd.DataFrame
    paragraphs: pd.DataFrame
    figures: pd.DataFrame
    claims: pd.DataFrame
    comparisons: pd.DataFrame
    memberships: pd.DataFrame
    load_report: pd.DataFrame
    sentences: pd.DataFrame = field(default_factory=pd.DataFrame)
    events: pd.DataFrame = field(default_factory=pd.DataFrame)
    manifest_outlets: set[str] | None = None
    extra: dict[str, pd.DataFrame] = field(default_factory=dict)

    def tables(self) -> dict[str, pd.DataFrame]:
        """Return the tables by name, in pipeline order."""
        order = ("documents", "paragraphs", "sentences", "figures", "events", "claims", "comparisons", "memberships",
                 "load_report")  # fmt: skip
        return {**{name: getattr(self, name) for name in order}, **self.extra}

    def write(
        self, folder: str | Path, *, fmt: Literal["parquet", "csv"] = "parquet", overwrite: bool = False
    ) -> list[Path]:
        """Write every table to ``folder/<name>.<fmt>``; return the paths written.

        The tables go to a staging folder moved into place when complete (:mod:`corpuslab.outdir`);
        a non-empty ``folder`` is replaced only with ``overwrite=True``.
        """
        with outdir.output_folder(folder, fmt=fmt, overwrite=overwrite) as staging:
            for name, frame in self.tables().items():
                store.write_table(frame, staging / f"{name}.{fmt}")
        return [Path(folder) / f"{name}.{fmt}" for name in self.tables()]


def run_pipeline(
    path: str | Path,
    *,
    engine: Literal["local", "dask"] = "local",
    scheduler: str | None = None,
    n_workers: int = 2,
    **options: Unpack[RunOptions],
) -> PipelineResult:
    """Load a corpus and build every table from it.

    ``engine="dask"`` spreads the work over a Dask cluster (the one at ``scheduler``, or a local one
    of ``n_workers`` processes) and returns the same tables; both run :func:`corpuslab.engines.run_stages`.
    ``options`` are :class:`corpuslab.engines.Options`, each with its default there: ``fields``,
    ``manifest``, ``aliases`` (``"auto"``: ``aliases.csv`` at the root of a corpus folder),
    ``dollar`` (what a bare "$" means: ``"auto"``, each outlet's dollar guessed from the countries its
    articles name; one dollar such as ``"USD"`` or ``"AUD"``; or a mapping of outlet to dollar),
    ``tolerances``, ``linking`` (how much context links two figures), ``event_threshold`` and
    ``window_days`` (how documents group into events; a document's ``event_id`` given by the input
    wins), ``batch_size``, ``encoding``, ``progress``.

    Returns
    -------
    PipelineResult
        The documents, paragraphs, sentences, figures, events, claims, comparisons, memberships and
        load report tables.
    """
    settings = Options.given("run_pipeline", options, own=("engine", "scheduler", "n_workers"))
    aliases = resolve_aliases(path, settings.aliases)
    if engine == "dask":
        from corpuslab.distributed import DaskEngine

        with DaskEngine(scheduler=scheduler, n_workers=n_workers) as dask_engine:
            tables = run_stages(dask_engine, path, settings, aliases, Collector())
    elif engine == "local":
        tables = run_stages(LocalEngine(), path, settings, aliases, Collector())
    else:
        raise EngineError(f"engine {engine!r} is not one of local, dask.")
    log.info("pipeline: %d documents, %d figures, %d claims", len(tables["documents"]), len(tables["figures"]),
             len(tables["claims"]))  # fmt: skip
    return result_of(tables, manifest_outlets=manifest_outlets(path, settings.manifest))


def result_of(tables: dict[str, pd.DataFrame], *, manifest_outlets: set[str] | None = None) -> PipelineResult:
    """A :class:`PipelineResult` from tables by name (empty tables get their schema's columns)."""
    frames = {
        name: (tables[name] if name in tables and len(tables[name].columns) else schema.empty(name))
        for name in schema.TABLES
    }
    if len(frames["documents"]):
        frames["documents"] = schema.conform(frames["documents"], "documents")
    return PipelineResult(**frames, manifest_outlets=manifest_outlets)


def read_pipeline(folder: str | Path) -> PipelineResult:
    """Read the tables ``run_pipeline(...).write(folder)`` or :func:`corpuslab.stream.stream_pipeline` wrote."""
    _, frames = outdir.read_tables(folder, list(schema.TABLES))  # one format; a streamed run only if finished
    return PipelineResult(**frames)


def is_pipeline_folder(path: str | Path) -> bool:
    """Whether ``path`` holds written pipeline tables rather than a corpus."""
    return outdir.holds_tables(path)

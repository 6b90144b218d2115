"""The whole job on one corpus: load -> paragraphs -> figures -> claims; :func:`corpuslab.validate` checks them.

Examples
--------
>>> result = run_pipeline("seeds/")          # doctest: +SKIP
>>> result.claims.head()                      # doctest: +SKIP
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Literal

import pandas as pd

from corpuslab import outdir, store
from corpuslab.compare import Tolerances, build_claims
from corpuslab.errors import EngineError
from corpuslab.extract import extract_figures
from corpuslab.load import Fields, load_documents, load_report, manifest_outlets
from corpuslab.segment import split_paragraphs

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
    manifest_outlets: set[str] | None = None
    extra: dict[str, pd.DataFrame] = field(default_factory=dict)

    def tables(self) -> dict[str, pd.DataFrame]:
        """Return the tables by name, in pipeline order."""
        built = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in ("extra", "manifest_outlets")}
        return {**built, **self.extra}

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
    fields: Fields | None = None,
    manifest: str | Path | Literal["auto"] | None = "auto",
    aliases: str | Path | Literal["auto"] | None = "auto",
    tolerances: Tolerances | None = None,
    engine: Literal["local", "dask"] = "local",
    scheduler: str | None = None,
    n_workers: int = 2,
    progress: bool | None = None,
    encoding: str = "utf-8",
) -> PipelineResult:
    """Load a corpus and build every table from it.

    ``aliases="auto"`` uses ``aliases.csv`` at the root of a corpus folder when there is one.
    ``engine="dask"`` spreads the work over a Dask cluster (the one at ``scheduler``, or a local one
    of ``n_workers`` processes) and returns the same tables; see :mod:`corpuslab.distributed`.

    Returns
    -------
    PipelineResult
        The documents, paragraphs, figures, claims, comparisons, memberships and load report tables.
    """
    if engine == "dask":
        from corpuslab.distributed import run_dask

        return run_dask(
            path,
            scheduler=scheduler,
            n_workers=n_workers,
            fields=fields,
            manifest=manifest,
            aliases=aliases,
            tolerances=tolerances,
            progress=progress,
            encoding=encoding,
        )
    if engine != "local":
        raise EngineError(f"engine {engine!r} is not one of local, dask.")
    documents = load_documents(path, fields=fields, manifest=manifest, progress=progress, encoding=encoding)
    paragraphs = split_paragraphs(documents)
    figures = extract_figures(documents, progress=progress)
    claims, comparisons, memberships = build_claims(
        figures, documents, aliases=find_aliases(path, aliases), tolerances=tolerances, progress=progress
    )
    log.info("pipeline: %d documents, %d figures, %d claims", len(documents), len(figures), len(claims))
    return PipelineResult(
        documents,
        paragraphs,
        figures,
        claims,
        comparisons,
        memberships,
        load_report=load_report(documents),
        manifest_outlets=manifest_outlets(path, manifest),
    )


def find_aliases(path: str | Path, aliases: str | Path | Literal["auto"] | None) -> Path | None:
    """Resolve ``aliases="auto"``: the corpus folder's ``aliases.csv``, if it has one."""
    if aliases != "auto":
        return None if aliases is None else Path(aliases)
    candidate = Path(path) / "aliases.csv"
    return candidate if Path(path).is_dir() and candidate.is_file() else None


def read_pipeline(folder: str | Path) -> PipelineResult:
    """Read the tables ``run_pipeline(...).write(folder)`` or :func:`corpuslab.stream.stream_pipeline` wrote."""
    names = ("documents", "paragraphs", "figures", "claims", "comparisons", "memberships", "load_report")
    _, frames = outdir.read_tables(folder, names)  # exactly one format, and a streamed run only if finished
    return PipelineResult(**frames)


def is_pipeline_folder(path: str | Path) -> bool:
    """Whether ``path`` holds written pipeline tables rather than a corpus."""
    return outdir.holds_tables(path)

"""The whole job on one corpus: load -> paragraphs -> figures (-> claims -> validation, as stages land).

Examples
--------
>>> result = run_pipeline("seeds/")          # doctest: +SKIP
>>> result.figures.head()                     # doctest: +SKIP
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pandas as pd

from corpuslab import store
from corpuslab.extract import extract_figures
from corpuslab.load import Fields, load_documents, load_report
from corpuslab.segment import split_paragraphs

log = logging.getLogger(__name__)


@dataclass
class PipelineResult:
    """Every table the pipeline built, by name."""

    documents: pd.DataFrame
    paragraphs: pd.DataFrame
    figures: pd.DataFrame
    load_report: pd.DataFrame
    extra: dict[str, pd.DataFrame] = field(default_factory=dict)

    def tables(self) -> dict[str, pd.DataFrame]:
        """Return the tables by name, in pipeline order."""
        return {
            "documents": self.documents,
            "paragraphs": self.paragraphs,
            "figures": self.figures,
            "load_report": self.load_report,
            **self.extra,
        }

    def write(self, folder: str | Path, *, fmt: Literal["parquet", "csv"] = "parquet") -> list[Path]:
        """Write every table to ``folder/<name>.<fmt>``; return the paths written."""
        return [store.write_table(frame, Path(folder) / f"{name}.{fmt}") for name, frame in self.tables().items()]


def run_pipeline(
    path: str | Path,
    *,
    fields: Fields | None = None,
    manifest: str | Path | Literal["auto"] | None = "auto",
    progress: bool | None = None,
) -> PipelineResult:
    """Load a corpus and build every table from it.

    Returns
    -------
    PipelineResult
        The documents, paragraphs, figures and load report tables.
    """
    documents = load_documents(path, fields=fields, manifest=manifest, progress=progress)
    paragraphs = split_paragraphs(documents)
    figures = extract_figures(documents, progress=progress)
    log.info("pipeline: %d documents, %d figures", len(documents), len(figures))
    return PipelineResult(documents, paragraphs, figures, load_report(documents))

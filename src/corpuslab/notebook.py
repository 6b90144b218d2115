"""What the notebooks read: the tables ``corpuslab run CORPUS --out-dir DIR`` wrote, or a corpus run once.

Notebooks pass ``$CORPUSLAB_TABLES``, a folder of written tables (``make report`` sets it, so the
pipeline runs once for the whole report, not once per notebook); without it they run the pipeline
on ``$CORPUSLAB_CORPUS`` (the seeds by default), without progress bars: a notebook has no terminal.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pandas as pd

from corpuslab import store
from corpuslab.pipeline import PipelineResult, read_pipeline, run_pipeline

log = logging.getLogger(__name__)

# Tables the pipeline may write beside the seven read_pipeline knows; read when present.
OPTIONAL_TABLES = ("sentences", "events")


def load_tables(tables: str | Path | None = None, *, corpus: str | Path = "seeds") -> PipelineResult:
    """Return the pipeline's tables: read from the folder ``tables``, else built from ``corpus`` once.

    Notebooks pass ``$CORPUSLAB_TABLES`` and ``$CORPUSLAB_CORPUS``. Tables such as ``sentences`` and
    ``events``, when written, are in ``result.extra`` (or attributes, as the pipeline has them).
    """
    if tables:
        log.info("reading tables from %s", tables)
        return read_tables(tables)
    log.info("running the pipeline on %s", corpus)
    return run_pipeline(corpus, progress=False)


def read_tables(folder: str | Path) -> PipelineResult:
    """Read every table in ``folder``, the optional ones (sentences, events) into ``extra``."""
    result = read_pipeline(folder)
    for name in OPTIONAL_TABLES:
        if name in result.tables():
            continue
        candidates = (Path(folder) / f"{name}.parquet", Path(folder) / f"{name}.csv", Path(folder) / name)
        found = next((p for p in candidates if p.exists()), None)
        if found is not None:
            result.extra[name] = store.read_table(found)
    return result


def optional_table(result: PipelineResult, name: str) -> pd.DataFrame | None:
    """The table ``name`` if the pipeline wrote it (an attribute or in ``extra``), else None."""
    frame = getattr(result, name, None)
    if frame is None:
        frame = result.tables().get(name)
    return None if frame is None or frame.empty else frame


__all__ = ["load_tables", "optional_table", "read_tables"]

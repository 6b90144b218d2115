"""corpuslab: which figures do news outlets agree on?

A chain of tidy pandas tables, one per stage::

    documents = corpuslab.load_documents("seeds/")
    figures = corpuslab.extract_figures(documents)
    claims, comparisons, memberships = corpuslab.build_claims(figures, documents)

Heavy libraries (Great Expectations, Dask, matplotlib, pint, trafilatura) are
imported only by the functions that need them, so ``import corpuslab`` stays fast.
"""

from __future__ import annotations

import logging
from importlib.metadata import PackageNotFoundError, version

from corpuslab.compare import ClaimTables, Tolerances, build_claims, load_aliases
from corpuslab.errors import CorpusLabError
from corpuslab.extract import extract_figures, find_figures
from corpuslab.load import Fields, iter_documents, load_documents, load_report
from corpuslab.pipeline import PipelineResult, read_pipeline, run_pipeline
from corpuslab.segment import split_paragraphs, split_sentences
from corpuslab.store import read_table, write_table
from corpuslab.summary import summarize_claims, summarize_documents, summarize_figures
from corpuslab.validate import validate  # the function; Great Expectations loads on its first call

try:
    __version__ = version("corpuslab")
except PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0.0.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())


__all__ = [
    "ClaimTables",
    "CorpusLabError",
    "Fields",
    "PipelineResult",
    "Tolerances",
    "__version__",
    "build_claims",
    "extract_figures",
    "find_figures",
    "iter_documents",
    "load_aliases",
    "load_documents",
    "load_report",
    "read_pipeline",
    "read_table",
    "run_pipeline",
    "split_paragraphs",
    "split_sentences",
    "summarize_claims",
    "summarize_documents",
    "summarize_figures",
    "validate",
    "write_table",
]

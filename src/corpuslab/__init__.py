"""corpuslab: which figures do news outlets agree on?

A chain of tidy pandas tables, one per stage::

    documents = corpuslab.load_documents("seeds/")
    figures = corpuslab.extract_figures(documents)
    claims, comparisons, memberships = corpuslab.build_claims(figures, documents)

Heavy libraries (pandas, Great Expectations, Dask, matplotlib, pint, trafilatura) are
imported only when first needed, so ``import corpuslab`` stays fast.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any

from corpuslab.errors import CorpusLabError
from corpuslab.validate import validate  # the function; light: Great Expectations loads on its first call

if TYPE_CHECKING:
    from corpuslab.compare import ClaimTables, Tolerances, build_claims, load_aliases
    from corpuslab.extract import extract_figures, find_figures
    from corpuslab.load import Fields, iter_documents, load_documents, load_report
    from corpuslab.pipeline import PipelineResult, read_pipeline, run_pipeline
    from corpuslab.segment import split_paragraphs, split_sentences
    from corpuslab.store import read_table, write_table
    from corpuslab.summary import summarize_claims, summarize_documents, summarize_figures

# Each public name and the module that defines it, imported on first use: pandas alone takes most of a
# second to import, and `corpuslab --version`, a notebook's first cell or a worker need not wait for it.
_LAZY = {
    "ClaimTables": "compare", "Tolerances": "compare", "build_claims": "compare", "load_aliases": "compare",
    "extract_figures": "extract", "find_figures": "extract",
    "Fields": "load", "iter_documents": "load", "load_documents": "load", "load_report": "load",
    "PipelineResult": "pipeline", "read_pipeline": "pipeline", "run_pipeline": "pipeline",
    "split_paragraphs": "segment", "split_sentences": "segment",
    "read_table": "store", "write_table": "store",
    "summarize_claims": "summary", "summarize_documents": "summary", "summarize_figures": "summary",
}  # fmt: skip


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value: Any = version("corpuslab")
        except PackageNotFoundError:  # running from a source tree without an install
            value = "0.0.0"
    elif name in _LAZY:
        value = getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    else:
        try:  # a submodule not imported yet: corpuslab.pipeline, corpuslab.plots, ...
            value = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


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

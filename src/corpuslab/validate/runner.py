"""Running suites with Great Expectations: an in-memory context, strict suite building, result rows.

Importing this module imports Great Expectations (about two seconds); :mod:`corpuslab.validate`
imports it only when validation runs.
"""

from __future__ import annotations

import logging
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)  # sre_constants/sre_parse inside GX on Python 3.11
    import great_expectations as gx
    from great_expectations.compatibility.pydantic import ValidationError as GxValidationError
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )
    from great_expectations.exceptions import ExpectationNotFoundError
    from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

from corpuslab.errors import SuiteError
from corpuslab.validate import custom  # noqa: F401  registers corpuslab's expectations with GX

if TYPE_CHECKING:
    from corpuslab.validate import Suite

# GX turns on warnings-to-logging for the whole process at import; a library must not change that.
logging.captureWarnings(False)
log = logging.getLogger(__name__)

_EXAMPLE_COLUMNS = {
    "documents": ("doc_id",), "paragraphs": ("doc_id", "paragraph_index"), "figures": ("doc_id", "surface"),
    "claims": ("claim_id", "subject"), "comparisons": ("claim_id", "doc_id_a", "doc_id_b"),
    "memberships": ("figure_id", "role"),
}  # fmt: skip
_EXAMPLES = 3


class Session:
    """An in-memory GX context for one validation run (nothing is written unless Data Docs are asked for)."""

    def __init__(self, *, docs_dir: str | Path | None = None, progress: bool = False) -> None:
        self.docs_dir = Path(docs_dir).resolve() if docs_dir is not None else None
        config = DataContextConfig(
            store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
            progress_bars=ProgressBarsConfig(globally=progress),
            analytics_enabled=False,
        )
        self.context = gx.get_context(mode="ephemeral", project_config=config)
        if self.docs_dir is not None:
            self.docs_dir.mkdir(parents=True, exist_ok=True)
            self.context.add_data_docs_site(
                "corpuslab",
                {"class_name": "SiteBuilder",
                 "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(self.docs_dir)}},
            )  # fmt: skip
        self.source = self.context.data_sources.add_pandas("corpuslab")

    def run(self, suite: Suite, frame: pd.DataFrame) -> list[dict[str, Any]]:
        """Validate one table against one suite; return one result row per expectation."""
        frame = frame.reset_index(drop=True)
        _check_columns(suite, frame)
        gx_suite = build_suite(suite)
        asset = self.source.add_dataframe_asset(suite.name)
        batch_definition = asset.add_batch_definition_whole_dataframe("all")
        result_format = {"result_format": "COMPLETE", "return_unexpected_index_query": False}
        if self.docs_dir is None:
            batch = batch_definition.get_batch(batch_parameters={"dataframe": frame})
            outcome = batch.validate(gx_suite, result_format=result_format)
        else:  # a stored validation run is what Data Docs render; run the suite once, that way
            stored = self.context.suites.add(gx_suite)
            definition = self.context.validation_definitions.add(
                gx.ValidationDefinition(name=suite.name, data=batch_definition, suite=stored)
            )
            outcome = definition.run(batch_parameters={"dataframe": frame}, result_format=result_format)
        return [_row(suite, r, frame) for r in _in_suite_order(suite, outcome.results)]

    def build_docs(self) -> Path | None:
        """Write Data Docs for every suite run so far; return the index page."""
        if self.docs_dir is None:
            return None
        self.context.build_data_docs(site_names=["corpuslab"])
        return self.docs_dir / "index.html"


def build_suite(suite: Suite) -> gx.ExpectationSuite:
    """Build a GX suite, refusing unknown types and bad arguments (GX would drop them without a word)."""
    built, problems = [], []
    for i, raw in enumerate(suite.expectations):
        try:
            built.append(ExpectationConfiguration(**raw).to_domain_obj())
        except ExpectationNotFoundError:
            problems.append(f"expectation #{i}: unknown type {raw.get('type')!r}")
        except (GxValidationError, TypeError, ValueError) as exc:
            problems.append(f"expectation #{i} ({raw.get('type')}): invalid arguments: {' '.join(str(exc).split())}")
    if problems:
        raise SuiteError(f"{suite.path}: " + "; ".join(problems) + ". Fix the suite file.")
    gx_suite = gx.ExpectationSuite(name=suite.name, expectations=built)
    if len(gx_suite.expectations) != len(suite.expectations):
        raise SuiteError(
            f"{suite.path}: {len(suite.expectations)} expectations written but "
            f"{len(gx_suite.expectations)} loaded; check the types are spelled right."
        )
    return gx_suite


def _check_columns(suite: Suite, frame: pd.DataFrame) -> None:
    for i, raw in enumerate(suite.expectations):
        unknown = [c for c in _columns(raw.get("kwargs", {})) if c not in frame.columns]
        if unknown:
            raise SuiteError(
                f"{suite.path}: expectation #{i} ({raw.get('type')}) names {unknown}, which the "
                f"{suite.table} table does not have; its columns are {list(frame.columns)}."
            )


def _in_suite_order(suite: Suite, results: list[Any]) -> list[Any]:
    """GX returns results in its own order; a reader expects the suite's."""
    order = {(raw.get("meta") or {}).get("name", raw["type"]): i for i, raw in enumerate(suite.expectations)}
    return sorted(
        results,
        key=lambda r: order.get((r.expectation_config.meta or {}).get("name", r.expectation_config.type), len(order)),
    )


def _row(suite: Suite, result: Any, frame: pd.DataFrame) -> dict[str, Any]:
    config = result.expectation_config
    meta = config.meta or {}
    kwargs = {k: v for k, v in config.kwargs.items() if k != "batch_id"}
    detail = result.result or {}
    index = list(detail.get("unexpected_index_list") or [])
    index = [i for i in index if isinstance(i, int)]
    severity = meta.get("severity", "error")
    failed = not result.success
    error = _exception(result.exception_info)
    return {
        "suite": suite.name,
        "expectation": meta.get("name", config.type),
        "type": config.type,
        "column": ", ".join(_columns(kwargs)),
        "severity": severity,
        "status": severity if failed else "passed",
        "unexpected_count": int(detail.get("unexpected_count") or (len(index) if failed else 0)),
        "n_rows": len(frame),
        "examples": error or "; ".join(_example(frame, suite.table, i) for i in index[:_EXAMPLES]),
        "note": meta.get("note", ""),
        "unexpected_index": index,
    }


def _columns(kwargs: dict[str, Any]) -> list[str]:
    named = [kwargs.get("column"), kwargs.get("column_A"), kwargs.get("column_B"), *kwargs.get("column_list", [])]
    return [c for c in named if c is not None]


def _example(frame: pd.DataFrame, table: str, index: int) -> str:
    row = frame.loc[index]
    return " ".join(
        f"{row[c]}" if c != "surface" else repr(row[c]) for c in _EXAMPLE_COLUMNS.get(table, ()) if c in frame.columns
    )


def _exception(info: dict[str, Any]) -> str | None:
    if not info:
        return None
    if "raised_exception" in info:
        return info["exception_message"] if info["raised_exception"] else None
    messages = [v.get("exception_message") for v in info.values() if isinstance(v, dict) and v.get("raised_exception")]
    return "; ".join(m for m in messages if m) or None

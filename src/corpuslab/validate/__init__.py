"""Validate stage: the pipeline's tables x expectation suites (Great Expectations) -> results.

Suites are plain JSON files a person edits, one per table. The defaults ship inside the package
(``corpuslab/suites/*.json``); :func:`copy_default_suites` copies them out for a team to edit, and
``suites_dir`` points validation at the edited copy. Each expectation's ``meta`` gives its
``severity`` (``error``: the table is broken; ``finding``: the news disagrees, reported and kept)
and a ``note`` saying what breaks when it fails. Validation runs in an in-memory GX context built
from those files: nothing is written to the repository, and GX is imported only here, only when
validation runs.

Examples
--------
>>> result = corpuslab.run_pipeline("seeds/")                  # doctest: +SKIP
>>> results = corpuslab.validate(result)                       # doctest: +SKIP
>>> results[results["status"] != "passed"]                     # doctest: +SKIP
"""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from corpuslab.errors import SuiteError

if TYPE_CHECKING:
    import pandas as pd

# pandas and the derived columns are imported by the functions that use them: `import corpuslab` binds
# this package's validate(), and stays fast only if that binds nothing heavy.
log = logging.getLogger(__name__)

SEVERITIES = ("error", "finding")
RESULT_COLUMNS = ["suite", "expectation", "type", "column", "severity", "status", "unexpected_count", "n_rows",
                  "examples", "note", "unexpected_index"]  # fmt: skip

__all__ = ["SEVERITIES", "Suite", "copy_default_suites", "default_suites_dir", "failed", "load_suites", "validate"]


@dataclass(frozen=True)
class Suite:
    """One suite file: its name, the table it checks, and its expectations as written."""

    name: str
    table: str
    path: Path
    expectations: tuple[dict[str, Any], ...]


def default_suites_dir() -> Path:
    """The folder of suites shipped inside the package (``corpuslab/suites``), wherever it is installed."""
    # A regular package installed from a wheel or a checkout is a folder on disk, so its Traversable is a Path.
    return Path(str(resources.files("corpuslab.suites")))


def copy_default_suites(destination: str | Path, *, overwrite: bool = False) -> list[Path]:
    """Copy the default suites into ``destination`` (created if needed) for a team to edit; return the files.

    Raises :class:`SuiteError`, copying nothing, if a suite file is already there and ``overwrite`` is false.
    """
    folder = Path(destination)
    if folder.exists() and not folder.is_dir():
        raise SuiteError(f"{folder}: exists and is not a folder; name a folder to copy the suites into.")
    sources = sorted(default_suites_dir().glob("*.json"))
    targets = [folder / s.name for s in sources]
    existing = [t for t in targets if t.exists()]
    if existing and not overwrite:
        names = ", ".join(t.name for t in existing)
        raise SuiteError(
            f"{folder}: already holds {names}; edit them in place, or replace them (overwrite=True).",
            cli=f"{folder}: already holds {names}; edit them in place, or replace them with --force.",
        )
    folder.mkdir(parents=True, exist_ok=True)
    for source, target in zip(sources, targets, strict=True):
        shutil.copyfile(source, target)
    log.info("copied %d suites to %s", len(targets), folder)
    return targets


def load_suites(suites_dir: str | Path | None = None, *, suite: str | None = None) -> list[Suite]:
    """Read and check the suite files (JSON shape, table name, severities); raise :class:`SuiteError`."""
    folder = Path(suites_dir) if suites_dir is not None else default_suites_dir()
    if not folder.is_dir():
        raise SuiteError(
            f"{folder}: no such folder of expectation suites; name an existing one, or leave it out for the "
            "default suites (`corpuslab suites init DIR` copies them out to edit)."
        )
    paths = sorted(folder.glob("*.json"))
    if suite is not None:
        paths = [p for p in paths if p.stem == suite]
        if not paths:
            known = ", ".join(sorted(p.stem for p in folder.glob("*.json")))
            raise SuiteError(f"no suite named {suite!r} in {folder}; suites: {known}.")
    if not paths:
        raise SuiteError(f"{folder}: holds no *.json suites.")
    return [_read_suite(p) for p in paths]


def _check_shapes(path: Path, raw: dict[str, Any]) -> None:
    """Name the file and the expectation whose JSON has the wrong shape, before anything reads into it."""
    if not isinstance(raw.get("meta", {}), dict):
        raise SuiteError(f"{path}: the suite's 'meta' must be an object (or left out), not {raw['meta']!r}.")
    for i, expectation in enumerate(raw["expectations"]):
        where = f"{path}: expectation #{i}"
        if not isinstance(expectation, dict):
            raise SuiteError(f"{where} must be an object with 'type', 'kwargs' and 'meta', not {expectation!r}.")
        if not isinstance(expectation.get("type"), str):
            raise SuiteError(f"{where} needs a 'type' naming a Great Expectations expectation.")
        for key in ("kwargs", "meta"):
            if not isinstance(expectation.get(key) or {}, dict):
                raise SuiteError(
                    f"{where} ({expectation['type']}): {key!r} must be an object, not {expectation[key]!r}."
                )


def _read_suite(path: Path) -> Suite:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise SuiteError(f"{path}: cannot be read ({exc}).") from exc
    except json.JSONDecodeError as exc:
        raise SuiteError(f"{path}: not valid JSON ({exc.msg}, line {exc.lineno} column {exc.colno}).") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("expectations"), list):
        raise SuiteError(f"{path}: a suite is an object with a list of 'expectations'.")
    from corpuslab.validate import derived

    _check_shapes(path, raw)
    table = (raw.get("meta") or {}).get("table", path.stem)
    if table not in derived.CHECKED_TABLES:
        raise SuiteError(f"{path}: meta.table {table!r} is not one of {sorted(derived.CHECKED_TABLES)}.")
    names = [(e.get("meta") or {}).get("name", e.get("type")) for e in raw["expectations"]]
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        raise SuiteError(f"{path}: expectation names {repeated} are used twice; give each a meta.name of its own.")
    for i, expectation in enumerate(raw["expectations"]):
        severity = (expectation.get("meta") or {}).get("severity")
        if severity not in SEVERITIES:
            raise SuiteError(
                f"{path}: expectation #{i} ({expectation.get('type')}) needs meta.severity "
                f"'error' or 'finding', not {severity!r}."
            )
    return Suite(raw.get("name", path.stem), table, path, tuple(raw["expectations"]))


def validate(
    tables: Any,
    *,
    suites_dir: str | Path | None = None,
    suite: str | None = None,
    docs_dir: str | Path | None = None,
    manifest_outlets: set[str] | None = None,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Check the pipeline's tables against the suites; return one row per expectation.

    Parameters
    ----------
    tables
        A :class:`corpuslab.PipelineResult` or a mapping of table name to frame (documents,
        paragraphs, figures, claims, memberships).
    suites_dir, suite
        Where the suite files are (default: the suites shipped with corpuslab, :func:`default_suites_dir`),
        and one suite to run.
    docs_dir
        Also write Great Expectations Data Docs (HTML) to this folder.
    manifest_outlets
        Outlets the corpus manifest lists; documents' outlets are checked against them.

    Returns
    -------
    pandas.DataFrame
        One row per expectation: suite, expectation, column, severity, ``status`` (``passed``,
        ``error`` or ``finding``), count of unexpected rows and a few examples.
    """
    import pandas as pd

    from corpuslab.validate import derived, runner  # Great Expectations is imported here, not before

    suites = load_suites(suites_dir, suite=suite)
    if manifest_outlets is None:
        manifest_outlets = getattr(tables, "manifest_outlets", None)
    frames = derived.checked_tables(_as_mapping(tables), manifest_outlets=manifest_outlets)
    rows: list[dict[str, Any]] = []
    show = _show_progress(progress)
    session = runner.Session(docs_dir=docs_dir, progress=show)
    for s in suites:
        rows.extend(session.run(s, frames[s.table]))
    if docs_dir is not None:
        session.build_docs()
    return pd.DataFrame(rows, columns=RESULT_COLUMNS)


def failed(results: pd.DataFrame, *, fail_on: Literal["errors", "findings"] = "errors") -> bool:
    """Whether the results fail at the chosen level (findings include errors)."""
    levels = {"errors": ("error",), "findings": ("error", "finding")}[fail_on]
    return bool(results["status"].isin(levels).any())


def _as_mapping(tables: Any) -> Mapping[str, pd.DataFrame]:
    if hasattr(tables, "tables"):
        return tables.tables()
    if isinstance(tables, Mapping):
        return tables
    raise SuiteError("validate() takes a PipelineResult or a mapping of table name to DataFrame.")


def _show_progress(progress: bool | None) -> bool:
    from corpuslab.progress import show

    return show(progress)

"""Command line: ``corpuslab load|extract|compare|validate|run|suites ...``; parsing, printing and exit codes only.

Exit codes (see ``EXIT_CODES``): 0 success, 1 a check failed at the chosen level, 2 could not run,
3 no document loaded, 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import argparse
import difflib
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

import corpuslab
from corpuslab.compare.events import THRESHOLD as EVENT_THRESHOLD
from corpuslab.compare.events import WINDOW_DAYS
from corpuslab.engines import Options
from corpuslab.errors import CorpusLabError, EngineError
from corpuslab.extract.dollars import AUTO
from corpuslab.outdir import check_replaceable, table_format
from corpuslab.units import DOLLAR_CURRENCIES

EXIT_OK, EXIT_FAILED, EXIT_CANNOT_RUN, EXIT_NO_DOCUMENTS = 0, 1, 2, 3
EXIT_INTERRUPTED = 130
EXIT_CODES = f"""\
exit codes:
  {EXIT_OK}  done, and every check asked for held
  {EXIT_FAILED}  a check failed: validation at the --fail-on level (errors by default for `validate`),
     or --fail-on load-errors and some input was lost (a load report row of severity error)
  {EXIT_CANNOT_RUN}  could not run: a bad option, a path that does not exist, an unreadable or invalid suite,
     an internal error
  {EXIT_NO_DOCUMENTS}  no document loaded: every input was lost, or none was found (see the load report)
  {EXIT_INTERRUPTED}  interrupted (Ctrl-C); nothing half-written is left in --out-dir
"""
# On `run` the outlets are a glance at the corpus; `corpuslab load PATH` lists them all.
_RUN_TOP_OUTLETS = 10
_SHOWN_PROBLEMS = 20
# A few lines per problem word, so one kind (36 empty texts) cannot hide another (which keys were read).
_SHOWN_PER_PROBLEM = 5
log = logging.getLogger("corpuslab.cli")


def _input_options(parser: argparse.ArgumentParser, *, tables: bool = False) -> None:
    where = "corpus folder or file (txt, md, jsonl, csv, html; .gz ok)"
    if tables:
        where += ", or a folder of tables `run --out-dir` wrote"
    parser.add_argument("path", type=Path, help=where)
    parser.add_argument(
        "--manifest",
        default="auto",
        help="CSV of doc_id,outlet,title,published,url merged by doc_id "
        "(default: sources.csv in the folder; 'none' to skip)",
    )
    parser.add_argument("--text-field", default="text", help="JSONL key / CSV column holding the text")
    parser.add_argument("--id-field", default="doc_id", help="JSONL key / CSV column holding the id")
    parser.add_argument("--outlet-field", default="outlet", help="JSONL key / CSV column holding the outlet")
    parser.add_argument("--title-field", default="title", help="JSONL key / CSV column holding the title")
    parser.add_argument("--date-field", default="published", help="JSONL key / CSV column holding the date")
    parser.add_argument("--url-field", default="url", help="JSONL key / CSV column holding the address")
    parser.add_argument(
        "--event-field",
        default="event_id",
        help="JSONL key / CSV column holding the corpus's own event id; it wins over event clustering",
    )
    parser.add_argument(
        "--encoding", default="utf-8", help="encoding of the article files (default utf-8; e.g. cp1252, latin-1)"
    )
    parser.add_argument("--no-progress", action="store_true", help="never show progress bars")


# Fields' attribute -> the option that names its key, so load messages speak in CLI flags.
_FIELD_OPTIONS = {
    "text": "text_field", "doc_id": "id_field", "outlet": "outlet_field", "title": "title_field",
    "published": "date_field", "url": "url_field", "event": "event_field",
}  # fmt: skip


class _CliFields(corpuslab.Fields):
    """Fields whose load messages name the CLI flag (--text-field KEY), not Fields(text=...)."""

    def option(self, attr: str, key: str | None = None) -> str:
        return f"--{_FIELD_OPTIONS[attr].replace('_', '-')} {key or 'KEY'}"


def _fields(args: argparse.Namespace) -> corpuslab.Fields:
    return _CliFields(**{attr: getattr(args, option) for attr, option in _FIELD_OPTIONS.items()})


def _none_or(value: str | None) -> str | None:
    """An option that takes a path, ``auto`` or ``none``: the word ``none`` turns the file off."""
    return None if str(value).lower() == "none" else value


def _progress(args: argparse.Namespace) -> bool | None:
    return False if args.no_progress else None


def _load(args: argparse.Namespace) -> pd.DataFrame:
    return corpuslab.load_documents(
        args.path,
        fields=_fields(args),
        manifest=_none_or(args.manifest),
        progress=_progress(args),
        encoding=args.encoding,
    )


def _print_table(frame: pd.DataFrame, title: str) -> None:
    print(f"\n{title}")
    with pd.option_context(
        "display.width", 160, "display.max_columns", 20, "display.max_colwidth", 60, "display.max_rows", 200
    ):
        print(frame.to_string() if len(frame) else "(none)")


def _print_documents(
    summary: pd.DataFrame, *, max_documents: int = 20, max_outlets: int | None = None, path: Path | None = None
) -> None:
    if len(summary) <= max_documents:
        _print_table(summary, "documents")
        return
    by_outlet = (
        summary.assign(outlet=summary["outlet"].fillna("(no outlet)"))
        .groupby("outlet")
        .agg(documents=("n_words", "size"), words=("n_words", "sum"), flagged_paragraphs=("n_flagged", "sum"))
        .sort_values("documents", ascending=False)
    )
    title = f"{len(summary)} documents by outlet"
    if max_outlets is None or len(by_outlet) <= max_outlets:
        _print_table(by_outlet, title)
        return
    _print_table(by_outlet.head(max_outlets), f"{title} (the {max_outlets} largest of {len(by_outlet)} outlets)")
    print(f"  ... and {len(by_outlet) - max_outlets} more outlets (corpuslab load {path} lists them all)")


def _cmd_load(args: argparse.Namespace) -> int:
    documents = _load(args)
    report = corpuslab.load_report(documents)
    _print_problems(report, len(documents), more="write them all with: --table load_report --out FILE.csv")
    tables = {"documents": documents, "load_report": report}
    if args.table in ("paragraphs", "sentences"):
        tables["paragraphs"] = corpuslab.split_paragraphs(documents)
        tables["sentences"] = corpuslab.split_sentences(documents, paragraphs=tables["paragraphs"])
    if args.out:
        corpuslab.write_table(tables[args.table], args.out)
        print(f"wrote {len(tables[args.table])} rows of {args.table} to {args.out}", file=sys.stderr)
    elif len(documents):
        paragraphs = tables["paragraphs"] if "paragraphs" in tables else corpuslab.split_paragraphs(documents)
        _print_documents(corpuslab.summarize_documents(documents, paragraphs))
    return _load_exit(report, len(documents), args)


def _many(n: int, noun: str) -> str:
    """ "1 document", "3 documents", "1,200 warnings"; a participle stays as it is ("2 skipped")."""
    return f"{n:,} {noun}{'' if n == 1 or noun.endswith('ed') else 's'}"


def _print_problems(report: pd.DataFrame, n_documents: int, *, more: str) -> None:
    """The load summary and its first problems, on stderr; ``more`` says where to find them all."""
    counts = report["severity"].value_counts().to_dict() if len(report) else {}
    parts = ", ".join(_many(n, k) for k, n in sorted(counts.items())) or "no problems"
    print(f"loaded {_many(n_documents, 'document')}; load report: {parts}", file=sys.stderr)
    if not len(report):
        return
    shown = report.groupby("problem", sort=False).head(_SHOWN_PER_PROBLEM).head(_SHOWN_PROBLEMS)
    for row in shown.itertuples(index=False):
        where = f"{row.path}:{row.line}" if pd.notna(row.line) else row.path
        print(f"  {row.severity}: {where}: {row.problem}: {row.message}", file=sys.stderr)
    hidden = report.drop(index=shown.index)["problem"].value_counts(sort=False)
    if len(hidden):
        which = ", ".join(f"{n} {problem}" for problem, n in hidden.items())
        print(f"  ... and {hidden.sum()} more ({which}); {more}", file=sys.stderr)


def _via_load(args: argparse.Namespace) -> str:
    """This command cannot write the load report; `load` can, given the same input options."""
    return f"write them all with: corpuslab load {args.path} --table load_report --out FILE.csv"


def _load_exit(report: pd.DataFrame, n_documents: int, args: argparse.Namespace) -> int:
    """EXIT_NO_DOCUMENTS when nothing loaded, EXIT_FAILED on lost input under --fail-on load-errors, else EXIT_OK."""
    if n_documents == 0:
        print("corpuslab: no document loaded; the load report above says why.", file=sys.stderr)
        return EXIT_NO_DOCUMENTS
    n_lost = int((report["severity"] == "error").sum()) if len(report) else 0
    if n_lost and "load-errors" in (args.fail_on or ()):
        print(f"corpuslab: {_many(n_lost, 'input')} lost (load report errors); "
              "failing as --fail-on load-errors asks.",
              file=sys.stderr)  # fmt: skip
        return EXIT_FAILED
    return EXIT_OK


def _cmd_extract(args: argparse.Namespace) -> int:
    documents = _load(args)
    report = corpuslab.load_report(documents)
    _print_problems(report, len(documents), more=_via_load(args))
    figures = corpuslab.extract_figures(documents, progress=_progress(args), dollar=args.dollar)
    if args.out:
        corpuslab.write_table(figures, args.out)
        print(f"wrote {len(figures)} figures to {args.out}", file=sys.stderr)
    elif len(documents):
        _print_figures(figures)
    return _load_exit(report, len(documents), args)


def _print_figures(figures: pd.DataFrame, *, max_documents: int = 20) -> None:
    shown = corpuslab.summarize_figures(figures)
    if shown["doc_id"].nunique() > max_documents:  # a large corpus: counts, not every figure
        _print_table(shown.groupby("kind").size().sort_values(ascending=False).to_frame("figures"), "figures by kind")
    else:
        for doc_id, rows in shown.groupby("doc_id", sort=True):
            _print_table(rows.drop(columns="doc_id").set_index("surface"), f"figures in {doc_id}")
    flagged = len(figures) - len(shown)
    where = _many(shown["doc_id"].nunique(), "document")
    print(
        f"\n{_many(len(shown), 'figure')} in {where}; {flagged} more in boilerplate or "
        "repeated paragraphs (kept in the figures table, flagged)"
    )


def _tolerances(args: argparse.Namespace) -> corpuslab.Tolerances:
    return corpuslab.Tolerances(approximate=args.approximate, exact=args.exact)


def _cmd_compare(args: argparse.Namespace) -> int:
    result = _pipeline(args)
    _print_problems(result.load_report, len(result.documents), more=_via_load(args))
    if args.out:
        table = getattr(result, args.table)
        corpuslab.write_table(table, args.out)
        print(f"wrote {len(table)} rows of {args.table} to {args.out}", file=sys.stderr)
    elif len(result.documents):
        _print_claims(result.claims, min_sources=1 if args.all else 2)
    return _load_exit(result.load_report, len(result.documents), args)


def _claims_line(counts: dict[str, int]) -> str:
    """ "claims: 23,900 (22,519 single_source, 1,364 consistent, ...)" """
    by_verdict = ", ".join(f"{n:,} {v}" for v, n in counts.items())
    return f"\nclaims: {sum(counts.values()):,}" + (f" ({by_verdict})" if by_verdict else "")


def _print_claims(claims: pd.DataFrame, *, min_sources: int = 2, max_shown: int = 40) -> None:
    shown = corpuslab.summarize_claims(claims, min_sources=min_sources)
    counts = claims["verdict"].value_counts().to_dict()
    print(_claims_line(counts))
    which = "every claim" if min_sources == 1 else f"claims stated by {min_sources} or more sources"
    print(f"{which}, conflicts first:")
    for row in shown.head(max_shown).itertuples(index=False):
        print(f"\n  [{row.verdict}: {row.reason_code}] {row.subject} | {row.measure} | scope: {row.scope}")
        print(f"    {row.reason}")
    if shown.empty:
        print("  (none)")
    elif len(shown) > max_shown:
        print(f"\n  ... and {len(shown) - max_shown} more (corpuslab compare PATH --out claims.csv writes them all)")


def _unchecked_fail_on(args: argparse.Namespace) -> str | None:
    """Why a --fail-on level asked of `run` could never fail this run (it does not validate), or None."""
    levels = [level for level in ("errors", "findings") if level in (args.fail_on or ())]
    if not levels or not (args.stream or args.no_validate):
        return None
    asked = " ".join(f"--fail-on {level}" for level in levels)
    if args.stream:
        out_dir = args.out_dir or "OUT_DIR"
        return (
            f"--stream does not validate, so {asked} could never fail; drop {asked} here and run "
            f"`corpuslab validate {out_dir} {asked}` on its output (--fail-on load-errors works with --stream)"
        )
    return f"--no-validate skips validation, so {asked} could never fail; drop --no-validate, or drop {asked}"


def _misplaced_format(args: argparse.Namespace) -> str | None:
    """Why --format cannot do what it says here, or None: a flag that does nothing must not look obeyed."""
    if args.format and not args.out_dir:
        return f"--format {args.format} chooses how --out-dir writes its tables; add --out-dir DIR or drop --format"
    if args.format == "csv" and args.stream:
        return "--stream writes Parquet parts; drop --format csv (or drop --stream to write CSV)"
    return None


def _cmd_run(args: argparse.Namespace) -> int:
    unchecked = _unchecked_fail_on(args)
    if unchecked:  # refused before any work: CI would read a silent 0 as "checked and passed"
        print(f"corpuslab: error: {unchecked}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    misplaced = _misplaced_format(args)
    if misplaced:
        print(f"corpuslab: error: {misplaced}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    if args.out_dir:  # refused before the corpus is loaded, not after
        check_replaceable(args.out_dir, overwrite=args.overwrite)
    if args.stream:
        return _run_streamed(args)
    result = _pipeline(args)
    more = (
        f"all are in the load_report table in {args.out_dir}" if args.out_dir else "write them all with: --out-dir DIR"
    )
    _print_problems(result.load_report, len(result.documents), more=more)
    if args.out_dir:
        paths = result.write(args.out_dir, fmt=args.format or "parquet", overwrite=args.overwrite)
        print(f"wrote {len(paths)} tables to {args.out_dir}", file=sys.stderr)
    loaded = _load_exit(result.load_report, len(result.documents), args)
    if not len(result.documents):
        return loaded
    summary = corpuslab.summarize_documents(result.documents, result.paragraphs)
    _print_documents(summary, max_outlets=_RUN_TOP_OUTLETS, path=args.path)
    _print_figures(result.figures)
    _print_claims(result.claims)
    if args.no_validate:
        return loaded
    from corpuslab.validate import failed

    results = corpuslab.validate(result, suites_dir=args.suites, progress=_progress(args))
    _print_validation(results, result.claims)
    levels = [level for level in ("findings", "errors") if level in (args.fail_on or ())]
    if levels and failed(results, fail_on=levels[0]):
        return EXIT_FAILED
    return loaded


def _run_streamed(args: argparse.Namespace) -> int:
    from corpuslab.stream import stream_pipeline

    if not args.out_dir:
        print("corpuslab: error: --stream writes its tables as it goes; give --out-dir DIR", file=sys.stderr)
        return EXIT_CANNOT_RUN
    if args.engine != "local":  # refused, never run in-process in its stead
        raise EngineError(
            "--stream runs in this process in bounded memory; drop --engine dask (or drop --stream to run on Dask)"
        )
    summary = stream_pipeline(
        args.path, args.out_dir, batch_size=args.batch_size, overwrite=args.overwrite, **_pipeline_options(args)
    )
    report = _written_load_report(summary.out_dir)
    n_documents = summary.counts.get("documents", 0)
    _print_problems(report, n_documents, more=f"all are in the load_report table in {summary.out_dir}")
    rows = pd.DataFrame({"rows": summary.counts}).rename_axis("table")
    _print_table(rows, f"tables written to {summary.out_dir}")
    print(_claims_line(summary.verdicts))
    print(f"validate them with: corpuslab validate {summary.out_dir}")
    return _load_exit(report, n_documents, args)


def _written_load_report(folder: Path) -> pd.DataFrame:
    """The load report a run wrote to ``folder`` (empty when it had nothing to report)."""
    parts = Path(folder) / "load_report"  # only this table: the others may be far larger than memory
    return corpuslab.read_table(parts) if parts.is_dir() else pd.DataFrame(columns=["severity"])


def _cmd_validate(args: argparse.Namespace) -> int:
    from corpuslab.validate import failed

    is_tables = corpuslab.pipeline.is_pipeline_folder(args.path)  # tables written by `run`, or a corpus
    if is_tables:
        print(f"validating {table_format(args.path)} tables in {args.path}", file=sys.stderr)
    result = corpuslab.read_pipeline(args.path) if is_tables else _pipeline(args)
    report = result.load_report if "severity" in result.load_report.columns else pd.DataFrame(columns=["severity"])
    more = f"all are in the load_report table in {args.path}" if is_tables else _via_load(args)
    _print_problems(report, len(result.documents), more=more)
    loaded = _load_exit(report, len(result.documents), args)
    if not len(result.documents):
        return loaded
    results = corpuslab.validate(
        result,
        suites_dir=args.suites,
        suite=args.suite,
        docs_dir=args.docs,
        progress=_progress(args),
    )
    if args.out:
        corpuslab.write_table(results.drop(columns="unexpected_index"), args.out)
    _print_validation(results, result.claims)
    if args.docs:
        print(f"Data Docs: {Path(args.docs) / 'index.html'}", file=sys.stderr)
    level = "findings" if "findings" in (args.fail_on or ()) else "errors"  # a broken table always fails validate
    return EXIT_FAILED if failed(results, fail_on=level) else loaded


def _cmd_suites_init(args: argparse.Namespace) -> int:
    from corpuslab.validate import copy_default_suites

    written = copy_default_suites(args.folder, overwrite=args.force)
    for path in written:
        print(path)
    print(
        f"copied {len(written)} suites to {args.folder}; edit them, then pass --suites {args.folder} "
        "to `corpuslab validate` or `corpuslab run`",
        file=sys.stderr,
    )
    return EXIT_OK


def _print_validation(results: pd.DataFrame, claims: pd.DataFrame) -> None:
    shown = results[["suite", "expectation", "column", "status", "unexpected_count", "examples"]].rename(
        columns={"unexpected_count": "unexpected"}
    )
    _print_table(shown.set_index(["suite", "expectation"]), "validation")
    counts = results["status"].value_counts().to_dict()
    print(f"\nvalidation: {len(results)} expectations; " + ", ".join(f"{n} {s}" for s, n in sorted(counts.items())))
    findings = results[(results["status"] == "finding") & (results["suite"] == "claims")]
    for row in findings.itertuples(index=False):
        print(f"findings ({row.expectation}): {row.unexpected_count} claims where outlets disagree")
        for index in row.unexpected_index:
            claim = claims.iloc[index]
            print(f"  - {claim['subject']} ({claim['scope']}): {claim['reason']}")


def _share(text: str) -> float:
    """A number from 0 to 1 (a tolerance or a similarity)."""
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{text} is not between 0 and 1")
    return value


def _count(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text} is negative")
    return value


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not 1 or more")
    return value


def _engine_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--engine",
        choices=["local", "dask"],
        default="local",
        help="run in this process (local, default) or on a Dask cluster (dask)",
    )
    parser.add_argument(
        "--scheduler", help="address of a running Dask scheduler (tcp://host:8786); default: a local cluster"
    )
    parser.add_argument(
        "--workers", type=_positive_int, default=2, help="workers of the local Dask cluster (default 2)"
    )


def _pipeline(args: argparse.Namespace) -> corpuslab.PipelineResult:
    return corpuslab.run_pipeline(
        args.path, engine=args.engine, scheduler=args.scheduler, n_workers=args.workers, **_pipeline_options(args)
    )


def _pipeline_options(args: argparse.Namespace) -> dict[str, Any]:
    """The options every whole-pipeline run takes, as the engines name them."""
    return {
        "fields": _fields(args),
        "manifest": _none_or(args.manifest),
        "aliases": _none_or(args.aliases),
        "dollar": args.dollar,
        "tolerances": _tolerances(args),
        "event_threshold": args.event_threshold,
        "window_days": args.window_days,
        "progress": _progress(args),
        "encoding": args.encoding,
    }


def _extract_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dollar",
        type=lambda given: given.lower() if given.lower() == AUTO else given.upper(),
        default=AUTO,
        choices=[*sorted(DOLLAR_CURRENCIES), AUTO],
        help="what a bare $, 'dollars' or 'cents' means (default auto: US dollars unless most of an outlet's "
        "articles are set in one other country that uses dollars; AUD: every bare $ is Australian); US$, $US "
        "and 'US dollars' stay USD",
    )


def _claim_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--aliases",
        default="auto",
        help="CSV of name variants, noun classes and ambiguous names (kind,alias,canonical); "
        "default: aliases.csv in the corpus folder; 'none' to skip",
    )
    parser.add_argument(
        "--approximate", type=_share, default=0.10, help="relative half-width of an approximate figure (default 0.10)"
    )
    parser.add_argument(
        "--event-threshold",
        type=_share,
        default=None,
        help=f"average TF-IDF cosine similarity that makes documents one event (default {EVENT_THRESHOLD})",
    )
    parser.add_argument(
        "--window-days",
        type=_count,
        default=None,
        help=f"how many days apart two reports of one event may be published (default {WINDOW_DAYS})",
    )
    parser.add_argument(
        "--exact",
        type=_share,
        default=0.005,
        help="relative slack on an exact figure beyond its written precision (default 0.005)",
    )


def _fail_on_option(parser: argparse.ArgumentParser, choices: list[str], default: str | None) -> None:
    said = {
        "load-errors": "load-errors: some input was lost (a load report row of severity error)",
        "errors": "errors: a table is broken (an error expectation failed)",
        "findings": "findings: errors, or outlets disagree (a finding)",
    }
    parser.add_argument(
        "--fail-on",
        action="append",
        choices=choices,
        help="exit 1 when " + "; ".join(said[c] for c in choices) + f". May be repeated. Default: {default or 'never'}",
    )


def _suites_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--suites",
        type=Path,
        default=None,
        help="folder of suite JSON files (default: the suites shipped with corpuslab; "
        "`corpuslab suites init DIR` copies them out to edit)",
    )


_VERBOSE_HELP = "log more (-v info, -vv debug)"


def _subparser(sub: Any, name: str, help: str) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        name, help=help, description=help, epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.set_defaults(command_parser=parser)  # so an unknown option is refused in this command's words
    # "corpuslab run x -v" as well as "corpuslab -v run x"; SUPPRESS keeps a -v given before the command.
    parser.add_argument("-v", "--verbose", action="count", default=argparse.SUPPRESS, help=_VERBOSE_HELP)
    return parser


def _refuse_unknown(args: argparse.Namespace, extra: list[str], parser: argparse.ArgumentParser) -> None:
    """Exit 2 naming the unknown options, with the command's own usage and the closest option it has."""
    command: argparse.ArgumentParser = getattr(args, "command_parser", parser)
    known = [o for o in command._option_string_actions if o.startswith("--")]
    hints = []
    for word in (w for w in extra if w.startswith("-")):
        close = difflib.get_close_matches(word.split("=")[0], known, n=1)
        if close:
            hints.append(f"{word.split('=')[0]}: did you mean {close[0]}?")
    command.error(f"unrecognized arguments: {' '.join(extra)}" + ("; " + "; ".join(hints) if hints else ""))


def build_parser() -> argparse.ArgumentParser:
    """Return the ``corpuslab`` argument parser."""
    parser = argparse.ArgumentParser(
        prog="corpuslab",
        description="Which figures do news outlets agree on?",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"corpuslab {corpuslab.__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0, help=_VERBOSE_HELP)
    sub = parser.add_subparsers(dest="command", required=True)

    load = _subparser(sub, "load", "files -> documents table")
    _input_options(load)
    _fail_on_option(load, ["load-errors"], None)
    load.add_argument(
        "--table",
        choices=["documents", "paragraphs", "sentences", "load_report"],
        default="documents",
        help="which table --out writes",
    )
    load.add_argument("--out", type=Path, help="write the table to FILE.csv or FILE.parquet")
    load.set_defaults(func=_cmd_load)

    extract = _subparser(sub, "extract", "files -> figures table")
    _input_options(extract)
    _extract_options(extract)
    _fail_on_option(extract, ["load-errors"], None)
    extract.add_argument("--out", type=Path, help="write the figures table to FILE.csv or FILE.parquet")
    extract.set_defaults(func=_cmd_extract)

    compare = _subparser(sub, "compare", "files -> claims with verdicts (conflicts first)")
    _input_options(compare)
    _extract_options(compare)
    _fail_on_option(compare, ["load-errors"], None)
    _claim_options(compare)
    _engine_options(compare)
    compare.add_argument("--all", action="store_true", help="print single-source claims too")
    compare.add_argument(
        "--table",
        choices=["claims", "comparisons", "memberships", "events"],
        default="claims",
        help="which table --out writes",
    )
    compare.add_argument("--out", type=Path, help="write the table to FILE.csv or FILE.parquet")
    compare.set_defaults(func=_cmd_compare)

    validate = _subparser(sub, "validate", "check the tables against the expectation suites")
    _suites_option(validate)
    validate.add_argument("--suite", help="run only this suite (a file name without .json)")
    _fail_on_option(validate, ["errors", "findings", "load-errors"], "errors (always, on validate)")
    validate.add_argument("--docs", type=Path, help="also write Great Expectations Data Docs (HTML) to this folder")
    validate.add_argument("--out", type=Path, help="write the results to FILE.csv or FILE.parquet")
    _input_options(validate, tables=True)
    _extract_options(validate)
    _claim_options(validate)
    _engine_options(validate)
    validate.set_defaults(func=_cmd_validate)

    run = _subparser(sub, "run", "the whole pipeline on a corpus, ending with validation")
    _input_options(run)
    _extract_options(run)
    _claim_options(run)
    _engine_options(run)
    _suites_option(run)
    _fail_on_option(run, ["load-errors", "errors", "findings"], None)
    run.add_argument("--no-validate", action="store_true", help="skip the validation summary")
    run.add_argument(
        "--stream",
        action="store_true",
        help="bounded memory: stream batches and write every table to --out-dir as Parquet parts",
    )
    run.add_argument(
        "--batch-size",
        type=_positive_int,
        help=f"documents per batch with --stream (default {Options().batch_size_on('stream')})",
    )
    run.add_argument("--out-dir", type=Path, help="write every table to this folder")
    run.add_argument("--format", choices=["csv", "parquet"], help="table format for --out-dir (default parquet)")
    run.add_argument("--overwrite", action="store_true", help="replace a non-empty --out-dir (default: refuse)")
    run.set_defaults(func=_cmd_run)

    suites = _subparser(sub, "suites", "the expectation suites validation runs")
    suites_sub = suites.add_subparsers(dest="suites_command", required=True)
    init = suites_sub.add_parser(
        "init", help="copy the default suites into FOLDER for a team to edit (then pass --suites FOLDER)"
    )
    init.set_defaults(command_parser=init)
    init.add_argument("folder", type=Path, help="folder to copy the suite JSON files into (created if needed)")
    init.add_argument("--force", action="store_true", help="overwrite suite files already in FOLDER")
    init.set_defaults(func=_cmd_suites_init)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return its exit code."""
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra:
        _refuse_unknown(args, extra, parser)
    level = {0: logging.ERROR, 1: logging.INFO}.get(args.verbose, logging.DEBUG)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    for handler in logging.getLogger().handlers:
        handler.setLevel(level)  # Dask sets its own loggers to INFO; their records reach this handler too
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except CorpusLabError as exc:
        print(f"corpuslab: error: {exc.cli or exc}", file=sys.stderr)  # the message in CLI flags, when it differs
        return EXIT_CANNOT_RUN
    except BrokenPipeError:  # `corpuslab ... | head` closed the pipe; not an error
        return EXIT_OK
    except KeyboardInterrupt:  # Ctrl-C: one line, no traceback; 128 + SIGINT, as shells report it
        print("corpuslab: interrupted; an unfinished --out-dir was not written", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:  # a bug, not a failed check: CI must not read it as exit 1
        log.debug("unexpected error", exc_info=True)
        print(
            f"corpuslab: internal error: {type(exc).__name__}: {exc} (run with -vv for the traceback, "
            "and please report it)",
            file=sys.stderr,
        )
        return EXIT_CANNOT_RUN

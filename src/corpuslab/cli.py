"""Command line: ``corpuslab load|extract|compare|validate|run ...``; parsing, printing and exit codes only.

Exit codes: 0 success, 1 a check failed at the chosen level, 2 could not run, 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

import corpuslab
from corpuslab.errors import CorpusLabError
from corpuslab.outdir import table_format

EXIT_OK, EXIT_FAILED, EXIT_CANNOT_RUN = 0, 1, 2
EXIT_INTERRUPTED = 130
log = logging.getLogger("corpuslab.cli")


def _input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, help="corpus folder or file (txt, md, jsonl, csv, html; .gz ok)")
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
    parser.add_argument(
        "--encoding", default="utf-8", help="encoding of the article files (default utf-8; e.g. cp1252, latin-1)"
    )
    parser.add_argument("--no-progress", action="store_true", help="never show progress bars")


def _fields(args: argparse.Namespace) -> corpuslab.Fields:
    return corpuslab.Fields(
        text=args.text_field,
        doc_id=args.id_field,
        outlet=args.outlet_field,
        title=args.title_field,
        published=args.date_field,
    )


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


def _print_documents(summary: pd.DataFrame, *, max_documents: int = 20) -> None:
    if len(summary) <= max_documents:
        _print_table(summary, "documents")
        return
    by_outlet = (
        summary.assign(outlet=summary["outlet"].fillna("(no outlet)"))
        .groupby("outlet")
        .agg(documents=("n_words", "size"), words=("n_words", "sum"), flagged_paragraphs=("n_flagged", "sum"))
    )
    _print_table(by_outlet.sort_values("documents", ascending=False), f"{len(summary)} documents by outlet")


def _report_line(documents: pd.DataFrame) -> str:
    report = corpuslab.load_report(documents)
    counts = report["severity"].value_counts().to_dict()
    parts = ", ".join(f"{n} {k}" for k, n in sorted(counts.items())) or "no problems"
    return f"loaded {len(documents)} documents; load report: {parts}"


def _cmd_load(args: argparse.Namespace) -> int:
    documents = _load(args)
    tables = {"documents": documents, "load_report": corpuslab.load_report(documents)}
    if args.table in ("paragraphs", "sentences"):
        tables["paragraphs"] = corpuslab.split_paragraphs(documents)
        tables["sentences"] = corpuslab.split_sentences(documents, paragraphs=tables["paragraphs"])
    if args.out:
        corpuslab.write_table(tables[args.table], args.out)
        print(f"wrote {len(tables[args.table])} rows of {args.table} to {args.out}", file=sys.stderr)
    else:
        paragraphs = tables["paragraphs"] if "paragraphs" in tables else corpuslab.split_paragraphs(documents)
        _print_documents(corpuslab.summarize_documents(documents, paragraphs))
    _print_problems(documents)
    return EXIT_OK


def _print_problems(documents: pd.DataFrame) -> None:
    report = corpuslab.load_report(documents)
    print(_report_line(documents), file=sys.stderr)
    for row in report.head(20).itertuples(index=False):
        where = f"{row.path}:{row.line}" if pd.notna(row.line) else row.path
        print(f"  {row.severity}: {where}: {row.problem}: {row.message}", file=sys.stderr)
    if len(report) > 20:
        print(
            f"  ... and {len(report) - 20} more (write them with --table load_report --out FILE.csv)", file=sys.stderr
        )


def _cmd_extract(args: argparse.Namespace) -> int:
    documents = _load(args)
    figures = corpuslab.extract_figures(documents, progress=_progress(args))
    if args.out:
        corpuslab.write_table(figures, args.out)
        print(f"wrote {len(figures)} figures to {args.out}", file=sys.stderr)
    else:
        _print_figures(figures)
    _print_problems(documents)
    return EXIT_OK


def _print_figures(figures: pd.DataFrame, *, max_documents: int = 20) -> None:
    shown = corpuslab.summarize_figures(figures)
    if shown["doc_id"].nunique() > max_documents:  # a large corpus: counts, not every figure
        _print_table(shown.groupby("kind").size().sort_values(ascending=False).to_frame("figures"), "figures by kind")
    else:
        for doc_id, rows in shown.groupby("doc_id", sort=True):
            _print_table(rows.drop(columns="doc_id").set_index("surface"), f"figures in {doc_id}")
    flagged = len(figures) - len(shown)
    print(
        f"\n{len(shown)} figures in {shown['doc_id'].nunique()} documents; {flagged} more in boilerplate or "
        "repeated paragraphs (kept in the figures table, flagged)"
    )


def _tolerances(args: argparse.Namespace) -> corpuslab.Tolerances:
    return corpuslab.Tolerances(approximate=args.approximate, exact=args.exact)


def _cmd_compare(args: argparse.Namespace) -> int:
    result = _pipeline(args)
    if args.out:
        table = getattr(result, args.table)
        corpuslab.write_table(table, args.out)
        print(f"wrote {len(table)} rows of {args.table} to {args.out}", file=sys.stderr)
    else:
        _print_claims(result.claims, min_sources=1 if args.all else 2)
    _print_problems(result.documents)
    return EXIT_OK


def _print_claims(claims: pd.DataFrame, *, min_sources: int = 2, max_shown: int = 40) -> None:
    shown = corpuslab.summarize_claims(claims, min_sources=min_sources)
    counts = claims["verdict"].value_counts().to_dict()
    print(f"\nclaims: {len(claims)} ({', '.join(f'{n} {v}' for v, n in counts.items())})")
    which = "every claim" if min_sources == 1 else f"claims stated by {min_sources} or more sources"
    print(f"{which}, conflicts first:")
    for row in shown.head(max_shown).itertuples(index=False):
        print(f"\n  [{row.verdict}] {row.subject} | {row.measure} | scope: {row.scope}")
        print(f"    {row.reason}")
    if shown.empty:
        print("  (none)")
    elif len(shown) > max_shown:
        print(f"\n  ... and {len(shown) - max_shown} more (corpuslab compare PATH --out claims.csv writes them all)")


def _cmd_run(args: argparse.Namespace) -> int:
    if args.stream:
        return _run_streamed(args)
    result = _pipeline(args)
    if args.out_dir:
        paths = result.write(args.out_dir, fmt=args.format, overwrite=args.overwrite)
        print(f"wrote {len(paths)} tables to {args.out_dir}", file=sys.stderr)
    _print_documents(corpuslab.summarize_documents(result.documents, result.paragraphs))
    _print_figures(result.figures)
    _print_claims(result.claims)
    if not args.no_validate:
        _print_validation(corpuslab.validate(result, progress=_progress(args)), result.claims)
    _print_problems(result.documents)
    return EXIT_OK


def _run_streamed(args: argparse.Namespace) -> int:
    from corpuslab.stream import stream_pipeline

    if not args.out_dir:
        print("corpuslab: error: --stream writes its tables as it goes; give --out-dir DIR", file=sys.stderr)
        return EXIT_CANNOT_RUN
    summary = stream_pipeline(
        args.path, args.out_dir, batch_size=args.batch_size, overwrite=args.overwrite, **_pipeline_options(args)
    )
    rows = pd.DataFrame({"rows": summary.counts}).rename_axis("table")
    _print_table(rows, f"tables written to {summary.out_dir}")
    print(f"\nclaims by verdict: {summary.verdicts}")
    print(f"validate them with: corpuslab validate {summary.out_dir}")
    return EXIT_OK


def _cmd_validate(args: argparse.Namespace) -> int:
    from corpuslab.validate import failed

    is_tables = corpuslab.pipeline.is_pipeline_folder(args.path)  # tables written by `run`, or a corpus
    if is_tables:
        print(f"validating {table_format(args.path)} tables in {args.path}", file=sys.stderr)
    result = corpuslab.read_pipeline(args.path) if is_tables else _pipeline(args)
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
    return EXIT_FAILED if failed(results, fail_on=args.fail_on) else EXIT_OK


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
    parser.add_argument("--workers", type=int, default=2, help="workers of the local Dask cluster (default 2)")


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
        "tolerances": _tolerances(args),
        "progress": _progress(args),
        "encoding": args.encoding,
    }


def _claim_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--aliases",
        default="auto",
        help="CSV of name variants, noun classes and ambiguous names (kind,alias,canonical); "
        "default: aliases.csv in the corpus folder; 'none' to skip",
    )
    parser.add_argument(
        "--approximate", type=float, default=0.10, help="relative half-width of an approximate figure (default 0.10)"
    )
    parser.add_argument(
        "--exact",
        type=float,
        default=0.005,
        help="relative slack on an exact figure beyond its written precision (default 0.005)",
    )


def build_parser() -> argparse.ArgumentParser:
    """Return the ``corpuslab`` argument parser."""
    parser = argparse.ArgumentParser(prog="corpuslab", description="Which figures do news outlets agree on?")
    parser.add_argument("--version", action="version", version=f"corpuslab {corpuslab.__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="log more (-v info, -vv debug)")
    sub = parser.add_subparsers(dest="command", required=True)

    load = sub.add_parser("load", help="files -> documents table")
    _input_options(load)
    load.add_argument(
        "--table",
        choices=["documents", "paragraphs", "sentences", "load_report"],
        default="documents",
        help="which table --out writes",
    )
    load.add_argument("--out", type=Path, help="write the table to FILE.csv or FILE.parquet")
    load.set_defaults(func=_cmd_load)

    extract = sub.add_parser("extract", help="files -> figures table")
    _input_options(extract)
    extract.add_argument("--out", type=Path, help="write the figures table to FILE.csv or FILE.parquet")
    extract.set_defaults(func=_cmd_extract)

    compare = sub.add_parser("compare", help="files -> claims with verdicts (conflicts first)")
    _input_options(compare)
    _claim_options(compare)
    _engine_options(compare)
    compare.add_argument("--all", action="store_true", help="print single-source claims too")
    compare.add_argument(
        "--table", choices=["claims", "comparisons", "memberships"], default="claims", help="which table --out writes"
    )
    compare.add_argument("--out", type=Path, help="write the table to FILE.csv or FILE.parquet")
    compare.set_defaults(func=_cmd_compare)

    validate = sub.add_parser("validate", help="check the tables against the expectation suites")
    validate.add_argument(
        "--suites", type=Path, default=None, help="folder of suite JSON files (default: expectations/)"
    )
    validate.add_argument("--suite", help="run only this suite (a file name without .json)")
    validate.add_argument(
        "--fail-on",
        choices=["errors", "findings"],
        default="errors",
        help="exit 1 on broken tables (errors, default) or also on disagreements (findings)",
    )
    validate.add_argument("--docs", type=Path, help="also write Great Expectations Data Docs (HTML) to this folder")
    validate.add_argument("--out", type=Path, help="write the results to FILE.csv or FILE.parquet")
    _input_options(validate)
    _claim_options(validate)
    _engine_options(validate)
    validate.set_defaults(func=_cmd_validate)

    run = sub.add_parser("run", help="the whole pipeline on a corpus, ending with validation")
    _input_options(run)
    _claim_options(run)
    _engine_options(run)
    run.add_argument("--no-validate", action="store_true", help="skip the validation summary")
    run.add_argument(
        "--stream",
        action="store_true",
        help="bounded memory: stream batches and write every table to --out-dir as Parquet parts",
    )
    run.add_argument("--batch-size", type=int, default=1000, help="documents per batch with --stream")
    run.add_argument("--out-dir", type=Path, help="write every table to this folder")
    run.add_argument("--format", choices=["csv", "parquet"], default="parquet", help="table format for --out-dir")
    run.add_argument("--overwrite", action="store_true", help="replace a non-empty --out-dir (default: refuse)")
    run.set_defaults(func=_cmd_run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    level = {0: logging.ERROR, 1: logging.INFO}.get(args.verbose, logging.DEBUG)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    for handler in logging.getLogger().handlers:
        handler.setLevel(level)  # Dask sets its own loggers to INFO; their records reach this handler too
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except CorpusLabError as exc:
        print(f"corpuslab: error: {exc}", file=sys.stderr)
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

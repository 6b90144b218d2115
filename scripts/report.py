"""Run the pipeline once, execute the notebooks on its tables, and render one static HTML report.

    python scripts/report.py                                   # the seeds -> build/report.html
    python scripts/report.py data/news_articles.jsonl          # your corpus
    python scripts/report.py articles.jsonl --text-field body --id-field id   # any `corpuslab run` option
    python scripts/report.py --tables build/tables             # reuse tables already written
    python scripts/report.py --readme-chart                    # maintainers: refresh docs/claims.png from the seeds

``make report CORPUS=path REPORT_ARGS="--text-field body"`` calls it. The pipeline runs once,
through the CLI (``corpuslab run CORPUS --out-dir build/tables``, so every field option the CLI
takes works here), and every notebook reads those tables through ``CORPUSLAB_TABLES``. Everything
is written under ``build/``: the tables, ``build/run.log`` (the run's own summary) and the report.

Notebooks are jupytext py:percent files (``notebooks/*.py``): diffable, linted like code, and opened
as notebooks in JupyterLab. Executing them needs the ``notebooks`` extra (jupytext, nbclient, ipykernel).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from corpuslab.outdir import MARKER

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
BUILD = ROOT / "build"
README_CHART = ROOT / "docs" / "claims.png"
README_CHART_DPI = 110


def notebook_paths() -> list[Path]:
    """The notebooks in reading order."""
    return sorted(NOTEBOOKS.glob("[0-9][0-9]_*.py"))


def execute(path: Path, *, timeout: int = 900, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    """Run one notebook on a fresh kernel in its own folder; raise on the first failing cell.

    ``env`` is added to the kernel's environment (``CORPUSLAB_TABLES``, say).
    """
    import jupytext
    from nbclient import NotebookClient

    notebook = jupytext.read(path)
    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        # The kernel's own log: its one warning (a local kernel over TCP, unencrypted) said once per notebook.
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
    )
    saved = {k: os.environ.get(k) for k in env or {}}
    os.environ.update(env or {})  # the kernel inherits this process's environment
    try:
        client.execute()
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return notebook


def write_tables(corpus: str, folder: Path, run_args: list[str]) -> Path:
    """Run ``corpuslab run CORPUS --out-dir FOLDER`` once; its printed summary goes to build/run.log."""
    command = [
        sys.executable,
        "-m",
        "corpuslab",
        "run",
        corpus,
        "--out-dir",
        str(folder),
        "--no-progress",
        "--no-validate",
    ]
    if (folder / MARKER).is_file():
        command.append("--overwrite")  # a finished run's tables, this script's own output: a rebuild replaces them
    command += run_args  # the notebooks validate; field options go to the run
    log = folder.parent / "run.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w", encoding="utf-8") as out:
        done = subprocess.run(command, stdout=out, stderr=subprocess.STDOUT, check=False)
    if done.returncode != 0:
        tail = log.read_text(encoding="utf-8").splitlines()[-15:]
        sys.exit(f"corpuslab run failed (exit {done.returncode}); the end of {log}:\n" + "\n".join(tail))
    return folder


def execute_all(tables: Path) -> list:  # type: ignore[type-arg]
    """Execute every notebook, in order, on the tables in ``tables``."""
    env = {"CORPUSLAB_TABLES": str(tables.resolve())}
    executed = []
    for path in notebook_paths():
        start = time.perf_counter()
        executed.append(execute(path, env=env))
        print(f"{path.name}: ran in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return executed


def to_html(notebooks: list) -> str:  # type: ignore[type-arg]
    """Merge executed notebooks into one HTML page, code and the parameters cells hidden."""
    import nbformat
    from nbconvert import HTMLExporter

    merged = nbformat.v4.new_notebook()
    for notebook in notebooks:
        merged.cells.extend(c for c in notebook.cells if "parameters" not in c.get("metadata", {}).get("tags", []))
        merged.metadata = merged.metadata or notebook.metadata
    exporter = HTMLExporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    html, _ = exporter.from_notebook_node(merged)
    return html


def render(tables: Path, out: Path) -> Path:
    """Execute every notebook on ``tables`` and write them as one HTML page at ``out``."""
    html = to_html(execute_all(tables))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    return out


def save_readme_chart(image: Path = README_CHART) -> Path:
    """Draw the seeds' claims chart for the README (a maintainer's step, never part of the report)."""
    import corpuslab
    from corpuslab import plots

    result = corpuslab.run_pipeline(ROOT / "seeds", progress=False)
    image.parent.mkdir(parents=True, exist_ok=True)
    plots.plot_claims(result.claims, result.memberships, result.figures).savefig(image, dpi=README_CHART_DPI)
    return image


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Any other option is passed to `corpuslab run` (e.g. --text-field body --outlet-field source).",
    )
    parser.add_argument("corpus", nargs="?", default=os.environ.get("CORPUSLAB_CORPUS") or str(ROOT / "seeds"))
    parser.add_argument("--out", type=Path, default=BUILD / "report.html", help="the HTML report (under build/)")
    parser.add_argument("--tables", type=Path, help="read these tables instead of running the pipeline")
    parser.add_argument("--tables-dir", type=Path, default=BUILD / "tables", help="where the run writes its tables")
    parser.add_argument("--readme-chart", action="store_true", help="only refresh docs/claims.png from the seeds")
    args, run_args = parser.parse_known_args(argv)
    if args.readme_chart:
        print(f"wrote {save_readme_chart()}", file=sys.stderr)
        return 0
    start = time.perf_counter()
    if args.tables:
        tables = args.tables
    else:
        tables = write_tables(args.corpus, args.tables_dir, run_args)
        print(f"corpuslab run {args.corpus}: {time.perf_counter() - start:.1f} s -> {tables}", file=sys.stderr)
    path = render(tables, args.out)
    size = path.stat().st_size / 1e6
    print(f"wrote {path} ({size:.2f} MB) in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Execute the notebooks top to bottom and render them as one static HTML report (``make report``).

    python scripts/report.py                          # build/report.html from the seeds
    CORPUSLAB_CORPUS=data/news_articles.jsonl python scripts/report.py --out build/news.html
    python scripts/report.py --image docs/claims.png  # also save the claims chart for the README

Notebooks are jupytext py:percent files (``notebooks/*.py``): diffable, linted like code, and opened
as notebooks in JupyterLab. Executing them needs the ``notebooks`` extra (jupytext, nbclient, ipykernel).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"


def notebook_paths() -> list[Path]:
    """The notebooks in reading order."""
    return sorted(NOTEBOOKS.glob("[0-9][0-9]_*.py"))


def execute(path: Path, *, timeout: int = 600):  # type: ignore[no-untyped-def]
    """Run one notebook on a fresh kernel in its own folder; raise on the first failing cell."""
    import jupytext
    from nbclient import NotebookClient

    notebook = jupytext.read(path)
    client = NotebookClient(
        notebook, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    client.execute()
    return notebook


def report(out: Path, *, image: Path | None = None) -> Path:
    """Execute every notebook and write them, code hidden, as one HTML page."""
    import nbformat
    from nbconvert import HTMLExporter

    merged = nbformat.v4.new_notebook()
    for path in notebook_paths():
        start = time.perf_counter()
        notebook = execute(path)
        print(f"{path.name}: ran in {time.perf_counter() - start:.1f} s", file=sys.stderr)
        merged.cells.extend(c for c in notebook.cells if "parameters" not in c.get("metadata", {}).get("tags", []))
        merged.metadata = merged.metadata or notebook.metadata
    exporter = HTMLExporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    html, _ = exporter.from_notebook_node(merged)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    if image is not None:
        _save_claims_chart(image)
    return out


def _save_claims_chart(image: Path) -> None:
    import os

    import corpuslab
    from corpuslab import plots

    result = corpuslab.run_pipeline(ROOT / os.environ.get("CORPUSLAB_CORPUS", "seeds"), progress=False)
    image.parent.mkdir(parents=True, exist_ok=True)
    plots.plot_claims(result.claims, result.memberships, result.figures).savefig(image, dpi=110)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "report.html")
    parser.add_argument("--image", type=Path, help="also save the claims chart as this PNG")
    args = parser.parse_args(argv)
    path = report(args.out, image=args.image)
    print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

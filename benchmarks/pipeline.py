"""The whole pipeline on the real corpus: per-stage speed and memory, engines, and scaled runs.

    python benchmarks/corpus.py fetch              # once: data/news_articles.jsonl (3,824 articles, 9 outlets)
    python benchmarks/pipeline.py                  # in-process, stage by stage
    python benchmarks/pipeline.py --dask 1 2       # the Dask engine with 1 and 2 local workers: the speed-up
    python benchmarks/pipeline.py --scale 1 10 100 # streamed runs over the corpus replicated 1x, 10x, 100x
    python benchmarks/pipeline.py --kill-worker    # a Dask worker dies mid-run: retried, same tables

Every measured run is a fresh process, so its peak memory (maximum resident set) is its own.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
NEWS = DATA / "news_articles.jsonl"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def stages(path: Path) -> dict[str, Any]:
    """Run each stage in turn in this process; time it and read the peak memory after it."""
    import corpuslab

    out: dict[str, Any] = {"stages": []}

    def timed(name: str, run: Any) -> Any:
        start = time.perf_counter()
        value = run()
        out["stages"].append({"stage": name, "seconds": time.perf_counter() - start, "peak_mb": _peak_mb()})
        return value

    documents = timed("load", lambda: corpuslab.load_documents(path, progress=False))
    paragraphs = timed("paragraphs", lambda: corpuslab.split_paragraphs(documents))
    figures = timed("extract", lambda: corpuslab.extract_figures(documents, progress=False))
    claims = timed("claims", lambda: corpuslab.build_claims(figures, documents))  # events, links, verdicts
    result = corpuslab.PipelineResult(
        documents, paragraphs, figures, claims.claims, claims.comparisons, claims.memberships,
        load_report=corpuslab.load_report(documents), events=claims.events,
    )  # fmt: skip
    results = timed("validate", lambda: corpuslab.validate(result, progress=False))
    out["counts"] = {
        "documents": len(documents),
        "characters": int(documents["n_chars"].sum()),
        "figures": len(figures),
        "claims": len(claims.claims),
        "comparisons": len(claims.comparisons),
    }
    out["verdicts"] = claims.claims["verdict"].value_counts().to_dict()
    out["events"] = int(claims.events["event_id"].nunique())
    out["quantulum3"] = quantulum_rate(documents)
    out["validation"] = results["status"].value_counts().to_dict()
    return out


# Documents quantulum3 reads for its rate: it runs at about 20,000 characters a second, so the whole corpus
# would take ten minutes; a fixed, evenly spread sample of the same texts gives the same rate.
_QUANTULUM_SAMPLE = 200


def quantulum_rate(documents: Any) -> float | None:
    """quantulum3's extraction rate (characters per second) on an even sample of the same documents."""
    try:
        from peer import quantulum_parser

        parser = quantulum_parser()
    except ImportError:
        return None
    step = max(1, len(documents) // _QUANTULUM_SAMPLE)
    texts = list(documents["text"].iloc[::step])
    start = time.perf_counter()
    for text in texts:
        parser.parse(text)
    return sum(map(len, texts)) / (time.perf_counter() - start)


def dask_run(path: Path, workers: int) -> dict[str, Any]:
    import corpuslab

    start = time.perf_counter()
    result = corpuslab.run_pipeline(path, engine="dask", n_workers=workers, progress=False)
    return {
        "seconds": time.perf_counter() - start,
        "figures": len(result.figures),
        "claims": len(result.claims),
        "peak_mb": _peak_mb(),
    }


def dask_kill_run(path: Path) -> dict[str, Any]:
    """Kill one of two workers mid-run; Dask reruns its tasks and the tables still equal the in-process ones."""
    import threading

    import pandas as pd
    from dask.distributed import LocalCluster

    import corpuslab

    local = corpuslab.run_pipeline(path, progress=False)
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    killed: dict[str, float] = {}

    def kill_one_worker(after: float = 6.0) -> None:
        import os
        import signal

        time.sleep(after)
        try:
            pid = next(iter(cluster.workers.values())).process.process.pid
            os.kill(pid, signal.SIGKILL)  # the worker process dies; its nanny starts a new one
            killed["after_seconds"] = after
        except Exception as exc:  # reported, so a failed kill is not mistaken for a survived one
            killed["error"] = repr(exc)

    start = time.perf_counter()
    threading.Thread(target=kill_one_worker, daemon=True).start()
    result = corpuslab.run_pipeline(path, engine="dask", scheduler=cluster.scheduler_address, progress=False)
    seconds = time.perf_counter() - start
    cluster.close()
    try:
        for name, frame in local.tables().items():
            pd.testing.assert_frame_equal(frame.reset_index(drop=True), result.tables()[name].reset_index(drop=True))
        same = True
    except AssertionError:
        same = False
    return {"seconds": seconds, "killed": killed, "identical": same, "figures": len(result.figures)}


def stream_run(path: Path, out_dir: Path) -> dict[str, Any]:
    from corpuslab.stream import stream_pipeline

    start = time.perf_counter()
    summary = stream_pipeline(path, out_dir, batch_size=2000, progress=False, overwrite=True)  # a scratch folder
    return {
        "seconds": time.perf_counter() - start,
        "counts": summary.counts,
        "verdicts": summary.verdicts,
        "peak_mb": _peak_mb(),
    }


def _child(*args: str) -> dict[str, Any]:
    done = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"benchmark run failed: {done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _machine() -> str:
    cpu = (
        next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            platform.processor(),
        )
        if Path("/proc/cpuinfo").exists()
        else ""
    )
    import os

    return f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, {platform.system()}"


def _replica(times: int) -> Path:
    path = DATA / ("news_articles.jsonl" if times == 1 else f"news_articles_x{times}.jsonl")
    if not path.exists():
        subprocess.run(
            [sys.executable, str(ROOT / "benchmarks" / "corpus.py"), "replicate", "--times", str(times)], check=True
        )
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=NEWS)
    parser.add_argument("--dask", type=int, nargs="*", help="time the Dask engine with these worker counts")
    parser.add_argument("--scale", type=int, nargs="*", help="streamed runs over the corpus replicated N times")
    parser.add_argument("--kill-worker", action="store_true", help="kill a Dask worker mid-run and compare tables")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        kind, *rest = args.child
        value = {
            "stages": lambda: stages(Path(rest[0])),
            "dask": lambda: dask_run(Path(rest[0]), int(rest[1])),
            "dask_kill": lambda: dask_kill_run(Path(rest[0])),
            "stream": lambda: stream_run(Path(rest[0]), Path(rest[1])),
        }[kind]()
        print(json.dumps(value, default=str))
        return 0
    if not args.corpus.exists():
        raise SystemExit(f"{args.corpus} is missing: run `python benchmarks/corpus.py fetch` first")
    print(f"machine: {_machine()}")
    if args.kill_worker:
        run = _child("dask_kill", str(args.corpus))
        print(
            f"dask, 2 workers, one killed after {run['killed'].get('after_seconds', run['killed'])} s: finished in "
            f"{run['seconds']:.1f} s; tables identical to the in-process engine: {run['identical']}"
        )
    if not args.dask and not args.scale and not args.kill_worker:
        run = _child("stages", str(args.corpus))
        counts = run["counts"]
        print(f"corpus: {counts['documents']:,} documents, {counts['characters']:,} characters")
        total = 0.0
        for s in run["stages"]:
            total += s["seconds"]
            print(
                f"  {s['stage']:<10} {s['seconds']:6.1f} s  {counts['documents'] / s['seconds']:>9,.0f} docs/s  "
                f"{counts['characters'] / s['seconds']:>12,.0f} chars/s  peak {s['peak_mb']:6.0f} MB"
            )
        print(
            f"  {'total':<10} {total:6.1f} s  {counts['documents'] / total:>9,.0f} docs/s  "
            f"{counts['characters'] / total:>12,.0f} chars/s"
        )
        print(
            f"figures {counts['figures']:,}; events {run['events']:,}; claims {counts['claims']:,} {run['verdicts']}; "
            f"comparisons {counts['comparisons']:,}; validation {run['validation']}"
        )
        pipeline_rate = counts["characters"] / (total - run["stages"][-1]["seconds"])  # validation is not extraction
        if run["quantulum3"]:
            print(
                f"whole pipeline without validation: {pipeline_rate:,.0f} chars/s; quantulum3 extraction alone "
                f"(sample of {_QUANTULUM_SAMPLE} of the same documents): {run['quantulum3']:,.0f} chars/s; "
                f"ratio {pipeline_rate / run['quantulum3']:.1f}x"
            )
        else:
            print("quantulum3 is not installed (pip install -e '.[bench]'): no ratio printed")
    for workers in args.dask or []:
        run = _child("dask", str(args.corpus), str(workers))
        print(
            f"dask, {workers} worker(s): {run['seconds']:.1f} s ({run['figures']:,} figures, {run['claims']:,} claims)"
        )
    for times in args.scale or []:
        path = _replica(times)
        out = ROOT / "build" / f"stream_x{times}"
        run = _child("stream", str(path), str(out))
        docs = run["counts"].get("documents", 0)
        print(
            f"stream x{times}: {docs:,} documents in {run['seconds']:.0f} s ({docs / run['seconds']:,.0f} docs/s), "
            f"peak {run['peak_mb']:.0f} MB; figures {run['counts'].get('figures', 0):,}, "
            f"claims {run['counts'].get('claims', 0):,}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

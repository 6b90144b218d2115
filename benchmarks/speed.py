"""Extraction speed and memory, against quantulum3 on the same texts in the same run.

    python benchmarks/speed.py                 # 300 news articles (needs `python benchmarks/corpus.py fetch`)
    python benchmarks/speed.py --docs 1000 --repeat 3

Times are CPU time of this process, so other work on a shared machine does not move the numbers.
Prints, per extractor: characters per second on one core (best of ``--repeat`` runs) and the
ratio corpuslab / quantulum3; then the same on short single sentences (one ``find_figures`` call per
sentence, where per-call overhead shows), as sentences per second; then how extraction time grows
on adversarial input (digits and punctuation, 100 KB vs 1 MB: linear means a ratio near 10); then
the peak memory of streaming extraction over the corpus once and four times over (flat means
extraction streams).
quantulum3 is a benchmark-only extra: ``pip install -e '.[bench]'``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT / "data" / "news_articles.jsonl"
# Longest sentence counted as short for the per-call throughput (a typical news sentence is 100-200 chars).
SHORT_SENTENCE = 200


def _texts(n: int) -> list[str]:
    if not NEWS.exists():
        raise SystemExit(f"{NEWS} is missing: run `python benchmarks/corpus.py fetch` first")
    texts = []
    with NEWS.open(encoding="utf-8") as lines:
        for line in lines:
            text = json.loads(line)["text"]
            if text.strip():
                texts.append(text)
            if len(texts) == n:
                break
    return texts


def _best_rate(run: Callable[[list[str]], int], texts: list[str], repeat: int) -> tuple[float, int]:
    chars = sum(map(len, texts))
    best, found = float("inf"), 0
    for _ in range(repeat):
        start = time.process_time()
        found = run(texts)
        best = min(best, time.process_time() - start)
    return chars / best, found


def _corpuslab(texts: list[str]) -> int:
    from corpuslab.extract import document_figures

    return sum(len(document_figures(f"d{i}", t)) for i, t in enumerate(texts))


def _quantulum(texts: list[str]) -> int:
    from peer import quantulum_parse

    return sum(len(quantulum_parse(t)) for t in texts)


def _sentences(texts: list[str], n: int) -> list[str]:
    """The first ``n`` sentences of the articles that hold a digit and are short (a news line)."""
    from corpuslab.segment import sentence_spans

    out = []
    for text in texts:
        for start, end in sentence_spans(text):
            sentence = text[start:end].strip()
            if len(sentence) <= SHORT_SENTENCE and any(c.isdigit() for c in sentence):
                out.append(sentence)
                if len(out) == n:
                    return out
    return out


def _corpuslab_calls(sentences: list[str]) -> int:
    from corpuslab import find_figures

    return sum(len(find_figures(s)) for s in sentences)


def _adversarial(size: int, seed: int = 0) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice("0123456789.,-–%$/ ()+:") for _ in range(size))


def _stream_peak(texts: Iterable[str]) -> tuple[float, int]:
    from corpuslab.extract import document_figures

    tracemalloc.start()
    count = 0
    for i, text in enumerate(texts):
        count += len(document_figures(f"d{i}", text))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20, count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=300, help="news articles to time (default 300)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of corpuslab; the best counts")
    parser.add_argument("--sentences", type=int, default=2000, help="short sentences for the per-call figure")
    args = parser.parse_args(argv)
    texts = _texts(args.docs)
    chars = sum(map(len, texts))
    _corpuslab(texts[:5])  # warm up: compile patterns, build the unit registry
    ours, n_ours = _best_rate(_corpuslab, texts, args.repeat)
    print(f"texts: {len(texts)} news articles, {chars:,} characters")
    print(f"corpuslab  : {ours:>12,.0f} chars/s  ({n_ours} figures, best of {args.repeat})")
    try:
        theirs, n_theirs = _best_rate(_quantulum, texts, 1)
    except ImportError:
        print("quantulum3 : not installed (pip install -e '.[bench]'); no ratio")
    else:
        print(f"quantulum3 : {theirs:>12,.0f} chars/s  ({n_theirs} quantities, one run)")
        print(f"ratio      : corpuslab is {ours / theirs:.1f}x quantulum3 on the same texts")

    sentences = _sentences(texts, args.sentences)
    rate = _best_rate(_corpuslab_calls, sentences, args.repeat)[0] * len(sentences) / sum(map(len, sentences))
    print(f"short      : {len(sentences)} sentences of <= {SHORT_SENTENCE} chars, one find_figures call each")
    print(f"corpuslab  : {rate:>12,.0f} sentences/s (best of {args.repeat})")
    try:
        theirs_rate = _best_rate(_quantulum, sentences, 1)[0] * len(sentences) / sum(map(len, sentences))
    except ImportError:
        print("quantulum3 : not installed; no ratio")
    else:
        print(f"quantulum3 : {theirs_rate:>12,.0f} sentences/s (one run)")
        print(f"ratio      : corpuslab is {rate / theirs_rate:.1f}x quantulum3 per short sentence")

    timings = {}
    for size in (100_000, 1_000_000):
        text = _adversarial(size)
        start = time.process_time()
        _corpuslab([text])
        timings[size] = time.process_time() - start
    growth = timings[1_000_000] / timings[100_000]
    print(
        f"adversarial: 100 KB {timings[100_000]:.2f} s, 1 MB {timings[1_000_000]:.2f} s, "
        f"x{growth:.1f} for 10x the input (linear is ~10)"
    )

    once, n1 = _stream_peak(texts)
    four, n4 = _stream_peak(texts * 4)
    print(
        f"memory     : peak {once:.1f} MiB streaming {len(texts)} articles, {four:.1f} MiB for 4x as many "
        f"({n1} vs {n4} figures); flat means extraction streams"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

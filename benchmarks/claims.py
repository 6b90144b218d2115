"""How claim building scales: synthetic figures over synthetic documents, time per figure at 10k, 100k, 1M.

    python benchmarks/claims.py                    # 10,000, 100,000 and 1,000,000 figures
    python benchmarks/claims.py --figures 10000 100000

Each document is ten sentences, one figure each, about pipelines drawn from 2,000 names, with
outlets and values drawn at random, so claims group figures across documents the way news does
(1,000,000 figures are 100,000 documents). Extraction is
done first and not timed; ``build_claims`` is. Linear means the time per figure stays flat.
"""

from __future__ import annotations

import argparse
import random
import sys
import time

import pandas as pd

import corpuslab

_SENTENCES = (
    "Currently, the {name} Line carries about {v} bcm a year, officials said.",
    "The {name} Line will carry {v} billion cubic meters annually once completed.",
    "Exports through the {name} Line rose by {p}% last year.",
    "The {name} Line cost ${c} billion to build.",
    "Workers signed {n} agreements on the {name} Line in {place}.",
    "The {name} Line is {k} km long.",
    "Engineers said the {name} Line reached {v} bcm per year currently.",
    "Last year, the {name} Line delivered {v} bcm.",
    "A {d}-day inspection of the {name} Line began in {place}.",
    "The {name} Line employs {n} people.",
)
_PLACES = ("Moscow", "Beijing", "Astana", "Ulan Bator", "Harbin")
_SYLLABLES = ("ka", "lo", "mer", "vi", "dan", "sor", "tu", "re", "pol", "nix", "ar", "bel", "zu", "qi", "ost")
# 2,000 pipeline names made of syllables ("Kalo", "Vidan"): numbers in names would be read as years.
_NAMES = [f"{a}{b}{c}".capitalize() for a in _SYLLABLES for b in _SYLLABLES for c in _SYLLABLES][:2000]


def synthetic_documents(n_documents: int, *, seed: int = 0) -> pd.DataFrame:
    """Documents of ten template sentences each, about pipelines shared across documents."""
    rng = random.Random(seed)
    rows = []
    for i in range(n_documents):
        sentences = []
        for template in _SENTENCES:
            name = rng.choice(_NAMES)
            sentences.append(
                template.format(
                    name=name,
                    v=rng.choice((38, 44, 50, 61)),
                    p=rng.choice((5, 10, 28)),
                    c=rng.choice((20, 55)),
                    n=rng.choice((20, 22, 30)),
                    place=rng.choice(_PLACES),
                    k=rng.choice((2000, 2600)),
                    d=rng.choice((3, 4)),
                )
            )
        rows.append({"doc_id": f"d{i:07d}", "text": " ".join(sentences), "outlet": f"Outlet {i % 40}"})
    return pd.DataFrame(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--figures", type=int, nargs="*", default=[10_000, 100_000, 1_000_000])
    args = parser.parse_args(argv)
    per_document = len(corpuslab.extract_figures(synthetic_documents(1), progress=False))
    print(f"{per_document} figures per synthetic document")
    for target in args.figures:
        documents = synthetic_documents(max(1, target // per_document))
        figures = corpuslab.extract_figures(documents, progress=False)
        start = time.perf_counter()
        tables = corpuslab.build_claims(figures, documents)
        seconds = time.perf_counter() - start
        verdicts = tables.claims["verdict"].value_counts().to_dict()
        print(
            f"{len(figures):>9,} figures, {len(documents):>7,} documents: {seconds:7.1f} s, "
            f"{seconds / len(figures) * 1e6:6.1f} us per figure; {len(tables.claims):,} claims {verdicts}, "
            f"{len(tables.comparisons):,} comparisons"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""How claim building scales: synthetic figures over synthetic news, time per figure at 10k, 100k, 1M.

    python benchmarks/claims.py                    # 10,000, 100,000 and 1,000,000 figures
    python benchmarks/claims.py --figures 10000 100000

The synthetic corpus is shaped like news: stories about pipelines (2,000 names, reused only
months apart), each reported by a few of 40 outlets within a day or two of each other, 50 stories
a day. Each report is ten template sentences about its story's pipeline; most outlets give the
story's values and some give another, so claims agree and conflict across documents the way news
does (1,000,000 figures are 100,000 documents over about 18 months). Extraction is done first and
not timed; ``build_claims`` (events, links, verdicts) is. Linear means the time per figure stays flat.
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


# What else a story is about: words of four syllables ("kalomervi"), a few per story, as news has its own vocabulary.
_TOPIC_WORDS = [f"{a}{b}{c}{d}" for a in _SYLLABLES for b in _SYLLABLES for c in _SYLLABLES for d in _SYLLABLES]
_TOPICS_PER_STORY = 4
_STORIES_PER_DAY = 50
_REPORTS_PER_STORY = (2, 3, 4, 5)
# A report gives its story's value most of the time; otherwise another one (a conflict, or a look-alike).
_SAME_VALUE = 0.8
_CHOICES = {
    "v": (38, 44, 50, 61), "p": (5, 10, 28), "c": (20, 55), "n": (20, 22, 30),
    "place": _PLACES, "k": (2000, 2600), "d": (3, 4),
}  # fmt: skip


def synthetic_documents(n_documents: int, *, seed: int = 0) -> pd.DataFrame:
    """Reports of stories: each story's reports share its pipeline, date (give or take a day) and mostly its values."""
    rng = random.Random(seed)
    start = pd.Timestamp("2016-01-01", tz="UTC")
    rows: list[dict[str, object]] = []
    story = 0
    while len(rows) < n_documents:
        name = _NAMES[story % len(_NAMES)]
        day = start + pd.Timedelta(days=story // _STORIES_PER_DAY)
        truth = {key: rng.choice(values) for key, values in _CHOICES.items()}
        topics = rng.sample(_TOPIC_WORDS, _TOPICS_PER_STORY)
        outlets = rng.sample(range(40), rng.choice(_REPORTS_PER_STORY))
        for outlet in outlets[: n_documents - len(rows)]:
            values = {k: v if rng.random() < _SAME_VALUE else rng.choice(_CHOICES[k]) for k, v in truth.items()}
            about = f"The {name} Line story concerns {', '.join(rng.sample(topics, 3))}."
            text = " ".join([about, *(template.format(name=name, **values) for template in _SENTENCES)])
            rows.append(
                {
                    "doc_id": f"d{len(rows):07d}",
                    "title": f"{name} Line: {' '.join(rng.sample(topics, 2))}",
                    "text": text,
                    "outlet": f"Outlet {outlet}",
                    "published": day + pd.Timedelta(days=rng.choice((0, 0, 1))),
                }
            )
        story += 1
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
        events = tables.events["event_id"].nunique()
        print(
            f"{len(figures):>9,} figures, {len(documents):>7,} documents, {events:,} events: {seconds:7.1f} s, "
            f"{seconds / len(figures) * 1e6:6.1f} us per figure; {len(tables.claims):,} claims {verdicts}, "
            f"{len(tables.comparisons):,} comparisons"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

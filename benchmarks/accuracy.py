"""Extraction accuracy on the hand-annotated gold sets in benchmarks/gold/.

Prints precision, recall and F1 for: detection (the span), value, value+unit, bound/change (bound,
trend, is_change and from_value) and subject, over all figures and over quantities only (dates,
years and ordinals left out of both sides).

    python benchmarks/accuracy.py              # the table for figures.jsonl (the development set)
    python benchmarks/accuracy.py --errors 30  # and the first 30 disagreements, to study
    python benchmarks/accuracy.py --corpus seeds

    # the domain set: markets, company results, sports, cars and tech, science and health, energy
    python benchmarks/accuracy.py --gold benchmarks/gold/figures_domains.jsonl             # dev and test tables
    python benchmarks/accuracy.py --gold benchmarks/gold/figures_domains.jsonl --split dev --errors 40
    python benchmarks/accuracy.py --gold benchmarks/gold/figures_domains.jsonl --by-domain
    python benchmarks/accuracy.py --gold benchmarks/gold/figures_domains.jsonl --usd            # every bare $ American
    python benchmarks/accuracy.py --gold benchmarks/gold/figures_domains.jsonl --local-dollars  # Lee told dollar="AUD"

Each corpus runs as ``corpuslab run`` runs it: with ``dollar="auto"``, each outlet's dollar guessed from the
countries its articles name (on the whole corpus); ``--usd`` reads every bare "$" as American, as
``find_figures`` on one text does, and ``--local-dollars`` tells each corpus its own dollar.

Tune on the dev split only; the test split is for reporting. The news sentences need
``python benchmarks/corpus.py fetch`` first, the Lee sentences ``python benchmarks/corpus.py fetch-lee``.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "gold" / "figures.jsonl"
CORPORA = {
    "seeds": ROOT / "seeds",
    "news": ROOT / "data" / "news_articles.jsonl",
    "lee": ROOT / "data" / "lee_background.jsonl",
}
FETCH = {"news": "fetch", "lee": "fetch-lee"}
# The corpus's own dollar, as a user who knows where the articles come from passes it (``--local-dollars``):
# the Lee corpus is ABC News Australia, where the domain gold reads a bare "$" as AUD.
LOCAL_DOLLAR = {"lee": "AUD"}
SPLITS = ("dev", "test")
TEMPORAL = {"date", "year", "ordinal"}
ATTRIBUTES = ("detection", "value", "value+unit", "bound/change", "subject")
_STOP = set("a an the of to in on for by with and or at from its their this that is are was were be".split())


@dataclass
class Score:
    """True positives against the number of predictions and gold figures."""

    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / self.n_pred if self.n_pred else 0.0
        r = self.tp / self.n_gold if self.n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Tally:
    scores: dict[str, Score] = field(default_factory=lambda: {a: Score() for a in ATTRIBUTES})
    errors: list[str] = field(default_factory=list)


def _close(a: Any, b: Any) -> bool:
    a = math.nan if a is None else float(a)
    b = math.nan if b is None else float(b)
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return math.isclose(a, b, rel_tol=1e-3, abs_tol=1e-9)


def _content_words(phrase: str | None) -> set[str]:
    words = re.findall(r"[a-z0-9]+", (phrase or "").lower())
    return {w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words if w not in _STOP}


def _judge(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, bool]:
    value = _close(gold["value"], pred["value"])
    unit = value and gold["unit"] == pred["unit"]
    change = (
        value
        and gold.get("bound", "exact") == pred["bound"]
        and (gold.get("trend") or None) == (pred["trend"] if isinstance(pred["trend"], str) else None)
        and bool(gold.get("is_change")) == bool(pred["is_change"])
        and _close(gold.get("from_value"), pred["from_value"])
    )
    subject = bool(_content_words(gold.get("subject")) & _content_words(pred.get("subject")))
    return {"detection": True, "value": value, "value+unit": unit, "bound/change": change, "subject": subject}


def _match(golds: list[dict[str, Any]], preds: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Pair gold and predicted figures one to one, largest overlap first."""
    pairs = []
    for i, g in enumerate(golds):
        for j, p in enumerate(preds):
            overlap = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if overlap > 0:
                pairs.append((overlap, i, j))
    used_g, used_p, out = set(), set(), []
    for _, i, j in sorted(pairs, reverse=True):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


def _score_sentence(tally: Tally, golds: list[dict[str, Any]], preds: list[dict[str, Any]], where: str) -> None:
    for score in tally.scores.values():
        score.n_pred += len(preds)
        score.n_gold += len(golds)
    tally.scores["subject"].n_gold -= sum(1 for g in golds if not g.get("subject"))
    tally.scores["subject"].n_pred -= sum(1 for p in preds if not p.get("subject"))
    matched = _match(golds, preds)
    for i, j in matched:
        verdicts = _judge(golds[i], preds[j])
        for attribute, ok in verdicts.items():
            if attribute == "subject" and not golds[i].get("subject"):
                continue
            tally.scores[attribute].tp += ok
        if not verdicts["bound/change"] or not verdicts["value+unit"]:
            g, p = golds[i], preds[j]
            tally.errors.append(
                f"{where}: gold {g['surface']!r} {g['value']:g} {g['unit']} {g.get('bound')} trend={g.get('trend')} "
                f"change={g.get('is_change')} from={g.get('from_value')} | got {p['surface']!r} {p['value']:g} "
                f"{p['unit']} {p['bound']} trend={p['trend']} change={p['is_change']} from={p['from_value']}"
            )
    for i in set(range(len(golds))) - {i for i, _ in matched}:
        tally.errors.append(f"{where}: missed {golds[i]['surface']!r} ({golds[i]['kind']})")
    for j in set(range(len(preds))) - {j for _, j in matched}:
        tally.errors.append(f"{where}: extra {preds[j]['surface']!r} ({preds[j]['kind']})")


def _predictions(
    corpus: str, doc_ids: set[str], dollar: str = "USD"
) -> tuple[dict[str, str], dict[str, list[dict[str, Any]]]]:
    import corpuslab
    from corpuslab.extract import document_figures
    from corpuslab.extract.dollars import dollar_of, resolve_dollars

    path = CORPORA[corpus]
    if not path.exists():
        raise SystemExit(f"{path} is missing: run `python benchmarks/corpus.py {FETCH.get(corpus, 'fetch')}` first")
    documents = corpuslab.load_documents(path, progress=False)
    dollars = resolve_dollars(dollar, documents)  # "auto" guesses from the whole corpus, as a run would
    documents = documents[documents["doc_id"].isin(doc_ids)]
    texts = dict(zip(documents["doc_id"], documents["text"], strict=True))
    outlets = dict(zip(documents["doc_id"], documents["outlet"], strict=True))
    return texts, {d: document_figures(d, t, dollar=dollar_of(dollars, outlets[d])) for d, t in texts.items()}


def _check_offsets(rows: list[dict[str, Any]], texts: dict[str, str]) -> None:
    """Stop if a gold surface no longer sits at its offsets: the corpus or its loading changed."""
    for row in rows:
        text = texts.get(row["doc_id"])
        if text is None:
            raise SystemExit(f"gold document {row['doc_id']} ({row['corpus']}) is not in the loaded corpus")
        for fig in row["figures"]:
            if text[fig["start"] : fig["end"]] != fig["surface"]:
                raise SystemExit(
                    f"{row['doc_id']}@{fig['start']}: gold surface {fig['surface']!r} is not at its offsets; "
                    "fetch the corpus again"
                )


def predict(
    gold_rows: Iterable[dict[str, Any]],
    *,
    corpora: tuple[str, ...],
    dollar: str = "auto",
) -> dict[str, list[dict[str, Any]]]:
    """Run the extractor once on every document the gold rows of these corpora name; check the gold offsets.
    ``dollar``: "auto" (each outlet's dollar guessed from the whole corpus, as a run does), "USD", or
    "local": a corpus from a country with its own dollar is run with it (``LOCAL_DOLLAR``)."""
    rows = [r for r in gold_rows if r["corpus"] in corpora]
    predictions: dict[str, list[dict[str, Any]]] = {}
    for corpus in corpora:
        corpus_rows = [r for r in rows if r["corpus"] == corpus]
        if not corpus_rows:
            continue
        told = LOCAL_DOLLAR.get(corpus, "USD") if dollar == "local" else dollar
        texts, found = _predictions(corpus, {r["doc_id"] for r in corpus_rows}, told)
        _check_offsets(corpus_rows, texts)
        predictions.update(found)
    return predictions


def evaluate(
    gold_rows: Iterable[dict[str, Any]],
    *,
    corpora: tuple[str, ...],
    predictions: dict[str, list[dict[str, Any]]] | None = None,
) -> dict[str, Tally]:
    """Score the extractor on the gold rows of the given corpora; return tallies for all and quantities."""
    rows = [r for r in gold_rows if r["corpus"] in corpora]
    if predictions is None:
        predictions = predict(rows, corpora=corpora)
    tallies = {"all figures": Tally(), "quantities": Tally()}
    for row in rows:
        inside = [
            p for p in predictions.get(row["doc_id"], []) if row["sentence_start"] <= p["start"] < row["sentence_end"]
        ]
        where = f"{row['doc_id']}@{row['sentence_start']}"
        _score_sentence(tallies["all figures"], row["figures"], inside, where)
        _score_sentence(
            tallies["quantities"],
            [g for g in row["figures"] if g["kind"] not in TEMPORAL],
            [p for p in inside if p["kind"] not in TEMPORAL],
            where,
        )
    return tallies


def _print(tallies: dict[str, Tally], n_sentences: int, title: str = "") -> None:
    print(f"{n_sentences} gold sentences{title}")
    print(
        f"{'figures':<12} {'attribute':<13} {'precision':>9} {'recall':>7} {'F1':>6} {'tp':>5} {'pred':>5} {'gold':>5}"
    )
    for name, tally in tallies.items():
        for attribute, score in tally.scores.items():
            p, r, f = score.prf()
            print(
                f"{name:<12} {attribute:<13} {p:>9.3f} {r:>7.3f} {f:>6.3f} {score.tp:>5} {score.n_pred:>5} "
                f"{score.n_gold:>5}"
            )


def _by_domain(
    rows: list[dict[str, Any]], corpora: tuple[str, ...], predictions: dict[str, list[dict[str, Any]]]
) -> None:
    """One line per domain: detection and value+unit F1 over all figures."""
    domains = sorted({r.get("domain") or "-" for r in rows})
    print(f"{'domain':<16} {'sentences':>9} {'gold':>5} {'detect F1':>9} {'value+unit F1':>13}")
    for domain in domains:
        part = [r for r in rows if (r.get("domain") or "-") == domain]
        tally = evaluate(part, corpora=corpora, predictions=predictions)["all figures"]
        detection, unit = tally.scores["detection"], tally.scores["value+unit"]
        print(f"{domain:<16} {len(part):>9} {detection.n_gold:>5} {detection.prf()[2]:>9.3f} {unit.prf()[2]:>13.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--corpus", choices=[*CORPORA, "all"], default="all")
    parser.add_argument(
        "--split",
        choices=[*SPLITS, "all", "each"],
        default="each",
        help="score one split, all rows together, or each split in its own table (default); "
        "rows without a split (figures.jsonl) always count",
    )
    parser.add_argument("--by-domain", action="store_true", help="also print F1 per domain")
    parser.add_argument("--errors", type=int, default=0, help="print this many disagreements")
    parser.add_argument("--json", type=Path, help="also write the scores to this JSON file")
    told = parser.add_mutually_exclusive_group()
    told.add_argument(
        "--local-dollars",
        dest="dollar",
        action="store_const",
        const="local",
        default="auto",
        help="tell each corpus its own dollar, as its user may (the Lee corpus with dollar='AUD')",
    )
    told.add_argument("--usd", dest="dollar", action="store_const", const="USD", help="read every bare $ as US dollars")
    args = parser.parse_args(argv)
    rows = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    corpora = tuple(sorted({r["corpus"] for r in rows})) if args.corpus == "all" else (args.corpus,)
    rows = [r for r in rows if r["corpus"] in corpora]
    has_splits = any("split" in r for r in rows)
    if not has_splits or args.split == "all":
        groups = {"": rows}
    elif args.split == "each":
        groups = {split: [r for r in rows if r.get("split") == split] for split in SPLITS}
    else:
        groups = {args.split: [r for r in rows if r.get("split") == args.split]}
    # Only the documents of the chosen split are run, so a dev run never touches test-only articles.
    predictions = predict(
        [r for part in groups.values() for r in part],
        corpora=corpora,
        dollar=args.dollar,
    )
    scores: dict[str, dict[str, dict[str, list[float]]]] = {}
    for split, part in groups.items():
        tallies = evaluate(part, corpora=corpora, predictions=predictions)
        _print(tallies, len(part), f" (split {split})" if split else "")
        if args.by_domain:
            _by_domain(part, corpora, predictions)
        for line in tallies["all figures"].errors[: args.errors]:
            print(line)
        scores[split or "all"] = {
            name: {attribute: [round(x, 4) for x in score.prf()] for attribute, score in tally.scores.items()}
            for name, tally in tallies.items()
        }
    if args.json:
        args.json.write_text(json.dumps(scores if has_splits else scores["all"], indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

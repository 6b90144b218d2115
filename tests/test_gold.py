"""The gold sets under benchmarks/gold are well formed: same keys, closed vocabularies, offsets in place.

The offsets are checked against the corpora only where they have been fetched (data/ is git-ignored).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "gold"
CORPORA = {"news": ROOT / "data" / "news_articles.jsonl", "lee": ROOT / "data" / "lee_background.jsonl"}
BOUNDS = {"exact", "approximate", "over", "at_least", "under", "at_most"}
DOMAINS = {"markets", "company_results", "sports", "cars_tech", "science_health", "energy"}


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (GOLD / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def test_domain_set_uses_the_development_set_keys_plus_domain_and_split():
    base = _rows("figures.jsonl")
    rows = _rows("figures_domains.jsonl")
    assert {k for r in rows for k in r} == {k for r in base for k in r} | {"domain", "split"}
    base_figure_keys = {k for r in base for f in r["figures"] for k in f}
    assert all(set(f) == base_figure_keys for r in rows for f in r["figures"])


def test_domain_set_has_every_domain_in_both_splits_and_every_third_sentence_is_test():
    rows = _rows("figures_domains.jsonl")
    assert len(rows) >= 300
    assert {(r["domain"], r["split"]) for r in rows} == {(d, s) for d in DOMAINS for s in ("dev", "test")}
    for domain in DOMAINS:
        splits = [r["split"] for r in rows if r["domain"] == domain]
        assert splits == ["test" if i % 3 == 2 else "dev" for i in range(len(splits))]
    assert not [k for k, n in Counter((r["doc_id"], r["sentence_start"]) for r in rows).items() if n > 1]


def test_domain_figures_use_the_closed_vocabularies_and_lie_inside_their_sentence():
    for row in _rows("figures_domains.jsonl"):
        for fig in row["figures"]:
            assert row["sentence_start"] <= fig["start"] < fig["end"] <= row["sentence_end"], fig
            assert fig["end"] - fig["start"] == len(fig["surface"]), fig
            assert fig["bound"] in BOUNDS and fig["trend"] in {None, "up", "down"}, fig
            if fig["low"] is not None:
                assert fig["low"] == fig["value"] <= fig["high"], fig
            if fig["kind"] == "currency":
                assert fig["unit"].split("_per_")[0] == fig["currency"], fig
            if fig["kind"] == "count":
                assert fig["noun"], fig


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_domain_surfaces_sit_at_their_offsets_in_the_fetched_corpus(corpus):
    path = CORPORA[corpus]
    if not path.exists():
        pytest.skip(f"{path.name} not fetched (python benchmarks/corpus.py fetch / fetch-lee)")
    rows = [r for r in _rows("figures_domains.jsonl") if r["corpus"] == corpus]
    wanted = {r["doc_id"] for r in rows}
    texts = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record["doc_id"] in wanted:
                texts[record["doc_id"]] = record["text"]
    for row in rows:
        text = texts[row["doc_id"]]
        for fig in row["figures"]:
            assert text[fig["start"] : fig["end"]] == fig["surface"], (row["doc_id"], fig["surface"])


def test_claims_gold_groups_belong_to_one_known_event_and_no_article_reports_two():
    events = _rows("events.jsonl")
    assert {e["split"] for e in events} <= {"dev", "test", "holdout"}
    owner: dict[str, str] = {}
    for event in events:
        for doc_id in event["doc_ids"]:  # a borderline article may be another event's own
            assert owner.setdefault(doc_id, event["event"]) == event["event"], doc_id
    names = {e["event"] for e in events}
    groups = _rows("claims.jsonl")
    assert len({g["group"] for g in groups}) == len(groups)
    for group in groups:
        assert group["event"] in names and group["verdict"] in {"consistent", "conflicting", "not_comparable"}
        assert len({m["doc_id"] for m in group["mentions"]}) == len(group["mentions"]) >= 2, group["group"]


def test_claims_gold_mentions_sit_at_their_offsets_in_the_loaded_corpus():
    path = CORPORA["news"]
    if not path.exists():
        pytest.skip(f"{path.name} not fetched (python benchmarks/corpus.py fetch)")
    import corpuslab

    texts = dict(corpuslab.load_documents(path, progress=False)[["doc_id", "text"]].itertuples(index=False))
    for group in _rows("claims.jsonl"):
        for m in group["mentions"]:
            assert texts[m["doc_id"]][m["start"] : m["end"]] == m["surface"], (group["group"], m["surface"])

"""Linked statements -> claims and comparisons, one event at a time.

An event's statements are linked into groups (:mod:`.links`); each group is a claim, judged by
:mod:`.verdicts`. Pairs of statements from different sources inside a claim are the comparisons
(at most ``max_pairs_per_claim`` per claim, each statement against the median one beyond that).

Plain Python records, not pandas sub-frames, inside the loop: a corpus has tens of thousands of
claims and per-claim pandas indexing would cost more than everything else.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Iterator
from typing import Any

import numpy as np
import pandas as pd

from corpuslab.compare.intervals import relative_difference
from corpuslab.compare.links import Linking, Links, link_event, resolve_lost_currency, weigh
from corpuslab.compare.verdicts import Record, consensus, judge, pair_agrees, reason

VERDICT_ORDER = {"conflicting": 0, "not_comparable": 1, "consistent": 2, "single_source": 3}
MAX_PAIRS_PER_CLAIM = 2_000
_SHARED_TERMS = 5


def event_claims(
    statements: pd.DataFrame,
    idf: np.ndarray,
    *,
    linking: Linking | None = None,
    max_pairs_per_claim: int = MAX_PAIRS_PER_CLAIM,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Return ``(claims, comparisons, statements with claim_id)`` for statements of whole events.

    Statements are taken in corpus order inside each event, so the result does not depend on how
    the corpus was partitioned.
    """
    linking = linking or Linking()
    statements = statements.sort_values(["event_id", "doc_rank", "start", "role"], kind="stable").reset_index(drop=True)
    claim_ids = np.empty(len(statements), dtype=object)
    roles = statements["role"].to_numpy(dtype=object).copy()
    claims: list[Record] = []
    comparisons: list[Record] = []
    vectors = weigh(statements["terms"], idf)
    records = statements.to_dict("records")
    for _, index in statements.groupby("event_id", sort=False).indices.items():
        rows = resolve_lost_currency([records[i] for i in index])
        links = link_event(rows, vectors[index], linking=linking)
        groups, repeats = _first_of_each_document(list(_groups(links.labels)), rows)
        repeats |= _repeats(groups, rows)
        for members in groups:
            if members[0] in repeats:
                continue
            claim, pairs = _claim([rows[i] for i in members], members, links, linking, max_pairs_per_claim)
            claims.append(claim)
            comparisons.extend(pairs)
            claim_ids[index[members]] = claim["claim_id"]
        for single, target in repeats.items():
            claim_ids[index[single]] = claim_ids[index[target]]
            roles[index[single]] = "repeat"
    out = statements.assign(claim_id=claim_ids, role=roles)
    return pd.DataFrame(claims), pd.DataFrame(comparisons), out


def _first_of_each_document(groups: list[list[int]], rows: list[Record]) -> tuple[list[list[int]], dict[int, int]]:
    """Groups keeping one statement per document and role (the first), and the later ones that repeat its
    value, each pointing at its document's first statement in the group (linking joins a document twice only
    for a repeat)."""
    kept, repeats = [], {}
    for members in groups:
        first: dict[tuple[str, str], int] = {}
        for i in members:
            key = (rows[i]["doc_id"], rows[i]["role"])
            if key in first:
                repeats[i] = first[key]
            else:
                first[key] = i
        kept.append([i for i in members if i not in repeats])
    return kept, repeats


def _repeats(groups: list[list[int]], rows: list[Record]) -> dict[int, int]:
    """Statements left alone that repeat, in the same document, a value of a multi-source group: each
    joins that group's claim as a ``repeat`` (a claim holds one statement per document per role)."""
    stated: dict[tuple[str, str, float], int] = {}
    for members in groups:
        if len(members) > 1:
            for i in members:
                stated.setdefault((rows[i]["doc_id"], rows[i]["measure"], rows[i]["value"]), i)
    return {
        members[0]: target
        for members in groups
        if len(members) == 1
        and (target := stated.get((rows[members[0]]["doc_id"], rows[members[0]]["measure"], rows[members[0]]["value"])))
        is not None
    }


def claim_id(event_id: str, measure: str, rows: list[Record]) -> str:
    """Deterministic id of a claim from its event, measure and statements."""
    key = (event_id, measure, sorted((r["figure_id"], r["role"]) for r in rows))
    return hashlib.blake2b(repr(key).encode(), digest_size=6).hexdigest()


def _groups(labels: np.ndarray) -> Iterator[list[int]]:
    members: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        members.setdefault(int(label), []).append(i)
    yield from members.values()


def _claim(
    rows: list[Record], members: list[int], links: Links, linking: Linking, max_pairs: int
) -> tuple[Record, list[Record]]:
    # Sources in a fixed order, so a claim reads the same whatever order the corpus came in.
    order = sorted(range(len(rows)), key=lambda k: (str(rows[k]["source"]), rows[k]["doc_id"], rows[k]["start"]))
    rows, members = [rows[k] for k in order], [members[k] for k in order]
    first = rows[0]
    cid = claim_id(first["event_id"], first["measure"], rows)
    position = {id(r): m for r, m in zip(rows, members, strict=True)}

    def score(a: Record, b: Record) -> float:
        return links.score(position[id(a)], position[id(b)])

    verdict = judge(rows)
    inside = set(members)
    linked = [s for (i, j), s in links.scores.items() if i in inside and j in inside]
    scope = _scope(rows)
    shared = _shared_terms(rows)
    sources = list(dict.fromkeys(r["source"] for r in rows))
    common = _consensus_bounds(rows, verdict.verdict)
    claim = {
        "claim_id": cid, "event_id": first["event_id"], "measure": first["measure"], "kind": first["kind"],
        "unit": first["unit"], "subject": _label(rows), "scope": scope,
        "n_figures": len({r["figure_id"] for r in rows}), "n_sources": len(sources),
        "n_documents": len({r["doc_id"] for r in rows}), "interval_low": common[0], "interval_high": common[1],
        "verdict": verdict.verdict, "reason_code": verdict.code, "reason": reason(rows, verdict, scope, shared),
        "sources": ", ".join(sources), "link_score": min(linked) if linked else math.nan,
        "shared_terms": shared or None,
    }  # fmt: skip
    return claim, list(_pairs(rows, cid, verdict.verdict, score, max_pairs))


def _consensus_bounds(rows: list[Record], verdict: str) -> tuple[float, float]:
    common = consensus(rows) if verdict in ("consistent", "single_source") else None
    return common if common is not None else (math.nan, math.nan)


def _pairs(rows: list[Record], cid: str, verdict: str, score: Any, max_pairs: int) -> Iterator[Record]:
    n = len(rows)
    candidates: Iterator[tuple[int, int]] = ((i, j) for i in range(n) for j in range(i + 1, n))
    if n * (n - 1) // 2 > max_pairs:
        median = sorted(range(n), key=lambda i: rows[i]["value"])[n // 2]
        candidates = ((median, j) for j in range(n) if j != median)
    for i, j in candidates:
        a, b = rows[i], rows[j]
        if a["source"] == b["source"]:
            continue  # one outlet repeating itself is not a cross-source comparison
        similarity = score(a, b)
        if pair_agrees(a, b):
            pair_verdict = "consistent"
        elif verdict == "conflicting":
            pair_verdict = "conflicting"
        else:
            pair_verdict = "not_comparable"
        yield {
            "claim_id": cid, "figure_id_a": a["figure_id"], "figure_id_b": b["figure_id"], "role_a": a["role"],
            "role_b": b["role"], "doc_id_a": a["doc_id"], "doc_id_b": b["doc_id"], "source_a": a["source"],
            "source_b": b["source"], "interval_low_a": a["low"], "interval_high_a": a["high"],
            "interval_low_b": b["low"], "interval_high_b": b["high"],
            "relative_difference": relative_difference(a["value"], b["value"]), "link_score": round(similarity, 6),
            "verdict": pair_verdict,
        }  # fmt: skip


def _scope(rows: list[Record]) -> str:
    """The most common known time and place of the claim's statements."""
    parts = []
    for key in ("place", "time"):
        known = Counter(r[key] for r in rows if isinstance(r[key], str) and r[key])
        if known:
            parts.append(_most_common(known))
    return ", ".join(parts) if parts else "unknown"


def _label(rows: list[Record]) -> str:
    return _most_common(Counter(r["subject"] for r in rows))


def _most_common(counts: Counter[str]) -> str:
    """The most frequent value; ties go to the first in alphabetical order, so document order never matters."""
    return min(counts, key=lambda v: (-counts[v], v))


def _shared_terms(rows: list[Record]) -> str:
    """The context words most statements of the claim share (names first)."""
    if len({r["source"] for r in rows}) < 2:
        return ""
    counts: Counter[str] = Counter()
    for r in rows:
        counts.update(set(str(r["terms"]).split()))
    shared = [t for t, n in counts.items() if n >= 2]
    shared.sort(key=lambda t: (-counts[t], not t.startswith("name:"), t))
    return ", ".join(t.removeprefix("name:").replace("_", " ") for t in shared[:_SHARED_TERMS])

"""Statements -> claims and comparisons: group, split by scope, compare pairs, give verdicts and reasons.

A claim is the statements of one measure about one subject in one scope. Pairs of statements from
different sources are formed only inside a claim, so the work grows with the corpus, not with its
square; a claim too large for all its pairs compares each statement with its median one. A pair agrees when its
intervals overlap; when they do not, it conflicts only if both scopes are known and the subject is
specific; otherwise it is not comparable. A claim with any conflicting pair is conflicting.

Plain Python records, not pandas sub-frames, inside the loop: a corpus has tens of thousands of
claims and per-claim pandas indexing would cost more than everything else.
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from corpuslab.compare.intervals import overlap, relative_difference
from corpuslab.units import format_value
from corpuslab.vocab import PHYSICAL_KINDS

VERDICT_ORDER = {"conflicting": 0, "not_comparable": 1, "consistent": 2, "single_source": 3}
_BOUND_WORDS = {"exact": "", "approximate": "about ", "over": "over ", "at_least": "at least ", "under": "under ",
                "at_most": "up to "}  # fmt: skip
_MAX_SOURCES_IN_REASON = 4
_MAX_VALUES_PER_SOURCE = 3
Record = dict[str, Any]


@dataclass
class _Cluster:
    time: str | None
    place: str | None
    members: list[Record] = field(default_factory=list)
    is_ambiguous_scope: bool = False

    def accepts(self, time: str | None, place: str | None) -> bool:
        return (time is None or self.time is None or time == self.time) and (
            place is None or self.place is None or place == self.place
        )


def add_keys(st: pd.DataFrame) -> pd.DataFrame:
    """Add each statement's ``subject_key``, ``time`` and ``bucket`` (the claim key before scopes split it).

    Figures are compared only inside one story: a name or a noun alone does not make two unrelated
    reports about the same thing. The bucket is a string so a distributed engine can shuffle on it.
    """
    st = st.reset_index(drop=True)
    st["subject_key"] = [
        _subject_key(a, bool(m), h) for a, m, h in zip(st["anchor_key"], st["is_ambiguous"], st["head"], strict=True)
    ]
    year = st["year"].map(lambda y: str(int(y)) if isinstance(y, (int, float)) and y == y else None)
    st["time"] = year.where(year.notna(), st["frame"])
    st["bucket"] = [
        "\x1f".join((m, u, k if isinstance(k, str) else "", str(s)))
        for m, u, k, s in zip(st["measure"], st["unit"], st["subject_key"], st["story"], strict=True)
    ]
    return st


def group_statements(
    st: pd.DataFrame, *, max_pairs_per_claim: int = 2_000
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Return ``(claims, comparisons, statements)`` for statements with intervals and keys (:func:`add_keys`);
    the statements come back with their ``claim_id``.

    Every bucket must be whole in ``st`` (a distributed engine shuffles on ``bucket`` first); inside a
    bucket statements are taken in corpus order, so the result does not depend on partitioning.
    """
    if "bucket" not in st.columns:
        st = add_keys(st)
    st = st.sort_values(["doc_rank", "start", "role"], kind="stable").reset_index(drop=True)
    records = st.to_dict("records")
    for r in records:
        for column in ("time", "place", "subject_key", "anchor_key", "head", "currency"):
            if not isinstance(r[column], str):
                r[column] = None
    buckets: dict[str, list[Record]] = defaultdict(list)
    for r in records:
        buckets[r["bucket"]].append(r)
    claims: list[Record] = []
    comparisons: list[Record] = []
    for members in buckets.values():
        first = members[0]
        bucket_key = (first["measure"], first["unit"], first["subject_key"] or "", first["story"])
        for cluster in _clusters(members):
            claim, pairs = _claim(bucket_key, cluster, max_pairs_per_claim)
            for r in cluster.members:
                r["claim_id"] = claim["claim_id"]
            claims.append(claim)
            comparisons.extend(pairs)
    out = pd.DataFrame(records, columns=[*st.columns, "claim_id"]) if records else st.assign(claim_id=None)
    return pd.DataFrame(claims), pd.DataFrame(comparisons), out


def _subject_key(anchor: object, is_ambiguous: bool, head: object) -> str | None:
    """The subject part of a claim's key: the anchor (an ambiguous one marked) with the head noun when the
    unit does not say what is measured ("United States / travel ban"), else the head alone."""
    head = head if isinstance(head, str) and head else None
    if isinstance(anchor, str) and anchor:
        key = anchor + (" (ambiguous)" if is_ambiguous else "")
        return f"{key} / {head}" if head else key
    return head


def _clusters(members: list[Record]) -> Iterator[_Cluster]:
    """Split a bucket by scope; a statement with unknown scope joins the one cluster it fits, if only one."""
    if not members[0]["subject_key"]:
        for r in members:  # nothing tells what these are about: each is its own claim
            yield _Cluster(r["time"], r["place"], [r])
        return
    clusters: dict[tuple[Any, Any], _Cluster] = {}
    unknown = []
    for r in members:
        if _has_own_scope(r):
            clusters.setdefault((r["time"], r["place"]), _Cluster(r["time"], r["place"])).members.append(r)
        else:
            unknown.append(r)
    partial: dict[tuple[Any, ...], _Cluster] = {}
    for r in unknown:
        fits = [c for c in clusters.values() if c.accepts(r["time"], r["place"])]
        if len(fits) == 1:
            fits[0].members.append(r)
            continue
        own = partial.setdefault((r["time"], r["place"], len(fits) > 1), _Cluster(r["time"], r["place"]))
        own.is_ambiguous_scope = len(fits) > 1
        own.members.append(r)
    yield from clusters.values()
    yield from partial.values()


def _has_own_scope(r: Record) -> bool:
    """Whether a statement says when it holds and, for an event, where."""
    return r["time"] is not None and (r["place"] is not None or not r["is_event"])


def claim_id(key: tuple[Any, ...]) -> str:
    """Deterministic id of a claim from its key."""
    return hashlib.blake2b(repr(key).encode(), digest_size=6).hexdigest()


def _claim(bucket_key: tuple[Any, ...], cluster: _Cluster, max_pairs: int) -> tuple[Record, list[Record]]:
    rows = cluster.members
    first = rows[0]
    lone = (first["figure_id"], first["role"]) if not first["subject_key"] else None
    cid = claim_id((bucket_key, cluster.time, cluster.place, cluster.is_ambiguous_scope, lone))
    sources = list(dict.fromkeys(r["source"] for r in rows))
    specific = _is_specific(first)
    torn = _torn_source(rows)
    pairs = list(_pairs(rows, cid, specific and torn is None, cluster, max_pairs))
    verdict = _verdict(len(sources), [p["verdict"] for p in pairs])
    consensus = _consensus(rows)
    claim = {
        "claim_id": cid, "measure": first["measure"], "kind": first["kind"], "unit": first["unit"],
        "subject": _subject_label(first), "scope": _scope_label(cluster),
        "n_figures": len({r["figure_id"] for r in rows}), "n_sources": len(sources),
        "n_documents": len({r["doc_id"] for r in rows}),
        "interval_low": consensus[0] if consensus else math.nan,
        "interval_high": consensus[1] if consensus else math.nan,
        "verdict": verdict, "reason": _reason(rows, verdict, pairs, consensus, specific, cluster, torn),
        "sources": ", ".join(sources), "has_ambiguous_subject": bool(first["is_ambiguous"]),
    }  # fmt: skip
    return claim, pairs


def _is_specific(row: Record) -> bool:
    """Only a specific subject can conflict: an anchor with what is measured, an event with its place, a
    count of something done ("people killed"), or a subject of two words or more ("bilateral trade", not "gas")."""
    head = row["head"] or ""
    if row["is_ambiguous"]:
        return False
    if row["anchor_key"]:
        # A name alone says what is measured only when the unit does: "Oroville Dam: 230 m" may be its
        # height or its spillway's length, "Power of Siberia: 38 bcm/y" is its flow.
        return bool(head) or row["kind"] in PHYSICAL_KINDS
    if row["kind"] == "count":
        return head in ("document", "visit") or len(head.split()) >= 2  # the noun's class and what befell it
    return bool(row["is_event"]) or len(head.split()) >= 2


def _torn_source(rows: list[Record]) -> str | None:
    """The first source whose own statements in this claim have no value in common, if any.

    One outlet giving two incompatible values under one key (a toll of 4 and of 55, a tax rate of 25 %
    and 3.5 %) shows the key does not single out one quantity: several events, a figure that was
    updated, a hypothetical. Another outlet's different value then proves nothing, so it is not compared.
    """
    by_source: dict[tuple[str, str], list[Record]] = defaultdict(list)
    for r in rows:
        by_source[(r["source"], r["role"])].append(r)  # a change's two values may share a claim
    for (source, _), own in by_source.items():
        if len({r["figure_id"] for r in own}) > 1 and _consensus(own) is None:
            return str(source)
    return None


def _pairs(rows: list[Record], cid: str, specific: bool, cluster: _Cluster, max_pairs: int) -> Iterator[Record]:
    n = len(rows)
    candidates: Iterator[tuple[int, int]] = ((i, j) for i in range(n) for j in range(i + 1, n))
    if n * (n - 1) // 2 > max_pairs:
        # A huge claim: compare every statement with the claim's median one, not with every other.
        median = sorted(range(n), key=lambda i: rows[i]["value"])[n // 2]
        candidates = ((median, j) for j in range(n) if j != median)
    comparable = (
        specific
        and cluster.time is not None
        and not cluster.is_ambiguous_scope
        and (not rows[0]["is_event"] or cluster.place is not None)
    )
    for i, j in candidates:
        a, b = rows[i], rows[j]
        if a["source"] == b["source"]:
            continue  # one outlet repeating itself is not a cross-source comparison
        common = overlap(
            a["low"], a["high"], a["low_open"], a["high_open"], b["low"], b["high"], b["low_open"], b["high_open"]
        )
        # A statement that joined the cluster for want of its own scope can agree but never conflict.
        scoped = _has_own_scope(a) and _has_own_scope(b)
        verdict = "consistent" if common else "conflicting" if comparable and scoped else "not_comparable"
        yield {
            "claim_id": cid, "figure_id_a": a["figure_id"], "figure_id_b": b["figure_id"], "role_a": a["role"],
            "role_b": b["role"], "doc_id_a": a["doc_id"], "doc_id_b": b["doc_id"], "source_a": a["source"],
            "source_b": b["source"], "interval_low_a": a["low"], "interval_high_a": a["high"],
            "interval_low_b": b["low"], "interval_high_b": b["high"],
            "relative_difference": relative_difference(a["value"], b["value"]), "verdict": verdict,
        }  # fmt: skip


def _verdict(n_sources: int, pair_verdicts: list[str]) -> str:
    if n_sources <= 1 or not pair_verdicts:
        return "single_source"
    if "conflicting" in pair_verdicts:
        return "conflicting"
    if all(v == "consistent" for v in pair_verdicts):
        return "consistent"
    return "not_comparable"


def _consensus(rows: list[Record]) -> tuple[float, float] | None:
    low = max(r["low"] for r in rows)
    high = min(r["high"] for r in rows)
    low_open = any(r["low_open"] for r in rows if r["low"] == low)
    high_open = any(r["high_open"] for r in rows if r["high"] == high)
    if low < high or (low == high and not (low_open or high_open)):
        return float(low), float(high)
    return None


def _subject_label(row: Record) -> str:
    head = row["head"] or ""
    if row["anchor"] and isinstance(row["anchor"], str):
        label = row["anchor"] + (" (ambiguous)" if row["is_ambiguous"] else "")
        return f"{label}: {head}" if head else label
    return head or str(row["surface"])


def _scope_label(cluster: _Cluster) -> str:
    parts = [p for p in (cluster.place, cluster.time) if p]
    label = ", ".join(parts) if parts else "unknown"
    return label + (" (scope unclear)" if cluster.is_ambiguous_scope else "")


def stated(row: Record) -> str:
    """How a statement reads in a reason: "about 61 bcm/y", "over 20", "38 bcm/y before"."""
    text = format_value(row["value"], row["unit"], currency=row["currency"])
    if row["role"] == "earlier_value":
        return f"{text} before"
    if row["range_low"] == row["range_low"] and row["range_high"] == row["range_high"]:
        low = format_value(row["range_low"], row["unit"], currency=row["currency"])
        return f"{low} to {format_value(row['range_high'], row['unit'], currency=row['currency'])}"
    return _BOUND_WORDS.get(row["bound"], "") + text


def _reason(
    rows: list[Record],
    verdict: str,
    pairs: list[Record],
    consensus: tuple[float, float] | None,
    specific: bool,
    cluster: _Cluster,
    torn: str | None = None,
) -> str:
    by_source: dict[str, list[str]] = {}
    for row in rows:
        by_source.setdefault(row["source"], []).append(stated(row))
    said = []
    for source, values in by_source.items():
        distinct = list(dict.fromkeys(values))
        more = f" and {len(distinct) - _MAX_VALUES_PER_SOURCE} more" if len(distinct) > _MAX_VALUES_PER_SOURCE else ""
        said.append(f"{source} says {' and '.join(distinct[:_MAX_VALUES_PER_SOURCE])}{more}")
    shown = ", ".join(said[:_MAX_SOURCES_IN_REASON]) + (
        f" and {len(said) - _MAX_SOURCES_IN_REASON} more sources" if len(said) > _MAX_SOURCES_IN_REASON else ""
    )
    unit, currency = rows[0]["unit"], rows[0]["currency"]
    if verdict == "single_source":
        return f"Only {rows[0]['source']}: {', '.join(dict.fromkeys(by_source[rows[0]['source']]))}."
    if verdict == "consistent":
        common = (
            ""
            if consensus is None
            else (
                f" (common ground {format_value(consensus[0], unit, currency=currency)}"
                f" to {format_value(consensus[1], unit, currency=currency)})"
            )
        )
        return f"{shown}: the intervals overlap{common}."
    worst = max((p for p in pairs if p["verdict"] != "consistent"), key=lambda p: p["relative_difference"])
    if verdict == "conflicting":
        return (
            f"{shown}: {worst['source_a']} and {worst['source_b']} do not overlap "
            f"({worst['relative_difference']:.0%} apart) for the same scope ({_scope_label(cluster)})."
        )
    if not specific:
        why = "the subject is too general to tell they mean the same thing"
    elif torn is not None:
        why = f"{torn} itself gives values that do not overlap, so they need not be one quantity"
    else:
        why = "the scope cannot be told (when or where each holds)"

    return f"{shown}: the values differ, but {why}; not compared."

"""Statements of one event -> candidate pairs, their scores, and the groups they link into.

Inside an event, two statements are candidates when they state the same measure, come from
different sources and their scopes can be the same (no two different years, places or numbered
siblings such as "Power of Siberia 1" and "2"; no forecast against a fact). Each candidate pair
is scored by the cosine similarity of the words around the two figures, weighted by how rare each
word is in the corpus (the events step's IDF).

Agreement needs less evidence than conflict: two outlets giving the same value in a similar
context are very likely stating the same fact, while two different values must share strong,
specific context before they are put side by side. Pairs are linked best first (agreeing ones
before disagreeing ones); a link that would put two statements of one document (in one role) into
one group is refused, so a claim holds at most one statement per document per role.

Examples
--------
>>> Linking().agree < Linking().conflict
True
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from corpuslab.compare.events import hash_terms
from corpuslab.compare.verdicts import consensus, pair_agrees
from corpuslab.units import ISO_CURRENCIES, LOST_CURRENCY, swap_currency

if TYPE_CHECKING:
    from scipy import sparse


@dataclass(frozen=True)
class Linking:
    """How much shared context links two statements (cosine similarity, 0-1); tuned on the claims gold's dev split.

    same_value
        Enough for two statements of the same specific value ("23,000 soldiers" twice): in one event,
        that coincidence is itself the evidence, so by default no shared word is needed.
    agree
        Enough for two statements whose intervals overlap otherwise.
    conflict
        Enough for two statements whose intervals do not: a conflict is a strong claim.
    """

    same_value: float = 0.0
    agree: float = 0.03
    conflict: float = 0.45


# News moves: a toll or a crowd reported days later is an update, not a contradiction. Different values from
# reports published further apart than this are kept apart (time zones put one day's news on two dates).
_NEWS_CYCLE_DAYS = 1
# Two values more than this factor apart are rarely one fact told two ways ("48 fewer candidates" in all and "six
# fewer" for one party): on the claims gold's dev split, 30 of the 31 real conflicts lie within 2.5x.
_CONFLICT_RATIO = 3.0
# Small whole numbers (two senators, seven countries) recur in any event; larger ones rarely by chance.
_COMMON_NUMBERS = 12
# A conflict needs more than one shared context word (a name counts as one): the counted noun alone ("1.5
# billion coins", "400 million of the old coins") says what is counted, not which count.
_CONFLICT_SHARED_TERMS = 2
# The suffix of a measure of change ("count_change"), as statements.py writes it.
_CHANGE = "_change"
# Ties in similarity are broken towards pairs whose values match: they are more likely one fact.
_VALUE_BONUS = 0.2
# The same specific name nearest both figures is evidence of one subject; a numbered one ("Power of
# Siberia 1", "Line 2") names one thing only, so it weighs more.
_ANCHOR_BONUS = 0.15
_NUMBERED_ANCHOR_BONUS = 0.3


@dataclass
class Links:
    """The groups of one event's statements (a label per statement), the score of every linked pair, and the
    context similarity of every pair of statements of one measure."""

    labels: np.ndarray
    scores: dict[tuple[int, int], float]
    similarity: dict[tuple[int, int], float]

    def score(self, i: int, j: int) -> float:
        """Context similarity of statements ``i`` and ``j`` (0 when they are of different measures)."""
        return self.similarity.get((min(i, j), max(i, j)), 0.0)


def resolve_lost_currency(rows: list[dict]) -> list[dict]:
    """An event's statements, a lost currency sign ("?7bn", unit ``XXX``) read as the currency of the other
    outlets' figures it matches: a value its interval allows ("6.95 billion pounds"; not a small whole
    number), all in one currency. A sign that matches none, or figures in two currencies, or stands under
    an open bound ("over ?123m"), stays lost."""
    # Only a figure's rounding says what it may equal: an open bound ("over ¤123 million") allows far too much.
    lost = [
        i
        for i, r in enumerate(rows)
        if str(r["unit"]).startswith(LOST_CURRENCY) and r["bound"] in ("exact", "approximate")
    ]
    if not lost:
        return rows
    out = list(rows)
    for i in lost:
        a = rows[i]
        suffix = str(a["unit"]).removeprefix(LOST_CURRENCY)  # "" or "_per_year": the same per-unit only
        codes = {
            code
            for b in rows
            if b["source"] != a["source"]
            and b["measure"] == a["measure"]
            and (code := _code_with(str(b["unit"]), suffix)) is not None
            and _is_specific(b["value"])
            and a["low"] <= b["value"] <= a["high"]
        }
        if len(codes) == 1:
            code = codes.pop()
            out[i] = {**a, "unit": swap_currency(str(a["unit"]), LOST_CURRENCY, code), "currency": code}
    return out


def _code_with(unit: str, suffix: str) -> str | None:
    """The currency of ``unit`` when it is that currency with exactly ``suffix`` ("GBP", "GBP_per_year")."""
    code = unit[: len(unit) - len(suffix)] if unit.endswith(suffix) else ""
    return code if code in ISO_CURRENCIES else None


def link_event(rows: list[dict], vectors: sparse.csr_matrix, *, linking: Linking | None = None) -> Links:
    """Group one event's statements (records in corpus order; ``vectors`` their contexts, :func:`weigh`) into claims.

    Two passes. Agreeing pairs link first, best first, as long as the group keeps a value every
    statement allows (so a consistent claim always has a common interval, and "about 40" cannot
    chain 36 to 44). Then two groups whose best pair disagrees are joined, as a conflict, only
    when that pair shares strong context and no outlet stands on both sides.
    """
    linking = linking or Linking()
    similarity: dict[tuple[int, int], float] = {}
    agreeing, disagreeing = [], []
    for pair in _candidates(rows, vectors, linking, similarity):
        (agreeing if pair[3] else disagreeing).append(pair[:3])
    groups = _Groups(rows)
    scores: dict[tuple[int, int], float] = {}
    # Written figures link before vague words ("dozens" agrees with 42 and with 33 alike): a vague word must not
    # take a document's place in a group that its written figure would fill. Ties in corpus order: reruns agree.
    is_vague = [not _is_written(r) for r in rows]
    for i, j, score in sorted(agreeing, key=lambda p: (is_vague[p[0]] or is_vague[p[1]], -p[2], p[0], p[1])):
        if groups.join(i, j, keep_common=True):
            scores[(i, j)] = score
    for i, j, score in sorted(disagreeing, key=lambda p: (-p[2], p[0], p[1])):
        if groups.join(i, j, keep_common=False):
            scores[(i, j)] = score
    return Links(groups.labels(), scores, similarity)


class _Groups:
    """Union-find over statements that refuses a join that would put one document (in one role) twice into a
    group (unless it repeats the same specific value), break its common interval (``keep_common``), or set an
    outlet against itself."""

    def __init__(self, rows: list[dict]) -> None:
        self.rows = rows
        self.parent = list(range(len(rows)))
        self.members = [[i] for i in range(len(rows))]

    def root(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int, *, keep_common: bool) -> bool:
        a, b = self.root(i), self.root(j)
        if a == b:
            return True
        left, right = self.members[a], self.members[b]
        if not self._repeats_only(left, right):
            return False  # one document would state the fact twice: its statements are about different things
        merged = [self.rows[k] for k in left + right]
        if keep_common and consensus(merged) is None:
            return False
        if not keep_common and {self.rows[k]["source"] for k in left} & {self.rows[k]["source"] for k in right}:
            return False  # an outlet on both sides contradicts itself: no single quantity
        self.parent[b] = a
        self.members[a] = left + right
        return True

    def _repeats_only(self, left: list[int], right: list[int]) -> bool:
        """Whether every document (in one role) on both sides states the same specific value on both, or
        rounds on one side the exact value it gives on the other: then it repeats one fact ("nine months" in
        its lead and again below; "nearly 250" in its lead, "246" below), and the group may take both."""
        by_key = {(self.rows[k]["doc_id"], self.rows[k]["role"]): self.rows[k] for k in left}
        return all(
            first["measure"] == self.rows[k]["measure"]  # "a loss of £2bn" and "cut costs by £2bn": two facts
            and (_same_value(first, self.rows[k]) or _rounds(first, self.rows[k]) or _rounds(self.rows[k], first))
            for k in right
            if (first := by_key.get((self.rows[k]["doc_id"], self.rows[k]["role"]))) is not None
        )

    def labels(self) -> np.ndarray:
        return np.array([self.root(i) for i in range(len(self.rows))], dtype=int)


def weigh(terms: Iterable[str], idf: np.ndarray) -> sparse.csr_matrix:
    """Each statement's context as an IDF-weighted unit vector in the events step's hash space."""
    from sklearn.preprocessing import normalize

    counts = hash_terms([str(t).split() for t in terms]).astype(float)
    counts.data = 1.0 + np.log(counts.data)
    return normalize(counts.multiply(idf[np.newaxis, :]).tocsr())


def _candidates(
    rows: list[dict], vectors: sparse.csr_matrix, linking: Linking, similarity: dict[tuple[int, int], float]
) -> Iterator[tuple[int, int, float, bool]]:
    """Yield ``(i, j, score, agreeing)`` for pairs that may state the same fact, scored above their threshold."""
    measures: dict[tuple[str, str], list[int]] = {}
    for i, r in enumerate(rows):
        # A level and a change of one quantity meet here, but only to link the same specific value: "cost the
        # company $350 million" and "the price was lowered by $350 million" state one amount two ways.
        measures.setdefault((str(r["measure"]).removesuffix(_CHANGE), r["unit"]), []).append(i)
    for index in measures.values():
        if len(index) < 2 or len({rows[i]["source"] for i in index}) < 2:
            continue
        block = (vectors[index] @ vectors[index].T).toarray()
        for x in range(len(index)):
            for y in range(x + 1, len(index)):
                i, j = int(index[x]), int(index[y])
                a, b = rows[i], rows[j]
                score = min(1.0, float(block[x, y]) + _anchor_bonus(a, b))
                similarity[(i, j)] = score
                if a["source"] == b["source"]:
                    continue
                if a["measure"] != b["measure"] and not _same_value(a, b):
                    continue
                agreeing = pair_agrees(a, b)
                if not same_scope(a, b, agreeing=agreeing):
                    continue
                same = _same_value(a, b)
                needed = linking.same_value if same else linking.agree if agreeing else linking.conflict
                if score >= needed and (agreeing or _share_enough(a, b)):
                    yield i, j, score + _VALUE_BONUS * (same or _same_number(a, b)), agreeing


def _share_enough(a: dict, b: dict) -> bool:
    """Whether two statements share enough distinct context words to be set against each other."""
    return len(set(str(a["terms"]).split()) & set(str(b["terms"]).split())) >= _CONFLICT_SHARED_TERMS


def same_scope(a: dict, b: dict, *, agreeing: bool = True) -> bool:
    """Whether two statements can hold at the same time and place, about the same named thing.

    Two different years or places never can; a forecast cannot contradict what is or was, so
    different values in a future and a present or past frame are kept apart too, and so are
    different values from reports published days apart (the later may update the earlier) and
    values an order of magnitude apart, counts of different nouns, or values nearest two different
    names ("the Shasta Dam holds 7,000", "the Oroville Dam holds 4,571"): not one fact misreported, but
    two facts.
    """
    if not agreeing and (abs(a["day"] - b["day"]) > _NEWS_CYCLE_DAYS or _orders_apart(a["value"], b["value"])):
        return False  # NaN days (undated) compare False
    if _known(a["place"]) and _known(b["place"]) and a["place"] != b["place"]:
        return False
    time_a, time_b = a["time"] if _known(a["time"]) else None, b["time"] if _known(b["time"]) else None
    if time_a and time_b and time_a != time_b:
        if time_a.isdigit() and time_b.isdigit():
            return False
        if not agreeing and "future" in (time_a, time_b):
            return False
    if not agreeing and (_counts_differ(a, b) or _differ(a["anchor"], b["anchor"])):
        return False  # two counted nouns ("three crew", "19 passengers") or two names nearest: two facts
    return not _siblings(a["anchor"], b["anchor"])


def _differ(a: object, b: object) -> bool:
    """Two names, both known, that are not the same."""
    return _known(a) and _known(b) and not _same_name(a, b)


def _same_name(a: object, b: object) -> bool:
    return _known(a) and _known(b) and str(a).lower() == str(b).lower()


def _counts_differ(a: dict, b: dict) -> bool:
    """Two counts of different nouns (a count's subject is its counted noun's class)."""
    return a["kind"] == b["kind"] == "count" and _differ(a["subject"], b["subject"])


def _orders_apart(a: float, b: float) -> bool:
    low, high = sorted((abs(a), abs(b)))
    return high > _CONFLICT_RATIO * low


def _anchor_bonus(a: dict, b: dict) -> float:
    if not _same_name(a["anchor"], b["anchor"]):
        return 0.0
    return _NUMBERED_ANCHOR_BONUS if any(c.isdigit() for c in a["anchor"]) else _ANCHOR_BONUS


# Which side of its number a bound leaves open: "80%" and "around 80%" point at one value, "over 80%"
# and "at least 80%" both lie above it.
_BOUND_SIDE = {"exact": "point", "approximate": "point", "over": "above", "at_least": "above",
               "under": "below", "at_most": "below"}  # fmt: skip


def _same_value(a: dict, b: dict) -> bool:
    """The same specific value on the same side ("23,000" and "23,000", "80%" and "around 80%")."""
    return _same_number(a, b) and _BOUND_SIDE.get(a["bound"], a["bound"]) == _BOUND_SIDE.get(b["bound"], b["bound"])


def _same_number(a: dict, b: dict) -> bool:
    """The same written, specific number whatever its bound ("at least 220" and "220 civilians")."""
    return a["value"] == b["value"] and _is_written(a) and _is_written(b) and _is_specific(a["value"])


def _is_written(row: dict) -> bool:
    """Whether a figure has written digits: a word with none (precision 0: "dozens", "thousands", but also
    "two thirds") is no specific value."""
    return bool(row["precision"] > 0)


def _rounds(a: dict, b: dict) -> bool:
    """Whether ``a`` is ``b`` rounded ("nearly 250" in a lead, "246" below): an approximate written figure whose
    interval holds the other's specific exact value."""
    return (
        a["bound"] == "approximate"
        and b["bound"] == "exact"
        and _is_written(a)
        and _is_written(b)
        and _is_specific(b["value"])
        and a["low"] <= b["value"] <= a["high"]
    )


def _is_specific(value: float) -> bool:
    """Not a small whole number, which any story may hold by chance."""
    return abs(value) > _COMMON_NUMBERS or value != int(value)


def _siblings(a: object, b: object) -> bool:
    """Two different names of one family ("Power of Siberia 1" and "Power of Siberia 2")."""
    if not (_known(a) and _known(b)) or a == b:
        return False
    words_a, words_b = sorted((str(a).lower().split(), str(b).lower().split()), key=len)
    if len(words_a) == len(words_b):
        return len(words_a) > 1 and words_a[:-1] == words_b[:-1]
    # "Power of Siberia" beside "Power of Siberia 2": the bare name may mean either sibling.
    return words_b[: len(words_a)] == words_a and words_b[-1].isdigit()


def _known(value: object) -> bool:
    return isinstance(value, str) and bool(value)

"""Documents -> events: which documents report the same happening.

Two steps, so every engine runs them the same way:

1. :func:`event_features` (per batch of documents, on any worker): each document's words as a
   hashed term-count row (title counted twice, names counted twice: they carry an event), its day
   and its most telling words. Hashing needs no shared vocabulary, so batches never talk.
2. :func:`find_events` (once, on the whole corpus's features): TF-IDF weights, cosine similarity
   between documents published within ``window_days`` of each other (blocked by day, so the work
   grows with the corpus, not its square), then average-link clustering of each connected group,
   cut at ``threshold``. An event id the input gives (``Fields(event=...)``) wins over clustering.

The IDF weights found here are reused by the claims stage to weigh the words around figures.

Examples
--------
>>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "title": ["Quake hits Chile", "Chile quake", "Budget vote"],
...     "text": ["A quake hit Santiago, Chile.", "Santiago, Chile: a strong quake.", "Parliament voted."],
...     "published": pd.to_datetime(["2017-03-01"] * 3, utc=True)})
>>> find_events(event_features(docs))[["doc_id", "event_id"]].event_id.nunique()
2
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from corpuslab import schema

if TYPE_CHECKING:
    from scipy import sparse

log = logging.getLogger(__name__)

# Hash space for words: large enough that unrelated words rarely share a column.
N_FEATURES = 2**20
# Reports of one happening run for about a week (a protest, a trial, a storm), and some feeds date them a day off.
WINDOW_DAYS = 7
# Average cosine similarity (TF-IDF) above which documents are one event; tuned on the claims gold's dev split.
THRESHOLD = 0.08
# Only the opening of an article names its event; the rest is background that links unrelated stories.
LEAD_CHARS = 3000
# Pairs below this similarity are never linked, so clustering only looks at plausible neighbours.
_EDGE_FLOOR = 0.08
_TOP_TERMS = 6
# Largest group of documents clustered at once (its dense similarity matrix is 32 MB); a larger connected
# group is split first by raising its edge floor in steps of _FLOOR_STEP.
_MAX_COMPONENT = 2_000
_FLOOR_STEP = 0.02
# Undated documents are compared only with documents sharing one of their heaviest words, and a word
# in more documents than this says nothing about an event.
_BLOCK_TERMS = 20
_MAX_POSTING = 200
# Up to this many (undated x all) pairs, compare every pair: exact, and a few seconds of sparse products.
_EXHAUSTIVE_PAIRS = 50_000_000
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{2,}")
_YEAR = re.compile(r"\b(?:19[5-9]\d|20\d\d)\b")
# A specific number ("124,000", "37.3", "1,500") is as telling as a rare name: two reports quoting it are
# likely about one happening. Small whole numbers and years recur everywhere and are left out.
_SPECIFIC_NUMBER = re.compile(
    r"(?<![\w.,])"  # not inside a longer number or word
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # grouped thousands: 124,000 or 1,234.5
    r"|\d+\.\d+"  # a decimal: 37.3
    r"|\d{3,})"  # three or more digits: 270, 48000 (years are dropped below)
    r"(?![\d,]*\d)"
)
_NUMBER_MARK = "#"


@dataclass
class EventFeatures:
    """What the events step needs of a batch of documents (small: no text)."""

    doc_ids: list[str]
    days: np.ndarray  # days since the epoch, NaN when the date is unknown
    years: np.ndarray  # the year of the date, or else the latest year the lead mentions; NaN if none
    given: list[str | None]
    matrix: sparse.csr_matrix
    terms: list[list[str]] = field(default_factory=list)

    @staticmethod
    def concat(parts: list[EventFeatures]) -> EventFeatures:
        from scipy import sparse

        parts = [p for p in parts if p.doc_ids]
        if not parts:
            return EventFeatures([], np.empty(0), np.empty(0), [], sparse.csr_matrix((0, N_FEATURES)), [])
        return EventFeatures(
            [d for p in parts for d in p.doc_ids],
            np.concatenate([p.days for p in parts]),
            np.concatenate([p.years for p in parts]),
            [g for p in parts for g in p.given],
            sparse.vstack([p.matrix for p in parts]).tocsr(),
            [t for p in parts for t in p.terms],
        )


def _stop_words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS) | {"said", "says", "told", "year", "years", "new", "also", "just"}


def tokens(text: str, stop: frozenset[str]) -> list[str]:
    """Lower-cased content words; a capitalised word inside a sentence (a name) counts twice."""
    out = []
    for m in _WORD.finditer(text):
        word = m.group().lower().strip("'’-")
        if word in stop or len(word) < 3:
            continue
        out.append(word)
        before = text[max(0, m.start() - 2) : m.start()]
        if m.group()[0].isupper() and before.strip() and not before.rstrip().endswith((".", "!", "?", '"', "“")):
            out.append(word)
    return out


def specific_numbers(text: str) -> list[str]:
    """The specific numbers a text quotes, as tokens ("#124000"), years left out."""
    out = []
    for m in _SPECIFIC_NUMBER.finditer(text):
        number = m.group().replace(",", "")
        if not _YEAR.fullmatch(number):
            out.append(_NUMBER_MARK + number)
    return out


def _hasher() -> Any:
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(analyzer=lambda tokens: tokens, n_features=N_FEATURES, alternate_sign=False, norm=None)


def hash_terms(bags: list[list[str]]) -> sparse.csr_matrix:
    """Term counts of token lists in the shared hash space."""
    if not bags:
        from scipy import sparse

        return sparse.csr_matrix((0, N_FEATURES))
    return _hasher().transform(bags).tocsr()


def event_features(documents: pd.DataFrame) -> EventFeatures:
    """Hash each document's title and lead into term counts (per batch: batches run apart)."""
    stop = _stop_words()
    titles = documents["title"] if "title" in documents else pd.Series([None] * len(documents))
    bags, mentioned = [], []
    for title, text in zip(titles, documents["text"], strict=True):
        title = title if isinstance(title, str) else ""
        lead = str(text)[:LEAD_CHARS]
        bags.append(tokens(title, stop) * 2 + tokens(lead, stop) + specific_numbers(lead))
        mentioned.append(max((int(y) for y in _YEAR.findall(title + " " + lead)), default=np.nan))
    stamps = _stamps(documents)
    days = _days(stamps)
    # An undated report still tells its year: the latest it mentions ("the 2022 Winter Olympics").
    years = np.where(
        stamps.notna(), stamps.dt.year.to_numpy(dtype=float, na_value=np.nan), np.array(mentioned, dtype=float)
    )
    given_column = documents["event_id"] if "event_id" in documents else pd.Series([None] * len(documents))
    given = [g if isinstance(g, str) and g.strip() else None for g in given_column]
    terms = [[w for w, _ in Counter(t for t in b if t[0] != _NUMBER_MARK).most_common(_TOP_TERMS * 2)] for b in bags]
    return EventFeatures(list(documents["doc_id"]), days, years, given, hash_terms(bags), terms)


def _stamps(documents: pd.DataFrame) -> pd.Series:
    published = documents["published"] if "published" in documents else pd.Series(pd.NaT, index=documents.index)
    return pd.to_datetime(published, utc=True, errors="coerce")


def publication_days(documents: pd.DataFrame) -> np.ndarray:
    """Each document's publication day (days since the epoch), NaN when unknown."""
    return _days(_stamps(documents))


def _days(stamps: pd.Series) -> np.ndarray:
    return (stamps - pd.Timestamp("1970-01-01", tz="UTC")).dt.days.to_numpy(dtype=float)


def idf_weights(matrix: sparse.csr_matrix) -> np.ndarray:
    """Smoothed inverse document frequency of every hashed word (as scikit-learn computes it)."""
    n = matrix.shape[0]
    df = np.bincount(matrix.indices, minlength=N_FEATURES)
    return np.log((1 + n) / (1 + df)) + 1.0


def find_events(
    features: EventFeatures,
    *,
    threshold: float = THRESHOLD,
    window_days: int = WINDOW_DAYS,
    idf: np.ndarray | None = None,
) -> pd.DataFrame:
    """Group documents into events; return the events table (one row per document).

    ``threshold`` is the average cosine similarity a group of documents must keep to be one
    event; ``window_days`` how far apart in publication date two reports of one event may be
    (documents without a date are compared with every document).
    """
    n = len(features.doc_ids)
    if n == 0:
        return schema.empty("events")
    weights = idf if idf is not None else idf_weights(features.matrix)
    vectors = _tfidf(features.matrix, weights)
    given = np.array([g is not None for g in features.given])
    labels = _cluster(vectors, features.days, features.years, threshold, window_days, free=~given)
    names = _event_names(features, labels)
    similarity, top = _describe(vectors, features, names)
    table = pd.DataFrame(
        {
            "doc_id": features.doc_ids,
            "event_id": names,
            "n_documents": pd.Series(names).map(Counter(names)).to_numpy(),
            "similarity": similarity,
            "top_terms": [top[e] for e in names],
            "is_given": given,
        }
    )
    log.info("events: %d documents in %d events", n, len(set(names)))
    return schema.conform(table, "events")


def _tfidf(matrix: sparse.csr_matrix, idf: np.ndarray) -> sparse.csr_matrix:
    from sklearn.preprocessing import normalize

    weighted = matrix.astype(float)
    weighted.data = 1.0 + np.log(weighted.data)  # sublinear: a word said ten times is not ten times the evidence
    weighted = weighted.multiply(idf[np.newaxis, :]).tocsr()
    return normalize(weighted)


def _cluster(
    vectors: sparse.csr_matrix, days: np.ndarray, years: np.ndarray, threshold: float, window: int, *, free: np.ndarray
) -> np.ndarray:
    """Average-link clusters of the documents that are ``free`` (no given event); -1 for the others."""
    from scipy import sparse

    index = np.flatnonzero(free)
    labels = np.full(len(free), -1)
    if len(index) == 0:
        return labels
    edges = _edges(vectors[index], days[index], years[index], window)
    graph = sparse.csr_matrix((edges[2], (edges[0], edges[1])), shape=(len(index), len(index)))
    next_label = 0
    for members in _components(graph, np.arange(len(index)), _EDGE_FLOOR):
        if len(members) == 1:
            labels[index[members[0]]] = next_label
            next_label += 1
            continue
        sub = graph[members][:, members].toarray()
        sub = np.maximum(sub, sub.T)
        for part in _average_link(sub, threshold):
            for piece in _by_year(part, years[index[members]], sub):
                labels[index[members[piece]]] = next_label
                next_label += 1
    return labels


def _components(graph: sparse.csr_matrix, members: np.ndarray, floor: float) -> Iterator[np.ndarray]:
    """Connected groups of ``members`` over edges of at least ``floor``, none larger than ``_MAX_COMPONENT``.

    Average-link clustering needs a dense similarity matrix, quadratic in the group's size. A chain
    of loosely similar reports can join thousands of documents; such a group is split by raising the
    floor on its edges until every piece fits (events are far smaller, so no event is cut).
    """
    from scipy.sparse.csgraph import connected_components

    sub = graph[members][:, members]
    if floor > _EDGE_FLOOR:
        sub = sub.multiply(sub >= floor).tocsr()
    _, component = connected_components(sub, directed=False)
    for group in _groups(component):
        if len(group) <= _MAX_COMPONENT or floor >= 1.0:
            yield members[group]
        else:
            yield from _components(graph, members[group], min(1.0, floor + _FLOOR_STEP))


def _by_year(part: np.ndarray, years: np.ndarray, similarity: np.ndarray) -> list[np.ndarray]:
    """Split a cluster whose documents tell different years: one event happens in one year. A document
    without a year joins the year group it is most similar to on average."""
    known = {y for y in years[part] if not np.isnan(y)}
    if len(known) < 2:
        return [part]
    pieces = {y: [i for i in part if years[i] == y] for y in sorted(known)}
    for i in part:
        if np.isnan(years[i]):
            best = max(pieces, key=lambda y: similarity[i, [j for j in pieces[y] if not np.isnan(years[j])]].mean())
            pieces[best].append(i)
    return [np.array(sorted(p)) for p in pieces.values()]


def _edges(
    vectors: sparse.csr_matrix, days: np.ndarray, years: np.ndarray, window: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Similar pairs among documents published within ``window`` days (undated ones meet all of their year)."""
    rows, cols, sims = [], [], []
    dated = ~np.isnan(days)
    undated = np.flatnonzero(~dated)
    order = np.flatnonzero(dated)[np.argsort(days[dated], kind="stable")]
    sorted_days = days[order]
    for day in np.unique(sorted_days):
        block = order[sorted_days == day]
        lo = np.searchsorted(sorted_days, day - window, side="left")
        hi = np.searchsorted(sorted_days, day + window, side="right")
        _block_pairs(vectors, block, np.concatenate([order[lo:hi], undated]), rows, cols, sims)
    if len(undated) * vectors.shape[0] <= _EXHAUSTIVE_PAIRS:
        for start in range(0, len(undated), 1000):
            _block_pairs(vectors, undated[start : start + 1000], np.arange(vectors.shape[0]), rows, cols, sims)
    else:
        _undated_pairs(vectors, undated, rows, cols, sims)
    if not rows:
        return np.empty(0, int), np.empty(0, int), np.empty(0)
    rows_, cols_, sims_ = np.concatenate(rows), np.concatenate(cols), np.concatenate(sims)
    year_a, year_b = years[rows_], years[cols_]
    keep = np.isnan(year_a) | np.isnan(year_b) | (year_a == year_b)  # two known years apart: two happenings
    return rows_[keep], cols_[keep], sims_[keep]


def _undated_pairs(vectors: sparse.csr_matrix, undated: np.ndarray, rows: list, cols: list, sims: list) -> None:
    """Pairs with an undated document, blocked by shared telling words (sparse nearest neighbours without a
    date): each document's few heaviest words index it, and only documents sharing one are compared. A word
    in very many documents tells nothing and blocks nothing, so the work stays near-linear."""
    postings: dict[int, list[int]] = {}
    for r in range(vectors.shape[0]):
        start, end = vectors.indptr[r], vectors.indptr[r + 1]
        heaviest = vectors.indices[start:end][np.argsort(-vectors.data[start:end], kind="stable")[:_BLOCK_TERMS]]
        for term in heaviest:
            postings.setdefault(int(term), []).append(r)
    is_undated = np.zeros(vectors.shape[0], dtype=bool)
    is_undated[undated] = True
    pairs: set[tuple[int, int]] = set()
    for docs in postings.values():
        if 2 <= len(docs) <= _MAX_POSTING:
            pairs.update((a, b) for a, b in itertools.combinations(docs, 2) if is_undated[a] or is_undated[b])
    if not pairs:
        return
    left, right = np.array(sorted(pairs)).T
    for start in range(0, len(left), 100_000):
        a, b = left[start : start + 100_000], right[start : start + 100_000]
        similarity = np.asarray(vectors[a].multiply(vectors[b]).sum(axis=1)).ravel()
        keep = similarity >= _EDGE_FLOOR
        rows.extend([a[keep], b[keep]])
        cols.extend([b[keep], a[keep]])
        sims.extend([similarity[keep], similarity[keep]])


def _block_pairs(
    vectors: sparse.csr_matrix, block: np.ndarray, candidates: np.ndarray, rows: list, cols: list, sims: list
) -> None:
    product = (vectors[block] @ vectors[candidates].T).tocoo()
    keep = (product.data >= _EDGE_FLOOR) & (block[product.row] != candidates[product.col])
    rows.append(block[product.row[keep]])
    cols.append(candidates[product.col[keep]])
    sims.append(product.data[keep])


def _groups(component: np.ndarray) -> list[np.ndarray]:
    order = np.argsort(component, kind="stable")
    cuts = np.flatnonzero(np.diff(component[order])) + 1
    return np.split(order, cuts)


def _average_link(similarity: np.ndarray, threshold: float) -> list[np.ndarray]:
    """Cut an average-link tree of one connected group where the average similarity falls below ``threshold``."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    distance = 1.0 - similarity
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(np.clip(distance, 0.0, 1.0), checks=False), method="average")
    flat = fcluster(tree, t=1.0 - threshold, criterion="distance")
    return _groups(flat)


def _event_names(features: EventFeatures, labels: np.ndarray) -> list[str]:
    """Given ids as given; a clustered event is named by a hash of its smallest document id, so reruns and
    reorderings of the corpus give the same names."""
    first: dict[int, str] = {}
    for doc_id, label in zip(features.doc_ids, labels, strict=True):
        if label >= 0:
            first[int(label)] = min(first.get(int(label), doc_id), doc_id)
    return [
        given if given is not None else "ev-" + hashlib.blake2b(first[int(label)].encode(), digest_size=5).hexdigest()
        for given, label in zip(features.given, labels, strict=True)
    ]


def _describe(
    vectors: sparse.csr_matrix, features: EventFeatures, names: list[str]
) -> tuple[np.ndarray, dict[str, str]]:
    """Each document's cosine similarity to its event's centroid, and each event's most common telling words."""
    from scipy import sparse
    from sklearn.preprocessing import normalize

    codes, _ = pd.factorize(pd.Series(names))
    membership = sparse.csr_matrix((np.ones(len(codes)), (codes, np.arange(len(codes)))))
    centroids = normalize(membership @ vectors)
    similarity = np.asarray(vectors.multiply(centroids[codes]).sum(axis=1)).ravel()
    counts: dict[str, Counter[str]] = {}
    for name, terms in zip(names, features.terms, strict=True):
        counts.setdefault(name, Counter()).update(terms[:_TOP_TERMS])
    top = {name: " ".join(w for w, _ in c.most_common(_TOP_TERMS)) for name, c in counts.items()}
    return np.round(similarity, 6), top

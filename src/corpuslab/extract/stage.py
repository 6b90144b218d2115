"""The extract stage over a documents table: one row per figure, with its sentence and paragraph flags."""

from __future__ import annotations

import hashlib
import logging
import math
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import pandas as pd

from corpuslab import schema
from corpuslab.errors import InputFormatError, SchemaError
from corpuslab.extract.dollars import AUTO, dollar_of, outlets_of, resolve_dollars
from corpuslab.extract.find import find_figures
from corpuslab.progress import bar as progress_bar
from corpuslab.segment import document_paragraphs, document_sentences

log = logging.getLogger(__name__)
# Longest sentence stored whole in the figures table (longer ones are windows around the figure).
MAX_SENTENCE = 2000


def figure_id(doc_id: str, start: int, end: int) -> str:
    """Return the deterministic id of the figure at ``[start, end)`` in document ``doc_id``."""
    return hashlib.blake2b(f"{doc_id}\x1f{start}\x1f{end}".encode(), digest_size=8).hexdigest()


def document_figures(doc_id: str, text: Any, *, dollar: str = "USD") -> list[dict[str, Any]]:
    """Return the figure records of one document (the rows :func:`extract_figures` builds)."""
    if not isinstance(text, str):
        kind = "missing" if text is None or (isinstance(text, float) and math.isnan(text)) else type(text).__name__
        raise InputFormatError(
            f"document {doc_id!r}: text is {kind}, not a string; load documents with "
            "corpuslab.load_documents() or fill the text column"
        )
    paragraphs = document_paragraphs(doc_id, text)
    sentences = document_sentences(text, paragraphs)
    starts = [s for s, _, _ in sentences]
    sentence_texts: dict[int, str] = {}  # one string per sentence, shared by its figures
    records = []
    for figure in find_figures(text, sentences=[(s, e) for s, e, _ in sentences], dollar=dollar):
        index = max(bisect_right(starts, figure.start) - 1, 0)
        s_start, s_end, p_index = sentences[index] if sentences else (0, len(text), 0)
        paragraph = paragraphs[p_index] if paragraphs else {"is_boilerplate": False, "is_repeat": False}
        record = figure.as_record()
        record.update(
            figure_id=figure_id(doc_id, figure.start, figure.end),
            doc_id=doc_id,
            sentence_index=index,
            sentence=_sentence_text(text, s_start, s_end, figure.start, figure.end, sentence_texts, index),
            paragraph_index=p_index,
            is_boilerplate=paragraph["is_boilerplate"],
            is_repeat=paragraph["is_repeat"],
        )
        records.append(record)
    return records


def _sentence_text(text: str, start: int, end: int, f_start: int, f_end: int, cache: dict[int, str], index: int) -> str:
    """The figure's sentence; run-on text with no sentence breaks is cut to a window around the figure,
    so a megabyte without a full stop costs linear time and memory."""
    if end - start <= MAX_SENTENCE:
        if index not in cache:
            cache[index] = text[start:end]
        return cache[index]
    left = max(start, f_start - MAX_SENTENCE // 2)
    return text[left : min(end, max(f_end, left + MAX_SENTENCE))]


def extract_figures(
    documents: pd.DataFrame, *, progress: bool | None = None, dollar: str | Mapping[str, str] = AUTO
) -> pd.DataFrame:
    """Find every figure in every document.

    Parameters
    ----------
    documents
        A documents table (``doc_id`` and ``text`` are used).
    progress
        Show a progress bar; ``None`` shows it only on a terminal.
    dollar
        What a bare "$", "dollars" or "cents" means: ``"auto"`` (default): each outlet's dollar
        guessed from the countries its articles name (:mod:`corpuslab.extract.dollars`; US dollars unless
        most of an outlet's articles are set in one other country that uses dollars); one dollar for the
        whole table (``"USD"``, ``"AUD"``, ...); or a mapping of outlet to dollar. "US$", "$US" and
        "US dollars" stay ``USD``.

    Returns
    -------
    pandas.DataFrame
        One row per figure (see ``corpuslab.schema.FIGURES``). Figures in boilerplate or repeated
        paragraphs are kept and flagged (``is_boilerplate``, ``is_repeat``).

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": ["Trade rose 5% to $200bn."]})
    >>> extract_figures(docs)[["surface", "kind", "value"]].values.tolist()
    [['5%', 'percent', 5.0], ['$200bn', 'currency', 200000000000.0]]
    """
    missing = [c for c in ("doc_id", "text") if c not in documents.columns]
    if missing:
        raise SchemaError(
            f"extract_figures needs a documents table with doc_id and text; missing {missing}. "
            "Pass the output of corpuslab.load_documents()."
        )
    dollars = resolve_dollars(dollar, documents)  # before any document, not inside the first one
    triples = zip(documents["doc_id"], documents["text"], outlets_of(documents), strict=True)
    rows = _iter_rows(triples, len(documents), progress, dollars)
    return figures_frame(rows)


def _iter_rows(
    triples: Iterable[tuple[str, Any, str]], total: int, progress: bool | None, dollars: str | Mapping[str, str]
) -> Iterator[dict[str, Any]]:
    for doc_id, text, outlet in progress_bar(triples, enabled=progress, total=total, desc="extract", unit="doc"):
        yield from document_figures(doc_id, text, dollar=dollar_of(dollars, outlet))


def figures_frame(rows: Iterable[dict[str, Any]]) -> pd.DataFrame:
    """Build the figures table from figure records, in the schema's order and dtypes."""
    frame = pd.DataFrame(list(rows), columns=schema.FIGURES.names)
    return schema.conform(frame, "figures") if len(frame) else schema.empty("figures")

"""Claim cards: for each claim, the sentence from each outlet side by side, the figure highlighted,
the verdict and its reason.

:func:`claim_cards` returns a :class:`ClaimCards`; JupyterLab and the HTML report render it through
``_repr_html_``, and ``ClaimCards.statements`` is the same content as a table. Every piece of text
from the corpus is HTML-escaped; the highlight is placed by the figure's offsets, never by searching
for its surface, so a number written twice in one sentence is highlighted where it was found.

Examples
--------
>>> cards = claim_cards(result.claims, result.memberships, result.figures, documents=result.documents)  # doctest: +SKIP
>>> cards                                   # a card per multi-source claim, conflicts first  # doctest: +SKIP
>>> cards.statements[["source", "sentence", "highlight_start", "highlight_end"]]  # doctest: +SKIP
"""

from __future__ import annotations

import html
import logging
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from corpuslab.units import format_figure, format_value
from corpuslab.vocab import VERDICTS

log = logging.getLogger(__name__)

# Verdicts a reader checks first: a contradiction, then a look-alike, then agreement.
VERDICT_ORDER: tuple[str, ...] = ("conflicting", "not_comparable", "consistent", "single_source")
# Colours as in corpuslab.plots (Okabe-Ito), so a verdict looks the same in a chart and a card.
_VERDICT_COLORS = {
    "conflicting": "#D55E00",
    "not_comparable": "#E69F00",
    "consistent": "#009E73",
    "single_source": "#999999",
}
# Characters of context kept on each side of a figure: a run-on "sentence" can be 2,000 characters,
# and a card should show the clause, not a page.
CONTEXT_CHARS = 240
# Sentences shown per claim: a claim many outlets state would otherwise fill the screen.
MAX_STATEMENTS_PER_CARD = 8
_STATED_ROLES = ("value", "earlier_value")


@dataclass
class ClaimCards:
    """Cards for some claims; ``statements`` has one row per sentence shown, in display order."""

    claims: pd.DataFrame
    statements: pd.DataFrame
    n_matching: int

    def __len__(self) -> int:
        return len(self.claims)

    def _repr_html_(self) -> str:
        if self.claims.empty:
            return "<p><em>No claim matches.</em></p>"
        cards = [self._card(claim) for claim in self.claims.itertuples(index=False)]
        more = len(self.claims) < self.n_matching
        footer = (
            f"<p style='color:#555'>Showing {len(self.claims)} of {self.n_matching} matching claims, "
            "conflicts first.</p>"
            if more
            else ""
        )
        return "<div class='corpuslab-cards'>" + "".join(cards) + footer + "</div>"

    def _card(self, claim: object) -> str:
        verdict = str(claim.verdict)  # type: ignore[attr-defined]
        color = _VERDICT_COLORS.get(verdict, "#555")
        rows = self.statements[self.statements["claim_id"] == claim.claim_id]  # type: ignore[attr-defined]
        title = " · ".join(
            _esc(str(part).replace("_", " "))
            for part in (claim.subject, claim.measure, claim.scope)  # type: ignore[attr-defined]
        )
        code = getattr(claim, "reason_code", None)
        code_html = f" <code>{_esc(code)}</code>" if isinstance(code, str) and code else ""
        event = getattr(claim, "event_id", None)
        code_html += f" <span style='color:#555'>event {_esc(event)}</span>" if isinstance(event, str) and event else ""
        columns = "".join(_statement_html(row) for row in rows.head(MAX_STATEMENTS_PER_CARD).itertuples(index=False))
        hidden = len(rows) - MAX_STATEMENTS_PER_CARD
        extra = f"<p style='color:#555;margin:4px 0 0'>… and {hidden} more statements</p>" if hidden > 0 else ""
        return (
            f"<div style='border-left:5px solid {color};padding:6px 10px;margin:10px 0;background:#fafafa'>"
            f"<div><strong style='color:{color};text-transform:uppercase;font-size:0.85em'>"
            f"{_esc(verdict.replace('_', ' '))}</strong>{code_html} <strong>{title}</strong></div>"
            f"<div style='margin:4px 0 6px;font-size:0.9em'>{_esc(claim.reason)}</div>"  # type: ignore[attr-defined]
            f"<div style='display:flex;flex-wrap:wrap;gap:8px'>{columns}</div>{extra}</div>"
        )


def claim_cards(
    claims: pd.DataFrame,
    memberships: pd.DataFrame,
    figures: pd.DataFrame,
    *,
    documents: pd.DataFrame | None = None,
    sentences: pd.DataFrame | None = None,
    verdicts: Iterable[str] = ("conflicting", "not_comparable", "consistent"),
    claim_ids: Iterable[str] | None = None,
    min_sources: int = 2,
    limit: int | None = 20,
) -> ClaimCards:
    """Build cards for the claims a reader picks: by verdict, by id, by number of sources; conflicts first.

    Each statement's sentence comes from ``sentences`` (by ``doc_id`` and ``sentence_index``) when
    given, else from the figure's ``sentence`` placed in ``documents.text``; the highlight is the
    figure's ``start``/``end`` in the document, moved into the sentence. ``limit=None`` keeps every
    matching claim.

    Returns
    -------
    ClaimCards
        One card per claim; ``statements`` is one row per (claim, figure, role) shown.
    """
    wanted = set(verdicts)
    unknown = wanted - set(VERDICTS)
    if unknown:
        from corpuslab.errors import CorpusLabError

        raise CorpusLabError(f"unknown verdicts {sorted(unknown)}; pick from {list(VERDICTS)}.")
    chosen = claims[claims["verdict"].isin(wanted) & (claims["n_sources"] >= min_sources)]
    if claim_ids is not None:
        chosen = chosen[chosen["claim_id"].isin(list(claim_ids))]
    rank = chosen["verdict"].map({v: i for i, v in enumerate(VERDICT_ORDER)})
    chosen = chosen.assign(_rank=rank).sort_values("_rank", kind="stable").drop(columns="_rank")
    shown = chosen if limit is None else chosen.head(limit)
    statements = card_statements(shown, memberships, figures, documents=documents, sentences=sentences)
    return ClaimCards(shown.reset_index(drop=True), statements, len(chosen))


def card_statements(
    claims: pd.DataFrame,
    memberships: pd.DataFrame,
    figures: pd.DataFrame,
    *,
    documents: pd.DataFrame | None = None,
    sentences: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Return one row per statement of ``claims``: its source, sentence and the figure's place in it.

    Returns
    -------
    pandas.DataFrame
        Columns claim_id, source, doc_id, figure_id, role, surface, value_text, sentence,
        highlight_start, highlight_end (offsets into ``sentence``; -1 when the figure could not be
        placed), in the claims' order, then by source.
    """
    stated = memberships[memberships["claim_id"].isin(claims["claim_id"]) & memberships["role"].isin(_STATED_ROLES)]
    wanted = ["figure_id", "start", "end", "surface", "sentence_index", "sentence", "value", "unit", "currency"]
    wanted += [c for c in ("from_value", "value_as_written", "unit_as_written") if c in figures.columns]
    rows = stated[["claim_id", "figure_id", "doc_id", "role", "source"]].merge(
        figures[[c for c in wanted if c in figures.columns]], on="figure_id", how="left"
    )
    texts, spans = _lookups(rows, documents, sentences)
    placed = [_place(row, texts, spans) for row in rows.itertuples(index=False)]
    rows["sentence"] = [p[0] for p in placed]
    rows["highlight_start"] = [p[1] for p in placed]
    rows["highlight_end"] = [p[2] for p in placed]
    rows["value_text"] = [_value_text(row) for row in rows.itertuples(index=False)]
    rows["source"] = rows["source"].fillna(rows["doc_id"])
    order = {c: i for i, c in enumerate(claims["claim_id"])}
    rows = rows.assign(_order=rows["claim_id"].map(order)).sort_values(["_order", "source", "doc_id", "start"])
    columns = ["claim_id", "source", "doc_id", "figure_id", "role", "surface", "value_text", "sentence"]
    return rows[[*columns, "highlight_start", "highlight_end"]].reset_index(drop=True)


def _lookups(
    rows: pd.DataFrame, documents: pd.DataFrame | None, sentences: pd.DataFrame | None
) -> tuple[dict[str, str], dict[tuple[str, int], tuple[str, int]]]:
    """Document texts by doc_id and sentences by (doc_id, sentence_index), for the documents shown only."""
    needed = set(rows["doc_id"])
    texts: dict[str, str] = {}
    if documents is not None and not documents.empty:
        some = documents[documents["doc_id"].isin(needed)]
        texts = dict(zip(some["doc_id"], some["text"], strict=True))
    spans: dict[tuple[str, int], tuple[str, int]] = {}
    if sentences is not None and not sentences.empty:
        some = sentences[sentences["doc_id"].isin(needed)]
        keys = zip(some["doc_id"], some["sentence_index"].astype(int), strict=True)
        spans = dict(zip(keys, zip(some["text"], some["start"].astype(int), strict=True), strict=True))
    return texts, spans


def _place(row: object, texts: dict[str, str], spans: dict[tuple[str, int], tuple[str, int]]) -> tuple[str, int, int]:
    """The sentence to show and the figure's offsets in it, trimmed to CONTEXT_CHARS around the figure."""
    start, end = int(row.start), int(row.end)  # type: ignore[attr-defined]
    found = _sentence_span(row, texts, spans)
    if found is None:
        log.info("figure %s: sentence not found in the document; showing its surface", row.figure_id)  # type: ignore[attr-defined]
        return str(row.surface), 0, len(str(row.surface))  # type: ignore[attr-defined]
    text, offset = found
    low, high = start - offset, end - offset
    cut_low, cut_high = max(0, low - CONTEXT_CHARS), min(len(text), high + CONTEXT_CHARS)
    head = "…" if cut_low > 0 else ""
    tail = "…" if cut_high < len(text) else ""
    shown = head + text[cut_low:cut_high] + tail
    return shown, low - cut_low + len(head), high - cut_low + len(head)


def _sentence_span(
    row: object, texts: dict[str, str], spans: dict[tuple[str, int], tuple[str, int]]
) -> tuple[str, int] | None:
    """``(sentence text, its start in the document)``, when the figure's offsets fall inside it."""
    start, end, surface = int(row.start), int(row.end), str(row.surface)  # type: ignore[attr-defined]
    candidates: list[tuple[str, int]] = []
    key = (row.doc_id, int(row.sentence_index))  # type: ignore[attr-defined]
    if key in spans:
        candidates.append(spans[key])
    sentence = row.sentence if isinstance(row.sentence, str) else ""  # type: ignore[attr-defined]
    if sentence:
        text = texts.get(row.doc_id)  # type: ignore[attr-defined]
        if text is not None:
            at = text.find(sentence, max(0, end - len(sentence)))
            if 0 <= at <= start:
                candidates.append((sentence, at))
    for text, offset in candidates:
        if text[start - offset : end - offset] == surface:
            return text, offset
    # Without the document the sentence alone places the figure only when its surface occurs once.
    if sentence and sentence.count(surface) == 1:
        return sentence, start - sentence.index(surface)
    return None


def _value_text(row: object) -> str:
    """The value as the card states it: as written when the figures table says so, else in display units."""
    if row.role == "earlier_value":  # type: ignore[attr-defined]
        value = getattr(row, "from_value", float("nan"))
        return "earlier: " + format_value(value, row.unit, currency=_str_or_none(row.currency))  # type: ignore[attr-defined]
    written = getattr(row, "value_as_written", None)
    return format_figure(
        row.value,  # type: ignore[attr-defined]
        row.unit,  # type: ignore[attr-defined]
        value_as_written=None if written is None or pd.isna(written) else float(written),
        unit_as_written=_str_or_none(getattr(row, "unit_as_written", None)),
        currency=_str_or_none(row.currency),  # type: ignore[attr-defined]
    )  # "38 billion cubic meters/year", never 3.8e+10


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _statement_html(row: object) -> str:
    sentence, low, high = str(row.sentence), int(row.highlight_start), int(row.highlight_end)  # type: ignore[attr-defined]
    marked = (
        _esc(sentence[:low])
        + "<mark style='background:#ffe08a;padding:0 1px'>"
        + _esc(sentence[low:high])
        + "</mark>"
        + _esc(sentence[high:])
    )
    source = _esc(row.source)  # type: ignore[attr-defined]
    doc = "" if row.source == row.doc_id else f" <span style='color:#777'>({_esc(row.doc_id)})</span>"  # type: ignore[attr-defined]
    return (
        "<div style='flex:1 1 260px;min-width:220px;max-width:520px;border:1px solid #ddd;"
        "background:white;padding:6px 8px;font-size:0.9em'>"
        f"<div><strong>{source}</strong>{doc}</div>"
        f"<div style='color:#333;margin:2px 0'>{_esc(row.value_text)}</div>"  # type: ignore[attr-defined]
        f"<div style='line-height:1.4'>{marked}</div></div>"
    )


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


__all__ = ["VERDICT_ORDER", "ClaimCards", "card_statements", "claim_cards"]

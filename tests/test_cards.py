"""Claim cards: conflicts first, each outlet's sentence with the figure highlighted at its offsets, escaped."""

from __future__ import annotations

import pandas as pd
import pytest

import corpuslab
from corpuslab.cards import claim_cards
from corpuslab.errors import CorpusLabError


@pytest.fixture(scope="module")
def seed_result() -> corpuslab.PipelineResult:
    return corpuslab.run_pipeline("seeds", progress=False)


def _highlighted(statements: pd.DataFrame) -> list[str]:
    return [
        s[a:b]
        for s, a, b in zip(
            statements["sentence"], statements["highlight_start"], statements["highlight_end"], strict=True
        )
    ]


def test_seed_cards_put_conflicts_first_and_cover_every_source(seed_result: corpuslab.PipelineResult) -> None:
    cards = claim_cards(
        seed_result.claims, seed_result.memberships, seed_result.figures, documents=seed_result.documents
    )
    multi = seed_result.claims[seed_result.claims["n_sources"] >= 2]
    assert len(cards) == cards.n_matching == len(multi)
    assert cards.claims["verdict"].iloc[0] == "conflicting"
    assert cards.claims["subject"].iloc[0].startswith("Power of Siberia 1")
    for claim in cards.claims.itertuples(index=False):
        shown = cards.statements[cards.statements["claim_id"] == claim.claim_id]
        assert shown["source"].nunique() == claim.n_sources
    html = cards._repr_html_()
    assert html.index("Power of Siberia 1") < html.index("Power of Siberia 2")
    assert html.count("<mark") == len(cards.statements)


@pytest.mark.parametrize("with_sentences", [False, True], ids=["documents", "sentences table"])
def test_highlight_is_the_figure_at_its_offsets(seed_result: corpuslab.PipelineResult, with_sentences: bool) -> None:
    sentences = (
        corpuslab.split_sentences(seed_result.documents, paragraphs=seed_result.paragraphs) if with_sentences else None
    )
    cards = claim_cards(
        seed_result.claims,
        seed_result.memberships,
        seed_result.figures,
        documents=seed_result.documents,
        sentences=sentences,
    )
    statements = cards.statements
    assert (statements["highlight_start"] >= 0).all()
    texts = seed_result.documents.set_index("doc_id")["text"]
    figures = seed_result.figures.set_index("figure_id")
    at_offsets = [
        texts[d][figures.at[f, "start"] : figures.at[f, "end"]]
        for d, f in zip(statements["doc_id"], statements["figure_id"], strict=True)
    ]
    assert _highlighted(statements) == at_offsets == statements["surface"].tolist()


def _one_claim(text: str, start: int, end: int) -> tuple[pd.DataFrame, ...]:
    """A two-source claim whose first figure sits at ``start:end`` of ``text``."""
    documents = pd.DataFrame({"doc_id": ["a", "b"], "text": [text, "Output was 7 percent higher."]})
    figures = pd.DataFrame(
        {
            "figure_id": ["fa", "fb"],
            "start": [start, 11],
            "end": [end, 20],
            "surface": [text[start:end], "7 percent"],
            "sentence_index": [0, 0],
            "sentence": [text, "Output was 7 percent higher."],
            "value": [float(text[start]), 7.0],
            "unit": ["percent", "percent"],
            "currency": [None, None],
        }
    )
    claims = pd.DataFrame(
        {
            "claim_id": ["c"],
            "subject": ["output <b>"],
            "measure": ["percent"],
            "scope": ["current"],
            "n_sources": [2],
            "verdict": ["conflicting"],
            "reason": ['A says 5 & B says "7"'],
        }
    )
    memberships = pd.DataFrame(
        {
            "figure_id": ["fa", "fb"],
            "doc_id": ["a", "b"],
            "role": ["value", "value"],
            "claim_id": ["c", "c"],
            "source": ["<script>alert(1)</script>", "B & Co"],
        }
    )
    return claims, memberships, figures, documents


def test_every_text_is_escaped() -> None:
    text = "Output <i>rose</i> 5 percent & more."
    claims, memberships, figures, documents = _one_claim(text, text.index("5"), text.index("5") + 9)
    html = claim_cards(claims, memberships, figures, documents=documents)._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<i>" not in html and "&lt;i&gt;rose&lt;/i&gt;" in html
    assert "output &lt;b&gt;" in html and "5 &amp; B says &quot;7&quot;" in html
    assert "B &amp; Co" in html
    assert "<mark style='background:#ffe08a;padding:0 1px'>5 percent</mark> &amp; more." in html


def test_a_number_written_twice_is_highlighted_where_the_figure_is() -> None:
    text = "Output rose 5 percent in May and 5 percent in June."
    second = text.index("5 percent", 20)
    claims, memberships, figures, documents = _one_claim(text, second, second + 9)
    statements = claim_cards(claims, memberships, figures, documents=documents).statements
    first = statements[statements["figure_id"] == "fa"].iloc[0]
    assert (first["highlight_start"], first["highlight_end"]) == (second, second + 9)
    # Without the document, a surface written twice cannot be placed: shown alone, never guessed.
    alone = claim_cards(claims, memberships, figures).statements
    assert alone.loc[alone["figure_id"] == "fa", "sentence"].iloc[0] == "5 percent"


def test_long_sentences_are_cut_around_the_figure() -> None:
    text = "word " * 400 + "5 percent" + " more" * 400
    start = text.index("5 percent")
    claims, memberships, figures, documents = _one_claim(text, start, start + 9)
    row = claim_cards(claims, memberships, figures, documents=documents).statements.iloc[0]
    assert len(row["sentence"]) < 600
    assert row["sentence"].startswith("…") and row["sentence"].endswith("…")
    assert row["sentence"][row["highlight_start"] : row["highlight_end"]] == "5 percent"


def test_filters_and_limit(seed_result: corpuslab.PipelineResult) -> None:
    args = (seed_result.claims, seed_result.memberships, seed_result.figures)
    only = claim_cards(*args, verdicts=["consistent"], documents=seed_result.documents)
    assert set(only.claims["verdict"]) == {"consistent"}
    first = claim_cards(*args, limit=1)
    assert len(first) == 1 and first.n_matching > 1
    assert "Showing 1 of" in first._repr_html_()
    assert len(claim_cards(*args, claim_ids=["no such claim"])) == 0
    assert "No claim matches" in claim_cards(*args, claim_ids=[])._repr_html_()
    with pytest.raises(CorpusLabError, match="conflicted"):
        claim_cards(*args, verdicts=["conflicted"])


def test_a_value_as_written_and_the_reason_code_are_shown_when_the_tables_have_them() -> None:
    text = "Output rose 5 percent in May."
    claims, memberships, figures, documents = _one_claim(text, 12, 21)
    figures = figures.assign(value_as_written=[5.0, 7.0], unit_as_written=["per cent", "%"])
    claims = claims.assign(reason_code=["intervals_apart"], event_id=["e7"])
    cards = claim_cards(claims, memberships, figures, documents=documents)
    assert cards.statements["value_text"].tolist() == ["5 per cent", "7%"]
    large = figures.assign(value_as_written=[38e9, 7.0], unit_as_written=["cubic meter/year", "%"])
    assert claim_cards(claims, memberships, large, documents=documents).statements["value_text"].tolist() == [
        "38 billion cubic meters/year",  # as the reasons write it, never 3.8e+10
        "7%",
    ]
    html = cards._repr_html_()
    assert "<code>intervals_apart</code>" in html and "event e7" in html

"""The extract stage over the seed documents: schema, ids, flags and errors."""

from __future__ import annotations

import pandas as pd
import pytest

import corpuslab
from corpuslab import schema
from corpuslab.errors import CorpusLabError


@pytest.fixture(scope="module")
def seed_figures(seed_documents: pd.DataFrame) -> pd.DataFrame:
    return corpuslab.extract_figures(seed_documents)


def test_figures_follow_the_schema(seed_figures: pd.DataFrame) -> None:
    assert list(seed_figures.columns) == schema.FIGURES.names
    schema.to_pandera("figures").validate(seed_figures)
    assert seed_figures["figure_id"].is_unique


def test_offsets_index_the_document_text(seed_figures: pd.DataFrame, seed_documents: pd.DataFrame) -> None:
    texts = seed_documents.set_index("doc_id")["text"]
    for row in seed_figures.itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.surface
        assert row.surface in row.sentence


def test_sentence_index_matches_the_sentences_table(seed_figures: pd.DataFrame, seed_documents: pd.DataFrame) -> None:
    sentences = corpuslab.split_sentences(seed_documents).set_index(["doc_id", "sentence_index"])
    for row in seed_figures.itertuples():
        sentence = sentences.loc[(row.doc_id, row.sentence_index)]
        assert sentence["start"] <= row.start < row.end <= sentence["end"]
        assert sentence["text"] == row.sentence


def test_ids_are_deterministic(seed_figures: pd.DataFrame, seed_documents: pd.DataFrame) -> None:
    again = corpuslab.extract_figures(seed_documents)
    pd.testing.assert_frame_equal(again, seed_figures)


def test_figures_in_repeated_text_are_flagged_not_dropped(seed_figures: pd.DataFrame) -> None:
    # 004 prints its body twice: every figure of the second copy is flagged as a repeat of the first.
    doc = seed_figures[seed_figures["doc_id"] == "004_0de3942d49ced44d"]
    repeated, first = doc[doc["is_repeat"]], doc[~doc["is_repeat"]]
    assert len(repeated) > 0
    assert sorted(repeated["surface"]) == sorted(first[first["surface"].isin(repeated["surface"])]["surface"])
    # 001's related-stories block holds a "3-day" ceasefire that is not this article's figure.
    related = seed_figures[(seed_figures["doc_id"] == "001_5236dd1b7025717d") & seed_figures["is_boilerplate"]]
    assert "3-day" in related["surface"].tolist()


def test_missing_text_names_the_document() -> None:
    docs = pd.DataFrame({"doc_id": ["ok", "bad"], "text": ["Trade rose 5%.", None]})
    with pytest.raises(CorpusLabError, match="'bad'"):
        corpuslab.extract_figures(docs)


def test_control_characters_and_long_documents() -> None:
    text = ("Gas\x00 flows\x07 reached 38 bcm.\r\n" * 2000) + "Сhina 🟠 got 5%."
    figures = corpuslab.extract_figures(pd.DataFrame({"doc_id": ["x"], "text": [text]}))
    assert (figures["kind"] == "volume").sum() == 2000
    assert figures["surface"].iloc[-1] == "5%"

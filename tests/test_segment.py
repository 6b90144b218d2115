"""Paragraphs, sentences and the boilerplate / repeat flags."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

import corpuslab
from corpuslab import schema
from corpuslab.segment import paragraph_spans


def _doc(doc_id: str, paragraphs: pd.DataFrame) -> pd.DataFrame:
    return paragraphs[paragraphs["doc_id"] == doc_id].set_index("paragraph_index")


def test_paragraph_offsets_index_the_text(seed_documents: pd.DataFrame, seed_paragraphs: pd.DataFrame) -> None:
    texts = seed_documents.set_index("doc_id")["text"]
    for row in seed_paragraphs.itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.text
    assert list(seed_paragraphs.columns) == schema.PARAGRAPHS.names


def test_a_body_printed_twice_is_flagged_once(seed_paragraphs: pd.DataFrame) -> None:
    # 004 prints its article body twice; every second copy points at the first.
    paras = _doc("004_0de3942d49ced44d", seed_paragraphs)
    repeats = paras[paras["is_repeat"]]
    assert len(repeats) == 7
    for index, row in repeats.iterrows():
        assert row["repeat_of"] < index
        assert paras.at[row["repeat_of"], "text"] == row["text"]
        assert not paras.at[row["repeat_of"], "is_repeat"]


def test_a_caption_repeated_four_times_is_boilerplate(seed_paragraphs: pd.DataFrame) -> None:
    paras = _doc("001_5236dd1b7025717d", seed_paragraphs)
    caption = paras.at[0, "text"]
    copies = paras[paras["text"] == caption]
    assert len(copies) == 4
    assert (copies["boilerplate_kind"] == "caption").all()
    assert copies["is_repeat"].all()


def test_related_stories_and_footer_are_boilerplate(seed_paragraphs: pd.DataFrame) -> None:
    paras = _doc("001_5236dd1b7025717d", seed_paragraphs)
    related_at = paras.index[paras["text"] == "Related Stories"][0]
    tail = paras.loc[related_at:]
    assert tail["is_boilerplate"].all()
    assert set(tail["boilerplate_kind"]) <= {"related", "footer"}
    title = paras[paras["text"].str.startswith("Russia to Observe 3-day Ceasefire")]
    assert title["boilerplate_kind"].tolist() == ["related"]
    # The article's own prose just before the block is kept.
    assert not paras.loc[: related_at - 8, "is_boilerplate"].iloc[4:].any()


def test_a_heading_restated_by_the_next_paragraph_is_a_repeat(seed_paragraphs: pd.DataFrame) -> None:
    paras = _doc("003_4aa75c47ee18d052", seed_paragraphs)
    heading = paras[paras["text"] == "Interview with China Media Group"]
    assert heading["is_repeat"].tolist() == [True]
    assert paras.at[int(heading["repeat_of"].iloc[0]), "text"].startswith("Interview with China Media Group ")
    assert not heading["is_boilerplate"].any()


def test_prose_is_not_flagged(seed_paragraphs: pd.DataFrame) -> None:
    paras = _doc("002_3c354b52f4e2046b", seed_paragraphs)
    assert len(paras) == 6
    assert not (paras["is_repeat"] | paras["is_boilerplate"]).any()


def test_an_article_glued_to_share_buttons_is_not_a_footer() -> None:
    body = (
        "Share this with Email Facebook Twitter Media playback is not supported on this device. The storm cut power"
        " to 40,000 homes on Tuesday, the utility said, and crews expected to restore it by the weekend. " * 3
    )
    footer = "The storm cut power.\n\nShare this story"
    documents = pd.DataFrame({"doc_id": ["glued", "footer"], "text": [body, footer]})
    paragraphs = corpuslab.split_paragraphs(documents).set_index(["doc_id", "paragraph_index"])
    assert not paragraphs.loc[("glued", 0), "is_boilerplate"]
    assert paragraphs.loc[("footer", 1), "boilerplate_kind"] == "footer"


def test_single_newlines_wrap_only_long_lines() -> None:
    text = (
        "A long hard-wrapped line of prose that goes on and on\ncontinues here. Next.\nShort Heading\nlower case line"
    )
    spans = paragraph_spans(text)
    assert [text[s:e] for s, e in spans] == [
        "A long hard-wrapped line of prose that goes on and on\ncontinues here. Next.",
        "Short Heading",
        "lower case line",
    ]


def test_sentences_stay_inside_paragraphs(seed_documents: pd.DataFrame, seed_paragraphs: pd.DataFrame) -> None:
    sentences = corpuslab.split_sentences(seed_documents, paragraphs=seed_paragraphs)
    texts = seed_documents.set_index("doc_id")["text"]
    paras = seed_paragraphs.set_index(["doc_id", "paragraph_index"])
    for row in sentences.itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.text
        p = paras.loc[(row.doc_id, row.paragraph_index)]
        assert p["start"] <= row.start < row.end <= p["end"]
    first = sentences[sentences["doc_id"] == "002_3c354b52f4e2046b"]["text"].tolist()
    assert first[0].startswith("Russian President Vladimir Putin's recent four-day visit")
    assert first[0].endswith("bilateral relations between Russia and China.")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .\n\t-Zé1")), max_size=300))
def test_paragraph_spans_are_ordered_stripped_and_inside(text: str) -> None:
    spans = paragraph_spans(text)
    last = 0
    for start, end in spans:
        assert last <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        last = end

"""The corpus's own dollar, guessed per outlet from the countries its articles name (``dollar="auto"``)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import corpuslab
from corpuslab.errors import InputFormatError
from corpuslab.extract.dollars import MIN_VOTES, DollarTally, vote
from corpuslab.stream import stream_pipeline

SYDNEY = "The Sydney council will spend $5 million on roads, the New South Wales premier said."
OTTAWA = "Ottawa will spend $5 million on roads, Canadian officials said."
WASHINGTON = "Washington will spend $5 million on roads, U.S. officials said."
NOWHERE = "The council will spend $5 million on roads."


def _corpus(**outlets: list[str]) -> pd.DataFrame:
    rows = [(outlet, text) for outlet, texts in outlets.items() for text in texts]
    return pd.DataFrame(
        {"doc_id": [f"d{i}" for i in range(len(rows))], "outlet": [o for o, _ in rows], "text": [t for _, t in rows]}
    )


def test_an_outlet_whose_articles_are_set_in_one_dollar_country_writes_its_dollar() -> None:
    corpus = _corpus(
        abc_au=[SYDNEY] * MIN_VOTES + [WASHINGTON] * 3 + [NOWHERE] * 5,
        cbc=[OTTAWA] * MIN_VOTES,
        cnn=[WASHINGTON] * MIN_VOTES + [SYDNEY] * 4,
    )
    assert DollarTally().add(corpus).dollars() == {"abc_au": "AUD", "cbc": "CAD", "cnn": "USD"}


@pytest.mark.parametrize(
    "texts",
    [
        [SYDNEY] * (MIN_VOTES - 1),  # too few articles to say where the outlet writes from
        [SYDNEY] * MIN_VOTES + [WASHINGTON] * MIN_VOTES,  # no majority
    ],
)
def test_without_a_clear_majority_a_bare_dollar_stays_american(texts: list[str]) -> None:
    assert DollarTally().add(_corpus(paper=texts)).dollars() == {"paper": "USD"}


def test_an_outlet_naming_no_dollar_country_keeps_the_default() -> None:
    corpus = _corpus(paper=[NOWHERE] * 50)
    assert DollarTally().add(corpus).dollars() == {}
    assert set(corpuslab.extract_figures(corpus, progress=False)["unit"]) == {"USD"}


def test_the_us_written_with_dots_votes_american() -> None:
    # "U.S." ends in a dot: a word boundary after it needs a letter, so it once never counted
    text = "U.S. officials met Australian counterparts. The U.S. side said it would pay."
    assert vote(text) == "USD"


def test_outlets_are_keyed_by_their_text_and_missing_ones_are_one() -> None:
    outlets = pd.Series([1] * MIN_VOTES + [None] * MIN_VOTES, dtype=object)  # ids, not names; some missing
    corpus = pd.DataFrame({"outlet": outlets, "text": [SYDNEY] * (2 * MIN_VOTES)})
    assert DollarTally().add(corpus).dollars() == {"1": "AUD", "": "AUD"}


def test_a_tally_added_batch_by_batch_is_the_tally_of_the_whole() -> None:
    corpus = _corpus(abc_au=[SYDNEY] * MIN_VOTES + [WASHINGTON] * 4, cnn=[WASHINGTON] * 3)
    whole = DollarTally().add(corpus)
    parts = DollarTally()
    for start in range(0, len(corpus), 4):
        parts.add(corpus.iloc[start : start + 4])
    assert parts.votes == whole.votes and parts.dollars() == whole.dollars()


def test_auto_reads_each_outlet_in_its_own_dollar() -> None:
    corpus = _corpus(abc_au=[SYDNEY] * MIN_VOTES, cnn=[WASHINGTON] * MIN_VOTES)
    figures = corpuslab.extract_figures(corpus, progress=False, dollar="auto")
    outlet = dict(zip(corpus["doc_id"], corpus["outlet"], strict=True))
    units = figures.assign(outlet=figures["doc_id"].map(outlet)).groupby("outlet")["unit"].agg(set).to_dict()
    assert units == {"abc_au": {"AUD"}, "cnn": {"USD"}}


def test_a_mapping_names_the_dollar_of_each_outlet_and_the_rest_stay_american() -> None:
    corpus = _corpus(abc_au=[NOWHERE], cnn=[NOWHERE])
    figures = corpuslab.extract_figures(corpus, progress=False, dollar={"abc_au": "aud"})
    assert figures["unit"].tolist() == ["AUD", "USD"]


def test_one_text_has_no_corpus_to_guess_from() -> None:
    with pytest.raises(InputFormatError, match="one text is none"):
        corpuslab.find_figures(SYDNEY, dollar="auto")


def test_every_engine_reads_the_same_dollars(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    rows = [{"doc_id": f"a{i}", "outlet": "abc_au", "text": SYDNEY} for i in range(MIN_VOTES)]
    rows += [{"doc_id": f"c{i}", "outlet": "cnn", "text": WASHINGTON} for i in range(3)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    # batches smaller than an outlet's votes: the guess is made on the whole corpus, before any batch
    whole = corpuslab.run_pipeline(path, dollar="auto", batch_size=3, progress=False)
    stream_pipeline(path, tmp_path / "out", dollar="auto", batch_size=3, progress=False)
    streamed = pd.read_parquet(tmp_path / "out" / "figures")
    assert sorted(whole.figures["unit"]) == sorted(streamed["unit"]) == ["AUD"] * MIN_VOTES + ["USD"] * 3


def test_the_cli_takes_auto_in_any_case(tmp_path: Path) -> None:
    from corpuslab.cli import EXIT_OK, main

    path = tmp_path / "au.jsonl"
    path.write_text("".join(json.dumps({"outlet": "abc_au", "text": SYDNEY}) + "\n" for _ in range(MIN_VOTES)))
    out = tmp_path / "figures.csv"
    assert main(["extract", str(path), "--dollar", "Auto", "--out", str(out), "--no-progress"]) == EXIT_OK
    assert set(pd.read_csv(out)["unit"]) == {"AUD"}

"""The compare stage on small articles written for each rule, and on the seeds.

Articles here are written for the rule they test; each outlet is its own source. Documents carry a
publication date so events can be told apart, as real reports can.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import corpuslab
from corpuslab import schema, vocab
from corpuslab.compare import build_claims, link_repeats
from corpuslab.compare.intervals import interval

QUAKE = "A strong earthquake struck the coastal city of Valparaiso in Chile on Monday, officials said."


def _tables(texts: dict[str, str], *, dates: dict[str, str] | None = None, events: dict[str, str] | None = None,
            **options: object) -> corpuslab.ClaimTables:  # fmt: skip
    dates = dates or {}
    docs = pd.DataFrame(
        {
            "doc_id": list(texts),
            "text": list(texts.values()),
            "outlet": [f"Outlet {d.upper()}" for d in texts],
            "title": None,
            "published": pd.to_datetime([dates.get(d, "2017-03-01") for d in texts], utc=True),
            "event_id": [(events or {}).get(d) for d in texts],
        }
    )
    return build_claims(corpuslab.extract_figures(docs), docs, **options)


def _claim_of(tables: corpuslab.ClaimTables, doc_id: str, surface: str) -> pd.Series:
    """The claim the figure written ``surface`` in ``doc_id`` belongs to."""
    figures = tables.memberships.merge(tables.claims, on="claim_id")
    stated = figures[(figures["doc_id"] == doc_id) & figures["role"].isin(["value", "earlier_value"])]
    texts = {f: s for f, s in zip(stated["figure_id"], stated["claim_id"], strict=True)}
    assert texts, f"no claim in {doc_id}"
    surfaces = _surfaces(tables)
    matches = [c for f, c in texts.items() if surface in surfaces.get(f, "")]
    assert matches, f"{surface!r} not found in {doc_id}"
    return tables.claims.set_index("claim_id").loc[matches[0]]


def _surfaces(tables: corpuslab.ClaimTables) -> dict[str, str]:
    return dict(zip(_FIGURES["figure_id"], _FIGURES["surface"], strict=True)) if len(_FIGURES) else {}


_FIGURES = pd.DataFrame()


@pytest.fixture(autouse=True)
def _remember_figures(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the last extracted figures, so a test can find a claim by the figure's surface."""
    original = corpuslab.extract_figures

    def remembering(documents: pd.DataFrame, **kwargs: object) -> pd.DataFrame:
        global _FIGURES
        _FIGURES = original(documents, **kwargs)
        return _FIGURES

    monkeypatch.setattr(corpuslab, "extract_figures", remembering)


def test_the_same_value_worded_differently_is_one_claim() -> None:
    tables = _tables(
        {
            "a": QUAKE + " The quake killed 23 people in Valparaiso, rescuers said.",
            "b": QUAKE + " At least 23 residents of Valparaiso died when buildings collapsed.",
        }
    )
    claim = _claim_of(tables, "a", "23")
    assert (claim["verdict"], claim["n_sources"], claim["reason_code"]) == ("consistent", 2, "intervals_overlap")
    assert claim["interval_low"] <= 23 <= claim["interval_high"]


def test_different_values_with_specific_shared_context_conflict() -> None:
    tables = _tables(
        {
            "a": QUAKE + " Currently, the Alpha Line pipeline carries 38 bcm a year to Santiago.",
            "b": QUAKE + " Currently, the Alpha Line pipeline carries 61 bcm a year to Santiago.",
        }
    )
    claim = _claim_of(tables, "a", "38 bcm")
    assert (claim["verdict"], claim["reason_code"]) == ("conflicting", "intervals_apart")
    assert "Outlet A says 38 bcm/y" in claim["reason"] and "Outlet B says 61 bcm/y" in claim["reason"]
    assert tables.comparisons["verdict"].tolist() == ["conflicting"]


def test_different_values_with_weak_shared_context_stay_apart() -> None:
    tables = _tables(
        {
            "a": QUAKE + " Exports of copper fell 12% in January, the mining ministry said.",
            "b": QUAKE + " Tourism bookings to the region rose 30% over the holidays.",
        }
    )
    assert (tables.claims["verdict"] == "single_source").all()


def test_the_same_number_about_different_events_stays_apart() -> None:
    tables = _tables(
        {
            "a": "A bomb exploded at a market in Kabul, Afghanistan, killing 23 people, police said.",
            "b": "Floods in Jakarta, Indonesia, forced evacuations; the floods killed 23 people, police said.",
        },
        dates={"a": "2017-02-01", "b": "2017-03-20"},
    )
    assert tables.events["event_id"].nunique() == 2
    assert (tables.claims["verdict"] == "single_source").all()


def test_events_come_from_text_and_dates_and_given_ids_win() -> None:
    texts = {
        "a": "Cyclone Debbie hit Queensland, Australia, with winds of 260 km/h, cutting power to Bowen and Airlie"
        " Beach.",
        "b": "Cyclone Debbie struck Queensland near Airlie Beach and Bowen, Australia; power was cut to thousands.",
        "c": "The central bank of Brazil cut its benchmark interest rate as inflation slowed in Sao Paulo.",
    }
    found = _tables(texts).events.set_index("doc_id")["event_id"]
    assert found["a"] == found["b"] != found["c"]
    given = _tables(texts, events={"a": "storm", "b": "storm-report", "c": "storm"}).events.set_index("doc_id")
    assert given["event_id"].to_dict() == {"a": "storm", "b": "storm-report", "c": "storm"}
    assert given["is_given"].all()


def test_the_same_specific_value_in_one_event_is_one_claim_without_shared_words() -> None:
    tables = _tables(
        {
            "a": QUAKE + " Turnout in the local vote was a dismal 21.5 percent.",
            "b": QUAKE + " Critics said the mayor could claim no mandate because only 21.5 percent went to the polls.",
        }
    )
    claim = _claim_of(tables, "a", "21.5 percent")
    assert (claim["verdict"], claim["n_sources"]) == ("consistent", 2)


def test_a_small_whole_number_needs_shared_words() -> None:
    tables = _tables(
        {
            "a": QUAKE + " Rescuers pulled 7 survivors from the rubble.",
            "b": QUAKE + " The mayor said 7 schools would stay closed.",
        }
    )
    assert (tables.claims["verdict"] == "single_source").all()


def test_a_later_report_updates_rather_than_contradicts() -> None:
    toll = "The earthquake in Valparaiso, Chile, has killed {} people, the regional emergency office said on {}."
    texts = {"a": toll.format(23, "Monday"), "b": toll.format(61, "Thursday")}
    same_day = _tables(texts)
    assert "conflicting" in same_day.claims["verdict"].tolist()
    days_apart = _tables(texts, dates={"a": "2017-03-01", "b": "2017-03-04"})
    assert days_apart.events["event_id"].nunique() == 1
    assert "conflicting" not in days_apart.claims["verdict"].tolist()


@pytest.mark.parametrize(("a", "b", "verdict"), [(23, 2300, None), (12, 48, None), (23, 31, "conflicting")])
def test_values_far_apart_are_two_facts_not_a_conflict(a: int, b: int, verdict: str | None) -> None:
    line = "The earthquake in Valparaiso, Chile, has killed {} people, the regional emergency office said."
    tables = _tables({"a": line.format(a), "b": line.format(b)})
    multi = tables.claims[tables.claims["n_sources"] > 1]
    assert multi["verdict"].tolist() == ([verdict] if verdict else [])


def test_a_specific_number_is_evidence_of_one_event() -> None:
    other = {"c": "The central bank of Brazil cut its benchmark interest rate as inflation slowed in Sao Paulo."}
    a = "Fall armyworm has destroyed {}hectares of maize in Zambia, the farm ministry said."
    b = "Caterpillars are eating southern Africa's crops: {}hectares lost so far, officials say."
    with_number = _tables({"a": a.format("124,350 "), "b": b.format("124,350 "), **other}).events
    without = _tables({"a": a.format(""), "b": b.format(""), **other}).events
    assert with_number["event_id"].nunique() == 2
    assert without["event_id"].nunique() == 3


def test_a_forecast_never_contradicts_what_is() -> None:
    tables = _tables(
        {
            "a": QUAKE + " Currently, the Beta Line pipeline carries 38 bcm a year to Santiago.",
            "b": QUAKE + " The Beta Line pipeline will carry 61 bcm a year to Santiago.",
        }
    )
    assert "conflicting" not in set(tables.claims["verdict"])


def test_a_loose_bound_and_a_far_value_are_not_a_consensus() -> None:
    tables = _tables(
        {
            "a": QUAKE + " At least 3 people were killed in Valparaiso, rescuers said on Monday.",
            "b": QUAKE + " About 200 people were killed in Valparaiso, rescuers said on Monday.",
        }
    )
    assert "consistent" not in set(tables.claims["verdict"])


def test_one_document_states_a_fact_once_per_claim() -> None:
    tables = _tables(
        {
            "a": QUAKE + " The quake killed 23 people. Later, rescuers said the quake had killed 23 people.",
            "b": QUAKE + " The quake killed 23 people in Valparaiso.",
        }
    )
    members = tables.memberships[tables.memberships["claim_id"].notna()]
    for _, rows in members[members["role"].isin(["value", "earlier_value"])].groupby("claim_id"):
        assert not rows.duplicated(["doc_id", "role"]).any()
    repeated = members[members["role"] == "repeat"]
    assert len(repeated) == 1  # the second "23 people" in a joins the claim as a repeat


def test_intervals_follow_how_news_rounds() -> None:
    assert interval(1e9, precision=0.5e9)[:2] == (945000000.0, 1055000000.0)  # "1 billion" is not 0.5-1.5 bn
    assert interval(700.0, precision=0.5)[:2] == (661.5, 738.5)  # "700" may be rounded to the hundred, up to 5 %
    assert interval(20.0, precision=0.5, bound="over")[:3] == (20.0, 30.0, True)  # a bound is not endless
    assert interval(61.0, precision=0.5, bound="approximate")[:2] == (54.9, 67.1)
    assert interval(50.0, bound="exact", low=50.0, high=70.0)[:2] == (49.75, 70.35)


def test_reason_codes_come_from_the_vocabulary_and_consistent_claims_share_an_interval(
    seed_documents: pd.DataFrame,
) -> None:
    tables = build_claims(corpuslab.extract_figures(seed_documents), seed_documents)
    assert set(tables.claims["reason_code"]) <= set(vocab.REASON_CODES)
    consistent = tables.claims[tables.claims["verdict"] == "consistent"]
    assert (consistent["interval_low"] <= consistent["interval_high"]).all()


def test_tables_follow_their_schemas_and_every_figure_has_a_membership(seed_documents: pd.DataFrame) -> None:
    figures = corpuslab.extract_figures(seed_documents)
    tables = build_claims(figures, seed_documents)
    for name in ("claims", "comparisons", "memberships", "events"):
        frame = getattr(tables, name)
        assert list(frame.columns) == schema.TABLES[name].names
        schema.to_pandera(name).validate(frame)
    assert set(tables.memberships["figure_id"]) == set(figures["figure_id"])
    counted = tables.memberships[tables.memberships["role"].isin(["value", "earlier_value"])]
    assert counted["claim_id"].notna().all()
    assert set(counted["claim_id"]) == set(tables.claims["claim_id"])
    assert set(tables.comparisons["claim_id"]) <= set(tables.claims["claim_id"])
    assert (tables.comparisons["source_a"] != tables.comparisons["source_b"]).all()
    assert set(tables.events["doc_id"]) == set(seed_documents["doc_id"])


def test_the_seeds_claims_are_the_ones_a_reader_would_sign(seed_documents: pd.DataFrame) -> None:
    tables = build_claims(corpuslab.extract_figures(seed_documents), seed_documents)
    multi = tables.claims[tables.claims["n_sources"] > 1]

    def about(name: str) -> pd.Series:
        found = multi[multi["subject"].str.startswith(name)]
        assert len(found) == 1, (name, multi[["subject", "verdict"]])
        return found.iloc[0]

    # Power of Siberia 1 today: 38 bcm/y in one article, about 61 in another.
    assert about("Power of Siberia 1")["verdict"] == "conflicting"
    assert "about 61 bcm/y" in about("Power of Siberia 1")["reason"]
    # Power of Siberia 2's planned capacity: over 50 and an estimated 50 agree.
    assert about("Power of Siberia 2")["verdict"] == "consistent"
    # Documents signed in Beijing: over 20 and 22 agree.
    assert about("document")["verdict"] == "consistent"
    # The four-day visits (Moscow, Beijing) and the 30-year deals (2022, 2025) are not merged into one claim.
    for unit in ("day",):
        durations = tables.claims[(tables.claims["unit"] == unit) & (tables.claims["n_sources"] > 1)]
        assert durations.empty, durations[["subject", "reason"]]
    # Claims are sorted with conflicts first.
    assert tables.claims["verdict"].iloc[0] == "conflicting"


@settings(max_examples=5, deadline=None)
@given(st.permutations(range(5)))
def test_permuting_documents_does_not_change_the_claims(seed_documents: pd.DataFrame, order: list[int]) -> None:
    figures = corpuslab.extract_figures(seed_documents)
    base = build_claims(figures, seed_documents).claims.sort_values("claim_id").reset_index(drop=True)
    shuffled = seed_documents.iloc[list(order)].reset_index(drop=True)
    again = build_claims(figures, shuffled).claims.sort_values("claim_id").reset_index(drop=True)
    pd.testing.assert_frame_equal(base.drop(columns="event_id"), again.drop(columns="event_id"))


@pytest.mark.parametrize("column", ["doc_id", "text"])
def test_missing_columns_are_named(seed_documents: pd.DataFrame, column: str) -> None:
    figures = corpuslab.extract_figures(seed_documents)
    with pytest.raises(corpuslab.CorpusLabError, match=column):
        build_claims(figures, seed_documents.drop(columns=column))


def test_aliases_file_is_read(tmp_path: Path, seed_documents: pd.DataFrame) -> None:
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("kind,alias,canonical\nnoun,accord,document\n", encoding="utf-8")
    tables = build_claims(corpuslab.extract_figures(seed_documents), seed_documents, aliases=aliases)
    assert len(tables.claims) > 0
    with pytest.raises(corpuslab.CorpusLabError, match="alias file not found"):
        build_claims(corpuslab.extract_figures(seed_documents), seed_documents, aliases=tmp_path / "none.csv")


def test_a_repeat_joins_the_claim_of_the_first_copy_whatever_order_the_statements_come_in() -> None:
    # A distributed engine hands over statements shuffled by event; the first copy is still the first.
    ignored = pd.DataFrame(
        {"figure_id": ["r"], "doc_id": ["d"], "role": ["repeat"], "surface": ["5%"], "value": [5.0],
         "unit": ["percent"]}
    )  # fmt: skip
    firsts = pd.DataFrame(
        {"doc_id": ["d", "d"], "surface": ["5%", "5%"], "value": [5.0, 5.0], "unit": ["percent", "percent"],
         "claim_id": ["later", "earlier"], "doc_rank": [0, 0], "start": [90, 10]}
    )  # fmt: skip
    assert link_repeats(ignored, firsts)["claim_id"].tolist() == ["earlier"]
    assert link_repeats(ignored, firsts.iloc[::-1])["claim_id"].tolist() == ["earlier"]


@pytest.mark.parametrize(
    ("clause", "place"),
    [("killed in Aleppo on Monday", "Aleppo"), ("flew to New York", "New York"), ("suspects in Kim's murder", None)],
)
def test_a_place_is_not_a_possessive_name(clause: str, place: str | None) -> None:
    from corpuslab.compare.scope import any_place

    assert any_place(clause) == place


def test_counts_of_different_nouns_are_not_a_conflict() -> None:
    line = "The twin-propeller plane to Sydney was carrying {} when it lost a propeller and landed safely."
    tables = _tables({"a": line.format("three crew"), "b": line.format("19 passengers")})
    assert "conflicting" not in tables.claims["verdict"].tolist()


def test_values_nearest_two_different_names_are_not_a_conflict() -> None:
    tables = _tables(
        {
            "a": "Currently the Shasta Dam reservoir holds 7,000 acre-feet of floodwater, engineers said.",
            "b": "Currently the Oroville Dam reservoir holds 4,571 acre-feet of floodwater, engineers said.",
        }
    )
    assert "conflicting" not in tables.claims["verdict"].tolist()


def test_a_chain_of_loosely_similar_reports_is_split_before_clustering(monkeypatch: pytest.MonkeyPatch) -> None:
    from scipy import sparse

    from corpuslab.compare import events

    monkeypatch.setattr(events, "_MAX_COMPONENT", 3)
    # Three tight trios (similarity 0.9 inside) chained by weak links (0.09): one connected group of nine.
    edges = [(a, b, 0.9) for t in range(3) for a, b in ((3 * t, 3 * t + 1), (3 * t + 1, 3 * t + 2))]
    edges += [(2, 3, 0.09), (5, 6, 0.09)]
    rows, cols, sims = zip(*[(a, b, w) for a, b, w in edges] + [(b, a, w) for a, b, w in edges], strict=True)
    graph = sparse.csr_matrix((sims, (rows, cols)), shape=(9, 9))
    pieces = sorted(sorted(p.tolist()) for p in events._components(graph, np.arange(9), events._EDGE_FLOOR))
    assert pieces == [[0, 1, 2], [3, 4, 5], [6, 7, 8]]


def test_a_fact_each_outlet_repeats_is_one_claim() -> None:
    tables = _tables(
        {
            "a": QUAKE + " The quake killed 23 people. By night, rescuers had counted 23 dead in the rubble.",
            "b": QUAKE + " At least 23 people died. The toll of 23 dead may rise, rescuers said.",
            "c": QUAKE + " Rescuers said the quake killed 23 people in Valparaiso.",
        }
    )
    multi = tables.claims[tables.claims["n_sources"] > 1]
    assert len(multi) == 1 and multi["n_sources"].iloc[0] == 3
    members = tables.memberships[tables.memberships["claim_id"] == multi["claim_id"].iloc[0]]
    assert not members[members["role"] == "value"].duplicated("doc_id").any()  # each document states it once


def test_a_bound_is_not_a_figure_twice_its_size() -> None:
    tables = _tables(
        {
            "a": QUAKE + " The quake damaged more than 500 homes in Valparaiso, officials said on Monday.",
            "b": QUAKE + " The quake damaged 1,000 homes in Valparaiso, officials said on Monday.",
        }
    )
    assert "consistent" not in set(tables.claims["verdict"])


def test_a_lost_currency_sign_takes_the_currency_of_the_same_value_in_its_event() -> None:
    bank = "The Royal Bank of Scotland reported its ninth annual loss in a row on Friday in Edinburgh."
    tables = _tables(
        {
            "a": bank + " The bank will cut costs by ?2bn over the next four years.",
            "b": bank + " The bank plans to cut costs by 2 billion pounds over four years.",
        }
    )
    money = tables.claims[tables.claims["measure"].str.startswith("currency")]
    assert money[["unit", "n_sources"]].values.tolist() == [["GBP", 2]]
    both = _tables(
        {
            "a": bank + " The bank will cut costs by ?2bn over the next four years.",
            "b": bank + " The bank plans to cut costs by 2 billion pounds over four years.",
            "c": bank + " The bank plans to cut costs by 2 billion euros over four years.",
        }
    )
    assert "XXX" in set(both.claims["unit"])  # pounds or euros: the sign stays lost
    yearly = _tables(
        {
            "a": bank + " The bank will cut costs by ?2bn over the next four years.",
            "b": bank + " The bank plans to cut costs by 2 billion pounds a year.",
        }
    )
    assert "GBP_per_year" not in set(yearly.claims.loc[yearly.claims["n_sources"] > 1, "unit"])  # not a rate


def test_sharing_only_the_counted_noun_is_not_enough_for_a_conflict() -> None:
    tables = _tables(
        {
            "a": QUAKE + " Some 1,500 homes collapsed.",
            "b": QUAKE + " Insurers hold policies on 400 homes.",
        }
    )
    assert "conflicting" not in tables.claims["verdict"].tolist()


def test_values_apart_when_only_one_clause_says_when_are_not_compared() -> None:
    # Only the first clause says when ("was sentenced"): the second may give the time to serve.
    tables = _tables(
        {
            "a": "Kayla Norton wept in court as she was sentenced to 20 years in prison for the racist threats.",
            "b": "Kayla Norton wept as the judge handed down a prison sentence of 13 years for the racist threats.",
        }
    )
    claim = _claim_of(tables, "a", "20 years")
    assert (claim["n_sources"], claim["verdict"], claim["reason_code"]) == (2, "not_comparable", "scope_unknown")
    assert "not every clause says when" in claim["reason"]


def test_a_written_figure_takes_its_document_place_before_a_vague_word() -> None:
    tables = _tables(
        {
            "a": QUAKE + " Some 42 residents died when the hotel collapsed, rescuers said.",
            "b": QUAKE
            + " Dozens of residents died when the hotel collapsed, rescuers said. The toll later stood at 42.",
        }
    )
    claim = _claim_of(tables, "a", "42")
    assert claim["n_sources"] == 2
    assert _claim_of(tables, "b", "42").name == claim.name


def test_the_same_written_number_under_another_bound_is_preferred_to_a_looser_match() -> None:
    tables = _tables(
        {
            "a": QUAKE + " At least 220 people were killed by the quake in Valparaiso, officials said.",
            "b": QUAKE + " The quake killed 220 people. At least 300 people were killed by the quake in Valparaiso, "
            "officials said.",
        }
    )
    assert _claim_of(tables, "a", "220").name == _claim_of(tables, "b", "220").name


def test_a_document_that_rounds_its_own_figure_once_stays_in_one_claim() -> None:
    tables = _tables(
        {
            "a": QUAKE + " Nearly 250 people were killed in Valparaiso. Rescuers said 246 people were killed.",
            "b": QUAKE + " The quake killed 246 people in Valparaiso, rescuers said.",
        }
    )
    assert tables.memberships["claim_id"].nunique() == 1  # both of A's figures (one a repeat) and B's
    assert sorted(tables.memberships["role"]) == ["repeat", "value", "value"]
    assert tables.claims["verdict"].tolist() == ["consistent"]


def test_a_vague_word_reads_as_written_in_the_reason() -> None:
    tables = _tables(
        {
            "a": QUAKE + " Dozens of residents died when the hotel collapsed, rescuers said.",
            "b": QUAKE + " 78 residents died when the hotel collapsed, rescuers said.",
        }
    )
    claim = _claim_of(tables, "b", "78")
    assert claim["verdict"] == "consistent"
    assert 'A says "Dozens" (24 to 143)' in claim["reason"]


def test_a_common_ground_is_shown_to_the_digits_that_keep_its_ends_apart() -> None:
    tables = _tables(
        {
            "a": QUAKE + " Damage reached 25.3 percent of the city's homes, officials said.",
            "b": QUAKE + " Damage reached 25.3% of the city's homes, officials said.",
        }
    )
    reason = _claim_of(tables, "a", "25.3").at["reason"]
    ground = re.search(r"common ground ([\d.]+)% to ([\d.]+)%", reason)
    assert ground is not None, reason
    low, high = (float(x) for x in ground.groups())
    assert low < 25.3 < high and all(len(x.replace(".", "").lstrip("0")) <= 3 for x in ground.groups())


def test_the_same_amount_as_a_change_and_as_a_level_is_one_claim() -> None:
    tables = _tables(
        {
            "a": QUAKE + " The Valparaiso port sale price was lowered by $350 million because of the quake.",
            "b": QUAKE + " The quake has already cost the Valparaiso port $350 million, officials said.",
        }
    )
    claim = _claim_of(tables, "a", "$350 million")
    assert (claim["n_sources"], claim["verdict"]) == (2, "consistent")


def test_a_document_s_level_and_change_of_one_value_are_two_facts() -> None:
    tables = _tables(
        {
            "a": QUAKE + " The port's loss of $2bn last year was its worst. It plans to cut costs by $2bn by 2020.",
            "b": QUAKE + " The port will slash costs by a further $2 billion by 2020.",
        }
    )
    memberships = tables.memberships.dropna(subset=["claim_id"])
    shared = memberships.groupby("claim_id")["doc_id"].apply(list)
    assert not any(docs.count("a") > 1 for docs in shared)  # the loss and the cut never sit in one claim


def test_a_lost_currency_sign_under_an_open_bound_stays_lost() -> None:
    # "over ?123m" allows up to half again its value, so a $150m elsewhere says nothing about its currency.
    club = "Manchester City completed the signing of the Brazilian striker on Friday in Manchester."
    tables = _tables(
        {
            "a": club + " The club paid over ?123m for the striker.",
            "b": club + " The club paid $150m for the striker.",
        }
    )
    lost = tables.memberships.merge(tables.claims, on="claim_id")
    assert "USD" not in lost.loc[lost["doc_id"] == "a", "unit"].tolist()

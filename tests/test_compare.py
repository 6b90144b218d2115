"""The claims stage on small articles written for each rule, and on the seeds."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import corpuslab
from corpuslab import schema
from corpuslab.compare import Tolerances, build_claims, link_repeats
from corpuslab.compare.intervals import interval


def _tables(texts: dict[str, str], *, outlets: dict[str, str] | None = None, **options: object):
    outlets = outlets or {}
    docs = pd.DataFrame(
        {"doc_id": list(texts), "text": list(texts.values()), "outlet": [outlets.get(d) for d in texts]}
    )
    figures = corpuslab.extract_figures(docs)
    return build_claims(figures, docs, **options)


def _claim_of(tables, doc_id: str, surface_part: str) -> pd.Series:
    figures = tables.memberships.merge(tables.claims, on="claim_id")
    return figures[figures["doc_id"] == doc_id].iloc[0] if surface_part == "" else figures.iloc[0]


def _claims_with(tables, subject: str) -> pd.DataFrame:
    return tables.claims[tables.claims["subject"].str.startswith(subject)]


def test_a_bound_agrees_with_a_count_of_the_same_set() -> None:
    tables = _tables(
        {
            "a": "Russia and China held talks in Beijing. The countries signed over 20 documents.",
            "b": "Putin's visit to Beijing with China resulted in the signing of 22 comprehensive agreements.",
        },
        outlets={"a": "Wire A", "b": "Wire B"},
    )
    claim = _claims_with(tables, "document").iloc[0]
    assert (claim["verdict"], claim["n_sources"]) == ("consistent", 2)
    assert "Wire A says over 20" in claim["reason"] and "Wire B says 22" in claim["reason"]


def test_exact_and_approximate_values_conflict_only_outside_the_tolerance() -> None:
    tables = _tables(
        {
            "a": "Currently, Russia supplies China with approximately 61 bcm of gas annually via the Alpha Line.",
            "b": "Currently, gas flows from Russia to China through the Alpha Line reached 38 bcm per year.",
            "c": "Currently, Russia sends China 58 billion cubic meters a year through the Alpha Line.",
        }
    )
    claim = _claims_with(tables, "Alpha Line").iloc[0]
    assert claim["verdict"] == "conflicting"
    pairs = tables.comparisons.set_index(["doc_id_a", "doc_id_b"])["verdict"]
    assert pairs[("a", "b")] == "conflicting"
    assert pairs[("a", "c")] == "consistent"  # 58 is inside about 61 (+-10 %)
    assert pairs[("b", "c")] == "conflicting"


def test_a_change_does_not_conflict_with_the_old_value_for_the_old_time() -> None:
    tables = _tables(
        {
            "a": "Russia says supplies to China through the Alpha Line will increase from 38 to 44 bcm per year.",
            "b": "Currently, Russia's exports to China through the Alpha Line reached 38 bcm per year.",
        }
    )
    claims = _claims_with(tables, "Alpha Line").set_index("scope")
    assert claims.loc["current", "verdict"] == "consistent"  # 38 now, said by both
    assert claims.loc["future", "verdict"] == "single_source"  # 44 later, said by one
    roles = tables.memberships[tables.memberships["doc_id"] == "a"]["role"].tolist()
    assert sorted(roles) == ["earlier_value", "value"]


def test_units_convert_before_comparing() -> None:
    tables = _tables(
        {
            "a": "Russia and China agree the Beta Line will carry 4 bcm a month.",
            "b": "Russia and China say the Beta Line will carry 48 billion cubic meters annually.",
        }
    )
    claim = _claims_with(tables, "Beta Line").iloc[0]
    assert (claim["unit"], claim["verdict"]) == ("cubic_meter_per_year", "consistent")


def test_figures_of_different_dimensions_never_share_a_claim() -> None:
    tables = _tables(
        {
            "a": "Russia and China expect the Beta Line will carry 50 bcm a year.",
            "b": "Russia and China expect the Beta Line will cost $50 billion.",
        }
    )
    assert set(_claims_with(tables, "Beta Line")["unit"]) == {"cubic_meter_per_year", "USD"}
    assert (_claims_with(tables, "Beta Line")["verdict"] == "single_source").all()


def test_the_same_number_about_different_events_is_not_a_conflict() -> None:
    tables = _tables(
        {
            "a": "Xi Jinping of China is currently in Moscow with Putin of Russia on a four-day state visit.",
            "b": "Putin of Russia made a recent three-day visit to Beijing with Xi Jinping of China.",
            "c": "Russia's Putin ended a four-day visit to Beijing with China's Xi Jinping.",
        }
    )
    visits = _claims_with(tables, "visit")
    assert "conflicting" not in set(visits["verdict"])
    assert set(visits["scope"].str.split(",").str[0]) == {"Moscow", "Beijing"}


def test_aliases_merge_surface_variants(tmp_path: Path) -> None:
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("kind,alias,canonical\nentity,Sila Sibiri 2,Power of Siberia 2\n", encoding="utf-8")
    texts = {
        "a": "Russia and China say the Power of Siberia-2 will carry 50 bcm a year.",
        "b": "Russia and China say Sila Sibiri 2 will carry about 50 bcm annually.",
    }
    merged = _tables(texts, aliases=aliases)
    assert _claims_with(merged, "Power of Siberia 2")["n_sources"].tolist() == [2]
    apart = _tables(texts)
    assert len(_claims_with(apart, "Power of Siberia 2")) + len(_claims_with(apart, "Sila Sibiri 2")) == 2


def test_an_ambiguous_subject_is_not_merged_silently() -> None:
    tables = _tables(
        {
            "a": "Currently, Russia sends China 38 bcm a year through the Power of Siberia 1.",
            "b": "Russia and China plan that the Power of Siberia 2 will carry 50 bcm a year.",
            "c": "Currently, Russia sends China 61 bcm a year through the Power of Siberia.",
        }
    )
    ambiguous = tables.claims[tables.claims["has_ambiguous_subject"]]
    assert ambiguous["n_sources"].tolist() == [1]
    assert "conflicting" not in set(tables.claims["verdict"])


def test_an_untold_scope_is_not_comparable_rather_than_conflicting() -> None:
    tables = _tables(
        {
            "a": "Russia and China say the Gamma Line carries 38 bcm a year.",
            "b": "Russia and China say the Gamma Line carries 61 bcm a year.",
        }
    )
    claim = _claims_with(tables, "Gamma Line").iloc[0]
    assert claim["verdict"] == "not_comparable"
    assert "scope cannot be told" in claim["reason"]


def test_an_outlet_contradicting_itself_makes_the_claim_not_comparable() -> None:
    # The same key holds two incompatible values in one outlet: the key names more than one quantity.
    tables = _tables(
        {
            "a": "Currently, the Delta Line carries 38 bcm a year. Currently, the Delta Line carries 12 bcm a year.",
            "b": "Currently, the Delta Line carries 61 bcm a year.",
        },
        outlets={"a": "Wire A", "b": "Wire B"},
    )
    claim = _claims_with(tables, "Delta Line").iloc[0]
    assert claim["verdict"] == "not_comparable"
    assert "Wire A itself gives values that do not overlap" in claim["reason"]
    # A single value per outlet still conflicts.
    alone = _tables(
        {
            "a": "Currently, the Delta Line carries 38 bcm a year.",
            "b": "Currently, the Delta Line carries 61 bcm a year.",
        }
    )
    assert _claims_with(alone, "Delta Line")["verdict"].tolist() == ["conflicting"]


def test_a_name_without_what_is_measured_does_not_conflict() -> None:
    # "Oroville Dam: 230 m" may be its height or its spillway's length; a flow in bcm/y says what it is.
    tables = _tables(
        {
            "a": "Engineers said in the past week the Oroville Dam was 230m.",
            "b": "Engineers said in the past week the Oroville Dam was 400m.",
        }
    )
    lengths = tables.claims[tables.claims["unit"] == "meter"]
    assert len(lengths) >= 1 and "conflicting" not in set(lengths["verdict"])


def test_the_time_word_nearest_a_figure_sets_its_scope() -> None:
    tables = _tables(
        {
            "a": "Flows through the Epsilon Line, currently 38 bcm a year, are expected to reach 61 bcm a year.",
            "b": "Gas through the Epsilon Line has already reached 38 bcm a year.",
            "c": "Russia's Epsilon Line will carry 61 bcm a year.",
        }
    )
    claims = _claims_with(tables, "Epsilon Line").set_index("scope")
    assert claims.loc["current", "verdict"] == "consistent"  # 38 now: "currently" and "has already reached"
    assert claims.loc["future", "verdict"] == "consistent"  # 61 later: "expected to reach" and "will carry"


def test_a_statement_without_its_own_scope_agrees_but_never_conflicts() -> None:
    tables = _tables(
        {
            "a": "Currently, the Zeta Line carries 38 bcm a year.",
            "b": "The Zeta Line carries 61 bcm a year.",
            "c": "The Zeta Line carries about 38 bcm a year.",
        }
    )
    pairs = tables.comparisons.set_index(["doc_id_a", "doc_id_b"])["verdict"]
    assert pairs[("a", "b")] == "not_comparable"  # b joined a's scope only because it has none
    assert pairs[("a", "c")] == "consistent"
    assert "conflicting" not in set(_claims_with(tables, "Zeta Line")["verdict"])


def test_intervals_follow_bounds_precision_and_tolerance() -> None:
    assert interval(20.0, precision=0.5, bound="over") == (20.0, float("inf"), True, False)
    assert interval(50.0, precision=0.5, bound="at_most", kind="count") == (0.0, 50.0, False, False)
    assert interval(-2.0, precision=0.5, bound="at_most", kind="temperature")[0] == float("-inf")
    assert interval(50.4, precision=0.05, bound="exact", tolerances=Tolerances(exact=0.0)) == (
        50.35,
        50.45,
        False,
        False,
    )
    assert interval(61.0, precision=0.5, bound="approximate", tolerances=Tolerances(approximate=0.2))[:2] == (
        48.8,
        73.2,
    )
    assert interval(50.0, bound="exact", low=50.0, high=70.0, tolerances=Tolerances(exact=0.0))[:2] == (50.0, 70.0)


def test_tables_follow_their_schemas_and_every_figure_has_a_membership(seed_documents: pd.DataFrame) -> None:
    figures = corpuslab.extract_figures(seed_documents)
    tables = build_claims(figures, seed_documents)
    for name in ("claims", "comparisons", "memberships"):
        frame = getattr(tables, name)
        assert list(frame.columns) == schema.TABLES[name].names
        schema.to_pandera(name).validate(frame)
    assert set(tables.memberships["figure_id"]) == set(figures["figure_id"])
    counted = tables.memberships[tables.memberships["role"].isin(["value", "earlier_value"])]
    assert counted["claim_id"].notna().all()
    assert set(counted["claim_id"]) == set(tables.claims["claim_id"])
    assert set(tables.comparisons["claim_id"]) <= set(tables.claims["claim_id"])
    assert (tables.comparisons["source_a"] != tables.comparisons["source_b"]).all()


def test_the_seeds_claims_are_the_ones_a_reader_would_sign(seed_documents: pd.DataFrame) -> None:
    tables = build_claims(corpuslab.extract_figures(seed_documents), seed_documents)
    multi = tables.claims[tables.claims["n_sources"] > 1].set_index("subject")
    # Power of Siberia 1 today: 38 bcm/y in one article, about 61 in another.
    assert multi.loc["Power of Siberia 1", "verdict"] == "conflicting"
    assert "about 61 bcm/y" in multi.loc["Power of Siberia 1", "reason"]
    # Power of Siberia 2's planned capacity: over 50 and an estimated 50 agree.
    assert multi.loc["Power of Siberia 2", "verdict"] == "consistent"
    # Documents signed in Beijing: over 20 and 22 agree.
    assert multi.loc["document", "verdict"] == "consistent"
    # The four-day visits to Moscow and to Beijing are two events, not one claim.
    visits = tables.claims[tables.claims["subject"] == "visit"]
    assert len(visits) == 2 and (visits["verdict"] == "single_source").all()
    # Claims are sorted with conflicts first.
    assert tables.claims["verdict"].iloc[0] == "conflicting"


@pytest.mark.parametrize("column", ["doc_id", "text"])
def test_missing_columns_are_named(seed_documents: pd.DataFrame, column: str) -> None:
    figures = corpuslab.extract_figures(seed_documents)
    with pytest.raises(corpuslab.CorpusLabError, match=column):
        build_claims(figures, seed_documents.drop(columns=column))


def test_a_repeat_joins_the_claim_of_the_first_copy_whatever_order_the_statements_come_in() -> None:
    # A distributed engine hands over statements shuffled by claim; the first copy is still the first.
    ignored = pd.DataFrame(
        {
            "figure_id": ["r"],
            "doc_id": ["d"],
            "role": ["repeat"],
            "surface": ["5%"],
            "value": [5.0],
            "unit": ["percent"],
        }
    )
    firsts = pd.DataFrame(
        {
            "doc_id": ["d", "d"],
            "surface": ["5%", "5%"],
            "value": [5.0, 5.0],
            "unit": ["percent", "percent"],
            "claim_id": ["later", "earlier"],
            "doc_rank": [0, 0],
            "start": [90, 10],
        }
    )
    assert link_repeats(ignored, firsts)["claim_id"].tolist() == ["earlier"]
    assert link_repeats(ignored, firsts.iloc[::-1])["claim_id"].tolist() == ["earlier"]

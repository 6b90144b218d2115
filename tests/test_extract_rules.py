"""Table-driven tests of the extraction rules: value, unit, kind, bound, range, change and offsets."""

from __future__ import annotations

import math

import pytest

from corpuslab import find_figures
from corpuslab.extract import Figure
from corpuslab.extract.find import explain_numerals
from corpuslab.extract.rules import PHRASES, ROWS, RULE_EXAMPLES, Example
from corpuslab.vocab import RULES

BCM = 1e9
YEAR_DAYS = 365.25


def _one(text: str, surface: str) -> Figure:
    found = [f for f in find_figures(text) if f.surface == surface]
    assert found, f"{surface!r} not found in {[f.surface for f in find_figures(text)]}"
    figure = found[0]
    assert text[figure.start : figure.end] == surface
    return figure


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9) or (math.isnan(a) and math.isnan(b))


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "kind", "bound"),
    [
        # digits, separators, decimals, scale words and abbreviations
        (
            "Imports reached 1,234,567 tonnes last year.",
            "1,234,567 tonnes",
            1_234_567_000.0,
            "kilogram",
            "mass",
            "exact",
        ),
        ("The loan was $1.2bn.", "$1.2bn", 1.2e9, "USD", "currency", "exact"),
        ("It raised €5m from investors.", "€5m", 5e6, "EUR", "currency", "exact"),
        ("A deal worth £3.2 million was agreed.", "£3.2 million", 3.2e6, "GBP", "currency", "exact"),
        ("Trade could reach US$250 billion.", "US$250 billion", 2.5e11, "USD", "currency", "exact"),
        ("The budget is 3 trillion yuan.", "3 trillion yuan", 3e12, "CNY", "currency", "exact"),
        ("Fines of 5 million roubles were imposed.", "5 million roubles", 5e6, "RUB", "currency", "exact"),
        ("Exports of 20 billion USD were reported.", "20 billion USD", 2e10, "USD", "currency", "exact"),
        ("The bank lent EUR 400 million.", "EUR 400 million", 4e8, "EUR", "currency", "exact"),
        ("Its debt stood at 7.5tn yen.", "7.5tn yen", 7.5e12, "JPY", "currency", "exact"),
        ("The firm has 40k employees.", "40k", 40_000.0, "count", "count", "exact"),
        # spelled numbers and hyphenated compounds
        ("Twenty-two people were hurt.", "Twenty-two", 22.0, "count", "count", "exact"),
        ("One hundred and five ships sailed.", "One hundred and five", 105.0, "count", "count", "exact"),
        ("It was a four-day visit.", "four-day", 4.0, "day", "duration", "exact"),
        ("They signed a 30-year contract.", "30-year", 30 * YEAR_DAYS, "day", "duration", "exact"),
        ("About two-thirds of voters agreed.", "About two-thirds", 200 / 3, "percent", "percent", "approximate"),
        ("Half of the budget went to defence.", "Half", 50.0, "percent", "percent", "exact"),
        ("Three million people fled.", "Three million", 3e6, "count", "count", "exact"),
        # energy and economics units, rates
        (
            "Russia sends 50 bcm a year to China.",
            "50 bcm a year",
            50 * BCM,
            "cubic_meter_per_year",
            "volume_rate",
            "exact",
        ),
        (
            "It carries 50 billion cubic meters annually.",
            "50 billion cubic meters annually",
            50 * BCM,
            "cubic_meter_per_year",
            "volume_rate",
            "exact",
        ),
        ("Reserves hold 1.2 tcm of gas.", "1.2 tcm", 1.2e12, "cubic_meter", "volume", "exact"),
        ("The field holds 3 tcf of gas.", "3 tcf", 3e12 * 0.028316846592, "cubic_meter", "volume", "exact"),
        (
            "Output was 9.8 mb/d in March.",
            "9.8 mb/d",
            9.8e6 * 0.158987294928 * YEAR_DAYS,
            "cubic_meter_per_year",
            "volume_rate",
            "exact",
        ),
        (
            "Output rose to 500,000 barrels per day.",
            "500,000 barrels per day",
            5e5 * 0.158987294928 * YEAR_DAYS,
            "cubic_meter_per_year",
            "volume_rate",
            "exact",
        ),
        ("The plant has 1,200 MW of capacity.", "1,200 MW", 1.2e9, "watt", "power", "exact"),
        ("Wind farms made 5 TWh.", "5 TWh", 5 * 3.6e15, "joule", "energy", "exact"),
        ("Demand hit 30 mtoe.", "30 mtoe", 30e6 * 41.868e9, "joule", "energy", "exact"),
        ("Gas sold at $10 per MMBtu, or 10 MMBtu.", "10 MMBtu", 10e6 * 1055.056, "joule", "energy", "exact"),
        ("The project will make 5 mtpa of LNG.", "5 mtpa", 5e9, "kilogram_per_year", "mass_rate", "exact"),
        ("The pipeline is 2,000 km long.", "2,000 km", 2e6, "meter", "length", "exact"),
        ("Temperatures fell to -5 degrees.", "-5 degrees", -5.0, "degree_celsius", "temperature", "exact"),
        # percentages and points
        ("Inflation was 3.5% in May.", "3.5%", 3.5, "percent", "percent", "exact"),
        ("Support stood at 41 per cent.", "41 per cent", 41.0, "percent", "percent", "exact"),
        ("Rates went up 25 basis points.", "25 basis points", 0.25, "percentage_point", "percentage_points", "exact"),
        (
            "Its share fell 5 percentage points.",
            "5 percentage points",
            5.0,
            "percentage_point",
            "percentage_points",
            "exact",
        ),
        ("Prices are three times higher.", "three times", 3.0, "times", "multiple", "exact"),
        # bounds
        ("They signed over 20 documents.", "over 20", 20.0, "count", "count", "over"),
        ("More than 300 people attended.", "More than 300", 300.0, "count", "count", "over"),
        ("At least 12 soldiers died.", "At least 12", 12.0, "count", "count", "at_least"),
        ("Fewer than 50 seats remain.", "Fewer than 50", 50.0, "count", "count", "under"),
        ("It can carry up to 50 bcm.", "up to 50 bcm", 50 * BCM, "cubic_meter", "volume", "at_most"),
        (
            "Russia supplies approximately 61 bcm.",
            "approximately 61 bcm",
            61 * BCM,
            "cubic_meter",
            "volume",
            "approximate",
        ),
        ("Nearly 40% voted.", "Nearly 40%", 40.0, "percent", "percent", "approximate"),
        ("Some 5,000 troops arrived.", "Some 5,000", 5000.0, "count", "count", "approximate"),
        ("An estimated 150 families left.", "An estimated 150", 150.0, "count", "count", "approximate"),
        ("Firms with 50 staff or more must report.", "50 staff or more", 50.0, "count", "count", "at_least"),
        # ages, dates, years, ordinals keep their own kinds
        ("A 45-year-old man was arrested.", "45-year-old", 45.0, "year", "age", "exact"),
        ("Xi visited on 4 February 2022.", "4 February 2022", 20220204.0, "date", "date", "exact"),
        ("The talks began on May 9.", "May 9", 509.0, "date", "date", "exact"),
        ("Deliveries will rise in 2025.", "2025", 2025.0, "calendar_year", "year", "exact"),
        ("It marks the 80th anniversary.", "80th", 80.0, "ordinal", "ordinal", "exact"),
        ("Prices rose in the 1990s.", "1990s", 1990.0, "calendar_year", "year", "exact"),
    ],
)
def test_value_unit_kind_bound(text: str, surface: str, value: float, unit: str, kind: str, bound: str) -> None:
    figure = _one(text, surface)
    assert _close(figure.value, value), (figure.value, value)
    assert (figure.unit, figure.kind, figure.bound) == (unit, kind, bound)


@pytest.mark.parametrize(
    ("text", "surface", "range_low", "range_high"),
    [
        ("Between 50 and 70 people came.", "Between 50 and 70", 50.0, 70.0),
        ("Prices were 50–70 euros.", "50–70 euros", 50.0, 70.0),
        ("It will take 50 to 70 days.", "50 to 70 days", 50.0, 70.0),
        ("Two or three ships sank.", "Two or three", 2.0, 3.0),
        ("The cost is $5-10 billion.", "$5-10 billion", 5e9, 1e10),
        ("Polls give it 19 to 21 seats.", "19 to 21", 19.0, 21.0),
        ("Dozens of protesters gathered.", "Dozens", 24.0, 143.0),
        ("Hundreds of thousands of people marched.", "Hundreds of thousands", 2e5, 9.99e5),
    ],
)
def test_ranges_are_one_figure(text: str, surface: str, range_low: float, range_high: float) -> None:
    figure = _one(text, surface)
    assert _close(figure.range_low, range_low) and _close(figure.range_high, range_high)
    assert _close(figure.value, range_low)
    assert len([f for f in find_figures(text) if f.start < figure.end and f.end > figure.start]) == 1


@pytest.mark.parametrize(
    ("text", "surface", "value", "from_value", "trend", "is_change"),
    [
        (
            "Supplies will increase from 38 to 44 bcm per year.",
            "from 38 to 44 bcm per year",
            44 * BCM,
            38 * BCM,
            "up",
            False,
        ),
        ("Deliveries are expected to increase by 28% in 2025.", "by 28%", 28.0, math.nan, "up", True),
        ("Sales fell 3.5% last year.", "3.5%", 3.5, math.nan, "down", True),
        ("Shares were up 4% on Monday.", "4%", 4.0, math.nan, "up", True),
        ("The rate rose to 5% from 4%.", "5%", 5.0, 4.0, "up", False),
        ("Output reached 44 bcm, up from 38 bcm.", "44 bcm", 44 * BCM, 38 * BCM, "up", False),
        ("It reported a 28% increase in sales.", "28%", 28.0, math.nan, "up", True),
        ("Profit jumped 20 per cent to $1.2bn.", "$1.2bn", 1.2e9, math.nan, "up", False),
        ("Unemployment dropped from 9% to 7%.", "from 9% to 7%", 7.0, 9.0, "down", False),
    ],
)
def test_changes(text: str, surface: str, value: float, from_value: float, trend: str, is_change: bool) -> None:
    figure = _one(text, surface)
    assert _close(figure.value, value) and _close(figure.from_value, from_value)
    assert (figure.trend, figure.is_change) == (trend, is_change)


@pytest.mark.parametrize(
    "text",
    [
        "The Power of Siberia 2 pipeline will run through Mongolia.",
        "Leaders met at the G20 summit.",
        "The COVID-19 pandemic hit trade.",
        "The Tianjin-2 terminal opened.",
        "They opened the XXIV Olympic Winter Games.",
        "Call +7 495 123-45-67 for details.",
        "Call (202) 555-0123 today.",
        "The meeting starts at 10:30 a.m.",
        "He arrived at 3 p.m.",
        "It runs on Windows 10.",
        "Under Article 5 allies must respond.",
        "Federer won 6-4, 7-5 on Sunday.",
        "See www.example.com/2024/05 for more.",
        "One of the leaders spoke first.",
        "The 5G network launched.",
    ],
)
def test_names_codes_times_and_phones_are_not_quantities(text: str) -> None:
    quantities = [f for f in find_figures(text) if f.kind not in ("date", "year", "ordinal")]
    assert quantities == []


def test_counted_noun_and_subject() -> None:
    text = "Russian President Vladimir Putin's visit resulted in the signing of 22 comprehensive agreements."
    figure = _one(text, "22")
    assert (figure.kind, figure.noun) == ("count", "agreement")
    assert "agreements" in (figure.subject or "")
    trade = _one(
        "The President mentioned the intention to increase bilateral trade to US$250 billion.", "US$250 billion"
    )
    assert trade.subject == "bilateral trade"
    volume = _one("Flows reached the maximum contracted volume of 38 bcm per year.", "38 bcm per year")
    assert volume.subject == "maximum contracted volume"
    gas = _one("Russia supplies China with approximately 61 bcm of gas annually.", "approximately 61 bcm")
    assert gas.subject == "gas" and gas.unit == "cubic_meter_per_year"


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # A figure right before a noun modifies it; a change noun points at what changed.
        ("The jury returned a $12 million verdict against the club.", "$12 million", "verdict"),
        ("Police logged a 4 percent rise in burglaries.", "4 percent", "burglaries"),
        ("The ministry opened a $15m programme aimed at schools.", "$15m", "programme"),
        ("The fund gained $5bn last year.", "$5bn", "fund"),
        # A date's subject is what happened then, or the noun it modifies.
        ("The rebels seized the northern port in 2019, officials said.", "2019", "rebels seized northern port"),
        ("On 3 March, the central bank raised its key rate.", "3 March", "central bank raised key"),
        ("Auditors reviewed his 2005 return.", "2005", "return"),
        ("Analysts read Gazprom's 2019 report on Tuesday.", "2019", "report"),
        ("The city hosted the 31st Summer Games.", "31st", "Summer Games"),
        # An initialism's full stops end neither the word nor the clause.
        (
            "Its land is worth 20 percent of U.S. uranium production capacity.",
            "20 percent",
            "U.S. uranium production capacity",
        ),
        ("The bill covers 40% of U.K. households.", "40%", "U.K. households"),
    ],
)
def test_subject_rules(text: str, surface: str, subject: str) -> None:
    assert _one(text, surface).subject == subject


def test_precision_follows_the_written_digits() -> None:
    assert _one("It was 50 bcm.", "50 bcm").precision == pytest.approx(0.5 * BCM)
    assert _one("It was 50.4 bcm.", "50.4 bcm").precision == pytest.approx(0.05 * BCM)


def test_negative_numbers() -> None:
    assert _one("Growth was -3.2% in the quarter.", "-3.2%").value == -3.2


def test_non_string_input_is_refused() -> None:
    with pytest.raises(TypeError, match="str"):
        find_figures(None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # years never form ranges: a period is two years
        ("He served from 2013 to 2017 in Kabul.", [("2013", "year", 2013.0), ("2017", "year", 2017.0)]),
        ("Sales over 2016-20 will rise.", [("2016", "year", 2016.0), ("20", "year", 2020.0)]),
        # ages in apposition and by decade
        ("Musa Ndlovu, 97, and Sehelo Msebele, 35, waited.", [("97", "age", 97.0), ("35", "age", 35.0)]),
        ("Most victims were in their 40s.", [("40s", "age", 40.0)]),
        ("She died at the age of 25.", [("25", "age", 25.0)]),
        # units of time with an article, multiples as verbs
        ("Russians may travel visa-free for a year.", [("a year", "duration", 365.25)]),
        ("Output has quintupled since 1990.", [("quintupled", "multiple", 5.0), ("1990", "year", 1990.0)]),
        # heights, dotted thousands, Fahrenheit
        ("He is 6 foot 2 inches tall.", [("6 foot 2 inches", "length", 1.8796)]),
        ("He paid 84.000 euros.", [("84.000 euros", "currency", 84000.0)]),
        ("It reached 84 degrees Fahrenheit.", [("84 degrees Fahrenheit", "temperature", (84 - 32) * 5 / 9)]),
        # hyphenated counts and partitives
        ("A three-judge panel ruled.", [("three-judge", "count", 3.0)]),
        ("He hired two of his children.", [("two", "count", 2.0)]),
        ("More than half of its users left.", [("More than half", "percent", 50.0)]),
        # tallies are not figures
        ("The Senate voted 52 to 47.", []),
        # a capitalised number word inside a name
        ("It is part of the 13th Five-Year Plan.", [("13th", "ordinal", 13.0)]),
    ],
)
def test_more_rules(text: str, expected: list[tuple[str, str, float]]) -> None:
    found = [(f.surface, f.kind, f.value) for f in find_figures(text)]
    assert [(s, k) for s, k, _ in found] == [(s, k) for s, k, _ in expected]
    for (_, _, got), (_, _, want) in zip(found, expected, strict=True):
        assert _close(got, want) or math.isclose(got, want, rel_tol=1e-4)


@pytest.mark.parametrize(
    ("text", "surface", "bound", "trend", "is_change"),
    [
        ("The school is within 3km of the site.", "within 3km", "at_most", None, False),
        ("Gusts of up to 150 mph (240 kph) hit.", "240 kph", "at_most", None, False),
        ("It saw a 10.1 percent year-on-year drop.", "10.1 percent", "exact", "down", True),
        ("It has a 33% lower risk of stroke.", "33%", "exact", "down", True),
        ("Prices are 29 percent higher than in May.", "29 percent", "exact", "up", True),
        ("It would add about $54 billion to the budget.", "about $54 billion", "approximate", "up", True),
        ("They aim to increase student numbers by 27%.", "27%", "exact", "up", True),
        ("They make up nearly 20 percent of the population.", "nearly 20 percent", "approximate", None, False),
        ("It took an additional 23 days.", "an additional 23 days", "exact", "up", True),
    ],
)
def test_bounds_and_changes_around_figures(
    text: str, surface: str, bound: str, trend: str | None, is_change: bool
) -> None:
    figure = _one(text, surface)
    assert (figure.bound, figure.trend, figure.is_change) == (bound, trend, is_change)


def test_rates_on_money_and_volumes() -> None:
    money = _one("The budget will receive up to 25 mln rubles per year from gaming.", "up to 25 mln rubles per year")
    assert (money.unit, money.value, money.bound) == ("RUB_per_year", 25e6, "at_most")
    monthly = _one("The salary is about $1,000 a month.", "about $1,000 a month")
    assert (monthly.unit, monthly.value) == ("USD_per_year", 12000.0)
    hours = _one("Children spend more than 10 hours a week online.", "more than 10 hours")
    assert hours.kind == "duration"


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Output was 1\u00a0200\u00a0000 tonnes.", "1\u00a0200\u00a0000 tonnes", 1.2e9),  # kilograms
        ("Output was 1'200'000 tonnes.", "1'200'000 tonnes", 1.2e9),
        ("Exports were 38,5 bcm.", "38,5 bcm", 38.5e9),
        ("A price of 1.234,5 euros.", "1.234,5 euros", 1234.5),
        ("Prices rose 2,5 percent to 12,50 euros.", "12,50 euros", 12.5),
    ],
)
def test_european_numerals(text: str, surface: str, value: float) -> None:
    assert _close(_one(text, surface).value, value)


@pytest.mark.parametrize("text", ["There were 220,00 deaths.", "In 2019 200 people came."])
def test_english_text_keeps_its_numerals(text: str) -> None:
    # "220,00" in English text is a typo for 220,000, not 220; a plain space never groups thousands.
    assert [f.value for f in find_figures(text)] in ([], [2019.0, 200.0])


_ROW_EXAMPLES = [(row.name, ex) for row in (*ROWS, *PHRASES) for ex in row.examples]


def test_the_rule_table_gives_only_vocabulary_rules_and_every_rule_has_an_example() -> None:
    given = {row.rule for row in (*ROWS, *PHRASES) if row.rule is not None}
    shown = {ex.rule for _, ex in _ROW_EXAMPLES if ex.rule is not None}
    assert given <= set(RULES)
    assert shown == set(RULES) == set(RULE_EXAMPLES)
    assert len({row.name for row in (*ROWS, *PHRASES)}) == len(ROWS) + len(PHRASES)


@pytest.mark.parametrize(("name", "example"), _ROW_EXAMPLES, ids=[f"{n}:{e.surface}" for n, e in _ROW_EXAMPLES])
def test_each_row_decides_its_example(name: str, example: Example) -> None:
    found = [(f.rule, f.kind) for f in find_figures(example.text) if f.surface == example.surface]
    assert found == ([(example.rule, example.kind)] if example.kind else [])
    if name not in {p.name for p in PHRASES}:
        assert (example.surface, name) in explain_numerals(example.text)

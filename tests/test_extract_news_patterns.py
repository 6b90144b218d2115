"""Table-driven tests of the patterns business, sports, car and tech news writes that the first rules missed
(issue 13): money with glued codes, subunits and local scales; prices and rates per unit; torque, power and
data rates; scale letters and scientific notation; spans after a figure; numbers that are names or dates.
Each row also checks the value and unit as written, which displays use."""

from __future__ import annotations

import math

import pytest

from corpuslab import find_figures, units
from corpuslab.extract import Figure
from corpuslab.extract import patterns as P

YEAR_DAYS = 365.25


def _one(text: str, surface: str) -> Figure:
    found = [f for f in find_figures(text) if f.surface == surface]
    assert found, f"{surface!r} not found in {[f.surface for f in find_figures(text)]}"
    assert text[found[0].start : found[0].end] == surface
    return found[0]


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "kind", "written", "written_unit"),
    [
        # money as business news writes it: codes and local symbols glued to the digits
        ("The start-up raised USD10m in May.", "USD10m", 1e7, "USD", "currency", 1e7, "USD"),
        ("The subscription rose to 115USD.", "115USD", 115.0, "USD", "currency", 115.0, "USD"),
        ("Shares closed at RM23.50 on Monday.", "RM23.50", 23.5, "MYR", "currency", 23.5, "MYR"),
        ("The deal is worth $US1,000 million.", "$US1,000 million", 1e9, "USD", "currency", 1e9, "USD"),
        ("He was fined $A500 on Friday.", "$A500", 500.0, "AUD", "currency", 500.0, "AUD"),
        ("The bank lent R5 billion to Eskom.", "R5 billion", 5e9, "ZAR", "currency", 5e9, "ZAR"),
        ("It paid 300 million Norwegian krone.", "300 million Norwegian krone", 3e8, "NOK", "currency", 3e8, "NOK"),
        ("A fine of 2.5 billion Swedish kronor.", "2.5 billion Swedish kronor", 2.5e9, "SEK", "currency", 2.5e9, "SEK"),
        # a sign the corpus could not encode ("?" or U+FFFD for £ or €) is money in no known currency
        ("RBS reported a loss of ?7bn.", "?7bn", 7e9, "XXX", "currency", 7e9, "XXX"),
        ("The price is around \ufffd1.7m.", "around \ufffd1.7m", 1.7e6, "XXX", "currency", 1.7e6, "XXX"),
        ("The grant is worth S$1mil.", "S$1mil", 1e6, "SGD", "currency", 1e6, "SGD"),
        ("The state set aside Rs 500 crore.", "Rs 500 crore", 5e9, "INR", "currency", 5e9, "INR"),
        ("A loan of 35 lakh rupees was approved.", "35 lakh rupees", 3.5e6, "INR", "currency", 3.5e6, "INR"),
        ("Revenue hit €1.2bn last year.", "€1.2bn", 1.2e9, "EUR", "currency", 1.2e9, "EUR"),
        ("Net profit was $1.1mn.", "$1.1mn", 1.1e6, "USD", "currency", 1.1e6, "USD"),
        ("Its GDP is $2.174T.", "$2.174T", 2.174e12, "USD", "currency", 2.174e12, "USD"),
        ("Sales reached 1.2 trillion yen.", "1.2 trillion yen", 1.2e12, "JPY", "currency", 1.2e12, "JPY"),
        ("The ticket costs 10 € now.", "10 €", 10.0, "EUR", "currency", 10.0, "EUR"),
        (
            "They paid 125 million Australian dollars.",
            "125 million Australian dollars",
            1.25e8,
            "AUD",
            "currency",
            1.25e8,
            "AUD",
        ),
        ("It is 90 Fahrenheit in Texas.", "90 Fahrenheit", 32.0 + 2 / 9, "degree_celsius", "temperature", 90.0, None),
        ("The gap is 16.25 nanometers.", "16.25 nanometers", 1.625e-8, "meter", "length", 16.25, "nanometer"),
        ("A 90-day-old calf was found.", "90-day-old", 90 / YEAR_DAYS, "year", "age", 90.0, "day"),
        ("The lake holds 4 km3 of water.", "4 km3", 4e9, "cubic_meter", "volume", 4.0, "km3"),
        ("The site covers 4km^2 of land.", "4km^2", 4e6, "square_meter", "area", 4.0, "km^2"),
        (
            "It weighs 2,000.45±0.01 pounds.",
            "2,000.45±0.01 pounds",
            2000.45 * 0.45359237,
            "kilogram",
            "mass",
            2000.45,
            "lb",
        ),
        # subunits: the value is in the main unit, the written value in the subunit
        ("The stock fell 18 sen to close.", "18 sen", 0.18, "MYR", "currency", 18.0, "sen"),
        ("A stamp now costs 50p more.", "50p", 0.5, "GBP", "currency", 50.0, "pence"),
        ("The app costs 99 cents.", "99 cents", 0.99, "USD", "currency", 99.0, "cent"),
        # prices per unit keep their denominator; money per period is annualised but written per period
        ("Brent rose to $84.50 a barrel.", "$84.50 a barrel", 84.5, "USD_per_barrel", "currency", 84.5, "USD/barrel"),
        (
            "Petrol averaged $2.11 per gallon.",
            "$2.11 per gallon",
            2.11,
            "USD_per_gallon",
            "currency",
            2.11,
            "USD/gallon",
        ),
        ("Gas traded at $3/MMBtu.", "$3/MMBtu", 3.0, "USD_per_MMBtu", "currency", 3.0, "USD/MMBtu"),
        ("Gallium cost $350 per kg.", "$350 per kg", 350.0, "USD_per_kilogram", "currency", 350.0, "USD/kilogram"),
        (
            "The rent is $3,000 per month.",
            "$3,000 per month",
            36_000.0,
            "USD_per_year",
            "currency",
            3000.0,
            "USD/month",
        ),
        # rates of counted things, torque, power, data rates
        ("He averaged 15.3 ppg this season.", "15.3 ppg", 15.3, "point_per_game", "rate", 15.3, "ppg"),
        ("She scored 8 points per game.", "8 points per game", 8.0, "point_per_game", "rate", 8.0, None),
        (
            "The engine makes 400 lb-ft of torque.",
            "400 lb-ft",
            400 * 1.3558179483314,
            "newton_meter",
            "torque",
            400.0,
            "lb-ft",
        ),
        ("Peak torque is 542 Nm.", "542 Nm", 542.0, "newton_meter", "torque", 542.0, "Nm"),
        ("It produces 300 PS.", "300 PS", 300 * 735.49875, "watt", "power", 300.0, "PS"),
        ("The motor is rated at 221 kW.", "221 kW", 221_000.0, "watt", "power", 221.0, "kW"),
        ("Speeds reach 100 Mbps.", "100 Mbps", 1e8, "bit_per_second", "data_rate", 100.0, "Mbps"),
        (
            "There were 5 cases per 100,000 people.",
            "5 cases per 100,000 people",
            5e-5,
            "case_per_person",
            "rate",
            5.0,
            "case per 100,000 people",
        ),
        (
            "It saw 30 deaths per million people.",
            "30 deaths per million people",
            3e-5,
            "death_per_person",
            "rate",
            30.0,
            None,
        ),
        (
            "It had 12 deaths per 1,000 live births.",
            "12 deaths per 1,000 live births",
            0.012,
            "death_per_birth",
            "rate",
            12.0,
            None,
        ),
        # tech, car and health units
        ("The chip runs at 2.4GHz.", "2.4GHz", 2.4e9, "hertz", "frequency", 2.4, "GHz"),
        ("It has a 5,000mAh battery.", "5,000mAh", 18_000.0, "coulomb", "charge", 5000.0, "mAh"),
        (
            "The car gets 35 mpg.",
            "35 mpg",
            35 * 1.609344 / 3.785411784,
            "kilometer_per_liter",
            "fuel_economy",
            35.0,
            "mpg",
        ),
        ("Her blood sugar was 180 mg/dL.", "180 mg/dL", 1.8, "kilogram_per_cubic_meter", "concentration", 180.0, None),
        # scale letters, scale words and scientific notation
        ("There are 8 B people on Earth.", "8 B", 8e9, "count", "count", 8e9, None),
        ("Sales fell to 1mil units.", "1mil", 1e6, "count", "count", 1e6, None),
        (
            "Light travels at 2.998 x 10^8 m/s.",
            "2.998 x 10^8 m/s",
            2.998e8,
            "meter_per_second",
            "speed",
            2.998e8,
            "m/s",
        ),
        ("The density is 5.5x10-3 kg.", "5.5x10-3 kg", 5.5e-3, "kilogram", "mass", 5.5e-3, "kg"),
        ("A megahertz is 1e6 cycles.", "1e6", 1e6, "count", "count", 1e6, None),
        ("It fell to -12e-1 degrees.", "-12e-1 degrees", -1.2, "degree_celsius", "temperature", -1.2, "degrees"),
        ("Growth was minus five percent.", "minus five percent", -5.0, "percent", "percent", -5.0, "%"),
        ("It will cost two and a half million.", "two and a half million", 2.5e6, "number", "number", 2.5e6, None),
        ("Half a million people fled.", "Half a million", 5e5, "count", "count", 5e5, None),
        ("It cost half a billion euros.", "half a billion euros", 5e8, "EUR", "currency", 5e8, "EUR"),
        ("A quarter of a million people came.", "A quarter of a million", 2.5e5, "count", "count", 2.5e5, None),
        # a rate per day or month after a short "of ..." phrase, as "annually" was
        (
            "OPEC cut 1.8 million barrels of crude oil output per day.",
            "1.8 million barrels",
            1.8e6 * 0.158987294928 * YEAR_DAYS,
            "cubic_meter_per_year",
            "volume_rate",
            1.8e6,
            "barrel/day",
        ),
        (
            "The city burns 2 million tonnes of coal a month.",
            "2 million tonnes",
            2.4e10,
            "kilogram_per_year",
            "mass_rate",
            2e6,
            "tonne/month",
        ),
        (
            "Saudi Arabia pumps 10 million barrels of oil daily.",
            "10 million barrels",
            1e7 * 0.158987294928 * YEAR_DAYS,
            "cubic_meter_per_year",
            "volume_rate",
            1e7,
            "barrel/day",
        ),
        # coal equivalent is energy (29.3076 GJ a tonne), as oil equivalent is
        (
            "Use hit 4.36 billion tons of coal equivalent.",
            "4.36 billion tons of coal equivalent",
            4.36e9 * 29.3076e9,
            "joule",
            "energy",
            4.36e9,
            "tons of coal equivalent",
        ),
        (
            "The plant burns 300 tce a day.",
            "300 tce a day",
            300 * 29.3076e9 * YEAR_DAYS,
            "joule_per_year",
            "energy_rate",
            300.0,
            "tce/day",
        ),
        (
            "It used 5 million tonnes of standard coal.",
            "5 million tonnes of standard coal",
            5e6 * 29.3076e9,
            "joule",
            "energy",
            5e6,
            "tonnes of standard coal",
        ),
        # a fraction of a percentage point (a point only after a fraction: "fell 2.39 points" is an index level)
        (
            "Growth was half a percentage point lower.",
            "half a percentage point",
            0.5,
            "percentage_point",
            "percentage_points",
            0.5,
            "percentage point",
        ),
        (
            "The Fed lifted rates by a quarter-point.",
            "a quarter-point",
            0.25,
            "percentage_point",
            "percentage_points",
            0.25,
            "percentage point",
        ),
        (
            "It raised the rate one-quarter point.",
            "one-quarter point",
            0.25,
            "percentage_point",
            "percentage_points",
            0.25,
            "percentage point",
        ),
        (
            "The RBA cut rates 0.25 of a per cent.",
            "0.25 of a per cent",
            0.25,
            "percentage_point",
            "percentage_points",
            0.25,
            "per cent",
        ),
        ("Prices rose half a per cent in May.", "half a per cent", 0.5, "percent", "percent", 0.5, "%"),
        ("The index fell 1 point.", "1", 1.0, "count", "count", 1.0, None),
        ("Half million eggs broke.", "Half million", 5e5, "count", "count", 5e5, None),
        ("They raised a quarter million dollars.", "a quarter million dollars", 2.5e5, "USD", "currency", 2.5e5, None),
        (
            "The mine ships three quarters million tonnes.",
            "three quarters million tonnes",
            7.5e8,
            "kilogram",
            "mass",
            7.5e5,
            None,
        ),
        (
            "It fell to -5 degrees fahrenheit.",
            "-5 degrees fahrenheit",
            -20.0 - 5 / 9,
            "degree_celsius",
            "temperature",
            -5.0,
            None,
        ),
        ("It stores 50 Wh.", "50 Wh", 180_000.0, "joule", "energy", 50.0, "Wh"),
        # values as written: a 30-year contract is 30 years, 50 bcm is 50 bcm
        ("They signed a 30-year contract.", "30-year", 30 * YEAR_DAYS, "day", "duration", 30.0, "year"),
        ("It supplies 50 bcm of gas.", "50 bcm", 5e10, "cubic_meter", "volume", 50.0, "bcm"),
        (
            "It pumps 1 million b/d.",
            "1 million b/d",
            58_070_109.472451985,
            "cubic_meter_per_year",
            "volume_rate",
            1e6,
            "b/d",
        ),
        ("Output hit 61 bcm a year.", "61 bcm a year", 6.1e10, "cubic_meter_per_year", "volume_rate", 61.0, "bcm/year"),
        ("The baby is 6 weeks of age.", "6 weeks of age", 6 * 7 / YEAR_DAYS, "year", "age", 6.0, "week"),
        # a speed written with the unit singular, as often as plural
        (
            "Gusts reached 80 kilometre an hour.",
            "80 kilometre an hour",
            80 / 3.6,
            "meter_per_second",
            "speed",
            80.0,
            None,
        ),
        (
            "It runs at 270 kilometre per hour.",
            "270 kilometre per hour",
            75.0,
            "meter_per_second",
            "speed",
            270.0,
            None,
        ),
        ("The limit is 60 mile an hour.", "60 mile an hour", 26.8224, "meter_per_second", "speed", 60.0, None),
        ("They walked at 5 km an hour.", "5 km an hour", 5 / 3.6, "meter_per_second", "speed", 5.0, None),
    ],
)
def test_news_patterns(
    text: str, surface: str, value: float, unit: str, kind: str, written: float, written_unit: str | None
) -> None:
    figure = _one(text, surface)
    assert math.isclose(figure.value, value, rel_tol=1e-9)
    assert (figure.unit, figure.kind) == (unit, kind)
    assert math.isclose(figure.value_as_written, written, rel_tol=1e-9)
    if written_unit is not None:
        assert figure.unit_as_written == written_unit


def test_scale_written_once_applies_to_both_ends_of_a_range() -> None:
    figure = _one("It costs 33-35 billion euros.", "33-35 billion euros")
    assert (figure.range_low, figure.range_high, figure.unit) == (33e9, 35e9, "EUR")


def test_change_to_a_range_is_one_figure_with_the_scale_on_every_end() -> None:
    text = "Spending will rise from 24.2 to 33-35 billion euros."
    (figure,) = find_figures(text)
    assert figure.surface == "from 24.2 to 33-35 billion euros"
    assert (figure.from_value, figure.range_low, figure.range_high) == (24.2e9, 33e9, 35e9)
    assert (figure.trend, figure.rule, figure.currency) == ("up", "change", "EUR")


@pytest.mark.parametrize(
    ("text", "surface", "low", "high", "unit"),
    [
        ("They sell 10- to 15-year bonds.", "10- to 15-year", 10 * YEAR_DAYS, 15 * YEAR_DAYS, "day"),
        ("Nights ranged from -18 °C to -34 °C.", "from -18 °C to -34 °C", -34.0, -18.0, "degree_celsius"),
        ("Google holds 10-15 exabytes of data.", "10-15 exabytes", 1e19, 1.5e19, "byte"),
        ("Pour 3 to 4 L of wine.", "3 to 4 L", 0.003, 0.004, "cubic_meter"),
        ("Prices were $350 per kg to $680 per kg.", "$350 per kg to $680 per kg", 350.0, 680.0, "USD_per_kilogram"),
        # a dash with or without spaces between numbers in one notation, and "to", stay ranges
        ("The toll was 38-46 last year.", "38-46", 38.0, 46.0, "number"),
        ("The toll was 38 - 46 last year.", "38 - 46", 38.0, 46.0, "number"),
        ("The toll was 38 to 46 last year.", "38 to 46", 38.0, 46.0, "number"),
        ("They met thirty - forty people.", "thirty - forty", 30.0, 40.0, "count"),
    ],
)
def test_ranges_written_with_units_signs_and_suspended_hyphens(
    text: str, surface: str, low: float, high: float, unit: str
) -> None:
    figure = _one(text, surface)
    assert math.isclose(figure.range_low, low, rel_tol=1e-9) and math.isclose(figure.range_high, high, rel_tol=1e-9)
    assert figure.unit == unit


@pytest.mark.parametrize(
    ("text", "surface", "low", "high"),
    [
        ("The number is above 1000 and below 1500.", "above 1000 and below 1500", 1000.0, 1500.0),
        ("There are at most 100 and at least 20 apples.", "at most 100 and at least 20", 20.0, 100.0),
        ("It grew more than 10% but less than 40%.", "more than 10% but less than 40%", 10.0, 40.0),
        ("The range is 20 through 100.", "20 through 100", 20.0, 100.0),
        ("These apples cost 20~100 yen.", "20~100 yen", 20.0, 100.0),
    ],
)
def test_two_bounds_joined_by_and_state_one_range(text: str, surface: str, low: float, high: float) -> None:
    figure = _one(text, surface)
    assert (figure.range_low, figure.range_high, figure.rule) == (low, high, "range")


def test_bounds_of_two_different_changes_stay_apart() -> None:
    found = find_figures("Exports rose more than 5% and imports fell less than 3%.")
    assert [(f.surface, f.bound) for f in found] == [("more than 5%", "over"), ("less than 3%", "under")]


@pytest.mark.parametrize(
    ("text", "surface", "bound"),
    [
        ("The pipeline is worth $400bn over 30 years.", "30 years", "exact"),  # the span it accrues over
        ("The deal was signed, over 30 years ago.", "over 30 years", "over"),  # no figure before: a bound
        ("The dispute has lasted over 30 years.", "over 30 years", "over"),
    ],
)
def test_over_after_a_figure_is_a_span_not_a_bound(text: str, surface: str, bound: str) -> None:
    figure = _one(text, surface)
    assert figure.bound == bound and figure.kind == "duration"


@pytest.mark.parametrize(
    ("text", "not_figures"),
    [
        ("The sp 500 rose and the Stoxx 50 fell 2%.", {"500", "50"}),
        ("The Standard & Poor's 500 index fell 0.1%.", {"500"}),
        ("Standard & Poor’s 500 futures slipped.", {"500"}),
        ("Boeing delivered the 787 Dreamliner on time.", {"787"}),
        ("Apple sold the iPhone 11 Pro for a year.", {"11"}),
        ("The talks run Oct. 25-29 in Geneva.", {"29", "25-29"}),
        ("The summit runs 25-29 October in Geneva.", {"25", "25-29"}),
        ("5G networks now reach rural towns.", {"5", "5G"}),
        # a rank is not a quantity
        ("Razzano, who is ranked 72nd, lost.", {"72nd", "72"}),
        ("Gambill (ranked 21st) won in 91 minutes.", {"21st", "21"}),
        ("She is seeded No. 3 at Wimbledon.", {"3"}),
        ("The school was ranked number 10 in the state.", {"10"}),
        # a cricket score (wickets for runs) is not a quantity
        ("The tourists slumped to 9 for 233 at stumps.", {"9", "233"}),
        ("India will resume at three for 89 tomorrow.", {"three", "89"}),
        ("Australia is no wicket for 126, chasing 277.", {"126"}),
        ("Warne finished with 5 for 87.", {"5", "87"}),
        # an ordinal or a month before "half" or "quarter" names a period, not a fraction
        ("Sales rose in the first quarter of next year.", {"quarter", "first quarter"}),
        ("The second half of 2014 was weak for oil.", {"half", "second half"}),
        ("Fourth-quarter profit beat forecasts.", {"quarter", "Fourth-quarter"}),
        ("Profit in the December quarter fell.", {"quarter", "December quarter"}),
        ("He scored in the last quarter of the game.", {"quarter", "last quarter"}),
        # scores with a colon or in a series of sets, and ratios
        ("Vesnina beat Kuznetsova 6:7 (6:8), 7:5, 6:4 in the final.", {"7", "8", "5", "4", "6"}),
        ("Nadal won in four sets 6-7, 7-5, 6-4, 7-6.", {"6-7", "7-5", "6-4", "7-6"}),
        ("Zenit beat Spartak 3:1 on Sunday.", {"1", "3"}),
    ],
)
def test_numbers_in_names_and_dates_are_not_quantities(text: str, not_figures: set[str]) -> None:
    quantities = {f.surface for f in find_figures(text) if f.kind not in ("date", "year")}
    assert not quantities & not_figures, quantities


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [("Children aged 6-7, 8-9 and 10-12 took part.", ["6-7", "8-9", "10-12"]), ("Rates rose 5-7% in May.", ["5-7%"])],
)
def test_a_list_of_upward_pairs_stays_ranges(text: str, surfaces: list[str]) -> None:
    assert [f.surface for f in find_figures(text)] == surfaces


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("A quarter of the staff left.", "A quarter"),
        ("More than half of the first-half profit went.", "More than half"),
    ],
)
def test_a_fraction_not_after_an_ordinal_is_still_a_share(text: str, surface: str) -> None:
    assert _one(text, surface).unit == "percent"


@pytest.mark.parametrize(
    ("text", "surface", "value", "from_value", "trend"),
    [
        ("The euro rose to $1.0868 from $1.0808.", "$1.0868", 1.0868, 1.0808, "up"),
        ("The dollar weakened to 113.29 yen from Wednesday's 113.38 yen.", "113.29 yen", 113.29, 113.38, "down"),
        ("Gold climbed to €1,200 from yesterday’s €1,150.", "€1,200", 1200.0, 1150.0, "up"),
        ("The yield fell to 2.37 percent from 2.41 percent.", "2.37 percent", 2.37, 2.41, "down"),
        ("Bread rose to £1.20 from £1.05 last week.", "£1.20", 1.2, 1.05, "up"),
        # "up to" / "down to" before an earlier value is the direction, not a bound
        ("The price went up to £1.20 from £1.05.", "£1.20", 1.2, 1.05, "up"),
        ("Unemployment was up to 5.2% from 5.0%.", "5.2%", 5.2, 5.0, "up"),
        ("Rates went down to 5% from 6%.", "5%", 5.0, 6.0, "down"),
    ],
)
def test_a_level_then_from_its_earlier_value_is_one_figure(
    text: str, surface: str, value: float, from_value: float, trend: str
) -> None:
    quantities = [f for f in find_figures(text) if f.kind not in ("date", "year")]
    assert [f.surface for f in quantities] == [surface]
    assert (quantities[0].value, quantities[0].from_value, quantities[0].trend) == (value, from_value, trend)


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Bananas sell 3 for 99 cents.", "99 cents"),
        ("The bill passed 9 for 233 votes.", "233"),
        ("He paid 2 for 10 years.", "10 years"),
    ],
)
def test_n_for_m_with_money_or_a_unit_is_not_a_cricket_score(text: str, surface: str) -> None:
    assert _one(text, surface)


@pytest.mark.parametrize(
    ("text", "surface", "noun"),
    [
        ("The strike hits three of Australia's biggest banks.", "three", "bank"),
        ("Swimmers won nine of the 12 events.", "nine", "event"),
        ("Five of the 10 largest firms are Chinese.", "Five", "firm"),
        ("Police arrested two of their leaders.", "two", "leader"),
    ],
)
def test_a_count_of_a_part_takes_the_noun_after_the_possessive_or_number(text: str, surface: str, noun: str) -> None:
    figure = _one(text, surface)
    assert (figure.kind, figure.noun) == ("count", noun)


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        ("He asked for twice his annual salary.", ["twice"]),
        ("The infection rate is twice the national rate.", ["twice"]),
        ("China trains twice as many pilots.", ["twice"]),
        ("The board meets twice a year.", []),  # a frequency, not a multiple
        ("Launch was delayed twice.", []),
    ],
)
def test_twice_before_what_it_compares_is_a_multiple(text: str, surfaces: list[str]) -> None:
    multiples = [f for f in find_figures(text) if f.kind == "multiple"]
    assert [f.surface for f in multiples] == surfaces
    assert all(f.value == 2.0 and f.rule == "multiply" for f in multiples)


def test_a_capitalised_word_before_a_plural_still_counts() -> None:
    figure = _one("The agency hired 20 Chinese engineers.", "20")
    assert figure.kind == "count"


@pytest.mark.parametrize("text", ["1e999", "It weighs 1e308 tonnes.", "5 x 10^-999 m"])
def test_scientific_notation_beyond_news_scale_gives_no_infinite_value(text: str) -> None:
    assert all(math.isfinite(f.value) and f.value != 0 for f in find_figures(text))


def test_day_range_is_part_of_the_date() -> None:
    (figure,) = find_figures("The talks run Oct. 25-29 in Geneva.")
    assert (figure.surface, figure.kind) == ("Oct. 25-29", "date")


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (30.0, "year", "30 years"),
        (1.0, "year", "1 year"),
        (50.0, "bcm", "50 bcm"),
        (1e6, "b/d", "1 million b/d"),
        (84.5, "USD/barrel", "USD 84.5/barrel"),
        (1.2e9, "EUR", "EUR 1.2 billion"),
        (99.0, "cent", "99 cents"),
        (5.0, "%", "5%"),
        (12.0, None, "12"),
    ],
)
def test_format_as_written(value: float, unit: str | None, shown: str) -> None:
    assert units.format_as_written(value, unit) == shown


def test_the_figure_summary_shows_figures_in_the_unit_as_written() -> None:
    import pandas as pd

    from corpuslab.extract import extract_figures
    from corpuslab.summary import summarize_figures

    docs = pd.DataFrame(
        {
            "doc_id": ["a"],
            "text": ["They signed a 30-year contract. Brent rose to $84.50 a barrel. It pumps 1 million b/d."],
        }
    )
    shown = dict(zip(*summarize_figures(extract_figures(docs))[["surface", "value"]].values.T, strict=True))
    assert shown == {"30-year": "30 years", "$84.50 a barrel": "USD 84.5/barrel", "1 million b/d": "1 million b/d"}


def test_figures_of_the_new_patterns_pass_the_figures_suite_checks() -> None:
    import json
    import re
    from pathlib import Path

    suite = json.loads(
        (Path(__file__).resolve().parents[1] / "src" / "corpuslab" / "suites" / "figures.json").read_text("utf-8")
    )
    checks = {e["meta"]["name"]: e["kwargs"] for e in suite["expectations"]}
    texts = [
        "Brent rose to $84.50 a barrel and gas to $3/MMBtu; rent is $3,000 per month.",
        "He averaged 15.3 ppg; the region has 3 doctors per capita.",
        "The engine makes 400 lb-ft, 300 PS and 100 Mbps links; the stamp costs 50p, the ticket 10 ₡.",
        "There were 5 cases per 100,000 people and 12 deaths per 1,000 live births.",
        "A 2.4GHz chip, a 5,000mAh battery, 35 mpg and 180 mg/dL.",
    ]
    figures = [f for text in texts for f in find_figures(text)]
    assert len(figures) >= 8
    for figure in figures:
        assert re.match(checks["canonical_unit"]["regex"], figure.unit), figure.unit
        assert figure.kind in checks["known_kind"]["value_set"]
        assert figure.currency is None or figure.currency in checks["iso_currency"]["value_set"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "and" joins a smaller number only after a hundred or a magnitude
        ("The trip takes between two and three hours.", [("between two and three hours", 2 / 24, 3 / 24)]),
        ("He bought two and three bedroom flats.", [("two", 2.0, None), ("three", 3.0, None)]),
        ("A hundred and fifty jobs went.", [("A hundred and fifty", 150.0, None)]),
        (
            "They counted one thousand two hundred and thirty-four people.",
            [("one thousand two hundred and thirty-four", 1234.0, None)],
        ),
        # number words out of English order start a new numeral
        (
            "Numbers called: twenty thirty sixty.",
            [("twenty", 20.0, None), ("thirty", 30.0, None), ("sixty", 60.0, None)],
        ),
        ("Scores were twenty five and forty one.", [("twenty five", 25.0, None), ("forty one", 41.0, None)]),
        (
            "Rooms hundred and five hundred and nine.",
            [("hundred and five", 105.0, None), ("hundred and nine", 109.0, None)],
        ),
        ("It was seven eighty million.", [("seven", 7.0, None), ("eighty million", 8e7, None)]),
    ],
)
def test_spelled_numbers_compose_only_in_english_order(
    text: str, expected: list[tuple[str, float, float | None]]
) -> None:
    found = [f for f in find_figures(text) if f.kind not in ("date", "year")]
    assert [f.surface for f in found] == [surface for surface, _, _ in expected]
    for figure, (_, value, high) in zip(found, expected, strict=True):
        low = figure.range_low if high is not None else figure.value
        assert math.isclose(low, value, rel_tol=1e-9)
        if high is not None:
            assert math.isclose(figure.range_high, high, rel_tol=1e-9)


@pytest.mark.parametrize(
    ("text", "surface", "minutes", "written_unit"),
    [
        ("The flight took an hour and fifteen minutes.", "an hour and fifteen minutes", 75.0, "minute"),
        ("It was a 1 hour, 17 minute argument.", "1 hour, 17 minute", 77.0, "minute"),
        ("The film runs 2 hours 30 minutes.", "2 hours 30 minutes", 150.0, "minute"),
        ("She won in 2 hours, 30 minutes and 10 seconds.", "2 hours, 30 minutes and 10 seconds", 150 + 1 / 6, "second"),
        ("The yacht took just under two days and 21 hours.", "just under two days and 21 hours", 69 * 60.0, "hour"),
        ("The talks lasted for an hour and 15 minutes.", "an hour and 15 minutes", 75.0, "minute"),
    ],
)
def test_a_compound_duration_is_one_duration(text: str, surface: str, minutes: float, written_unit: str) -> None:
    durations = [f for f in find_figures(text) if f.kind == "duration"]
    assert [f.surface for f in durations] == [surface]
    assert math.isclose(durations[0].value * 24 * 60, minutes, rel_tol=1e-9)
    assert durations[0].unit_as_written == written_unit
    assert math.isclose(durations[0].value_as_written * units.duration_in(written_unit, "minute"), minutes)


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        # a larger part that is not larger than the next, or that the next outgrows, is a list
        ("Trains take 2 hours, buses 30 minutes.", ["2 hours", "30 minutes"]),
        ("It took 3 days and 48 hours.", ["3 days", "48 hours"]),
        ("He waited 30 minutes and 2 hours.", ["30 minutes", "2 hours"]),
        # calendar parts from years or months down stay separate figures
        ("He served 5 years, 6 months in jail.", ["5 years", "6 months"]),
        ("Within a year, six months passed.", ["a year", "six months"]),
    ],
)
def test_durations_that_are_not_one_compound_stay_apart(text: str, surfaces: list[str]) -> None:
    assert [f.surface for f in find_figures(text) if f.kind == "duration"] == surfaces


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        ("The road toll stands at 38 - six fewer than last year.", ["38", "six"]),
        ("Deaths reached 12 – three more than in 2019.", ["12", "three"]),
        ("It sold 400 - twice as many as planned.", ["400", "twice"]),
    ],
)
def test_a_spelled_number_after_a_spaced_dash_opens_a_phrase_not_a_range(text: str, surfaces: list[str]) -> None:
    found = [f for f in find_figures(text) if f.kind != "year"]
    assert [f.surface for f in found] == surfaces
    assert all(math.isnan(f.range_low) for f in found)


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The hall can hold up to 500 people from 20 countries.", "up to 500"),
        ("Prices may rise up to £1.20 next year.", "up to £1.20"),
    ],
)
def test_up_to_without_an_earlier_value_stays_a_bound(text: str, surface: str) -> None:
    assert _one(text, surface).bound == "at_most"


@pytest.mark.parametrize(
    ("text", "surface", "low", "high", "unit"),
    [
        ("Tens of thousands of people marched.", "Tens of thousands", 2e4, 9.9e4, "count"),
        # a feed that glued words with hyphens
        ("Tens of-thousands of people marched.", "Tens of-thousands", 2e4, 9.9e4, "count"),
        ("Tens-of-thousands of people marched.", "Tens-of-thousands", 2e4, 9.9e4, "count"),
        # the scale with no noun after it
        ("Tens of thousands marched.", "Tens of thousands", 2e4, 9.9e4, "number"),
        ("They numbered hundreds of thousands.", "hundreds of thousands", 2e5, 9.99e5, "number"),
        # a few or several of a magnitude, with its unit after it
        ("A few hundred people marched.", "A few hundred", 200.0, 999.0, "count"),
        ("The few hundred residents left.", "few hundred", 200.0, 999.0, "count"),
        ("Several hundred people came.", "Several hundred", 200.0, 999.0, "count"),
        ("It cost a few thousand dollars.", "a few thousand dollars", 2000.0, 9999.0, "USD"),
        ("The camp is several hundred km away.", "several hundred km", 2e5, 9.99e5, "meter"),
    ],
)
def test_a_vague_amount_is_one_approximate_range(text: str, surface: str, low: float, high: float, unit: str) -> None:
    figures = [f for f in find_figures(text) if f.kind != "year"]
    assert [f.surface for f in figures] == [surface]
    assert (figures[0].range_low, figures[0].range_high, figures[0].bound) == (low, high, "approximate")
    assert figures[0].unit == unit


def test_a_few_without_a_magnitude_is_no_figure() -> None:
    assert find_figures("A few people came.") == []


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("The course is five and a quarter miles.", "five and a quarter miles", 5.25 * 1609.344, "meter"),
        ("He served 3 and a half years.", "3 and a half years", 3.5 * YEAR_DAYS, "day"),
        ("Rates rose to two and three quarters percent.", "two and three quarters percent", 2.75, "percent"),
        ("It took one and a third days.", "one and a third days", 4 / 3, "day"),
        ("A mixed number: one and a fourth.", "one and a fourth", 1.25, "number"),
    ],
)
def test_a_mixed_number_adds_its_fraction(text: str, surface: str, value: float, unit: str) -> None:
    figure = _one(text, surface)
    assert math.isclose(figure.value, value, rel_tol=1e-9)
    assert figure.unit == unit


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("CBO: 14M more Americans won't have insurance.", "14M", 14e6, "count"),
        ("I can give you 10M.", "10M", 1e7, "number"),
        ("1.4M Illinois job seekers lost cover.", "1.4M", 1.4e6, "count"),
        ("Manila agreed on 3.7b in projects.", "3.7b", 3.7e9, "number"),
        ("It booked net revenue of 170b reais.", "170b reais", 1.7e11, "BRL"),
        # one example for each condition of patterns.GLUED_LETTER_SCALES
        ("It cost $5m.", "$5m", 5e6, "USD"),
        ("5m people voted.", "5m", 5e6, "count"),
        ("It cost $3b.", "$3b", 3e9, "USD"),
        ("It raised $1.2T last year.", "$1.2T", 1.2e12, "USD"),
    ],
)
def test_a_scale_letter_glued_to_digits(text: str, surface: str, value: float, unit: str) -> None:
    figure = _one(text, surface)
    assert math.isclose(figure.value, value, rel_tol=1e-9)
    assert figure.unit == unit


@pytest.mark.parametrize(
    "text",
    ["She won the 100M freestyle.", "The SuperView 1A and 1B were lifted.", "He ran a 100m sprint.", "It cost 3T."],
)
def test_a_scale_letter_that_is_a_race_or_a_name_is_no_scale(text: str) -> None:
    assert all(f.value < 1000 for f in find_figures(text))


def test_every_glued_letter_scale_names_a_condition_the_reader_asks() -> None:
    assert set(P.GLUED_LETTER_SCALES.values()) == {"money_or_plural", "money_or_decimal", "money", "not_race"}
    assert all(units.SCALES[letter.lower()] >= 1e6 for letter in P.GLUED_LETTER_SCALES)


def test_a_glued_temperature_letter_is_read_up_to_its_cap() -> None:
    assert _one("It hit 38C today.", "38C").unit == "degree_celsius"
    assert not find_figures(f"The {P.MAX_GLUED_TEMPERATURE + 100}C is a car.")


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("It only cost 3 dollars 50 cents.", "3 dollars 50 cents", 3.5, "USD"),
        ("It cost thirteen dollars and forty-five cents.", "thirteen dollars and forty-five cents", 13.45, "USD"),
        ("It costs $3 and 50 cents.", "$3 and 50 cents", 3.5, "USD"),
        ("A ticket is 2 euros, 30 cents.", "2 euros, 30 cents", 2.3, "EUR"),
    ],
)
def test_an_amount_and_its_subunits_are_one_amount(text: str, surface: str, value: float, unit: str) -> None:
    money = [f for f in find_figures(text) if f.kind == "currency"]
    assert [f.surface for f in money] == [surface]
    assert math.isclose(money[0].value, value, rel_tol=1e-9) and money[0].unit == unit


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        ("Brent was $5 a barrel and 50 cents more.", ["$5 a barrel", "50 cents"]),  # a price per unit
        ("It was $3.50 and 20 cents.", ["$3.50", "20 cents"]),  # the first amount already has its cents
        ("Bread is $3, milk 90 cents.", ["$3", "90 cents"]),
    ],
)
def test_amounts_that_are_not_one_amount_stay_apart(text: str, surfaces: list[str]) -> None:
    assert [f.surface for f in find_figures(text) if f.kind == "currency"] == surfaces


@pytest.mark.parametrize(
    ("text", "surface", "miles"),
    [
        ("Raceway Park is a 1/4 mile paved oval.", "1/4 mile", 0.25),
        ("He ran 3/4 mile.", "3/4 mile", 0.75),
        ("It takes more than 10 1/2 miles of cable.", "more than 10 1/2 miles", 10.5),
    ],
)
def test_a_fraction_in_digits_before_a_unit(text: str, surface: str, miles: float) -> None:
    figure = _one(text, surface)
    assert math.isclose(figure.value, miles * 1609.344, rel_tol=1e-9) and figure.unit == "meter"


@pytest.mark.parametrize("text", ["Open 24/7 for 3/4 of people.", "The score was 9/10 today.", "Meet on 3/4 at noon."])
def test_a_fraction_in_digits_with_no_unit_is_no_figure(text: str) -> None:
    assert not [f for f in find_figures(text) if f.kind not in ("date",) and f.value < 1]


def test_a_bare_dollar_is_the_corpus_own_dollar_when_asked() -> None:
    from corpuslab.errors import InputFormatError

    text = "The council will spend $5 million, 50 cents a head and $2 a litre; US$3 million came from the US."
    default = {f.surface: f.unit for f in find_figures(text)}
    local = {f.surface: f.unit for f in find_figures(text, dollar="AUD")}
    assert set(default.values()) <= {"USD", "USD_per_person", "USD_per_liter"}
    assert local["$5 million"] == "AUD" and local["US$3 million"] == "USD"
    assert {u for s, u in local.items() if s != "US$3 million"} <= {"AUD", "AUD_per_person", "AUD_per_liter"}
    with pytest.raises(InputFormatError, match="not a currency called dollar"):
        find_figures(text, dollar="EUR")


def test_a_question_mark_is_a_lost_sign_only_glued_to_the_digits_after_a_space() -> None:
    assert [f.unit for f in find_figures("Why? 20 people came to the rally.")] == ["count"]
    assert [f.unit for f in find_figures('She told "?0/20" about the 20 people.') if f.currency] == []


def test_a_loss_after_money_is_its_amount_not_a_change() -> None:
    loss = find_figures("The bank reported a £7bn annual loss on Friday.")[0]
    drop = find_figures("The bank reported a £7bn drop in lending on Friday.")[0]
    assert (loss.is_change, drop.is_change) == (False, True)
    assert find_figures("Shares suffered a 5% loss in value.")[0].is_change


@pytest.mark.parametrize(
    ("text", "surface", "bound"),
    [
        ("More than-25,000 people died in the raids.", "More than-25,000", "over"),
        ("Turnout was above-97 percent on Sunday.", "above-97 percent", "over"),
        ("At least-30 vehicles were involved in the crash.", "At least-30", "at_least"),
    ],
)
def test_a_hyphen_a_feed_put_for_a_space_is_a_space(text: str, surface: str, bound: str) -> None:
    assert _one(text, surface).bound == bound


@pytest.mark.parametrize(
    "text", ["COVID-19 cases rose.", "The under-21 side won.", "The over-60s voted.", "A MiG-29 flew."]
)
def test_a_hyphen_inside_a_name_or_an_age_group_is_no_space(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("The Ming dynasty (1368-1644) built the wall.", ["year", "year"]),
        ("The Ming dynasty ruled 1368-1644, and then fell.", ["year", "year"]),
        ("Some 1200-1500 people came.", ["count"]),  # a plural after it: an amount
        ("The sculpture weighs 1200-1500 kg.", ["mass"]),
        ("About 1200-1500 died there.", ["number"]),  # a bound, or a word after it: an amount
        ("It sold 1200-1500 a day.", ["number"]),
    ],
)
def test_a_rising_pair_of_four_digit_numbers_closing_a_clause_is_a_span_of_years(text: str, kinds: list[str]) -> None:
    assert [f.kind for f in find_figures(text)] == kinds


def test_an_r_before_digits_is_rand_only_before_a_scale_word() -> None:
    assert find_figures("Take the R5 road north to Pretoria.") == []


def test_a_year_before_space_grouped_thousands_is_no_phone_number() -> None:
    assert [f.kind for f in find_figures("In 2019 200 000 people fled.")][:1] == ["year"]
    assert find_figures("Call 1800 666 111 for help.") == []


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("Britain's new 1-pound coin goes into circulation today.", "1-pound", "GBP"),
        ("He handed over a crumpled 20-pound note.", "20-pound", "GBP"),
        ("She carried a 10-pound bag of rice home.", "10-pound", "kilogram"),
        ("He caught a 5 pound fish in the lake.", "5 pound", "kilogram"),
    ],
)
def test_a_singular_pound_is_weight_unless_it_names_a_coin_or_a_note(text: str, surface: str, unit: str) -> None:
    assert _one(text, surface).unit == unit


@pytest.mark.parametrize(
    ("text", "surface", "kilograms"),
    [
        ("The bill covers possession of 500 grammes of marijuana.", "500 grammes", 0.5),
        ("Police seized a 2 kilogramme package.", "2 kilogramme", 2.0),
    ],
)
def test_british_spellings_of_metric_masses(text: str, surface: str, kilograms: float) -> None:
    found = _one(text, surface)
    assert (found.unit, found.value) == ("kilogram", pytest.approx(kilograms))


@pytest.mark.parametrize(
    ("text", "surface", "trend"),
    [
        ("Applications recorded a decline of 33.3 percent in 2016.", "33.3 percent", "down"),
        ("The bank announced a rise of 0.25 percentage points.", "0.25 percentage points", "up"),
        ("Exports saw an increase of 5% last year.", "5%", "up"),
    ],
)
def test_a_noun_of_change_before_of_states_the_amount_of_the_change(text: str, surface: str, trend: str) -> None:
    found = _one(text, surface)
    assert (found.is_change, found.trend) == (True, trend)


def test_a_loss_of_money_stays_the_amount_lost() -> None:
    assert not _one("The firm reported a loss of $3m in May.", "$3m").is_change


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("She took a £50,000-a-year job in May.", "£50,000-a-year", "GBP_per_year"),
        ("Vaping has grown into an $8 billion-a-year market.", "$8 billion-a-year", "USD_per_year"),
        ("The host galaxy is 1.8 billion light years away.", "1.8 billion light years", "meter"),
    ],
)
def test_hyphenated_rates_and_light_years(text: str, surface: str, unit: str) -> None:
    assert _one(text, surface).unit == unit


@pytest.mark.parametrize("text", ["She returned to No. 10 on Monday.", "He wore a striker's number (No. 9).", "Nos. 3"])
def test_a_number_named_by_no_is_no_amount(text: str) -> None:
    assert [f.surface for f in find_figures(text) if f.surface.startswith(("3", "9", "10"))] == []

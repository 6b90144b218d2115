"""Table-driven tests of numbers written in forms the peer suites (benchmarks/peer_suites.py) showed were
missed and that news also writes: thousands grouped with spaces, fractions, dozens, spelled decimals,
negative words. Each row checks the surface and the value read."""

from __future__ import annotations

import math

import pytest

from corpuslab import find_figures

NNBSP = "\u202f"  # narrow no-break space, a thousands mark in French and SI style


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The index fell to minus one.", "minus one", -1.0),
        ("He scores between negative ten and fifteen.", "between negative ten and fifteen", -10.0),
        ("Sales: greater than 30 and less than or equal to 40.", "greater than 30 and less than or equal to 40", 30.0),
        (
            "It is larger than twenty and less or equal than thirty five.",
            "larger than twenty and less or equal than thirty five",
            20.0,
        ),
        ("It is still the case when <-30.", "<-30", -30.0),
        ("They were given between 44 mg to 50 mg of it.", "between 44 mg to 50 mg", 4.4e-5),
        ("The annual revenue is ($-99.99).", "$-99.99", -99.99),
        ("The lake covers 4 km squared.", "4 km squared", 4e6),
        # thousands grouped by ordinary spaces: a whole run of three-digit groups, or a single "000"
        ("China's population is 1 414 021 100.", "1 414 021 100", 1414021100.0),
        ("More than 200 000 women are expected.", "More than 200 000", 200000.0),
        (f"It is 1{NNBSP}234{NNBSP}567.89 in all.", f"1{NNBSP}234{NNBSP}567.89", 1234567.89),
        # a decimal point with no zero before it
        ("He batted .300 last season.", ".300", 0.3),
        ("A stamp cost $.50 then.", "$.50", 0.5),
        ("The rate fell to -.5 percent.", "-.5 percent", -0.5),
        # fractions in digits before "of" or as a mixed number, fraction characters: shares, in percent
        ("About 1/40 of the light passes.", "About 1/40", 2.5),
        ("More than 1/2 of the people came.", "More than 1/2", 50.0),
        ("The result is ⅔ this time.", "⅔", 200 / 3),
        ("It took 2½ years.", "2½ years", 2.5 * 365.25),
        ("The board met 2 1/4 times a year.", "2 1/4", 2.25),
        # a count of a count is a share, in percent
        ("One in five adults smokes.", "One in five", 20.0),
        ("Only 1 out of 3 passed.", "1 out of 3", 100 / 3),
        ("One in every 10 people is left-handed.", "One in every 10", 10.0),
        ("The odds were put at one over twenty.", "one over twenty", 5.0),
        ("The ratio is 1 over one hundred and twenty five.", "1 over one hundred and twenty five", 0.8),
        # dozens
        ("They sold 3 dozen eggs.", "3 dozen", 36.0),
        ("He bought three dozens of them.", "three dozens", 36.0),
        ("Half a dozen ministers resigned.", "Half a dozen", 6.0),
        ("The bakery sold 3 dozens on Sunday.", "3 dozens", 36.0),
        ("Order five doz of the rolls.", "five doz", 60.0),
        # digits and number words in one number; a spaced hyphen between a tens word and its unit
        ("I can give you 3 hundred and 21 yuan.", "3 hundred and 21 yuan", 321.0),
        ("They counted 4 thousand 3 hundred and 21 ballots.", "4 thousand 3 hundred and 21", 4321.0),
        ("The ship carried 5 hundred and twenty-one passengers.", "5 hundred and twenty-one", 521.0),
        ("The score stood at fifty - two.", "fifty - two", 52.0),
        ("Debt reached 10 tln roubles.", "10 tln roubles", 1e13),
        # a comma before the hundreds and "&" for "and", as on a cheque
        ("The bill came to three million, two hundred & forty.", "three million, two hundred & forty", 3000240.0),
        ("They hired one thousand, two hundred and five staff.", "one thousand, two hundred and five", 1205.0),
        # a power after a caret, and a power of any base in scientific notation
        ("The growth factor was 1.1^23 over the period.", "1.1^23", 1.1**23),
        ("The rate is 2.5^-1 per hour.", "2.5^-1", 0.4),
        ("A kibibyte is exactly 8x2^10 bits.", "exactly 8x2^10", 8192.0),
        # an uncertainty in scientific notation belongs to the value (it was read as a code, "1e")
        ("The constant is 9.83e-3 +/- 1e-5 here.", "9.83e-3 +/- 1e-5", 9.83e-3),
        # electronvolts, written with their case
        ("The LHC smashed them at 3.5–4.0 TeV.", "3.5–4.0 TeV", 3.5e12 * 1.602176634e-19),
        ("A few dozen people came.", "A few dozen", 24.0),
        # spelled decimals: digit words, or a number below a hundred, after "point"
        ("The answer is minus five point five.", "minus five point five", -5.5),
        ("Rates rose to zero point zero eight.", "zero point zero eight", 0.08),
        ("It weighed two hundred point seventy-one.", "two hundred point seventy-one", 200.71),
        ("GDP grew one point five percent.", "one point five percent", 1.5),
        ("The city has one point five million residents.", "one point five million", 1.5e6),
        # a fraction after a whole number and "and": of the scale or magnitude it ends with
        ("The population is 3 million and a half.", "3 million and a half", 3.5e6),
        ("They counted a million and a half votes.", "a million and a half", 1.5e6),
        ("The number is five billion and three quarters.", "five billion and three quarters", 5.75e9),
        ("It measured forty two and a third.", "forty two and a third", 42 + 1 / 3),
        # a million of a currency written as M and its code; kitchen measures
        ("Revenue reached MSEK 1,200 in the year.", "MSEK 1,200", 1.2e9),
        ("The client estimates an increase to 120 MEUR.", "120 MEUR", 1.2e8),
        ("Add ½ tbsp of salt.", "½ tbsp", 0.5 * 14.78676478125e-6),
        # Indian grouping of lakhs and crores; MM for a million after money
        ("He asked for a loan of 12,34,567.89 rupees.", "12,34,567.89 rupees", 1234567.89),
        ("The revenue target is US$ 1MM.", "US$ 1MM", 1e6),
        ("It needs a 5MM bolt.", "5MM", 0.005),
    ],
)
def test_written_forms(text: str, surface: str, value: float) -> None:
    found = {f.surface: f for f in find_figures(text)}
    assert surface in found, f"{surface!r} not in {list(found)}"
    assert math.isclose(found[surface].value, value, rel_tol=1e-9)


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        ("In 2019 200 people came.", {"2019", "200"}),
        ("They scored 12 345 points.", {"12", "345"}),
        # a lower bound above the upper bound states no range
        ("More than 40 and less than 10 are two ranges.", {"More than 40", "less than 10"}),
        # a year or a unit after "in" makes it a time, not a share
        ("He scored 3 in 2019.", {"3", "2019"}),
        ("They scored 2 in 5 minutes.", {"2", "5 minutes"}),
        # "at one point" is a moment, not the start of a decimal
        ("At one point three men left.", {"three"}),
        # a scale after the digits ends the first number; a spaced hyphen between tens is a range
        ("It cost 3 thousand and 2 million.", {"3 thousand", "2 million"}),
        ("Between twenty - thirty people came.", {"Between twenty - thirty"}),
        # "over" makes a fraction only where the clause ends, and only a proper one
        ("They hired as many as 30 over three years.", {"as many as 30", "three years"}),
        ("Voters favoured him 52 over 48.", {"52", "over 48"}),
        # a comma goes on a number only before its hundreds
        ("He earned a million, two years later.", {"a million", "two years"}),
        # "one" opening a list of spelled numbers is a number as the others are
        ("Count one, two, three.", {"one", "two", "three"}),
        ("Pick one two and three.", {"one", "two", "three"}),
    ],
)
def test_digits_spaced_apart_are_not_grouped(text: str, surfaces: set[str]) -> None:
    assert surfaces <= {f.surface for f in find_figures(text)}


def test_a_phone_number_in_digit_groups_is_no_figure() -> None:
    text = "Call the Garda Confidential Line on 1800 666 111 or 01 666 6200; 1 414 021 100 people live there."
    assert [f.surface for f in find_figures(text)] == ["1 414 021 100"]


def test_a_minus_sign_glued_after_letters_is_part_of_the_word() -> None:
    # an exponent or a name ("fb−1", "COVID−19"), as after a hyphen
    assert [f.surface for f in find_figures("They reached 5 fb−1 of COVID−19 data.")] == ["5"]


def test_a_fraction_in_digits_alone_is_no_figure() -> None:
    # it may as well be a date, a score or the count of a thread of posts
    assert [f.surface for f in find_figures("The thread (1/2) went on; it scored 9/10.")] == []


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("It marks the two hundredth anniversary.", "two hundredth", 200.0),
        ("Art of the twenty-first century.", "twenty-first", 21.0),
        ("She came in one hundred twenty-fifth.", "one hundred twenty-fifth", 125.0),
        ("The eleventh hour.", "eleventh", 11.0),
    ],
)
def test_spelled_ordinals_from_the_eleventh_are_figures(text: str, surface: str, value: float) -> None:
    found = [(f.surface, f.kind, f.value) for f in find_figures(text)]
    assert found == [(surface, "ordinal", value)]


@pytest.mark.parametrize(
    "text",
    [
        "It was the first time in the second half.",  # first to tenth are words news writes as adjectives
        "It lasted a hundredth of a second.",  # a fraction, not a rank
        "They met on the eleventh of May.",
    ],
)
def test_spelled_ordinals_that_are_no_figure(text: str) -> None:
    assert [f.kind for f in find_figures(text) if f.kind == "ordinal"] == []


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        # a plural ordinal after a spelled number counts parts of a whole; a share below one is in percent
        ("The measurement was twenty-three fifths.", "twenty-three fifths", 4.6),
        ("The tolerance is fifty-four hundredths of a millimetre.", "fifty-four hundredths", 54.0),
        ("It read two and fifty-four hundredths.", "two and fifty-four hundredths", 2.54),
        ("The grant covered three twenty-fifths of the cost.", "three twenty-fifths", 12.0),
        ("It was one hundred and thirty-two fifths.", "one hundred and thirty-two fifths", 26.4),
        ("They counted six million and two thirds.", "six million and two thirds", 6e6 + 2e6 / 3),
        # a singular one after "a" or "one" where the clause ends, or before "of"
        ("Russia cut its supplies by more than a third.", "more than a third", 100 / 3),
        ("The error is one thousandth.", "one thousandth", 0.1),
        ("Funding would have to rise by a third.", "by a third", 100 / 3),
        ("It lasted a hundredth of a second.", "a hundredth", 1.0),
    ],
)
def test_ordinals_as_denominators_are_fractions(text: str, surface: str, value: float) -> None:
    found = {f.surface: f.value for f in find_figures(text)}
    assert surface in found, f"{surface!r} not in {list(found)}"
    assert math.isclose(found[surface], value, rel_tol=1e-9)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # zero standing alone for its value
        ("Interest rates stayed at zero, the bank said.", ["zero"]),
        ("It's not zero.", ["zero"]),
        ("Zero is a small number.", ["Zero"]),
        # zero as a word: before a noun, in a compound, after a noun
        ("There should be zero tolerance for it.", []),
        ("It is no zero-sum game.", []),
        ("The city became ground zero for the protests.", []),
    ],
)
def test_zero_alone_is_a_value(text: str, found: list[str]) -> None:
    assert [f.surface for f in find_figures(text)] == found


@pytest.mark.parametrize(
    "text",
    [
        "He won a fifth straight title.",  # before a noun: an ordinal adjective
        "They plan a third, digital layer.",  # a comma may list ordinals
        "They celebrated the one hundredth.",  # after "the": a rank
        "He said he would not serve a third.",  # after a verb the noun may be left out (a third term)
        "He ran for twenty seconds.",  # seconds are time
        "The meeting took an hour and a half.",  # the half of a duration
    ],
)
def test_ordinals_that_are_no_fraction(text: str) -> None:
    assert [f.surface for f in find_figures(text) if f.unit in ("percent", "number")] == []


def test_a_run_of_number_words_is_scanned_a_bounded_length() -> None:
    # each numeral in a run is scanned from its start: to the end of the run, a long run was quadratic
    from corpuslab.extract.numbers import MAX_SPELLED_WORDS
    from corpuslab.extract.patterns import WORD_NUMERAL

    run = "twenty-three " * 500
    assert WORD_NUMERAL.match(run).end() < len("twenty-three ") * MAX_SPELLED_WORDS
    assert len(find_figures(run)) == 500


@pytest.mark.parametrize(
    ("text", "surface", "value", "bound"),
    [
        # a share of what a determiner names, "of" left out
        ("Almost half the fleet has crossed the finish line.", "Almost half", 50.0, "approximate"),
        ("It is two-thirds the size of Texas.", "two-thirds", 200 / 3, "exact"),
        # "half" after a word that takes an amount, or where the clause ends after one
        ("Nearly half voted no.", "Nearly half", 50.0, "approximate"),
        ("Just over half backed the plan.", "Just over half", 50.0, "over"),
        ("Profits fell by half.", "by half", 50.0, "exact"),
        ("The price was cut in half.", "half", 50.0, "exact"),
    ],
)
def test_half_alone_is_a_share(text: str, surface: str, value: float, bound: str) -> None:
    found = {f.surface: (f.value, f.unit, f.bound) for f in find_figures(text)}
    assert found.get(surface) == (pytest.approx(value), "percent", bound), found


@pytest.mark.parametrize(
    "text",
    [
        "In the second half of the year sales rose.",  # a period
        "The score was level at half-time.",
        "They met at half time.",
        "It is more than half-way done.",
        "He won a third this season.",  # a rank: a singular ordinal takes no share before "this"
    ],
)
def test_half_as_a_period_or_a_compound_is_no_share(text: str) -> None:
    assert [f.surface for f in find_figures(text)] == []


def test_half_past_is_a_time() -> None:
    assert [f.unit for f in find_figures("It was nearly half past ten.")] == ["number"]


@pytest.mark.parametrize(
    ("text", "surface", "days", "bound"),
    [
        ("She spent half an hour there.", "half an hour", 1 / 48, "exact"),
        ("It ended about half a century ago.", "half a century", 36525 / 2, "approximate"),
        ("The talks lasted for more than half a year.", "half a year", 365.25 / 2, "over"),
    ],
)
def test_half_a_unit_of_time_is_half_its_length(text: str, surface: str, days: float, bound: str) -> None:
    [figure] = find_figures(text)
    assert (figure.surface, figure.unit, figure.bound, figure.value_as_written) == (surface, "day", bound, 0.5)
    assert math.isclose(figure.value, days)


@pytest.mark.parametrize("text", ["There is absolute zero tolerance.", "The chance of a deal is absolute zero."])
def test_absolute_zero_as_a_figure_of_speech_is_no_temperature(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    ("text", "surface", "celsius", "written"),
    [
        ("Helium boils at 4.2 kelvin.", "4.2 kelvin", -268.95, 4.2),
        ("Near absolute zero, atoms barely move.", "absolute zero", -273.15, 0.0),
        ("Physicists cooled it to an absolute-zero state.", "absolute-zero", -273.15, 0.0),
    ],
)
def test_kelvin_and_absolute_zero_are_temperatures(text: str, surface: str, celsius: float, written: float) -> None:
    [figure] = find_figures(text)
    assert (figure.surface, figure.kind, figure.unit_as_written, figure.value_as_written) == (
        surface,
        "temperature",
        "kelvin",
        written,
    )
    assert math.isclose(figure.value, celsius)


@pytest.mark.parametrize(
    ("text", "surface", "kind"),
    [
        ("The Dow fell 2.39 points.", "2.39", "number"),  # an index's move: no whole number of things
        ("The FTSE closed 14.5 points lower.", "14.5", "number"),
        ("About 2.5 million people live there.", "About 2.5 million", "count"),  # a whole number after its scale
        ("About 2.01 million people live there.", "About 2.01 million", "count"),  # 2009999.9999999998 in floats
        ("It rose 3 points.", "3", "count"),
    ],
)
def test_a_count_is_a_whole_number_of_things(text: str, surface: str, kind: str) -> None:
    assert [(f.surface, f.kind) for f in find_figures(text)] == [(surface, kind)]


@pytest.mark.parametrize(
    ("text", "level_surface", "level_kind", "level_value"),
    [
        ("The mine cut output by 1.5 million tonnes, to 30 million.", "30 million", "mass", 3e10),  # kg
        ("Revenue rose by $2 billion to 10 billion.", "10 billion", "currency", 1e10),
        ("Sales rose 5 percent to 1.2 million.", "1.2 million", "number", 1.2e6),  # a percent: nothing to carry
        ("Exports fell by 2 million tonnes to 30.", "30", "number", 30.0),  # not at the change's scale
        ("Revenue rose by $1.2bn, to 10bn.", "10bn", "currency", 1e10),  # a scale glued to the number
    ],
)
def test_the_level_a_change_reaches_takes_its_unit(
    text: str, level_surface: str, level_kind: str, level_value: float
) -> None:
    change, level = find_figures(text)
    assert change.is_change and (level.surface, level.kind) == (level_surface, level_kind)
    assert math.isclose(level.value, level_value)


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("The firm will expand its annual gas output to 180 billion cubic meters.", "180 billion cubic meters",
         "cubic_meter_per_year"),
        ("It has an annual production capacity of 450,000 tons.", "450,000 tons", "kilogram_per_year"),
        ("The daily output of 2 million barrels fell.", "2 million barrels", "cubic_meter_per_year"),
        # no period adjective on the noun the figure measures: a plain amount
        ("The annual report said it shipped 5 million tonnes.", "5 million tonnes", "kilogram"),
        ("Annual rainfall is 500 mm.", "500 mm", "meter"),  # a length does not flow
        ("China Daily said output reached 5 million tonnes.", "5 million tonnes", "kilogram"),  # a paper's name
        ("The annual report said output was 5 million tonnes.", "5 million tonnes", "kilogram"),  # not the flow's
        ("The yearly inspection found a leak of 300 litres.", "300 litres", "cubic_meter"),  # no flow noun
    ],
)  # fmt: skip
def test_a_period_adjective_on_a_flow_makes_it_a_rate(text: str, surface: str, unit: str) -> None:
    assert [(f.surface, f.unit) for f in find_figures(text)] == [(surface, unit)]


@pytest.mark.parametrize(
    ("text", "surface", "is_change", "trend", "from_value"),
    [
        ("The reform extended the presidential term from five to seven years.", "from five to seven years", False,
         "up", 5 * 365.25),  # a change "from ... to": the level it reached, and where it came from
        ("The truce was extended by six months.", "by six months", True, "up", None),
        ("It can shorten life expectancy by at least 20 years.", "at least 20 years", True, "down", None),
        # a verb of length without "by" or "from ... to" states no change
        ("The World Bank extended $3.05 billion in loans.", "$3.05 billion", False, None, None),
        ("Territorial waters extend 12 miles from shore.", "12 miles", False, None, None),
        # a participle after an article is an adjective
        ("They enjoyed an extended 10-day holiday.", "10-day", False, None, None),
        ("Teams will play at the expanded 48-team World Cup.", "48-team", False, None, None),
    ],
)  # fmt: skip
def test_verbs_of_length_state_a_change_with_by_or_from(
    text: str, surface: str, is_change: bool, trend: str | None, from_value: float | None
) -> None:
    [figure] = [f for f in find_figures(text) if f.surface == surface]
    assert (figure.is_change, figure.trend) == (is_change, trend)
    assert math.isnan(figure.from_value) if from_value is None else math.isclose(figure.from_value, from_value)


def test_a_range_after_a_change_keeps_its_own_unit() -> None:
    # a range's ends are in the unit as written: only a single level takes the change's unit
    _, level = find_figures("It cut output by 1.2 million tonnes, to 30-32 million.")
    assert (level.surface, level.unit, level.range_low, level.range_high) == ("30-32 million", "number", 3e7, 3.2e7)


def test_a_level_after_a_us_dollar_change_stays_american_in_a_local_dollar_corpus() -> None:
    change, level = find_figures("Revenue rose by US$2 billion, to 10 billion.", dollar="AUD")
    assert (change.unit, level.unit) == ("USD", "USD")

"""How figures are written for people: readable scales, never exponent notation."""

from __future__ import annotations

import logging

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpuslab import units


@given(st.floats(min_value=0.001, max_value=1e14, allow_nan=False), st.sampled_from(["count", "cubic_meter", "day"]))
def test_a_value_is_never_written_in_exponent_notation(value: float, unit: str) -> None:
    assert "e+" not in units.format_value(value, unit) and "e-" not in units.format_value(value, unit)


@pytest.mark.parametrize(
    ("value", "unit", "written"),
    [(1.5e9, "count", "1.5 billion"), (3430.5, "count", "3,430"), (22, "count", "22"), (2e9, "GBP", "GBP 2 billion")],
)
def test_large_counts_have_a_word_for_their_scale(value: float, unit: str, written: str) -> None:
    shown = units.format_as_written(value, unit) if unit == "GBP" else units.format_value(value, unit)
    assert shown == written


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (125.2e6, "USD", "USD 125.2 million"),  # the digits a reporter wrote, not three of them
        (4.125, "%", "4.125%"),
        (0.0000034, None, "0.0000034"),  # never exponent notation
        (150.0, "km", "150 km"),  # an abbreviation takes no plural s
        (770.0, "foot", "770 feet"),
        (30.0, "year", "30 years"),
        (7e9, "XXX", "¤ 7 billion"),  # a currency sign lost in the text
    ],
)
def test_a_figure_shows_as_written(value: float, unit: str | None, shown: str) -> None:
    assert units.format_as_written(value, unit) == shown


def test_the_registry_defines_the_oil_barrel_quietly(caplog: pytest.LogCaptureFixture) -> None:
    # pint's own "bbl" is 31.5 gallons; ours, the 42-gallon oil barrel, wins without a warning to the user
    with caplog.at_level(logging.WARNING):
        ureg = units.registry.__wrapped__()
    assert caplog.records == []
    assert ureg.Quantity(1, "bbl").to("liter").magnitude == pytest.approx(158.987, abs=1e-3)

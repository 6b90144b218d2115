"""Property tests: on any text, extraction never raises and its offsets always hold."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpuslab import find_figures

# Text made of the pieces the rules react to, in any order.
PIECES = [
    *"0123456789 ,.-–%$€£¥/:+()'\"\n\tabcdefmnorstuwyABCMT",
    " bcm",
    " billion",
    " per year",
    " about ",
    " from ",
    " to ",
    " between ",
    " and ",
    " million",
    " percent",
    "twenty-two",
    " May ",
    " 2025",
    "th",
    "\u00a0",
    "\x00",
    "é",
    "Сhina",
    "🟠",
    "  ",
    " dozens of ",
    " up from ",
    " or more",
    "-year-old",
    "\ud83d",  # lone surrogates, as an escaped JSON string can hold them
    "\udfe0",
    "\u2009",
    "\u202f",
    "'",
    ",5",
    ",50",
    "1.234,5",
]
NEWSY = st.lists(st.sampled_from(PIECES), max_size=120).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NEWSY)
def test_offsets_always_index_the_text(text: str) -> None:
    figures = find_figures(text)
    for f in figures:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.surface
        assert f.value == f.value  # never NaN
        if f.range_low == f.range_low:
            assert f.range_low <= f.value <= f.range_high


@settings(max_examples=100, deadline=None)
@given(NEWSY)
def test_extraction_is_deterministic(text: str) -> None:
    first = [f.as_record() for f in find_figures(text)]
    second = [f.as_record() for f in find_figures(text)]
    assert repr(first) == repr(second)


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=2000))
def test_arbitrary_unicode_never_raises(text: str) -> None:
    for f in find_figures(text):
        assert text[f.start : f.end] == f.surface


GROUP_MARKS = ["\u00a0", "\u202f", "\u2009", "'", "’", ","]


def _grouped(n: int, mark: str) -> str:
    return f"{n:,}".replace(",", mark)


def _values(text: str) -> list[float]:
    return [f.value for f in find_figures(text)]


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1_000, max_value=10**12), st.sampled_from(GROUP_MARKS))
def test_thousands_marks_read_as_one_number(n: int, mark: str) -> None:
    grouped = _values(f"Output was {_grouped(n, mark)} tonnes in the year.")
    assert grouped == _values(f"Output was {n} tonnes in the year.")
    assert len(grouped) == 1


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=9))
def test_a_decimal_comma_reads_as_a_decimal_point(whole: int, tenth: int) -> None:
    assert _values(f"Exports were {whole},{tenth} bcm.") == _values(f"Exports were {whole}.{tenth} bcm.")


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=10**6), st.integers(min_value=0, max_value=99))
def test_two_decimals_after_a_comma_read_as_decimals_in_european_text(whole: int, cents: int) -> None:
    european = f"Growth was 2,5 percent. Exports were {whole},{cents:02d} bcm."
    english = f"Growth was 2.5 percent. Exports were {whole}.{cents:02d} bcm."
    assert _values(european) == _values(english)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=309, max_value=2000))
def test_a_numeral_too_large_for_a_float_is_no_figure(digits: int) -> None:
    assert _values("Reserves of " + "9" * digits + " bcm and 5 bcm.") == [5e9]

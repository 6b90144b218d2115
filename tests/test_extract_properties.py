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

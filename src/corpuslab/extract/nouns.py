"""The noun a number counts: plural nouns, and the words after a numeral up to the end of its phrase.

Shared by the readers (a vague amount's noun: "thousands of people") and the rule table's conditions
(a count's noun, a model name's words), so it sits below both.
"""

from __future__ import annotations

from corpuslab.extract import patterns as P
from corpuslab.extract.lexicon import IRREGULAR_PLURALS, MONTHS, NOT_PLURAL, NOUN_MODIFIERS, STOP_WORDS


def next_is_plural(text: str, pos: int) -> bool:
    m = P.WORD_AFTER.match(text, pos)
    return bool(m and is_plural(m.group("word")))


def is_plural(word: str) -> bool:
    """Whether ``word`` looks like a plural noun (regular -s, or a known irregular plural)."""
    lower = word.lower().strip("'’")
    if lower in IRREGULAR_PLURALS:
        return True
    return (
        len(lower) > 3
        and lower.endswith("s")
        and not lower.endswith(("ss", "us", "is", "'s", "’s"))
        and lower not in NOT_PLURAL
        and lower not in STOP_WORDS
    )


def words_after(text: str, pos: int) -> str | None:
    """Return up to three words after ``pos`` that are not stop words ("Winter Olympics")."""
    words = []
    for _ in range(3):
        m = P.WORD_AFTER.match(text, pos)
        if not m or m.group("word").lower() in STOP_WORDS:
            break
        words.append(m.group("word"))
        pos = m.end()
        if text[pos : pos + 1] in ",.;:!?)(":
            break
    return " ".join(words) or None


def noun_after(text: str, pos: int, *, plural: bool) -> str | None:
    """Return the counted noun phrase after a numeral ("22 comprehensive agreements" -> that phrase)."""
    words = []
    for _ in range(5):
        m = P.WORD_AFTER.match(text, pos)
        if not m:
            break
        words.append(m.group("word"))
        pos = m.end()
        if text[pos : pos + 1] in ",.;:!?)(":  # also true at the end of the text
            break
    for i, word in enumerate(words):
        lower = word.lower()
        if lower in NOUN_MODIFIERS:
            continue
        if lower in STOP_WORDS or lower in MONTHS or lower.endswith("-year-old"):
            return None
        if plural and is_plural(word):
            return " ".join(words[: i + 1])
        if not plural and i == 0 and word[0].islower():
            return word
        if i >= 3:
            break
    return None

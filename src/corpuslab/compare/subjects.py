"""What a figure is about, made comparable across outlets: named anchors, aliases and noun classes.

A figure's *anchor* is the most specific name in its clause ("Power of Siberia 2"), normalised so
surface variants meet ("Power of Siberia-2") and mapped through a small user-editable alias file.
A sentence with no name that opens with "This initiative", "The pipeline", "It" inherits the
anchor of the sentence before. A name that is a prefix of numbered names seen in the corpus
("Power of Siberia" beside "Power of Siberia 1" and "2") is *ambiguous* and is never merged.

Counts are keyed by their noun's class ("agreements" and "documents" signed are one set) from
the same alias file.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from corpuslab import units
from corpuslab.errors import InputFormatError, InputNotFoundError
from corpuslab.extract.lexicon import CALENDAR_NAMES

_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9’']*(?:[-.][A-Za-z0-9][A-Za-z0-9’']*)*|\d+(?:[.,]\d+)*|[^\sA-Za-z0-9]")
_JOINERS = frozenset({"of", "de", "la", "du", "for"})
_TITLES = frozenset(
    """president minister secretary chairman chairwoman ceo governor king queen prince chancellor senator
    ambassador spokesman spokeswoman spokesperson director general premier mayor leader""".split()
)
_ANAPHOR = re.compile(
    r"^\W*(?:this|that|these|those|the|its|it|such)\b(?:\s+(?:new|planned|proposed|project|pipeline|initiative|"
    r"deal|agreement|route|line|plan|scheme|facility|plant|project's|pipeline's))?",
    re.IGNORECASE,
)
# Words that start sentences or titles and are not names on their own.
_NOT_NAMES = (
    frozenset(
        """The A An This That These Those It Its In On At For From By With As But And Or If When While After Before
    Currently Once However Meanwhile Also According Although Since During Mr Mrs Ms Dr President Prime
    Minister Chairman General Secretary Deputy Head Chief Adding Why What How Who Where Further Additional
    Both Prior Some Many Most Several Other Only Just Within Nearly Almost About Around Over Under More Less
    Up Last Next First Second Third Every Each Another""".split()
    )
    | CALENDAR_NAMES
)
_NOUN_CLASS_DEFAULTS = "aliases.csv"


@dataclass(frozen=True)
class Aliases:
    """Alias table: entity variants -> canonical name, nouns -> class, and known-ambiguous names."""

    entities: dict[str, str] = field(default_factory=dict)
    nouns: dict[str, str] = field(default_factory=dict)
    ambiguous: dict[str, str] = field(default_factory=dict)

    def merged(self, other: Aliases) -> Aliases:
        """Return these aliases overridden by ``other``'s."""
        return Aliases(
            {**self.entities, **other.entities}, {**self.nouns, **other.nouns}, {**self.ambiguous, **other.ambiguous}
        )


def normalise_name(name: str) -> str:
    """Fold case, hyphens and spacing so variants meet: "Power of Siberia-2" -> "power of siberia 2"."""
    name = re.sub(r"^(?:the)\s+", "", name.strip(), flags=re.IGNORECASE)
    return " ".join(re.sub(r"[-–_’'.]+", " ", name).split()).lower()


def load_aliases(path: str | Path | None = None) -> Aliases:
    """Load the built-in alias table, extended by a user file (CSV: ``kind,alias,canonical``).

    ``kind`` is ``entity`` (a name variant), ``noun`` (a counted noun and its class) or
    ``ambiguous`` (a name never merged; ``canonical`` lists what it may mean, ``|``-separated).
    """
    with resources.files("corpuslab.data").joinpath(_NOUN_CLASS_DEFAULTS).open(encoding="utf-8") as handle:
        aliases = _parse_aliases(handle, "corpuslab/data/aliases.csv")
    if path is None:
        return aliases
    path = Path(path)
    if not path.is_file():
        raise InputNotFoundError(f"{path}: alias file not found; pass an existing CSV or aliases=None.")
    with path.open(encoding="utf-8") as handle:
        return aliases.merged(_parse_aliases(handle, str(path)))


def _parse_aliases(rows: Iterable[str], where: str) -> Aliases:
    entities, nouns, ambiguous = {}, {}, {}
    reader = csv.DictReader(line for line in rows if line.strip() and not line.lstrip().startswith("#"))
    if reader.fieldnames is None or not {"kind", "alias", "canonical"} <= set(reader.fieldnames):
        raise InputFormatError(f"{where}: alias file needs the columns kind,alias,canonical.")
    for number, row in enumerate(reader, start=2):
        kind, alias, canonical = ((row.get(k, "") or "").strip() for k in ("kind", "alias", "canonical"))
        if kind == "entity":
            entities[normalise_name(alias)] = canonical.strip()
        elif kind == "noun":
            nouns[alias.lower()] = canonical.lower()
        elif kind == "ambiguous":
            ambiguous[normalise_name(alias)] = canonical
        else:
            raise InputFormatError(f"{where}:{number}: kind {kind!r} is not entity, noun or ambiguous.")
    return Aliases(entities, nouns, ambiguous)


def names_in(text: str) -> list[tuple[int, int, str]]:
    """Return ``(start, end, name)`` for the proper names in ``text`` (numbers in names kept).

    A name is a run of capitalised words, joined by "of"/"de"/"for" ("Power of Siberia"), possibly
    numbered ("Power of Siberia 2", "Power of Siberia-1"); a possessive ends it ("Russia's Yamal"
    is two names). A single common word opening the sentence ("Supplies ...") is not a name.
    """
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(tokens):
        word = tokens[i][2]
        if not word[0].isupper():
            i += 1
            continue
        j, last = i, i
        while j + 1 < len(tokens) and not tokens[j][2].endswith(("'s", "’s")):
            nxt = tokens[j + 1][2]
            if nxt[0].isupper() or (
                nxt.isdigit()
                and len(nxt) <= 2
                and tokens[j][2][0].isupper()
                and not _measures(tokens[j + 2][2] if j + 2 < len(tokens) else "")
            ):
                j = last = j + 1
            elif nxt in _JOINERS and j + 2 < len(tokens) and tokens[j + 2][2][0].isupper():
                j += 2
                last = j
            else:
                break
        first = i
        while first <= last and tokens[first][2] in _NOT_NAMES:
            first += 1
        if first <= last and tokens[first][2] not in _JOINERS:
            kept = [t[2] for t in tokens[first : last + 1]]
            kept[-1] = re.sub(r"['’]s$", "", kept[-1])
            at_sentence_start = first == 0 and len(kept) == 1 and not kept[0].isupper()
            if not at_sentence_start and (len(kept) > 1 or len(kept[0]) >= 3):
                s_start = tokens[first][0]
                out.append((s_start, s_start + len(" ".join(kept)), " ".join(kept)))
        i = last + 1
    return out


def _measures(word: str) -> bool:
    """Whether ``word`` after a number makes it a quantity ("China 58 billion", "Line 38 bcm"), not a name."""
    lower = word.lower()
    return lower in units.SCALES or units.lookup(lower) is not None or lower in ("%", "per", "percent")


def is_specific(name: str) -> bool:
    """A name specific enough to anchor a comparison: numbered or of several words, and not a person's title."""
    words = normalise_name(name).split()
    if _TITLES & set(words):
        return False  # "Russian President Vladimir Putin" is who acts, not what is measured
    return len(words) > 1 or any(w.isdigit() for w in words)


def is_anaphoric(sentence: str) -> bool:
    """Whether a sentence opens by pointing back ("This initiative ...", "The pipeline ...", "It ...")."""
    return bool(_ANAPHOR.match(sentence))


def canonical_anchor(name: str, aliases: Aliases) -> str:
    """Map a name through the alias table to its canonical display form."""
    key = normalise_name(name)
    if key in aliases.entities:
        return aliases.entities[key]
    return re.sub(r"(?<=[A-Za-z])[-–](?=\d)", " ", name.strip())

"""Paragraphs and sentences with offsets, and the boilerplate and repeat flags.

Nothing is removed from a document: paragraphs that are captions, related-story
blocks, site footers or repeats of earlier text are *flagged*, so later stages
can ignore them while a reader can still see them.

Examples
--------
>>> import pandas as pd
>>> docs = pd.DataFrame({"doc_id": ["a"], "text": ["One.\\n\\nTwo. Three.\\n\\nOne."]})
>>> split_paragraphs(docs)[["paragraph_index", "start", "end", "is_repeat"]].values.tolist()
[[0, 0, 4, False], [1, 6, 17, False], [2, 19, 23, True]]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pandas as pd

from corpuslab import schema

_LINE = re.compile(r"[^\n]*\n?")
_TERMINAL = re.compile(r"[.!?…:;][\"'”’»)\]]*\s*$")
_KEY_DROP = re.compile(r"[\W_]+")
# Hard-wrapped prose has long lines; a short line followed by a lower-case one is two paragraphs.
_WRAP_MIN = 40
# Markers of the end matter sites append after an article.
_TAIL_MARKER = re.compile(
    r"^(related( stories| articles| news| posts| content| coverage| topics)?|more (stories|from|on this)\b.*"
    r"|read more\b.*|see also|you may also like|recommended( for you)?|most (read|popular)|no stories found\.?"
    r"|(all rights reserved|copyright\b|©).*|.*\ball rights reserved\b.*|follow us\b.*|share this\b.*"
    r"|subscribe\b.*|sign up\b.*|newsletter\b.*|[\w.-]+\.(com|org|net|news|info|co\.uk|ru|cn|io|tv)/?)$",
    re.IGNORECASE,
)
# A marker is a line ("Share this", "All rights reserved ..."), not prose: a paragraph longer than this that
# starts like one is an article whose feed glued the page's buttons to its first words.
_MARKER_WORDS = 30
_CAPTION = re.compile(
    r"^((photo|image|picture|file photo|pictured|caption|video)\b\s*[:|(-]|\((photo|image)\b)"
    r"|(\b(getty images|afp|reuters|ap photo|epa|tass|xinhua|sputnik)\)?)$",
    re.IGNORECASE,
)
_NAVIGATION = re.compile(
    r"^(advertisement|skip to (main )?content|share( on \w+)?|print|email|menu|home)$", re.IGNORECASE
)


@dataclass(frozen=True)
class _Span:
    start: int
    end: int


def _is_title_like(text: str) -> bool:
    """Headings, captions and link titles: short and without sentence-final punctuation."""
    return not _TERMINAL.search(text) and len(text.split()) <= 30


def _is_marker(text: str) -> bool:
    stripped = text.strip()
    return len(stripped.split()) <= _MARKER_WORDS and bool(_TAIL_MARKER.match(stripped))


def _last_line_length(text: str, end: int) -> int:
    return end - (text.rfind("\n", 0, end) + 1)


def _lines(text: str) -> Iterator[_Span]:
    """Yield each line's span without its newline."""
    pos = 0
    for m in _LINE.finditer(text):
        if not m.group():
            break
        end = m.end() - 1 if m.group().endswith("\n") else m.end()
        yield _Span(pos, end)
        pos = m.end()


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each paragraph: blank lines separate, and so does a newline unless it
    only wraps a sentence (the line does not end a sentence and the next starts in lower case).

    Offsets exclude surrounding white space; the text itself is untouched.
    """
    spans: list[tuple[int, int]] = []
    current: list[int] | None = None
    for line in _lines(text):
        body = text[line.start : line.end]
        stripped = body.strip()
        if not stripped:
            current = None
            continue
        start = line.start + (len(body) - len(body.lstrip()))
        end = line.start + len(body.rstrip())
        is_wrap = (
            current is not None
            and not _TERMINAL.search(text[current[0] : current[1]])
            and stripped[0].islower()
            and _last_line_length(text, current[1]) >= _WRAP_MIN
        )
        if is_wrap and current is not None:
            current[1] = end
            spans[-1] = (current[0], end)
        else:
            current = [start, end]
            spans.append((start, end))
    return spans


def paragraph_key(text: str) -> str:
    """What makes two paragraphs repeats of each other: their words, with case and punctuation folded."""
    return _KEY_DROP.sub(" ", text).casefold().strip()


def _flag_repeats(texts: list[str]) -> tuple[list[int | None], list[str | None]]:
    """Find each paragraph's earlier or containing twin, and mark repeated captions."""
    keys = [paragraph_key(t) for t in texts]
    repeat_of: list[int | None] = [None] * len(texts)
    first: dict[str, int] = {}
    counts: dict[str, int] = {}
    for i, key in enumerate(keys):
        counts[key] = counts.get(key, 0) + 1
        if key in first:
            repeat_of[i] = first[key]
        elif key:
            first[key] = i
    # A heading restated as the start of another paragraph (a headline repeated as the lede, a caption
    # followed by the same caption with a credit) is the redundant copy.
    for i, key in enumerate(keys):
        if repeat_of[i] is not None or len(key.split()) < 4 or len(key.split()) > 40:
            continue
        for j, other in enumerate(keys):
            if j != i and len(other) > len(key) and other.startswith(key + " "):
                repeat_of[i] = j
                break
    kinds: list[str | None] = [None] * len(texts)
    for i, key in enumerate(keys):
        # A title-like line seen more than once is a caption or a card title, not prose.
        if counts[key] > 1 and _is_title_like(texts[i]):
            kinds[i] = "caption"
            for j, other in enumerate(keys):
                if other.startswith(key + " ") and _is_title_like(texts[j]):
                    kinds[j] = "caption"
    return repeat_of, kinds


def _flag_boilerplate(texts: list[str], kinds: list[str | None]) -> list[str | None]:
    """Add caption, navigation and trailing related/footer flags to ``kinds``."""
    for i, text in enumerate(texts):
        stripped = text.strip()
        if kinds[i] is None and len(stripped.split()) <= 40 and _CAPTION.search(stripped):
            kinds[i] = "caption"
        elif kinds[i] is None and _NAVIGATION.match(stripped):
            kinds[i] = "navigation"
    # End matter: the trailing run of title-like lines counts as boilerplate only when it holds a
    # marker (a "Related stories" heading, a copyright line, a bare domain), so a short last
    # paragraph of real prose is never lost.
    tail = len(texts)
    while tail > 0 and (_is_title_like(texts[tail - 1]) or _is_marker(texts[tail - 1])):
        tail -= 1
    markers = [i for i in range(tail, len(texts)) if _is_marker(texts[i])]
    if markers:
        for i in range(tail, len(texts)):
            if kinds[i] is None:
                is_related = i < markers[0] or texts[i].strip().lower().startswith(("related", "more ", "read more"))
                kinds[i] = "related" if is_related else "footer"
    return kinds


def document_paragraphs(doc_id: str, text: str) -> list[dict[str, object]]:
    """Return the paragraph records of one document (the rows :func:`split_paragraphs` builds)."""
    spans = paragraph_spans(text)
    texts = [text[s:e] for s, e in spans]
    repeat_of, kinds = _flag_repeats(texts)
    kinds = _flag_boilerplate(texts, kinds)
    return [
        {
            "doc_id": doc_id,
            "paragraph_index": i,
            "start": s,
            "end": e,
            "text": texts[i],
            "n_words": len(texts[i].split()),
            "is_boilerplate": kinds[i] is not None,
            "boilerplate_kind": kinds[i],
            "is_repeat": repeat_of[i] is not None,
            "repeat_of": repeat_of[i],
        }
        for i, (s, e) in enumerate(spans)
    ]


def split_paragraphs(documents: pd.DataFrame) -> pd.DataFrame:
    """Split each document into paragraphs and flag boilerplate and repeats.

    Returns
    -------
    pandas.DataFrame
        One row per paragraph (see ``corpuslab.schema.PARAGRAPHS``).
    """
    _require(documents, ("doc_id", "text"))
    rows = [
        row
        for doc_id, text in zip(documents["doc_id"], documents["text"], strict=True)
        for row in document_paragraphs(doc_id, text)
    ]
    return (
        schema.conform(pd.DataFrame(rows, columns=schema.PARAGRAPHS.names), "paragraphs")
        if rows
        else schema.empty("paragraphs")
    )


def document_sentences(text: str, paragraphs: list[dict[str, object]]) -> list[tuple[int, int, int]]:
    """``(start, end, paragraph_index)`` of every sentence of a document, paragraph by paragraph.

    The one sentence numbering of a document: the figures table's ``sentence_index`` indexes it.
    """
    return [(s, e, p["paragraph_index"]) for p in paragraphs for s, e in sentence_spans(text, p["start"], p["end"])]


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each sentence of ``text[start:end]``, as offsets into ``text``."""
    end = len(text) if end is None else end
    chunk = text[start:end]
    if not chunk.strip():
        return []
    spans = [(start + a, start + b) for a, b in _blingfire_spans(chunk) if 0 <= a < b <= len(chunk)]
    return spans or [(start, end)]


def _blingfire_spans(chunk: str) -> list[tuple[int, int]]:
    """Sentence spans from blingfire's C library, with its UTF-8 byte offsets mapped to characters.

    blingfire's own wrapper maps offsets in a Python loop over every byte, which cost more than all
    of figure extraction; this maps them with one vectorised pass (none at all for ASCII text).
    """
    import ctypes

    import blingfire
    import numpy as np

    # A lone surrogate (from an escaped JSON string) cannot be UTF-8: "replace" writes one byte for it,
    # so the byte-to-character map below still counts it as one character.
    data = chunk.encode("utf-8", "replace")
    size = len(data) * 2 + 16
    out = ctypes.create_string_buffer(size)
    starts, ends = (ctypes.c_int32 * size)(), (ctypes.c_int32 * size)()
    n_out = blingfire.blingfire.TextToSentencesWithOffsets(
        ctypes.c_char_p(data),
        ctypes.c_int(len(data)),
        ctypes.byref(out),
        ctypes.byref(starts),
        ctypes.byref(ends),
        ctypes.c_int(size),
    )
    if n_out <= 0 or n_out > size:
        return []
    count = out.value.count(b"\n") + 1
    byte_starts = np.frombuffer(starts, dtype=np.int32, count=count)
    byte_ends = np.frombuffer(ends, dtype=np.int32, count=count)  # inclusive last byte
    if len(data) == len(chunk):
        return list(zip(byte_starts.tolist(), (byte_ends + 1).tolist(), strict=True))
    char_at = np.cumsum((np.frombuffer(data, dtype=np.uint8) & 0xC0) != 0x80) - 1
    return list(zip(char_at[byte_starts].tolist(), (char_at[byte_ends] + 1).tolist(), strict=True))


def split_sentences(documents: pd.DataFrame, *, paragraphs: pd.DataFrame | None = None) -> pd.DataFrame:
    """Split each document's paragraphs into sentences with offsets into the document text.

    Returns
    -------
    pandas.DataFrame
        One row per sentence (see ``corpuslab.schema.SENTENCES``); a sentence never crosses paragraphs.
    """
    _require(documents, ("doc_id", "text"))
    paragraphs = split_paragraphs(documents) if paragraphs is None else paragraphs
    texts = dict(zip(documents["doc_id"], documents["text"], strict=True))
    rows = []
    counters: dict[str, int] = {}
    for doc_id, index, p_start, p_end in paragraphs[["doc_id", "paragraph_index", "start", "end"]].itertuples(
        index=False
    ):
        text = texts[doc_id]
        for s, e in sentence_spans(text, p_start, p_end):
            n = counters.get(doc_id, 0)
            counters[doc_id] = n + 1
            rows.append((doc_id, n, index, s, e, text[s:e]))
    frame = pd.DataFrame(rows, columns=schema.SENTENCES.names)
    return schema.conform(frame, "sentences") if rows else schema.empty("sentences")


def _require(frame: pd.DataFrame, columns: tuple[str, ...]) -> None:
    from corpuslab.errors import SchemaError

    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise SchemaError(
            f"expected a documents table with columns {list(columns)}; missing {missing}. "
            "Pass the output of corpuslab.load_documents()."
        )

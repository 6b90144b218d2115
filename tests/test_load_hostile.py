"""Hostile but realistic input: every bad file, line or name becomes a load-report row; the rest loads."""

from __future__ import annotations

import gzip
import json
import os
import sys
from pathlib import Path

import pytest

import corpuslab

ARTICLE = "Exports were 38 bcm in 2024."


# Which keys a file's fields came from is reported too; these tests look at what hostile input does.
_FIELD_NOTES = ("field_guessed", "field_defaulted", "unused_field")


def _load(folder: Path):
    docs = corpuslab.load_documents(folder, progress=False)
    report = corpuslab.load_report(docs)
    return docs, report[~report["problem"].isin(_FIELD_NOTES)].reset_index(drop=True)


def _jsonl(path: Path, *rows: dict) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_a_rename_never_takes_a_real_id(tmp_path: Path) -> None:
    _jsonl(tmp_path / "1.jsonl", {"doc_id": "a", "text": ARTICLE}, {"doc_id": "a", "text": "Exports were 40 bcm."})
    _jsonl(tmp_path / "2.jsonl", {"doc_id": "a~2", "text": "Imports were 12 bcm in 2024."})
    docs, report = _load(tmp_path)
    assert docs["doc_id"].is_unique
    assert docs.set_index("doc_id")["text"].to_dict() == {
        "a": ARTICLE,
        "a~2": "Exports were 40 bcm.",
        "a~2~2": "Imports were 12 bcm in 2024.",
    }
    assert report[["path", "line", "problem", "doc_id"]].values.tolist() == [
        ["1.jsonl", 2, "duplicate_id", "a~2"],
        ["2.jsonl", 1, "duplicate_id", "a~2~2"],
    ]


def test_a_renamed_id_is_skipped_when_taken_first(tmp_path: Path) -> None:
    _jsonl(
        tmp_path / "1.jsonl",
        {"doc_id": "a~2", "text": "x 1"},
        {"doc_id": "a", "text": "y 2"},
        {"doc_id": "a", "text": "z 3"},
    )
    docs, _ = _load(tmp_path)
    assert docs["doc_id"].tolist() == ["a~2", "a", "a~3"]


def test_a_gzip_with_a_corrupt_body_is_reported(tmp_path: Path) -> None:
    packed = gzip.compress(("Exports were 38 bcm in 2024. " * 50).encode())
    corrupt = packed[:12] + b"\xff" * 12 + packed[24:]  # header intact, deflate stream broken
    (tmp_path / "bad.txt.gz").write_bytes(corrupt)
    (tmp_path / "bad.jsonl.gz").write_bytes(corrupt)
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    docs, report = _load(tmp_path)
    assert docs["doc_id"].tolist() == ["good"]
    assert sorted(zip(report["path"], report["problem"], strict=True)) == [
        ("bad.jsonl.gz", "unreadable"),
        ("bad.txt.gz", "unreadable"),
    ]
    assert report["message"].str.contains("decompressing").all()


def test_a_lone_surrogate_is_replaced_and_reported(tmp_path: Path) -> None:
    (tmp_path / "s.jsonl").write_text(
        '{"doc_id": "s", "text": "40 bcm \\ud83d in 2024", "title": "T \\udfe0"}\n{"doc_id": "t", "text": "fine"}\n',
        encoding="utf-8",
    )
    docs, report = _load(tmp_path)
    row = docs.set_index("doc_id").loc["s"]
    assert row["text"] == "40 bcm \ufffd in 2024" and row["title"] == "T \ufffd"
    assert docs["doc_id"].tolist() == ["s", "t"]
    assert report[["path", "line", "problem"]].values.tolist() == [["s.jsonl", 1, "lone_surrogate"]]
    assert "character 7" in report.at[0, "message"]


def test_find_figures_reads_around_a_lone_surrogate() -> None:
    text = "40 bcm \ud83d in 2024, \udc00 up 5%"
    figures = corpuslab.find_figures(text)
    assert [text[f.start : f.end] for f in figures] == [f.surface for f in figures]
    # A lone surrogate reads as any other unknown character does.
    same = corpuslab.find_figures(text.replace("\ud83d", "\ufffd").replace("\udc00", "\ufffd"))
    assert [(f.start, f.end, f.value) for f in figures] == [(f.start, f.end, f.value) for f in same]
    assert [f.value for f in figures][:2] == [40e9, 2024.0]


@pytest.mark.skipif(sys.platform != "linux", reason="only Linux file systems keep non-UTF-8 names as bytes")
def test_a_file_name_that_is_not_utf8_is_loaded_and_reported(tmp_path: Path) -> None:
    (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    docs, report = _load(tmp_path)
    assert docs["doc_id"].tolist() == ["caf\ufffd", "good"]
    assert report[["path", "problem"]].values.tolist() == [["caf\ufffd.txt", "bad_file_name"]]
    assert "b'caf\\xe9.txt'" in report.at[0, "message"]


def test_an_unreadable_folder_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: object = "."):  # chmod 000 does not stop root, so refuse the listing here
        if Path(os.fsdecode(path)).name == "locked":
            raise PermissionError(13, "Permission denied", os.fsdecode(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    docs, report = _load(tmp_path)
    assert docs["doc_id"].tolist() == ["a"]
    assert report[["path", "problem"]].values.tolist() == [["locked", "unreadable"]]
    assert "Permission denied" in report.at[0, "message"]


def test_a_dangling_link_is_reported(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    docs, report = _load(tmp_path)
    assert docs["doc_id"].tolist() == ["a"]
    assert report[["path", "problem"]].values.tolist() == [["gone.txt", "unreadable"]]


def test_rows_swallowed_by_an_unmatched_quote_are_reported(tmp_path: Path) -> None:
    (tmp_path / "q.csv").write_text(
        'doc_id,text\na,"Exports were 38 bcm.\nb,Imports were 12 bcm.\nc,Fine 5 bcm.\n', encoding="utf-8"
    )
    docs, report = _load(tmp_path)
    assert docs["doc_id"].tolist() == ["a"]  # the rest of the file is inside a's quoted text
    assert report[["path", "line", "problem", "severity"]].values.tolist() == [["q.csv", 2, "malformed_csv", "warning"]]
    assert "'b,Imports were 12 bcm.'" in report.at[0, "message"]


def test_a_quoted_field_with_line_breaks_is_not_a_swallowed_row(tmp_path: Path) -> None:
    (tmp_path / "q.csv").write_text('doc_id,text\na,"First paragraph.\n\nSecond one, 38 bcm."\n', encoding="utf-8")
    docs, report = _load(tmp_path)
    assert docs["text"].tolist() == ["First paragraph.\n\nSecond one, 38 bcm."]
    assert report.empty


def test_a_header_only_csv_is_reported(tmp_path: Path) -> None:
    (tmp_path / "h.csv").write_text("doc_id,text\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    docs, report = _load(tmp_path)
    assert docs["doc_id"].tolist() == ["a"]
    assert report[["path", "problem"]].values.tolist() == [["h.csv", "empty_file"]]


def test_a_json_error_names_its_column_once(tmp_path: Path) -> None:
    # The last line has no newline, so json reports "Unterminated string starting at" (no line break inside).
    (tmp_path / "a.jsonl").write_text('{"doc_id": "y", "text": "ok"}\n{"doc_id": "x", "text": "open', "utf-8")
    docs, report = _load(tmp_path)
    assert docs["doc_id"].tolist() == ["y"]
    assert report.at[0, "message"].startswith("not valid JSON (column 25: Unterminated string starting);")


def test_a_swallowed_row_with_quotes_of_its_own_is_reported(tmp_path: Path) -> None:
    # Row 2 never closes its quote; row 3's opening quote then closes it, so row 3 is read into row 2's text.
    (tmp_path / "q.csv").write_text(
        'id,body,source\n1,"Oil rose 5%.",Reuters\n2,"unclosed quote, text\n3,"Brent fell 2%.",AP\n'
        '4,"Gold hit $2,000 an ounce.",AP\n',
        encoding="utf-8",
    )
    docs, report = _load(tmp_path)
    assert docs["doc_id"].tolist() == ["1", "2", "4"]
    assert report[["path", "line", "problem", "severity"]].values.tolist() == [["q.csv", 3, "malformed_csv", "warning"]]
    assert "'3,\"Brent fell 2%.\",AP'" in report.at[0, "message"]

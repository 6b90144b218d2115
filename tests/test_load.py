"""The load stage on the seeds, on every input format, and on bad input."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pandas as pd
import pytest

import corpuslab
from corpuslab import schema
from corpuslab.errors import CorpusLabError, InputNotFoundError

ARTICLE = "Gazprom said on Tuesday that supplies rose to 38 bcm.\n\nThe deal runs for 30 years."
# Warnings about which key held which field; tests of bad input look past them.
KEY_WARNINGS = ("field_guessed", "field_defaulted", "unused_field")


def _input_problems(documents: pd.DataFrame) -> pd.DataFrame:
    report = corpuslab.load_report(documents)
    return report[~report["problem"].isin(KEY_WARNINGS)].reset_index(drop=True)


def test_seeds_load_with_file_stems_as_ids(seed_documents: pd.DataFrame, seeds_path: Path) -> None:
    stems = sorted(p.stem for p in seeds_path.glob("*.txt"))
    assert seed_documents["doc_id"].tolist() == stems
    assert len(seed_documents) == 5
    assert corpuslab.load_report(seed_documents).empty


def test_seed_text_is_exactly_the_file(seed_documents: pd.DataFrame, seeds_path: Path) -> None:
    for row in seed_documents.itertuples():
        raw = (seeds_path / f"{row.doc_id}.txt").read_text(encoding="utf-8")
        assert row.text == raw
        assert row.n_chars == len(raw)
        assert row.n_words == len(raw.split())


def test_manifest_merges_by_doc_id(seed_documents: pd.DataFrame, seeds_path: Path) -> None:
    manifest = pd.read_csv(seeds_path / "sources.csv", dtype=str, keep_default_na=False).set_index("doc_id")
    docs = seed_documents.set_index("doc_id")
    for doc_id, row in manifest.iterrows():
        assert (docs.at[doc_id, "outlet"] if pd.notna(docs.at[doc_id, "outlet"]) else "") == row["outlet"]
        assert (docs.at[doc_id, "title"] if pd.notna(docs.at[doc_id, "title"]) else "") == row["title"]


def test_documents_follow_the_schema(seed_documents: pd.DataFrame) -> None:
    assert list(seed_documents.columns) == schema.DOCUMENTS.names
    schema.to_pandera("documents").validate(seed_documents)


def test_loading_twice_is_identical(seeds_path: Path, seed_documents: pd.DataFrame) -> None:
    again = corpuslab.load_documents(seeds_path, progress=False)
    pd.testing.assert_frame_equal(again, seed_documents)


def _write_formats(folder: Path) -> None:
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.md").write_text(ARTICLE, encoding="utf-8")
    record = {"doc_id": "c1", "text": ARTICLE, "title": "T", "outlet": "Wire", "published": "2025-09-02"}
    (folder / "c.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    pd.DataFrame([{**record, "doc_id": "d1"}]).to_csv(folder / "d.csv", index=False)
    (folder / "e.txt.gz").write_bytes(gzip.compress(ARTICLE.encode()))
    (folder / "f.jsonl.gz").write_bytes(gzip.compress((json.dumps({**record, "doc_id": "f1"}) + "\n").encode()))


def test_every_format_round_trips(tmp_path: Path) -> None:
    _write_formats(tmp_path)
    docs = corpuslab.load_documents(tmp_path, progress=False).set_index("doc_id")
    assert sorted(docs.index) == ["a", "b", "c1", "d1", "e", "f1"]
    assert (docs["text"] == ARTICLE).all()
    assert docs.loc["c1", "outlet"] == "Wire"
    assert docs.loc["d1", "published"] == pd.Timestamp("2025-09-02", tz="UTC")
    assert docs.loc["f1", "source_format"] == "jsonl"
    assert docs.loc["e", "path"] == "e.txt.gz"


def test_html_main_text_is_extracted(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Gas deal | Wire</title><meta property='og:site_name' content='Wire'></head><body>"
        "<nav>Home | World | Business</nav><article><h1>Gas deal</h1>"
        "<p>Russia supplies China with approximately 61 bcm of gas annually via the pipeline, officials "
        "said on Tuesday.</p><p>The countries signed over 20 documents on bilateral cooperation during "
        "the visit, which lasted four days.</p></article><footer>Copyright 2025 Wire</footer></body></html>"
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    doc = corpuslab.load_documents(tmp_path, progress=False).iloc[0]
    assert "approximately 61 bcm" in doc["text"]
    assert "Home | World" not in doc["text"]
    assert doc["outlet"] == "Wire"
    assert doc["source_format"] == "html"


@pytest.mark.parametrize(
    ("name", "content", "problem", "line"),
    [
        ("empty.txt", b"", "empty_file", None),
        ("blank.txt", b"  \n\n ", "empty_file", None),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary_file", None),
        ("latin.txt", "line one\ncaf\u00e9 au lait".encode("latin-1"), "undecodable", 2),
        ("bad.jsonl", b'{"doc_id": "ok", "text": "Fine text."}\n{"doc_id": "broken", "text": \n', "malformed_json", 2),
        ("notext.jsonl", b'{"doc_id": "ok2", "text": "Fine."}\n{"doc_id": "n", "summary": "x"}\n', "missing_field", 2),
        ("emptytext.jsonl", b'{"doc_id": "ok3", "text": "Fine."}\n{"doc_id": "e", "text": "  "}\n', "empty_text", 2),
        ("rows.csv", b'doc_id,text\nok4,"Fine text."\nbad,"one",extra\n', "malformed_csv", 3),
        ("nocol.csv", b"doc_id,summary\nx,y\n", "missing_field", 1),
        ("latin.jsonl", b'{"doc_id": "ok5", "text": "Fine."}\n{"doc_id": "x", "text": "caf\xe9"}\n', "undecodable", 2),
        ("report.pdf", b"%PDF-1.4", "unsupported_format", None),
        ("broken.txt.gz", b"\x1f\x8b\x08\x00broken", "unreadable", None),
    ],
)
def test_bad_input_is_reported_and_the_rest_loads(
    tmp_path: Path, name: str, content: bytes, problem: str, line: int | None
) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / name).write_bytes(content)
    docs = corpuslab.load_documents(tmp_path, progress=False)
    report = _input_problems(docs)
    assert report["problem"].tolist() == [problem]
    assert report["path"].tolist() == [name]
    assert pd.isna(report.at[0, "line"]) if line is None else report.at[0, "line"] == line
    assert "good" in docs["doc_id"].tolist()
    good_rows = {
        "bad.jsonl": "ok",
        "notext.jsonl": "ok2",
        "emptytext.jsonl": "ok3",
        "rows.csv": "ok4",
        "latin.jsonl": "ok5",
    }
    if name in good_rows:
        assert good_rows[name] in docs["doc_id"].tolist()


def test_duplicate_ids_are_kept_and_reported(tmp_path: Path) -> None:
    lines = [json.dumps({"doc_id": "same", "text": t}) for t in ("First text.", "Second text.")]
    (tmp_path / "dup.jsonl").write_text("\n".join(lines), encoding="utf-8")
    docs = corpuslab.load_documents(tmp_path, progress=False)
    assert docs["doc_id"].tolist() == ["same", "same~2"]
    assert _input_problems(docs)["problem"].tolist() == ["duplicate_id"]


def test_bad_date_keeps_the_document(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(json.dumps({"doc_id": "x", "text": "T.", "published": "soon"}), "utf-8")
    docs = corpuslab.load_documents(tmp_path, progress=False)
    assert docs["doc_id"].tolist() == ["x"] and pd.isna(docs.at[0, "published"])
    assert _input_problems(docs)["problem"].tolist() == ["bad_date"]


def test_missing_path_names_it(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    with pytest.raises(InputNotFoundError, match="nowhere"):
        corpuslab.load_documents(missing)
    assert issubclass(InputNotFoundError, CorpusLabError)


def test_custom_fields(tmp_path: Path) -> None:
    (tmp_path / "x.jsonl").write_text(json.dumps({"id": "k", "body": "Body.", "source": "Wire"}), "utf-8")
    fields = corpuslab.Fields(text="body", doc_id="id", outlet="source")
    docs = corpuslab.load_documents(tmp_path, fields=fields, progress=False)
    assert docs[["doc_id", "text", "outlet"]].values.tolist() == [["k", "Body.", "Wire"]]


def test_unmatched_manifest_rows_are_reported(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sources.csv").write_text("doc_id,outlet\na,Wire\nzzz,Other\n", encoding="utf-8")
    docs = corpuslab.load_documents(tmp_path, progress=False)
    assert docs["outlet"].tolist() == ["Wire"]
    report = corpuslab.load_report(docs)
    assert report[["problem", "doc_id"]].values.tolist() == [["manifest_unmatched", "zzz"]]


def test_batches_cover_the_corpus(tmp_path: Path) -> None:
    lines = [json.dumps({"doc_id": f"d{i}", "text": f"Text {i}."}) for i in range(7)]
    (tmp_path / "many.jsonl").write_text("\n".join(lines), encoding="utf-8")
    batches = list(corpuslab.iter_documents(tmp_path, batch_size=3, progress=False))
    assert [len(b) for b in batches] == [3, 3, 1]
    assert pd.concat(batches)["doc_id"].tolist() == [f"d{i}" for i in range(7)]


def test_a_line_separator_inside_a_json_string_is_text(tmp_path: Path) -> None:
    text = "First part\u2028second part: 38 bcm."
    (tmp_path / "a.jsonl").write_text(json.dumps({"doc_id": "a", "text": text}, ensure_ascii=False) + "\n", "utf-8")
    docs = corpuslab.load_documents(tmp_path, progress=False)
    assert docs["text"].tolist() == [text] and _input_problems(docs).empty


def _report_by_problem(documents: pd.DataFrame) -> dict[str, list[str]]:
    report = corpuslab.load_report(documents)
    return {p: rows["message"].tolist() for p, rows in report.groupby("problem")}


def test_common_key_names_are_read_and_each_guess_is_reported(tmp_path: Path) -> None:
    rows = [
        {"id": "a1", "date": "2025-09-02", "source": "Wire", "headline": "Gas deal", "body": ARTICLE, "category": 7},
        {"id": "a2", "date": "2025-09-03", "source": "Daily", "headline": "Pipeline", "body": ARTICLE, "category": 7},
    ]
    (tmp_path / "renamed.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    docs = corpuslab.load_documents(tmp_path, progress=False)
    assert docs["doc_id"].tolist() == ["a1", "a2"]
    assert docs["outlet"].tolist() == ["Wire", "Daily"] and docs["title"].tolist() == ["Gas deal", "Pipeline"]
    assert docs["published"].dt.strftime("%Y-%m-%d").tolist() == ["2025-09-02", "2025-09-03"]
    assert docs["text"].tolist() == [ARTICLE, ARTICLE]
    report = corpuslab.load_report(docs)
    assert set(report["severity"]) == {"warning"}  # nothing was lost
    found = _report_by_problem(docs)
    guesses = " ".join(found["field_guessed"])
    for option in ("Fields(doc_id='id')", "Fields(published='date')", "Fields(outlet='source')",
                   "Fields(title='headline')", "Fields(text='body')"):  # fmt: skip
        assert option in guesses
    assert len(found["field_guessed"]) == 5
    assert found["field_defaulted"] == [
        "no row has a key for the url (looked for 'url', 'link'); documents load without an address. "
        "Name its key with fields=Fields(url=...)."
    ]
    assert len(found["unused_field"]) == 1 and "'category'" in found["unused_field"][0]


def test_without_id_or_date_keys_the_report_says_which_option_to_pass(tmp_path: Path) -> None:
    (tmp_path / "articles.jsonl").write_text(json.dumps({"ident": "x", "when": "2025", "text": ARTICLE}), "utf-8")
    docs = corpuslab.load_documents(tmp_path, progress=False)
    assert docs["doc_id"].tolist() == ["articles:1"] and docs["published"].isna().all()
    found = _report_by_problem(docs)
    defaulted = " ".join(found["field_defaulted"])
    assert "fields=Fields(doc_id=...)" in defaulted and "fields=Fields(published=...)" in defaulted
    assert "ids are made from the file name and line (articles:1)" in defaulted
    assert "'ident', 'when'" in found["unused_field"][0]


def test_a_key_the_caller_named_is_never_replaced_by_a_guess(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(json.dumps({"doc_id": "a", "text": ARTICLE}), "utf-8")
    docs = corpuslab.load_documents(tmp_path, fields=corpuslab.Fields(text="txt"), progress=False)
    assert docs.empty
    report = corpuslab.load_report(docs)
    lost = report[report["severity"] == "error"]
    assert lost["problem"].tolist() == ["missing_field"]
    assert lost["message"].item() == (
        "no text under 'txt' (its keys: 'doc_id', 'text'); name the text key with fields=Fields(text=...)"
    )
    assert "'text'" in _report_by_problem(docs)["unused_field"][0]


def test_csv_headers_match_common_names_whatever_their_case(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text(f'ID,Title,Content\nk1,Gas deal,"{ARTICLE}"\n', encoding="utf-8")
    docs = corpuslab.load_documents(tmp_path, progress=False)
    assert docs[["doc_id", "title", "text"]].values.tolist() == [["k1", "Gas deal", ARTICLE]]
    assert len(_report_by_problem(docs)["field_guessed"]) == 3


def test_fields_a_manifest_gives_are_not_reported_missing(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text(f'doc_id,text\nk1,"{ARTICLE}"\n', encoding="utf-8")
    (tmp_path / "sources.csv").write_text("doc_id,outlet,published\nk1,Wire,2025-09-02\n", encoding="utf-8")
    docs = corpuslab.load_documents(tmp_path, progress=False)
    assert docs["outlet"].tolist() == ["Wire"]
    defaulted = " ".join(_report_by_problem(docs)["field_defaulted"])
    assert "the title" in defaulted and "the url" in defaulted
    assert "the outlet" not in defaulted and "the date" not in defaulted

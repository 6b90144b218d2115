"""Output folders: complete or absent, never mixed with an earlier run; a reader that names its one format."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import corpuslab
from corpuslab import outdir
from corpuslab.cli import EXIT_CANNOT_RUN, EXIT_INTERRUPTED, EXIT_NO_DOCUMENTS, EXIT_OK, main
from corpuslab.errors import InputFormatError, OutputExistsError
from corpuslab.stream import stream_pipeline


@pytest.fixture(scope="module")
def result(seeds_path: Path) -> corpuslab.PipelineResult:
    return corpuslab.run_pipeline(seeds_path, progress=False)


def test_a_non_empty_folder_is_refused_and_left_alone(result: corpuslab.PipelineResult, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(OutputExistsError, match=r"overwrite=True") as refused:
        result.write(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]
    assert "--overwrite" not in str(refused.value) and "overwrite=" not in refused.value.cli  # each speaks its own


def test_overwrite_replaces_every_table_of_the_earlier_run(result: corpuslab.PipelineResult, tmp_path: Path) -> None:
    out = tmp_path / "tables"
    result.write(out)
    result.write(out, fmt="csv", overwrite=True)
    assert not list(out.glob("*.parquet"))
    assert outdir.table_format(out) == "csv"
    assert json.loads((out / outdir.MARKER).read_text(encoding="utf-8")) == {"format": "csv"}
    assert len(corpuslab.read_pipeline(out).documents) == len(result.documents)


def test_streaming_twice_reads_back_each_document_once(seeds_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "tables"
    stream_pipeline(seeds_path, out, batch_size=2, progress=False)
    stream_pipeline(seeds_path, out, batch_size=2, progress=False, overwrite=True)
    documents = corpuslab.read_pipeline(out).documents
    assert documents["doc_id"].is_unique and len(documents) == 5
    assert outdir.table_format(out) == "parts"


def test_an_interrupted_run_leaves_the_old_folder_and_no_staging(tmp_path: Path) -> None:
    out = tmp_path / "tables"
    pd.DataFrame({"doc_id": ["old"]}).to_csv(tmp_path / "keep.csv")
    with pytest.raises(KeyboardInterrupt), outdir.output_folder(out, fmt="parts") as staging:
        (staging / "documents").mkdir()
        pd.DataFrame({"doc_id": ["x"]}).to_parquet(staging / "documents" / "part-00000.parquet")
        raise KeyboardInterrupt
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.csv"]


def test_parts_without_the_marker_are_an_unfinished_run(tmp_path: Path) -> None:
    (tmp_path / "documents").mkdir()
    pd.DataFrame({"doc_id": ["x"]}).to_parquet(tmp_path / "documents" / "part-00000.parquet")
    with pytest.raises(InputFormatError, match="did not finish"):
        outdir.table_format(tmp_path)
    assert main(["validate", str(tmp_path), "--no-progress"]) == EXIT_CANNOT_RUN


def test_two_formats_in_one_folder_are_refused(result: corpuslab.PipelineResult, tmp_path: Path) -> None:
    result.write(tmp_path / "tables")
    result.documents.to_csv(tmp_path / "tables" / "documents.csv", index=False)  # a stale table from another run
    with pytest.raises(InputFormatError, match="more than one format"):
        corpuslab.read_pipeline(tmp_path / "tables")


def test_cli_refuses_then_overwrites_and_validate_names_the_format(
    seeds_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "tables")
    assert main(["run", str(seeds_path), "--out-dir", out, "--no-progress", "--no-validate"]) == EXIT_OK
    assert main(["run", str(seeds_path), "--out-dir", out, "--no-progress", "--no-validate"]) == EXIT_CANNOT_RUN
    assert "--overwrite" in capsys.readouterr().err
    assert main(["run", str(seeds_path), "--out-dir", out, "--format", "csv", "--overwrite", "--no-progress"]) == 0
    capsys.readouterr()
    assert main(["validate", out, "--no-progress"]) == EXIT_OK
    assert f"validating csv tables in {out}" in capsys.readouterr().err


def test_ctrl_c_exits_130_with_one_line(
    monkeypatch: pytest.MonkeyPatch, seeds_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr("corpuslab.cli._cmd_load", interrupted)
    assert main(["load", str(seeds_path)]) == EXIT_INTERRUPTED == 130
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "interrupted" in err and "Traceback" not in err


def test_encoding_option_reads_a_cp1252_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_bytes("Caf\xe9 exports were 38 bcm.".encode("cp1252"))
    assert main(["load", str(tmp_path), "--no-progress"]) == EXIT_NO_DOCUMENTS  # the only file did not decode
    assert "--encoding" in capsys.readouterr().err  # the undecodable row says what to pass
    out = tmp_path / "docs.csv"
    assert main(["load", str(tmp_path), "--encoding", "cp1252", "--out", str(out), "--no-progress"]) == EXIT_OK
    assert pd.read_csv(out)["text"].tolist() == ["Café exports were 38 bcm."]


def test_a_corpus_of_csv_articles_is_not_a_folder_of_tables(tmp_path: Path) -> None:
    (tmp_path / "rows.csv").write_text("doc_id,text\na,Exports were 38 bcm.\n", encoding="utf-8")
    assert not corpuslab.pipeline.is_pipeline_folder(tmp_path)
    assert main(["validate", str(tmp_path), "--no-progress"]) == EXIT_OK


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002], ids=["022", "077", "002"])
def test_an_out_dir_gets_the_mode_mkdir_would_give(
    umask: int, result: corpuslab.PipelineResult, tmp_path: Path, seeds_path: Path
) -> None:
    import os
    import stat

    old = os.umask(umask)
    try:
        result.write(tmp_path / "tables")
        stream_pipeline(seeds_path, tmp_path / "streamed", batch_size=4, progress=False)
        (tmp_path / "made").mkdir()
    finally:
        os.umask(old)
    expected = stat.S_IMODE((tmp_path / "made").stat().st_mode)
    assert expected == 0o777 & ~umask
    for name in ("tables", "streamed"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == expected, name

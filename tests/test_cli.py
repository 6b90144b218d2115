"""The command line: each command runs on the seeds, writes tables, and exits with codes CI relies on."""

from __future__ import annotations

import io
import json
import re
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pandas as pd
import pytest

from corpuslab.cli import EXIT_CANNOT_RUN, EXIT_FAILED, EXIT_NO_DOCUMENTS, EXIT_OK, main


@pytest.mark.parametrize("command", ["load", "extract", "compare"])
def test_commands_write_their_table(command: str, seeds_path: Path, tmp_path: Path) -> None:
    out = tmp_path / f"{command}.csv"
    assert main([command, str(seeds_path), "--out", str(out), "--no-progress"]) == EXIT_OK
    table = pd.read_csv(out)
    assert len(table) > 0


def test_compare_prints_conflicts_first(seeds_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(seeds_path), "--no-progress"]) == EXIT_OK
    printed = capsys.readouterr().out
    assert printed.index("[conflicting:") < printed.index("[consistent:")


def test_run_writes_every_table(seeds_path: Path, tmp_path: Path) -> None:
    assert main(["run", str(seeds_path), "--out-dir", str(tmp_path), "--no-progress"]) == EXIT_OK
    written = {p.stem for p in tmp_path.glob("*.parquet")}
    assert {"documents", "paragraphs", "figures", "claims", "comparisons", "memberships", "load_report"} <= written


def test_a_missing_path_exits_2_and_names_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["load", str(tmp_path / "nowhere")]) == EXIT_CANNOT_RUN
    assert "nowhere" in capsys.readouterr().err


def _run(argv: list[str]) -> tuple[int, str]:
    """Exit code and everything printed, stdout and stderr in the order a terminal shows them."""
    printed = io.StringIO()
    with redirect_stdout(printed), redirect_stderr(printed):
        code = main([*argv, "--no-progress"])
    return code, printed.getvalue()


def _jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


ARTICLE = "Gazprom said on Tuesday that supplies rose to 38 bcm, up from 35 bcm a year earlier."
COMMANDS = ["load", "extract", "compare", "validate", "run"]


@pytest.mark.parametrize("command", COMMANDS)
def test_no_document_loaded_exits_3(command: str, tmp_path: Path) -> None:
    lost = _jsonl(tmp_path / "lost" / "a.jsonl", [{"doc_id": "a", "txt": ARTICLE}, {"doc_id": "b", "txt": ARTICLE}])
    code, printed = _run([command, str(lost)])
    assert code == EXIT_NO_DOCUMENTS
    assert "loaded 0 documents; load report: 2 error" in printed and "no document loaded" in printed
    (tmp_path / "empty").mkdir()
    assert _run([command, str(tmp_path / "empty")])[0] == EXIT_NO_DOCUMENTS


@pytest.mark.parametrize("command", ["load", "run"])
def test_fail_on_load_errors_exits_1_when_input_was_lost(command: str, tmp_path: Path) -> None:
    corpus = _jsonl(tmp_path / "a.jsonl", [{"doc_id": "kept", "text": ARTICLE}, {"doc_id": "lost", "text": "  "}])
    extra = ["--no-validate"] if command == "run" else []
    assert _run([command, str(corpus), *extra])[0] == EXIT_OK
    code, printed = _run([command, str(corpus), *extra, "--fail-on", "load-errors"])
    assert code == EXIT_FAILED
    assert "corpuslab: 1 input lost (load report errors)" in printed
    whole = _jsonl(tmp_path / "whole.jsonl", [{"doc_id": "kept", "text": ARTICLE}])
    assert _run([command, str(whole), *extra, "--fail-on", "load-errors"])[0] == EXIT_OK


def test_run_fails_on_findings_only_when_asked(seeds_path: Path) -> None:
    assert _run(["run", str(seeds_path), "--fail-on", "errors"])[0] == EXIT_OK
    assert _run(["run", str(seeds_path), "--fail-on", "findings"])[0] == EXIT_FAILED  # Power of Siberia 1


def test_load_messages_name_cli_flags(tmp_path: Path) -> None:
    corpus = _jsonl(tmp_path / "a.jsonl", [{"id": "a", "body": ARTICLE, "date": "2025-09-02"}, {"id": "b"}])
    code, printed = _run(["load", str(corpus)])
    assert code == EXIT_OK
    assert "pass --id-field id" in printed and "pass --text-field body" in printed
    assert "pass --date-field date" in printed and "Name its key with --outlet-field KEY" in printed
    assert "name the text key with --text-field KEY" in printed and "(its keys: 'id')" in printed
    assert "Fields(" not in printed


def test_the_load_summary_prints_before_the_tables(seeds_path: Path) -> None:
    code, printed = _run(["run", str(seeds_path)])
    assert code == EXIT_OK
    assert 0 <= printed.index("loaded 5 documents") < printed.index("documents\n") < printed.index("claims:")


def test_run_lists_the_largest_outlets_and_load_lists_all(tmp_path: Path) -> None:
    rows = [{"doc_id": f"d{i}", "outlet": f"outlet{i % 15:02d}", "text": ARTICLE} for i in range(40)]
    corpus = _jsonl(tmp_path / "a.jsonl", rows)
    code, printed = _run(["run", str(corpus), "--no-validate"])
    assert code == EXIT_OK
    assert "40 documents by outlet (the 10 largest of 15 outlets)" in printed
    assert len(re.findall(r"^outlet\d\d ", printed, flags=re.MULTILINE)) == 10
    assert f"... and 5 more outlets (corpuslab load {corpus} lists them all)" in printed
    code, printed = _run(["load", str(corpus)])
    assert len(re.findall(r"^outlet\d\d ", printed, flags=re.MULTILINE)) == 15


@pytest.mark.parametrize("command", COMMANDS)
def test_the_hint_for_the_whole_load_report_works(command: str, tmp_path: Path) -> None:
    rows: list[dict[str, object]] = [{"doc_id": "ok", "text": ARTICLE}]
    rows += [{"doc_id": f"e{i}", "text": ""} for i in range(25)]
    corpus = _jsonl(tmp_path / "corpus" / "a.jsonl", rows)
    code, printed = _run([command, str(corpus)])
    assert code == EXIT_OK
    hint = re.search(r"and \d+ more \(\d+ empty_text\); write them all with: (.*)$", printed, flags=re.MULTILINE)
    assert hint is not None
    # 25 empty texts do not hide the other kind of problem: which fields no key held
    assert printed.count(": empty_text: ") == 5 and printed.count(": field_defaulted: ") == 4
    out_file, out_dir = tmp_path / "report.csv", tmp_path / "tables"
    words = hint.group(1).replace("FILE.csv", str(out_file)).replace("DIR", str(out_dir)).split()
    argv = words[1:] if words[0] == "corpuslab" else [command, str(corpus), *words]
    assert _run(argv)[0] == EXIT_OK
    written = pd.read_csv(out_file) if out_file.exists() else pd.read_parquet(out_dir / "load_report.parquet")
    assert (written["problem"] == "empty_text").sum() == 25


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_documents_the_exit_codes(command: str | None, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help"] if command else ["--help"])
    printed = capsys.readouterr().out
    codes = re.findall(r"^  (\d)  ", printed[printed.index("exit codes:") :], flags=re.MULTILINE)
    assert codes == ["0", "1", "2", "3"]


def test_validate_on_written_tables_points_at_their_load_report(tmp_path: Path) -> None:
    rows: list[dict[str, object]] = [{"doc_id": "ok", "text": ARTICLE}]
    rows += [{"doc_id": f"e{i}", "text": ""} for i in range(25)]
    corpus = _jsonl(tmp_path / "corpus" / "a.jsonl", rows)
    tables = tmp_path / "tables"
    assert _run(["run", str(corpus), "--no-validate", "--out-dir", str(tables)])[0] == EXIT_OK
    code, printed = _run(["validate", str(tables)])
    assert code == EXIT_OK
    assert f"and 20 more (20 empty_text); all are in the load_report table in {tables}" in printed
    assert _run(["validate", str(tables), "--fail-on", "load-errors"])[0] == EXIT_FAILED


def test_a_streamed_run_exits_like_an_in_memory_one(tmp_path: Path) -> None:
    lost = _jsonl(tmp_path / "lost.jsonl", [{"doc_id": "a", "txt": ARTICLE}])
    code, printed = _run(["run", str(lost), "--stream", "--out-dir", str(tmp_path / "out1")])
    assert code == EXIT_NO_DOCUMENTS and "loaded 0 documents; load report: 1 error" in printed
    partly = _jsonl(tmp_path / "partly.jsonl", [{"doc_id": "kept", "text": ARTICLE}, {"doc_id": "lost", "text": ""}])
    argv = ["run", str(partly), "--stream", "--out-dir", str(tmp_path / "out2")]
    assert _run(argv)[0] == EXIT_OK
    assert _run([*argv, "--overwrite", "--fail-on", "load-errors"])[0] == EXIT_FAILED


@pytest.fixture
def no_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any pipeline run, in memory or streamed, fails the test: what is refused is refused before any work."""
    import corpuslab
    import corpuslab.stream

    def no_work(*args: object, **kwargs: object) -> None:
        raise AssertionError("the corpus was loaded")

    monkeypatch.setattr(corpuslab, "run_pipeline", no_work)
    monkeypatch.setattr(corpuslab.stream, "stream_pipeline", no_work)


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (["--stream", "--fail-on", "findings"], "run `corpuslab validate {out} --fail-on findings` on its output"),
        (["--stream", "--fail-on", "errors", "--fail-on", "load-errors"], "--stream does not validate"),
        (["--no-validate", "--fail-on", "findings"], "drop --no-validate, or drop --fail-on findings"),
        (["--no-validate", "--fail-on", "errors"], "--no-validate skips validation"),
    ],
)
def test_fail_on_a_check_the_run_skips_is_refused_up_front(
    options: list[str], said: str, seeds_path: Path, tmp_path: Path, no_run: None
) -> None:
    out = tmp_path / "out"
    code, printed = _run(["run", str(seeds_path), "--out-dir", str(out), *options])
    assert code == EXIT_CANNOT_RUN
    assert said.format(out=out) in printed and "(overwrite=" not in printed
    assert not out.exists()


@pytest.mark.parametrize("command", ["load", "run"])
def test_a_folder_without_article_files_says_so(command: str, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    (empty / ".git").mkdir(parents=True)
    (empty / ".git" / "notes.txt").write_text("hidden, never an article", encoding="utf-8")
    code, printed = _run([command, str(empty)])
    assert code == EXIT_NO_DOCUMENTS
    assert "load report: no problems" not in printed
    assert f"no article files found in {empty} (looked for *.txt, *.md, *.jsonl, *.csv, *.html" in printed


@pytest.mark.parametrize("stream", [[], ["--stream"]])
def test_a_non_empty_out_dir_is_refused_before_loading_in_cli_flags(
    stream: list[str], seeds_path: Path, tmp_path: Path, no_run: None
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    code, printed = _run(["run", str(seeds_path), "--out-dir", str(out), *stream])
    assert code == EXIT_CANNOT_RUN
    assert f"corpuslab: error: {out}: folder is not empty; pass --overwrite to replace it" in printed
    assert "overwrite=True" not in printed and "loaded" not in printed


def test_suites_init_into_a_folder_with_suites_names_only_force(tmp_path: Path) -> None:
    assert main(["suites", "init", str(tmp_path)]) == EXIT_OK
    printed = io.StringIO()
    with redirect_stderr(printed), redirect_stdout(io.StringIO()):
        assert main(["suites", "init", str(tmp_path)]) == EXIT_CANNOT_RUN
    assert "edit them in place, or replace them with --force." in printed.getvalue()
    assert "overwrite=True" not in printed.getvalue()


def test_dollar_names_the_corpus_own_dollar_on_every_run(tmp_path: Path) -> None:
    corpus = tmp_path / "au.jsonl"
    text = "The council will spend $5 million on roads; US$2 million came from Washington."
    corpus.write_text(json.dumps({"doc_id": "a", "text": text, "outlet": "ABC"}) + "\n", encoding="utf-8")
    out = tmp_path / "figures.csv"
    assert main(["extract", str(corpus), "--dollar", "AUD", "--out", str(out), "--no-progress"]) == EXIT_OK
    assert pd.read_csv(out)["unit"].tolist() == ["AUD", "USD"]
    assert main(["run", str(corpus), "--dollar", "AUD", "--out-dir", str(tmp_path / "t"), "--no-progress"]) == EXIT_OK
    assert pd.read_parquet(tmp_path / "t" / "figures.parquet")["unit"].tolist() == ["AUD", "USD"]


@pytest.mark.parametrize(
    ("flags", "said"),
    [
        (["--approximate", "-1"], "not between 0 and 1"),
        (["--event-threshold", "2"], "not between 0 and 1"),
        (["--stream", "--batch-size", "0", "--out-dir", "OUT"], "not 1 or more"),
        (["--format", "csv"], "add --out-dir DIR or drop --format"),
        (["--stream", "--format", "csv", "--out-dir", "OUT"], "--stream writes Parquet parts"),
    ],
)
def test_an_option_that_cannot_work_exits_2_and_says_why(
    flags: list[str], said: str, seeds_path: Path, tmp_path: Path
) -> None:
    printed = io.StringIO()
    with redirect_stdout(printed), redirect_stderr(printed):
        try:
            code = main(
                ["run", str(seeds_path), "--no-progress", *(str(tmp_path / f) if f == "OUT" else f for f in flags)]
            )
        except SystemExit as stop:  # argparse refuses a bad value itself, with the same exit code
            code = stop.code
    assert code == EXIT_CANNOT_RUN and said in printed.getvalue()
    assert not (tmp_path / "OUT").exists()  # refused before any work


def test_an_unknown_option_is_refused_in_the_command_words_with_the_closest_option(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["run", "seeds", "--windw-days", "3"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "corpuslab run: error: unrecognized arguments: --windw-days 3" in err
    assert "did you mean --window-days?" in err


@pytest.mark.parametrize("argv", [["-v", "run", "SEEDS"], ["run", "SEEDS", "-v"], ["run", "SEEDS", "--verbose"]])
def test_verbose_is_taken_before_or_after_the_command(argv: list[str], seeds_path: Path) -> None:
    from corpuslab.cli import build_parser

    args, extra = build_parser().parse_known_args([str(seeds_path) if a == "SEEDS" else a for a in argv])
    assert (args.verbose, extra) == (1, [])

"""One run order for every engine: the same stage functions, in the same order, with defaults in one place."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from corpuslab.engines import Collector, LocalEngine, Options, RunOptions, resolve_aliases, run_stages
from corpuslab.stream import PartsWriter, StreamEngine


def _recording(engine: Any, calls: list[str]) -> Any:
    class Recording(type(engine)):  # type: ignore[misc]
        def map(self, func: Callable[..., Any], items: Iterable[Any], *args: Any) -> list[Any]:
            calls.append(f"map {func.__name__}")
            return super().map(func, items, *args)

        def shuffle(self, handles: list[Any], *, on: str) -> list[Any]:
            calls.append(f"shuffle on {on}")
            return super().shuffle(handles, on=on)

    engine.__class__ = Recording
    return engine


def test_the_local_and_streamed_engines_run_the_same_steps(seeds_path: Path, tmp_path: Path) -> None:
    options = Options(batch_size=2, progress=False)
    local: list[str] = []
    streamed: list[str] = []
    tables = run_stages(
        _recording(LocalEngine(), local), seeds_path, options, resolve_aliases(seeds_path, "auto"), Collector()
    )
    with StreamEngine() as engine:
        counts, _ = run_stages(
            _recording(engine, streamed),
            seeds_path,
            options,
            resolve_aliases(seeds_path, "auto"),
            PartsWriter(tmp_path),
        )
    assert local == streamed
    assert local[0] == "map prepare_part" and "shuffle on event_id" in local
    assert counts == {name: len(frame) for name, frame in tables.items() if len(frame)}


def test_the_keyword_options_are_the_options() -> None:
    assert set(RunOptions.__annotations__) == {f.name for f in dataclasses.fields(Options)}


def test_batch_sizes_default_in_one_place() -> None:
    assert Options().batch_size_on("local") == Options().batch_size_on("stream") == 1000
    assert Options().batch_size_on("dask") == 200
    assert Options(batch_size=7).batch_size_on("dask") == 7


def test_the_collector_gives_every_table_in_its_canonical_order() -> None:
    sink = Collector()
    sink.write("documents", pd.DataFrame({"doc_id": ["a"], "text": ["x"]}))
    tables = sink.close()
    assert list(tables) == ["documents", "paragraphs", "sentences", "figures", "events", "claims", "comparisons",
                            "memberships", "load_report"]  # fmt: skip
    assert tables["claims"].empty and list(tables["claims"].columns)


def test_an_unknown_option_is_named_with_the_known_ones(seeds_path: Path, tmp_path: Path) -> None:
    import pytest

    from corpuslab import run_pipeline
    from corpuslab.errors import CorpusLabError
    from corpuslab.stream import stream_pipeline

    with pytest.raises(CorpusLabError, match=r"has no option 'windows_days'\. Did you mean 'window_days'"):
        run_pipeline(seeds_path, windows_days=3)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="Its options are: out_dir, overwrite, fields, manifest"):
        stream_pipeline(seeds_path, tmp_path / "out", validate=False)  # type: ignore[call-arg]

"""The Dask engine: the same pipeline with its work spread over a Dask cluster.

How the work splits:

1. The client reads the corpus in batches (the loader's own code, so the load report is the same) and
   sends each batch to a worker as one partition.
2. Each worker splits its documents into paragraphs, extracts their figures and turns them into
   statements (:func:`corpuslab.compare.prepare_statements`).
3. The client gathers what only the whole corpus tells (each document's salient names, to link
   stories; the names seen, to find ambiguous ones): a few names per document.
4. Workers finish their statements (story, ambiguity, interval, claim key), Dask shuffles them on
   the claim key so each group lands whole on one worker, and each worker builds its claims.
5. The client gathers the tables; they are identical to the in-process engine's.

A worker that dies mid-run has its tasks rerun by Dask (every task is a pure function of its
inputs); a file that cannot be read is in the load report exactly as in the in-process engine.

Examples
--------
>>> result = run_dask("seeds/")  # a local cluster                   # doctest: +SKIP
>>> result = run_dask("corpus/", scheduler="tcp://10.0.0.5:8786")  # doctest: +SKIP
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd

from corpuslab.compare import (
    Prepared,
    Tolerances,
    assemble_memberships,
    corpus_context,
    finalize,
    finish_statements,
    group_statements,
    load_aliases,
    prepare_statements,
)
from corpuslab.compare.subjects import Aliases
from corpuslab.errors import EngineError
from corpuslab.extract import extract_figures
from corpuslab.load import Fields, iter_documents, load_report, manifest_outlets
from corpuslab.segment import split_paragraphs

if TYPE_CHECKING:
    from dask.distributed import Client

    from corpuslab.pipeline import PipelineResult

log = logging.getLogger(__name__)


def run_dask(
    path: str | Path,
    *,
    scheduler: str | None = None,
    n_workers: int = 2,
    batch_size: int = 200,
    fields: Fields | None = None,
    manifest: str | Path | Literal["auto"] | None = "auto",
    aliases: str | Path | Literal["auto"] | None = "auto",
    tolerances: Tolerances | None = None,
    max_pairs_per_claim: int = 2_000,
    progress: bool | None = None,
    encoding: str = "utf-8",
) -> PipelineResult:
    """Run the whole pipeline on Dask; return the same tables as :func:`corpuslab.run_pipeline`.

    Parameters
    ----------
    scheduler
        Address of a running Dask scheduler (``tcp://host:8786``); its workers need corpuslab
        installed. ``None`` starts a local cluster of ``n_workers`` processes on this machine.
    batch_size
        Documents per partition.
    """
    from corpuslab.pipeline import PipelineResult, find_aliases

    alias_table = load_aliases(find_aliases(path, aliases))
    with _client(scheduler, n_workers) as client:
        batches: list[Any] = []
        loaded: list[pd.DataFrame] = []
        report = pd.DataFrame()
        offset = 0
        for batch in iter_documents(
            path, fields=fields, manifest=manifest, progress=progress, batch_size=batch_size, encoding=encoding
        ):
            report = load_report(batch)
            batch.attrs = {}  # the report travels once, from here; not with every partition
            loaded.append(batch)
            batches.append(client.submit(_extract_partition, batch, alias_table, offset, pure=False))
            offset += len(batch)
        contexts = client.gather([client.submit(_context, b) for b in batches])
        # One copy of the corpus-wide maps on every worker, not one per task.
        shared = client.scatter(list(corpus_context(contexts, alias_table)), broadcast=True)
        finished = [client.submit(_finish, b, *shared, tolerances) for b in batches]
        claims, comparisons, statements = _claims_on_workers(client, finished, max_pairs_per_claim)
        parts = client.gather([client.submit(_tables, b) for b in batches])  # the client has the documents
    documents = _concat(loaded)
    ignored = _concat([p["ignored"] for p in parts])
    tables = finalize(claims, comparisons, assemble_memberships(statements, ignored))
    return PipelineResult(
        documents, _concat([p["paragraphs"] for p in parts]), _concat([p["figures"] for p in parts]),
        *tables, load_report=report, manifest_outlets=manifest_outlets(path, manifest),
    )  # fmt: skip


class _client:
    """Connect to a scheduler, or start (and afterwards stop) a local cluster."""

    def __init__(self, scheduler: str | None, n_workers: int) -> None:
        self.scheduler, self.n_workers = scheduler, n_workers
        self.cluster: Any = None

    def __enter__(self) -> Client:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:
            raise EngineError("the Dask engine needs the dask extra: pip install 'corpuslab[dask]'") from exc
        try:
            if self.scheduler:
                self.client = Client(self.scheduler, timeout="20s")
            else:
                self.cluster = LocalCluster(
                    n_workers=self.n_workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
                self.client = Client(self.cluster)
        except OSError as exc:
            raise EngineError(
                f"cannot reach the Dask scheduler at {self.scheduler!r} ({exc}); check the address "
                "and that the scheduler is running, or leave --scheduler out for a local cluster."
            ) from exc
        log.info("dask: %s", self.client)
        return self.client

    def __exit__(self, *exc: object) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _extract_partition(documents: pd.DataFrame, aliases: Aliases, offset: int) -> dict[str, Any]:
    """On a worker: one partition's paragraphs, figures and statements."""
    figures = extract_figures(documents, progress=False)
    prepared = prepare_statements(figures, documents, aliases, doc_offset=offset)
    return {"paragraphs": split_paragraphs(documents), "figures": figures, "prepared": prepared}


def _tables(part: dict[str, Any]) -> dict[str, pd.DataFrame]:
    """What the client keeps of a partition: its tables, not the statements already used."""
    return {"paragraphs": part["paragraphs"], "figures": part["figures"], "ignored": part["prepared"].ignored}


def _context(part: dict[str, Any]) -> Prepared:
    return part["prepared"].names_only()  # only the names travel back to the client


def _finish(
    part: dict[str, Any], stories: dict[str, str], ambiguous: set[str], tolerances: Tolerances | None
) -> pd.DataFrame:
    statements = finish_statements(
        part["prepared"].statements, stories=stories, ambiguous=ambiguous, tolerances=tolerances
    )
    return statements.astype({"bucket": object})


def _claims_on_workers(
    client: Client, finished: list[Any], max_pairs: int
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Shuffle the statements on their claim key, so each worker builds whole claims."""
    import dask
    import dask.dataframe as dd

    meta = client.submit(lambda frame: frame.iloc[0:0], finished[0]).result()
    statements = dd.from_delayed(finished, meta=meta, verify_meta=False)
    partitions = max(1, len(finished))
    shuffled = statements.shuffle(on="bucket", npartitions=partitions, shuffle_method="tasks")
    grouped = [dask.delayed(group_statements)(part, max_pairs_per_claim=max_pairs) for part in shuffled.to_delayed()]
    results = client.gather(client.compute(grouped))
    claims = _concat([r[0] for r in results])
    comparisons = _concat([r[1] for r in results])
    stated = _concat([r[2] for r in results])
    return claims, comparisons, stated


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    frames = [f for f in frames if len(f.columns)]
    if not frames:
        return pd.DataFrame()
    return pd.concat(frames, ignore_index=True)

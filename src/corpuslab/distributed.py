"""The Dask engine: the same stages (:func:`corpuslab.engines.run_stages`) with their work spread over a Dask cluster.

How the work splits: the client reads the corpus in batches with the loader's own code (so the
load report is the same) and sends each batch to a worker as one partition; workers split,
extract and prepare statements and event features; the client gathers the event features (a
sparse row of hashed words per document: no text) and finds the events once; workers give each
statement its event, Dask shuffles statements on ``event_id`` so every event lands whole on one
worker, and each worker builds its events' claims. The tables equal the in-process engine's.

A worker that dies mid-run has its tasks rerun by Dask (every task is a pure function of its
inputs); a file that cannot be read is in the load report exactly as in the in-process engine.

Examples
--------
>>> result = corpuslab.run_pipeline("seeds/", engine="dask")                          # doctest: +SKIP
>>> result = corpuslab.run_pipeline("corpus/", engine="dask", scheduler="tcp://10.0.0.5:8786")  # doctest: +SKIP
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import pandas as pd

from corpuslab.errors import EngineError

if TYPE_CHECKING:
    from dask.distributed import Client

log = logging.getLogger(__name__)


class DaskEngine:
    """Map, gather and shuffle on a Dask cluster: the one at ``scheduler``, or a local one of ``n_workers``."""

    name = "dask"

    def __init__(self, *, scheduler: str | None = None, n_workers: int = 2) -> None:
        self.scheduler, self.n_workers = scheduler, n_workers
        self.cluster: Any = None
        self.client: Client | None = None

    def __enter__(self) -> DaskEngine:
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
        return self

    def __exit__(self, *exc: object) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if self.client is not None:
                self.client.close()
            if self.cluster is not None:
                self.cluster.close()

    def map(self, func: Callable[..., Any], items: Iterable[Any], *args: Any) -> list[Any]:
        assert self.client is not None
        # Scattered in a list of one: Dask would scatter a set or a list item by item.
        shared = [self.client.scatter([a], broadcast=True)[0] if _is_large(a) else a for a in args]
        return [self.client.submit(func, item, *shared, pure=False) for item in items]

    def gather(self, handles: list[Any]) -> list[Any]:
        assert self.client is not None
        return list(self.client.gather(handles))

    def shuffle(self, handles: list[Any], *, on: str) -> list[Any]:
        import dask.dataframe as dd

        assert self.client is not None
        if not handles:
            return []
        meta = self.client.submit(lambda frame: frame.iloc[0:0], handles[0]).result()
        frames = dd.from_delayed(handles, meta=meta, verify_meta=False)
        shuffled = frames.shuffle(on=on, npartitions=max(1, len(handles)), shuffle_method="tasks")
        return self.client.compute(shuffled.to_delayed())


def _is_large(value: Any) -> bool:
    """Objects worth sending once to every worker rather than with every task (the events, the weights)."""
    return not isinstance(value, (int, float, str, type(None))) and not isinstance(value, pd.DataFrame)

"""Progress bars for long stages: shown on a terminal, hidden in pipes, CI and when asked; and loggers kept quiet
where what they would say reaches the user another way."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any


def show(enabled: bool | None) -> bool:
    """Whether to show progress: ``None`` means only on an interactive terminal outside CI."""
    if enabled is not None:
        return enabled
    return sys.stderr.isatty() and not os.environ.get("CI")


def bar(iterable: Iterable[Any] | None = None, *, enabled: bool | None, **options: Any) -> Any:
    """A tqdm bar on stderr (tqdm is imported only here), cleared when done."""
    from tqdm.auto import tqdm

    return tqdm(iterable, disable=not show(enabled), leave=False, **options)


@contextmanager
def quiet(logger: str) -> Iterator[None]:
    """Inside the block, ``logger`` passes on errors only (its level is restored after)."""
    log = logging.getLogger(logger)
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        yield
    finally:
        log.setLevel(level)

"""Progress bars for long stages: shown on a terminal, hidden in pipes, CI and when asked."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
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

"""quantulum3 as every benchmark runs it: the peer extractor timed or scored beside corpuslab.

quantulum3 ships a unit classifier pickled with an old scikit-learn; with the scikit-learn corpuslab
installs it cannot load (``No module named '_loss'``). Its own no-classifier mode (what it does
without scikit-learn, and what every earlier number here measured) is used, so runs stay comparable.
"""

from __future__ import annotations

import warnings
from typing import Any


def quantulum_parser() -> Any:
    """quantulum3's parser module in its no-classifier mode; raises ImportError when it is not installed."""
    from quantulum3 import classifier, parser

    classifier.USE_CLF = False
    return parser


def quantulum_parse(text: str) -> list[Any]:
    """quantulum3's quantities in ``text`` (its warnings silenced)."""
    parser = quantulum_parser()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return parser.parse(text)

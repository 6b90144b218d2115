"""Errors raised by corpuslab; every one subclasses :class:`CorpusLabError`."""

from __future__ import annotations


class CorpusLabError(Exception):
    """Base class: what went wrong and what to do next.

    ``cli`` is the same message for the command line, when what to do next is a flag there and an
    argument in Python (``--overwrite``, not ``overwrite=True``); the CLI prints it instead.
    """

    def __init__(self, message: str, *, cli: str | None = None) -> None:
        super().__init__(message)
        self.cli = cli


class InputNotFoundError(CorpusLabError, FileNotFoundError):
    """A path given to a loader or the CLI does not exist."""


class InputFormatError(CorpusLabError, ValueError):
    """An input file or table cannot be read as asked."""


class SchemaError(CorpusLabError, ValueError):
    """A table does not have the columns or dtypes its stage needs."""


class SuiteError(CorpusLabError, ValueError):
    """An expectation suite is missing, unreadable or invalid."""


class OutputExistsError(CorpusLabError, FileExistsError):
    """An output folder already holds something and may not be replaced."""


class EngineError(CorpusLabError, RuntimeError):
    """The distributed engine could not be started or reached."""


class OptionError(CorpusLabError, TypeError):
    """A keyword option that the function does not have."""

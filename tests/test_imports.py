"""`import corpuslab` is light: heavy libraries load on first use, and every public name still resolves."""

from __future__ import annotations

import subprocess
import sys

import corpuslab


def _fresh(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)


def test_import_corpuslab_loads_neither_pandas_nor_great_expectations() -> None:
    done = _fresh(
        "import sys, corpuslab\n"
        "print(sorted(m for m in ('pandas', 'numpy', 'great_expectations', 'matplotlib') if m in sys.modules))"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_every_public_name_resolves_and_validate_stays_the_function() -> None:
    for name in corpuslab.__all__:
        assert getattr(corpuslab, name) is not None
    done = _fresh(
        "import corpuslab\n"
        "from corpuslab.validate import failed  # imports the subpackage after corpuslab\n"
        "import corpuslab.validate.derived\n"
        "print(callable(corpuslab.validate), corpuslab.validate.__module__, corpuslab.pipeline.__name__)"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "corpuslab.validate", "corpuslab.pipeline"]

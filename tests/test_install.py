"""A user's install: build the wheel, install it into a fresh virtual environment outside the repository,
and run the command line on a copy of the seeds from another folder (no checkout in sight)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from corpuslab.cli import EXIT_FAILED, EXIT_OK

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def _call(argv: list[str | Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    return subprocess.run([str(a) for a in argv], cwd=cwd, env=env, capture_output=True, text=True, check=False)


def _wheel(tmp_path: Path) -> Path:
    """Build from a copy of what the repository tracks for the package, so nothing outside it can leak in."""
    source = tmp_path / "source"
    shutil.copytree(ROOT / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    built = _call([sys.executable, "-m", "pip", "wheel", source, "--no-deps", "-w", tmp_path / "wheels"], tmp_path)
    assert built.returncode == 0, built.stderr
    return next((tmp_path / "wheels").glob("corpuslab-*.whl"))


def _environment(tmp_path: Path, wheel: Path) -> Path:
    """A fresh venv with the wheel installed; the test environment's dependencies are reused, not reinstalled.

    They live in this environment (not the system's), so a .pth line points at its site-packages. Python
    reads .pth files only in site folders, so the editable corpuslab there stays out of the new venv.
    """
    env = tmp_path / "venv"
    venv.create(env, with_pip=True)
    python = env / "bin" / "python"
    site = _call([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], tmp_path)
    (Path(site.stdout.strip()) / "_corpuslab_test_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    installed = _call([python, "-m", "pip", "install", "--no-deps", "--ignore-installed", wheel], tmp_path)
    assert installed.returncode == 0, installed.stderr
    return env


def test_an_installed_wheel_runs_and_validates_from_another_folder(tmp_path: Path) -> None:
    wheel = _wheel(tmp_path)
    with zipfile.ZipFile(wheel) as archive:
        shipped = {n for n in archive.namelist() if n.startswith("corpuslab/suites/") and n.endswith(".json")}
    assert shipped == {f"corpuslab/suites/{s}.json" for s in ("claims", "documents", "figures", "paragraphs")}
    env = _environment(tmp_path, wheel)
    work = tmp_path / "elsewhere"
    shutil.copytree(ROOT / "seeds", work / "seeds-copy")
    corpuslab = env / "bin" / "corpuslab"

    where = _call([env / "bin" / "python", "-c", "import corpuslab; print(corpuslab.__file__)"], work)
    assert Path(where.stdout.strip()).is_relative_to(env), where.stdout + where.stderr  # the wheel, not the checkout

    run = _call([corpuslab, "run", "seeds-copy", "--out-dir", "tables", "--no-progress"], work)
    assert run.returncode == EXIT_OK, run.stderr
    assert "loaded 5 documents; load report: no problems" in run.stderr
    assert "validation: 28 expectations; 1 finding, 27 passed" in run.stdout
    validate = _call([corpuslab, "validate", "seeds-copy", "--no-progress"], work)
    assert validate.returncode == EXIT_OK, validate.stderr
    assert "validation: 28 expectations; 1 finding, 27 passed" in validate.stdout
    on_tables = _call([corpuslab, "validate", "tables", "--fail-on", "findings", "--no-progress"], work)
    assert on_tables.returncode == EXIT_FAILED, on_tables.stderr  # the Power of Siberia 1 finding

    init = _call([corpuslab, "suites", "init", "team-suites"], work)
    assert init.returncode == EXIT_OK, init.stderr
    assert sorted(p.name for p in (work / "team-suites").glob("*.json")) == sorted(Path(n).name for n in shipped)
    assert not (work / "expectations").exists()

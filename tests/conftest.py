"""Shared fixtures: the seed corpus and its tables, loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import corpuslab

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seeds_path() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_documents() -> pd.DataFrame:
    return corpuslab.load_documents(SEEDS, progress=False)


@pytest.fixture(scope="session")
def seed_paragraphs(seed_documents: pd.DataFrame) -> pd.DataFrame:
    return corpuslab.split_paragraphs(seed_documents)

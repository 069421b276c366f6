"""Shared fixtures. Tests that need ../shared (gold, corpora, NER data) skip cleanly without it."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RASD_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    """Path to ../shared, or skip the test when it is absent (a user's clone has none)."""
    if not (SHARED / "gold").is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def seed_path(shared) -> Path:
    return shared / "gold" / "seed" / "article.txt"

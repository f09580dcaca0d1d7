"""Shared fixtures: the seed corpus and the ToTA treaties (skipped with a reason where ../shared is absent)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "seeds"
TOTA_DIR = ROOT.parent / "shared" / "data" / "tota"
SEED_PATHS = sorted(SEEDS_DIR.glob("*.txt"))
TOTA_PATHS = sorted(TOTA_DIR.glob("*.xml")) if TOTA_DIR.is_dir() else []
#: More ToTA treaties to hold the structural tests to (parity, nothing lost), from folders named in
#: ``TREATY_EXTRA_TOTA`` (``os.pathsep``-separated): the corpus has ~450, the repository may copy none.
EXTRA_TOTA_PATHS = sorted(path for folder in os.environ.get("TREATY_EXTRA_TOTA", "").split(os.pathsep) if folder
                          for path in Path(folder).glob("*.xml"))


def seed_path(prefix: str) -> Path:
    """The seed whose file name starts with ``prefix`` (``"002"``)."""
    return next(path for path in SEED_PATHS if path.name.startswith(prefix))


@pytest.fixture(scope="session")
def tota_paths() -> list[Path]:
    if not TOTA_PATHS:
        pytest.skip("ToTA treaties not found: ../shared/data/tota is absent (only on the project's own machines)")
    return TOTA_PATHS


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    """Whatever cache the commands use lives in the test's folder, never in the user's."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))

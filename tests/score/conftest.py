"""Fixtures of the scorer tests; the data lives in ``tests/score/corpus.py``."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.score.corpus import gold_frames, write_gold


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    return write_gold(tmp_path / "dataset", *gold_frames())

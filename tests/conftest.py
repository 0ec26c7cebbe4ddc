"""Shared fixtures: a one-sentence annotated article, copied so each test may break it."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

from conflict_counts.cli import main

# No property test has a deadline: a busy machine must not turn a slow example into a failure.
settings.register_profile("no-deadline", deadline=None)
settings.load_profile("no-deadline")

# The scorer's gold cache of this test run: in a folder of its own, never the user's cache
# (commands run in subprocesses inherit it). Tests of the cache itself set their own.
if "CONFLICT_COUNTS_CACHE_DIR" not in os.environ:
    os.environ["CONFLICT_COUNTS_CACHE_DIR"] = tempfile.mkdtemp(prefix="conflict-counts-test-cache-")
    atexit.register(shutil.rmtree, os.environ["CONFLICT_COUNTS_CACHE_DIR"], ignore_errors=True)

ROOT = Path(__file__).resolve().parents[1]
MINI = Path(__file__).parent / "fixtures" / "mini"


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A writable copy of tests/fixtures/mini (articles/ and gold/)."""
    target = tmp_path / "mini"
    shutil.copytree(MINI, target)
    return target


def build_args(project: Path, out: Path) -> list[str]:
    return [
        "build", "--seeds", str(project / "articles"), "--annotations", str(project / "gold"),
        "--out", str(out), "--no-card", "--changelog", str(ROOT / "CHANGELOG.md"),
    ]


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]):
    """Run the console script in-process; return (exit code, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    """The scorer tests' small gold corpus (``tests/scorer/corpus.py``) as a built dataset folder."""
    from tests.scorer.corpus import gold_frames, write_gold

    return write_gold(tmp_path / "dataset", *gold_frames())

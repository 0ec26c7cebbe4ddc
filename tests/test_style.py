"""The code base stays ruff-clean (the project's own configuration in pyproject.toml)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


def test_ruff_is_clean() -> None:
    ruff = Path(sys.executable).with_name("ruff")
    ruff = ruff if ruff.exists() else Path(shutil.which("ruff") or "ruff")
    if not ruff.exists():
        pytest.skip("ruff is not installed (it is in the [test] extra)")
    result = subprocess.run([ruff, "check", "--output-format", "concise", "."], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout

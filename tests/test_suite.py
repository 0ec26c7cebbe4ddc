"""The test suite itself: every test file is collected, and no test reads a clock.

pytest silently skips folders it treats as output (``build``, ``dist``, dot-folders…),
and a test that asserts a speed goes red on a busy machine: timing belongs in
``scripts/bench_*.py``.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from hypothesis import settings

from tests.conftest import ROOT

TESTS = ROOT / "tests"
CLOCKS = re.compile(r"\b(perf_counter|process_time|monotonic)\b|\btime\.time\(|\bdeadline=(?!None\b)")


def test_every_test_file_is_collected() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-rs", "-p", "no:cacheprovider", str(TESTS)],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    lines = result.stdout.splitlines()
    collected = {line.split("::")[0] for line in lines if "::" in line}
    # A module that skips itself (an optional extra not installed) was visited: its skip is listed.
    collected |= {m.group(1) for line in lines if (m := re.match(r"SKIPPED \[\d+\] ([^:]+):\d+:", line))}
    files = {path.relative_to(ROOT).as_posix() for path in TESTS.rglob("test_*.py")}
    assert files - collected == set(), "never collected"


def test_no_test_reads_a_clock() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted(TESTS.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if CLOCKS.search(line) and path != Path(__file__)
    ]
    assert offenders == []


def test_hypothesis_has_no_deadline() -> None:
    assert settings.default.deadline is None

"""Checking report targets before any work, so a bad --out fails fast and writes nothing."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from conflict_counts.errors import Problem, raise_if_any


def check_targets(targets: Sequence[str | None], inputs: Sequence[str | None] = ()) -> None:
    """Fail before any work if an output cannot be written or would overwrite an input."""
    sources = {Path(i).resolve() for i in inputs if i}
    problems = []
    for target in targets:
        if not target:
            continue
        path = Path(target)
        if not path.resolve().parent.is_dir():
            problems.append(Problem(target, None, None, "output directory does not exist"))
        elif path.is_dir():
            problems.append(Problem(target, None, None, "is a directory, not a file"))
        elif path.resolve() in sources:
            problems.append(Problem(target, None, None, "would overwrite an input file"))
    raise_if_any(problems)

"""Writing reports all-or-nothing: every file goes to a temporary name first, then is renamed."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from conflict_counts.errors import InputError, Problem, raise_if_any


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


def write_all(files: Sequence[tuple[str, str]]) -> None:
    """Write every ``(path, text)`` or none: temporary files in the target directory, then renames."""
    staged: list[tuple[str, Path]] = []
    try:
        for target, text in files:
            directory = Path(target).resolve().parent
            with tempfile.NamedTemporaryFile(
                "w",
                encoding="utf-8",
                dir=directory,
                prefix=f".{Path(target).name}.",
                suffix=".tmp",
                delete=False,
            ) as handle:
                staged.append((target, Path(handle.name)))
                handle.write(text)
        for target, temporary in staged:
            os.replace(temporary, target)
    except OSError as error:
        raise InputError.at(
            str(getattr(error, "filename", "") or "output"),
            None,
            None,
            f"cannot write: {error.strerror or error}",
        ) from error
    finally:
        for _, temporary in staged:
            temporary.unlink(missing_ok=True)

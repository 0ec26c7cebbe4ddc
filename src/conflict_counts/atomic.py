"""All-or-nothing writes: a reader never sees half a file or half a folder.

Files go to a temporary name beside their target and are renamed into place only when
every one of them has been written; a folder is filled under a temporary name and
swapped in whole.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from conflict_counts.errors import InputError


def write_all(files: Sequence[tuple[str | Path, str]]) -> None:
    """Write every ``(path, text)`` or none: temporary files in the target directory, then renames."""
    staged: list[tuple[Path, Path]] = []
    try:
        for target, text in files:
            target = Path(target)
            with tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", newline="\n", dir=target.resolve().parent,
                prefix=f".{target.name}.", suffix=".tmp", delete=False,
            ) as handle:
                staged.append((target, Path(handle.name)))
                handle.write(text)
        for target, temporary in staged:
            os.replace(temporary, target)
    except OSError as error:
        where = str(getattr(error, "filename", "") or "output")
        raise InputError.at(where, None, None, f"cannot write: {error.strerror or error}") from error
    finally:
        for _, temporary in staged:
            temporary.unlink(missing_ok=True)


def write_lines(target: str | Path, lines: Iterable[str]) -> int:
    """Stream ``lines`` to ``target`` all-or-nothing; returns how many were written.

    Memory does not grow with the input: each line is written as it comes. If the iterable
    raises, the temporary file is removed and ``target`` is left untouched.
    """
    target = Path(target)
    descriptor, name = tempfile.mkstemp(dir=target.resolve().parent, prefix=f".{target.name}.", suffix=".tmp")
    temporary = Path(name)
    count = 0
    try:
        with open(descriptor, "w", encoding="utf-8", newline="\n") as handle:
            for line in lines:
                handle.write(line)
                count += 1
        temporary.chmod(0o644)  # mkstemp makes the file private; outputs are not
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    return count


def write_text(path: str | Path, text: str) -> None:
    """Replace one file atomically."""
    write_all([(path, text)])


def replace_directory(target: Path, fill: Callable[[Path], None]) -> None:
    """Let ``fill`` write into a fresh folder beside ``target``, then swap it in whole."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    retired = target.with_name(f".{target.name}-old")
    try:
        fill(staging)
        staging.chmod(0o755)
        if target.exists():
            shutil.rmtree(retired, ignore_errors=True)
            target.rename(retired)
        staging.rename(target)
        shutil.rmtree(retired, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)

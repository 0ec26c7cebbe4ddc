"""Where a command may write: checked before any work, shared by every command that writes.

No command writes over one of its own inputs, into a built dataset folder (other than
the build writing the dataset itself), or over a folder it did not write; two outputs
of one run never share a path. A refused run writes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from conflict_counts.errors import InputError, Problem, raise_if_any
from conflict_counts.layout import MANIFEST

DATASET_NAME = "conflict-counts"  # the ``name`` in the manifest of every dataset folder the build writes


def is_dataset_folder(path: Path) -> bool:
    """A folder the build wrote: it holds a manifest naming this dataset."""
    try:
        manifest = json.loads((Path(path) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(manifest, dict) and manifest.get("name") == DATASET_NAME


def _resolved(paths: Sequence[str | Path | None]) -> list[tuple[str, Path]]:
    return [(str(p), Path(p).resolve()) for p in paths if p is not None and str(p) != "-"]


def _within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_output_files(outputs: Mapping[str, str | Path | None], inputs: Sequence[str | Path | None]) -> None:
    """Fail before any work if an output file (option → path) cannot or must not be written."""
    sources = _resolved(inputs)
    claimed: dict[Path, str] = {}
    problems: list[Problem] = []
    for option, target in outputs.items():
        if target is None:
            continue
        name, path = str(target), Path(target)
        resolved = path.resolve()

        def refuse(message: str, name: str = name, option: str = option) -> None:
            problems.append(Problem(name, None, option, message))

        overwritten = next(((given, source) for given, source in sources if _within(resolved, source)), None)
        if resolved in claimed:
            refuse(f"is also given as {claimed[resolved]}; give each output its own file")
        elif not resolved.parent.is_dir():
            refuse("output directory does not exist")
        elif path.is_dir():
            refuse("is a directory, not a file")
        elif overwritten is not None and overwritten[1] == resolved:
            refuse("would overwrite an input file")
        elif overwritten is not None:
            refuse(f"is inside the input folder {overwritten[0]}; write it elsewhere")
        elif any(is_dataset_folder(folder) for folder in (resolved.parent, *resolved.parent.parents)):
            refuse("is inside a built dataset folder; write it elsewhere")
        claimed.setdefault(resolved, option)
    raise_if_any(problems)


def check_output_folder(
    option: str,
    target: Path,
    inputs: Sequence[str | Path | None],
    written_by_us: Callable[[Path], bool],
    command: str,
) -> None:
    """Fail before any work unless ``target`` is new, empty, or a folder ``command`` wrote.

    The folder is replaced whole, so it may neither hold nor lie inside any input.
    """
    resolved = Path(target).resolve()
    name = str(target)
    for given, source in _resolved(inputs):
        if _within(source, resolved) or _within(resolved, source):
            raise InputError.at(name, None, option, f"overlaps the input {given}; choose a folder of its own")
    if resolved.exists() and not resolved.is_dir():
        raise InputError.at(name, None, option, "exists and is not a folder")
    if resolved.is_dir() and any(resolved.iterdir()) and not written_by_us(resolved):
        raise InputError.at(
            name,
            None,
            option,
            f"exists and is not a folder written by `conflict-counts {command}`; "
            "choose a new or empty folder",
        )

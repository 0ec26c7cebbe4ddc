"""Where a command may write: checked before any work, shared by every command that writes.

No command writes over one of its own inputs, into a built dataset folder (other than
the build writing the dataset itself), or over a file or folder it did not write; two
outputs of one run never share a path. A refused run writes nothing.

An existing output file is replaced only when it is empty or recognisably what the
command writes there (an :class:`OutputFile`: a prediction file for ``extract --out``, a
score report for ``score --out``, ...): re-running a command onto its own earlier output
works, naming someone's ``notes.txt`` by mistake does not cost them the file.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from conflict_counts.errors import InputError, Problem, raise_if_any
from conflict_counts.layout import MANIFEST

DATASET_NAME = "conflict-counts"  # the ``name`` in the manifest of every dataset folder the build writes
# Bytes read to recognise an existing output. A command's own outputs are far smaller (a score
# report is kilobytes, a prediction file's first line one document); a file larger than this
# is not one of them, and telling so must not cost as much as the run.
RECOGNISE_LIMIT = 64 * 1024 * 1024


@dataclass(frozen=True)
class OutputFile:
    """What a command writes to one output option, and how to know such a file again.

    ``recognise`` says whether an existing file is one (it must not raise on any content);
    ``what`` and ``remedy`` word the refusal of any other file.
    """

    what: str  # "a prediction file extract wrote"
    recognise: Callable[[Path], bool]
    remedy: str = "give a new path"

    def replaceable(self, path: Path) -> bool:
        """An empty file holds nothing to lose; any other only if it is recognisably ours."""
        try:
            return path.stat().st_size == 0 or self.recognise(path)
        except OSError:  # cannot be read, so cannot be told apart from someone else's file
            return False


def first_line(path: Path) -> str | None:
    """The file's first line without its line end, None if that is not UTF-8 text."""
    with Path(path).open("rb") as handle:
        raw = handle.readline(RECOGNISE_LIMIT)
    try:
        return raw.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError:
        return None


def first_json_line(path: Path) -> object | None:
    """The JSON value on the file's first line, None if it holds none (a JSON Lines output)."""
    return _json(first_line(path))


def json_document(path: Path) -> object | None:
    """The JSON value the whole file holds, None if it holds none or is too large to be ours."""
    path = Path(path)
    if path.stat().st_size > RECOGNISE_LIMIT:
        return None
    try:
        return _json(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError:
        return None


def is_report(path: Path, title: str, keys: frozenset[str], meta_keys: frozenset[str]) -> bool:
    """Whether ``path`` holds a report a command writes: markdown whose first line is its
    ``title``, or a JSON object with exactly its ``keys`` whose ``meta`` holds ``meta_keys``."""
    if first_line(path) == title:
        return True
    report = json_document(path)
    meta = report.get("meta") if isinstance(report, dict) and set(report) == keys else None
    return isinstance(meta, dict) and meta_keys <= set(meta)


def _json(text: str | None) -> object | None:
    if text is None:
        return None
    try:
        return json.loads(text)
    except (ValueError, RecursionError):  # not JSON, or nested deeper than the parser goes
        return None


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


def check_output_files(
    outputs: Mapping[str, tuple[str | Path | None, OutputFile]], inputs: Sequence[str | Path | None]
) -> None:
    """Fail before any work if an output file (option → (path, what is written there)) cannot
    or must not be written: every problem of every option, one line each."""
    sources = _resolved(inputs)
    claimed: dict[Path, str] = {}
    problems: list[Problem] = []
    for option, (target, kind) in outputs.items():
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
        elif path.exists() and not path.is_file():
            refuse("exists and is not a regular file; give a new path")
        elif path.exists() and not kind.replaceable(path):
            refuse(f"already exists and is not {kind.what}; {kind.remedy}")
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

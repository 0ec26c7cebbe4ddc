"""Validating a built dataset folder: tables, cross-table checks, manifest and versions."""

from __future__ import annotations

from pathlib import Path

from conflict_counts.dataset import (
    TABLES,
    content_checksum,
    file_metadata,
    read_arrow,
    read_manifest,
    table_path,
    to_frame,
)
from conflict_counts.errors import InputError, Problem
from conflict_counts.schema.failures import Failure
from conflict_counts.schema.validate import validate_tables


def _problem(directory: Path, failure: Failure) -> Problem:
    where = [] if failure.row is None else [f"row {failure.row}"]
    if failure.column:
        where.append(failure.column)
    return Problem(str(table_path(directory, failure.table)), None, ", ".join(where) or None, failure.message)


def validate_directory(directory: Path) -> list[Problem]:
    """Every problem of a dataset folder; an empty list means it is valid."""
    directory = Path(directory)
    problems: list[Problem] = []
    tables = {}
    for name in TABLES:
        try:
            tables[name] = read_arrow(directory, name)
        except InputError as error:
            problems.extend(error.problems)
    try:
        manifest = read_manifest(directory)
    except InputError as error:
        return problems + error.problems
    version = manifest.get("version")
    manifest_file = str(directory / "manifest.json")
    for name, table in tables.items():
        entry = manifest.get("tables", {}).get(name)
        path = str(table_path(directory, name))
        if entry is None:
            problems.append(Problem(manifest_file, None, name, "table not listed in the manifest"))
        elif content_checksum(table) != entry.get("content_sha256"):
            problems.append(Problem(path, None, None, "content checksum differs from the manifest"))
        stored = file_metadata(table).get("version")
        if stored != version:
            problems.append(Problem(path, None, "metadata",
                                    f"version {stored!r} differs from the manifest's {version!r}"))
    if len(tables) == len(TABLES):
        frames = {name: to_frame(table) for name, table in tables.items()}
        problems.extend(_problem(directory, f) for f in validate_tables(frames))
    return problems

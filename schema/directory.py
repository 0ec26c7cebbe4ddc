"""Validating a built dataset folder: tables, cross-table checks, manifest and versions."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from conflict_counts.dataset import (
    TABLES,
    content_checksum,
    file_metadata,
    not_a_folder,
    read_arrow,
    read_manifest,
    table_path,
    to_frame,
)
from conflict_counts.errors import InputError, Problem, quote
from conflict_counts.layout import CROISSANT, MANIFEST
from conflict_counts.schema.failures import Failure
from conflict_counts.schema.validate import validate_tables


def _problem(directory: Path, failure: Failure) -> Problem:
    where = [] if failure.row is None else [f"row {failure.row}"]
    if failure.column:
        where.append(failure.column)
    return Problem(str(table_path(directory, failure.table)), None, ", ".join(where) or None, failure.message)


def _file_digests(directory: Path) -> tuple[dict[str, str], list[Problem]]:
    """The sha256 of each file as croissant.json publishes it."""
    path = directory / CROISSANT
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        files = {str(f["contentUrl"]): str(f["sha256"]) for f in document["distribution"] if "sha256" in f}
    except FileNotFoundError:
        return {}, [Problem(str(path), None, None, "missing; it publishes the files' sha256")]
    except (OSError, ValueError, KeyError, TypeError) as error:
        message = f"unreadable file checksums ({type(error).__name__})"
        return {}, [Problem(str(path), None, "distribution", message)]
    return files, []


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def validate_directory(directory: Path) -> list[Problem]:
    """Every problem of a dataset folder; an empty list means it is valid.

    A table whose rows differ from the manifest is reported once as such; one whose rows
    agree but whose bytes differ from croissant.json's sha256 is reported as damaged.
    """
    directory = Path(directory)
    problem = not_a_folder(directory)
    if problem is not None:  # one root problem, not one a table
        return [problem]
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
    digests, found = _file_digests(directory)
    problems += found
    version = manifest.get("version")
    manifest_file = str(directory / MANIFEST)
    for name, table in tables.items():
        entry = manifest["tables"].get(name)
        path = table_path(directory, name)
        if entry is None:
            problems.append(Problem(manifest_file, None, name, "table not listed in the manifest"))
        elif content_checksum(table) != entry.get("content_sha256"):
            problems.append(Problem(str(path), None, None, "content checksum differs from the manifest"))
        elif path.name in digests and _sha256(path) != digests[path.name]:
            problems.append(Problem(str(path), None, None, f"file sha256 differs from {CROISSANT}'s "
                                    "(damaged or rewritten)"))
        metadata = file_metadata(table)
        if metadata is None:
            message = "the conflict_counts entry is not a JSON object"
            problems.append(Problem(str(path), None, "metadata", message))
        elif metadata.get("version") != version:
            problems.append(Problem(str(path), None, "metadata",
                                    f"version {quote(metadata.get('version'))} differs from the manifest's "
                                    f"{quote(version)}"))
    if len(tables) == len(TABLES):
        frames = {name: to_frame(table) for name, table in tables.items()}
        problems.extend(_problem(directory, f) for f in validate_tables(frames))
    return problems

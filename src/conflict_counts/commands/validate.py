"""Validate a built dataset folder (schemas, cross-table checks, checksums, versions)."""

from __future__ import annotations

import argparse
from pathlib import Path

from conflict_counts.errors import raise_if_any
from conflict_counts.location import default_dataset_dir, describe_default
from conflict_counts.schema.directory import validate_directory


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("directory", nargs="?", type=Path, default=default_dataset_dir(),
                        help=f"dataset folder ({describe_default()})")


def run(args: argparse.Namespace) -> int:
    raise_if_any(validate_directory(args.directory))
    print(f"{args.directory}: valid")
    return 0

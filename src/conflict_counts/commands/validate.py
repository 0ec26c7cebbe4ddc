"""Validate a built dataset folder (schemas, cross-table checks, checksums, versions)."""

from __future__ import annotations

import argparse
from pathlib import Path

from conflict_counts.errors import raise_if_any
from conflict_counts.layout import CARD
from conflict_counts.location import default_dataset_dir, describe_default


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("directory", nargs="?", type=Path, default=default_dataset_dir(),
                        help=f"dataset folder ({describe_default()})")
    parser.add_argument("--card", type=Path, help=f"dataset card to check against the data "
                        f"(default: the {CARD} beside the folder, if it describes it)")


def run(args: argparse.Namespace) -> int:
    from conflict_counts.builder.card import card_problems
    from conflict_counts.schema.directory import validate_directory

    card = args.card or args.directory.resolve().parent / CARD
    raise_if_any(validate_directory(args.directory) + card_problems(args.directory, card))
    print(f"{args.directory}: valid")
    return 0

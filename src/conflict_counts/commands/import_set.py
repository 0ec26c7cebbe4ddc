"""Import a reviewed Label Studio or brat export into an annotation set (checked, all or nothing)."""

from __future__ import annotations

import argparse
from pathlib import Path

from conflict_counts.commands.export import FORMATS
from conflict_counts.layout import ANNOTATIONS_DIR, SEEDS_DIR


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "folder",
        type=Path,
        metavar="DIR",
        help="export folder: Label Studio's JSON export (*.json) or brat files, "
        "with entities.yaml and groups.yaml",
    )
    parser.add_argument("--format", required=True, choices=FORMATS, help="the tool's format")
    parser.add_argument("--set", required=True, help="annotation set to write (a folder of --annotations)")
    parser.add_argument("--annotations", type=Path, default=ANNOTATIONS_DIR, help="folder of the sets")
    parser.add_argument("--seeds", type=Path, default=SEEDS_DIR, help="seed article folder")
    parser.add_argument(
        "--replace",
        action="store_true",
        help="overwrite documents and catalogue items that differ from the import",
    )


def run(args: argparse.Namespace) -> int:
    from conflict_counts.exchange.transfer import import_folder

    target = args.annotations / args.set
    doc_ids = import_folder(args.format, args.folder, args.seeds, target, args.replace)
    print(f"imported {len(doc_ids)} document(s) into {target}")
    return 0

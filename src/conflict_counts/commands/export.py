"""Export an annotation set for Label Studio or brat (a new folder; the YAML stays as it is)."""

from __future__ import annotations

import argparse
from pathlib import Path

from conflict_counts.layout import ANNOTATIONS_DIR, SEEDS_DIR

FORMATS = ("label-studio", "brat")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", required=True, choices=FORMATS, help="the tool's format")
    parser.add_argument(
        "--set",
        default="gold",
        help="annotation set: gold, annotator-a, annotator-b, ... (a folder of --annotations)",
    )
    parser.add_argument("--annotations", type=Path, default=ANNOTATIONS_DIR, help="folder of the sets")
    parser.add_argument("--seeds", type=Path, default=SEEDS_DIR, help="seed article folder")
    parser.add_argument("--out", type=Path, required=True, help="new folder to write")


def run(args: argparse.Namespace) -> int:
    from conflict_counts.exchange.transfer import export_set

    annotations = export_set(args.format, args.annotations / args.set, args.seeds, args.out)
    print(f"exported {len(annotations.documents)} document(s) of {args.set} to {args.out} ({args.format})")
    return 0

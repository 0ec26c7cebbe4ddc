"""Build dataset/ from the seed articles and the gold annotations (validates first)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from conflict_counts import version
from conflict_counts.builder.card import described_folder
from conflict_counts.builder.pipeline import build
from conflict_counts.errors import InputError
from conflict_counts.layout import CARD, CHANGELOG, DATASET_DIR, GOLD_DIR, SEEDS_DIR


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--seeds", type=Path, default=SEEDS_DIR, help="seed article folder")
    parser.add_argument("--annotations", type=Path, default=GOLD_DIR, help="gold annotation folder")
    parser.add_argument("--contrast", type=Path, default=None,
                        help="contrast set folder (default: contrast/ beside --seeds; none there: empty)")
    parser.add_argument("--out", type=Path, default=DATASET_DIR, help="output folder (replaced whole)")
    parser.add_argument("--card", type=Path, default=CARD,
                        help="dataset card whose generated parts are refreshed (default: README.md); "
                        "a file with no <!-- BEGIN name --> block is refused")
    parser.add_argument("--changelog", type=Path, default=CHANGELOG,
                        help="changelog that must record the version and its date (default: CHANGELOG.md)")
    parser.add_argument("--no-card", action="store_true", help="leave the dataset card as it is")


def run(args: argparse.Namespace) -> int:
    card = None if args.no_card else args.card
    if card is None and args.card.is_file() and described_folder(args.card) == args.out.resolve():
        raise InputError.at(
            str(args.out), None, "--no-card",
            f"{args.card} describes this folder; building it without the card would make them disagree "
            "(drop --no-card, or build into another --out)",
        )
    report = build(args.seeds, args.annotations, args.out, version.__version__, args.changelog, card,
                   args.contrast)
    tables = report.tables.tables
    counts = ", ".join(f"{name} {table.num_rows}" for name, table in tables.items())
    print(f"built {args.out} (version {version.__version__}): {counts}")
    print(
        f"tokens view: {report.tables.off_boundary_spans} span(s) not on token boundaries "
        f"(tagged on the whole token), {report.tables.unprojected_spans} not projected",
        file=sys.stderr,
    )
    return 0

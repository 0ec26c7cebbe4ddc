"""Inter-annotator agreement between two annotation sets (span F1, kappa, B-cubed)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from conflict_counts.agreement import agreement, markdown
from conflict_counts.atomic import write_text
from conflict_counts.builder.card import replace_block
from conflict_counts.layout import SEEDS_DIR


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("a", type=Path, help="first annotation set (folder of YAML files)")
    parser.add_argument("b", type=Path, help="second annotation set")
    parser.add_argument("--seeds", type=Path, default=SEEDS_DIR, help="seed article folder")
    parser.add_argument("--format", choices=("json", "markdown"), default="markdown")
    parser.add_argument("--card", type=Path, help="also write the table into this card's agreement block")


def run(args: argparse.Namespace) -> int:
    report = agreement(args.a, args.b, args.seeds)
    table = markdown(report)
    print(json.dumps(report, indent=2) if args.format == "json" else table)
    if args.card:
        block = (f"Computed with `conflict-counts agreement {args.a.as_posix()} {args.b.as_posix()}`"
                 f" (A = {args.a.name}, B = {args.b.name}).\n\n{table}")
        write_text(args.card, replace_block(args.card.read_text(encoding="utf-8"), "agreement", block))
    return 0

"""Compare two prediction files: paired bootstrap p-value for each headline F1 (README.md, Scoring).

Both files are scored against the same gold on identical bootstrap replicates (resampled
sentences), so the test is paired; p is two-sided for the difference A − B.
"""

from __future__ import annotations

import argparse
import json
import sys

from conflict_counts.atomic import write_all
from conflict_counts.commands.score import add_bootstrap_arguments
from conflict_counts.location import default_dataset_dir, describe_default
from conflict_counts.targets import OutputFile, check_output_files


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("a", metavar="A", help="first prediction file")
    parser.add_argument("b", metavar="B", help="second prediction file")
    parser.add_argument("--gold", default=str(default_dataset_dir()), metavar="DIR",
                        help=f"built dataset ({describe_default()})")
    parser.add_argument("--format", choices=("json", "markdown"), default="json")
    parser.add_argument("--out", metavar="FILE", help="write the result here instead of stdout "
                        "(new, empty, or a result compare wrote; any other file is refused)")
    add_bootstrap_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from conflict_counts.scorer.api import compare
    from conflict_counts.scorer.report import compare_markdown, is_comparison

    comparison = OutputFile("a result compare wrote", is_comparison)
    check_output_files({"--out": (args.out, comparison)}, [args.a, args.b, args.gold])
    result = compare(args.a, args.b, args.gold, samples=args.samples, seed=args.seed)
    text = (
        compare_markdown(result)
        if args.format == "markdown"
        else json.dumps(result, indent=2, ensure_ascii=False, allow_nan=False)
    ) + "\n"
    if args.out:
        write_all([(args.out, text)])
    else:
        sys.stdout.write(text)
    return 0

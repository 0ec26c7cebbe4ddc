"""Score predictions against the gold dataset: entities, linking, claims, groups (README.md, Scoring).

Prints the JSON report (or ``--format markdown``) to stdout, or writes it to ``--out``;
``--errors FILE`` also writes the per-document error analysis (markdown when FILE ends
in ``.md``, else JSON). Files are written only after everything succeeded.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterator

from conflict_counts.atomic import write_all
from conflict_counts.errors import InputError
from conflict_counts.location import default_dataset_dir, describe_default
from conflict_counts.scorer import bootstrap
from conflict_counts.targets import OutputFile, check_output_files


def non_negative(value: str) -> int:
    """An argparse type: a count that may be zero but not negative."""
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be >= 0, got {number}")
    return number


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--pred",
        required=True,
        metavar="FILE",
        help="predictions: JSONL in the README's prediction format, a Parquet table, or a directory of them",
    )
    parser.add_argument("--gold", default=str(default_dataset_dir()), metavar="DIR",
                        help=f"built dataset ({describe_default()})")
    parser.add_argument("--format", choices=("json", "markdown"), default="json")
    parser.add_argument("--out", metavar="FILE", help="write the report here instead of stdout "
                        "(new, empty, or a report score wrote; any other file is refused)")
    parser.add_argument(
        "--subset",
        action="store_true",
        help="score only the documents in the predictions (else missing ones are empty)",
    )
    parser.add_argument("--errors", metavar="FILE", help="write the per-document error analysis here "
                        "(new, empty, or an error analysis score wrote)")
    parser.add_argument(
        "--contrast",
        action="store_true",
        help="score predictions on the contrast set's items (doc_id = item_id) per edit kind",
    )
    add_bootstrap_arguments(parser)


def add_bootstrap_arguments(parser: argparse.ArgumentParser) -> None:
    """``--samples`` and ``--seed``, shared by every command that reports intervals."""
    parser.add_argument(
        "--samples",
        type=non_negative,
        default=bootstrap.SAMPLES,
        help=f"bootstrap replicates (default {bootstrap.SAMPLES}; 0: no intervals)",
    )
    parser.add_argument("--seed", type=int, default=bootstrap.SEED, help="bootstrap seed (default 0)")


def run(args: argparse.Namespace) -> int:
    from conflict_counts.scorer.api import score
    from conflict_counts.scorer.contrast import is_contrast_report
    from conflict_counts.scorer.report import errors_markdown, is_error_analysis, is_score_report, markdown

    # --out may replace any report score writes (a run with --contrast or another --format
    # onto the same file is still a rerun); --errors only an error analysis.
    report_file = OutputFile("a score report score wrote", lambda path: is_score_report(path)
                             or is_contrast_report(path))
    errors_file = OutputFile("an error analysis score wrote", is_error_analysis)
    check_output_files(
        {"--out": (args.out, report_file), "--errors": (args.errors, errors_file)}, [args.pred, args.gold]
    )
    with _hint_for_the_other_set(args):
        if args.contrast:
            return _run_contrast(args)
        report = score(
            args.pred, args.gold, args.subset, samples=args.samples, seed=args.seed, errors=bool(args.errors)
        )
    errors = report.pop("errors", None)
    text = (
        markdown(report)
        if args.format == "markdown"
        else json.dumps(report, indent=2, ensure_ascii=False, allow_nan=False)
    ) + "\n"
    files = []
    if args.errors:
        files.append(
            (
                args.errors,
                errors_markdown(errors)
                if args.errors.endswith(".md")
                else json.dumps(errors, indent=2, ensure_ascii=False) + "\n",
            )
        )
    if args.out:
        files.append((args.out, text))
    write_all(files)
    if not args.out:
        sys.stdout.write(text)
    return 0


@contextlib.contextmanager
def _hint_for_the_other_set(args: argparse.Namespace) -> Iterator[None]:
    """Predictions of the contrast items scored as news documents (or the reverse) fail on
    every record; that is one mistake, so it is one line saying which flag to give."""
    try:
        yield
    except InputError as error:
        from conflict_counts.errors import capped_total
        from conflict_counts.predictions.reader import unknown_document

        total = capped_total(error.problems)
        listed = [p for p in error.problems if total is None or p.line is not None or p.field is not None]
        ids = [unknown_document(p) for p in listed]
        if not ids or None in ids:
            raise
        from conflict_counts.dataset import read_table

        table, column = ("documents", "doc_id") if args.contrast else ("contrast", "item_id")
        try:
            other = set(read_table(args.gold, table)[column])
        except (InputError, OSError, KeyError, ValueError):  # a gold without that table: no hint
            raise error from None
        if not all(i in other for i in ids):
            raise
        what = "documents of the news gold: score them without --contrast" if args.contrast else (
            "items of the contrast set: score them with --contrast")
        found = f"{total} problems, the first {len(ids)}" if total else f"all {len(ids)}"
        raise InputError.at(args.pred, None, "doc_id", f"{found} unknown doc_ids that are {what}") from None


def _run_contrast(args: argparse.Namespace) -> int:
    from conflict_counts.scorer.contrast import markdown, score_contrast

    if args.errors or args.subset:
        raise InputError.at("command line", None, "--contrast", "takes neither --errors nor --subset")
    report = score_contrast(args.pred, args.gold, samples=args.samples, seed=args.seed)
    text = (
        markdown(report)
        if args.format == "markdown"
        else json.dumps(report, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    )
    if args.out:
        write_all([(args.out, text)])
    else:
        sys.stdout.write(text)
    return 0

"""Print the offsets of a quoted text in a document, as an annotation span."""

from __future__ import annotations

import argparse
from pathlib import Path

from conflict_counts.annotations.locate import locate
from conflict_counts.annotations.yamlio import flow
from conflict_counts.errors import InputError
from conflict_counts.layout import SEEDS_DIR
from conflict_counts.seeds import read_seeds


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("doc_id", help="document id (the hex part of the seed file name)")
    parser.add_argument("text", help="the exact text of the span")
    parser.add_argument("--context", help="a longer text, unique in the document, holding the span")
    parser.add_argument("--occurrence", type=int, help="which occurrence (1-based) to take")
    parser.add_argument("--seeds", type=Path, default=SEEDS_DIR, help="seed article folder")


def run(args: argparse.Namespace) -> int:
    documents = {seed.doc_id: seed.text for seed in read_seeds(args.seeds)}
    if args.doc_id not in documents:
        raise InputError.at(str(args.seeds), None, "doc_id", f"no seed article {args.doc_id!r}")
    try:
        start = locate(documents[args.doc_id], args.text, args.context, args.occurrence)
    except ValueError as error:
        raise InputError.at(args.doc_id, None, "text", str(error)) from None
    print(flow({"start": start, "end": start + len(args.text), "text": args.text}))
    return 0

"""Fill in span offsets from quoted text and rewrite annotation files in canonical form."""

from __future__ import annotations

import argparse
from pathlib import Path

from conflict_counts.annotations.locate import anchoring
from conflict_counts.annotations.reader import (
    ENTITIES_FILE,
    GROUPS_FILE,
    read_document,
    read_entities,
    read_groups,
)
from conflict_counts.annotations.writer import (
    format_document,
    format_entities,
    format_groups,
)
from conflict_counts.atomic import write_all
from conflict_counts.errors import Problem, raise_if_any
from conflict_counts.layout import SEEDS_DIR
from conflict_counts.seeds import read_seeds


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, help="annotation files or set folders")
    parser.add_argument("--seeds", type=Path, default=SEEDS_DIR, help="seed article folder")


def _files(paths: list[Path]) -> list[Path]:
    return sorted({f for p in paths for f in (sorted(p.glob("*.yaml")) if p.is_dir() else [p])})


def run(args: argparse.Namespace) -> int:
    seeds = {seed.doc_id: seed for seed in read_seeds(args.seeds)}
    problems: list[Problem] = []
    outputs: dict[Path, str] = {}
    for path in _files(args.paths):
        if path.name == ENTITIES_FILE:
            outputs[path] = format_entities(read_entities(path, problems))
        elif path.name == GROUPS_FILE:
            outputs[path] = format_groups(read_groups(path, problems))
        elif path.stem not in seeds:
            problems.append(Problem(str(path), None, "file name", "expected <doc_id>.yaml of a seed"))
        else:
            seed = seeds[path.stem]
            document, found = read_document(path, anchoring(seed.text))
            problems.extend(found)
            if document is not None:
                outputs[path] = format_document(document, seed.seed_file)
    raise_if_any(problems)  # all or nothing: no file is rewritten while any has a problem
    write_all(list(outputs.items()))
    print(f"anchored {len(outputs)} file(s)")
    return 0

"""Add a new article to the seeds and write pre-annotated Label Studio tasks and a brat copy.

The article is stored unchanged as ``seeds/articles/NNN_<doc_id>.txt`` (the next number;
the document id is the first 16 hex digits of its text's SHA-256) and its checksum is
appended to ``SHA256SUMS``. The rules baseline's output becomes the tasks' ``predictions``;
nothing enters the gold until a reviewed annotation is imported with ``conflict-counts import``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from conflict_counts.labels import LANGUAGES
from conflict_counts.layout import DATASET_DIR, GOLD_DIR, SEEDS_DIR, TASKS_DIR


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help="the article as plain UTF-8 text")
    parser.add_argument("--lang", required=True, choices=LANGUAGES, help="the article's language")
    parser.add_argument("--date", metavar="YYYY-MM", help="publication month, if known")
    parser.add_argument("--seeds", type=Path, default=SEEDS_DIR, help="seed article folder")
    parser.add_argument("--gold", type=Path, default=GOLD_DIR,
                        help="gold set whose catalogue the tasks carry")
    parser.add_argument("--dataset", type=Path, default=DATASET_DIR,
                        help="built dataset the rules baseline learns its names from")
    parser.add_argument("--out", type=Path, help=f"new folder for the tasks (default: {TASKS_DIR}/<doc_id>)")


def run(args: argparse.Namespace) -> int:
    from conflict_counts.atomic import write_all
    from conflict_counts.baselines.registry import create
    from conflict_counts.commands.extract import read_text
    from conflict_counts.exchange.folder import check_new_folder
    from conflict_counts.exchange.preannotate import predicted_document, task_folders
    from conflict_counts.exchange.transfer import write_folder
    from conflict_counts.records import Document
    from conflict_counts.seeds import new_seed
    from conflict_counts.version import __version__

    body = read_text(args.file, args.lang).text
    seed, seed_files = new_seed(args.seeds, body, args.date)
    out = args.out or TASKS_DIR / seed.doc_id
    check_new_folder(out)
    baseline = create("rules", args.dataset)
    [record] = baseline.predict([Document(seed.doc_id, seed.text, args.lang)])
    document = predicted_document(record, seed.text)
    folders = task_folders(document, seed.text, args.gold, f"rules {__version__}")
    write_all(seed_files)
    for name, files in folders.items():
        write_folder(out / name, files)
    print(f"added {args.seeds / seed.seed_file} (doc_id {seed.doc_id}); "
          f"{len(document.mentions)} mention(s) and {len(document.claims)} claim(s) pre-annotated in {out}")
    return 0


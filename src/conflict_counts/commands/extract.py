"""Run a baseline on the dataset or on any text and write predictions (README.md, Prediction format).

Input: the built dataset's documents (default), a plain-text file (one document; give
``--lang``), or JSON Lines (``.jsonl``/``.ndjson``) with ``doc_id``, ``text`` and
``language`` a line (``--lang`` fills in a missing language). Documents stream through
in batches, so memory does not grow with the input; a progress bar goes to stderr when
it is a terminal or the input is large. Learned baselines predict each dataset document
with a model that never saw it, and any other text with a model trained on all gold
documents. A bad input line stops the run with one line per problem (file, line,
field) and writes nothing.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

from conflict_counts.baselines.registry import BASELINES, LANGUAGES, create
from conflict_counts.errors import InputError, Problem
from conflict_counts.location import default_dataset_dir, describe_default
from conflict_counts.predictions.writer import write_jsonl
from conflict_counts.records import Document
from conflict_counts.wording import counted

JSONL_SUFFIXES = (".jsonl", ".ndjson")
BATCH = 64  # documents predicted together
LARGE_INPUT = 8 * 1024 * 1024  # bytes: above this a progress bar is shown even without a terminal
MAX_PROBLEMS = 50


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--baseline", required=True, metavar="NAME",
        help=f"which extractor to run: {', '.join(BASELINES)}, or package.module:factory for one's own",
    )
    parser.add_argument(
        "--input",
        metavar="FILE",
        help="plain text (one document) or JSON Lines with doc_id, text, language "
        "(default: the dataset's documents)",
    )
    parser.add_argument("--lang", choices=LANGUAGES,
                        help="language of a plain-text input (default for JSONL lines)")
    parser.add_argument("--out", required=True, metavar="FILE", help="predictions file to write (JSON Lines)")
    parser.add_argument("--gold", default=str(default_dataset_dir()), metavar="DIR",
                        help="built dataset: default input, and training data of learned baselines "
                        f"({describe_default()})")
    parser.add_argument("--batch-size", type=int, default=BATCH, help=argparse.SUPPRESS)
    add_adapter_arguments(parser.add_argument_group("model adapters (--baseline llm, --baseline hf)"))


def add_adapter_arguments(group) -> None:  # argparse group or parser
    """The options of the configured extractors; their values are checked when one is created."""
    group.add_argument("--model", metavar="NAME|PATH",
                       help="llm: model name at the endpoint; hf: local token-classification model folder")
    group.add_argument("--base-url", metavar="URL",
                       help="llm: OpenAI-compatible endpoint, e.g. http://127.0.0.1:8000/v1")
    group.add_argument("--api-key-env", metavar="VAR", default="OPENAI_API_KEY",
                       help="llm: environment variable holding the API key (default: OPENAI_API_KEY)")
    group.add_argument("--temperature", type=float, default=0.0, help="llm: sampling temperature (default 0)")
    group.add_argument("--shots", type=int, default=0, metavar="K",
                       help="llm: worked examples from other documents in the prompt (default 0)")
    group.add_argument("--concurrency", type=int, default=4, metavar="N",
                       help="llm: requests at once (default 4)")
    group.add_argument("--timeout", type=float, default=120.0, metavar="SECONDS",
                       help="llm: per request (default 120)")
    group.add_argument("--max-retries", type=int, default=4, metavar="N",
                       help="llm: retries with backoff on 429, 5xx and timeouts (default 4)")
    group.add_argument("--cache", metavar="DIR",
                       help="llm: folder of answers kept between runs; a rerun resumes from it")


def run(args: argparse.Namespace) -> int:
    _check_target(args.out, args.input)
    documents, size = _documents(args)
    baseline = create(args.baseline, args.gold, vars(args))
    progress = _progress(size)
    counts = {"documents": 0, "mentions": 0, "claims": 0}

    def records() -> Iterator[dict]:
        for batch in _batches(documents, max(1, args.batch_size)):
            for record in baseline.predict(batch):
                counts["documents"] += 1
                counts["mentions"] += len(record["mentions"])
                counts["claims"] += len(record["claims"])
                if progress is not None and size is None:
                    progress.update(1)  # documents
                yield record
            if progress is not None and size is not None:
                progress.update(sum(_byte_length(d) for d in batch))

    try:
        write_jsonl(records(), args.out)
    finally:
        if progress is not None:
            progress.close()
    print(
        f"{args.baseline}: {counted(counts['documents'], 'document')}, "
        f"{counted(counts['mentions'], 'mention')}, {counted(counts['claims'], 'claim')} -> {args.out}",
        file=sys.stderr,
    )
    summary = getattr(baseline, "summary", None)  # adapters add failures, unaligned quotes, tokens
    if callable(summary):
        print(summary(), file=sys.stderr)
    return 0


# -- inputs -----------------------------------------------------------------------------
def _documents(args: argparse.Namespace) -> tuple[Iterable[Document], int | None]:
    """The documents to predict and the input size in bytes (None: the dataset)."""
    if args.input is None:
        from conflict_counts.dataset import Dataset

        return Dataset(args.gold).documents(args.lang), None
    path = Path(args.input)
    if not path.is_file():
        raise InputError.at(args.input, None, None, "no such file")
    size = path.stat().st_size
    if path.suffix.lower() in JSONL_SUFFIXES:
        return read_jsonl(path, args.lang), size
    if args.lang is None:
        choices = ", ".join(LANGUAGES)
        message = f"required for a plain-text input (one of {choices})"
        raise InputError.at("command line", None, "--lang", message)
    return [read_text(path, args.lang)], size


def read_text(path: Path, lang: str) -> Document:
    """A plain-text file as one document; its id is the file name without the suffix."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        message = f"not valid UTF-8 (byte 0x{data[error.start]:02x})"
        raise InputError.at(str(path), line, None, message) from None
    return Document(path.stem, text.removeprefix("\ufeff"), lang)


def read_jsonl(path: Path, default_lang: str | None) -> Iterator[Document]:
    """Documents of a JSON Lines file, one line at a time.

    At the first bad line the stream stops yielding documents but reads on to the end, so
    that every problem is reported together (as one :class:`InputError`); nothing
    downstream ever sees a document after a bad line.
    """
    problems: list[Problem] = []
    seen: set[str] = set()
    name = str(path)
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            document, errors = _parse_line(raw, number, default_lang, seen)
            problems += [Problem(name, number, field, message) for field, message in errors]
            if document is not None and not problems:
                yield document
    if problems:
        total = len(problems)
        if total > MAX_PROBLEMS:
            note = Problem(name, None, None, f"{total} problems; the first {MAX_PROBLEMS} are listed")
            problems = [*problems[:MAX_PROBLEMS], note]
        raise InputError(problems)


Errors = list[tuple[str | None, str]]


def _parse_line(
    raw: bytes, number: int, default_lang: str | None, seen: set[str]
) -> tuple[Document | None, Errors]:
    from conflict_counts.jsonl import BLANK, parse_object

    record, error = parse_object(raw, number, "doc_id, text, language")
    if error is not None or record is BLANK:
        return None, [] if error is None else [(None, error)]
    assert isinstance(record, dict)
    errors: Errors = []
    doc_id, text = record.get("doc_id"), record.get("text")
    language = record.get("language", default_lang)
    if not isinstance(doc_id, str) or not doc_id.strip():
        got = f"expected a non-empty string, got {doc_id!r}"[:200]
        errors.append(("doc_id", "missing" if doc_id is None else got))
    elif doc_id in seen:
        errors.append(("doc_id", f"duplicate document id {doc_id!r}"))
    if not isinstance(text, str):
        got = f"expected a string, got {type(text).__name__}"
        errors.append(("text", "missing" if text is None else got))
    if language not in LANGUAGES:
        expected = f"{language!r} is not one of {', '.join(LANGUAGES)}"
        errors.append(("language", "missing (or give --lang)" if language is None else expected))
    if errors:
        return None, errors
    seen.add(doc_id)
    return Document(doc_id, text, language), []


# -- output and progress ------------------------------------------------------------------
def _check_target(out: str, source: str | None) -> None:
    """Fail before any work if the output cannot be written or would replace the input."""
    target = Path(out)
    if not target.resolve().parent.is_dir():
        raise InputError.at(out, None, None, "output directory does not exist")
    if target.is_dir():
        raise InputError.at(out, None, None, "is a directory, not a file")
    if source is not None and Path(source).resolve() == target.resolve():
        raise InputError.at(out, None, None, "would overwrite the input file")


def _batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(documents)
    while batch := list(islice(iterator, size)):
        yield batch


def _byte_length(document: Document) -> int:
    return len(document.text.encode("utf-8"))


def _progress(size: int | None):  # -> tqdm | None
    """A progress bar on stderr when it is a terminal or the input is large, else None."""
    large = size is not None and size >= LARGE_INPUT
    if not (sys.stderr.isatty() or large):
        return None
    from tqdm import tqdm

    if size is None:
        return tqdm(unit="doc", file=sys.stderr, desc="extract")
    return tqdm(total=size, unit="B", unit_scale=True, file=sys.stderr, desc="extract")

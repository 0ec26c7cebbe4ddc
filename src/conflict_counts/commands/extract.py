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
import gc
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import TypeVar

from conflict_counts.atomic import write_lines
from conflict_counts.baselines.registry import BASELINES, LANGUAGES, create
from conflict_counts.errors import InputError, Problem, capped, quote
from conflict_counts.location import default_dataset_dir, describe_default
from conflict_counts.predictions.format import dumps
from conflict_counts.predictions.writer import PREDICTION_FILE
from conflict_counts.records import Document
from conflict_counts.targets import check_output_files
from conflict_counts.wording import counted

JSONL_SUFFIXES = (".jsonl", ".ndjson")
# Inputs that are neither JSON Lines nor an article's plain text, and what to do instead.
NOT_PLAIN_TEXT = {
    ".json": "a .json file is read neither as one document nor as many: give JSON Lines "
             "(one document a line) a .jsonl name",
    ".parquet": "Parquet input is read by --engine ray (pip install 'conflict-counts[scale]')",
}
BATCH = 64  # documents predicted together
LARGE_INPUT = 8 * 1024 * 1024  # bytes: above this a progress bar is shown even without a terminal
MAX_PROBLEMS = 50
T = TypeVar("T")


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
    parser.add_argument("--contrast", action="store_true",
                        help="predict the dataset's contrast items instead of its documents "
                        "(each holding out the gold document it was derived from)")
    parser.add_argument("--lang", choices=LANGUAGES,
                        help="language of a plain-text input (default for JSONL lines)")
    parser.add_argument("--out", required=True, metavar="FILE",
                        help="predictions file to write (JSON Lines): new, empty, "
                        "or a prediction file written before (any other file is refused)")
    parser.add_argument("--gold", default=str(default_dataset_dir()), metavar="DIR",
                        help="built dataset: default input, and training data of learned baselines "
                        f"({describe_default()})")
    parser.add_argument("--batch-size", type=int, default=BATCH, help=argparse.SUPPRESS)
    parser.add_argument(
        "--jobs", type=int, metavar="N",
        help="worker processes, each predicting whole batches of documents (default: all cores); "
        "output is identical and in input order for any N. Model adapters (llm, hf) run in one process",
    )
    parser.add_argument(
        "--engine", choices=("local", "ray"), default="local",
        help="local: this machine, JSON Lines out; ray: Ray Data reads JSONL or Parquet, maps the "
        "extractor over batches and writes Parquet parts into the new directory --out "
        "(pip install 'conflict-counts[scale]')",
    )
    parser.add_argument("--ray-address", metavar="ADDRESS",
                        help="ray: a running cluster (ray://head:10001, or auto); default: a local Ray")
    add_adapter_arguments(parser.add_argument_group("model adapters (--baseline llm, --baseline hf)"))


def add_adapter_arguments(group) -> None:  # argparse group or parser
    """The options of the configured extractors; their values are checked when one is created.

    None of them has a default here (the adapter applies its own), so that an option given to
    an extractor it does not apply to can be refused.
    """
    group.add_argument("--model", metavar="NAME|PATH",
                       help="llm: model name at the endpoint; hf: local token-classification model folder")
    group.add_argument("--base-url", metavar="URL",
                       help="llm: OpenAI-compatible endpoint, e.g. http://127.0.0.1:8000/v1")
    group.add_argument("--api-key-env", metavar="VAR",
                       help="llm: environment variable holding the API key (default: OPENAI_API_KEY)")
    group.add_argument("--temperature", type=float, help="llm: sampling temperature (default 0)")
    group.add_argument("--shots", type=int, metavar="K",
                       help="llm: worked examples from other documents in the prompt (default 0)")
    group.add_argument("--concurrency", type=int, metavar="N",
                       help="llm: requests at once (default 4)")
    group.add_argument("--timeout", type=float, metavar="SECONDS",
                       help="llm: per request (default 120)")
    group.add_argument("--max-retries", type=int, metavar="N",
                       help="llm: retries with backoff on 429, 5xx and timeouts (default 4)")
    group.add_argument("--cache", metavar="DIR",
                       help="llm: folder of answers kept between runs; a rerun resumes from it")


def run(args: argparse.Namespace) -> int:
    if args.engine != "ray":  # Ray writes a new directory of parts, which ray_engine checks
        check_output_files({"--out": (args.out, PREDICTION_FILE)}, [args.input, args.gold])
    _check_adapter_options(args)
    if args.jobs is not None and args.jobs < 1:
        raise InputError.at("command line", None, "--jobs", f"must be at least 1, got {args.jobs}")
    if args.engine == "ray":
        return _run_ray(args)
    documents, size = _documents(args)
    baseline = create(args.baseline, args.gold, vars(args))
    jobs = _jobs(args, baseline)
    progress = _progress(size)
    counts = {"documents": 0, "mentions": 0, "claims": 0}

    def lines() -> Iterator[str]:
        batch_size = max(1, args.batch_size)
        if jobs > 1 and _forks() and args.input and Path(args.input).suffix.lower() in JSONL_SUFFIXES:
            predicted_batches = _predict_jsonl(Path(args.input), args.lang, baseline, jobs, batch_size)
        else:
            predicted_batches = _predict_batches(baseline, _batches(documents, batch_size), jobs)
        for read, predicted in predicted_batches:
            for line, mentions, claims in predicted:
                counts["documents"] += 1
                counts["mentions"] += mentions
                counts["claims"] += claims
                if progress is not None and size is None:
                    progress.update(1)  # documents
                yield line
            if progress is not None and size is not None:
                progress.update(read)

    try:
        write_lines(args.out, lines())
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
    totals = getattr(baseline, "totals", None)
    failed = totals()["failed"] if callable(totals) else 0
    if failed:
        # The file is complete (a failed document has a record without labels, which scores as
        # missed), but a run with failures is not a clean result: say so in the exit status.
        print(f"error: {failed} of {counted(counts['documents'], 'document')} failed; "
              f"their records in {args.out} are empty", file=sys.stderr)
        return 1
    return 0


def _check_adapter_options(args: argparse.Namespace) -> None:
    """An adapter option given to a baseline that takes none is a mistake worth one line."""
    entry = BASELINES.get(args.baseline)
    if entry is None or entry.configured:
        return
    probe = argparse.ArgumentParser(add_help=False)
    add_adapter_arguments(probe)
    for action in probe._actions:
        if getattr(args, action.dest, None) is not None:
            message = f"applies to the model adapters (--baseline llm or hf), not to {args.baseline}"
            raise InputError.at("command line", None, action.option_strings[0], message)


def _run_ray(args: argparse.Namespace) -> int:
    """Ray Data over the input (default: the dataset's documents table); bad rows reported."""
    try:
        import ray  # noqa: F401
    except ImportError:
        message = "Ray is not installed (pip install 'conflict-counts[scale]')"
        raise InputError.at("command line", None, "--engine", message) from None
    from conflict_counts import ray_engine
    from conflict_counts.dataset import table_path

    source = args.input or str(table_path(Path(args.gold), "documents"))
    if "://" not in source and not Path(source).exists():
        raise InputError.at(source, None, None, "no such file")
    baseline = create(args.baseline, args.gold, vars(args))
    written, bad = ray_engine.run(
        source, args.out, baseline, address=args.ray_address, num_cpus=args.jobs,
        batch_size=max(1, args.batch_size), default_language=args.lang,
    )
    for doc_id, error in bad:
        print(f"error: {source}: doc_id {doc_id!r}: {error} (row left out)", file=sys.stderr)
    print(f"{args.baseline} on ray: {written} documents -> {args.out}"
          + (f"; {len(bad)} bad rows left out" if bad else ""), file=sys.stderr)
    return 1 if bad else 0


# -- parallel prediction ------------------------------------------------------------------
_WORKER_EXTRACTOR = None  # the extractor a forked worker inherits from the parent


def _jobs(args: argparse.Namespace, extractor: object) -> int:
    """Worker processes: --jobs, else every core this process may use; 1 for model adapters.

    Adapters (``configured`` in the registry: llm, hf) call a model or an endpoint with their
    own concurrency, and an extractor with a ``summary`` keeps run statistics that workers
    would lose, so these stay in this process.
    """
    adapter = ":" not in args.baseline and BASELINES[args.baseline].configured
    if adapter or callable(getattr(extractor, "summary", None)):
        return 1
    if args.jobs is not None:
        return args.jobs
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


Lines = list[tuple[str, int, int]]  # (JSON line, its mentions, its claims) a document


def _predict_lines(extractor, batch: list[Document]) -> Lines:
    """The batch's output lines, serialised where they are predicted: a worker hands back
    strings, which cost next to nothing to pass, not records for this process to encode.
    An extractor with ``predict_lines`` writes its lines itself (the rules, faster)."""
    lines = getattr(extractor, "predict_lines", None)
    if callable(lines):
        return list(lines(batch))
    return [(dumps(r), len(r["mentions"]), len(r["claims"])) for r in extractor.predict(batch)]


def _predict_batch(batch: list[Document]) -> Lines:
    return _predict_lines(_WORKER_EXTRACTOR, batch)


def _forks() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _predict_batches(
    extractor, batches: Iterable[list[Document]], jobs: int
) -> Iterator[tuple[int, Lines]]:
    """(the batch's text bytes, its lines) in input order; with ``jobs`` > 1 forked workers
    predict ahead (see :func:`_in_workers`)."""
    if jobs == 1 or not _forks():
        for batch in batches:
            yield sum(_byte_length(d) for d in batch), _predict_lines(extractor, batch)
        return
    for batch, lines in _in_workers(extractor, _predict_batch, ((b,) for b in batches), jobs):
        yield sum(_byte_length(d) for d in batch[0]), lines


Read = list[tuple[int, str | None, tuple[str, int, int] | None, "Errors"]]


def _read_and_predict(batch: list[tuple[int, bytes]], default_lang: str | None, predict: bool) -> Read:
    """In a worker: each raw line read alone (:func:`_read_line`) and, unless the input was
    already found bad, its document predicted: (line number, usable doc_id, its output line or
    None, problems)."""
    read = [(number, *_read_line(raw, number, default_lang)) for number, raw in batch]
    documents = [d for _, _, d, _ in read if d is not None] if predict else []
    predicted = iter(_predict_lines(_WORKER_EXTRACTOR, documents))
    return [(number, doc_id, None if d is None else next(predicted, ("", 0, 0)), errors)
            for number, doc_id, d, errors in read]


def _predict_jsonl(
    path: Path, default_lang: str | None, extractor, jobs: int, batch_size: int
) -> Iterator[tuple[int, Lines]]:
    """What ``read_jsonl`` and ``_predict_batches`` give together, with the reading in the
    workers too: this process only splits the file into lines, checks that no doc_id repeats
    and hands on the finished lines, so it keeps up with the workers. The same problems
    (every one, together, at the end), and no line after the first bad one."""
    name = str(path)
    problems: list[Problem] = []
    seen: set[str] = set()

    def raw_batches() -> Iterator[tuple[list[tuple[int, bytes]], str | None, bool]]:
        with path.open("rb") as handle:
            numbered = enumerate(handle, start=1)
            while batch := list(islice(numbered, batch_size)):
                yield batch, default_lang, not problems  # after a bad line: read on, predict no more

    for (batch, *_), read in _in_workers(extractor, _read_and_predict, raw_batches(), jobs):
        lines: Lines = []
        for number, doc_id, predicted, errors in read:
            found, errors = _unique(doc_id, predicted, errors, seen)
            problems += [Problem(name, number, field, message) for field, message in errors]
            if found is not None and not problems:
                lines.append(found)
        yield sum(len(raw) for _, raw in batch), lines
    if problems:
        raise InputError(capped(name, problems, MAX_PROBLEMS))


def _in_workers(extractor, function, arguments: Iterable[tuple], jobs: int) -> Iterator[tuple[tuple, object]]:
    """(arguments, ``function(*arguments)``) in input order, computed by ``jobs`` forked workers.

    Workers are forked after the extractor was built and warmed up (its ``warm_up``, if it
    has one: compiled patterns and filled caches), so they share its (read-only) model and
    start ready; nothing is pickled but the arguments and the results. At most
    ``2 × jobs`` calls are in flight, so memory stays flat on any input.
    """
    global _WORKER_EXTRACTOR
    warm_up = getattr(extractor, "warm_up", None)
    if callable(warm_up):
        warm_up()
    _WORKER_EXTRACTOR = extractor
    # What the workers inherit is left out of their garbage collections, which would otherwise
    # touch (and so copy) every page of it in every worker.
    gc.freeze()
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            pending: deque = deque()
            for args in arguments:
                pending.append((args, pool.apply_async(function, args)))
                if len(pending) >= 2 * jobs:
                    done, result = pending.popleft()
                    yield done, result.get()
            while pending:
                done, result = pending.popleft()
                yield done, result.get()
    finally:
        _WORKER_EXTRACTOR = None
        gc.unfreeze()


# -- inputs -----------------------------------------------------------------------------
def _documents(args: argparse.Namespace) -> tuple[Iterable[Document], int | None]:
    """The documents to predict and the input size in bytes (None: the dataset)."""
    if args.input is None:
        from conflict_counts.dataset import Dataset

        if args.contrast:
            items = Dataset(args.gold).contrast_documents()
            return [d for d in items if args.lang is None or d.language == args.lang], None
        return Dataset(args.gold).documents(args.lang), None
    if args.contrast:
        raise InputError.at("command line", None, "--contrast", "reads the dataset: give no --input")
    path = Path(args.input)
    if not path.is_file():
        raise InputError.at(args.input, None, None, "no such file")
    size = path.stat().st_size
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return read_jsonl(path, args.lang), size
    if suffix in NOT_PLAIN_TEXT:  # read as one plain-text article, these would give nonsense
        raise InputError.at(args.input, None, "--input", NOT_PLAIN_TEXT[suffix])
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
        raise InputError(capped(name, problems, MAX_PROBLEMS))


Errors = list[tuple[str | None, str]]


def _parse_line(
    raw: bytes, number: int, default_lang: str | None, seen: set[str]
) -> tuple[Document | None, Errors]:
    return _unique(*_read_line(raw, number, default_lang), seen)


def _read_line(
    raw: bytes, number: int, default_lang: str | None
) -> tuple[str | None, Document | None, Errors]:
    """The line's document, or its problems, each line alone; first its ``doc_id`` if that
    is a usable one, for :func:`_unique` (a forked worker reads lines, this process checks
    the ids)."""
    from conflict_counts.jsonl import BLANK, parse_object

    record, error = parse_object(raw, number, "doc_id, text, language")
    if error is not None or record is BLANK:
        return None, None, [] if error is None else [(None, error)]
    assert isinstance(record, dict)
    errors: Errors = []
    doc_id, text = record.get("doc_id"), record.get("text")
    language = record.get("language", default_lang)
    usable = isinstance(doc_id, str) and bool(doc_id.strip())
    if not usable:
        got = f"expected a non-empty string, got {quote(doc_id)}"
        errors.append(("doc_id", "missing" if doc_id is None else got))
    if not isinstance(text, str):
        got = f"expected a string, got {type(text).__name__}"
        errors.append(("text", "missing" if text is None else got))
    if language not in LANGUAGES:
        expected = f"{quote(language)} is not one of {', '.join(LANGUAGES)}"
        errors.append(("language", "missing (or give --lang)" if language is None else expected))
    return (doc_id if usable else None), (None if errors else Document(doc_id, text, language)), errors


def _unique(
    doc_id: str | None, document: T | None, errors: Errors, seen: set[str]
) -> tuple[T | None, Errors]:
    """A second line with a ``doc_id`` already read is a problem of its own (the first one).

    ``document`` is the line's document, or what a worker made of it (None: a problem)."""
    if doc_id is not None and doc_id in seen:
        return None, [("doc_id", f"duplicate document id {quote(doc_id)}"), *errors]
    if document is not None:
        seen.add(doc_id)
    return document, errors


# -- output and progress ------------------------------------------------------------------
def _batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(documents)
    while batch := list(islice(iterator, size)):
        yield batch


def _byte_length(document: Document) -> int:
    text = document.text
    return len(text) if text.isascii() else len(text.encode("utf-8"))  # isascii: no scan


def _progress(size: int | None):  # -> tqdm | None
    """A progress bar on stderr when it is a terminal or the input is large, else None."""
    large = size is not None and size >= LARGE_INPUT
    if not (sys.stderr.isatty() or large):
        return None
    from tqdm import tqdm

    if size is None:
        return tqdm(unit="doc", file=sys.stderr, desc="extract")
    return tqdm(total=size, unit="B", unit_scale=True, file=sys.stderr, desc="extract")

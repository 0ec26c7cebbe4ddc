"""Build, validate, run every baseline, score each, and print the leaderboard.

The main job of the project (README.md, Quick start): ``build`` (refreshing the dataset card unless
``--no-card``), ``validate``, then each baseline of the registry on the dataset (learned
ones leave-one-document-out) and ``score`` of its predictions. The leaderboard (per task
and per language, F1 with its 95 % bootstrap interval) goes to stdout and, unless
``--no-card``, into the ``leaderboard`` block of README.md, which is therefore never
typed by hand. A baseline whose optional dependency is missing is listed as skipped.
Predictions go to a temporary folder, or to ``--keep DIR``.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from conflict_counts import version
from conflict_counts.baselines.registry import BASELINES
from conflict_counts.baselines.registry import TASKS as TASK_NAMES
from conflict_counts.errors import InputError
from conflict_counts.labels import LANGUAGES
from conflict_counts.layout import CARD, CHANGELOG, DATASET_DIR, GOLD_DIR, SEEDS_DIR

BLOCK = "leaderboard"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--no-card", action="store_true",
                        help="neither refresh the dataset card nor write the leaderboard into it")
    parser.add_argument("--keep", metavar="DIR", type=Path, help="keep the prediction files in DIR")
    parser.add_argument("--seeds", type=Path, default=SEEDS_DIR, help="seed article folder")
    parser.add_argument("--annotations", type=Path, default=GOLD_DIR, help="gold annotation folder")
    parser.add_argument("--out", type=Path, default=DATASET_DIR, help="dataset folder to build and score on")
    parser.add_argument("--card", type=Path, default=CARD, help="dataset card (default: README.md)")
    parser.add_argument("--changelog", type=Path, default=CHANGELOG, help="changelog (default: CHANGELOG.md)")
    parser.add_argument("--samples", type=int, default=None,
                        help="bootstrap replicates for the intervals (default: the scorer's)")
    parser.add_argument("--system", action="append", default=[], metavar="NAME:key=value,...",
                        help="also run a model adapter with the options of `extract`, e.g. "
                        "llm:model=NAME,base-url=http://127.0.0.1:8000/v1,shots=2 or hf:model=PATH "
                        "(repeatable)")


@dataclass(frozen=True)
class Result:
    """One leaderboard row: a baseline's score report, or why it was skipped."""
    name: str
    description: str
    report: dict | None  # None: skipped
    note: str = ""
    tasks: tuple[str, ...] = TASK_NAMES  # attempted; the others show "–"
    languages: tuple[str, ...] = LANGUAGES  # covered; the others get no per-language row


def run(args: argparse.Namespace) -> int:
    from conflict_counts.scorer import bootstrap

    samples = bootstrap.SAMPLES if args.samples is None else args.samples
    if samples < 0:
        raise InputError.at("command line", None, "--samples", f"must be >= 0, got {samples}")
    systems = [parse_system(spec) for spec in args.system]
    with contextlib.redirect_stdout(sys.stderr):  # stdout carries the leaderboard only
        _command("build", _build_argv(args))
        _command("validate", [str(args.out)])
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
        results = _run_baselines(args.out, args.keep, samples, systems)
    else:
        with tempfile.TemporaryDirectory(prefix="conflict-counts-benchmark-") as folder:
            results = _run_baselines(args.out, Path(folder), samples, systems)
    table = leaderboard(results, samples)
    sys.stdout.write(table)
    if not args.no_card:
        write_leaderboard(args.card, table)
    return 0


def _build_argv(args: argparse.Namespace) -> list[str]:
    argv = ["--seeds", str(args.seeds), "--annotations", str(args.annotations), "--out", str(args.out),
            "--changelog", str(args.changelog)]
    return [*argv, "--no-card"] if args.no_card else [*argv, "--card", str(args.card)]


def _command(name: str, argv: list[str]) -> None:
    """Run another subcommand exactly as the command line would."""
    module = importlib.import_module(f"conflict_counts.commands.{name}")
    parser = argparse.ArgumentParser(prog=f"conflict-counts {name}")
    module.add_arguments(parser)
    status = module.run(parser.parse_args(argv))
    if status:
        raise InputError.at(name, None, None, f"exited with status {status}")


System = tuple[str, str, dict]  # leaderboard row name, registry name, options


def parse_system(spec: str) -> System:
    """``llm:model=m,base-url=u`` → ("llm:m", "llm", options as `extract` would parse them)."""
    from conflict_counts.commands.extract import add_adapter_arguments

    def fail(message: str) -> InputError:
        return InputError.at("command line", None, "--system", f"{spec[:80]!r}: {message}")

    name, _, pairs = spec.partition(":")
    configured = [n for n, e in BASELINES.items() if e.configured]
    if name not in configured:
        raise fail(f"expected one of {', '.join(configured)} before ':'")
    argv = []
    for pair in filter(None, pairs.split(",")):
        key, equals, value = pair.partition("=")
        if not equals or not key.strip():
            raise fail(f"expected key=value, got {pair[:80]!r}")
        argv += [f"--{key.strip().replace('_', '-')}", value]
    parser = argparse.ArgumentParser(prog="--system", add_help=False, exit_on_error=False)
    add_adapter_arguments(parser)
    try:
        options, unknown = parser.parse_known_args(argv)
    except argparse.ArgumentError as error:
        raise fail(str(error)) from None
    if unknown:
        raise fail(f"unknown option {unknown[0].lstrip('-')!r}")
    model = str(options.model or "")
    shown = Path(model).name if Path(model).is_dir() else model
    return (f"{name}:{shown}" if shown else name), name, vars(options)


def _run_baselines(dataset: Path, folder: Path, samples: int, systems: list[System] = ()) -> list[Result]:
    from conflict_counts.baselines.registry import create

    results = []
    for name, entry in BASELINES.items():
        if entry.configured:
            continue  # a model adapter: run only when configured with --system
        if not entry.available():
            print(f"{name}: skipped: {entry.missing}", file=sys.stderr)
            note = f"skipped: {entry.missing.split(' (')[0]}"
            results.append(Result(name, entry.summary, None, note, entry.tasks, entry.languages))
            continue
        results.append(_result(name, create(name, dataset), dataset, folder, samples))
    for row, name, options in systems:
        results.append(_result(row, create(name, dataset, options), dataset, folder, samples))
    return results


def _result(row: str, extractor, dataset: Path, folder: Path, samples: int) -> Result:
    """Run one extractor on the dataset, write its predictions to ``folder`` and score them."""
    import re

    from conflict_counts.dataset import Dataset
    from conflict_counts.predictions.writer import write_jsonl
    from conflict_counts.scorer.api import score

    entry = BASELINES[row.split(":")[0]]
    path = folder / (re.sub(r"[^\w.-]+", "-", row) + ".jsonl")
    write_jsonl(extractor.predict(Dataset(dataset).documents()), path)
    summary = getattr(extractor, "summary", None)
    if callable(summary):
        print(summary(), file=sys.stderr)
    report = score(path, dataset, samples=samples)
    print(f"{row}: predictions {path}, scored", file=sys.stderr)
    return Result(row, extractor.description, report, "", entry.tasks, entry.languages)


# -- the leaderboard ---------------------------------------------------------------------
def _f1(score: dict) -> str:
    interval = score.get("f1_ci")
    ci = f" [{interval[0]:.2f}, {interval[1]:.2f}]" if interval else ""
    return f"{score['f1']:.3f}{ci}"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    from conflict_counts.markdown import table

    return [*table(header, rows), ""]


# column, task (registry.TASKS), path into the score report
COLUMNS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("entities strict", "entities", ("entities", "strict")),
    ("linking B³", "linking", ("linking", "bcubed")),
    ("claims span", "spans", ("claims", "span_strict")),
    ("claims value", "values", ("claims", "value")),
    ("claims attribution", "attribution", ("claims", "attribution")),
    ("claims full", "full", ("claims", "full")),
    ("groups CoNLL", "groups", ("groups", "conll")),
)
PER_LANGUAGE: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("entities strict", "entities", ("entities", "strict")),
    ("claims span", "spans", ("claims", "span_strict")),
    ("claims value", "values", ("claims", "value")),
    ("claims full", "full", ("claims", "full")),
)


def _per_language(path: tuple[str, ...], lang: str) -> tuple[str, ...]:
    return (path[0], "per_language", lang, *path[1:])


def _cell(result: Result, task: str, path: tuple[str, ...]) -> str:
    """F1 [CI], or "–" for a task the baseline does not attempt."""
    from conflict_counts.scorer.api import at_path

    return _f1(at_path(result.report, path)) if task in result.tasks else "–"


def leaderboard(results: list[Result], samples: int) -> str:
    """The markdown leaderboard: per task, then per language, then what each baseline is."""
    scored = [r for r in results if r.report is not None]
    lines = [
        f"<!-- generated by `conflict-counts benchmark`; do not edit (dataset {version.__version__}) -->",
        f"F1 over all documents with 95 % intervals from a paired bootstrap over sentences "
        f"({samples} replicates, seed 0); each document is predicted by a model or gazetteer that "
        "never saw it (leave-one-document-out). – : a task the baseline does not attempt.",
        "",
    ]
    lines += _table(
        ["baseline", *(name for name, _, _ in COLUMNS)],
        [[r.name, *(_cell(r, task, path) for _, task, path in COLUMNS)] for r in scored]
        + [[r.name, r.note, *("–" for _ in COLUMNS[1:])] for r in results if r.report is None],
    )
    lines += ["Per language (a baseline's own languages):", ""]
    rows = [
        [r.name, lang, *(_cell(r, task, _per_language(path, lang)) for _, task, path in PER_LANGUAGE)]
        for r in scored
        for lang in LANGUAGES
        if lang in r.languages
    ]
    lines += _table(["baseline", "language", *(name for name, _, _ in PER_LANGUAGE)], rows)
    for r in results:
        covers = "" if set(LANGUAGES) <= set(r.languages) else (
            f"; covers {', '.join(r.languages)} only, so its overall scores count the other languages' "
            "items as missed"
        )
        lines.append(f"- `{r.name}`: {r.description}{covers}" + (f" ({r.note})" if r.note else ""))
    return "\n".join(lines) + "\n"


def write_leaderboard(card: Path, table: str) -> None:
    """Put the leaderboard into the card's ``leaderboard`` block, leaving everything else as it is."""
    from conflict_counts.atomic import write_text
    from conflict_counts.builder.card import replace_block

    if not card.is_file():
        raise InputError.at(str(card), None, None, "no such file (use --no-card to skip the card)")
    text = card.read_text(encoding="utf-8")
    updated = replace_block(text, BLOCK, table)
    if f"<!-- BEGIN {BLOCK} -->" not in text:
        raise InputError.at(str(card), None, None, f"has no <!-- BEGIN {BLOCK} --> block")
    if updated != text:
        write_text(card, updated)

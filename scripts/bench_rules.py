"""Speed and memory of the ``rules`` baseline (issue 5): prints a markdown table.

A corpus of at least 50 MB is made by repeating the seed articles (the dataset's
documents, each copy with its own doc_id) as JSON Lines. Each measurement runs in its
own subprocess on one core, streams a prefix of the corpus through the system and
reports characters per second and that process's peak resident memory, so two corpus
sizes show whether memory stays flat:

* ``rules``: the rules baseline as ``conflict-counts extract`` runs it on held-out text
  (every document predicted and serialised to JSON);
* ``quantulum3``: the peer reference on the English article, repeated (it is slow, so it
  gets smaller corpora; its rate is what compares);
* ``floor``: a bare ``re.finditer(r"\\d+")`` scan, the least any number finder must do.

Set-up (imports, gazetteer, unit tables) is outside the timed loop but inside the
memory figure. A second table times the rules on one sentence without sentence
punctuation of growing length (``--long-sizes``): microseconds per character must stay
flat (linear), where they used to grow with the length (50 kB took over a minute).
Usage: ``python scripts/bench_rules.py [--sizes 25 50] [--quantulum-sizes 0.25 0.5]
[--long-sizes 50000 200000 1000000] [--long-only]``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

MB = 1_000_000
ONE_CORE = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


# -- the corpus ----------------------------------------------------------------------------
def make_corpus(gold: Path, target: Path, megabytes: float, language: str | None = None) -> int:
    """Repeat the dataset's documents (optionally one language) into ``target``; returns bytes."""
    from conflict_counts.dataset import Dataset

    documents = Dataset(gold).documents(language)
    if not documents:
        raise SystemExit(f"no documents in {gold} (run `conflict-counts build`)")
    written, copy = 0, 0
    with target.open("w", encoding="utf-8") as handle:
        while written < megabytes * MB:
            for document in documents:
                line = json.dumps(
                    {"doc_id": f"{document.doc_id}-{copy}", "text": document.text,
                     "language": document.language},
                    ensure_ascii=False,
                ) + "\n"
                handle.write(line)
                written += len(line.encode("utf-8"))
            copy += 1
    return written


def _prefix(corpus: Path, limit: int) -> Iterator[dict]:
    """Documents of the corpus until ``limit`` bytes of it have been read (streamed)."""
    read = 0
    with corpus.open("rb") as handle:
        for raw in handle:
            if read >= limit:
                return
            read += len(raw)
            yield json.loads(raw)


# -- one measurement (runs in a subprocess) --------------------------------------------------
def worker(kind: str, corpus: Path, limit: int, gold: Path) -> dict:
    from conflict_counts.predictions.format import dumps
    from conflict_counts.records import Document

    if kind == "rules":
        from conflict_counts.baselines.rules import RulesBaseline
        from conflict_counts.baselines.training import GoldData

        baseline = RulesBaseline(GoldData.load(gold))
        baseline.gazetteer_for("")  # learn the gazetteer before the clock starts
    elif kind == "quantulum":
        from conflict_counts.baselines.peer import QuantulumBaseline

        baseline = QuantulumBaseline()
        baseline.claims("about 100 people")  # load quantulum's unit tables first
    chars = 0
    start = time.perf_counter()
    if kind == "floor":
        pattern = re.compile(r"\d+")
        for record in _prefix(corpus, limit):
            chars += len(record["text"])
            for _ in pattern.finditer(record["text"]):
                pass
    else:
        def documents() -> Iterator[Document]:
            nonlocal chars
            for record in _prefix(corpus, limit):
                chars += len(record["text"])
                yield Document(record["doc_id"], record["text"], record["language"])

        for prediction in baseline.predict(documents()):
            dumps(prediction)
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"chars": chars, "seconds": seconds, "peak_mb": peak_kb / 1024}


def measure(kind: str, corpus: Path, limit: int, gold: Path) -> dict:
    command = [sys.executable, __file__, "--worker", kind, "--corpus", str(corpus), "--limit", str(limit),
               "--gold", str(gold)]
    env = {**os.environ, **ONE_CORE}
    out = subprocess.run(command, check=True, capture_output=True, text=True, env=env)
    return json.loads(out.stdout.strip().splitlines()[-1])


# -- one long sentence -----------------------------------------------------------------------
LONG_UNIT = "och vakterna i lägret letade efter dem som flytt medan SDF uppger att minst 23 personer greps "


def long_sentences(sizes: list[int]) -> str:
    """Rules on single sentences of ``sizes`` characters: time per character against the shortest."""
    from conflict_counts.baselines.rules import Gazetteer, analyse
    from conflict_counts.records import Document

    gazetteer = Gazetteer()
    analyse(Document("warm-up", LONG_UNIT, "sv"), gazetteer)
    lines = [
        "| sentence (characters) | seconds | µs per character | ratio to the shortest |",
        "|---:|---:|---:|---:|",
    ]
    first = None
    for size in sizes:
        text = (LONG_UNIT * (size // len(LONG_UNIT) + 1))[:size]
        start = time.perf_counter()
        analyse(Document("long", text, "sv"), gazetteer)
        per_char = (time.perf_counter() - start) / size * 1e6
        first = first or per_char
        lines.append(f"| {size:,} | {per_char * size / 1e6:.2f} | {per_char:.1f} | {per_char / first:.2f} |")
    return "\n".join(lines)


# -- the table ----------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs=2, default=(25.0, 50.0), help="corpus sizes in MB")
    parser.add_argument("--quantulum-sizes", type=float, nargs=2, default=(0.25, 0.5),
                        help="English corpus sizes in MB for quantulum3")
    parser.add_argument("--gold", type=Path, default=Path("dataset"))
    parser.add_argument("--long-sizes", type=int, nargs="+", default=[50_000, 200_000, 1_000_000],
                        help="lengths of the single long sentences, in characters")
    parser.add_argument("--long-only", action="store_true", help="only the long-sentence table")
    parser.add_argument("--jobs-size", type=float, default=10.0,
                        help="MB of corpus for the `extract --jobs` ratio (0: skip)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--limit", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, args.corpus, args.limit, args.gold)))
        return 0
    if args.long_only:
        print(long_sentences(args.long_sizes))
        return 0

    from conflict_counts.baselines.peer import available

    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-rules-") as folder:
        corpus, english = Path(folder) / "corpus.jsonl", Path(folder) / "english.jsonl"
        total = make_corpus(args.gold, corpus, max(*args.sizes, args.jobs_size))
        print(f"corpus: {total / MB:.1f} MB of repeated seed articles", file=sys.stderr)
        plan = [(kind, corpus, size) for kind in ("rules", "floor") for size in args.sizes]
        if available():
            make_corpus(args.gold, english, max(args.quantulum_sizes), language="en")
            plan += [("quantulum", english, size) for size in args.quantulum_sizes]
        else:
            print("quantulum3: skipped: quantulum3 not installed", file=sys.stderr)
        for kind, path, size in plan:
            print(f"measuring {kind} on {size:g} MB ...", file=sys.stderr)
            result = measure(kind, path, int(size * MB), args.gold)
            rows.append((kind, size, result))
        parallel = jobs_ratio(corpus, args.gold, args.jobs_size, Path(folder)) if args.jobs_size else ""
    print(table(rows))
    print()
    print(long_sentences(args.long_sizes))
    if parallel:
        print(parallel)
    return 0


def jobs_ratio(corpus: Path, gold: Path, megabytes: float, folder: Path) -> str:
    """Wall seconds of the whole ``extract`` command with --jobs 1 and --jobs 2 on one input
    (the outputs must be byte-identical), and of its set-up alone (a one-document input),
    so the ratio is shown for the command and for the extraction after set-up. Every other
    process on the machine counts against it."""
    prefix, single = folder / "jobs.jsonl", folder / "single.jsonl"
    with prefix.open("w", encoding="utf-8") as handle, single.open("w", encoding="utf-8") as one:
        for index, record in enumerate(_prefix(corpus, int(megabytes * MB))):
            line = json.dumps(record, ensure_ascii=False) + "\n"
            handle.write(line)
            if index == 0:
                one.write(line)

    def timed(source: Path, jobs: int) -> tuple[float, bytes]:
        out = folder / f"jobs{jobs}-{source.stem}.out.jsonl"
        command = [sys.executable, "-m", "conflict_counts.cli", "extract", "--baseline", "rules",
                   "--gold", str(gold), "--input", str(source), "--out", str(out), "--jobs", str(jobs)]
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env={**os.environ, **ONE_CORE})
        return time.perf_counter() - start, out.read_bytes()

    print(f"measuring extract --jobs 1 and 2 on {megabytes:g} MB ...", file=sys.stderr)
    (one, first), (two, second) = timed(prefix, 1), timed(prefix, 2)
    setup = timed(single, 1)[0]
    same = "identical" if first == second else "DIFFERENT"
    work = (one - setup) / (two - setup) if two > setup else float("nan")
    return (
        f"\nextract --baseline rules on {megabytes:g} MB, wall seconds: --jobs 1 {one:.1f} s, "
        f"--jobs 2 {two:.1f} s: {one / two:.2f}× for the whole command; set-up alone {setup:.1f} s, "
        f"so {work:.2f}× for the extraction (target ≥ 1.8× on 2 cores; {os.cpu_count()} cores, "
        f"shared with other work); outputs {same}"
    )


NAMES = {
    "rules": "rules baseline",
    "floor": r'floor: `re.finditer(r"\d+")`',
    "quantulum": "quantulum3 (English)",
}


def table(rows: list[tuple[str, float, dict]]) -> str:
    lines = [
        "| system | corpus | characters | seconds | MB/s (10⁶ chars/s) | peak RSS (MB) |",
        "|---|---|---|---|---|---|",
    ]
    for kind, size, r in rows:
        rate = r["chars"] / r["seconds"] / MB if r["seconds"] else float("inf")
        lines.append(
            f"| {NAMES[kind]} | {size:g} MB | {r['chars']:,} | {r['seconds']:.1f} | {rate:.2f} "
            f"| {r['peak_mb']:.0f} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())

"""Speed and memory of the ``rules`` baseline: prints markdown tables and the target ratios.

Three corpora are made as JSON Lines: the seed articles repeated (each copy with its own
doc_id, at least 50 MB), claim-dense text (documents recombined from the gold sentences
that hold a claim, digits varied), and the English article repeated. Each measurement
runs in its own subprocess on one core, streams a prefix of a corpus through the system
and reports characters per CPU second (wall time on a shared machine would count the
waits for a core) and that process's peak resident memory, so two sizes of each corpus
show whether memory stays flat. Each measurement runs ``--repeat`` times (3), and the
fastest run is reported with every run's figure beside it: other work on a shared machine
only ever adds CPU time, so the best run is the one that says most about the code:

* ``rules``: the rules baseline as ``conflict-counts extract`` runs it on held-out text
  (every document predicted and serialised to its JSON line, by ``predict_lines``);
* ``quantulum3``: the peer reference, on the English corpus only (it is slow, so it gets
  small sizes; its rate is what compares);
* ``floor``: a bare ``re.finditer(r"\\d+")`` scan, the least any number finder must do.

The rules' time is printed as a multiple of the floor's on the same corpus (targets:
within 30× on the repeated articles, 60× on claim-dense text). Set-up (imports,
gazetteer, unit tables) is outside the timed loop but inside the memory figure. A second
table times the rules on one sentence without sentence punctuation of growing length
(``--long-sizes``): microseconds per character must stay flat (linear). Last, the whole
``extract`` command with ``--jobs 1`` and ``--jobs 2``.

``--save-outputs DIR`` writes the predictions of the rules on the dataset, its contrast
items and generated text (and of the learned baseline, which shares the claim rules) with
their sha256; ``--check-outputs DIR`` extracts again and says whether each file is byte
for byte the same, so a speed-up can be shown to change nothing.

Usage: ``python scripts/bench_rules.py [--sizes 25 50] [--dense-sizes 5 10]
[--quantulum-sizes 0.25 0.5] [--long-sizes 50000 200000 1000000] [--long-only]
[--jobs-size 25] [--repeat 3]``.
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


def _claim_sentences(gold: Path) -> list[tuple[str, str]]:
    """(sentence, language) of every gold sentence that holds a gold claim."""
    from conflict_counts.dataset import Dataset
    from conflict_counts.text import sentences

    dataset = Dataset(gold)
    answers = dataset.gold()
    found = []
    for document in dataset.documents():
        starts = [c.start for c in answers[document.doc_id].claims]
        for sentence in sentences(document.text):
            if any(sentence.start <= s < sentence.end for s in starts):
                found.append((sentence.text, document.language))
    return found


def _all_sentences(gold: Path) -> list[tuple[str, str]]:
    """(sentence, language) of every sentence of the dataset's documents."""
    from conflict_counts.dataset import Dataset
    from conflict_counts.text import sentences

    return [(s.text, d.language) for d in Dataset(gold).documents() for s in sentences(d.text)]


def recombine(pool: list[tuple[str, str]], target: Path, megabytes: float, prefix: str) -> int:
    """Documents of 2-6 sentences of ``pool`` (one language each), digits varied by a fixed
    seed in half of them, so the number finder meets new values. Returns bytes written."""
    import random

    if not pool:
        raise SystemExit("no sentences to recombine (run `conflict-counts build`)")
    by_language: dict[str, list[str]] = {}
    for text, language in pool:
        by_language.setdefault(language, []).append(text)
    languages = sorted(by_language)
    rng = random.Random(14)

    def vary(match: re.Match[str]) -> str:
        width = len(match.group())
        return str(rng.randrange(10 ** (width - 1) if width > 1 else 0, 10**width))

    written, index = 0, 0
    with target.open("w", encoding="utf-8") as handle:
        while written < megabytes * MB:
            language = languages[index % len(languages)]
            picked = rng.choices(by_language[language], k=rng.randint(2, 6))
            text = " ".join(re.sub(r"\d+", vary, s) if rng.random() < 0.5 else s for s in picked)
            line = json.dumps({"doc_id": f"{prefix}-{index}", "text": text, "language": language},
                              ensure_ascii=False) + "\n"
            handle.write(line)
            written += len(line.encode("utf-8"))
            index += 1
    return written


def make_claim_dense(gold: Path, target: Path, megabytes: float) -> int:
    """Claim-dense text: every sentence holds a gold claim (most with a cue, a source and a
    counted noun), the rules' worst case per character."""
    return recombine(_claim_sentences(gold), target, megabytes, "dense")


def make_long_lines(gold: Path, target: Path, size: int) -> int:
    """Lines without sentence punctuation: the long-sentence unit, and each language's
    articles run together with their full stops and line breaks taken out."""
    from conflict_counts.dataset import Dataset

    rows = [{"doc_id": "long-unit", "language": "sv",
             "text": (LONG_UNIT * (size // len(LONG_UNIT) + 1))[:size]}]
    by_language: dict[str, str] = {}
    for document in Dataset(gold).documents():
        by_language[document.language] = by_language.get(document.language, "") + " " + document.text
    for language, text in sorted(by_language.items()):
        flat = re.sub(r"[.!?\n]+", " ", text)
        rows.append({"doc_id": f"long-{language}", "language": language,
                     "text": (flat * (size // len(flat) + 1))[:size]})
    with target.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return target.stat().st_size


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
        baseline.warm_up()  # compile each language's patterns before the clock starts: set-up, not extraction
    elif kind == "quantulum":
        from conflict_counts.baselines.peer import QuantulumBaseline

        baseline = QuantulumBaseline()
        baseline.claims("about 100 people")  # load quantulum's unit tables first
    chars = 0
    start = time.process_time()  # CPU seconds: on a shared machine, wall time counts the waits for a core
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

        if kind == "rules":  # the JSON lines, written as `extract` writes them
            for _line in baseline.predict_lines(documents()):
                pass
        else:
            for prediction in baseline.predict(documents()):
                dumps(prediction)
    seconds = time.process_time() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"chars": chars, "seconds": seconds, "peak_mb": peak_kb / 1024}


def measure(kind: str, corpus: Path, limit: int, gold: Path, repeat: int = 1) -> dict:
    """The fastest of ``repeat`` runs, each in a new process (as ``timeit`` reports its best:
    other work on the machine only ever adds time), with ``runs``: every run's CPU seconds."""
    command = [sys.executable, __file__, "--worker", kind, "--corpus", str(corpus), "--limit", str(limit),
               "--gold", str(gold)]
    env = {**os.environ, **ONE_CORE}
    results = []
    for _ in range(repeat):
        out = subprocess.run(command, check=True, capture_output=True, text=True, env=env)
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    best = min(results, key=lambda r: r["seconds"])
    return {**best, "runs": [r["seconds"] for r in results]}


# -- one long sentence -----------------------------------------------------------------------
LONG_UNIT = "och vakterna i lägret letade efter dem som flytt medan SDF uppger att minst 23 personer greps "


def long_sentences(sizes: list[int]) -> str:
    """Rules on single sentences of ``sizes`` characters: time per character against the shortest."""
    from conflict_counts.baselines.rules import Gazetteer, analyse
    from conflict_counts.records import Document

    gazetteer = Gazetteer()
    analyse(Document("warm-up", LONG_UNIT, "sv"), gazetteer)
    lines = [
        "| sentence (characters) | CPU seconds | µs per character | ratio to the shortest |",
        "|---:|---:|---:|---:|",
    ]
    first = None
    for size in sizes:
        text = (LONG_UNIT * (size // len(LONG_UNIT) + 1))[:size]
        start = time.process_time()
        analyse(Document("long", text, "sv"), gazetteer)
        per_char = (time.process_time() - start) / size * 1e6
        first = first or per_char
        lines.append(f"| {size:,} | {per_char * size / 1e6:.2f} | {per_char:.1f} | {per_char / first:.2f} |")
    return "\n".join(lines)


# -- the table ----------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs=2, default=(25.0, 50.0), help="corpus sizes in MB")
    parser.add_argument("--dense-sizes", type=float, nargs=2, default=(5.0, 10.0),
                        help="claim-dense corpus sizes in MB")
    parser.add_argument("--quantulum-sizes", type=float, nargs=2, default=(0.25, 0.5),
                        help="English corpus sizes in MB for quantulum3")
    parser.add_argument("--gold", type=Path, default=Path("dataset"))
    parser.add_argument("--long-sizes", type=int, nargs="+", default=[50_000, 200_000, 1_000_000],
                        help="lengths of the single long sentences, in characters")
    parser.add_argument("--long-only", action="store_true", help="only the long-sentence table")
    parser.add_argument("--jobs-size", type=float, default=25.0,
                        help="MB of corpus for the `extract --jobs` ratio (0: skip)")
    parser.add_argument("--save-outputs", type=Path, metavar="DIR",
                        help="write reference predictions (and SHA256SUMS) into the new folder DIR")
    parser.add_argument("--check-outputs", type=Path, metavar="DIR",
                        help="extract again and compare byte for byte with the predictions in DIR")
    parser.add_argument("--outputs-size", type=float, default=2.0,
                        help="MB of each generated input for --save-outputs/--check-outputs")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each measurement; the fastest is reported (default 3)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--limit", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, args.corpus, args.limit, args.gold)))
        return 0
    if args.save_outputs:
        return save_outputs(args.gold, args.save_outputs, args.outputs_size)
    if args.check_outputs:
        return check_outputs(args.gold, args.check_outputs, args.outputs_size)
    if args.long_only:
        print(long_sentences(args.long_sizes))
        return 0

    from conflict_counts.baselines.peer import available

    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-rules-") as folder:
        corpus, english = Path(folder) / "corpus.jsonl", Path(folder) / "english.jsonl"
        dense = Path(folder) / "dense.jsonl"
        total = make_corpus(args.gold, corpus, max(*args.sizes, args.jobs_size))
        print(f"corpus: {total / MB:.1f} MB of repeated seed articles", file=sys.stderr)
        make_claim_dense(args.gold, dense, max(args.dense_sizes))
        plan = [(kind, "repeated", corpus, size) for kind in ("rules", "floor") for size in args.sizes]
        plan += [(kind, "claim-dense", dense, size) for kind in ("rules", "floor")
                 for size in args.dense_sizes]
        if available():
            make_corpus(args.gold, english, max(args.quantulum_sizes), language="en")
            plan += [(kind, "English", english, size) for kind in ("rules", "floor", "quantulum")
                     for size in args.quantulum_sizes]
        else:
            print("quantulum3: skipped: quantulum3 not installed", file=sys.stderr)
        for kind, label, path, size in plan:
            print(f"measuring {kind} on {size:g} MB of {label} ...", file=sys.stderr)
            result = measure(kind, path, int(size * MB), args.gold, args.repeat)
            rows.append((kind, label, size, result))
        parallel = (
            jobs_ratio(corpus, args.gold, args.jobs_size, Path(folder), args.repeat) if args.jobs_size else ""
        )
    print(table(rows))
    print()
    print(ratios(rows))
    print()
    print(long_sentences(args.long_sizes))
    if parallel:
        print(parallel)
    return 0


def jobs_ratio(corpus: Path, gold: Path, megabytes: float, folder: Path, repeat: int = 1) -> str:
    """Wall seconds of the whole ``extract`` command with --jobs 1 and --jobs 2 on one input
    (the outputs must be byte-identical; the fastest of ``repeat`` runs), and of its set-up
    alone (a one-document input),
    so the ratio is shown for the command and for the extraction after set-up. Every other
    process on the machine counts against it."""
    prefix, single = folder / "jobs.jsonl", folder / "single.jsonl"
    with prefix.open("w", encoding="utf-8") as handle, single.open("w", encoding="utf-8") as one:
        for index, record in enumerate(_prefix(corpus, int(megabytes * MB))):
            line = json.dumps(record, ensure_ascii=False) + "\n"
            handle.write(line)
            if index == 0:
                one.write(line)

    def timed(source: Path, jobs: int) -> tuple[float, float, bytes]:
        """Wall seconds, CPU seconds of the command and its workers, and the output."""
        out = folder / f"jobs{jobs}-{source.stem}.out.jsonl"
        command = [sys.executable, "-m", "conflict_counts.cli", "extract", "--baseline", "rules",
                   "--gold", str(gold), "--input", str(source), "--out", str(out), "--jobs", str(jobs)]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env={**os.environ, **ONE_CORE})
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
        return wall, cpu, out.read_bytes()

    print(f"measuring extract --jobs 1 and 2 on {megabytes:g} MB ...", file=sys.stderr)
    load = os.getloadavg()[0]

    def best(source: Path, jobs: int) -> tuple[float, float, bytes]:
        """The fastest of ``repeat`` runs of the command on ``source``."""
        return min((timed(source, jobs) for _ in range(repeat)), key=lambda run: run[0])

    (one, one_cpu, first), (two, two_cpu, second) = best(prefix, 1), best(prefix, 2)
    # each command's own set-up: --jobs 2 also warms the extractor up and forks its workers
    setup_one, setup_two = best(single, 1)[0], best(single, 2)[0]
    same = "identical" if first == second else "DIFFERENT"
    work = (one - setup_one) / (two - setup_two) if two > setup_two else float("nan")
    return (
        f"\nextract --baseline rules on {megabytes:g} MB, wall seconds (best of {repeat}): "
        f"--jobs 1 {one:.1f} s, --jobs 2 {two:.1f} s: {one / two:.2f}× for the whole command; "
        f"set-up alone (one document) {setup_one:.1f} s and {setup_two:.1f} s, so {work:.2f}× "
        f"for the extraction (target ≥ 1.8× on 2 cores; {os.cpu_count()} cores, shared with other work: load "
        f"average {load:.1f} when it started); CPU seconds {one_cpu:.1f} and {two_cpu:.1f}; "
        f"outputs {same}"
    )


# -- identical output: predictions saved before a change, compared after it ------------------
def reference_outputs(gold: Path, folder: Path, megabytes: float) -> dict[str, Path]:
    """Predictions of the rules (and of the learned baseline, which shares their claim
    rules) on the dataset, its contrast items, repeated articles, recombined and
    claim-dense text and long lines, each written by ``conflict-counts extract``."""
    inputs = {
        "repeated": lambda path: make_corpus(gold, path, megabytes),
        "synthetic": lambda path: recombine(_all_sentences(gold), path, megabytes, "synthetic"),
        "dense": lambda path: make_claim_dense(gold, path, megabytes),
        "long": lambda path: make_long_lines(gold, path, 200_000),
    }
    runs: dict[str, list[str]] = {
        "dataset-rules": [], "contrast-rules": ["--contrast"],
        "dataset-learned": ["--baseline", "learned"],
    }
    for name, make in inputs.items():
        source = folder / f"{name}.input.jsonl"
        make(source)
        runs[f"{name}-rules"] = ["--input", str(source)]
    outputs = {}
    for name, extra in runs.items():
        out = outputs[name] = folder / f"{name}.jsonl"
        baseline = [] if "--baseline" in extra else ["--baseline", "rules"]
        command = [sys.executable, "-m", "conflict_counts.cli", "extract", *baseline, *extra,
                   "--gold", str(gold), "--out", str(out), "--jobs", "1"]
        print(f"extracting {name} ...", file=sys.stderr)
        subprocess.run(command, check=True, capture_output=True)
    return outputs


def _sha256(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def save_outputs(gold: Path, folder: Path, megabytes: float) -> int:
    """Write the reference predictions and their ``SHA256SUMS`` into a new ``folder``."""
    folder.mkdir(parents=True, exist_ok=False)
    outputs = reference_outputs(gold, folder, megabytes)
    sums = "".join(f"{_sha256(path)}  {path.name}\n" for path in outputs.values())
    (folder / "SHA256SUMS").write_text(sums, encoding="utf-8")
    print(sums, end="")
    return 0


def check_outputs(gold: Path, folder: Path, megabytes: float) -> int:
    """Extract again and compare with the saved predictions: 1 if any file differs."""
    saved = dict(reversed(line.split("  ", 1)) for line in
                 (folder / "SHA256SUMS").read_text(encoding="utf-8").splitlines())
    different = 0
    with tempfile.TemporaryDirectory(prefix="rules-outputs-") as scratch:
        for path in reference_outputs(gold, Path(scratch), megabytes).values():
            digest = _sha256(path)
            same = saved.get(path.name) == digest
            print(f"{digest}  {path.name}: {'identical' if same else 'DIFFERENT'}")
            if not same:
                different += 1
                old = (folder / path.name).read_text(encoding="utf-8").splitlines()
                new = path.read_text(encoding="utf-8").splitlines()
                for number, (a, b) in enumerate(zip(old, new, strict=False), start=1):
                    if a != b:
                        print(f"  first difference at line {number}:\n  - {a[:300]}\n  + {b[:300]}")
                        break
                else:
                    print(f"  {len(old)} lines saved, {len(new)} now")
    return 1 if different else 0


NAMES = {
    "rules": "rules baseline",
    "floor": r'floor: `re.finditer(r"\d+")`',
    "quantulum": "quantulum3 (English)",
}


def _rate(result: dict) -> float:
    return result["chars"] / result["seconds"] if result["seconds"] else float("inf")


def table(rows: list[tuple[str, str, float, dict]]) -> str:
    lines = [
        "| system | corpus | characters | CPU seconds (best; every run) | MB/s (10⁶ chars/s) "
        "| × the floor's time | peak RSS (MB) |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    floors = {(label, size): _rate(r) for kind, label, size, r in rows if kind == "floor"}
    for kind, label, size, r in rows:
        floor = floors.get((label, size))
        times = f"{floor / _rate(r):.1f}" if floor else "–"
        runs = ", ".join(f"{seconds:.2f}" for seconds in r.get("runs", [r["seconds"]]))
        lines.append(
            f"| {NAMES[kind]} | {size:g} MB {label} | {r['chars']:,} | {r['seconds']:.2f} ({runs}) "
            f"| {_rate(r) / MB:.2f} | {times} | {r['peak_mb']:.0f} |"
        )
    return "\n".join(lines)


def ratios(rows: list[tuple[str, str, float, dict]]) -> str:
    """The targets, on the larger size of each corpus: the rules within 30× of the floor's
    time on repeated articles, within 60× on claim-dense text; and the peer's pace."""
    rates: dict[tuple[str, str], float] = {}
    for kind, label, _size, r in rows:  # the larger size comes last
        rates[(kind, label)] = _rate(r)
    lines = []
    for label, target in (("repeated", 30), ("claim-dense", 60), ("English", None)):
        if ("rules", label) in rates and ("floor", label) in rates:
            times = rates[("floor", label)] / rates[("rules", label)]
            goal = f" (target ≤ {target}×: {'met' if times <= target else 'NOT met'})" if target else ""
            lines.append(f"rules on {label} text: {times:.1f}× the floor's time{goal}")
    if ("quantulum", "English") in rates and ("rules", "English") in rates:
        slower = rates[("rules", "English")] / rates[("quantulum", "English")]
        lines.append(
            f"quantulum3 on English text: {slower:.1f}× the rules' time (it finds numbers only; "
            "the rules also find names, predicates and sources)"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())

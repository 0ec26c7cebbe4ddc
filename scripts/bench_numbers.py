"""Speed of the number finder and normaliser: prints a markdown table of figures and ratios.

* ``find_numbers`` on each language's dataset articles, repeated to about 1 MB, against a
  floor measured in the same run: a bare ``re.finditer(r"\\d+")`` scan of the same text;
* ``normalize`` on a non-number built from overlapping word parts ("seksti" = "seks" +
  "ti" in Bokmål) of growing length: time per character must stay flat (linear parsing).

Figures are the best of ``--repeat`` runs (the least disturbed by other load). Usage:
``python scripts/bench_numbers.py [--megabytes 1] [--repeat 3]``. The tests never time
anything; this script is where speed is watched.
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable
from pathlib import Path

MB = 1_000_000


def best_of(repeat: int, work: Callable[[], object]) -> float:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        timings.append(time.perf_counter() - started)
    return min(timings)


def language_texts(gold: Path, megabytes: float) -> dict[str, str]:
    from conflict_counts.dataset import Dataset

    texts: dict[str, list[str]] = {}
    for document in Dataset(gold).documents():
        texts.setdefault(document.language, []).append(document.text)
    out = {}
    for language, parts in sorted(texts.items()):
        unit = "\n\n".join(parts) + "\n\n"
        out[language] = unit * max(1, int(megabytes * MB / len(unit.encode("utf-8"))))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=Path("dataset"))
    parser.add_argument("--megabytes", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from conflict_counts.numbers import find_numbers, normalize

    floor = re.compile(r"\d+")
    print("| language | MB | find_numbers MB/s | floor MB/s | find_numbers time / floor time | spans |")
    print("|---|---:|---:|---:|---:|---:|")
    for language, text in language_texts(args.gold, args.megabytes).items():
        size = len(text.encode("utf-8")) / MB
        find_numbers(text[:2000], language)  # compile the patterns outside the clock
        spans = len(find_numbers(text, language))
        seconds = best_of(args.repeat, lambda t=text, g=language: find_numbers(t, g))
        floor_seconds = best_of(args.repeat, lambda t=text: sum(1 for _ in floor.finditer(t)))
        print(f"| {language} | {size:.2f} | {size / seconds:.2f} | {size / floor_seconds:.1f} | "
              f"{seconds / floor_seconds:.1f} | {spans} |")

    print()
    print("| non-number | characters | seconds | µs / character |")
    print("|---|---:|---:|---:|")
    for parts in (60, 240, 960):
        text = "seksti" * parts + "x"
        seconds = best_of(args.repeat, lambda t=text: normalize(t, "nb"))
        print(f"| 'seksti' × {parts} + 'x' | {len(text)} | {seconds:.4f} | {seconds / len(text) * 1e6:.2f} |")


if __name__ == "__main__":
    main()

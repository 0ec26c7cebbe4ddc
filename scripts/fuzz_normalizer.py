"""Property test of the number normaliser on many inputs (too many for the test suite).

Every input of :func:`conflict_counts.numbers.fuzz.random_text` (number words, cues,
magnitude words, digits, digit strings of up to 6,000 characters) is normalised in a
random language; a reading must have finite bounds, low <= high, and the bounds the
guidelines' qualifier table gives its qualifier. Prints the counts, the time per input,
and every failing input; exits non-zero if there is one. Usage:
``python scripts/fuzz_normalizer.py [--inputs 100000] [--seed 0]``.
"""

from __future__ import annotations

import argparse
import random
import sys
import time

from conflict_counts.numbers import LANGS, normalize
from conflict_counts.numbers.fuzz import broken_property, random_text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    crashes: list[tuple[str, str, str]] = []
    broken: list[tuple[str, str, str]] = []
    read = 0
    started = time.perf_counter()
    for _ in range(args.inputs):
        text, lang = random_text(rng), rng.choice(LANGS)
        try:
            normalized = normalize(text, lang)
        except Exception as error:  # the property under test: nothing raises
            crashes.append((text, lang, f"{type(error).__name__}: {error}"))
            continue
        read += normalized is not None
        problem = broken_property(normalized)
        if problem is not None:
            broken.append((text, lang, problem))
    elapsed = time.perf_counter() - started
    print("| inputs | read as a number | crashes | broken properties | µs per input |")
    print("|---:|---:|---:|---:|---:|")
    print(
        f"| {args.inputs:,} | {read:,} | {len(crashes)} | {len(broken)} | {elapsed / args.inputs * 1e6:.0f} |"
    )
    for text, lang, what in crashes + broken:
        print(f"{lang}: {text[:80]!r}: {what}")
    return 1 if crashes or broken else 0


if __name__ == "__main__":
    sys.exit(main())

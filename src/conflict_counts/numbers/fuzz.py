"""Inputs for property tests of the normaliser, and the properties every reading must have.

Shared by the suite's hypothesis test and ``scripts/fuzz_normalizer.py`` (which runs far
more inputs than the suite can): texts are glued from number words, cues, magnitude
words, digits in every grouping and stray characters, plus digit strings far longer than
a float holds, the inputs that used to crash it.
"""

from __future__ import annotations

import math
import random

from conflict_counts.labels import bounds_problem
from conflict_counts.numbers.normalize import Normalized

PIECES: tuple[str, ...] = (
    "närmare",
    "minst",
    "över",
    "nästan",
    "upp till",
    "mellan",
    "och",
    "till",
    "cirka",
    "drygt",
    "nesten",
    "over",
    "rundt",
    "omkring",
    "mer enn",
    "about",
    "at least",
    "more than",
    "nearly",
    "up to",
    "between",
    "and",
    "some",
    "around",
    "hundratals",
    "tusentals",
    "tiotusentals",
    "flera tusen",
    "hundrevis",
    "tusenvis",
    "thousands",
    "tens of thousands",
    "hundreds",
    "ett",
    "två",
    "tre",
    "tjugo",
    "hundra",
    "tusen",
    "miljon",
    "miljoner",
    "miljard",
    "en",
    "to",
    "tre",
    "tjue",
    "hundre",
    "million",
    "millioner",
    "one",
    "two",
    "twenty",
    "hundred",
    "thousand",
    "million",
    "billion",
    "halv",
    "half",
    "ett hundratal",
    "ett par",
    "a couple of",
    "dussin",
    "-",
    "–",
    ",",
    ".",
    " ",
    "  ",
    "\u00a0",
    "%",
    "K",
    "M",
    "1,5",
    "3 500",
    "5.000",
    "15,000",
    "0",
)
ALPHABET = "0123456789 .,-–\u00a0abcdefghijklmnopqrstuvwxyzåäöæø"


def random_text(rng: random.Random) -> str:
    """One input: mostly glued pieces, sometimes a very long digit string or random characters."""
    kind = rng.random()
    if kind < 0.1:
        return "".join(rng.choice("0123456789") for _ in range(rng.randint(10, 6000)))
    if kind < 0.2:
        return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 40)))
    parts = [
        rng.choice(PIECES) if rng.random() < 0.8 else str(rng.randint(0, 10 ** rng.randint(1, 20)))
        for _ in range(rng.randint(1, 6))
    ]
    return rng.choice((" ", "", "-")).join(parts)


def broken_property(normalized: Normalized | None) -> str | None:
    """What a reading violates (finite bounds, low <= high, the qualifier table), or None."""
    if normalized is None:
        return None
    low, high, qualifier = normalized.low, normalized.high, normalized.qualifier
    for bound in (low, high):
        if bound is not None and not math.isfinite(bound):
            return f"bound {bound} is not finite"
    if low is not None and high is not None and low > high:
        return f"low {low} above high {high}"
    return bounds_problem(qualifier, low, high)

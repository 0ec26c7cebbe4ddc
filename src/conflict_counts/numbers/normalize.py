"""Numeric expression → ``Normalized(low, high, qualifier)`` (guidelines §4).

The same reading serves the normaliser (whole input, permissive) and the finder (one
match in running text, strict): a qualifier cue sets the bounds of a single number, a
range gives both ends, a magnitude word its fixed interval.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from fractions import Fraction
from functools import cache, lru_cache
from typing import NamedTuple

from conflict_counts.labels import QUALIFIER_BOUNDS, QUALIFIERS
from conflict_counts.numbers.lexicon import LANGS, lexicon
from conflict_counts.numbers.parse import Parsed, magnitude, read_number
from conflict_counts.numbers.patterns import SP, patterns, words

__all__ = ["LANGS", "Normalized", "Reading", "normalize", "parse_number", "read_match"]

# SI-style suffixes ("100K", "1,2M", ",0012G"): accepted by the normaliser only.
_SUFFIXES = {"k": 10**3, "m": 10**6, "g": 10**9}


@dataclass(frozen=True)
class Normalized:
    """The interval a claim asserts: open bounds are None (the guidelines' qualifier table)."""

    low: float | None
    high: float | None
    qualifier: str

    def __post_init__(self) -> None:
        if self.qualifier not in QUALIFIERS:
            raise ValueError(f"unknown qualifier {self.qualifier!r}")

    @classmethod
    def of(cls, value: Fraction | float, qualifier: str) -> Normalized:
        """One number with a qualifier: the qualifier decides which bounds are set."""
        has_low, has_high = QUALIFIER_BOUNDS[qualifier]
        v = float(value)
        return cls(v if has_low else None, v if has_high else None, qualifier)


class Reading(NamedTuple):
    """One interpreted match: where it is, what it means, and its number parts (a named
    tuple: the finder makes one for every candidate match)."""

    start: int
    end: int
    normalized: Normalized
    kind: str  # "single", "range" or "vague"
    parts: tuple[tuple[int, int], ...]  # offsets of the number parts (not cue, not joins)
    cue: str | None = None


# Trailing digit groups "000" after a thousands separator: the magnitude of "12 000" is 1000.
_ZERO_GROUPS = re.compile(r"(?:[ \u00a0\u202f.,]000)+$")


def _digit_scale(text: str) -> int | None:
    """1000 for each trailing "000" group written after a separator ("12 000", "1.200.000")."""
    found = _ZERO_GROUPS.search(text.strip())
    if found is None or found.start() == 0 or not text.strip()[: found.start()].isdigit():
        return None
    return 1000 ** (len(found.group()) // 4)


def _range(
    a: Parsed | None, b: Parsed | None, b_text: str = ""
) -> tuple[Fraction, Fraction] | None:
    """Both ends of "a-b", the first borrowing the second's magnitude (guidelines §4.5):
    "1,5-2 miljoner", "mellan 10 och 12 000" (= 10 000-12 000)."""
    if a is None or b is None:
        return None
    low, high = a.value, b.value
    scale = b.scale or _digit_scale(b_text)
    if a.bare and scale and low < high / scale:
        low *= scale
    return (low, high) if low < high else None


@lru_cache(maxsize=1024)
def _cue_qualifier(cue: str, lang: str) -> str:
    return lexicon(lang).cues[" ".join(cue.lower().split())]


def read_match(m: re.Match[str], lang: str, *, full: bool) -> Reading | None:
    """Interpret a match of ``patterns(lang).claim`` / ``claim_full``.

    With ``full`` every number part must be read entirely (the normaliser); without it
    a single number may be cut to its longest valid beginning ("tre fyra" → "tre"),
    and the finder goes on after it.
    """
    text = m.string
    opener, vague, cue, first_of_two = m.group("ro", "v", "cue", "a")  # one call for four groups
    if opener is not None:
        bounds = _range(read_number(m["ra"], lang), read_number(m["rb"], lang), m["rb"])
        if bounds is None:
            return None
        parts = (m.span("ra"), m.span("rb"))
        norm = Normalized(float(bounds[0]), float(bounds[1]), "range")
        return Reading(m.start("ro"), m.end("rb"), norm, "range", parts)
    if vague is not None:
        size = magnitude(vague, lang)
        if size is None:
            return None
        norm = Normalized(float(2 * size), float(10 * size - 1), "vague")
        return Reading(m.start("v"), m.end("v"), norm, "vague", ())
    qualifier = _cue_qualifier(cue, lang) if cue else None
    if first_of_two is not None:
        start = m.start("cue") if cue else m.start("a")
        whole = read_number(text[m.start("a") : m.end("b")], lang)  # "twenty-one", not 20-1
        if whole is not None:
            return _single(whole, start, m.start("a"), qualifier, cue)
        bounds = _range(read_number(m["a"], lang), read_number(m["b"], lang), m["b"])
        if bounds is not None:
            norm = Normalized(float(bounds[0]), float(bounds[1]), "range")
            return Reading(start, m.end("b"), norm, "range", (m.span("a"), m.span("b")), cue)
        first, first_start = m["a"], m.start("a")
    else:
        start = m.start("cue") if cue else m.start("n")
        first, first_start = m["n"], m.start("n")
    parsed = read_number(first, lang, prefix=not full)
    if parsed is None or (full and first_start + parsed.end != m.end()):
        return None
    return _single(parsed, start, first_start, qualifier, cue)


def _single(
    parsed: Parsed, start: int, num_start: int, qualifier: str | None, cue: str | None
) -> Reading:
    end = num_start + parsed.end
    norm = _normalized(float(parsed.value), qualifier or ("approx" if parsed.approx else "exact"))
    return Reading(start, end, norm, "single", ((num_start, end),), cue)


@lru_cache(maxsize=4096)  # news repeats its numbers; a Normalized is immutable
def _normalized(value: float, qualifier: str) -> Normalized:
    return Normalized.of(value, qualifier)


@cache
def _edges(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Trailing partitive ("a couple *of*") and leading minus of a whole input."""
    lex = lexicon(lang)
    trailing = re.compile(f"{SP}+{words(lex.partitive)}$", re.IGNORECASE)
    negative = re.compile(
        f"^(?:[-\u2212]|{words(lex.negative)}(?!\\w)){SP}*(?=\\S)", re.IGNORECASE
    )
    return trailing, negative


def _clean(text: str, lang: str) -> str:
    text = unicodedata.normalize("NFC", text).strip()
    return _edges(lang)[0].sub("", text)


def parse_number(text: str, lang: str) -> float | None:
    """A plain number ("3 500", "tjugotre", "1,5 miljoner", "-1200K") → float, or None.

    No qualifiers or ranges: see :func:`normalize` for those.
    """
    text = _clean(text, lang)
    sign = 1
    negative = _edges(lang)[1].match(text)
    if negative:
        sign, text = -1, text[negative.end() :]
    if text[-1:].lower() in _SUFFIXES and patterns(lang).digits.fullmatch(text[:-1]):
        parsed = read_number(text[:-1], lang)
        factor = _SUFFIXES[text[-1].lower()]
    else:
        parsed, factor = read_number(text, lang), 1
    if parsed is None:
        return None
    return float(sign * parsed.value * factor)


def normalize(text: str, lang: str) -> Normalized | None:
    """Normalise one numeric expression in ``lang`` (sv, nb, da, en); None if unreadable.

    The whole text must be the expression: "närmare 800", "mellan 3500-5000",
    "tens of thousands", "ett hundratal" (guidelines §4). A trailing partitive ("a couple
    of") is ignored; plain negative numbers and K/M/G suffixes are read as numbers.
    """
    lexicon(lang)  # unknown language: ValueError
    cleaned = _clean(text, lang)
    if not cleaned:
        return None
    m = patterns(lang).claim_full.fullmatch(cleaned)
    reading = read_match(m, lang, full=True) if m else None
    if reading is not None:
        return reading.normalized
    value = parse_number(cleaned, lang)
    return None if value is None else Normalized(value, value, "exact")

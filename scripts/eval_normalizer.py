"""Value accuracy of the baseline number normaliser on Duckling's numeral corpora.

    python scripts/eval_normalizer.py NUMERALS_JSONL [--min-accuracy 0.95]

``NUMERALS_JSONL`` is an outside test set you supply: Duckling's numeral corpora (BSD; sv, nb,
da, en numerals with their values) as JSON Lines. It was written for another system, so it is an
outside check of ``conflict_counts.numbers``.
A row is correct when the normaliser's interval is exactly that value (low == high ==
value). Rows outside what news counts need are left out by the general rules in
``OUT_OF_SCOPE`` and listed with their reason; there are no per-row exceptions.
Prints a markdown report; with ``--min-accuracy`` exits 1 if a language falls below it.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from conflict_counts.numbers import LANGS, normalize

_DIGIT_WORDS = "one|two|three|four|five|six|seven|eight|nine"
_TENS_WORDS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"

# (languages it applies to, pattern on the row's text, reason)
OUT_OF_SCOPE: tuple[tuple[frozenset[str], re.Pattern[str], str], ...] = (
    (
        frozenset(LANGS),
        re.compile(r"^\s*\d+\s*/\s*\d+\s*$"),
        "fraction: a ratio, not a count",
    ),
    (
        frozenset({"en"}),
        re.compile(r"\b(?:lakhs?|lkhs?|lacs?|l|crores?|cr|koti|krores?|kr)\b", re.IGNORECASE),
        "Indian numbering (lakh, crore): not used in the corpus languages' news",
    ),
    (
        frozenset({"en"}),
        re.compile(r"^(?:a\s+)?few$", re.IGNORECASE),
        "vague quantifier without a number word (excluded by ANNOTATION_GUIDELINES.md §4)",
    ),
    (
        frozenset({"en"}),
        re.compile(r"^single$", re.IGNORECASE),
        "adjective ('a single cell'), not a number word",
    ),
    (
        frozenset(LANGS),
        re.compile(r"\(.*\)"),
        "number restated in parentheses: two expressions, not one",
    ),
    (
        frozenset({"en"}),
        re.compile(rf"^(?:{_DIGIT_WORDS})\s+(?:{_TENS_WORDS})\b", re.IGNORECASE),
        "spoken digit groups ('one twenty-two' = 122): not how counts are written",
    ),
)


@dataclass
class LanguageResult:
    """Counts and the rows behind them for one language."""

    rows: int = 0
    correct: int = 0
    out_of_scope: list[tuple[str, str]] = field(default_factory=list)  # (text, reason)
    errors: list[tuple[str, float, object]] = field(default_factory=list)  # (text, want, got)

    @property
    def in_scope(self) -> int:
        return self.rows - len(self.out_of_scope)

    @property
    def accuracy(self) -> float:
        return self.correct / self.in_scope if self.in_scope else float("nan")


def scope_reason(text: str, lang: str) -> str | None:
    """Why a row is out of scope, or None when it is in scope."""
    for langs, pattern, reason in OUT_OF_SCOPE:
        if lang in langs and pattern.search(text):
            return reason
    return None


def _equal(got: float | None, want: float) -> bool:
    return got is not None and math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-12)


def evaluate(path: Path) -> dict[str, LanguageResult]:
    """Score every positive row of ``path``; languages in order of first appearance."""
    results: dict[str, LanguageResult] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            row = json.loads(line)
            if row.get("negative"):
                continue
            lang, text, want = row["lang"], row["text"], float(row["value"])
            result = results.setdefault(lang, LanguageResult())
            result.rows += 1
            reason = scope_reason(text, lang)
            if reason is not None:
                result.out_of_scope.append((text, reason))
                continue
            got = normalize(text, lang)
            if got is not None and _equal(got.low, want) and _equal(got.high, want):
                result.correct += 1
            else:
                result.errors.append((text, want, got))
    return results


def report(results: dict[str, LanguageResult], path: Path) -> str:
    """The markdown report: the table, then the rows left out, then the errors."""
    out = [
        f"Normaliser value accuracy on `{path.name}` (Duckling numeral corpora)",
        "",
        "| lang | rows | in scope | correct | accuracy |",
        "|---|---:|---:|---:|---:|",
    ]
    for lang, r in results.items():
        out.append(f"| {lang} | {r.rows} | {r.in_scope} | {r.correct} | {r.accuracy:.1%} |")
    out += ["", "Out of scope:", ""]
    out += [
        f"- {lang} `{text}`: {reason}"
        for lang, r in results.items()
        for text, reason in r.out_of_scope
    ] or ["- none"]
    out += ["", "Errors (in scope, wrong value):", ""]
    out += [
        f"- {lang} `{text}`: expected {want:g}, got {got}"
        for lang, r in results.items()
        for text, want, got in r.errors
    ] or ["- none"]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="the Duckling numerals as JSON Lines")
    parser.add_argument("--min-accuracy", type=float, default=None, metavar="FRACTION")
    args = parser.parse_args(argv)
    if not args.path.is_file():
        print(f"error: {args.path}: no such file", file=sys.stderr)
        return 2
    results = evaluate(args.path)
    print(report(results, args.path.resolve()))
    low = [
        lang
        for lang, r in results.items()
        if args.min_accuracy is not None and not r.accuracy >= args.min_accuracy
    ]
    if low:
        print(f"\nbelow {args.min_accuracy:.0%}: {', '.join(low)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

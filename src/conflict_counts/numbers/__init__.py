"""Baseline number normaliser and numeric-expression finder for sv, nb, da and en.

* :func:`normalize` — one expression → ``Normalized(low, high, qualifier)`` (ANNOTATION_GUIDELINES.md §4);
* :func:`parse_number` — a plain number → float;
* :func:`find_numbers` / :func:`iter_numbers` — claim spans in running text, each with
  its ``Normalized`` value.

Rules only, no training data: the per-language vocabulary is in ``lexicon.py``.
"""

from __future__ import annotations

from conflict_counts.numbers.finder import NumberSpan, find_numbers, iter_numbers
from conflict_counts.numbers.lexicon import LANGS
from conflict_counts.numbers.normalize import Normalized, normalize, parse_number
from conflict_counts.numbers.parse import parse_digits

__all__ = [
    "LANGS",
    "Normalized",
    "NumberSpan",
    "find_numbers",
    "iter_numbers",
    "normalize",
    "parse_digits",
    "parse_number",
]

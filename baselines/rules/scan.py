"""A lookahead that lets a cue pattern skip most words of a clause after a few comparisons.

The cue patterns (predicates, sources, passives) are long alternations tried at every
word start: without help, each word costs a comparison with every cue. A prefix tree of
the letters every cue must start with rejects almost all words at once; it is a
necessary condition of the alternation after it, so the matches stay the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from conflict_counts.numbers.patterns import prefix_tree

_LITERAL = re.compile(r"[^\\()\[\]?*+{}|^$.\s]*")  # up to regex syntax or a space


def literal_start(fragment: str) -> str:
    """The characters every match of a regex fragment starts with ("escap" for ``escap\\w*``).

    Empty when nothing is certain (a top-level alternative, syntax first).
    """
    if "|" in fragment:
        return ""
    start = _LITERAL.match(fragment).group()
    if fragment[len(start) : len(start) + 1] in ("?", "*", "{"):
        start = start[:-1]  # a quantifier may leave out the last character
    return start


def literal_starts(fragments: Iterable[str]) -> str:
    """``(?=...)``: a prefix tree of the fragments' literal starts, or nothing if one has none."""
    starts = {literal_start(f) for f in fragments}
    if not starts or "" in starts:
        return ""
    return f"(?={prefix_tree(starts)})"

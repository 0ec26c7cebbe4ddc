"""What a count measures (ANNOTATION_GUIDELINES.md §4.8), from the cue word nearest to the number.

* A counted noun that is not people ("länder", "nasjoner", "parties") -> ``other``.
* Otherwise the cue nearest to the claim in its clause wins (cues inside the counted noun,
  "89 *flyende* fångar", say what the people were doing, not what happened to them).
* No cue in the clause: a count of prisoners is ``detained``; else the nearest cue in the
  two sentences before (a figure often answers "how many fled?" asked just before).
* Nothing at all -> ``other``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from conflict_counts.baselines.rules.lexicon import CueLexicon, cues
from conflict_counts.baselines.rules.scan import literal_starts
from conflict_counts.records import Span
from conflict_counts.text import Segment

LOOKBACK_SENTENCES = 2


class _Cue(NamedTuple):
    start: int
    end: int
    predicate: str


@cache
def _pattern(lang: str) -> re.Pattern[str]:
    lex = cues(lang)
    groups = []
    for predicate, forms in lex.predicates.items():
        body = "|".join(f.replace(" ", r"\s+") for f in sorted(forms, key=len, reverse=True))
        groups.append(f"(?P<{predicate}>{body})")
    firsts = "".join(sorted({f[0] for forms in lex.predicates.values() for f in forms}))
    # the lookaheads reject most words after one character test, then a few more (the
    # alternation is long)
    guard = literal_starts(f.replace(" ", r"\s+") for forms in lex.predicates.values() for f in forms)
    return re.compile(rf"(?<!\w)(?=[{re.escape(firsts)}]){guard}(?:" + "|".join(groups) + r")(?!\w)")


def _cues(text: str, start: int, end: int, lang: str) -> list[_Cue]:
    lowered = text[start:end].lower()
    return [
        _Cue(start + m.start(), start + m.end(), m.lastgroup or "other")
        for m in _pattern(lang).finditer(lowered)
    ]


def _head(text: str, counted: Span | None) -> str:
    if counted is None:
        return ""
    return text[counted.start : counted.end].split()[-1].lower()


@cache
def _endings(nouns: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(n for n in nouns if len(n) >= 5)


def _in_list(head: str, nouns: tuple[str, ...]) -> bool:
    # the noun itself or the last part of a compound ("IS-fanger", "krigsfångar")
    return head in nouns or head.endswith(_endings(nouns)) or (
        "-" in head and head.rsplit("-", 1)[1] in nouns
    )


def predicate(
    text: str,
    claim: Span,
    counted: Span | None,
    clause: Segment,
    sentences: Sequence[Segment],
    sentence_index: int,
    lex: CueLexicon,
    masked: Sequence[Span] = (),
) -> str:
    """The predicate of the claim at ``claim`` (see module docstring)."""
    head = _head(text, counted)
    if _in_list(head, lex.non_person):
        return "other"
    blocked = [claim, *([counted] if counted else []), *masked]

    def free(cue: _Cue) -> bool:
        return all(cue.end <= b.start or cue.start >= b.end for b in blocked)

    def distance(cue: _Cue) -> int:
        return claim.start - cue.end if cue.end <= claim.start else cue.start - claim.end

    candidates = [c for c in _cues(text, clause.start, clause.end, lex.lang) if free(c)]
    if candidates:
        return min(candidates, key=lambda c: (distance(c), c.start)).predicate
    if _in_list(head, lex.prisoners):
        return "detained"
    for back in range(1, LOOKBACK_SENTENCES + 1):
        if sentence_index - back < 0:
            break
        previous = sentences[sentence_index - back]
        found = _cues(text, previous.start, previous.end, lex.lang)
        if found:
            return found[-1].predicate  # the one nearest to the claim
    return "other"

"""One document through the rules: mentions, then numbers read as claims.

:func:`read_claims` is the claim half on its own, so that another baseline with its own
spans and values (the learned one) can reuse the counted-noun, attribution and grouping
rules.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from functools import cache
from typing import NamedTuple

from conflict_counts.baselines.rules.counted import counted_noun
from conflict_counts.baselines.rules.gazetteer import Gazetteer
from conflict_counts.baselines.rules.groups import Grouper
from conflict_counts.baselines.rules.lexicon import cues
from conflict_counts.baselines.rules.mentions import MentionFinder
from conflict_counts.baselines.rules.predicate import predicate
from conflict_counts.baselines.rules.source import SourceFinder
from conflict_counts.numbers import Normalized
from conflict_counts.numbers.finder import number_spans
from conflict_counts.records import Claim, Document, Mention, Span
from conflict_counts.text import Segment, bounded, sentences

# Longer sentences are cut into pieces (at white space) before the rules see them: every
# rule looks at most a sentence around a number, so the work stays linear in the text.
# The longest sentence of the corpus has 411 characters.
MAX_SENTENCE = 1000


class Number(NamedTuple):
    """A claim span with its value, whoever found it."""

    start: int
    end: int
    normalized: Normalized


@cache
def _clause_break(lang: str) -> re.Pattern[str]:
    words = "|".join(cues(lang).clause_breaks)
    # "[–—]" written as two alternatives: when every alternative starts with a literal
    # character, the regex engine skips to those characters in C (a clause is scanned
    # for every claim in it)
    return re.compile(rf";|,\s+(?=(?:{words})\b)|–\s+(?=(?:{words})\b)|—\s+(?=(?:{words})\b)", re.IGNORECASE)


def clause_breaks(text: str, sentence: Segment, lang: str) -> list[tuple[int, int]]:
    """Where ``sentence`` splits into clauses: the spans of "; " and ", men"."""
    return [m.span() for m in _clause_break(lang).finditer(text, sentence.start, sentence.end)]


def clause_of(
    text: str,
    sentence: Segment,
    position: int,
    lang: str,
    breaks: Sequence[tuple[int, int]] | None = None,
) -> Segment:
    """The clause of ``sentence`` holding ``position`` (split at "; " and ", men").

    Pass the sentence's ``clause_breaks`` to split it once for all its claims.
    """
    start, end = sentence.start, sentence.end
    for break_start, break_end in clause_breaks(text, sentence, lang) if breaks is None else breaks:
        if break_end <= position:
            start = break_end
        elif break_start >= position:
            end = break_start
            break
    return Segment(start, end, text[start:end])


def read_claims(
    text: str,
    lang: str,
    doc_id: str,
    numbers: Sequence[Number],
    mentions: Sequence[Mention],
    segments: Sequence[Segment],
    predicate_of: Callable[[Number, Span | None, Segment], str] | None = None,
) -> list[Claim]:
    """Counted noun, predicate, source and group of each number (see the rules' modules).

    ``predicate_of(number, counted, sentence)`` replaces the cue rules for the predicate.
    """
    if not numbers:
        return []
    lex = cues(lang)
    starts = [s.start for s in segments]
    claim_starts = frozenset(n.start for n in numbers)
    spans = [Span(n.start, n.end) for n in numbers]
    sources = SourceFinder(text, lang, mentions)
    grouper = Grouper(doc_id, mentions)
    claims: list[Claim] = []
    indices = [max(bisect_right(starts, n.start) - 1, 0) for n in numbers]
    in_sentence: dict[int, list[Span]] = {}
    for index, span in zip(indices, spans, strict=True):
        in_sentence.setdefault(index, []).append(span)
    breaks = {index: clause_breaks(text, segments[index], lang) for index in in_sentence}
    for number, span, index in zip(numbers, spans, indices, strict=True):
        sentence = segments[index]
        clause = clause_of(text, sentence, number.start, lang, breaks[index])
        others = [s for s in in_sentence[index] if s != span]
        counted = counted_noun(text, span, sentence.end, lex, claim_starts)
        if predicate_of is not None:
            pred = predicate_of(number, counted, sentence)
        else:
            pred = predicate(text, span, counted, clause, segments, index, lex, others)
        previous = segments[index - 1] if index > 0 else None
        source = sources.find(span, clause, sentence, previous, others)
        counted_text = text[counted.start : counted.end] if counted else None
        value = number.normalized
        claims.append(
            Claim(
                start=span.start,
                end=span.end,
                low=value.low,
                high=value.high,
                qualifier=value.qualifier,
                predicate=pred,
                counted=counted,
                source=source.span if source else None,
                source_type=source.kind if source else "none",
                source_entity_id=source.entity_id if source else None,
                group_id=grouper.group(span, pred, counted_text, sentence),
            )
        )
    return claims


def analyse(
    document: Document, gazetteer: Gazetteer, finder: MentionFinder | None = None
) -> tuple[list[Mention], list[Claim]]:
    """Every mention and claim the rules find in one document.

    Pass the ``finder`` of this language and gazetteer to reuse its caches across documents.
    """
    text, lang = document.text, document.language
    segments = bounded(sentences(text), MAX_SENTENCE)
    finder = finder or MentionFinder(gazetteer, lang)
    mentions = finder.find(text, segments)
    numbers = list(map(Number._make, number_spans(text, lang)))
    return mentions, read_claims(text, lang, document.doc_id, numbers, mentions, segments)

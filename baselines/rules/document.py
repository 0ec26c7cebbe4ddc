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
from conflict_counts.baselines.rules.lexicon import CueLexicon, cues
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

# "Ca. 75 er taget til fange igen": the dataset's sentences (a plain regex shared with the
# scorer) end at "Ca."; for the rules an abbreviation of "about" or "number" before a
# number does not end a sentence.
_ABBREVIATION_END = re.compile(r"(?<!\w)(?:ca|omkr|approx|appr|nr|no)\.$", re.IGNORECASE)


def rejoined(text: str, segments: Sequence[Segment]) -> list[Segment]:
    """``segments`` with each sentence that ends in such an abbreviation joined to the
    number that follows it.

    >>> [s.text for s in rejoined("Ca. 75 flydde.", sentences("Ca. 75 flydde."))]
    ['Ca. 75 flydde.']
    """
    joined: list[Segment] = []
    for segment in segments:
        if joined and segment.text[:1].isdigit() and _ABBREVIATION_END.search(joined[-1].text):
            start = joined[-1].start
            joined[-1] = Segment(start, segment.end, text[start : segment.end])
        else:
            joined.append(segment)
    return joined


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


@cache
def _inclusion(lang: str) -> re.Pattern[str] | None:
    words = cues(lang).inclusion
    if not words:
        return None
    body = "|".join(w.replace(" ", r"\s+") for w in words)
    return re.compile(rf"(?<!\w)(?:{body})\s*:?\s*$", re.IGNORECASE)


_LIST_SEPARATOR = re.compile(r"\s*(?:,|,?\s+(?:och|og|and|samt))\s*$", re.IGNORECASE)


def _part_of_previous(text: str, lang: str, between: tuple[int, int], previous_is_part: bool) -> bool:
    """Whether a claim is part of the claim before it in its sentence: an inclusion word
    right before it ("181, däribland 124"), or the next item of such a list ("heraf 114
    IS-krigere, 60 kurdiske sikkerhedsfolk og syv civile")."""
    gap = text[between[0] : between[1]]
    pattern = _inclusion(lang)
    if pattern is not None and pattern.search(gap):
        return True
    return previous_is_part and _LIST_SEPARATOR.fullmatch(gap) is not None


def _about_these(text: str, sentence: Segment, lex: CueLexicon) -> bool:
    """Whether a sentence opens on the count before it ("Av dessa är ...", "Of these, ...")."""
    opening = text[sentence.start : sentence.start + 20].lower()
    return any(opening.startswith(phrase) and not opening[len(phrase) : len(phrase) + 1].isalpha()
               for phrase in lex.these)


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
    facilities = [Span(m.start, m.end) for m in mentions if m.label == "FAC"]
    counted_nouns = [
        counted_noun(text, span, segments[index].end, lex, claim_starts)
        for span, index in zip(spans, indices, strict=True)
    ]
    counted_in_sentence: dict[int, list[Span]] = {}
    for counted, index in zip(counted_nouns, indices, strict=True):
        if counted is not None:
            counted_in_sentence.setdefault(index, []).append(counted)
    previous_claim: tuple[int, int, str, bool] | None = None  # sentence, end, predicate, is part
    for number, span, index, counted in zip(numbers, spans, indices, counted_nouns, strict=True):
        sentence = segments[index]
        clause = clause_of(text, sentence, number.start, lang, breaks[index])
        others = [s for s in in_sentence[index] if s != span]
        # the other claims' counted nouns are theirs: "121 af deres egne folk og 374 angribere"
        masked = [*others, *(c for c in counted_in_sentence.get(index, ()) if c != counted)]
        part = (
            previous_claim is not None
            and previous_claim[0] == index
            and _part_of_previous(text, lang, (previous_claim[1], span.start), previous_claim[3])
        )
        if predicate_of is not None:
            pred = predicate_of(number, counted, sentence)
        elif part and previous_claim is not None:
            pred = previous_claim[2]
        elif previous_claim and previous_claim[0] == index - 1 and _about_these(text, sentence, lex):
            pred = previous_claim[2]  # "Av dessa är omkring 40 barn": part of the count before
        else:
            earlier = previous_claim[2] if previous_claim and previous_claim[0] == index else None
            pred = predicate(text, span, counted, clause, segments, index, lex, masked, facilities, earlier)
        previous_claim = (index, counted.end if counted else span.end, pred, part)
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
    segments = bounded(rejoined(text, sentences(text)), MAX_SENTENCE)
    finder = finder or MentionFinder(gazetteer, lang)
    mentions = finder.find(text, segments)
    numbers = list(map(Number._make, number_spans(text, lang)))
    return mentions, read_claims(text, lang, document.doc_id, numbers, mentions, segments)

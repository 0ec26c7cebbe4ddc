"""Quotes → offsets: the model quotes, code finds where each quote stands in the text.

A model cannot count characters, so answers carry exact quotes and this module turns them
into the one prediction shape (:class:`Mention`, :class:`Claim`). Each quote of a list
maps to its next occurrence after the previous item of that list, preferring occurrences
that do not cut a word ("Syria" is not the start of "Syrian"); then the first occurrence
anywhere; then a match that ignores case and runs of whitespace. A source quote maps to
the occurrence nearest its claim, in its sentence if it can. Quotes that cannot be
placed are dropped and counted, and so are claims whose interval does not fit their
qualifier (the qualifier table of the guidelines), so that what is written always passes
the scorer's checks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from conflict_counts.labels import QUALIFIER_BOUNDS
from conflict_counts.records import Claim, Mention, Span
from conflict_counts.text import Segment, sentence_index, sentences


@dataclass
class Alignment:
    """What one answer became, and what of it had to be dropped."""

    mentions: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    unaligned: list[str] = field(default_factory=list)  # quotes not found in the text
    invalid: list[str] = field(default_factory=list)  # claims whose interval breaks the qualifier table


def _occurrences(text: str, quote: str, start: int = 0) -> Iterator[Span]:
    position = text.find(quote, start)
    while position >= 0:
        yield Span(position, position + len(quote))
        position = text.find(quote, position + 1)


def _whole_word(text: str, span: Span) -> bool:
    """True unless the span starts or ends inside a word."""
    cuts_start = span.start > 0 and text[span.start - 1].isalnum() and text[span.start].isalnum()
    cuts_end = span.end < len(text) and text[span.end - 1].isalnum() and text[span.end].isalnum()
    return not (cuts_start or cuts_end)


def _first(text: str, spans: Iterator[Span]) -> Span | None:
    """The first whole-word span, else the first span."""
    first = None
    for span in spans:
        if _whole_word(text, span):
            return span
        first = first or span
    return first


def _loose(text: str, quote: str) -> re.Pattern[str] | None:
    words = quote.split()
    if not words:
        return None
    return re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)


def locate(text: str, quote: str, after: int = 0) -> Span | None:
    """Where ``quote`` stands: next occurrence from ``after``, else anywhere, else loosely.

    >>> text = "Syrian forces left Syria; Syria"
    >>> locate(text, "Syria"), locate(text, "Syria", after=24)
    (Span(start=19, end=24), Span(start=26, end=31))
    >>> locate(text, "syrian  FORCES"), locate(text, "Iraq")
    (Span(start=0, end=13), None)
    """
    if not quote.strip():
        return None
    span = _first(text, _occurrences(text, quote, after)) or _first(text, _occurrences(text, quote))
    if span is not None:
        return span
    pattern = _loose(text, quote)
    if pattern is None:
        return None
    spans = (Span(*m.span()) for m in pattern.finditer(text, after))
    return _first(text, spans) or _first(text, (Span(*m.span()) for m in pattern.finditer(text)))


def nearest(text: str, quote: str, anchor: Span, segments: list[Segment]) -> Span | None:
    """The occurrence of ``quote`` closest to ``anchor``: whole words first, then in the
    anchor's sentence (attribution is read one sentence at a time), then by distance;
    else a loose match."""
    spans = list(_occurrences(text, quote)) if quote.strip() else []
    whole = [s for s in spans if _whole_word(text, s)] or spans
    if not whole:
        return locate(text, quote)
    home = sentence_index(segments, anchor.start)

    def distance(span: Span) -> tuple[bool, int, int]:
        gap = max(span.start - anchor.end, anchor.start - span.end, 0)
        return (sentence_index(segments, span.start) != home, gap, span.start)

    return min(whole, key=distance)


def fits_qualifier(low: float | None, high: float | None, qualifier: str) -> bool:
    """The interval sets exactly the bounds its qualifier sets, in order."""
    has_low, has_high = QUALIFIER_BOUNDS[qualifier]
    if (low is not None) != has_low or (high is not None) != has_high:
        return False
    if low is not None and high is not None:
        if qualifier in ("exact", "approx"):
            return low == high
        return low < high if qualifier in ("range", "vague") else low <= high
    return True


def _placed(text: str, items: list[dict], unaligned: list[str]) -> Iterator[tuple[dict, Span]]:
    """Each item of one list with the span of its quote, in list order; the rest go to ``unaligned``."""
    cursor = 0
    for item in items:
        span = locate(text, item["text"], cursor)
        if span is None:
            unaligned.append(item["text"])
            continue
        cursor = span.end
        yield item, span


def align(text: str, answer: dict) -> Alignment:
    """An answer in the output schema → mentions and claims with offsets into ``text``."""
    result = Alignment()
    for item, span in _placed(text, answer["mentions"], result.unaligned):
        result.mentions.append(Mention(span.start, span.end, item["label"], item.get("entity_id")))
    by_span = {(m.start, m.end): m for m in result.mentions}
    segments = sentences(text) if any(item.get("source_text") for item in answer["claims"]) else []
    for item, span in _placed(text, answer["claims"], result.unaligned):
        low, high, qualifier = item["low"], item["high"], item["qualifier"]
        low = None if low is None else float(low)
        high = None if high is None else float(high)
        if not fits_qualifier(low, high, qualifier):
            result.invalid.append(item["text"])
            continue
        source, source_type, source_entity = None, "none", None
        if item.get("source_text"):
            source = nearest(text, item["source_text"], span, segments)
            if source is None:
                result.unaligned.append(item["source_text"])
            else:
                named = by_span.get((source.start, source.end))
                source_type = "named" if named is not None else "unnamed"
                source_entity = named.entity_id if named is not None else None
        result.claims.append(
            Claim(span.start, span.end, low, high, qualifier, item["predicate"],
                  source=source, source_type=source_type, source_entity_id=source_entity,
                  group_id=item.get("group_id"))
        )
    return result

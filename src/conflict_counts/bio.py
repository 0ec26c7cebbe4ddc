"""Projecting character spans onto tokens as BIO tags (the rule behind the tokens view).

A token takes a span's tag when it overlaps the span at all; the first such token is
``B-``, the rest ``I-``. A span whose edges fall inside a token (the name part of a
closed compound such as "Gweiran" in "Gweiranfängelset") therefore tags the whole
token; :func:`project` counts those spans so the build can report them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from conflict_counts.labels import CLAIM_TAGS, ENTITY_LABELS, NER_TAGS
from conflict_counts.text import Segment, sentences, tokens


@dataclass(frozen=True)
class Projection:
    """The tags of one sentence and the counts the build reports about spans that do not fit tokens."""
    tags: list[str]
    off_boundary: int  # spans whose start or end is not a token boundary
    unprojected: int  # spans that touch no token, or a token already tagged


def project(tokens: Sequence[Segment], spans: Sequence[tuple[int, int, str]]) -> Projection:
    """BIO tags for ``tokens`` from ``(start, end, label)`` spans (non-overlapping)."""
    starts = [t.start for t in tokens]
    ends = [t.end for t in tokens]
    tags = ["O"] * len(tokens)
    off_boundary = unprojected = 0
    for start, end, label in sorted(spans):
        first = bisect_right(ends, start)  # first token ending after the span starts
        last = bisect_left(starts, end)  # tokens before this one start before the span ends
        covered = range(first, last)
        if not covered or any(tags[i] != "O" for i in covered):
            unprojected += 1
            continue
        if starts[first] != start or ends[last - 1] != end:
            off_boundary += 1
        tags[first] = f"B-{label}"
        for i in covered[1:]:
            tags[i] = f"I-{label}"
    return Projection(tags, off_boundary, unprojected)


@dataclass(frozen=True)
class TokenView:
    """The token-classification rows of one document and how cleanly its spans projected."""

    rows: list[dict[str, object]]
    off_boundary: int
    unprojected: int


def token_view(
    doc_id: str,
    text: str,
    mentions: Sequence[tuple[int, int, str]],
    claims: Sequence[tuple[int, int]],
) -> TokenView:
    """One row a sentence: tokens, NER and claim BIO tags (ClassLabel ids), token starts."""
    ner_index = {tag: i for i, tag in enumerate(NER_TAGS)}
    claim_index = {tag: i for i, tag in enumerate(CLAIM_TAGS)}
    rows: list[dict[str, object]] = []
    off_boundary = unprojected = 0
    for sentence_id, sentence in enumerate(sentences(text)):
        words = tokens(sentence.text, sentence.start)
        # A label outside the inventory is the schema's to report; it cannot be tagged.
        inside = [m for m in mentions if sentence.start <= m[0] < sentence.end and m[2] in ENTITY_LABELS]
        numbers = [(s, e, "NUM") for s, e in claims if sentence.start <= s < sentence.end]
        ner, num = project(words, inside), project(words, numbers)
        off_boundary += ner.off_boundary + num.off_boundary
        unprojected += ner.unprojected + num.unprojected
        rows.append(
            {
                "doc_id": doc_id,
                "sentence_id": sentence_id,
                "tokens": [w.text for w in words],
                "ner_tags": [ner_index[t] for t in ner.tags],
                "claim_tags": [claim_index[t] for t in num.tags],
                "token_starts": [w.start for w in words],
            }
        )
    return TokenView(rows, off_boundary, unprojected)

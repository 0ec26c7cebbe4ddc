"""Word-level predictions of a token classifier → the one prediction shape.

The ``transformers`` pipeline (``aggregation_strategy="first"``: a word takes the label of
its first sub-word, adjacent words of one type join unless a ``B-`` starts a new one)
returns groups with character offsets into the text it was given. Groups of an entity
label become mentions, groups labelled ``NUM`` become claims whose interval comes from
the project's number normaliser (predicate ``other``: a tagger does not say what is
counted); a ``NUM`` span the normaliser cannot read is dropped and counted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from conflict_counts.labels import CLAIM_TAGS, ENTITY_LABELS, NER_TAGS
from conflict_counts.numbers import normalize
from conflict_counts.records import Claim, Mention

CLAIM_LABEL = "NUM"
LABELS: tuple[str, ...] = (*NER_TAGS, *CLAIM_TAGS[1:])  # one tag set: entities and claim spans


@dataclass
class Spans:
    """What a tagger found in one document, and the NUM spans that could not become claims."""

    mentions: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)  # NUM spans the normaliser could not read


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def to_spans(text: str, offset: int, groups: Iterable[dict], language: str, found: Spans) -> Spans:
    """Add the pipeline ``groups`` of the piece of ``text`` starting at ``offset`` to ``found``.

    >>> text = "Enligt SDF flydde närmare 800."
    >>> groups = [{"entity_group": "ORG", "start": 0, "end": 4},
    ...           {"entity_group": "NUM", "start": 11, "end": 22}]
    >>> spans = to_spans(text, 7, groups, "sv", Spans())
    >>> [text[m.start:m.end] for m in spans.mentions], [(text[c.start:c.end], c.high) for c in spans.claims]
    (['SDF'], [('närmare 800', 800.0)])
    """
    for group in groups:
        label = str(group["entity_group"])
        start, end = _trimmed(text, offset + int(group["start"]), offset + int(group["end"]))
        if start >= end:
            continue
        if label in ENTITY_LABELS:
            found.mentions.append(Mention(start, end, label))
        elif label == CLAIM_LABEL:
            value = normalize(text[start:end], language)
            if value is None:
                found.unread.append(text[start:end])
            else:
                found.claims.append(Claim(start, end, value.low, value.high, value.qualifier, "other"))
    return found

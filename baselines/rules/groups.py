"""Claim groups across documents (group_id, ANNOTATION_GUIDELINES.md §4.11), from a key per document.

Claims about the same quantity share the predicate, the population and the place. The
key is therefore ``<place>-<predicate>`` (plus the population for ``killed``, where
soldiers, fighters and civilians are different tolls). The place is the entity id of
a facility mentioned in the claim's sentence, else of a non-country settlement
there, else the document's most mentioned facility or settlement: entity ids come from
the gazetteer, so "Ghwayarn" in one article and "Ghwayran" in another meet. ``other``
counts (countries of origin, definite counts) stay singletons.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from operator import itemgetter

from conflict_counts.baselines.rules.gazetteer import kebab
from conflict_counts.baselines.rules.lexicon import POPULATIONS
from conflict_counts.baselines.rules.names import COUNTRIES
from conflict_counts.records import Mention, Span

_COUNTRY_IDS = frozenset(COUNTRIES)


def population(counted_text: str | None) -> str:
    """Which population a counted noun speaks of (fighters, civilians, ...); "people" when unknown."""
    lowered = (counted_text or "").lower()
    for name, stems in POPULATIONS.items():
        if any(stem in lowered for stem in stems):
            return name
    return "people"


def _place(mentions: Sequence[Mention]) -> str | None:
    """The most mentioned facility, else non-country settlement (ties: the first id in order)."""
    counts: dict[str, dict[str | None, int]] = {"FAC": {}, "GPE": {}}  # one pass for both labels
    for m in mentions:
        counted = counts.get(m.label)
        if counted is not None and m.entity_id not in _COUNTRY_IDS:
            counted[m.entity_id] = counted.get(m.entity_id, 0) + 1
    for label in ("FAC", "GPE"):
        if counts[label]:
            return min(counts[label].items(), key=lambda item: (-item[1], item[0] or ""))[0]
    return None


class Grouper:
    """Group ids for the claims of one document."""

    def __init__(self, doc_id: str, mentions: Sequence[Mention]) -> None:
        self.doc_id = doc_id
        self.singleton_prefix = kebab(doc_id)  # of the ids of ``other`` counts, made once a document
        self.mentions = sorted(mentions, key=itemgetter(0))  # by start (a C key function)
        self.starts = [m.start for m in self.mentions]
        self.document_place = _place(mentions) or "unknown"
        self._places: dict[tuple[int, int], str | None] = {}

    def group(
        self, claim: Span, predicate: str, counted_text: str | None, sentence: Span
    ) -> str:
        """A group id from place, predicate and population, computed by each document alone."""
        if predicate == "other":
            return f"{self.singleton_prefix}-{claim.start}-other"
        key = f"{self._place_in(sentence) or self.document_place}-{predicate}"
        if predicate == "killed":
            key += f"-{population(counted_text)}"
        return key

    def _place_in(self, sentence: Span) -> str | None:
        """The place named in a sentence (worked out once a sentence: claims share them)."""
        key = (sentence.start, sentence.end)
        if key not in self._places:
            first, last = bisect_left(self.starts, sentence.start), bisect_left(self.starts, sentence.end)
            self._places[key] = _place(self.mentions[first:last])
        return self._places[key]

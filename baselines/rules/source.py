"""Who a figure is attributed to (ANNOTATION_GUIDELINES.md §4.10), one clause at a time.

The cue nearest to the claim in its clause decides:

* "enligt X", "ifølge X", "according to X", "citing X": X follows, after fillers such as
  "uppgifter från"; a name followed by its abbreviation gives the abbreviation (the
  shortest span naming the source).
* "X säger", "X sier", "X says", "X estimates": X is the subject before the verb (past
  "har länge"); with nothing before it, the subject after it ("skriver SDF"); after a
  conjunction, the subject that opens the clause. A pronoun subject ("De sier selv")
  stands for the subject of the sentence before.

The type is ``named`` when the span is a mention found in the document, or a name fused
to the head noun ("SDF-styrkorna" -> "SDF"); ``unnamed`` for a description ("lokala
källor", "U.S. intelligence"); ``none`` without a cue, or when the only cue is a passive
("uppges", "reportedly").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache
from operator import itemgetter
from typing import NamedTuple

from conflict_counts.baselines.rules.lexicon import CueLexicon, cues
from conflict_counts.baselines.rules.phrases import (
    WINDOW,
    WordReader,
    noun_phrase,
    noun_phrase_before,
    skip_words,
    words_between,
)
from conflict_counts.baselines.rules.scan import literal_starts
from conflict_counts.records import Mention, Span
from conflict_counts.text import Segment

_PAIR = re.compile(r"[ ]*\([ ]*$")


class Source(NamedTuple):
    """A claim's attributed source: its span, named or unnamed, and its entity when named."""
    span: Span
    kind: str  # named | unnamed
    entity_id: str | None = None


class _Cue(NamedTuple):
    start: int
    end: int
    before: bool  # "enligt X" (the source follows) rather than "X säger"


_new = tuple.__new__  # a named tuple from a tuple of its fields, without the Python frame of its __new__


def _alternation(phrases: tuple[str, ...]) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


@cache
def _patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    lex = cues(lang)
    firsts = re.escape("".join(sorted({p[0] for p in (*lex.source_before, *lex.speech_verbs)})))
    # the prefix trees reject most words of a clause after a few comparisons (see scan.py)
    guard = literal_starts(re.escape(p) for p in (*lex.source_before, *lex.speech_verbs))
    cue = re.compile(
        rf"(?<!\w)(?=[{firsts}]){guard}(?:(?P<before>{_alternation(lex.source_before)})|(?P<verb>{_alternation(lex.speech_verbs)}))(?!\w)"
    )
    passive_guard = literal_starts(re.escape(p) for p in lex.passive)
    passive = re.compile(rf"(?<!\w){passive_guard}(?:{_alternation(lex.passive)})(?!\w)")
    return cue, passive


class SourceFinder:
    """Attribution for the claims of one document."""

    def __init__(self, text: str, lang: str, mentions: Sequence[Mention]) -> None:
        self.text = text
        self.lex: CueLexicon = cues(lang)
        self.lang = lang
        self.mentions = sorted(mentions, key=itemgetter(0))  # by start (a C key function)
        self.starts = [m.start for m in self.mentions]
        self.by_start = {m.start: m for m in self.mentions}
        self._clause_cues: dict[tuple[int, int], list[_Cue]] = {}

    def _mentions_in(self, start: int, end: int) -> list[Mention]:
        first = bisect_left(self.starts, start)
        last = bisect_left(self.starts, end)
        return self.mentions[first:last]

    # -- cues -----------------------------------------------------------------------------
    def _cues(self, clause: Segment) -> list[_Cue]:
        """The source cues of a clause, worked out once a clause (claims share clauses)."""
        key = (clause.start, clause.end)
        found = self._clause_cues.get(key)
        if found is None:
            found = self._clause_cues[key] = self._read_cues(clause)
        return found

    def _read_cues(self, clause: Segment) -> list[_Cue]:
        cue, passive = _patterns(self.lang)
        lowered = self.text[clause.start : clause.end].lower()
        matches = list(cue.finditer(lowered))
        if not matches:
            return []  # then the passives do not matter: no need to look for them
        passives = [(m.start(), m.end()) for m in passive.finditer(lowered)]
        found = []
        offset = clause.start
        for m in matches:
            start, end = m.span()
            if any(a <= start < b for a, b in passives):
                continue  # "enligt uppgift": a report with no source
            found.append(_new(_Cue, (offset + start, offset + end, m.lastgroup == "before")))
        return found

    def find(
        self,
        claim: Span,
        clause: Segment,
        sentence: Segment,
        previous: Segment | None,
        masked: Sequence[Span] = (),
    ) -> Source | None:
        """The source of ``claim`` from cue words in its clause, its sentence or the one before."""
        candidates = [
            c for c in self._cues(clause)
            if all(c.end <= m.start or c.start >= m.end for m in (claim, *masked))
        ]
        if not candidates:
            return None

        def distance(c: _Cue) -> int:
            return claim.start - c.end if c.end <= claim.start else c.start - claim.end

        cue = candidates[0] if len(candidates) == 1 else min(candidates, key=lambda c: (distance(c), c.start))
        if cue.before:
            return self._after(cue.end, clause.end)
        return self._subject(cue, clause, sentence, previous)

    # -- spans ----------------------------------------------------------------------------
    def _after(self, position: int, limit: int) -> Source | None:
        """The source that follows "enligt" (after its fillers)."""
        start = skip_words(self.text, position, limit, self.lex.source_fillers)
        start = skip_words(self.text, start, limit, self.lex.determiners)
        return self._mention_or_phrase(start, limit)

    def _mention_or_phrase(self, start: int, limit: int) -> Source | None:
        """The mention at ``start`` (or its abbreviation), or the described source there."""
        mention = self.by_start.get(start)
        if mention is not None:
            if not self._modifies_noun(mention, limit):
                return self._named(self._abbreviation(mention) or mention)
            noun = noun_phrase(self.text, mention.end, limit, self.lex)
            if noun is not None:  # "U.S. officials", "Syriens inrikesministerium"
                return Source(Span(mention.start, noun.end), "unnamed")
        span = noun_phrase(self.text, start, limit, self.lex)
        return self._classify(span) if span else None

    def _subject(
        self, cue: _Cue, clause: Segment, sentence: Segment, previous: Segment | None
    ) -> Source | None:
        """The subject of a statement verb (see module docstring)."""
        end = cue.start
        read = WordReader(self.text, max(clause.start, cue.start - WINDOW), cue.start)
        for word in reversed(read.words):  # last_words(text, clause.start, cue.start)
            if word.lower in self.lex.auxiliaries and self.text[word.end : end].strip() == "":
                end = word.start
            else:
                break
        while end > clause.start and self.text[end - 1].isspace():
            end -= 1
        before = read.last(clause.start, end)
        if before and before[-1].end == end and before[-1].lower in self.lex.pronouns:
            return self._antecedent(previous)  # "De sier selv at ..."
        subject = noun_phrase_before(self.text, end, clause.start, self.lex, read)
        span = self._head_before_pp(subject, clause, read)
        if span is not None:
            if self.text[span.start : span.end].lower() in self.lex.pronouns:
                return self._antecedent(previous)
            return self._classify(span)
        if self.text[clause.start : end].strip(" \t\"“”«»'’–—-,:") == "":
            # nothing before the verb: the subject follows it ("skriver SDF", "säger han")
            after = skip_words(self.text, cue.end, clause.end, self.lex.determiners)
            words = words_between(self.text, after, min(clause.end, after + 40))
            if words and words[0].lower in self.lex.pronouns:
                return self._antecedent(previous)
            return self._mention_or_phrase(after, clause.end)
        if self.text[clause.start : end].rstrip().endswith((",", "”", '"', "»")):
            # ", skriver SDF" after a quotation
            return self._after(cue.end, clause.end)
        # "X spelade ... och har länge slagit larm": the subject opening the clause
        start = skip_words(self.text, sentence.start, sentence.end, self.lex.determiners)
        span = noun_phrase(self.text, start, sentence.end, self.lex)
        return self._classify(span) if span else None

    def _head_before_pp(self, span: Span | None, clause: Segment, read: WordReader) -> Span | None:
        """"Polisen i Damaskus säger": the subject is the noun before the prepositional phrase."""
        if span is None:
            return None
        before = read.last(clause.start, span.start)
        if len(before) >= 2 and before[-1].lower in self.lex.prepositions:
            head = noun_phrase_before(self.text, before[-2].end, clause.start, self.lex, read)
            if head is not None and head.end == before[-2].end:
                return head
        return span

    def _antecedent(self, previous: Segment | None) -> Source | None:
        if previous is None:
            return None
        start = skip_words(self.text, previous.start, previous.end, self.lex.determiners)
        span = noun_phrase(self.text, start, previous.end, self.lex)
        return self._classify(span) if span else None

    # -- types ----------------------------------------------------------------------------
    def _abbreviation(self, mention: Mention) -> Mention | None:
        """"Syriska människorättsobservatoriet (SOHR)" -> the SOHR mention."""
        for other in self._mentions_in(mention.end + 1, mention.end + 4):
            if _PAIR.fullmatch(self.text, mention.end, other.start):
                return other
        return None

    def _modifies_noun(self, mention: Mention, limit: int) -> bool:
        """"U.S. officials": a name used as a modifier of a described source.

        Only in English: in Swedish and Norwegian a verb follows the fronted phrase
        ("Enligt SVT sitter ..."), and a modifying name is fused ("SDF-styrkorna").
        """
        if self.lang != "en" and not self._genitive(mention):
            return False
        words = words_between(self.text, mention.end, min(limit, mention.end + 40))
        if not words or self.text[mention.end : words[0].start].strip(" ") != "":
            return False
        return words[0].text[:1].islower() and words[0].lower not in self.lex.function_words

    def _genitive(self, mention: Mention) -> bool:
        surface = self.text[mention.start : mention.end]
        return surface.endswith("s") and self.by_start.get(mention.start) is not None and (
            mention.entity_id is not None and not mention.entity_id.endswith("s")
        )

    def _named(self, mention: Mention) -> Source:
        return Source(Span(mention.start, mention.end), "named", mention.entity_id)

    def _classify(self, span: Span) -> Source:
        mention = self.by_start.get(span.start)
        if mention is not None and mention.end == span.end:
            return self._named(mention)
        for other in self._mentions_in(span.start + 1, span.end):  # "police spokesman Ahmed Musa"
            if span.start < other.start and other.end == span.end and other.label in ("PER", "ORG"):
                return self._named(other)
        # a name fused to the head noun: "SDF-styrkorna" is SDF speaking
        head = words_between(self.text, span.start, span.end)[-1]
        fused = self.by_start.get(head.start)
        if fused is not None and fused.end < head.end and self.text[fused.end] == "-":
            return self._named(fused)
        return Source(span, "unnamed")

"""The counted noun (ANNOTATION_GUIDELINES.md §4.9): the noun phrase right after the number, in its sentence.

"tusenvis av IS-krigere" -> "IS-krigere" (the partitive stays out, and a determiner after it:
"1.200 av de innsatte" -> "innsatte"); "Over 100 er tatt til
fange" -> None (a verb follows, the noun is not stated); a pronoun is never counted.
"""

from __future__ import annotations

from conflict_counts.baselines.rules.lexicon import CueLexicon
from conflict_counts.baselines.rules.phrases import noun_phrase, skip_words
from conflict_counts.records import Span


def counted_noun(
    text: str, claim: Span, sentence_end: int, lex: CueLexicon, claim_starts: frozenset[int]
) -> Span | None:
    """The noun phrase after a number in its sentence, or None when none is stated."""
    after = skip_words(text, claim.end, sentence_end, ())
    start = skip_words(text, claim.end, sentence_end, lex.partitive)
    if start != after:  # a partitive was skipped
        start = skip_words(text, start, sentence_end, lex.determiners)
    span = noun_phrase(text, start, sentence_end, lex, claim_starts)
    if span is None:
        return None
    if text[span.start : span.end].lower() in lex.pronouns:
        return None
    return span

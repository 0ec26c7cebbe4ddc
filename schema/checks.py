"""Checks across tables: spans against the text, references, overlaps, derived views.

Each check takes the frames by table name and yields :class:`Failure` rows. They are
written to survive bad values (nulls, wrong offsets) so that one bad row never hides
another failure.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator

import pandas as pd

from conflict_counts.bio import token_view
from conflict_counts.labels import bounds_problem
from conflict_counts.schema.failures import Failure
from conflict_counts.text import sentence_index, sentences

Frames = dict[str, pd.DataFrame]
Check = Callable[[Frames], Iterator[Failure]]

# (table, start column, end column, text column) of every span the tables store.
SPANS: tuple[tuple[str, str, str, str], ...] = (
    ("mentions", "start", "end", "text"),
    ("claims", "start", "end", "text"),
    ("claims", "counted_start", "counted_end", "counted_text"),
    ("claims", "source_start", "source_end", "source_text"),
)


def _texts(frames: Frames) -> dict[str, str]:
    """Each document's text; a null text (reported by the table model) has none to check against."""
    documents = frames["documents"]
    return {
        doc_id: text
        for doc_id, text in zip(documents["doc_id"], documents["text"], strict=True)
        if isinstance(text, str)
    }


def _value(value: object) -> object:
    return None if value is None or value is pd.NA or (isinstance(value, float) and value != value) else value


def spans_match_text(frames: Frames) -> Iterator[Failure]:
    """Every stored span equals the document text at its offsets."""
    texts = _texts(frames)
    for table, start_col, end_col, text_col in SPANS:
        frame = frames[table]
        for row, (doc_id, start, end, text) in enumerate(
            zip(frame["doc_id"], frame[start_col], frame[end_col], frame[text_col], strict=True)
        ):
            start, end, text = _value(start), _value(end), _value(text)
            if start is None or text is None or doc_id not in texts:
                continue
            document = texts[doc_id]
            if not 0 <= start < end <= len(document):
                yield Failure(table, row, start_col,
                              f"offsets {start}:{end} out of range (document has {len(document)} characters)")
            elif document[start:end] != text:
                yield Failure(table, row, start_col,
                              f"{text!r} does not match the text at {start}:{end}, which is "
                              f"{document[start:end]!r}")


def references_exist(frames: Frames) -> Iterator[Failure]:
    """Doc ids, entity ids and source entity ids point at existing rows."""
    doc_ids = set(frames["documents"]["doc_id"])
    entity_ids = set(frames["entities"]["entity_id"])
    for table in ("mentions", "claims", "tokens"):
        for row, doc_id in enumerate(frames[table]["doc_id"]):
            if doc_id not in doc_ids:
                yield Failure(table, row, "doc_id", f"unknown document {doc_id!r}")
    for table, column in (("mentions", "entity_id"), ("claims", "source_entity_id")):
        for row, entity_id in enumerate(frames[table][column]):
            if _value(entity_id) is not None and entity_id not in entity_ids:
                yield Failure(table, row, column, f"unknown entity {entity_id!r}", presumes="entities")


def _overlaps(frames: Frames, table: str, what: str) -> Iterator[Failure]:
    """Rows of ``table`` whose span overlaps the one before it in the same document."""
    frame = frames[table]
    order = frame.sort_values(["doc_id", "start", "end"], kind="stable").index
    previous: tuple[str, int, int] | None = None
    for row in order:
        doc_id, start, end = frame.at[row, "doc_id"], frame.at[row, "start"], frame.at[row, "end"]
        if previous and previous[0] == doc_id and start < previous[2]:
            yield Failure(table, int(row), "start",
                          f"{what} {start}:{end} overlaps the {what} at {previous[1]}:{previous[2]}")
        previous = (doc_id, start, end)


def mentions_do_not_overlap(frames: Frames) -> Iterator[Failure]:
    """No nesting, no overlap (guidelines §3)."""
    return _overlaps(frames, "mentions", "mention")


def claims_do_not_overlap(frames: Frames) -> Iterator[Failure]:
    """Claim spans neither nest nor overlap: each is one token run of the tokens view."""
    return _overlaps(frames, "claims", "claim")


def mentions_agree_with_entities(frames: Frames) -> Iterator[Failure]:
    """A mention's label is its entity's; an entity's aliases are its mentions' surface forms."""
    mentions, entities = frames["mentions"], frames["entities"]
    labels = dict(zip(entities["entity_id"], entities["label"], strict=True))
    for row, (entity_id, label) in enumerate(zip(mentions["entity_id"], mentions["label"], strict=True)):
        if entity_id in labels and labels[entity_id] != label:
            yield Failure("mentions", row, "label",
                          f"{label} differs from the label {labels[entity_id]} of entity {entity_id!r}")
    forms = mentions.groupby("entity_id")["text"].agg(lambda s: sorted(set(s))).to_dict()
    for row, (entity_id, aliases) in enumerate(zip(entities["entity_id"], entities["aliases"], strict=True)):
        if entity_id not in forms:
            yield Failure("entities", row, "entity_id", f"entity {entity_id!r} is never mentioned",
                          presumes="documents")
        elif list(aliases) != forms[entity_id]:
            yield Failure("entities", row, "aliases",
                          f"expected the sorted distinct mention texts {forms[entity_id]}",
                          presumes="documents")


def sources_are_mentions(frames: Frames) -> Iterator[Failure]:
    """A named source is a mention of its entity, in the claim's own sentence (guidelines §4)."""
    mentions, claims = frames["mentions"], frames["claims"]
    mention_entities = {
        (d, s, e): entity
        for d, s, e, entity in zip(mentions["doc_id"], mentions["start"], mentions["end"],
                                   mentions["entity_id"], strict=True)
    }
    segments = {doc_id: sentences(text) for doc_id, text in _texts(frames).items()}
    for row, claim in enumerate(claims.itertuples(index=False)):
        if claim.source_type == "named" and _value(claim.source_start) is not None:
            key = (claim.doc_id, claim.source_start, claim.source_end)
            if mention_entities.get(key) != claim.source_entity_id:
                yield Failure("claims", row, "source_start",
                              f"named source {claim.source_text!r} is not a mention of entity "
                              f"{claim.source_entity_id!r} at the same offsets", presumes="documents")
        if claim.doc_id not in segments:
            continue
        claim_sentence = sentence_index(segments[claim.doc_id], claim.start)
        # The counted noun is in the claim's sentence; so is the source, or the sentence just
        # before holds it as the antecedent of a pronoun speaker ("De sier selv").
        for column, what, allowed in (
            ("counted_start", "counted noun", (claim_sentence,)),
            ("source_start", "source", (claim_sentence, claim_sentence - 1)),
        ):
            start = _value(getattr(claim, column))
            if start is not None and sentence_index(segments[claim.doc_id], start) not in allowed:
                yield Failure("claims", row, column, f"the {what} lies outside the claim's sentence")


def bounds_fit_qualifiers(frames: Frames) -> Iterator[Failure]:
    """Each claim's bounds are what its qualifier sets (the rule predictions are held to too)."""
    claims = frames["claims"]
    for row, (qualifier, low, high) in enumerate(
        zip(claims["qualifier"], claims["low"], claims["high"], strict=True)
    ):
        problem = bounds_problem(qualifier, _value(low), _value(high)) if isinstance(qualifier, str) else None
        if problem is not None:
            yield Failure("claims", row, None, problem)  # the claim as a whole: its line


def documents_are_consistent(frames: Frames) -> Iterator[Failure]:
    """text_sha256 is the text's hash; folds number the documents 0..n-1."""
    documents = frames["documents"]
    for row, (text, digest) in enumerate(zip(documents["text"], documents["text_sha256"], strict=True)):
        if isinstance(text, str) and hashlib.sha256(text.encode("utf-8")).hexdigest() != digest:
            yield Failure("documents", row, "text_sha256", "is not the SHA-256 of the text")
    if sorted(documents["fold"].dropna()) != list(range(len(documents))):
        yield Failure("documents", None, "fold", f"expected folds 0..{len(documents) - 1}, one a document")


def tokens_agree_with_spans(frames: Frames) -> Iterator[Failure]:
    """The tokens view is exactly what the mentions and claims project to."""
    mentions, claims, tokens = frames["mentions"], frames["claims"], frames["tokens"]
    expected: dict[tuple[str, int], dict[str, object]] = {}
    texts = _texts(frames)
    for doc_id, text in texts.items():
        doc_mentions = mentions[mentions["doc_id"] == doc_id]
        doc_claims = claims[claims["doc_id"] == doc_id]
        view = token_view(
            doc_id,
            text,
            list(zip(doc_mentions["start"], doc_mentions["end"], doc_mentions["label"], strict=True)),
            list(zip(doc_claims["start"], doc_claims["end"], strict=True)),
        )
        expected.update({(doc_id, r["sentence_id"]): r for r in view.rows})
    seen = set()
    for row, actual in enumerate(tokens.to_dict("records")):
        key = (actual["doc_id"], actual["sentence_id"])
        seen.add(key)
        if key[0] not in texts:
            continue  # an unknown document, or one without a text: reported on its own
        if key not in expected:
            yield Failure("tokens", row, "sentence_id", f"no sentence {key[1]} in document {key[0]!r}")
            continue
        for column in ("tokens", "ner_tags", "claim_tags", "token_starts"):
            if list(actual[column]) != list(expected[key][column]):
                yield Failure("tokens", row, column, "differs from the projection of the spans")
    for doc_id, sentence_id in sorted(expected.keys() - seen):
        yield Failure("tokens", None, "sentence_id", f"sentence {sentence_id} of {doc_id!r} is missing")


CROSS_TABLE_CHECKS: tuple[Check, ...] = (
    spans_match_text,
    references_exist,
    mentions_do_not_overlap,
    claims_do_not_overlap,
    bounds_fit_qualifiers,
    mentions_agree_with_entities,
    sources_are_mentions,
    documents_are_consistent,
    tokens_agree_with_spans,
)

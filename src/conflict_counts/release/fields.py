"""What every column means, in words, for the Croissant RecordSets (the data model in README.md).

Kept beside the Arrow schemas' types so that a column added to a table without a
description here fails :func:`column_description` loudly instead of shipping blank.
"""

from __future__ import annotations

import pyarrow as pa

from conflict_counts.labels import (
    CLAIM_TAGS,
    CONTRAST_EDITS,
    CONTRAST_LANGUAGES,
    CONTRAST_ORIGINS,
    ENTITY_LABELS,
    LANGUAGES,
    NER_TAGS,
    PREDICATES,
    QUALIFIERS,
    SOURCE_TYPES,
)

_SPAN = "character offset (Unicode code point, end-exclusive) into documents.text"
_ITEM_SPAN = "character offset (Unicode code point, end-exclusive) into the item's text"

COLUMNS: dict[str, dict[str, str]] = {
    "documents": {
        "doc_id": "document id, stable across versions (the hash part of the seed file name)",
        "language": f"language of the article, one of {', '.join(LANGUAGES)}",
        "published": "publication month YYYY-MM; null when the seed file has no date header",
        "text": "the article body exactly as in the seed file (header removed, trailing space stripped)",
        "text_sha256": "SHA-256 of text encoded as UTF-8",
        "seed_file": "name of the seed file in seeds/articles",
        "split": "split name; every document is in 'test' (an evaluation benchmark)",
        "fold": "fold number for leave-one-document-out training of learned baselines",
    },
    "mentions": {
        "doc_id": "document the mention is in (documents.doc_id)",
        "mention_id": "mention id, unique in the table ('<doc_id>:<start>-<end>')",
        "start": f"mention start, {_SPAN}",
        "end": f"mention end, {_SPAN}",
        "text": "the mention as written: text[start:end]",
        "label": f"entity type, one of {', '.join(ENTITY_LABELS)}",
        "entity_id": "cross-document, cross-language entity (entities.entity_id)",
    },
    "entities": {
        "entity_id": "entity id, kebab-case English",
        "label": f"entity type, one of {', '.join(ENTITY_LABELS)}",
        "canonical_name": "canonical English name",
        "aliases": "distinct surface forms of the entity's mentions in the corpus",
        "description": "one-sentence description that tells the entity apart from namesakes",
    },
    "claims": {
        "doc_id": "document the claim is in (documents.doc_id)",
        "claim_id": "claim id, unique in the table ('<doc_id>:<start>-<end>')",
        "start": f"start of the numeric expression, {_SPAN}",
        "end": f"end of the numeric expression, {_SPAN}",
        "text": "the numeric expression with its qualifier words: text[start:end]",
        "low": "lower bound of the normalised interval; null = open",
        "high": "upper bound of the normalised interval; null = open",
        "qualifier": f"how the number is hedged, one of {', '.join(QUALIFIERS)}",
        "predicate": f"what the count measures, one of {', '.join(PREDICATES)}",
        "counted_start": f"start of the counted noun phrase, {_SPAN}; null when not stated",
        "counted_end": f"end of the counted noun phrase, {_SPAN}; null when not stated",
        "counted_text": "the counted noun phrase; null when not stated in the sentence",
        "source_type": f"attribution, one of {', '.join(SOURCE_TYPES)}",
        "source_start": f"start of the immediate source, {_SPAN}; null when source_type is none",
        "source_end": f"end of the immediate source, {_SPAN}; null when source_type is none",
        "source_text": "the shortest span naming the immediate source; null when source_type is none",
        "source_entity_id": "entity of a named source (entities.entity_id); null otherwise",
        "group_id": "claims about the same quantity share it, across documents and languages",
    },
    "tokens": {
        "doc_id": "document the sentence is in (documents.doc_id)",
        "sentence_id": "0-based sentence number within the document",
        "tokens": "the sentence's tokens (see conflict_counts.text)",
        "ner_tags": "BIO entity tag per token as a class index into " + ", ".join(NER_TAGS),
        "claim_tags": "BIO claim tag per token as a class index into " + ", ".join(CLAIM_TAGS),
        "token_starts": f"start of each token, {_SPAN}",
    },
    "contrast": {
        "item_id": "item id, unique in the table ('<language>-<edit>-<number>')",
        "language": f"language of the item, one of {', '.join(CONTRAST_LANGUAGES)}",
        "edit": f"what was changed in the gold claim sentence, one of {', '.join(CONTRAST_EDITS)}",
        "origin": f"how the item was made, one of {', '.join(CONTRAST_ORIGINS)}",
        "synthetic": "always true: an edited or invented sentence, not published text",
        "derived_from": "the gold claim whose sentence the item edits (claims.claim_id)",
        "text": "the item: one sentence",
        "is_claim": "whether the target is a numeric claim (false: a number that only looks like one)",
        "start": f"start of the target, {_ITEM_SPAN}",
        "end": f"end of the target, {_ITEM_SPAN}",
        "span_text": "the target as written: text[start:end]",
        "low": "lower bound of the claim's interval; null = open, or not a claim",
        "high": "upper bound of the claim's interval; null = open, or not a claim",
        "qualifier": f"the claim's qualifier, one of {', '.join(QUALIFIERS)}; null when not a claim",
        "predicate": f"what the claim measures, one of {', '.join(PREDICATES)}; null when not a claim",
        "counted_start": f"start of the counted noun phrase, {_ITEM_SPAN}; null when not stated",
        "counted_end": f"end of the counted noun phrase, {_ITEM_SPAN}; null when not stated",
        "counted_text": "the counted noun phrase; null when not stated or not a claim",
        "source_type": f"attribution, one of {', '.join(SOURCE_TYPES)}; null when not a claim",
        "source_start": f"start of the immediate source, {_ITEM_SPAN}; null when none",
        "source_end": f"end of the immediate source, {_ITEM_SPAN}; null when none",
        "source_text": "the shortest span naming the immediate source; null when none",
    },
}


def column_description(table: str, column: str) -> str:
    return COLUMNS[table][column]


def data_type(arrow_type: pa.DataType) -> tuple[str, bool]:
    """The schema.org type of a column's values and whether the column is a list (repeated)."""
    if pa.types.is_list(arrow_type) or pa.types.is_large_list(arrow_type):
        return data_type(arrow_type.value_type)[0], True
    if pa.types.is_integer(arrow_type):
        return "sc:Integer", False
    if pa.types.is_floating(arrow_type):
        return "sc:Float", False
    if pa.types.is_boolean(arrow_type):
        return "sc:Boolean", False
    if pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type):
        return "sc:Text", False
    raise ValueError(f"no Croissant data type for Arrow type {arrow_type}")

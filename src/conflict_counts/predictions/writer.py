"""Writing the prediction format: records in, one JSON line a document out, all or nothing.

Extractors build :class:`~conflict_counts.records.Mention` and :class:`~conflict_counts.records.Claim`
records and :func:`document_record` turns them into one line of the format
(:mod:`conflict_counts.predictions.format`). :func:`write_jsonl` streams such lines to a temporary
file beside the target and renames it only when every line was written, so a failed or interrupted
run never leaves a half-written predictions file.

>>> from conflict_counts.records import Claim, Document, Mention
>>> doc = Document("0123456789abcdef", "SOHR: 800 fled.", "en")
>>> claims = [Claim(6, 9, 800.0, 800.0, "exact", "escaped")]
>>> line = document_record(doc, [Mention(0, 4, "ORG", "sohr")], claims)
>>> line["mentions"][0]["text"], line["claims"][0]["text"], line["claims"][0]["source_type"]
('SOHR', '800', 'none')
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from conflict_counts.atomic import write_lines
from conflict_counts.hashing import text_sha256
from conflict_counts.predictions.format import dumps
from conflict_counts.records import Claim, Document, Mention


def mention_record(text: str, mention: Mention) -> dict:
    """A mention object with its surface text, which lets a reader check the offsets by eye."""
    record: dict = {"start": mention.start, "end": mention.end, "label": mention.label}
    if mention.entity_id is not None:
        record["entity_id"] = mention.entity_id
    record["text"] = text[mention.start : mention.end]
    return record


def claim_record(text: str, claim: Claim) -> dict:
    """A claim object with the optional keys that help a reader (surface texts, counted)."""
    record: dict = {
        "start": claim.start,
        "end": claim.end,
        "text": text[claim.start : claim.end],
        "low": claim.low,
        "high": claim.high,
        "qualifier": claim.qualifier,
        "predicate": claim.predicate,
    }
    if claim.counted is not None:
        record["counted_start"] = claim.counted.start
        record["counted_end"] = claim.counted.end
        record["counted_text"] = text[claim.counted.start : claim.counted.end]
    record["source_type"] = claim.source_type
    if claim.source is not None:
        record["source_start"] = claim.source.start
        record["source_end"] = claim.source.end
        record["source_text"] = text[claim.source.start : claim.source.end]
        if claim.source_entity_id is not None:
            record["source_entity_id"] = claim.source_entity_id
    if claim.group_id is not None:
        record["group_id"] = claim.group_id
    return record


def document_record(document: Document, mentions: Iterable[Mention], claims: Iterable[Claim]) -> dict:
    """One line; ``text_sha256`` lets the scorer refuse predictions made on another text."""
    text = document.text
    return {
        "doc_id": document.doc_id,
        "language": document.language,
        "text_sha256": text_sha256(text),
        "mentions": [mention_record(text, m) for m in sorted(mentions, key=_mention_key)],
        "claims": [claim_record(text, c) for c in sorted(claims, key=lambda c: (c.start, c.end))],
    }


def _mention_key(mention: Mention) -> tuple[int, int, str]:
    return (mention.start, mention.end, mention.label)


def write_jsonl(records: Iterable[dict], target: str | Path) -> int:
    """Stream ``records`` to ``target`` all-or-nothing, one line each; returns the number written.

    Memory does not grow with the input, and if the iterable raises, ``target`` is left untouched
    (:func:`conflict_counts.atomic.write_lines`).
    """
    return write_lines(target, (dumps(record) for record in records))

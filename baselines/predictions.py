"""The prediction format of SPEC §4, shared by every baseline, and writing it safely.

Baselines build :class:`Mention` and :class:`Claim` records and :func:`document_record`
turns them into one §4 JSON object a document. :func:`write_jsonl` streams such objects
through :func:`conflict_counts.atomic.replacing`: the target is replaced only when every
object was written, so a failed or interrupted run never leaves a half-written (or a
temporary) predictions file.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from conflict_counts.atomic import replacing


@dataclass(frozen=True)
class Document:
    """One input document: what every baseline's ``predict`` consumes."""

    doc_id: str
    text: str
    language: str


class Mention(NamedTuple):  # named tuples: cheap to create by the hundred thousand
    start: int
    end: int
    label: str
    entity_id: str | None = None


class Span(NamedTuple):
    start: int
    end: int


class Claim(NamedTuple):
    """A numeric claim; ``source`` is None for the article's own voice (``none``)."""

    start: int
    end: int
    low: float | None
    high: float | None
    qualifier: str
    predicate: str
    counted: Span | None = None
    source: Span | None = None
    source_type: str = "none"
    source_entity_id: str | None = None
    group_id: str | None = None


def mention_record(text: str, mention: Mention) -> dict:
    record: dict = {"start": mention.start, "end": mention.end, "label": mention.label}
    if mention.entity_id is not None:
        record["entity_id"] = mention.entity_id
    record["text"] = text[mention.start : mention.end]
    return record


def claim_record(text: str, claim: Claim) -> dict:
    """A §4 claim object with the optional keys that help a reader (surface texts, counted)."""
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
    """One §4 line; ``text_sha256`` lets the scorer refuse predictions made on another text."""
    text = document.text
    return {
        "doc_id": document.doc_id,
        "language": document.language,
        "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "mentions": [mention_record(text, m) for m in sorted(mentions, key=_mention_key)],
        "claims": [claim_record(text, c) for c in sorted(claims, key=lambda c: (c.start, c.end))],
    }


def _mention_key(mention: Mention) -> tuple[int, int, str]:
    return (mention.start, mention.end, mention.label)


def dumps(record: dict) -> str:
    """One JSON line: UTF-8 text as is, NaN refused (an open bound is null)."""
    return json.dumps(record, ensure_ascii=False, allow_nan=False) + "\n"


def write_jsonl(records: Iterable[dict], target: str | Path) -> int:
    """Stream ``records`` to ``target`` all-or-nothing; returns the number written.

    Memory does not grow with the input: each record is written as it comes. If the
    iterable raises, the temporary file is removed and ``target`` is left untouched.
    """
    count = 0
    with replacing(target) as handle:
        for record in records:
            handle.write(dumps(record))
            count += 1
    return count


def read_jsonl(path: str | Path) -> Iterator[dict]:
    """Read back a predictions file written by :func:`write_jsonl` (trusted input)."""
    with Path(path).open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)

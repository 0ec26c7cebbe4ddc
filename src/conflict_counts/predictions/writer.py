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
from json.encoder import encode_basestring  # the string encoder of dumps (ensure_ascii=False)
from operator import itemgetter
from pathlib import Path

from conflict_counts.atomic import write_lines
from conflict_counts.hashing import text_sha256
from conflict_counts.predictions.format import dumps
from conflict_counts.records import Claim, Document, Mention
from conflict_counts.targets import OutputFile, first_json_line


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


# -- the same line, written directly ------------------------------------------------------
_TAILS: dict[tuple[str, str | None, str], str] = {}  # a mention's JSON after its offsets
_TAILS_SIZE = 50_000
# the sort keys of document_record, as C functions: (start, end, label) and (start, end)
_BY_SPAN_AND_LABEL, _BY_SPAN = itemgetter(0, 1, 2), itemgetter(0, 1)


def _json_float(value: float | None) -> str:
    """A bound as ``dumps`` writes it: ``repr`` of a finite float, ``null`` for None."""
    if value is None:
        return "null"
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(f"Out of range float values are not JSON compliant: {value!r}")
    return float.__repr__(value)


def _mentions_json(text: str, mentions: Iterable[Mention]) -> str:
    tails = _TAILS
    items = []
    for start, end, label, entity_id in sorted(mentions, key=_BY_SPAN_AND_LABEL):
        key = (label, entity_id, text[start:end])
        tail = tails.get(key)
        if tail is None:  # names repeat: their label, id and surface are encoded once
            if len(tails) > _TAILS_SIZE:
                tails.clear()
            entity = "" if entity_id is None else f', "entity_id": {encode_basestring(entity_id)}'
            tail = tails[key] = (
                f'"label": {encode_basestring(label)}{entity}, "text": {encode_basestring(key[2])}}}'
            )
        items.append(f'{{"start": {start}, "end": {end}, {tail}')
    return ", ".join(items)


def _optional(value: str | None) -> str:
    return "null" if value is None else encode_basestring(value)


def _claim_json(text: str, claim: Claim) -> str:
    parts = [
        f'{{"start": {claim.start}, "end": {claim.end}, '
        f'"text": {encode_basestring(text[claim.start : claim.end])}, '
        f'"low": {_json_float(claim.low)}, "high": {_json_float(claim.high)}, '
        f'"qualifier": {_optional(claim.qualifier)}, "predicate": {_optional(claim.predicate)}'
    ]
    counted = claim.counted
    if counted is not None:
        parts.append(
            f', "counted_start": {counted.start}, "counted_end": {counted.end}, '
            f'"counted_text": {encode_basestring(text[counted.start : counted.end])}'
        )
    parts.append(f', "source_type": {_optional(claim.source_type)}')
    source = claim.source
    if source is not None:
        parts.append(
            f', "source_start": {source.start}, "source_end": {source.end}, '
            f'"source_text": {encode_basestring(text[source.start : source.end])}'
        )
        if claim.source_entity_id is not None:
            parts.append(f', "source_entity_id": {encode_basestring(claim.source_entity_id)}')
    if claim.group_id is not None:
        parts.append(f', "group_id": {encode_basestring(claim.group_id)}')
    parts.append("}")
    return "".join(parts)


def document_line(document: Document, mentions: Iterable[Mention], claims: Iterable[Claim]) -> str:
    """``dumps(document_record(document, mentions, claims))``, byte for byte, without the dicts.

    An extractor that writes thousands of lines a second spends a good part of its time
    building the record's dicts and encoding them; this writes the same JSON from the records
    directly, each name's label, id and surface encoded once (names repeat). Offsets must be
    ints and bounds floats or None, as the records' types say.
    """
    text = document.text
    mention_items = _mentions_json(text, mentions)
    claim_items = ", ".join(_claim_json(text, c) for c in sorted(claims, key=_BY_SPAN))
    return (
        f'{{"doc_id": {encode_basestring(document.doc_id)}, '
        f'"language": {_optional(document.language)}, '
        f'"text_sha256": "{text_sha256(text)}", '
        f'"mentions": [{mention_items}], "claims": [{claim_items}]}}\n'
    )


def is_prediction_file(path: Path) -> bool:
    """Whether ``path`` is a prediction file as this writer makes them: its first line is a
    record with ``doc_id`` and ``text_sha256`` (the hash the scorer checks texts by)."""
    record = first_json_line(path)
    return (
        isinstance(record, dict)
        and isinstance(record.get("doc_id"), str)
        and isinstance(record.get("text_sha256"), str)
    )


PREDICTION_FILE = OutputFile("a prediction file extract wrote", is_prediction_file)


def write_jsonl(records: Iterable[dict], target: str | Path) -> int:
    """Stream ``records`` to ``target`` all-or-nothing, one line each; returns the number written.

    Memory does not grow with the input, and if the iterable raises, ``target`` is left untouched
    (:func:`conflict_counts.atomic.write_lines`).
    """
    return write_lines(target, (dumps(record) for record in records))

"""The prediction format, defined once: which keys a line, a mention and a claim carry.

One JSON object a line, one line a document (the README's "Prediction format"). The writer
(:mod:`conflict_counts.predictions.writer`) emits only these keys and the reader
(:mod:`conflict_counts.predictions.reader`) accepts only these, so the two cannot drift apart.
Surface texts (``text``, ``counted_text``, ``source_text``) are optional, for a human reader; when
given they must equal the document text at their span.
"""

from __future__ import annotations

import json

DOCUMENT_KEYS: tuple[str, ...] = ("doc_id",)
# A layer left out of every document (or a Parquet table of the other layer) is "not
# attempted": scored as no predictions, and said so in the report.
LAYERS: tuple[str, ...] = ("mentions", "claims")
DOCUMENT_OPTIONAL: tuple[str, ...] = (*LAYERS, "language", "text", "text_sha256")
MENTION_KEYS: tuple[str, ...] = ("start", "end", "label")
MENTION_OPTIONAL: tuple[str, ...] = ("entity_id", "text", "mention_id")
CLAIM_KEYS: tuple[str, ...] = ("start", "end", "low", "high", "qualifier", "predicate")
CLAIM_OPTIONAL: tuple[str, ...] = (
    "source_start",
    "source_end",
    "group_id",
    "text",
    "claim_id",
    "counted_start",
    "counted_end",
    "counted_text",
    "source_type",
    "source_text",
    "source_entity_id",
)


def dumps(record: dict) -> str:
    """One JSON line: UTF-8 text as is, NaN refused (an open bound is null).

    >>> dumps({"doc_id": "d", "low": None})
    '{"doc_id": "d", "low": null}\\n'
    """
    return json.dumps(record, ensure_ascii=False, allow_nan=False) + "\n"

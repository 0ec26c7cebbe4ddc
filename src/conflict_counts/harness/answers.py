"""From a harness's sample to the model's answer and back to a prediction record.

The harnesses hand over a document row and a completion string; this module applies the
``llm`` adapter's pieces unchanged: its prompt, its output schema, its answer parser and
its quote alignment, and writes the result in the one prediction shape
(:func:`~conflict_counts.predictions.writer.document_record`). An answer that is not
JSON in the schema becomes an empty prediction (every gold item of that document is then
missed), and the reason is kept beside it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass

from conflict_counts.baselines.llm.adapter import AnswerError, parse_answer
from conflict_counts.baselines.llm.align import align
from conflict_counts.baselines.llm.prompt import OUTPUT_SCHEMA, instructions, user_message
from conflict_counts.predictions.writer import document_record
from conflict_counts.records import Document

# A completion wrapped in a Markdown code fence, as chat models without a response format write it.
_FENCED = re.compile(r"^\s*```(?:json)?\s*\n(?P<body>.*)\n\s*```\s*$", re.DOTALL)

SCHEMA_NOTE = "Answer with one JSON object and nothing else, in this JSON schema:"


@dataclass(frozen=True)
class Prediction:
    """One document's answer as a prediction record, and why it is empty if it is."""

    record: dict
    error: str | None = None
    unaligned: int = 0  # quotes not found in the text, dropped
    invalid: int = 0  # claims whose interval breaks the qualifier table, dropped


def document_of(row: Mapping) -> Document:
    """A row of the ``documents`` table (a harness's sample) as a :class:`Document`."""
    return Document(str(row["doc_id"]), str(row["text"]), str(row["language"]))


def prompt_text(document: Document) -> str:
    """The adapter's system and user messages as one text, with the schema written out:
    for a harness that sends plain text and no response format (lm-evaluation-harness)."""
    schema = json.dumps(OUTPUT_SCHEMA, ensure_ascii=False)
    return f"{instructions()}\n{SCHEMA_NOTE}\n{schema}\n\n{user_message(document)}\n"


def unfenced(completion: str | None) -> str | None:
    """The completion without a surrounding Markdown code fence.

    >>> unfenced('```json\\n{"mentions": [], "claims": []}\\n```')
    '{"mentions": [], "claims": []}'
    """
    if completion is None:
        return None
    match = _FENCED.match(completion)
    return match.group("body") if match else completion


def predict(document: Document, completion: str | None) -> Prediction:
    """The prediction record of one answer: parsed, checked against the schema, aligned."""
    try:
        answer = parse_answer(unfenced(completion))
    except AnswerError as error:
        return Prediction(document_record(document, [], []), str(error))
    alignment = align(document.text, answer)
    record = document_record(document, alignment.mentions, alignment.claims)
    return Prediction(record, None, len(alignment.unaligned), len(alignment.invalid))

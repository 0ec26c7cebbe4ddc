"""Extraction as a pure function on Arrow tables: what a distributed engine maps over batches.

:func:`extract_batch` takes a table of documents (``doc_id``, ``text``, ``language``) and gives
one row a document: the prediction record of the format
(:func:`~conflict_counts.predictions.format.arrow_schema`) and an ``error`` column, null for a
document predicted and one line of reason for a bad row (no text, unknown language), whose
mentions and claims are then empty. A bad row never stops the batch.

>>> import pyarrow as pa
>>> table = pa.table({"doc_id": ["a", "b", "c"], "text": ["Minst 20 dödades.", None, "Hi."],
...                   "language": ["sv", "sv", "xx"]})
>>> out = extract_batch(table)  # the rules baseline
>>> out.column("doc_id").to_pylist(), out.column("error").to_pylist()
(['a', 'b', 'c'], [None, 'text: missing', "language: 'xx' is not one of sv, nb, da, en"])
>>> [claim["text"] for claim in out.column("claims").to_pylist()[0]]
['Minst 20']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyarrow as pa

from conflict_counts.baselines.registry import LANGUAGES
from conflict_counts.predictions.format import arrow_schema
from conflict_counts.records import Document

if TYPE_CHECKING:
    from conflict_counts.baselines.registry import Extractor

INPUT_COLUMNS: tuple[str, ...] = ("doc_id", "text", "language")
_DEFAULT: list = []  # the rules baseline on the installed dataset, built once per process


def output_schema() -> pa.Schema:
    """The prediction record's columns and ``error`` (null when the document was predicted)."""
    return arrow_schema().append(pa.field("error", pa.string()))


def extract_batch(
    table: pa.Table, extractor: Extractor | None = None, default_language: str | None = None
) -> pa.Table:
    """Predict every document of ``table``; one output row an input row, in input order.

    ``extractor`` defaults to the rules baseline on the installed dataset; any extractor of
    the registry works if it can be pickled to the engine's workers. ``default_language``
    fills a missing language (``--lang``). A missing input column is a null column, so its
    rows are reported rather than the batch failing.
    """
    if extractor is None:
        if not _DEFAULT:
            from conflict_counts.baselines.registry import create

            _DEFAULT.append(create("rules"))
        extractor = _DEFAULT[0]
    present = [c for c in INPUT_COLUMNS if c in table.column_names]
    rows = [{c: row.get(c) for c in INPUT_COLUMNS} for row in table.select(present).to_pylist()]
    good: list[Document] = []
    errors: list[str | None] = []
    for row in rows:
        if row["language"] is None:
            row["language"] = default_language
        error = _problem(row)
        errors.append(error)
        if error is None:
            good.append(Document(row["doc_id"], row["text"], row["language"]))
    predicted = iter(extractor.predict(good))
    records = []
    for row, error in zip(rows, errors, strict=True):
        if error is None:
            records.append({**next(predicted), "error": None})
        else:
            doc_id = row["doc_id"] if isinstance(row["doc_id"], str) else None
            records.append({"doc_id": doc_id, "mentions": [], "claims": [], "error": error})
    return pa.Table.from_pylist(records, schema=output_schema())


def _problem(row: dict) -> str | None:
    """Why a row cannot be predicted, as ``field: reason``; None if it can."""
    doc_id, text, language = row["doc_id"], row["text"], row["language"]
    if not isinstance(doc_id, str) or not doc_id.strip():
        got = f"doc_id: expected a non-empty string, got {doc_id!r}"[:120]
        return "doc_id: missing" if doc_id is None else got
    if not isinstance(text, str):
        return "text: missing" if text is None else f"text: expected a string, got {type(text).__name__}"
    if language not in LANGUAGES:
        got = f"language: {language!r} is not one of {', '.join(LANGUAGES)}"[:120]
        return "language: missing" if language is None else got
    return None


"""Checking well-formed predictions in bulk: column by column instead of item by item.

The loader (:mod:`conflict_counts.score.predictions`) hands over a chunk of parsed
prediction records. :func:`check_chunk` gathers their mentions and claims into columns
and checks every rule of the prediction format on whole columns (types, offsets inside
the document, label and qualifier vocabularies, surface texts, unique ids). It returns
the chunk's rows only if *all* of it is valid; otherwise ``None``, and the loader runs
its item-by-item checker on the chunk, which names every problem by line and field.
So the two paths can never disagree on a message, only on speed: a valid million-item
file is checked in a few seconds.

Any rule added to the item-by-item checker must be added here too (or make this path
return ``None`` for the inputs it concerns); the loader tests run both paths.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from conflict_counts.labels import ENTITY_LABELS, PREDICATES, QUALIFIERS, SOURCE_TYPES

_NONE = type(None)


@dataclass(frozen=True)
class Chunk:
    """The rows of a valid chunk, and the documents it covers with their line numbers."""

    mentions: pd.DataFrame
    claims: pd.DataFrame
    seen: dict[str, int]


def check_chunk(
    records: Sequence[tuple[int, object]],
    texts: Mapping[str, str],
    languages: Mapping[str, str],
    seen: Mapping[str, int],
    keys: dict[str, tuple[tuple[str, ...], tuple[str, ...]]],
    mention_columns: Sequence[str],
    claim_columns: Sequence[str],
) -> Chunk | None:
    """Rows of ``records`` (line, parsed record) if every one of them is valid, else ``None``.

    ``keys`` holds the required and optional keys of ``document``, ``mention`` and ``claim``;
    ``seen`` the documents already read (a repeat is a problem).
    """
    doc_required, doc_allowed = _key_sets(keys["document"])
    m_required, m_allowed = _key_sets(keys["mention"])
    c_required, c_allowed = _key_sets(keys["claim"])
    new_seen: dict[str, int] = {}
    doc_of_mention: list[str] = []
    doc_of_claim: list[str] = []
    mentions: list[dict] = []
    claims: list[dict] = []
    for line, obj in records:
        if type(obj) is not dict or not (doc_required <= obj.keys() <= doc_allowed):
            return None
        doc_id = obj["doc_id"]
        if type(doc_id) is not str or doc_id not in texts or doc_id in seen or doc_id in new_seen:
            return None
        new_seen[doc_id] = line
        if "language" in obj and obj["language"] != languages[doc_id]:
            return None
        if "text" in obj and obj["text"] != texts[doc_id]:
            return None
        if "text_sha256" in obj and obj["text_sha256"] != _sha256(texts[doc_id]):
            return None
        items_m, items_c = obj["mentions"], obj["claims"]
        if type(items_m) is not list or type(items_c) is not list:
            return None
        for items, required, allowed in ((items_m, m_required, m_allowed), (items_c, c_required, c_allowed)):
            for item in items:
                if type(item) is not dict or not (required <= item.keys() <= allowed):
                    return None
        mentions += items_m
        claims += items_c
        doc_of_mention += [doc_id] * len(items_m)
        doc_of_claim += [doc_id] * len(items_c)

    lengths = {doc_id: len(texts[doc_id]) for doc_id in new_seen}
    m_frame = _mentions(mentions, doc_of_mention, texts, lengths, mention_columns)
    c_frame = _claims(claims, doc_of_claim, texts, lengths, claim_columns)
    if m_frame is None or c_frame is None:
        return None
    return Chunk(m_frame, c_frame, new_seen)


def _key_sets(keys: tuple[tuple[str, ...], tuple[str, ...]]) -> tuple[set[str], set[str]]:
    required, optional = keys
    return set(required), {*required, *optional}


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _column(items: list[dict], key: str) -> list:
    return [item.get(key) for item in items]


def _types(values: list) -> set[type]:
    return set(map(type, values))


def _spans(
    starts: list, ends: list, docs: list[str], lengths: Mapping[str, int], nullable: bool
) -> tuple[np.ndarray, np.ndarray] | None:
    """Offsets as arrays (-1 where a nullable pair is absent), or ``None`` if any is invalid."""
    allowed = {int, _NONE} if nullable else {int}
    if not (_types(starts) <= allowed and _types(ends) <= allowed):
        return None
    if nullable:
        absent = [s is None for s in starts]
        if absent != [e is None for e in ends]:
            return None
        starts = [-1 if s is None else s for s in starts]
        ends = [-1 if e is None else e for e in ends]
    else:
        absent = None
    start = np.asarray(starts, dtype=np.int64)
    end = np.asarray(ends, dtype=np.int64)
    limit = np.asarray([lengths[d] for d in docs], dtype=np.int64)
    given = np.ones(len(start), dtype=bool) if absent is None else ~np.asarray(absent, dtype=bool)
    if np.any(given & ((start < 0) | (end <= start) | (end > limit))):
        return None
    return start, end


def _surfaces(
    items: list[dict], key: str, docs: list[str], texts: Mapping[str, str], start: np.ndarray, end: np.ndarray
) -> bool:
    """Every given surface string (``key``) equals the document text at its span."""
    for index, item in enumerate(items):
        given = item.get(key)
        if given is None:
            continue
        s, e = int(start[index]), int(end[index])
        if type(given) is not str or texts[docs[index]][s:e] != given:
            return False
    return True


def _unique_ids(items: list[dict], key: str, docs: list[str]) -> bool:
    pairs = [(docs[i], item[key]) for i, item in enumerate(items) if item.get(key) is not None]
    if not _types([value for _, value in pairs]) <= {str, int}:
        return False
    return len(set(pairs)) == len(pairs)


def _strings(values: list, choices: tuple[str, ...] | None = None, nullable: bool = False) -> bool:
    present = [v for v in values if v is not None] if nullable else values
    if not _types(present) <= {str}:
        return False
    return choices is None or set(present) <= set(choices)


def _bounds(values: list) -> np.ndarray | None:
    """Interval bounds as floats (NaN = open), or ``None`` if one is not a finite number."""
    if not _types(values) <= {int, float, _NONE}:
        return None
    array = np.asarray([math.nan if v is None else float(v) for v in values], dtype=np.float64)
    given = np.asarray([v is not None for v in values], dtype=bool)
    if not np.all(np.isfinite(array[given])):
        return None
    return array


def _mentions(
    items: list[dict], docs: list[str], texts: Mapping[str, str], lengths: Mapping[str, int], columns
) -> pd.DataFrame | None:
    spans = _spans(_column(items, "start"), _column(items, "end"), docs, lengths, nullable=False)
    labels = _column(items, "label")
    entity = _column(items, "entity_id")
    if spans is None or not _strings(labels, ENTITY_LABELS) or not _strings(entity, nullable=True):
        return None
    if not _surfaces(items, "text", docs, texts, *spans) or not _unique_ids(items, "mention_id", docs):
        return None
    return pd.DataFrame(
        {
            columns[0]: docs,
            "start": spans[0],
            "end": spans[1],
            "label": labels,
            "entity_id": entity,
        },
        columns=list(columns),
    )


def _claims(
    items: list[dict], docs: list[str], texts: Mapping[str, str], lengths: Mapping[str, int], columns
) -> pd.DataFrame | None:
    spans = _spans(_column(items, "start"), _column(items, "end"), docs, lengths, nullable=False)
    source = _spans(
        _column(items, "source_start"), _column(items, "source_end"), docs, lengths, nullable=True
    )
    counted = _spans(
        _column(items, "counted_start"), _column(items, "counted_end"), docs, lengths, nullable=True
    )
    low, high = _bounds(_column(items, "low")), _bounds(_column(items, "high"))
    if spans is None or source is None or counted is None or low is None or high is None:
        return None
    if np.any(low > high):  # NaN (open) compares False
        return None
    qualifier, predicate = _column(items, "qualifier"), _column(items, "predicate")
    group = _column(items, "group_id")
    if not (
        _strings(qualifier, QUALIFIERS)
        and _strings(predicate, PREDICATES)
        and _strings(group, nullable=True)
        and _strings(_column(items, "source_type"), SOURCE_TYPES, nullable=True)
        and _strings(_column(items, "source_entity_id"), nullable=True)
        and _surfaces(items, "text", docs, texts, *spans)
        and _unique_ids(items, "claim_id", docs)
    ):
        return None
    has_source = source[0] >= 0
    sourced = [item for item, given in zip(items, has_source.tolist(), strict=True) if given]
    sourced_docs = [d for d, given in zip(docs, has_source.tolist(), strict=True) if given]
    if not _surfaces(
        sourced, "source_text", sourced_docs, texts, source[0][has_source], source[1][has_source]
    ):
        return None
    return pd.DataFrame(
        {
            columns[0]: docs,
            "start": spans[0],
            "end": spans[1],
            "low": low,
            "high": high,
            "qualifier": qualifier,
            "predicate": predicate,
            "source_start": source[0],
            "source_end": source[1],
            "group_id": group,
        },
        columns=list(columns),
    )

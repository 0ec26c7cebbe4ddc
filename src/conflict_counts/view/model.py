"""The viewer's own small records of documents, mentions and claims (gold or predicted).

Plain frozen dataclasses rather than DataFrame rows, so that matching and rendering are
simple loops over a handful of items per document and nulls are ``None`` throughout.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from conflict_counts.dataset import read_table


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    label: str
    entity_id: str | None = None


@dataclass(frozen=True)
class Claim:
    start: int
    end: int
    low: float | None
    high: float | None
    qualifier: str
    predicate: str
    source_type: str | None = None
    source_start: int | None = None
    source_end: int | None = None
    source_text: str | None = None
    counted_start: int | None = None
    counted_end: int | None = None
    counted_text: str | None = None
    group_id: str | None = None


@dataclass(frozen=True)
class Document:
    doc_id: str
    language: str
    published: str | None
    seed_file: str
    fold: int
    text: str
    mentions: tuple[Mention, ...] = field(default_factory=tuple)
    claims: tuple[Claim, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Gold:
    documents: dict[str, Document]  # by doc_id, in doc_id order
    entity_names: dict[str, str]  # entity_id → canonical name
    group_descriptions: dict[str, str]


def value(item: object) -> object:
    """A cell as a plain Python value; pandas' NA and NaN become None."""
    if item is None:
        return None
    try:
        if pd.isna(item):
            return None
    except (TypeError, ValueError):
        return item
    return item.item() if hasattr(item, "item") else item


def _int(item: object) -> int | None:
    item = value(item)
    return None if item is None or int(item) < 0 else int(item)  # predictions use -1 for "none"


def _float(item: object) -> float | None:
    item = value(item)
    return None if item is None else float(item)


def _str(item: object) -> str | None:
    item = value(item)
    return None if item is None else str(item)


def mentions_from(frame: pd.DataFrame) -> dict[str, list[Mention]]:
    out: dict[str, list[Mention]] = {}
    for row in frame.to_dict("records"):
        mention = Mention(int(row["start"]), int(row["end"]), str(row["label"]), _str(row.get("entity_id")))
        out.setdefault(str(row["doc_id"]), []).append(mention)
    return {doc: sorted(items, key=lambda m: (m.start, m.end, m.label)) for doc, items in out.items()}


def claims_from(frame: pd.DataFrame) -> dict[str, list[Claim]]:
    out: dict[str, list[Claim]] = {}
    for row in frame.to_dict("records"):
        claim = Claim(
            start=int(row["start"]), end=int(row["end"]),
            low=_float(row["low"]), high=_float(row["high"]),
            qualifier=str(row["qualifier"]), predicate=str(row["predicate"]),
            source_type=_str(row.get("source_type")),
            source_start=_int(row.get("source_start")), source_end=_int(row.get("source_end")),
            source_text=_str(row.get("source_text")),
            counted_start=_int(row.get("counted_start")), counted_end=_int(row.get("counted_end")),
            counted_text=_str(row.get("counted_text")),
            group_id=_str(row.get("group_id")),
        )
        out.setdefault(str(row["doc_id"]), []).append(claim)
    return {doc: sorted(items, key=lambda c: (c.start, c.end)) for doc, items in out.items()}


def load_gold(directory: Path, group_descriptions: dict[str, str] | None = None) -> Gold:
    """The built dataset in ``directory`` (documents, mentions, entities, claims)."""
    documents = read_table(directory, "documents").sort_values("doc_id")
    mentions = mentions_from(read_table(directory, "mentions"))
    claims = claims_from(read_table(directory, "claims"))
    entities = read_table(directory, "entities")
    docs = {
        str(d["doc_id"]): Document(
            doc_id=str(d["doc_id"]), language=str(d["language"]), published=_str(d["published"]),
            seed_file=str(d["seed_file"]), fold=int(d["fold"]), text=str(d["text"]),
            mentions=tuple(mentions.get(str(d["doc_id"]), [])),
            claims=tuple(claims.get(str(d["doc_id"]), [])),
        )
        for d in documents.to_dict("records")
    }
    names = dict(zip(entities["entity_id"].astype(str), entities["canonical_name"].astype(str), strict=True))
    return Gold(docs, names, dict(group_descriptions or {}))


def documents_frame(gold: Gold) -> pd.DataFrame:
    """The columns the prediction loader checks against (doc_id, language, text)."""
    return pd.DataFrame(
        [(d.doc_id, d.language, d.text) for d in gold.documents.values()],
        columns=["doc_id", "language", "text"],
    )


@dataclass(frozen=True)
class PredictedDocument:
    """One document's predictions (empty when the prediction file does not mention it)."""

    mentions: tuple[Mention, ...] = ()
    claims: tuple[Claim, ...] = ()

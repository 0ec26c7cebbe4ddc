"""The gold side of scoring: the columnar view of a built dataset's documents, mentions and claims.

The scorer works on whole columns at once, so it takes the frames of
:class:`conflict_counts.dataset.Dataset` as they are, sorted, instead of records.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from conflict_counts.dataset import Dataset
from conflict_counts.errors import Problem, raise_if_any
from conflict_counts.layout import MANIFEST
from conflict_counts.matching import lexical_order
from conflict_counts.predictions.reader import CLAIM_COLUMNS, MENTION_COLUMNS, load_predictions
from conflict_counts.scorer import gold_cache
from conflict_counts.scorer.units import Units, document_starts

# Columns the scorer reads: those it compares with the predictions, and the surface texts its
# error report quotes; other columns of the tables are ignored.
COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id", "language", "text"),
    "mentions": (*MENTION_COLUMNS, "text"),
    "claims": (*CLAIM_COLUMNS, "text", "source_text"),
}


@dataclass(frozen=True)
class Gold:
    """Gold tables, each sorted by document and offset."""

    documents: pd.DataFrame
    mentions: pd.DataFrame
    claims: pd.DataFrame
    known_units: Units | None = None  # the units, when they were found in the cache

    @cached_property
    def units(self) -> Units:
        """The sentences of the gold documents (the bootstrap units), split once per gold:
        ``compare`` and repeated ``score`` calls on one :class:`Gold` reuse them."""
        return self.known_units if self.known_units is not None else Units.from_documents(self.documents)

    @classmethod
    def from_frames(
        cls, documents: pd.DataFrame, mentions: pd.DataFrame, claims: pd.DataFrame, where: str = "gold"
    ) -> Gold:
        """The gold frames sorted by document and offset; a missing column is named, not a KeyError."""
        frames = {"documents": documents, "mentions": mentions, "claims": claims}
        raise_if_any(
            Problem(f"{where}/{table}.parquet", None, column, "missing column")
            for table, frame in frames.items()
            for column in COLUMNS[table]
            if column not in frame.columns
        )
        keys = {
            "documents": ["doc_id"],
            "mentions": ["doc_id", "start", "end"],
            "claims": ["doc_id", "start", "end"],
        }
        return cls(**{table: _sorted(frame, keys[table]) for table, frame in frames.items()})

    def restrict(self, doc_ids: Iterable[str]) -> Gold:
        """The same gold limited to ``doc_ids`` (for ``--subset``)."""
        keep = set(doc_ids)
        return Gold(
            *(
                frame[frame["doc_id"].isin(keep)].reset_index(drop=True)
                for frame in (self.documents, self.mentions, self.claims)
            )
        )


def _sorted(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """``frame`` stably sorted by ``keys`` (as ``sort_values`` sorts), untouched if it already is:
    a built dataset's tables are."""
    columns = [
        pd.factorize(frame[key], sort=True)[0] if not pd.api.types.is_integer_dtype(frame[key])
        else frame[key].to_numpy(dtype=np.int64)
        for key in keys
    ]
    order = lexical_order(columns) if len(frame) else np.zeros(0, dtype=np.int64)
    if np.array_equal(order, np.arange(len(frame))):
        return frame.reset_index(drop=True)
    return frame.take(order).reset_index(drop=True)


def load_gold(directory: str | Path) -> Gold:
    """Read ``documents``, ``mentions`` and ``claims`` of a built dataset directory.

    The folder is validated first: a damaged gold table would otherwise give plausible
    but wrong scores. A built folder (it has a manifest) is validated as ``conflict-counts
    validate`` does; a hand-made one (the three tables only) is held to the rules of a
    prediction file: types, offsets inside the text, the qualifier table. A folder that passed
    once is not checked again while its files and this program are unchanged: its sentence
    starts are then read from the cache (:mod:`conflict_counts.scorer.gold_cache`).
    """
    dataset = Dataset(directory)
    entry = gold_cache.entry_path(dataset.directory)
    cached = gold_cache.read(entry)
    if cached is None:
        _check(dataset)
    gold = Gold.from_frames(*(dataset.table(table) for table in COLUMNS), where=str(dataset.directory))
    if cached is not None and len(cached) != len(gold.documents):  # not this folder's entry after all
        _check(dataset)
        cached = None
    if cached is None:
        starts = document_starts(gold.documents)
        gold_cache.write(entry, starts)
    else:
        starts = cached
    return replace(gold, known_units=Units.from_documents(gold.documents, starts))


def _check(dataset: Dataset) -> None:
    """Every check of the gold folder (``load_gold`` says which); raises InputError listing problems."""
    if (dataset.directory / MANIFEST).is_file():
        from conflict_counts.schema.directory import validate_directory

        raise_if_any(validate_directory(dataset.directory))
    else:
        _check_hand_made(dataset)


def _check_hand_made(dataset: Dataset) -> None:
    """Documents with unique ids and texts; mentions and claims read as predictions are."""
    documents = dataset.table("documents")
    where = str(dataset.directory / "documents.parquet")
    problems = (
        [Problem(where, None, "doc_id", "duplicate document ids")]
        if "doc_id" in documents and documents["doc_id"].duplicated().any()
        else []
    )
    for column in ("doc_id", "text", "language"):
        if column in documents and not documents[column].map(lambda value: isinstance(value, str)).all():
            problems.append(Problem(where, None, column, "expected a string in every row"))
    raise_if_any(problems)
    load_predictions(dataset.directory, documents)

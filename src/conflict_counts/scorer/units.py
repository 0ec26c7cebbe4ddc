"""Sentences as the unit of resampling: every scored item belongs to exactly one.

The bootstrap resamples sentences, not documents: the dataset has few documents and
many sentences, and a sentence is the largest unit inside which annotation decisions
(attribution is read one sentence at a time, ANNOTATION_GUIDELINES.md §4) depend on each other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from conflict_counts.labels import LANGUAGES
from conflict_counts.matching import codes
from conflict_counts.text import sentence_starts


@dataclass(frozen=True)
class Units:
    """The sentences of the scored documents, numbered in (doc_id, position) order."""

    doc_ids: tuple[str, ...]  # sorted; a document's code is its index here
    doc_language: np.ndarray  # language of each document
    unit_doc: np.ndarray  # document code of each unit
    unit_start: np.ndarray  # start offset of each unit in its document
    doc_first_unit: np.ndarray  # first unit of each document

    @classmethod
    def build(
        cls, doc_ids: Sequence[str], languages: Sequence[str], starts: Sequence[Sequence[int]]
    ) -> Units:
        """Units from each document's sentence start offsets (a document has at least one)."""
        order = np.argsort(np.asarray(doc_ids, dtype=object), kind="stable")
        doc_ids = [doc_ids[i] for i in order]
        starts = [
            np.asarray(starts[i], dtype=np.int64) if len(starts[i]) else np.zeros(1, np.int64) for i in order
        ]
        counts = np.array([len(s) for s in starts], dtype=np.int64)
        return cls(
            doc_ids=tuple(doc_ids),
            doc_language=np.asarray([languages[i] for i in order], dtype=object),
            unit_doc=np.repeat(np.arange(len(doc_ids), dtype=np.int64), counts),
            unit_start=np.concatenate(starts) if starts else np.zeros(0, np.int64),
            doc_first_unit=np.cumsum(counts) - counts,
        )

    @classmethod
    def from_documents(cls, documents: pd.DataFrame, starts: Sequence[Sequence[int]] | None = None) -> Units:
        """Sentence units of a documents table (columns ``doc_id``, ``language``, ``text``);
        ``starts``, if given, are :func:`document_starts` of it, computed before."""
        return cls.build(
            documents["doc_id"].astype(str).tolist(),
            documents["language"].astype(str).tolist(),
            document_starts(documents) if starts is None else starts,
        )

    @property
    def n(self) -> int:
        """The number of resampling units (sentences)."""
        return len(self.unit_doc)

    def doc_codes(self, doc_ids: Sequence[str] | pd.Series) -> np.ndarray:
        """Codes of the given document ids (all must be scored documents)."""
        return codes(doc_ids, self.doc_ids)

    def locate(self, doc: np.ndarray, position: np.ndarray) -> np.ndarray:
        """Unit holding each ``position`` of document ``doc`` (a gap belongs to the sentence before)."""
        if len(doc) == 0:
            return np.zeros(0, dtype=np.int64)
        stride = int(max(self.unit_start.max(initial=0), np.max(position))) + 1
        keys = self.unit_doc * stride + self.unit_start
        found = np.searchsorted(keys, doc * stride + position, side="right") - 1
        return np.maximum(found, self.doc_first_unit[doc])

    def language_units(self) -> dict[str, np.ndarray]:
        """Boolean unit mask per language present, in the order of ``labels.LANGUAGES``."""
        languages = self.doc_language[self.unit_doc]
        present = {str(lang) for lang in self.doc_language}
        ordered = [lang for lang in LANGUAGES if lang in present] + sorted(present - set(LANGUAGES))
        return {lang: languages == lang for lang in ordered}


def document_starts(documents: pd.DataFrame) -> list[list[int]]:
    """Where each sentence of each document begins, in the table's row order (the slow part of
    building units: one regular-expression scan of every text)."""
    return [sentence_starts(text) or [0] for text in documents["text"].tolist()]

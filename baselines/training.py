"""Gold training data for the baselines that learn from the dataset, kept leave-one-document-out.

Every document a baseline predicts is held out of what it learns from: a gold document
is excluded when its text equals the text being predicted (so renaming a document cannot
leak it), which on the dataset is exactly the split of each document's ``fold``. On held-out
articles nothing matches, and the baselines learn from all gold documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd

from conflict_counts.dataset import Dataset
from conflict_counts.hashing import text_sha256


@dataclass(frozen=True)
class GoldData:
    """The gold tables of a built dataset, or a leave-one-out subset of them."""

    documents: pd.DataFrame  # doc_id, language, text, fold
    mentions: pd.DataFrame
    claims: pd.DataFrame
    tokens: pd.DataFrame

    @classmethod
    def load(cls, directory: str | Path | None = None) -> GoldData:
        """The gold tables of a built dataset, through the one dataset reader."""
        dataset = Dataset(directory)
        return cls(*(dataset.table(t) for t in ("documents", "mentions", "claims", "tokens")))

    @property
    def doc_ids(self) -> tuple[str, ...]:
        """The gold document ids, sorted."""
        return tuple(sorted(self.documents["doc_id"].astype(str)))

    @cached_property
    def _hashes(self) -> dict[str, str]:
        return {
            text_sha256(str(text)): str(doc_id)
            for doc_id, text in zip(self.documents["doc_id"], self.documents["text"], strict=True)
        }

    def held_out_for(self, text: str) -> str | None:
        """The gold document with this exact text, if any (the one to leave out)."""
        return self._hashes.get(text_sha256(text))

    def without(self, doc_ids: frozenset[str] | set[str]) -> GoldData:
        """The same tables minus ``doc_ids``: the training data of a held-out fold."""
        if not doc_ids:
            return self

        def keep(frame: pd.DataFrame) -> pd.DataFrame:
            return frame[~frame["doc_id"].astype(str).isin(doc_ids)].reset_index(drop=True)

        return GoldData(*(keep(f) for f in (self.documents, self.mentions, self.claims, self.tokens)))

    def for_text(self, text: str) -> GoldData:
        """Training data for predicting ``text``: every gold document but the one with this text."""
        held_out = self.held_out_for(text)
        return self.without({held_out}) if held_out else self

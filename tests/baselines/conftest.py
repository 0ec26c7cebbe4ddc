"""Fixtures of the baseline tests: the gold dataset and its documents as baseline input."""

from __future__ import annotations

from pathlib import Path

import pytest

from conflict_counts.baselines.training import GoldData
from conflict_counts.records import Document

DATASET = Path(__file__).resolve().parents[2] / "dataset"


@pytest.fixture(scope="module")
def gold() -> GoldData:
    return GoldData.load(DATASET)


@pytest.fixture(scope="module")
def documents(gold: GoldData) -> list[Document]:
    frame = gold.documents.sort_values("doc_id")
    return [
        Document(str(d), str(t), str(g))
        for d, t, g in zip(frame.doc_id, frame.text, frame.language, strict=True)
    ]

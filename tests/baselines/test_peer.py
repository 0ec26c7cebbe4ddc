"""quantulum3 as a peer reference (skipped when the optional extra is not installed)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("quantulum3")

from conflict_counts.baselines.peer import QuantulumBaseline
from conflict_counts.baselines.training import GoldData
from conflict_counts.records import Document
from conflict_counts.scorer.api import score

DATASET = Path(__file__).resolve().parents[2] / "dataset"


@pytest.fixture(scope="module")
def peer() -> QuantulumBaseline:
    return QuantulumBaseline()


def test_english_counts_and_ranges(peer: QuantulumBaseline) -> None:
    text = "Between 15,000 and 20,000 people escaped, and 12 guards were killed 5 km away."
    [record] = peer.predict([Document("x", text, "en")])
    found = {(c["text"], c["low"], c["high"], c["qualifier"]) for c in record["claims"]}
    assert ("Between 15,000 and 20,000", 15000.0, 20000.0, "range") in found
    assert ("12", 12.0, 12.0, "exact") in found
    assert not any("km" in c["text"] for c in record["claims"])  # a measurement is not a count
    assert record["mentions"] == []


def test_other_languages_get_no_claims(peer: QuantulumBaseline) -> None:
    [record] = peer.predict([Document("x", "Minst 39 soldater dödades.", "sv")])
    assert record["claims"] == []


def test_predictions_on_the_dataset_are_scored(peer: QuantulumBaseline) -> None:
    gold = GoldData.load(DATASET)
    documents = [
        Document(str(d), str(t), str(g))
        for d, t, g in zip(gold.documents.doc_id, gold.documents.text, gold.documents.language, strict=True)
    ]
    report = score(list(peer.predict(documents)), DATASET, samples=0)
    assert report["claims"]["per_language"]["en"]["span_strict"]["f1"] > 0

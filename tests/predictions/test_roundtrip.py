"""The writer and the reader share one definition: what one writes, the other gives back unchanged."""

from __future__ import annotations

from pathlib import Path

from conflict_counts.dataset import Dataset
from conflict_counts.predictions.format import (
    CLAIM_KEYS,
    CLAIM_OPTIONAL,
    DOCUMENT_KEYS,
    DOCUMENT_OPTIONAL,
    MENTION_KEYS,
    MENTION_OPTIONAL,
)
from conflict_counts.predictions.reader import load_predictions
from conflict_counts.predictions.writer import document_record, write_jsonl
from tests.conftest import ROOT


def test_gold_written_as_predictions_reads_back_as_the_same_records(tmp_path: Path) -> None:
    dataset = Dataset(ROOT / "dataset")
    gold = dataset.gold()
    documents = dataset.documents()
    lines = [document_record(d, gold[d.doc_id].mentions, gold[d.doc_id].claims) for d in documents]
    for line in lines:
        assert set(DOCUMENT_KEYS) <= set(line) <= {*DOCUMENT_KEYS, *DOCUMENT_OPTIONAL}
        for mention in line["mentions"]:
            assert set(MENTION_KEYS) <= set(mention) <= {*MENTION_KEYS, *MENTION_OPTIONAL}
        for claim in line["claims"]:
            assert set(CLAIM_KEYS) <= set(claim) <= {*CLAIM_KEYS, *CLAIM_OPTIONAL}
    path = tmp_path / "gold.jsonl"
    assert write_jsonl(lines, path) == len(documents)
    read = load_predictions(path, dataset.table("documents")).documents
    assert read == gold
    assert sum(len(p.claims) for p in read.values()) == len(dataset.table("claims"))

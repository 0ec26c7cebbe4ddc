"""The writer and the reader share one definition: what one writes, the other gives back unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from conflict_counts.dataset import Dataset
from conflict_counts.predictions.format import (
    CLAIM_KEYS,
    CLAIM_OPTIONAL,
    DOCUMENT_KEYS,
    DOCUMENT_OPTIONAL,
    MENTION_KEYS,
    MENTION_OPTIONAL,
    dumps,
)
from conflict_counts.predictions.reader import load_predictions
from conflict_counts.predictions.writer import document_line, document_record, write_jsonl
from conflict_counts.records import Claim, Document, Mention, Span
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


def test_document_line_is_dumps_of_document_record_byte_for_byte() -> None:
    dataset = Dataset(ROOT / "dataset")
    gold = dataset.gold()
    for document in dataset.documents():
        mentions, claims = gold[document.doc_id].mentions, gold[document.doc_id].claims
        assert document_line(document, mentions, claims) == dumps(document_record(document, mentions, claims))
    # what the gold lacks: quotes, backslashes, control characters and non-Latin text to
    # escape, open bounds, absent optional keys, unsorted input, no mentions or claims
    text = 'He said "800\\n" fled\ttoday — 多 «SDF»\n'
    document = Document('doc "1"\\', text, "sv")
    mentions = [Mention(28, 33, "ORG", "sdf"), Mention(3, 7, "PER"), Mention(3, 7, "ORG", 'a"b')]
    claims = [
        Claim(9, 12, None, 800.0, "at_most", "escaped", Span(13, 17), Span(0, 2), "unnamed", None, 'g\\1'),
        Claim(8, 12, 1e-7, 1.5e22, "range", "other", source_type=None, group_id=None),
        Claim(2, 3, 3.0, 3.0, "exact", "killed", None, Span(28, 33), "named", "sdf"),
    ]
    for found, told in ((mentions, claims), ([], []), (mentions[:1], []), ([], claims[:1])):
        assert document_line(document, found, told) == dumps(document_record(document, found, told))
    with pytest.raises(ValueError):
        document_line(document, [], [Claim(0, 1, float("nan"), 1.0, "exact", "other")])

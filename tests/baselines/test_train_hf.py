"""``scripts/train_hf.py``: leave-one-document-out fine-tuning of a tiny encoder, every fold predicted."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

pytest.importorskip("transformers")
pytest.importorskip("accelerate")

from conflict_counts.baselines.hf.spans import LABELS
from conflict_counts.baselines.training import GoldData
from conflict_counts.scorer.api import score
from tests.baselines.tiny_encoder import tiny_encoder

ROOT = Path(__file__).resolve().parents[2]
DATASET = ROOT / "dataset"


def script():
    spec = importlib.util.spec_from_file_location("train_hf", ROOT / "scripts" / "train_hf.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_training_sentences_leave_the_fold_out_and_merge_the_tags() -> None:
    train_hf, gold = script(), GoldData.load(DATASET)
    for doc_id in gold.doc_ids:
        sentences = train_hf.training_sentences(gold, doc_id)
        held_out = gold.tokens[gold.tokens["doc_id"] == doc_id]
        assert len(sentences) == len(gold.tokens) - len(held_out)
        held_words = {tuple(t) for t in held_out["tokens"]}
        assert not [words for words, _ in sentences if tuple(words) in held_words and len(words) > 8]
    expected = [0, 3, 4, LABELS.index("B-NUM"), LABELS.index("I-NUM")]
    assert train_hf.tags([0, 3, 4, 0, 0], [0, 0, 0, 1, 2]) == expected


def test_every_fold_is_trained_and_predicted(tmp_path: Path) -> None:
    train_hf = script()
    corpus = [str(t) for t in GoldData.load(DATASET).documents["text"]]
    checkpoint = tiny_encoder(tmp_path / "checkpoint", corpus)
    out = tmp_path / "hf.jsonl"
    args = train_hf.parser().parse_args([
        "--checkpoint", str(checkpoint), "--out", str(out), "--gold", str(DATASET),
        "--max-steps", "3", "--batch-size", "8", "--work", str(tmp_path / "w"),
    ])
    assert train_hf.run(args) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["doc_id"] for r in records) == sorted(GoldData.load(DATASET).doc_ids)
    assert sorted(p.name for p in (tmp_path / "w").iterdir()) == sorted(r["doc_id"] for r in records)
    assert score(out, DATASET, samples=0)["meta"]["documents"] == 5

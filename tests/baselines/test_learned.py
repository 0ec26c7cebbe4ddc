"""The ``learned`` baseline: each fold's model never sees its document; valid, deterministic."""

from __future__ import annotations

from pathlib import Path

import pytest

from conflict_counts.baselines.learned import LearnedBaseline, LearnedModel
from conflict_counts.baselines.training import GoldData
from conflict_counts.numbers import normalize
from conflict_counts.records import Document
from conflict_counts.scorer.api import score

ROOT = Path(__file__).resolve().parents[2]
DATASET = ROOT / "dataset"


@pytest.fixture(scope="module")
def baseline(gold: GoldData) -> LearnedBaseline:
    return LearnedBaseline(gold)


@pytest.fixture(scope="module")
def predictions(baseline: LearnedBaseline, documents: list[Document]) -> list[dict]:
    return list(baseline.predict(documents))


def test_fold_k_is_trained_on_the_other_documents(
    gold: GoldData, baseline: LearnedBaseline, documents: list[Document], predictions: list[dict]
) -> None:
    folds = dict(zip(gold.documents.doc_id.astype(str), gold.documents.fold.astype(int), strict=True))
    everything = set(gold.doc_ids)
    assert len(set(folds.values())) == len(documents)  # one document a fold
    for document in documents:
        model = baseline.model_for(document.text)
        assert set(model.trained_on) == everything - {document.doc_id}
        assert {folds[d] for d in model.trained_on} == set(folds.values()) - {folds[document.doc_id]}
        assert document.doc_id not in model.names.trained_on  # the entity-id lookup too


def test_other_text_uses_a_model_trained_on_every_document(gold: GoldData, baseline: LearnedBaseline) -> None:
    model = baseline.model_for("Over 100 fanger rømte fra fengselet i Kirkuk.")
    assert set(model.trained_on) == set(gold.doc_ids)


def test_predictions_are_valid_and_scored(predictions: list[dict]) -> None:
    report = score(predictions, DATASET, samples=0)
    assert report["meta"]["documents"] == 5
    assert report["entities"]["strict"]["f1"] > 0


def test_claim_values_are_the_normaliser_reading_of_the_span(predictions: list[dict], documents) -> None:
    languages = {d.doc_id: d.language for d in documents}
    for prediction in predictions:
        for claim in prediction["claims"]:
            value = normalize(claim["text"], languages[prediction["doc_id"]])
            assert (claim["low"], claim["high"], claim["qualifier"]) == (
                value.low,
                value.high,
                value.qualifier,
            )


def test_training_is_deterministic(gold: GoldData, documents: list[Document]) -> None:
    document = documents[0]
    training = gold.for_text(document.text)
    first, second = LearnedModel.fit(training), LearnedModel.fit(training)
    assert first.analyse(document) == second.analyse(document)
    assert (first.ner[-1].coef_ == second.ner[-1].coef_).all()

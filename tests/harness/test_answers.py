"""A completion becomes a prediction record, and the pooled figures are the scorer's report."""

from __future__ import annotations

import json
import math

import conflict_counts
from conflict_counts.harness.answers import predict, prompt_text
from conflict_counts.harness.metrics import pooled, report_figures, task_metrics
from tests.baselines.chat_server import DATASET, gold_answers
from tests.harness.conftest import article_of, documents, records_of, scripted_answers


def test_gold_answers_become_records_that_score_one() -> None:
    gold = gold_answers()
    records = [predict(d, gold[d.doc_id]).record for d in documents()]
    report = conflict_counts.score(records, DATASET, samples=0)
    assert report["entities"]["strict"]["f1"] == 1.0
    assert report["claims"]["full"]["f1"] == 1.0


def test_a_broken_answer_is_an_empty_prediction_with_its_reason() -> None:
    document = documents()[0]
    prediction = predict(document, '{"mentions": [')
    assert prediction.error is not None and prediction.error.startswith("invalid JSON")
    assert prediction.record["mentions"] == [] and prediction.record["claims"] == []
    assert prediction.record["doc_id"] == document.doc_id


def test_a_fenced_answer_is_read() -> None:
    document = documents()[0]
    answer = json.loads(gold_answers()[document.doc_id])
    prediction = predict(document, "```json\n" + json.dumps(answer) + "\n```")
    assert prediction.error is None
    assert len(prediction.record["mentions"]) == len(answer["mentions"])


def test_the_prompt_is_the_adapters_with_the_schema_and_the_article() -> None:
    from conflict_counts.baselines.llm.prompt import instructions

    document = documents()[1]
    text = prompt_text(document)
    assert text.startswith(instructions())
    assert '"required": ["mentions", "claims"]' in text
    assert article_of(text) == document.text


def test_pooled_figures_equal_the_report_of_the_same_predictions() -> None:
    records = records_of(scripted_answers(), "sv")
    report = conflict_counts.score(records, DATASET, subset=True, samples=0)
    for task in ("entities", "claims"):
        figures, expected = pooled(records, task), report_figures(report, task)
        assert list(figures) == list(task_metrics(task)) == list(expected)
        assert all(math.isclose(figures[name], expected[name]) for name in figures), (figures, expected)
    assert 0 < pooled(records, "claims")["claims_value_f1"] < 1  # the partial and broken answers count

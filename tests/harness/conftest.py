"""The harness tests run offline: no hub look-up for data sets or models."""

from __future__ import annotations

import pytest

from conflict_counts.harness.answers import predict
from conflict_counts.records import Document
from tests.baselines.chat_server import DATASET, gold_answers

OFFLINE = {"HF_DATASETS_OFFLINE": "1", "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}


@pytest.fixture(autouse=True)
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in OFFLINE.items():
        monkeypatch.setenv(name, value)


def documents() -> list[Document]:
    from conflict_counts.dataset import Dataset

    return Dataset(DATASET).documents()


def article_of(prompt: str) -> str:
    """The article a prompt asks about: what follows the user message's ``Article:`` line."""
    return prompt.rsplit("Article:\n", 1)[1].rstrip("\n")


def scripted_answers() -> dict[str, str]:
    """Article text → the answer a test model gives: gold for most documents, a partial
    answer (every other mention and claim dropped) for one, broken JSON for another."""
    gold = gold_answers()
    docs = documents()
    answers = {d.text: gold[d.doc_id] for d in docs}
    import json

    partial = json.loads(gold[docs[0].doc_id])
    partial = {"mentions": partial["mentions"][::2], "claims": partial["claims"][::2]}
    answers[docs[0].text] = "```json\n" + json.dumps(partial, ensure_ascii=False) + "\n```"
    answers[docs[2].text] = '{"mentions": ['
    return answers


def records_of(answers: dict[str, str], language: str | None = None) -> list[dict]:
    """The prediction records those answers become, as the harnesses make them."""
    return [predict(d, answers[d.text]).record for d in documents() if language in (None, d.language)]

"""The ``learned`` baseline: each document is predicted by a model that never saw it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from conflict_counts.baselines.learned.model import LearnedModel
from conflict_counts.baselines.training import GoldData
from conflict_counts.predictions.writer import document_record
from conflict_counts.records import Document


class LearnedBaseline:
    """Leave-one-document-out on the dataset (fold k: trained on the other documents);
    on any other text, trained on every gold document. Models are trained once and cached."""

    name = "learned"
    description = (
        "scikit-learn logistic regression: per-token BIO tagger for mentions and claim spans, "
        "bag-of-words predicate classifier; trained leave-one-document-out"
    )

    def __init__(self, gold: GoldData) -> None:
        self.gold = gold
        self._models: dict[str | None, LearnedModel] = {}

    def model_for(self, text: str) -> LearnedModel:
        """The model for ``text``: trained without the gold document of that text, cached per fold."""
        held_out = self.gold.held_out_for(text)
        if held_out not in self._models:
            self._models[held_out] = LearnedModel.fit(self.gold.for_text(text))
        return self._models[held_out]

    def predict(self, documents: Iterable[Document]) -> Iterator[dict]:
        """One prediction line a document, each from a model that never saw it."""
        for document in documents:
            mentions, claims = self.model_for(document.text).analyse(document)
            yield document_record(document, mentions, claims)

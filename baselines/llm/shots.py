"""Worked examples for the prompt: gold answers of other documents only.

A document is never shown to the model as an example of itself: the gold document with
the same text and every document of its fold are left out (leave-one-fold-out, as the
learned baselines train), and an outside text may draw on any gold document. Examples of
the predicted document's language come first, then by document id, so the same request
is made on every run.
"""

from __future__ import annotations

import json

from conflict_counts.baselines.training import GoldData
from conflict_counts.cells import plain
from conflict_counts.records import Document


def gold_answer(gold: GoldData, doc_id: str) -> str:
    """The gold annotation of ``doc_id`` in the output schema, as the model should answer."""
    mentions = gold.mentions[gold.mentions["doc_id"] == doc_id].sort_values(["start", "end"])
    claims = gold.claims[gold.claims["doc_id"] == doc_id].sort_values(["start", "end"])
    answer = {
        "mentions": [
            {"text": str(m.text), "label": str(m.label), "entity_id": plain(m.entity_id)}
            for m in mentions.itertuples()
        ],
        "claims": [
            {
                "text": str(c.text), "low": plain(c.low), "high": plain(c.high),
                "qualifier": str(c.qualifier), "predicate": str(c.predicate),
                "source_text": plain(c.source_text), "group_id": plain(c.group_id),
            }
            for c in claims.itertuples()
        ],
    }
    return json.dumps(answer, ensure_ascii=False)


class ShotPool:
    """Chooses ``k`` examples for a document from the gold documents outside its fold."""

    def __init__(self, gold: GoldData, k: int) -> None:
        self.gold, self.k = gold, k
        frame = gold.documents.sort_values("doc_id")
        self._documents = [
            (Document(str(d), str(t), str(g)), int(f))
            for d, t, g, f in zip(
                frame["doc_id"], frame["text"], frame["language"], frame["fold"], strict=True
            )
        ]
        self._folds = {doc.doc_id: fold for doc, fold in self._documents}
        self._answers: dict[str, str] = {}

    def available(self) -> int:
        """Examples any dataset document can have: the documents outside the largest fold."""
        sizes: dict[int, int] = {}
        for fold in self._folds.values():
            sizes[fold] = sizes.get(fold, 0) + 1
        return len(self._documents) - max(sizes.values(), default=0)

    def for_document(self, document: Document) -> list[tuple[Document, str]]:
        """Few-shot examples for ``document``, never from the document itself."""
        if self.k == 0:
            return []
        held_out = self.gold.held_out_for(document.text)
        fold = self._folds.get(held_out) if held_out is not None else None
        candidates = [
            doc for doc, f in self._documents
            if doc.doc_id != held_out and (fold is None or f != fold) and doc.text != document.text
        ]
        candidates.sort(key=lambda doc: (doc.language != document.language, doc.doc_id))
        return [(doc, self._answer(doc.doc_id)) for doc in candidates[: self.k]]

    def _answer(self, doc_id: str) -> str:
        if doc_id not in self._answers:
            self._answers[doc_id] = gold_answer(self.gold, doc_id)
        return self._answers[doc_id]

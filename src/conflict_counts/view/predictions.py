"""Predictions for the viewer, read and checked by the scorer's loader (the prediction format of README.md).

Reusing :func:`conflict_counts.score.predictions.load_predictions` means the viewer
accepts exactly what ``conflict-counts score`` accepts and rejects bad input with the
same one-line messages (file, line, field).
"""

from __future__ import annotations

from pathlib import Path

from conflict_counts.score.predictions import load_predictions
from conflict_counts.view.model import Gold, PredictedDocument, claims_from, documents_frame, mentions_from


def load_predicted(path: Path, gold: Gold) -> dict[str, PredictedDocument]:
    """Predictions by document id; documents absent from the file get no entry (= empty)."""
    predictions = load_predictions(path, documents_frame(gold))
    mentions = mentions_from(predictions.mentions)
    claims = claims_from(predictions.claims)
    return {
        doc_id: PredictedDocument(tuple(mentions.get(doc_id, [])), tuple(claims.get(doc_id, [])))
        for doc_id in sorted(predictions.doc_ids | set(mentions) | set(claims))
    }

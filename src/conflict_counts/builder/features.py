"""Hugging Face ``Features`` of each table, derived from the Arrow schemas plus label names."""

from __future__ import annotations

import datasets

from conflict_counts.labels import CLAIM_TAGS, NER_TAGS
from conflict_counts.schema.columns import ARROW_SCHEMAS

CLASS_LABELS: dict[tuple[str, str], tuple[str, ...]] = {
    ("tokens", "ner_tags"): NER_TAGS,
    ("tokens", "claim_tags"): CLAIM_TAGS,
}


def features_for(table: str) -> datasets.Features:
    """Features whose Arrow type is the stored one, so `datasets` keeps the ClassLabels."""
    features = datasets.Features.from_arrow_schema(ARROW_SCHEMAS[table])
    for (name, column), names in CLASS_LABELS.items():
        if name == table:
            features[column] = datasets.List(datasets.ClassLabel(names=list(names)))
    return features

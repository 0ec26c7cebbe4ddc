"""The ``learned`` baseline: scikit-learn classifiers with hand-made features, trained
leave-one-document-out with a fixed seed (see ``model.py``)."""

from __future__ import annotations

from conflict_counts.baselines.learned.baseline import LearnedBaseline
from conflict_counts.baselines.learned.model import LearnedModel

__all__ = ["LearnedBaseline", "LearnedModel"]

"""The ``rules`` baseline: per-language cue lexicons, capitalisation heuristics and the
number normaliser, with a name gazetteer learned from the gold leave-one-document-out.

``RulesBaseline(gold).predict(documents)`` yields one prediction-format line a document;
``analyse(document, gazetteer)`` gives the mentions and claims of one document.
"""

from __future__ import annotations

from conflict_counts.baselines.rules.baseline import RulesBaseline, gazetteer_from
from conflict_counts.baselines.rules.document import analyse, read_claims
from conflict_counts.baselines.rules.gazetteer import Gazetteer

__all__ = ["Gazetteer", "RulesBaseline", "analyse", "gazetteer_from", "read_claims"]

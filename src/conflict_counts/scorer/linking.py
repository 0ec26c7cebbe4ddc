"""Entity linking: is each correctly found mention given the right ``entity_id``?

Two views. ``accuracy`` is over strictly matched mentions (right span, right label) and
isolates the linking decision from detection. ``bcubed`` scores the cross-document,
cross-language entity clusters as a whole, with system mentions: a missed or spurious
mention costs recall or precision, and a prediction without an ``entity_id`` is a
singleton cluster (it links to nothing).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from conflict_counts.clusters import Clustering, ClusterScorer
from conflict_counts.scorer.counts import Tally, Tree, accuracy
from conflict_counts.scorer.entities import EntityEvaluation


@dataclass(frozen=True)
class LinkEvaluation:
    """Entity links of strictly matched mentions, scored under any bootstrap weights."""
    pairs: tuple[np.ndarray, np.ndarray]  # strictly matched (gold, pred)
    correct: np.ndarray  # per pair: same entity_id
    tally: Tally
    clusters: ClusterScorer

    def scores(self, weights: np.ndarray) -> Tree:
        """Link accuracy and B-cubed over linked mentions under each row of ``weights``."""
        sums = self.tally.sums(weights)
        tree = accuracy(sums["correct"], sums["matched"])
        tree["bcubed"] = self.clusters.scores(weights)["bcubed"]
        return tree


def evaluate(entities: EntityEvaluation, n_units: int) -> LinkEvaluation:
    """Compare entity ids of the mentions whose spans and labels match exactly."""
    gold, pred = entities.gold, entities.pred
    strict = entities.matchings["strict"]
    mg, mp = strict.gold[strict.correct], strict.pred[strict.correct]
    correct = (gold.link[mg] >= 0) & (gold.link[mg] == pred.link[mp])
    tally = Tally(n_units)
    tally.add("matched", gold.unit[mg])
    tally.add("correct", gold.unit[mg[correct]])

    # An unlinked prediction (or gold mention) is an entity of its own.
    clustering = Clustering.from_matching(gold.link, gold.unit, pred.link, pred.unit, (mg, mp))
    return LinkEvaluation((mg, mp), correct, tally, ClusterScorer(clustering, n_units, ("bcubed",)))

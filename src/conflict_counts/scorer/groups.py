"""Claim groups: which claims are about the same quantity, scored as coreference clusters.

Mentions are claims; key clusters are gold ``group_id``s, response clusters predicted
``group_id``s (a claim without one is a singleton). A predicted claim stands for the
gold claim it is matched to by ``span_overlap``, so grouping is judged apart from exact
boundaries; unmatched claims on either side are twinless mentions, as with system
mentions in the CoNLL-2012 scorer. MUC ignores singletons, hence LEA as well.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from conflict_counts.clusters import Clustering, ClusterScorer
from conflict_counts.scorer.claims import ClaimEvaluation
from conflict_counts.scorer.counts import Tree


@dataclass(frozen=True)
class GroupEvaluation:
    """The claim-group clustering of matched claims, scored under any bootstrap weights."""
    clusters: ClusterScorer

    def scores(self, weights: np.ndarray) -> Tree:
        """Cluster metrics of the claim groups under each row of ``weights``."""
        return self.clusters.scores(weights)


def clustering(claims: ClaimEvaluation) -> Clustering:
    """Gold and predicted claims as key and response mentions, joined by ``span_overlap``."""
    gold, pred = claims.gold, claims.pred
    return Clustering.from_matching(gold.group, gold.unit, pred.group, pred.unit, claims.overlap)


def evaluate(claims: ClaimEvaluation, n_units: int) -> GroupEvaluation:
    """Group scores over claims matched by span: a group id is judged by the company it keeps."""
    return GroupEvaluation(ClusterScorer(clustering(claims), n_units))

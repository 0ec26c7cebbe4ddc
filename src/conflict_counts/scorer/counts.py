"""Scores from counts, vectorised over bootstrap replicates.

Every function takes count arrays of shape ``(replicates,)`` (the observed scores are the
one replicate with all weights 1) and returns arrays of the same shape, so one code path
gives both the score and its bootstrap distribution.
"""

from __future__ import annotations

import numpy as np

Tree = dict[str, "np.ndarray | Tree"]


def divide(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    """``numerator / denominator``, 0 where the denominator is 0 (nervaluate's convention)."""
    numerator = np.asarray(numerator, dtype=np.float64)
    denominator = np.asarray(denominator, dtype=np.float64)
    return np.divide(
        numerator,
        denominator,
        out=np.zeros(np.broadcast(numerator, denominator).shape),
        where=denominator > 0,
    )


def f1(precision: np.ndarray, recall: np.ndarray, defined: np.ndarray | None = None) -> np.ndarray:
    """Harmonic mean, written as nervaluate writes it so equal inputs give identical floats.

    Where ``defined`` is False (nothing to find and nothing found) the result is NaN: the
    report shows 0 as nervaluate does, and the bootstrap leaves such replicates out.
    """
    value = divide(2 * (precision * recall), precision + recall)
    return value if defined is None else np.where(defined, value, np.nan)


def prf(
    correct: np.ndarray,
    possible: np.ndarray,
    actual: np.ndarray,
    partial: np.ndarray | float = 0.0,
) -> Tree:
    """Precision, recall and F1 where a partial match earns half credit (MUC-5 / nervaluate)."""
    credit = correct + 0.5 * np.asarray(partial, dtype=np.float64)
    precision = divide(credit, actual)
    recall = divide(credit, possible)
    defined = (np.asarray(possible) > 0) | (np.asarray(actual) > 0)
    return {"precision": precision, "recall": recall, "f1": f1(precision, recall, defined)}


def detection(correct: np.ndarray, possible: np.ndarray, actual: np.ndarray) -> Tree:
    """A detection score with its counts: ``correct`` of ``possible`` gold and ``actual`` predicted."""
    return {"correct": correct, "possible": possible, "actual": actual, **prf(correct, possible, actual)}


def accuracy(correct: np.ndarray, matched: np.ndarray) -> Tree:
    """Accuracy of an attribute over matched pairs (NaN, reported as 0, when nothing matched)."""
    value = np.where(np.asarray(matched) > 0, divide(correct, matched), np.nan)
    return {"correct": correct, "matched": matched, "accuracy": value}


class Tally:
    """Named per-unit counts: the sufficient statistics of every decomposable score.

    Each name keeps its events (the unit of each, and a weight if not 1). The observed
    scores (one replicate) sum the weights of those units directly; bootstrap replicates
    stack per-unit count columns into a matrix once, and summing them under a
    ``(replicates, units)`` weight matrix is one matrix product, so a thousand replicates
    cost about as much as scoring a thousand sentences. Counts are whole numbers and so
    are the weights, so both ways give the same floats.
    """

    def __init__(self, n_units: int) -> None:
        self.n_units = n_units
        self.names: list[str] = []
        self._events: list[tuple[np.ndarray, np.ndarray | None]] = []
        self._matrix: np.ndarray | None = None

    def add(self, name: str, units: np.ndarray, weights: np.ndarray | None = None) -> None:
        """Count one event per entry of ``units`` (or ``weights`` of it) under ``name``."""
        self.names.append(name)
        events = np.asarray(units, dtype=np.int64)
        self._events.append((events, None if weights is None else np.asarray(weights, dtype=np.float64)))
        self._matrix = None

    def add_vector(self, name: str, vector: np.ndarray) -> None:
        """Add one per-unit count vector under ``name``."""
        vector = np.asarray(vector, dtype=np.float64)
        units = np.flatnonzero(vector)
        self.add(name, units, vector[units])

    def add_by_label(
        self,
        name: str,
        units: np.ndarray,
        labels: np.ndarray,
        label_names: list[str],
        weights: np.ndarray | None = None,
    ) -> None:
        """Like :meth:`add`, split by label: one column ``<label>/<name>`` per label."""
        labels = np.asarray(labels, dtype=np.int64)
        units = np.asarray(units)
        for index, label in enumerate(label_names):  # a handful of labels: a pass each, no sort
            take = np.flatnonzero(labels == index)
            self.add(f"{label}/{name}", units[take], None if weights is None else weights[take])

    def _column(self, index: int) -> np.ndarray:
        units, weights = self._events[index]
        return np.bincount(units, weights=weights, minlength=self.n_units).astype(np.float64)

    def sums(self, weights: np.ndarray, mask: np.ndarray | None = None) -> dict[str, np.ndarray]:
        """Weighted totals ``{name: array of shape (replicates,)}``; ``mask`` limits the units.

        One replicate (the observed scores) adds up the weights of each name's events;
        only bootstrap replicates stack the count columns into a matrix, once, and a
        ``mask`` zeroes weights rather than copying the matrix.
        """
        if mask is not None:
            weights = weights * mask
        if len(weights) == 1:
            row = weights[0]
            return {
                name: np.array([row[units].sum() if w is None else (row[units] * w).sum()])
                for name, (units, w) in zip(self.names, self._events, strict=True)
            }
        if self._matrix is None:
            columns = [self._column(i) for i in range(len(self.names))]
            self._matrix = np.stack(columns, axis=1) if columns else np.zeros((self.n_units, 0))
        totals = weights @ self._matrix
        return {name: totals[:, i] for i, name in enumerate(self.names)}

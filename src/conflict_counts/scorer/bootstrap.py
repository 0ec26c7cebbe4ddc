"""Seeded paired bootstrap over sentences: confidence intervals and significance tests.

A replicate draws the scored sentences with replacement; a sentence drawn k times counts
k times (weights, see ``counts.Tally`` and ``clusters``). The draws depend only on the
seed, the number of replicates and the number of sentences, so two systems scored on
the same gold see identical replicates: that is what makes the comparison paired.

* Intervals are percentile intervals of the replicate scores (Efron & Tibshirani, 1993)
  re-centred on the observed score: the 2.5th and 97.5th percentiles' distances from the
  replicates' median, placed around the observed score and clipped to [0, 1]. Where the
  replicates are centred on the observed score (the detection scores) this is the plain
  percentile interval. The cluster metrics need the re-centring: a sentence drawn twice
  puts two copies of its claims into the same groups on both sides, links that agree by
  construction, which lifts every replicate above the observed score.
* The p-value of a difference δ between systems A and B is two-sided, from the
  replicate differences δ* centred on δ: p = (1 + #{|δ* − δ| ≥ |δ|}) / (1 + replicates),
  the paired bootstrap test of Berg-Kirkpatrick et al. (2012) made two-sided.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator

import numpy as np

from conflict_counts.scorer.counts import Tree

SAMPLES = 1000
SEED = 0
CONFIDENCE = 0.95
CHUNK = 50  # replicates scored together; fixed so that draws never depend on it
INTERVAL_KEYS = ("f1", "accuracy")  # every leaf of these names gets an interval
COUNT_KEYS = ("correct", "incorrect", "partial", "missed", "spurious", "possible", "actual", "matched")


def replicate_weights(n_units: int, samples: int = SAMPLES, seed: int = SEED) -> Iterator[np.ndarray]:
    """Weight matrices ``(≤ CHUNK, n_units)``: how often each unit is drawn in each replicate."""
    rng = np.random.default_rng(seed)
    done = 0
    while done < samples:
        size = min(CHUNK, samples - done)
        draws = rng.integers(0, n_units, size=(size, n_units))
        flat = (draws + np.arange(size)[:, None] * n_units).ravel()
        yield np.bincount(flat, minlength=size * n_units).reshape(size, n_units).astype(np.float64)
        done += size


def _stack(trees: list[Tree]) -> Tree:
    first = trees[0]
    if isinstance(first, dict):
        return {key: _stack([t[key] for t in trees]) for key in first}
    return np.concatenate(trees)


def replicates(compute: Callable[[np.ndarray], Tree], n_units: int, samples: int, seed: int) -> Tree | None:
    """Every leaf of ``compute`` over the bootstrap replicates (``None`` when there are none)."""
    if samples <= 0 or n_units == 0:
        return None
    return _stack([compute(w) for w in replicate_weights(n_units, samples, seed)])


def observed(compute: Callable[[np.ndarray], Tree], n_units: int) -> Tree:
    """The scores on the data itself: every unit weighted once."""
    return compute(np.ones((1, n_units)))


def finish(tree: Tree, boot: Tree | None, confidence: float = CONFIDENCE) -> dict:
    """Plain floats and ints, with ``<key>_ci: [low, high]`` next to every F1 and accuracy."""
    out: dict = {}
    for key, value in tree.items():
        if isinstance(value, dict):
            out[key] = finish(value, boot[key] if boot is not None else None, confidence)
            continue
        number = float(np.asarray(value).reshape(-1)[0])
        if math.isnan(number):
            number = 0.0  # undefined (nothing to find, nothing found): 0, as nervaluate reports
        out[key] = round(number) if key in COUNT_KEYS else number
        if key in INTERVAL_KEYS:
            out[f"{key}_ci"] = interval(boot[key], number, confidence) if boot is not None else None
    return out


def interval(values: np.ndarray, estimate: float, confidence: float = CONFIDENCE) -> list[float] | None:
    """Re-centred percentile interval over the replicates where the score is defined."""
    values = np.asarray(values)
    values = values[~np.isnan(values)]
    if len(values) == 0:
        return None
    tail = (1 - confidence) / 2 * 100
    low, middle, high = np.percentile(values, [tail, 50, 100 - tail])
    return [float(max(estimate - (middle - low), 0.0)), float(min(estimate + (high - middle), 1.0))]


def p_value(a: np.ndarray, b: np.ndarray, observed_delta: float) -> float | None:
    """Two-sided paired bootstrap p-value of ``observed_delta`` = score(A) − score(B)."""
    deltas = np.asarray(a) - np.asarray(b)
    deltas = deltas[~np.isnan(deltas)]
    if len(deltas) == 0:
        return None
    extreme = np.abs(deltas - observed_delta) >= abs(observed_delta) - 1e-12
    return float((1 + extreme.sum()) / (1 + len(deltas)))

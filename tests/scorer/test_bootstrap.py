"""The seeded sentence bootstrap: reproducible draws, sensible intervals and p-values."""

from __future__ import annotations

import numpy as np
import pytest

from conflict_counts.scorer import bootstrap
from conflict_counts.scorer.counts import Tally, detection


def test_draws_depend_only_on_seed_samples_and_units() -> None:
    a = np.concatenate(list(bootstrap.replicate_weights(37, 120, seed=5)))
    b = np.concatenate(list(bootstrap.replicate_weights(37, 120, seed=5)))
    c = np.concatenate(list(bootstrap.replicate_weights(37, 120, seed=6)))
    assert a.shape == (120, 37)
    assert (a == b).all() and not (a == c).all()
    assert (a.sum(axis=1) == 37).all()  # each replicate draws as many sentences as there are


def scores_for(hits: np.ndarray) -> callable:
    """A detection score where sentence i holds one gold item, found iff hits[i]."""
    tally = Tally(len(hits))
    units = np.arange(len(hits))
    tally.add("possible", units)
    tally.add("actual", units)
    tally.add("correct", units[hits])

    def compute(weights: np.ndarray) -> dict:
        s = tally.sums(weights)
        return detection(s["correct"], s["possible"], s["actual"])

    return compute


def test_interval_brackets_the_estimate_and_narrows_with_data() -> None:
    rng = np.random.default_rng(0)
    widths = []
    for n in (50, 2000):
        compute = scores_for(rng.random(n) < 0.7)
        report = bootstrap.finish(bootstrap.observed(compute, n), bootstrap.replicates(compute, n, 500, 0))
        low, high = report["f1_ci"]
        assert low <= report["f1"] <= high
        widths.append(high - low)
    assert widths[1] < widths[0] / 3


def test_undefined_replicates_are_left_out_of_intervals() -> None:
    values = np.array([np.nan, 0.5, 0.5, np.nan])
    assert bootstrap.interval(values, 0.5) == [0.5, 0.5]
    assert bootstrap.interval(np.array([np.nan]), 0.5) is None


def test_paired_p_value() -> None:
    rng = np.random.default_rng(1)
    n = 400
    truth = rng.random(n)
    good, bad = scores_for(truth < 0.9), scores_for(truth < 0.6)
    f_good = bootstrap.replicates(good, n, 1000, 0)["f1"]
    f_bad = bootstrap.replicates(bad, n, 1000, 0)["f1"]
    delta = float(good(np.ones((1, n)))["f1"][0] - bad(np.ones((1, n)))["f1"][0])
    assert bootstrap.p_value(f_good, f_bad, delta) < 0.01
    assert bootstrap.p_value(f_good, f_good, 0.0) == 1.0
    slightly = scores_for(truth < 0.895)  # differs on about two sentences in 400
    f_slightly = bootstrap.replicates(slightly, n, 1000, 0)["f1"]
    delta = float(good(np.ones((1, n)))["f1"][0] - slightly(np.ones((1, n)))["f1"][0])
    assert bootstrap.p_value(f_good, f_slightly, delta) > 0.05


def test_interval_is_the_percentile_interval_when_replicates_are_centred() -> None:
    values = np.random.default_rng(1).normal(0.6, 0.05, 4001)
    low, high = bootstrap.interval(values, float(np.median(values)))
    assert (low, high) == pytest.approx(tuple(np.percentile(values, [2.5, 97.5])), abs=2e-3)


def test_interval_is_recentred_on_the_estimate_when_replicates_are_lifted() -> None:
    values = np.random.default_rng(2).normal(0.8, 0.05, 4001)  # every replicate lifted by 0.2
    low, high = bootstrap.interval(values, 0.6)
    assert low < 0.6 < high
    assert high - low == pytest.approx(np.subtract(*np.percentile(values, [97.5, 2.5])))


def test_interval_stays_within_zero_and_one() -> None:
    values = np.random.default_rng(3).normal(0.5, 0.2, 4001)
    assert bootstrap.interval(values, 0.95)[1] == 1.0

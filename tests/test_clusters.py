"""Group metrics against the CoNLL-2012 reference scorer's documented cases and scorch.

The cases below are transcribed from ``test/TestCases.README`` of the reference scorer,
https://github.com/conll/reference-coreference-scorers (v8.01; Pradhan et al., ACL 2014),
with LEA values as added there by Moosavi & Strube (ACL 2016). Letters are mentions; a
capital letter is a different mention from its lower-case one (e.g. "b" and "B" in
TC-A-5). Values are (recall, precision). CEAF-e values are published rounded to 1e-5.
The duplicate-mention cases TC-A-7 to TC-A-9 test de-duplication of CoNLL input, which
has no counterpart here (mentions are claims, unique by construction).
"""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scorch import scores as scorch

from conflict_counts.clusters import Clustering, cluster_scores, from_partitions

A = "a bc def"
K, M, N = "12345 67 89ABC", "abcdef", "a b c d e f"
CASES: list[tuple[str, str, str, dict[str, tuple[float, float]]]] = [
    ("A-1", A, "a bc def", {"muc": (1, 1), "bcubed": (1, 1), "ceafe": (1, 1), "lea": (1, 1)}),
    (
        "A-2",
        A,
        "a de",
        {"muc": (1 / 3, 1), "bcubed": (7 / 18, 1), "ceafe": (0.6, 0.9), "lea": ((1 + 3 * (1 / 3)) / 6, 1)},
    ),
    (
        "A-3",
        A,
        "a bcx defy z",
        {
            "muc": (1, 3 / 5),
            "bcubed": (1, 55 / 108),
            "ceafe": (0.88571, 0.66429),
            "lea": (1, (1 + 3 * (1 / 3) + 4 * (3 / 6)) / 9),
        },
    ),
    (
        "A-4",
        A,
        "a bcx dy z",
        {
            "muc": (1 / 3, 1 / 3),
            "bcubed": (5 / 9, 17 / 42),
            "ceafe": (0.73333, 0.55),
            "lea": ((1 + 2 + 0) / 6, (1 + 3 * (1 / 3) + 2 * 0 + 0) / 7),
        },
    ),
    (
        "A-5",
        A,
        "a bcxB dy z",
        {
            "muc": (1 / 3, 1 / 4),
            "bcubed": (5 / 9, 5 / 16),
            "ceafe": (0.68889, 0.51667),
            "lea": ((1 + 2 + 3 * 0) / 6, (1 + 4 * (1 / 6) + 2 * 0 + 1 * 0) / 8),
        },
    ),
    (
        "A-6",
        A,
        "a bcx dy Bz",
        {
            "muc": (1 / 3, 1 / 4),
            "bcubed": (5 / 9, 17 / 48),
            "ceafe": (0.73333, 0.55),
            "lea": ((1 + 2 + 3 * 0) / 6, (1 + 3 / 3 + 2 * 0 + 2 * 0) / 8),
        },
    ),
    ("A-10", A, "a b c d e f", {"muc": (0, 0), "bcubed": (3 / 6, 6 / 6), "lea": (1 / 6, 1 / 6)}),
    ("A-11", A, "abcdef", {"muc": (1, 3 / 5), "bcubed": (1, 7 / 18), "lea": ((0 + 2 + 3) / 6, 4 / 15)}),
    ("A-12", A, "a x y c d e z", {"muc": (0, 0), "bcubed": (13 / 36, 4 / 7), "lea": (1 / 6, 1 / 7)}),
    (
        "A-13",
        A,
        "axycdez",
        {"muc": (1 / 3, 1 / 6), "bcubed": (17 / 36, 6 / 49), "lea": ((1 * 0 + 2 * 0 + 3 / 3) / 6, 1 / 21)},
    ),
    ("B-1", "ab cde", "bcx de", {"lea": ((2 * 0 + 3 / 3) / 5, (3 * 0 + 2) / 5)}),
    ("C-1", "ab cde fg", "bcx de fg", {"lea": ((2 * 0 + 3 / 3 + 2) / 7, (3 * 0 + 2 + 2) / 7)}),
    (
        "D-1",
        K,
        "12345 6789ABC",
        {
            "muc": (9 / 9, 9 / 10),
            "bcubed": (12 / 12, 16 / 21),
            "lea": ((5 + 2 + 5) / 12, (5 + 7 * (11 / 21)) / 12),
        },
    ),
    (
        "E-1",
        K,
        "1234589ABC 67",
        {"muc": (9 / 9, 9 / 10), "bcubed": (1, 7 / 12), "lea": ((5 + 2 + 5) / 12, (10 * (20 / 45) + 2) / 12)},
    ),
    ("F-1", "ABCD", "AB CD", {"muc": (2 / 3, 2 / 2), "lea": (4 * (2 / 6) / 4, (2 + 2) / 4)}),
    ("G-1", "AB CD", "ABCD", {"muc": (2 / 2, 2 / 3), "lea": (1, (4 * 2 / 6) / 4)}),
    ("H-1", "ABCD", "ABCD", {"muc": (1, 1), "lea": (1, 1)}),
    ("J-1", "ABC", "AC", {"muc": (1 / 2, 1 / 1), "lea": ((3 * 1 / 3) / 3, 1)}),
    (
        "K-1",
        "BCDEGHJ",
        "ABC DEF GHI",
        {"muc": (3 / 6, 3 / 6), "lea": ((7 * (1 + 1 + 1) / 21) / 7, (3 / 3 + 3 / 3 + 3 / 3) / 9)},
    ),
    (
        "L-1",
        "ABC DEFG",
        "AB CD FGH",
        {"muc": (2 / 5, 2 / 4), "lea": ((3 * 1 / 3 + 4 * 1 / 6) / 7, (2 + 2 * 0 + 3 / 3) / 7)},
    ),
    ("M-1", M, "abcdef", {"muc": (1, 1), "bcubed": (1, 1), "ceafe": (1, 1), "lea": (1, 1)}),
    ("M-2", M, "a b c d e f", {"muc": (0, 0), "lea": (0, 0)}),
    ("M-3", M, "ab cde f", {"lea": (6 * (4 / 15) / 6, (2 + 3 + 0) / 6)}),
    ("M-4", M, "abcxyz", {"lea": (6 * (3 / 15) / 6, 6 * (3 / 15) / 6)}),
    ("M-5", M, "a b c x y z", {"muc": (0, 0), "lea": (0, 0)}),
    ("M-6", M, "ab cxy z", {"lea": (6 * (1 / 15) / 6, (2 + 3 * 0 + 1 * 0) / 6)}),
    ("N-1", N, "a b c d e f", {"muc": (0, 0), "bcubed": (1, 1), "ceafe": (1, 1), "lea": (1, 1)}),
    ("N-2", N, "abcdef", {"lea": (0, 0)}),
    ("N-3", N, "ab cde f", {"lea": (1 / 6, 1 / 6)}),
    ("N-4", N, "a b c x y z", {"muc": (0, 0), "lea": (3 / 6, 3 / 6)}),
    ("N-5", N, "abcxyz", {"lea": (0, 0)}),
    ("N-6", N, "ab cxy z", {"lea": (0, 0)}),
]


def partition(spec: str) -> list[set[str]]:
    return [set(cluster) for cluster in spec.split()]


@pytest.mark.parametrize(("name", "key", "response", "expected"), CASES, ids=[c[0] for c in CASES])
def test_reference_scorer_test_cases(name: str, key: str, response: str, expected: dict) -> None:
    got = cluster_scores(from_partitions(partition(key), partition(response)))
    for metric, (recall, precision) in expected.items():
        tolerance = 1e-5 if metric == "ceafe" else 1e-12
        assert float(got[metric]["recall"][0]) == pytest.approx(recall, abs=tolerance), metric
        assert float(got[metric]["precision"][0]) == pytest.approx(precision, abs=tolerance), metric


@st.composite
def clusterings(draw: st.DrawFn) -> tuple[list[set[int]], list[set[int]]]:
    """Random key and response partitions over overlapping mention sets, singletons included."""
    mentions = list(range(draw(st.integers(1, 14))))

    def parts(pool: list[int]) -> list[set[int]]:
        labels = [draw(st.integers(0, 4)) for _ in pool]
        return [set(m for m, lab in zip(pool, labels, strict=True) if lab == c) for c in set(labels)]

    key_pool = [m for m in mentions if draw(st.booleans()) or m == 0]
    resp_pool = [m for m in mentions if draw(st.booleans()) or m == 0]
    return parts(key_pool), parts(resp_pool)


@settings(max_examples=300, deadline=None)
@given(clusterings())
def test_muc_bcubed_ceafe_equal_scorch(case: tuple[list[set[int]], list[set[int]]]) -> None:
    key, response = case
    got = cluster_scores(from_partitions(key, response))
    for metric, reference in (("muc", scorch.muc), ("bcubed", scorch.b_cubed), ("ceafe", scorch.ceaf_e)):
        recall, precision, _ = reference(key, response)
        assert float(got[metric]["recall"][0]) == pytest.approx(recall, abs=1e-12), metric
        assert float(got[metric]["precision"][0]) == pytest.approx(precision, abs=1e-12), metric


@settings(max_examples=300, deadline=None)
@given(clusterings(), st.randoms(use_true_random=False))
def test_weights_equal_duplicated_mentions(case: tuple, rng: random.Random) -> None:
    """A mention drawn k times scores as k copies: in its cluster if it has an id, else k singletons."""
    key, response = case
    base = from_partitions(key, response)
    n = len(base.unit)
    # A solo mention (given no cluster id) is a singleton of its own.
    key_solo = np.array([rng.random() < 0.3 for _ in range(n)]) & (base.key >= 0)
    response_solo = np.array([rng.random() < 0.3 for _ in range(n)]) & (base.response >= 0)
    key, response = base.key.copy(), base.response.copy()
    key[key_solo] = 100 + np.arange(int(key_solo.sum()))
    response[response_solo] = 100 + np.arange(int(response_solo.sum()))
    units = np.array([rng.randrange(max(1, n // 2)) for _ in range(n)])  # mentions share sentences
    base = Clustering(key, response, units, key_solo, response_solo)
    n_units = max(1, n // 2)
    weights = np.array([[rng.randint(0, 3) for _ in range(n_units)]], dtype=float)
    if weights[0, units].sum() == 0:
        weights[0, units[0]] = 1
    weighted = cluster_scores(base, weights, n_units=n_units)

    key_codes, response_codes, fresh = [], [], 1000
    for m in range(n):
        for _ in range(int(weights[0, units[m]])):
            key_codes.append(fresh if key_solo[m] else base.key[m])
            response_codes.append(fresh + 1 if response_solo[m] else base.response[m])
            fresh += 2
    duplicated = Clustering(
        np.array(key_codes, dtype=np.int64),
        np.array(response_codes, dtype=np.int64),
        np.arange(len(key_codes)),
    )
    expected = cluster_scores(duplicated)
    for metric in ("muc", "bcubed", "ceafe", "lea"):
        for field in ("recall", "precision"):
            assert weighted[metric][field][0] == pytest.approx(expected[metric][field][0], abs=1e-12), (
                metric,
                field,
            )


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 12), st.integers(1, 12), st.floats(0.05, 1.0), st.integers(0, 2**31))
def test_sparse_assignment_equals_the_dense_one(n_rows: int, n_cols: int, density: float, seed: int) -> None:
    """CEAF-e's alignment on the sparse graph of shared cells reaches the dense optimum."""
    from scipy.optimize import linear_sum_assignment

    from conflict_counts.clusters import sparse_assignment

    rng = np.random.default_rng(seed)
    present = rng.random((n_rows, n_cols)) < density
    value = np.where(present, rng.random((n_rows, n_cols)), 0.0)
    rows, cols = np.nonzero(present)
    dense_rows, dense_cols = linear_sum_assignment(value, maximize=True)
    expected = value[dense_rows, dense_cols].sum()
    got = sparse_assignment(rows, cols, value[rows, cols], n_rows, n_cols)
    assert got == pytest.approx(expected, abs=1e-9)


def test_ceafe_on_a_large_sparse_clustering_uses_linear_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    """Above the dense limit CEAF-e is aligned sparsely and still equals the dense score."""
    import conflict_counts.clusters as clusters

    rng = np.random.default_rng(3)
    n = 400
    key = rng.integers(0, 120, n)
    response = np.where(rng.random(n) < 0.7, key, rng.integers(0, 150, n))
    clustering = Clustering(key, response, np.arange(n))
    dense = cluster_scores(clustering)
    monkeypatch.setattr(clusters, "DENSE_CELLS", 0)
    sparse = cluster_scores(clustering)
    for field in ("recall", "precision", "f1"):
        assert sparse["ceafe"][field][0] == pytest.approx(dense["ceafe"][field][0], abs=1e-12)


def test_only_the_requested_metrics_are_computed() -> None:
    from conflict_counts.clusters import ClusterScorer

    clustering = from_partitions([{1, 2, 3}, {4, 5}], [{1, 2}, {3, 4, 5}])
    full = cluster_scores(clustering)
    n = len(clustering.unit)
    only = ClusterScorer(clustering, n, ("bcubed",)).scores(np.ones((1, n)))
    assert set(only) == {"bcubed"}
    assert only["bcubed"]["f1"][0] == full["bcubed"]["f1"][0]


@given(clusterings(), st.randoms(use_true_random=False))
def test_one_replicate_gives_the_floats_of_many(case: tuple, rng: random.Random) -> None:
    """The observed scores (one weight row: weighted counts) equal that row among many
    replicates (sparse products), float for float."""
    key, response = case
    base = from_partitions(key, response)
    n_units = len(base.unit)
    weights = np.array([[rng.randint(0, 3) for _ in range(n_units)] for _ in range(4)], dtype=float)
    many = cluster_scores(base, weights, n_units=n_units)
    for row in range(len(weights)):
        one = cluster_scores(base, weights[row : row + 1], n_units=n_units)
        for metric in ("muc", "bcubed", "ceafe", "lea"):
            for field in ("recall", "precision", "f1"):
                np.testing.assert_array_equal(one[metric][field], many[metric][field][row : row + 1])

"""Cluster scores (MUC, B-cubed, CEAF-e, LEA) with mention weights, vectorised over replicates.

The formulas are those of the CoNLL-2012 reference scorer (Pradhan et al., 2014) with
system mentions: a response mention without a key twin (or a key mention without a
response twin) is its own singleton in the other partition; LEA follows Moosavi & Strube
(2016) with singletons scored as self-links, as in the reference scorer's test cases.

A bootstrap replicate draws each sentence some number of times; a mention drawn twice
is two mentions. Both copies belong to the mention's cluster when it has a cluster id,
but a mention without one (``solo``: no ``group_id`` or ``entity_id`` given) stays a
singleton in every copy, so a duplicated sentence never earns a link nobody asserted.
Every score is written in terms of weighted cluster sizes and weighted key∩response
overlaps over "copy levels" (level c of a unit exists when the unit is drawn more than
c times), which equal the scores of the duplicated data exactly (a test checks this)
and, with all weights 1, the usual unweighted scores.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

from conflict_counts.scorer.counts import Tree, divide, f1

if TYPE_CHECKING:
    from scipy import sparse

METRICS: tuple[str, ...] = ("muc", "bcubed", "ceafe", "lea")


def singletons(codes: np.ndarray) -> np.ndarray:
    """Cluster codes with every -1 replaced by a fresh code of its own."""
    codes = np.asarray(codes, dtype=np.int64).copy()
    none = codes < 0
    codes[none] = codes.max(initial=-1) + 1 + np.arange(int(none.sum()))
    return codes


@dataclass(frozen=True, eq=False)
class Incidence:
    """A matrix of ones at ``(rows[i], cols[i])`` (an entry given twice counts 2), ``shape`` large."""

    rows: np.ndarray
    cols: np.ndarray
    shape: tuple[int, int]

    @cached_property
    def matrix(self) -> sparse.csr_matrix:
        """As a sparse matrix, for many replicates (scipy is imported only then)."""
        from scipy import sparse

        return sparse.csr_matrix((np.ones(len(self.rows)), (self.rows, self.cols)), shape=self.shape)


def _incidence(rows: np.ndarray, cols: np.ndarray, n_rows: int, n_cols: int) -> Incidence:
    shape = (n_rows, max(n_cols, 0))
    return Incidence(np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64), shape)


def _times(weights: np.ndarray, incidence: Incidence) -> np.ndarray:
    """Dense (replicates × rows) times the incidence (rows × cols), as a dense array.

    One replicate (the observed scores) is a weighted ``bincount``; more multiply the sparse
    matrix. Every weight and product here is a whole number (copy levels, counts, pairs), so
    both ways give the same floats.
    """
    if len(weights) == 1:
        row = weights[0, incidence.rows]
        return np.bincount(incidence.cols, weights=row, minlength=incidence.shape[1])[None, :]
    return np.asarray((incidence.matrix.T @ weights.T).T)


@dataclass(frozen=True)
class Clustering:
    """Key and response clusters over one list of mentions.

    A mention in both partitions is one row with both codes (a matched pair); a key
    mention without a response twin has ``response == -1`` and vice versa.
    """

    key: np.ndarray
    response: np.ndarray
    unit: np.ndarray
    key_solo: np.ndarray | None = None  # True: no cluster id, a singleton in every copy
    response_solo: np.ndarray | None = None

    @classmethod
    def from_matching(
        cls,
        key: np.ndarray,
        key_unit: np.ndarray,
        response: np.ndarray,
        response_unit: np.ndarray,
        matched: tuple[np.ndarray, np.ndarray],
    ) -> Clustering:
        """Key and response mentions joined by matched ``(key index, response index)`` pairs.

        Cluster code -1 means "in no cluster": such a mention is a (solo) singleton.
        A matched pair counts in the key mention's unit; an unmatched response in its own.
        """
        key_solo, response_solo = np.asarray(key) < 0, np.asarray(response) < 0
        key, response = singletons(key), singletons(response)
        mk, mr = matched
        twin = np.full(len(key), -1, dtype=np.int64)
        twin[mk] = response[mr]
        twin_solo = np.zeros(len(key), dtype=bool)
        twin_solo[mk] = response_solo[mr]
        alone = np.ones(len(response), dtype=bool)
        alone[mr] = False
        n_alone = int(alone.sum())
        return cls(
            key=np.concatenate([key, np.full(n_alone, -1, dtype=np.int64)]),
            response=np.concatenate([twin, response[alone]]),
            unit=np.concatenate([key_unit, response_unit[alone]]),
            key_solo=np.concatenate([key_solo, np.zeros(n_alone, dtype=bool)]),
            response_solo=np.concatenate([twin_solo, response_solo[alone]]),
        )

    def prepare(self, n_units: int, copies: int = 1) -> PreparedClustering:
        """Incidence matrices over ``n_units × copies`` copy levels (see the module docstring)."""
        n = len(self.key)
        row = np.repeat(np.arange(n), copies)
        level = np.tile(np.arange(copies), n)
        unit = np.asarray(self.unit, dtype=np.int64)[row] * copies + level
        n_units = n_units * copies
        key = np.asarray(self.key, dtype=np.int64)[row]
        response = np.asarray(self.response, dtype=np.int64)[row]
        for codes, solo in ((key, self.key_solo), (response, self.response_solo)):
            if solo is not None and copies > 1:
                fresh = np.asarray(solo, dtype=bool)[row] & (codes >= 0)
                codes[fresh] = codes.max(initial=-1) + 1 + np.arange(int(fresh.sum()))
        n_key = int(key.max(initial=-1)) + 1
        n_resp = int(response.max(initial=-1)) + 1
        both = (key >= 0) & (response >= 0)
        cell_code = key[both] * max(n_resp, 1) + response[both]
        cells, cell_of = np.unique(cell_code, return_inverse=True)
        cell_k, cell_r = cells // max(n_resp, 1), cells % max(n_resp, 1)
        k_rows, r_rows = key >= 0, response >= 0
        return PreparedClustering(
            n_key=n_key,
            n_resp=n_resp,
            cell_k=cell_k,
            cell_r=cell_r,
            key_size=_incidence(unit[k_rows], key[k_rows], n_units, n_key),
            resp_size=_incidence(unit[r_rows], response[r_rows], n_units, n_resp),
            key_alone=_incidence(unit[k_rows & ~both], key[k_rows & ~both], n_units, n_key),
            resp_alone=_incidence(unit[r_rows & ~both], response[r_rows & ~both], n_units, n_resp),
            cell=_incidence(unit[both], cell_of, n_units, len(cells)),
            cell_key=_incidence(np.arange(len(cells)), cell_k, len(cells), n_key),
            cell_resp=_incidence(np.arange(len(cells)), cell_r, len(cells), n_resp),
        )


@dataclass(frozen=True)
class PreparedClustering:
    """Contingency counts of a clustering for a given number of bootstrap copies, computed once."""
    n_key: int
    n_resp: int
    cell_k: np.ndarray
    cell_r: np.ndarray
    key_size: Incidence  # units × key clusters
    resp_size: Incidence
    key_alone: Incidence  # key mentions without a response twin
    resp_alone: Incidence
    cell: Incidence  # units × (key, response) cells
    cell_key: Incidence  # cells × key clusters
    cell_resp: Incidence

    def scores(self, weights: np.ndarray, metrics: tuple[str, ...] = METRICS) -> Tree:
        """Recall, precision and F1 of ``metrics``, arrays over the replicates in ``weights``.

        Only what the requested metrics need is computed: B-cubed alone is a few sparse
        products (weighted counts, for one replicate), MUC and LEA add cluster-level sums,
        CEAF-e an assignment per replicate.
        """
        k = _times(weights, self.key_size)
        r = _times(weights, self.resp_size)
        n = _times(weights, self.cell)

        def muc(size: np.ndarray, alone: Incidence, to_side: Incidence) -> tuple:
            present = (n > 0).astype(np.float64)
            parts = _times(present, to_side) + _times(weights, alone)
            exists = size > 0
            return (np.where(exists, size - parts, 0).sum(1), np.where(exists, size - 1, 0).sum(1))

        def bcubed(size: np.ndarray, side: np.ndarray) -> tuple:
            share = divide(n**2, size[:, side])
            return share.sum(1), size.sum(1)

        def lea(
            size: np.ndarray,
            other: np.ndarray,
            side: np.ndarray,
            other_side: np.ndarray,
            to_side: Incidence,
        ) -> tuple:
            common = _times(n * (n - 1) / 2, to_side)
            lone = _times(((n == 1) & (other[:, other_side] == 1)).astype(np.float64), to_side)
            ratio = np.where(size == 1, lone, divide(common, size * (size - 1) / 2))
            return (size * ratio).sum(1), size.sum(1)

        def ceafe() -> tuple:
            similarity = self._ceafe(n, k, r)
            return (similarity, (k > 0).sum(1)), (similarity, (r > 0).sum(1))

        parts = {
            "muc": lambda: (muc(k, self.key_alone, self.cell_key), muc(r, self.resp_alone, self.cell_resp)),
            "bcubed": lambda: (bcubed(k, self.cell_k), bcubed(r, self.cell_r)),
            "lea": lambda: (
                lea(k, r, self.cell_k, self.cell_r, self.cell_key),
                lea(r, k, self.cell_r, self.cell_k, self.cell_resp),
            ),
            "ceafe": ceafe,
        }
        tree: Tree = {}
        for metric in metrics:
            (r_num, r_den), (p_num, p_den) = parts[metric]()
            recall, precision = divide(r_num, r_den), divide(p_num, p_den)
            # Defined when there is anything to score: for MUC a link, for the others a mention.
            defined = (r_den > 0) | (p_den > 0) if metric == "muc" else (k.sum(1) > 0) | (r.sum(1) > 0)
            tree[metric] = {"precision": precision, "recall": recall, "f1": f1(precision, recall, defined)}
        if all(metric in tree for metric in CONLL):
            tree["conll"] = {"f1": (tree["muc"]["f1"] + tree["bcubed"]["f1"] + tree["ceafe"]["f1"]) / 3}
        return tree

    def _ceafe(self, n: np.ndarray, k: np.ndarray, r: np.ndarray) -> np.ndarray:
        """Best one-to-one alignment of key and response clusters under φ4 (Dice), per replicate.

        Only clusters that share a mention can be aligned with profit, so the assignment
        runs on the sparse key × response graph of shared cells: a dense matrix when it
        is small (``DENSE_CELLS``), else the sparse assignment of
        :func:`sparse_assignment`, whose memory is linear in the number of cells.
        """
        out = np.zeros(len(n))
        keys, k_index = np.unique(self.cell_k, return_inverse=True)
        resps, r_index = np.unique(self.cell_r, return_inverse=True)
        dense = len(keys) * len(resps) <= DENSE_CELLS
        if dense and len(self.cell_k):  # no shared cell (nothing predicted): nothing to align
            from scipy.optimize import linear_sum_assignment  # scipy.optimize takes a second to import

        for b in range(len(n)):
            value = 2 * n[b] / np.maximum(k[b, self.cell_k] + r[b, self.cell_r], 1)
            if not len(value):
                continue
            if dense:
                phi = np.zeros((len(keys), len(resps)))
                phi[k_index, r_index] = value
                rows, cols = linear_sum_assignment(phi, maximize=True)
                out[b] = phi[rows, cols].sum()
            else:
                out[b] = sparse_assignment(k_index, r_index, value, len(keys), len(resps))
        return out


DENSE_CELLS = 4_000_000  # key × response clusters up to which CEAF-e aligns on a dense matrix
CONLL = ("muc", "bcubed", "ceafe")


def sparse_assignment(
    rows: np.ndarray, cols: np.ndarray, value: np.ndarray, n_rows: int, n_cols: int
) -> float:
    """The largest total ``value`` of a one-to-one choice of (row, col) edges, on sparse edges only.

    ``min_weight_full_bipartite_matching`` needs a perfect matching, so every row gets a
    private dummy column and every column a private dummy row (cost 1.5 each), and each
    real edge (i, j) a dummy–dummy twin (j, i) of cost 1 that pairs the two dummies a
    real edge leaves free; a real edge costs 2 − value. Any matching of the real edges
    then costs 1.5 (n_rows + n_cols) − its value, so the cheapest perfect matching is the
    most valuable matching (values are in [0, 1], so every cost is positive).
    """
    from scipy import sparse
    from scipy.sparse.csgraph import min_weight_full_bipartite_matching

    size = n_rows + n_cols
    own_rows, own_cols = np.arange(n_rows), np.arange(n_cols)
    row_index = np.concatenate([rows, own_rows, n_rows + own_cols, n_rows + cols])
    col_index = np.concatenate([cols, n_cols + own_rows, own_cols, n_cols + rows])
    cost = np.concatenate([2 - value, np.full(n_rows + n_cols, 1.5), np.ones(len(rows))])
    graph = sparse.csr_matrix((cost, (row_index, col_index)), shape=(size, size))
    matched_rows, matched_cols = min_weight_full_bipartite_matching(graph)
    real = (matched_rows < n_rows) & (matched_cols < n_cols)
    edge = rows * n_cols + cols
    order = np.argsort(edge, kind="stable")
    found = order[np.searchsorted(edge[order], matched_rows[real] * n_cols + matched_cols[real])]
    return float(value[found].sum())


class ClusterScorer:
    """Scores of one clustering under any unit weights (prepared once per copy depth)."""

    def __init__(self, clustering: Clustering, n_units: int, metrics: tuple[str, ...] = METRICS) -> None:
        self.clustering = clustering
        self.n_units = n_units
        self.metrics = metrics
        self._prepared: dict[int, PreparedClustering] = {}

    def scores(self, weights: np.ndarray) -> Tree:
        """MUC, B-cubed, CEAF-e, LEA and CoNLL under each row of bootstrap ``weights``."""
        copies = max(1, int(np.max(weights, initial=0)))
        if copies not in self._prepared:
            self._prepared[copies] = self.clustering.prepare(self.n_units, copies)
        levels = weights[:, :, None] > np.arange(copies)  # level c exists when drawn > c times
        return self._prepared[copies].scores(
            levels.reshape(len(weights), -1).astype(np.float64), self.metrics
        )


def cluster_scores(
    clustering: Clustering, weights: np.ndarray | None = None, n_units: int | None = None
) -> Tree:
    """All cluster metrics; without ``weights`` every unit counts once (one replicate)."""
    n_units = n_units if n_units is not None else int(np.max(clustering.unit, initial=-1)) + 1
    if weights is None:
        weights = np.ones((1, n_units))
    return ClusterScorer(clustering, n_units).scores(weights)


def from_partitions(key: list[set], response: list[set]) -> Clustering:
    """A clustering from two lists of mention sets (mentions are any hashable ids)."""
    mentions = sorted({m for c in key for m in c} | {m for c in response for m in c}, key=repr)
    index = {m: i for i, m in enumerate(mentions)}
    k = np.full(len(mentions), -1, dtype=np.int64)
    r = np.full(len(mentions), -1, dtype=np.int64)
    for code, cluster in enumerate(key):
        k[[index[m] for m in cluster]] = code
    for code, cluster in enumerate(response):
        r[[index[m] for m in cluster]] = code
    return Clustering(k, r, np.arange(len(mentions)))

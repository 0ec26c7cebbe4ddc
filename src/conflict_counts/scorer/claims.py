"""Numeric claim scores: span detection, then value, qualifier, predicate and attribution.

Two one-to-one matchings: ``span_strict`` pairs identical spans; every other score uses
``span_overlap``, which pairs overlapping spans largest overlap first (ties: closer
boundaries, then text order), so "närmare 800" predicted as "800" is still matched and
judged on its value. ``full`` asks for everything at once: identical span, value,
qualifier, predicate and attribution.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from conflict_counts.labels import PREDICATES, QUALIFIERS
from conflict_counts.matching import canonical_rank, codes, greedy_match, overlapping_pairs
from conflict_counts.scorer.counts import Tally, Tree, accuracy, detection
from conflict_counts.scorer.units import Units

DETECTION = ("span_strict", "span_overlap", "value", "attribution", "full")
ATTRIBUTES = ("qualifier", "predicate")


@dataclass(frozen=True)
class Claims:
    """Claims as arrays; open bounds are NaN, an absent source span is (-1, -1)."""

    doc: np.ndarray
    start: np.ndarray
    end: np.ndarray
    low: np.ndarray
    high: np.ndarray
    qualifier: np.ndarray
    predicate: np.ndarray
    source_start: np.ndarray
    source_end: np.ndarray
    group: np.ndarray  # group_id code, -1 = none
    unit: np.ndarray

    def __len__(self) -> int:
        return len(self.start)

    @classmethod
    def from_frame(cls, frame: pd.DataFrame, units: Units) -> Claims:
        """Claims of a gold or predicted frame as arrays, open bounds NaN and no source (-1, -1)."""
        doc = units.doc_codes(frame["doc_id"].astype(str).tolist())
        start = frame["start"].to_numpy(dtype=np.int64)

        def offsets(column: str) -> np.ndarray:
            return pd.to_numeric(frame[column]).astype("Float64").fillna(-1).to_numpy(dtype=np.int64)

        def bounds(column: str) -> np.ndarray:
            return pd.to_numeric(frame[column]).astype("Float64").to_numpy(dtype=np.float64, na_value=np.nan)

        groups = frame["group_id"].astype(object)
        return cls(
            doc=doc,
            start=start,
            end=frame["end"].to_numpy(dtype=np.int64),
            low=bounds("low"),
            high=bounds("high"),
            qualifier=codes(frame["qualifier"].astype(object).tolist(), QUALIFIERS),
            predicate=codes(frame["predicate"].astype(object).tolist(), PREDICATES),
            source_start=offsets("source_start"),
            source_end=offsets("source_end"),
            group=codes(groups.where(groups.notna(), None).tolist()),
            unit=units.locate(doc, start),
        )

    def rank(self) -> np.ndarray:
        """A total order on every attribute, so that ties never depend on input order."""
        return canonical_rank(
            self.doc,
            self.start,
            self.end,
            np.nan_to_num(self.low, nan=-np.inf),
            np.nan_to_num(self.high, nan=np.inf),
            self.qualifier,
            self.predicate,
            self.source_start,
            self.source_end,
            self.group,
        )


def _same_bound(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    both_open = np.isnan(a) & np.isnan(b)
    return both_open | np.isclose(a, b, rtol=1e-9, atol=0.0)


@dataclass(frozen=True)
class ClaimEvaluation:
    """Claim matchings and their per-unit counts, scored under any bootstrap weights."""
    gold: Claims
    pred: Claims
    strict: tuple[np.ndarray, np.ndarray]  # matched (gold, pred) of span_strict
    overlap: tuple[np.ndarray, np.ndarray]  # matched (gold, pred) of span_overlap
    checks: dict[str, np.ndarray]  # per overlap pair: which attributes agree
    tally: Tally

    def scores(self, weights: np.ndarray, languages: dict[str, np.ndarray]) -> Tree:
        """Claim scores, overall and per language, under each row of ``weights``."""
        tree = _tree(self.tally.sums(weights))
        tree["per_language"] = {
            lang: _tree(self.tally.sums(weights, mask)) for lang, mask in languages.items()
        }
        return tree


def _tree(sums: dict[str, np.ndarray]) -> Tree:
    possible, actual, matched = sums["possible"], sums["actual"], sums["matched"]
    tree: Tree = {}
    for name in ("span_strict", "span_overlap", "value", "qualifier", "predicate", "attribution", "full"):
        if name in ATTRIBUTES:
            tree[name] = accuracy(sums[name], matched)
        else:
            tree[name] = detection(sums[name], possible, actual)
    return tree


def evaluate(gold: Claims, pred: Claims, n_units: int) -> ClaimEvaluation:
    """Match predicted claims to gold (strict and overlapping spans) and count what agrees."""
    gi, pi = overlapping_pairs(gold.doc, gold.start, gold.end, pred.doc, pred.start, pred.end)
    g_rank, p_rank = gold.rank()[gi], pred.rank()[pi]
    same_span = (gold.start[gi] == pred.start[pi]) & (gold.end[gi] == pred.end[pi])
    strict = greedy_match(
        gi[same_span], pi[same_span], [g_rank[same_span], p_rank[same_span]], len(gold), len(pred)
    )
    overlap = np.minimum(gold.end[gi], pred.end[pi]) - np.maximum(gold.start[gi], pred.start[pi])
    distance = np.abs(gold.start[gi] - pred.start[pi]) + np.abs(gold.end[gi] - pred.end[pi])
    mg, mp = greedy_match(gi, pi, [-overlap, distance, g_rank, p_rank], len(gold), len(pred))

    g_src = gold.source_start[mg] >= 0
    p_src = pred.source_start[mp] >= 0
    src_overlap = (
        np.minimum(gold.source_end[mg], pred.source_end[mp])
        - np.maximum(gold.source_start[mg], pred.source_start[mp])
    ) > 0
    checks = {
        "span": (gold.start[mg] == pred.start[mp]) & (gold.end[mg] == pred.end[mp]),
        "value": _same_bound(gold.low[mg], pred.low[mp]) & _same_bound(gold.high[mg], pred.high[mp]),
        "qualifier": gold.qualifier[mg] == pred.qualifier[mp],
        "predicate": gold.predicate[mg] == pred.predicate[mp],
        "attribution": (~g_src & ~p_src) | (g_src & p_src & src_overlap),
    }
    checks["full"] = np.logical_and.reduce(
        [checks[k] for k in ("span", "value", "qualifier", "predicate", "attribution")]
    )
    tally = Tally(n_units)
    tally.add("possible", gold.unit)
    tally.add("actual", pred.unit)
    tally.add("span_strict", gold.unit[strict[0]])
    tally.add("span_overlap", gold.unit[mg])
    tally.add("matched", gold.unit[mg])
    for name in ("value", "qualifier", "predicate", "attribution", "full"):
        tally.add(name, gold.unit[mg[checks[name]]])
    return ClaimEvaluation(gold, pred, strict, (mg, mp), checks, tally)

"""Inter-annotator agreement between two annotation sets of the same articles.

Both sets go through the full build checks first, so agreement is only measured on
valid annotations. Items are paired one-to-one by largest overlap (ties by smaller
boundary distance, then text order), with the scorer's matching; then

* span F1, strict (same offsets) and overlap (paired at all): 2·pairs / (|A| + |B|);
* Cohen's kappa of label (mentions), qualifier, predicate and source type (claims)
  over the overlap-paired items;
* B-cubed F1 of the entity ids (mentions) and claim groups (claims) over the paired
  items, with the scorer's cluster metrics,

overall and per language. Kappa is undefined (reported as null) when both annotators
used a single category throughout.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from conflict_counts.builder.pipeline import run_build
from conflict_counts.clusters import cluster_scores, from_partitions
from conflict_counts.errors import InputError
from conflict_counts.matching import canonical_rank, codes, greedy_match, overlapping_pairs

KAPPA_FIELDS = {"mentions": ("label",), "claims": ("qualifier", "predicate", "source_type")}
CLUSTER_FIELD = {"mentions": "entity_id", "claims": "group_id"}


def _frames(annotations: Path, seeds: Path) -> dict[str, pd.DataFrame]:
    return run_build(seeds, annotations).frames


def pair(a: pd.DataFrame, b: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """One-to-one pairs of rows (positions in ``a`` and ``b``) by largest overlap."""
    vocabulary = sorted({*a["doc_id"], *b["doc_id"]})
    doc_a = codes(a["doc_id"].tolist(), vocabulary)
    doc_b = codes(b["doc_id"].tolist(), vocabulary)
    start_a, end_a = a["start"].to_numpy(np.int64), a["end"].to_numpy(np.int64)
    start_b, end_b = b["start"].to_numpy(np.int64), b["end"].to_numpy(np.int64)
    ia, ib = overlapping_pairs(doc_a, start_a, end_a, doc_b, start_b, end_b)
    overlap = np.minimum(end_a[ia], end_b[ib]) - np.maximum(start_a[ia], start_b[ib])
    distance = np.abs(start_a[ia] - start_b[ib]) + np.abs(end_a[ia] - end_b[ib])
    rank_a = canonical_rank(doc_a, start_a, end_a)[ia]
    rank_b = canonical_rank(doc_b, start_b, end_b)[ib]
    return greedy_match(ia, ib, [-overlap, distance, rank_a, rank_b], len(a), len(b))


def _f1(pairs: int, n_a: int, n_b: int) -> float | None:
    return 2 * pairs / (n_a + n_b) if n_a + n_b else None


def _kappa(a: pd.Series, b: pd.Series) -> float | None:
    if len(a) == 0 or len({*a, *b}) < 2:
        return None
    return cohen_kappa(a.astype(str).tolist(), b.astype(str).tolist())


def cohen_kappa(a: Sequence[str], b: Sequence[str]) -> float:
    """Cohen's kappa of two label sequences: (p_o - p_e) / (1 - p_e).

    p_o is the share of items with the same label, p_e the share expected by chance from
    each annotator's own label frequencies. Needs at least two labels in use (else p_e = 1).

    >>> cohen_kappa(["ORG", "ORG", "GPE", "GPE"], ["ORG", "GPE", "GPE", "GPE"])
    0.5
    """
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    count_a, count_b = Counter(a), Counter(b)
    expected = sum(count_a[label] * count_b[label] for label in count_a) / (n * n)
    return (observed - expected) / (1 - expected)


def _bcubed(a: pd.Series, b: pd.Series) -> float | None:
    if len(a) == 0:
        return None
    def partition(ids: pd.Series) -> list[set[int]]:
        return [set(members) for members in pd.Series(range(len(ids))).groupby(ids.to_numpy()).agg(list)]

    clustering = from_partitions(partition(a), partition(b))
    return float(cluster_scores(clustering)["bcubed"]["f1"][0])


def _layer(a: pd.DataFrame, b: pd.DataFrame, table: str) -> dict[str, object]:
    a, b = a.reset_index(drop=True), b.reset_index(drop=True)
    ia, ib = pair(a, b)
    paired_a, paired_b = a.iloc[ia].reset_index(drop=True), b.iloc[ib].reset_index(drop=True)
    strict = int(((paired_a["start"] == paired_b["start"]) & (paired_a["end"] == paired_b["end"])).sum())
    field = CLUSTER_FIELD[table]
    return {
        "items_a": len(a),
        "items_b": len(b),
        "paired": len(ia),
        "span_f1_strict": _f1(strict, len(a), len(b)),
        "span_f1_overlap": _f1(len(ia), len(a), len(b)),
        "kappa": {f: _kappa(paired_a[f], paired_b[f]) for f in KAPPA_FIELDS[table]},
        f"bcubed_{field}": _bcubed(paired_a[field], paired_b[field]),
    }


def agreement(set_a: Path, set_b: Path, seeds: Path) -> dict[str, object]:
    """Agreement figures overall and per language (the language of set A's documents)."""
    frames_a, frames_b = _frames(set_a, seeds), _frames(set_b, seeds)
    languages = dict(zip(frames_a["documents"]["doc_id"], frames_a["documents"]["language"], strict=True))
    other = dict(zip(frames_b["documents"]["doc_id"], frames_b["documents"]["language"], strict=True))
    if languages != other:
        raise InputError.at(str(set_b), None, "language", "the two sets differ in documents or languages")
    scopes = {"all": set(languages), **{lang: {d for d, v in languages.items() if v == lang}
                                         for lang in sorted(set(languages.values()))}}
    report: dict[str, object] = {"a": str(set_a), "b": str(set_b)}
    for scope, doc_ids in scopes.items():
        report[scope] = {
            table: _layer(frames_a[table][frames_a[table]["doc_id"].isin(doc_ids)],
                          frames_b[table][frames_b[table]["doc_id"].isin(doc_ids)], table)
            for table in ("mentions", "claims")
        }
    return report


def _show(value: object) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def markdown(report: dict[str, object]) -> str:
    """The card's agreement table: one column a scope, one row a figure."""
    scopes = [s for s in report if s not in ("a", "b")]
    rows: list[tuple[str, list[str]]] = []
    for table, label in (("mentions", "Mentions"), ("claims", "Claims")):
        layers = [report[s][table] for s in scopes]
        rows.append((f"{label}: items A / B / paired",
                     [f"{x['items_a']} / {x['items_b']} / {x['paired']}" for x in layers]))
        rows.append((f"{label}: span F1 strict", [_show(x["span_f1_strict"]) for x in layers]))
        rows.append((f"{label}: span F1 overlap", [_show(x["span_f1_overlap"]) for x in layers]))
        for field in KAPPA_FIELDS[table]:
            rows.append((f"{label}: κ {field}", [_show(x["kappa"][field]) for x in layers]))
        field = CLUSTER_FIELD[table]
        rows.append((f"{label}: B-cubed F1 {field}", [_show(x[f"bcubed_{field}"]) for x in layers]))
    lines = ["| | " + " | ".join(scopes) + " |", "|---|" + "---:|" * len(scopes)]
    lines += [f"| {name} | " + " | ".join(values) + " |" for name, values in rows]
    return "\n".join(lines)

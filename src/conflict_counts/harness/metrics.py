"""The figures a harness reports: the project's scorer over every document of a run, pooled.

A harness scores a run one sample at a time, then aggregates. Here each sample yields
its prediction record, and the aggregation hands all records of the run to
:func:`conflict_counts.score` with ``subset=True`` (the documents of the run, e.g. one
language, or the first N with ``--limit``). Every figure is therefore the corpus-level
(micro) score of ``conflict-counts score --subset`` on the same predictions, not a mean
of per-document scores: a document with forty mentions weighs forty times one with one.
Bootstrap intervals are left to ``conflict-counts score`` (``samples=0`` here).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

from conflict_counts.scorer.api import HEADLINES, at_path

# Which headline F1 scores of the report each task reports: entities and their linking,
# or claims and their groups.
TASK_SECTIONS: dict[str, tuple[str, ...]] = {
    "entities": ("entities", "linking"),
    "claims": ("claims", "groups"),
}


def metric_name(path: tuple[str, ...]) -> str:
    """``("claims", "value")`` → ``claims_value_f1``: a name no harness resolves elsewhere."""
    return "_".join((*path, "f1"))


def task_metrics(task: str) -> dict[str, tuple[str, ...]]:
    """Metric name → path into the scorer's report, for ``entities`` or ``claims``.

    >>> list(task_metrics("claims"))[:3]
    ['claims_span_strict_f1', 'claims_span_overlap_f1', 'claims_value_f1']
    """
    sections = TASK_SECTIONS[task]
    return {metric_name(path): path for path in HEADLINES if path[0] in sections}


def report_figures(report: dict, task: str) -> dict[str, float]:
    """The metrics of ``task`` read off a report of :func:`conflict_counts.score`."""
    figures = {}
    for name, path in task_metrics(task).items():
        f1 = at_path(report, path)["f1"]
        figures[name] = float("nan") if f1 is None else float(f1)
    return figures


def gold_dir() -> Path:
    """The dataset ``conflict-counts score`` reads by default: this checkout's, else the shipped one."""
    from conflict_counts.location import default_dataset_dir

    return default_dataset_dir()


def pooled(records: Iterable[dict], task: str) -> dict[str, float]:
    """Every metric of ``task`` over the documents of ``records``, scored together."""
    return dict(_pooled(tuple(_canonical(r) for r in records), task))


def _canonical(record: dict) -> str:
    import json

    return json.dumps(record, sort_keys=True, ensure_ascii=False)


@cache
def _gold():  # -> conflict_counts.scorer.gold.Gold, read once a process
    from conflict_counts.scorer.gold import load_gold

    return load_gold(gold_dir())


@cache
def _pooled(records: tuple[str, ...], task: str) -> tuple[tuple[str, float], ...]:
    """Cached: a harness asks once a metric for the same run."""
    import json

    import conflict_counts

    report = conflict_counts.score([json.loads(r) for r in records], _gold(), subset=True, samples=0)
    return tuple(report_figures(report, task).items())

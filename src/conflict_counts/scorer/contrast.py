"""Scoring the contrast set: one decision an item, reported per edit kind.

An item is right when the prediction gets its target right:

* a claim item: the predicted claim that overlaps the target most has the target's
  ``low`` and ``high`` (open bounds equal open bounds) — the ``value`` criterion of the
  claims scorer, per item; ``predicate`` is reported separately, over claim items;
* a look-alike item (a year, date, age, percentage, ordinal or number in a name): no
  predicted claim overlaps the look-alike.

Predictions elsewhere in the sentence are not scored: only the target was edited.
Intervals come from a seeded bootstrap over items (as the main scorer's over sentences).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from conflict_counts.dataset import read_table
from conflict_counts.labels import CONTRAST_EDITS, CONTRAST_LANGUAGES
from conflict_counts.predictions.reader import load_predictions
from conflict_counts.records import Prediction
from conflict_counts.scorer import bootstrap
from conflict_counts.scorer.counts import Tree
from conflict_counts.targets import is_report


def item_documents(items: pd.DataFrame) -> pd.DataFrame:
    """The items as documents (``doc_id`` = ``item_id``): what predictions refer to."""
    return pd.DataFrame({"doc_id": items["item_id"].astype(str), "language": items["language"].astype(str),
                         "text": items["text"].astype(str)})


def judge(items: pd.DataFrame, predictions: Mapping[str, Prediction]) -> tuple[np.ndarray, np.ndarray]:
    """Per item: right (1.0/0.0), and predicate right (NaN for look-alikes and unmatched claims)."""
    right = np.zeros(len(items))
    predicate = np.full(len(items), np.nan)
    for i, item in enumerate(items.itertuples(index=False)):
        predicted = predictions.get(item.item_id)
        overlapping = [
            claim for claim in (predicted.claims if predicted else ())
            if claim.start < item.end and item.start < claim.end
        ]
        if not item.is_claim:
            right[i] = not overlapping
            continue
        if not overlapping:
            continue
        best = max(overlapping, key=lambda c: (min(c.end, item.end) - max(c.start, item.start),
                                                -abs(c.start - item.start)))
        gold_low = None if pd.isna(item.low) else float(item.low)
        gold_high = None if pd.isna(item.high) else float(item.high)
        right[i] = best.low == gold_low and best.high == gold_high
        predicate[i] = best.predicate == item.predicate
    return right, predicate


CONTRAST_HEADER = "| edit | items | accuracy |"  # the first line of the markdown report
CONTRAST_KEYS = frozenset({"all", "per_edit", "per_language", "meta"})  # of the JSON report


def is_contrast_report(path: Path) -> bool:
    """Whether ``path`` holds a report of ``score --contrast`` (JSON or markdown), which
    ``score --out`` may replace."""
    return is_report(path, CONTRAST_HEADER, CONTRAST_KEYS, frozenset({"items", "bootstrap"}))


def _rate(weights: np.ndarray, values: np.ndarray, mask: np.ndarray) -> np.ndarray:
    known = mask & ~np.isnan(values)
    total = weights[:, known].sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return (weights[:, known] * values[known]).sum(axis=1) / total


def score_contrast(
    predictions: str | Path | Iterable[Mapping],
    gold_dir: str | Path = "dataset",
    *,
    samples: int = bootstrap.SAMPLES,
    seed: int = bootstrap.SEED,
) -> dict:
    """``accuracy`` (with ``accuracy_ci``) over all items, per edit kind and per language.

    Items a prediction file does not cover count as predicted empty (their look-alikes
    right, their claims wrong), as documents do in the main scorer.
    """
    items = read_table(Path(gold_dir), "contrast")
    predicted = load_predictions(predictions, item_documents(items))
    right, predicate = judge(items, predicted.documents)
    edits, languages = items["edit"].astype(str).to_numpy(), items["language"].astype(str).to_numpy()
    everything = np.ones(len(items), dtype=bool)
    is_claim = items["is_claim"].to_numpy(dtype=bool)

    def compute(weights: np.ndarray) -> Tree:
        return {
            "all": {"accuracy": _rate(weights, right, everything),
                    "predicate": {"accuracy": _rate(weights, predicate, is_claim)}},
            "per_edit": {e: {"accuracy": _rate(weights, right, edits == e)}
                         for e in CONTRAST_EDITS if (edits == e).any()},
            "per_language": {g: {"accuracy": _rate(weights, right, languages == g)}
                             for g in CONTRAST_LANGUAGES if (languages == g).any()},
        }

    n = len(items)
    report = bootstrap.finish(bootstrap.observed(compute, n), bootstrap.replicates(compute, n, samples, seed))
    report["all"]["items"] = n
    for key, column in (("per_edit", edits), ("per_language", languages)):
        for name, scores in report[key].items():
            scores["items"] = int((column == name).sum())
    report["meta"] = {"predictions": predicted.source, "gold": str(gold_dir), "items": n,
                      "bootstrap": {"samples": samples, "seed": seed, "unit": "item",
                                    "confidence": bootstrap.CONFIDENCE}}
    return report


def markdown(report: dict) -> str:
    """The per-edit-kind table of one system's contrast report."""
    def cell(scores: dict) -> str:
        ci = scores.get("accuracy_ci")
        return f"{scores['accuracy']:.3f}" + (f" [{ci[0]:.2f}, {ci[1]:.2f}]" if ci else "")

    lines = [CONTRAST_HEADER, "|---|---:|---|"]
    lines += [f"| {edit} | {s['items']} | {cell(s)} |" for edit, s in report["per_edit"].items()]
    lines += [f"| language {lang} | {s['items']} | {cell(s)} |" for lang, s in report["per_language"].items()]
    lines.append(f"| **all** | {report['all']['items']} | {cell(report['all'])} |")
    lines.append(f"| predicate (claim items) | | {cell(report['all']['predicate'])} |")
    return "\n".join(lines) + "\n"

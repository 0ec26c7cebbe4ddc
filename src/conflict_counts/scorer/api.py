"""The Python API: ``score`` and ``compare`` give exactly what the command line prints."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from conflict_counts.errors import InputError
from conflict_counts.location import default_dataset_dir
from conflict_counts.predictions.format import LAYERS
from conflict_counts.predictions.reader import Predictions, load_predictions
from conflict_counts.scorer import bootstrap, claims, entities, groups, linking
from conflict_counts.scorer.counts import Tree
from conflict_counts.scorer.gold import Gold, load_gold
from conflict_counts.scorer.units import Units
from conflict_counts.version import __version__

PredictionSource = str | Path | Iterable[Mapping]

# The F1 scores `compare` tests, as paths into the report.
HEADLINES: tuple[tuple[str, ...], ...] = (
    *(("entities", schema) for schema in entities.SCHEMAS),
    ("linking", "bcubed"),
    *(("claims", name) for name in claims.DETECTION),
    *(("groups", metric) for metric in ("muc", "bcubed", "ceafe", "lea", "conll")),
)


@dataclass(frozen=True)
class Evaluation:
    """Gold and predictions matched once; scores for any bootstrap weights on demand."""

    gold: Gold
    predictions: Predictions
    units: Units
    pred_mentions: pd.DataFrame  # the scored rows, in the order of entity_eval.pred
    pred_claims: pd.DataFrame  # the scored rows, in the order of claim_eval.pred
    entity_eval: entities.EntityEvaluation
    link_eval: linking.LinkEvaluation
    claim_eval: claims.ClaimEvaluation
    group_eval: groups.GroupEvaluation

    @classmethod
    def build(cls, gold: Gold, predictions: Predictions, subset: bool = False) -> Evaluation:
        """Match predictions to gold once; every bootstrap replicate then only re-weights the counts."""
        if subset:
            if not predictions.doc_ids:
                raise InputError.at(
                    predictions.source, None, None, "--subset: the predictions cover no document"
                )
            gold = gold.restrict(predictions.doc_ids)
        units = gold.units
        links = sorted(
            {
                *map(str, gold.mentions["entity_id"].dropna().unique()),
                *predictions.mentions["entity_id"].dropna().unique(),
            }
        )
        scored = set(units.doc_ids)
        pred_mentions, pred_claims = predictions.mentions, predictions.claims
        if not predictions.doc_ids <= scored:  # predictions checked against other documents
            pred_mentions = pred_mentions[pred_mentions["doc_id"].isin(scored)]
            pred_claims = pred_claims[pred_claims["doc_id"].isin(scored)]
        pred_mentions, pred_claims = (f.reset_index(drop=True) for f in (pred_mentions, pred_claims))
        ents = entities.evaluate(
            entities.Spans.from_frame(gold.mentions, units, links),
            entities.Spans.from_frame(pred_mentions, units, links),
            units.n,
        )
        claim_eval = claims.evaluate(
            claims.Claims.from_frame(gold.claims, units),
            claims.Claims.from_frame(pred_claims, units),
            units.n,
        )
        return cls(
            gold,
            predictions,
            units,
            pred_mentions,
            pred_claims,
            ents,
            linking.evaluate(ents, units.n),
            claim_eval,
            groups.evaluate(claim_eval, units.n),
        )

    def compute(self, weights: np.ndarray) -> Tree:
        """Every score for each replicate (row) of unit ``weights``."""
        languages = self.units.language_units()
        return {
            "entities": self.entity_eval.scores(weights, languages),
            "linking": self.link_eval.scores(weights),
            "claims": self.claim_eval.scores(weights, languages),
            "groups": self.group_eval.scores(weights),
        }


def evaluation(
    predictions: PredictionSource, gold_dir: str | Path | Gold | None = None, subset: bool = False
) -> Evaluation:
    """Load, validate and match; raises :class:`InputError` listing every bad input."""
    gold = gold_dir if isinstance(gold_dir, Gold) else load_gold(_gold_dir(gold_dir))
    return Evaluation.build(gold, load_predictions(predictions, gold.documents), subset)


def score(
    predictions: PredictionSource,
    gold_dir: str | Path | Gold | None = None,
    subset: bool = False,
    *,
    samples: int = bootstrap.SAMPLES,
    seed: int = bootstrap.SEED,
    errors: bool = False,
) -> dict:
    """Score predictions (a JSONL/Parquet path or prediction objects) against ``gold_dir``.

    Returns the report of the README's Scoring section: ``entities``, ``linking``,
    ``claims``, ``groups`` (every F1 and accuracy with a ``*_ci`` 95 % interval from
    ``samples`` bootstrap replicates over sentences, seeded by ``seed``), ``meta``, and with
    ``errors=True`` an ``errors`` list (per document: missed, spurious and mismatched items
    with their text).
    """
    ev = evaluation(predictions, gold_dir, subset)
    report = bootstrap.finish(
        bootstrap.observed(ev.compute, ev.units.n),
        bootstrap.replicates(ev.compute, ev.units.n, samples, seed),
    )
    report["meta"] = _meta(ev, gold_dir, subset, samples, seed)
    if errors:
        from conflict_counts.scorer.errors_analysis import error_analysis

        report["errors"] = error_analysis(ev)
    return report


def compare(
    a: PredictionSource,
    b: PredictionSource,
    gold_dir: str | Path | Gold | None = None,
    *,
    samples: int = bootstrap.SAMPLES,
    seed: int = bootstrap.SEED,
) -> dict:
    """Paired bootstrap of two systems on the same gold: each headline F1 of A and B,
    their difference and its two-sided p-value."""
    gold = gold_dir if isinstance(gold_dir, Gold) else load_gold(_gold_dir(gold_dir))
    first, second = (Evaluation.build(gold, load_predictions(p, gold.documents)) for p in (a, b))
    n = first.units.n
    obs = [bootstrap.observed(ev.compute, n) for ev in (first, second)]
    boot = [bootstrap.replicates(ev.compute, n, samples, seed) for ev in (first, second)]
    scores: dict[str, dict] = {}
    for path in HEADLINES:
        values = [at_path(tree, path)["f1"] for tree in obs]
        fa, fb = (float(np.nan_to_num(v[0])) for v in values)
        p = (
            bootstrap.p_value(at_path(boot[0], path)["f1"], at_path(boot[1], path)["f1"], fa - fb)
            if boot[0] is not None
            else None
        )
        scores[".".join(path)] = {"a": fa, "b": fb, "delta": fa - fb, "p_value": p}
    return {
        "a": first.predictions.source,
        "b": second.predictions.source,
        "scores": scores,
        "meta": {**_meta(first, gold_dir, False, samples, seed), "predictions": None},
    }


def _gold_dir(gold_dir: str | Path | None) -> Path:
    """The folder named, else this checkout's dataset, else the one shipped with the package."""
    return Path(gold_dir) if gold_dir is not None else default_dataset_dir()


def at_path(tree: Tree, path: tuple[str, ...]) -> Tree:
    """The node of a score report at ``path`` (for example ``("claims", "value")``)."""
    for key in path:
        tree = tree[key]
    return tree


def _meta(ev: Evaluation, gold_dir: object, subset: bool, samples: int, seed: int) -> dict:
    return {
        "predictions": ev.predictions.source,
        "gold": str(_gold_dir(gold_dir)) if not isinstance(gold_dir, Gold) else "<Gold>",
        "documents": len(ev.units.doc_ids),
        "sentences": ev.units.n,
        "subset": subset,
        "not_attempted": [layer for layer in LAYERS if layer not in ev.predictions.attempted],
        "bootstrap": {
            "samples": samples,
            "seed": seed,
            "unit": "sentence",
            "confidence": bootstrap.CONFIDENCE,
        },
        "scorer_version": __version__,
    }

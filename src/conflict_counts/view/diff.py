"""Gold against predictions, item by item: correct, wrong (and why), missed, spurious.

Matching is one-to-one as in the scorer (README.md, Scoring): identical spans pair first, then the
largest overlap, ties broken by position so that the result never depends on input
order. A pair is ``correct`` when every compared field agrees, otherwise ``wrong`` with
the fields that differ; unpaired gold items are ``missed``, unpaired predictions
``spurious``. Attribution counts as the scorer's: source spans overlap, or both none.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from conflict_counts.records import Claim, Mention

KINDS: tuple[str, ...] = ("correct", "wrong", "missed", "spurious")

Item = TypeVar("Item", Mention, Claim)


@dataclass(frozen=True)
class Outcome:
    """One gold item, one prediction, or a matched pair, with its verdict."""

    layer: str  # "mention" or "claim"
    kind: str  # one of KINDS
    gold: Mention | Claim | None
    pred: Mention | Claim | None
    reasons: tuple[str, ...] = ()

    @property
    def start(self) -> int:
        """Where the outcome sits in the text, for ordering the differences table."""
        return (self.gold or self.pred).start  # type: ignore[union-attr]


def _overlap(a: Mention | Claim, b: Mention | Claim) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def match(gold: Sequence[Item], pred: Sequence[Item]) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs, identical spans first, then largest overlap."""
    candidates = [
        (g.start != p.start or g.end != p.end, -_overlap(g, p), g.start, g.end, p.start, p.end, i, j)
        for i, g in enumerate(gold)
        for j, p in enumerate(pred)
        if _overlap(g, p) > 0
    ]
    taken_gold: set[int] = set()
    taken_pred: set[int] = set()
    pairs = []
    for *_, i, j in sorted(candidates):
        if i not in taken_gold and j not in taken_pred:
            taken_gold.add(i)
            taken_pred.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def _same(a: float | None, b: float | None) -> bool:
    return a == b  # None == None for open bounds; floats compare exactly, as in the scorer


def mention_reasons(gold: Mention, pred: Mention) -> tuple[str, ...]:
    """What a predicted mention gets wrong: span, label, or (when it gives one) entity."""
    reasons = []
    if (gold.start, gold.end) != (pred.start, pred.end):
        reasons.append("span")
    if gold.label != pred.label:
        reasons.append("label")
    if pred.entity_id is not None and pred.entity_id != gold.entity_id:
        reasons.append("entity")
    return tuple(reasons)


def claim_reasons(gold: Claim, pred: Claim) -> tuple[str, ...]:
    """What a predicted claim gets wrong: span, value, qualifier, predicate or source."""
    reasons = []
    if (gold.start, gold.end) != (pred.start, pred.end):
        reasons.append("span")
    if not (_same(gold.low, pred.low) and _same(gold.high, pred.high)):
        reasons.append("value")
    if gold.qualifier != pred.qualifier:
        reasons.append("qualifier")
    if gold.predicate != pred.predicate:
        reasons.append("predicate")
    gold_source, pred_source = gold.source, pred.source
    if gold_source is None or pred_source is None:
        attributed = gold_source is None and pred_source is None
    else:
        attributed = min(gold_source[1], pred_source[1]) > max(gold_source[0], pred_source[0])
    if not attributed:
        reasons.append("source")
    return tuple(reasons)


def compare(layer: str, gold: Sequence[Item], pred: Sequence[Item]) -> list[Outcome]:
    """Every gold item and every prediction of one layer of one document, with its verdict."""
    reasons_of = mention_reasons if layer == "mention" else claim_reasons
    pairs = match(gold, pred)
    outcomes = []
    for i, j in pairs:
        reasons = reasons_of(gold[i], pred[j])  # type: ignore[arg-type]
        outcomes.append(Outcome(layer, "wrong" if reasons else "correct", gold[i], pred[j], reasons))
    paired_gold, paired_pred = {i for i, _ in pairs}, {j for _, j in pairs}
    outcomes += [Outcome(layer, "missed", g, None) for i, g in enumerate(gold) if i not in paired_gold]
    outcomes += [Outcome(layer, "spurious", None, p) for j, p in enumerate(pred) if j not in paired_pred]
    return sorted(outcomes, key=lambda o: (o.start, KINDS.index(o.kind)))


def summary(outcomes: Sequence[Outcome]) -> dict[str, dict[str, int]]:
    """Counts by layer and kind, every kind present (zero when none)."""
    counts = Counter((o.layer, o.kind) for o in outcomes)
    return {layer: {kind: counts[(layer, kind)] for kind in KINDS} for layer in ("mention", "claim")}

"""A second, independent annotation of the contrast set: the sample to give out, and agreement.

    python scripts/contrast_agreement.py sample --out sample.yaml          # texts only, no gold
    python scripts/contrast_agreement.py compare second.yaml                # agreement with the set

``sample`` draws a seeded sample stratified by language and edit kind (at least ``--size``
items) and writes each item's id, language and text, nothing of its annotation (``edit`` and
``derived_from`` are "?"); the second annotator adds ``claim:`` or ``not_a_claim:`` to each, in the format of
seeds/contrast/handwritten.yaml, following ANNOTATION_GUIDELINES.md only. ``compare`` reads
that file (spans are located in the texts by the same reader the build uses) and prints the
agreement with the committed items: whether the target is a claim (Cohen's kappa), and over
the items both call a claim, exact span, value (low and high), qualifier, predicate and
source type (kappa), counted noun (exact span).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import pandas as pd

from conflict_counts.agreement import cohen_kappa
from conflict_counts.annotations.contrast import ContrastItem, read_items
from conflict_counts.dataset import read_table
from conflict_counts.errors import raise_if_any
from conflict_counts.layout import DATASET_DIR


def sample(size: int, seed: int) -> list[dict[str, str]]:
    items = read_table(DATASET_DIR, "contrast").sort_values("item_id")
    strata: dict[tuple[str, str], list[dict[str, str]]] = {}
    for row in items.itertuples(index=False):
        strata.setdefault((row.language, row.edit), []).append(
            {"id": row.item_id, "language": row.language, "text": row.text})
    rng = random.Random(seed)
    share = size / len(items)
    chosen = []
    for key in sorted(strata):
        group = strata[key]
        chosen += rng.sample(group, max(1, round(share * len(group) + 0.5)))
    return sorted(chosen, key=lambda item: item["id"])


def _pairs(second: list[ContrastItem]) -> list[tuple[dict, ContrastItem]]:
    committed = {row["item_id"]: row for row in read_table(DATASET_DIR, "contrast").to_dict("records")}
    return [(committed[item.item_id], item) for item in second if item.item_id in committed]


def _same(gold: object, value: float | None) -> bool:
    gold = None if gold is None or gold is pd.NA or gold != gold else float(gold)
    return gold == value


def _counted(gold: dict) -> tuple[int, int] | None:
    start = gold["counted_start"]
    return None if start is None or start is pd.NA else (int(start), int(gold["counted_end"]))


def _span_of(span) -> tuple[int, int] | None:
    return None if span is None else (span.start, span.end)


def agreement(second: list[ContrastItem]) -> dict[str, object]:
    pairs = _pairs(second)
    claim_a = [str(bool(gold["is_claim"])) for gold, _ in pairs]
    claim_b = [str(item.claim is not None) for _, item in pairs]
    both = [(gold, item) for gold, item in pairs if gold["is_claim"] and item.claim is not None]

    def rate(test) -> float | None:
        return sum(1 for g, i in both if test(g, i)) / len(both) if both else None

    def kappa(column: str, attribute: str) -> float | None:
        if not both:
            return None
        first = [str(g[column]) for g, _ in both]
        return cohen_kappa(first, [str(getattr(i.claim, attribute)) for _, i in both])

    return {
        "items": len(pairs),
        "claim_or_not_agreement": sum(a == b for a, b in zip(claim_a, claim_b, strict=True)) / len(pairs)
        if pairs else None,
        "claim_or_not_kappa": cohen_kappa(claim_a, claim_b) if pairs else None,
        "claims_both": len(both),
        "span_exact": rate(lambda g, i: (g["start"], g["end"]) == (i.claim.span.start, i.claim.span.end)),
        "value": rate(lambda g, i: _same(g["low"], i.claim.low) and _same(g["high"], i.claim.high)),
        "qualifier_kappa": kappa("qualifier", "qualifier"),
        "predicate_kappa": kappa("predicate", "predicate"),
        "source_type_kappa": kappa("source_type", "source_type"),
        "counted_exact": rate(lambda g, i: _counted(g) == _span_of(i.claim.counted)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    draw = commands.add_parser("sample", help="write a sample of item texts for a second annotator")
    draw.add_argument("--size", type=int, default=110)
    draw.add_argument("--seed", type=int, default=0)
    draw.add_argument("--out", type=Path, required=True)
    compare = commands.add_parser("compare", help="agreement of a second annotation with the set")
    compare.add_argument("annotation", type=Path)
    args = parser.parse_args(argv)
    if args.command == "sample":
        if args.out.exists():
            parser.error(f"{args.out} exists; not overwriting it")
        lines = [
            f"- id: {item['id']}\n  language: {item['language']}\n  edit: \"?\"\n  derived_from: \"?\"\n"
            f"  text: {json.dumps(item['text'], ensure_ascii=False)}"
            for item in sample(args.size, args.seed)
        ]
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {len(lines)} items to {args.out}", file=sys.stderr)
        return 0
    problems: list = []
    second = read_items(args.annotation, "second", problems)
    raise_if_any(problems)
    print(json.dumps(agreement(second), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Speed benchmark of the entity scorer against nervaluate (issue 4).

Scores N synthetic predicted mentions against N gold mentions spread over many documents
(default 1,000,000 over 10,000 documents) on one core, and prints seconds, peak memory,
and the ratio to nervaluate on the same input. nervaluate compares every prediction with
every gold span of a document in Python, so it is timed on a sample of documents and
scaled up linearly in the number of documents (its cost is per document); the output
says so. The scorer's counts on the sample are checked to equal nervaluate's.

    python scripts/bench_scorer.py [--mentions 1000000] [--docs 10000] [--sample-docs 100]
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one core, before numpy loads its BLAS

import argparse  # noqa: E402
import platform  # noqa: E402
import resource  # noqa: E402
import time  # noqa: E402
import tracemalloc  # noqa: E402
from importlib.metadata import version  # noqa: E402

import numpy as np  # noqa: E402

from conflict_counts.labels import ENTITY_LABELS  # noqa: E402
from conflict_counts.scorer import bootstrap, entities  # noqa: E402
from conflict_counts.scorer.units import Units  # noqa: E402

SCHEMAS = entities.SCHEMAS
SENTENCE = 150  # characters per synthetic sentence (the bootstrap unit)


def synthesise(n: int, docs: int, seed: int) -> tuple[dict, dict, Units]:
    """Gold: disjoint spans in text order. Predictions: the same spans, with 80 % exact,
    7 % relabelled, 5 % one boundary moved, 4 % dropped and 4 % spurious spans in gaps."""
    rng = np.random.default_rng(seed)
    doc = np.sort(rng.integers(0, docs, n))
    length = rng.integers(1, 13, n)
    gap = rng.integers(3, 21, n)
    first = np.r_[True, doc[1:] != doc[:-1]]
    step = length + gap
    cum = np.cumsum(step)
    doc_base = np.maximum.accumulate(np.where(first, cum - step, 0))
    start = cum - step - doc_base + gap  # restart offsets at each document
    end = start + length
    label = rng.integers(0, len(ENTITY_LABELS), n)
    gold = {"doc": doc, "start": start, "end": end, "label": label}

    fate = rng.random(n)
    p_start, p_end, p_label = start.copy(), end.copy(), label.copy()
    relabel = (fate >= 0.80) & (fate < 0.87)
    p_label[relabel] = (label[relabel] + rng.integers(1, len(ENTITY_LABELS), relabel.sum())) % len(
        ENTITY_LABELS
    )
    shift = (fate >= 0.87) & (fate < 0.92)
    shrink = shift & (length > 1)
    p_end[shrink] -= 1
    p_end[shift & ~shrink] += 1  # into the gap after it (gaps are ≥ 3)
    spurious = fate >= 0.96  # dropped, and a one-character span placed in the gap before it
    p_start[spurious] = start[spurious] - gap[spurious] // 2 - 1
    p_end[spurious] = p_start[spurious] + 1
    pred = {"doc": doc, "start": p_start, "end": p_end, "label": p_label}
    # (fate in [0.92, 0.96) is left as is; with the 4 % spurious that replace dropped spans the
    # prediction count stays n; the share of exact copies is 80 % + 4 %.)

    doc_length = np.zeros(docs, dtype=np.int64)
    np.maximum.at(doc_length, doc, end + 5)
    starts = [np.arange(0, max(int(le), 1), SENTENCE) for le in doc_length]
    units = Units.build([f"doc{d:06d}" for d in range(docs)], ["sv"] * docs, starts)
    return gold, pred, units


def to_spans(side: dict, units: Units, select: np.ndarray | None = None) -> entities.Spans:
    if select is not None:
        side = {k: v[select] for k, v in side.items()}
    return entities.Spans(
        doc=side["doc"],
        start=side["start"],
        end=side["end"],
        label=side["label"],
        unit=units.locate(side["doc"], side["start"]),
        link=np.full(len(side["doc"]), -1),
    )


def score_entities(gold: entities.Spans, pred: entities.Spans, n_units: int) -> dict:
    """The whole entity report (four schemas, per label, per unit tallies), no intervals."""
    evaluation = entities.evaluate(gold, pred, n_units)
    return evaluation.scores(np.ones((1, n_units)), {})


def nervaluate_input(side: dict, docs: np.ndarray) -> list[list[dict]]:
    order = np.lexsort((side["start"], side["doc"]))
    out: dict[int, list[dict]] = {int(d): [] for d in docs}
    for i in order.tolist():
        d = int(side["doc"][i])
        if d in out:
            out[d].append(
                {
                    "label": ENTITY_LABELS[side["label"][i]],
                    "start": int(side["start"][i]),
                    "end": int(side["end"][i]) - 1,
                }
            )
    return [out[int(d)] for d in docs]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=1_000_000)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument(
        "--sample-docs",
        type=int,
        default=100,
        help="documents given to nervaluate (0 or ≥ --docs: all of them)",
    )
    parser.add_argument("--bootstrap", type=int, default=1000, help="replicates for the CI timing (0: skip)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    gold_raw, pred_raw, units = synthesise(args.mentions, args.docs, args.seed)
    gold, pred = to_spans(gold_raw, units), to_spans(pred_raw, units)
    print(
        f"input: {len(gold):,} gold and {len(pred):,} predicted mentions in {args.docs:,} documents "
        f"({units.n:,} sentences); python {platform.python_version()}, numpy {np.__version__}, one core"
    )

    score_entities(gold, pred, units.n)  # warm-up (imports, caches)
    t0 = time.perf_counter()
    result = score_entities(gold, pred, units.n)
    seconds = time.perf_counter() - t0
    tracemalloc.start()
    score_entities(gold, pred, units.n)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    strict = result["strict"]
    print(
        f"conflict-counts: {seconds:.2f} s for strict, exact, partial, ent_type overall and per label; "
        f"peak traced memory {peak / 2**20:.0f} MB; process max RSS "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )
    print(
        f"  strict P/R/F1 {float(strict['precision'][0]):.4f} / {float(strict['recall'][0]):.4f} / "
        f"{float(strict['f1'][0]):.4f}"
    )

    if args.bootstrap:
        evaluation = entities.evaluate(gold, pred, units.n)
        t0 = time.perf_counter()
        bootstrap.replicates(lambda w: evaluation.scores(w, {}), units.n, args.bootstrap, 0)
        print(
            f"  + {args.bootstrap} bootstrap replicates over {units.n:,} sentences (every F1 interval): "
            f"{time.perf_counter() - t0:.2f} s more"
        )

    from nervaluate import Evaluator

    rng = np.random.default_rng(args.seed + 1)
    size = args.docs if args.sample_docs <= 0 else min(args.sample_docs, args.docs)
    sample = np.sort(rng.choice(args.docs, size=size, replace=False))
    true, predicted = nervaluate_input(gold_raw, sample), nervaluate_input(pred_raw, sample)
    n_sample = sum(len(d) for d in true)
    t0 = time.perf_counter()
    theirs = Evaluator(true, predicted, tags=list(ENTITY_LABELS), loader="dict").evaluate()
    their_seconds = time.perf_counter() - t0
    scale = args.docs / len(sample)
    in_sample = np.isin(gold_raw["doc"], sample)
    in_sample_pred = np.isin(pred_raw["doc"], sample)
    t0 = time.perf_counter()
    ours = score_entities(
        to_spans(gold_raw, units, in_sample), to_spans(pred_raw, units, in_sample_pred), units.n
    )
    our_sample_seconds = time.perf_counter() - t0
    same = all(
        int(ours[s][f][0]) == getattr(theirs["overall"][s], f)
        for s in SCHEMAS
        for f in ("correct", "incorrect", "partial", "missed", "spurious")
    )
    estimate = their_seconds * scale
    if len(sample) == args.docs:
        how = f"measured on the full input: {their_seconds:.1f} s"
    else:
        how = (
            f"measured on a sample of {len(sample)} documents ({n_sample:,} gold mentions): "
            f"{their_seconds:.2f} s, scaled ×{scale:.0f} to the full input (its cost is linear in "
            f"documents): ≈ {estimate:.0f} s"
        )
    print(f"nervaluate {version('nervaluate')} (spans given in text order) {how}")
    print(
        f"  same sample through conflict-counts: {our_sample_seconds:.3f} s; counts identical to "
        f"nervaluate's: {'yes' if same else 'NO'}"
    )
    print(
        f"ratio: conflict-counts is ≈ {estimate / seconds:.0f}× faster than nervaluate "
        f"(target ≥ 10×); {seconds:.2f} s for {args.mentions:,} mentions (target ≤ 10 s)"
    )


if __name__ == "__main__":
    main()

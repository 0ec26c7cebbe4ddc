"""Speed and memory of ``conflict-counts score`` against nervaluate, whole commands on one input.

Writes a synthetic built dataset (documents, mentions with entity ids, claims in groups)
and three prediction files in the README's JSON Lines format over the same spans: one with
an ``entity_id`` on every predicted mention and the claims, one with claims but no entity
ids (every prediction a singleton for linking), and one with the mentions only (no entity
ids, no ``claims`` key: what nervaluate scores). Then each tool runs in a process of its
own, started by a small measuring process, so that CPU seconds (user + system) and peak
resident memory are that tool's alone (``resource.getrusage(RUSAGE_CHILDREN)`` in the
measuring process):

* ``conflict-counts score --samples 0`` on each prediction file (every score: entities,
  linking, claims, groups; claims and groups of the mentions-only file score an empty
  prediction), twice: with an empty gold cache folder ("cold": the gold is checked and
  split into sentences) and again with the entry the first run stored ("warm"); and with
  ``--samples N`` for the cost of intervals. The cache folders are the script's own;
* nervaluate on the identical input, end to end: it reads the same JSONL predictions and
  the gold mentions table and computes its four schemas overall and per label (the entity
  scores only; it has no linking, claims or groups), on the mentions-only file (the like-
  for-like comparison) and on the file with ids and claims. Its counts are checked against
  the scorer's.

Targets (1,000,000 × 1,000,000 mentions): ≤ 20 s and ≤ 2 GB per scoring without intervals
(with claims), ≥ 10× faster than nervaluate on the entity scores. Usage::

    python scripts/bench_scorer.py [--mentions 1000000] [--docs 10000] [--claims 100000]
        [--samples 1000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

import numpy as np

from conflict_counts.scorer.gold_cache import CACHE_ENV

ONE_CORE = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
SENTENCE = "Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor. "
STEP = 24  # characters between mention starts (the longest mention is 12)
# The prediction files over the same spans: (name, entity ids?, claims?). The last holds what
# nervaluate scores and nothing else (no ``claims`` key: the scorer reports claims as not
# attempted), so that both tools read and score the same thing.
FILES = (("with_ids", True, True), ("without_ids", False, True), ("mentions_only", False, False))
LABEL = {"with_ids": "with entity ids and claims", "without_ids": "without entity ids, with claims",
         "mentions_only": "mentions only (no entity ids, no claims)"}

# Run ``argv`` as the only child of this process and print its CPU seconds and peak RSS.
MEASURE = """
import json, resource, subprocess, sys, time
t0 = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
wall = time.perf_counter() - t0
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"rc": done.returncode, "wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
                  "rss_mb": usage.ru_maxrss / 1024, "stdout": done.stdout, "stderr": done.stderr[-2000:]}))
"""

# nervaluate end to end: read the gold mentions and the JSONL predictions, score, print counts.
NERVALUATE = """
import json, sys
import pyarrow.parquet as pq
from nervaluate import Evaluator
gold_path, pred_path, labels = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
gold = pq.read_table(gold_path, columns=["doc_id", "start", "end", "label"]).to_pydict()
true, index = [], {}
for doc, start, end, label in zip(gold["doc_id"], gold["start"], gold["end"], gold["label"]):
    if doc not in index:
        index[doc] = len(true)
        true.append([])
    true[index[doc]].append({"label": label, "start": start, "end": end - 1})
pred = [[] for _ in true]
with open(pred_path, encoding="utf-8") as handle:
    for line in handle:
        record = json.loads(line)
        spans = sorted((m["start"], m["end"], m["label"]) for m in record["mentions"])
        pred[index[record["doc_id"]]] = [{"label": l, "start": s, "end": e - 1} for s, e, l in spans]
results = Evaluator(true, pred, tags=labels, loader="dict").evaluate()["overall"]
fields = ("correct", "incorrect", "partial", "missed", "spurious")
print(json.dumps({s: {f: getattr(results[s], f) for f in fields} for s in results}))
"""


def synthesise(directory: Path, mentions: int, docs: int, claims: int, seed: int) -> dict[str, Path]:
    """The gold tables and the two prediction files; returns their paths."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from conflict_counts.labels import ENTITY_LABELS, PREDICATES, QUALIFIER_BOUNDS, QUALIFIERS

    rng = np.random.default_rng(seed)
    n_labels = len(ENTITY_LABELS)
    doc = np.sort(rng.integers(0, docs, mentions))
    slot = np.arange(mentions) - np.searchsorted(doc, doc)  # position of the mention in its document
    per_doc = np.bincount(doc, minlength=docs)
    claim_doc = np.sort(rng.integers(0, docs, claims))
    claim_slot = np.arange(claims) - np.searchsorted(claim_doc, claim_doc)
    per_doc_claims = np.bincount(claim_doc, minlength=docs)
    # Mentions first, then claims, each in a slot of STEP characters; text long enough for both.
    length = (per_doc + per_doc_claims + 1) * STEP
    repeats = length // len(SENTENCE) + 1
    texts = [SENTENCE * int(r) for r in repeats]
    doc_ids = np.array([f"doc{d:06d}" for d in range(docs)], dtype=object)

    start = slot * STEP + 1
    span = rng.integers(1, 13, mentions)
    end = start + span
    label = rng.integers(0, n_labels, mentions)
    entity = rng.zipf(1.5, mentions) % max(mentions // 20, 1)  # a few large entities, many small
    c_start = (per_doc[claim_doc] + claim_slot) * STEP + 1
    c_end = c_start + rng.integers(2, 13, claims)
    # Bounds as the qualifier table wants them: a point, one open side, a range, or a
    # magnitude word's interval ([200, 999] and the like) for "vague".
    qualifier = rng.integers(0, len(QUALIFIERS), claims)
    wanted = np.array([QUALIFIER_BOUNDS[q] for q in QUALIFIERS])[qualifier]
    value = rng.integers(1, 5000, claims).astype(np.float64)
    kind = np.array(QUALIFIERS, dtype=object)[qualifier]
    width = np.where(kind == "range", rng.integers(1, 500, claims), 0)
    magnitude = 10.0 ** rng.integers(1, 5, claims)
    vague = kind == "vague"
    low = np.where(vague, 2 * magnitude, np.where(wanted[:, 0], value, np.nan))
    high = np.where(vague, 10 * magnitude - 1, np.where(wanted[:, 1], value + width, np.nan))
    predicate = rng.integers(0, len(PREDICATES), claims)
    group = rng.integers(0, max(claims // 4, 1), claims)

    def text_of(docs_, starts, ends) -> list[str]:
        return [texts[d][s:e] for d, s, e in zip(docs_.tolist(), starts.tolist(), ends.tolist(), strict=True)]

    gold = directory / "gold"
    gold.mkdir(exist_ok=True)
    pq.write_table(
        pa.table({"doc_id": doc_ids, "language": ["sv"] * docs, "text": texts}), gold / "documents.parquet"
    )
    pq.write_table(
        pa.table(
            {
                "doc_id": doc_ids[doc],
                "start": start,
                "end": end,
                "text": text_of(doc, start, end),
                "label": np.array(ENTITY_LABELS, dtype=object)[label],
                "entity_id": np.char.add("E", entity.astype(str)).astype(object),
            }
        ),
        gold / "mentions.parquet",
    )
    pq.write_table(
        pa.table(
            {
                "doc_id": doc_ids[claim_doc],
                "start": c_start,
                "end": c_end,
                "text": text_of(claim_doc, c_start, c_end),
                "low": pa.array(low, from_pandas=True),  # NaN → null (an open bound)
                "high": pa.array(high, from_pandas=True),
                "qualifier": np.array(QUALIFIERS, dtype=object)[qualifier],
                "predicate": np.array(PREDICATES, dtype=object)[predicate],
                "source_start": pa.array([None] * claims, pa.int64()),
                "source_end": pa.array([None] * claims, pa.int64()),
                "source_text": pa.array([None] * claims, pa.string()),
                "group_id": np.char.add("G", group.astype(str)).astype(object),
            }
        ),
        gold / "claims.parquet",
    )

    # Predictions: 80 % exact, 7 % relabelled, 5 % one boundary moved, 4 % spurious in the gap
    # before a dropped span, the rest as is; 90 % of entity ids right; claims likewise.
    fate = rng.random(mentions)
    p_start, p_end, p_label = start.copy(), end.copy(), label.copy()
    relabel = (fate >= 0.80) & (fate < 0.87)
    p_label[relabel] = (label[relabel] + rng.integers(1, n_labels, relabel.sum())) % n_labels
    shift = (fate >= 0.87) & (fate < 0.92)
    p_end[shift] = np.where(span[shift] > 1, end[shift] - 1, end[shift] + 1)
    spurious = fate >= 0.96
    p_start[spurious] = start[spurious] + 13
    p_end[spurious] = p_start[spurious] + 3
    p_entity = np.where(rng.random(mentions) < 0.9, entity, rng.integers(0, mentions // 20 + 1, mentions))
    c_fate = rng.random(claims)
    pc_end = np.where(c_fate < 0.1, c_end + 1, c_end)
    p_group = np.where(c_fate < 0.85, group, rng.integers(0, claims // 4 + 1, claims))

    labels = np.array(ENTITY_LABELS, dtype=object)
    bounds = np.searchsorted(doc, np.arange(docs + 1))
    c_bounds = np.searchsorted(claim_doc, np.arange(docs + 1))
    paths = {"gold": gold}
    for name, with_ids, with_claims in FILES:
        path = directory / f"pred_{name}.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for d in range(docs):
                a, b = bounds[d], bounds[d + 1]
                ms = [
                    {"start": s, "end": e, "label": lab, **({"entity_id": f"E{x}"} if with_ids else {})}
                    for s, e, lab, x in zip(
                        p_start[a:b].tolist(),
                        p_end[a:b].tolist(),
                        labels[p_label[a:b]].tolist(),
                        p_entity[a:b].tolist(),
                        strict=True,
                    )
                ]
                ca, cb = (c_bounds[d], c_bounds[d + 1]) if with_claims else (0, 0)
                cs = [
                    {
                        "start": s,
                        "end": e,
                        "low": None if lo != lo else lo,  # NaN: an open bound, null
                        "high": None if hi != hi else hi,
                        "qualifier": QUALIFIERS[q],
                        "predicate": PREDICATES[p],
                        "group_id": f"G{g}",
                    }
                    for s, e, lo, hi, q, p, g in zip(
                        c_start[ca:cb].tolist(),
                        pc_end[ca:cb].tolist(),
                        low[ca:cb].tolist(),
                        high[ca:cb].tolist(),
                        qualifier[ca:cb].tolist(),
                        predicate[ca:cb].tolist(),
                        p_group[ca:cb].tolist(),
                        strict=True,
                    )
                ]
                record = {"doc_id": doc_ids[d], "mentions": ms, **({"claims": cs} if with_claims else {})}
                handle.write(json.dumps(record) + "\n")
        paths[name] = path
    return paths


def measure(argv: list[str], cache: Path | None = None) -> dict:
    """Run ``argv`` in its own process (under a measuring process); its figures and output.

    ``cache``: the scorer's gold cache folder for this run (never the user's own)."""
    env = {**os.environ, **ONE_CORE, CACHE_ENV: str(cache) if cache else ""}
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, *argv], env=env, stdout=subprocess.PIPE, text=True, check=True
    )
    result = json.loads(done.stdout)
    if result["rc"] != 0:
        raise SystemExit(f"{' '.join(argv[:3])} … failed:\n{result['stderr']}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=1_000_000)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--samples", type=int, default=1000, help="replicates for the interval run (0: skip)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-nervaluate", action="store_true", help="skip the (slow) peer runs")
    parser.add_argument(
        "--keep", metavar="DIR", help="write the input here and keep it (default: a temp dir)"
    )
    args = parser.parse_args()

    from conflict_counts.labels import ENTITY_LABELS

    with tempfile.TemporaryDirectory() as scratch:
        directory = Path(args.keep or scratch)
        directory.mkdir(parents=True, exist_ok=True)
        paths = synthesise(directory, args.mentions, args.docs, args.claims, args.seed)
        sizes = ", ".join(f"{name.replace('_', ' ')} {paths[name].stat().st_size / 2**20:.0f} MB"
                          for name, *_ in FILES)
        print(
            f"input: {args.mentions:,} gold and {args.mentions:,} predicted mentions, {args.claims:,} claims "
            f"a side, {args.docs:,} documents; predictions JSONL: {sizes}. "
            f"{platform.node() or 'machine'}: {os.cpu_count()} cores (shared), load average "
            f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}, python "
            f"{platform.python_version()}, numpy {np.__version__}, nervaluate {version('nervaluate')}; "
            "each tool in its own process on one core, CPU = user + system seconds"
        )
        print(
            "gold cache: 'cold' runs start from an empty cache folder (the gold is checked and split "
            "into sentences, then stored); 'warm' runs find it there (the same folder, second run)"
        )
        score = [sys.executable, "-m", "conflict_counts.cli", "score", "--gold", str(paths["gold"])]
        runs: dict[tuple[str, str], dict] = {}
        for index, (name, *_) in enumerate(FILES):
            cache = Path(tempfile.mkdtemp(prefix=f"cache{index}-", dir=scratch))
            for state in ("cold", "warm"):
                argv = [*score, "--pred", str(paths[name]), "--samples", "0"]
                run = runs[name, state] = measure(argv, cache)
                print(
                    f"conflict-counts score --samples 0, {LABEL[name]}, {state}: {run['cpu']:.1f} s CPU "
                    f"({run['wall']:.1f} s wall), peak RSS {run['rss_mb']:.0f} MB (targets ≤ 20 s, ≤ 2048 MB)"
                )
        if args.samples:
            timed = measure([*score, "--pred", str(paths["with_ids"]), "--samples", str(args.samples)], cache)
            ratio = timed["cpu"] / runs["with_ids", "warm"]["cpu"]
            print(
                f"conflict-counts score --samples {args.samples}, {LABEL['with_ids']}, warm: "
                f"{timed['cpu']:.1f} s CPU, peak RSS {timed['rss_mb']:.0f} MB ({ratio:.1f}× the scoring "
                "without intervals)"
            )
        if args.no_nervaluate:
            return
        fields = ("correct", "incorrect", "partial", "missed", "spurious")
        for name in ("mentions_only", "with_ids"):
            theirs = measure(
                [sys.executable, "-c", NERVALUATE, str(paths["gold"] / "mentions.parquet"), str(paths[name]),
                 ",".join(ENTITY_LABELS)]
            )
            counts = json.loads(theirs["stdout"])
            report = json.loads(runs[name, "warm"]["stdout"])["entities"]
            same = all(report[s][f] == counts[s][f] for s in counts for f in fields)
            print(
                f"nervaluate on the full input, {LABEL[name]} (it reads the mentions only): "
                f"{theirs['cpu']:.1f} s CPU ({theirs['wall']:.1f} s wall), "
                f"peak RSS {theirs['rss_mb']:.0f} MB; "
                f"entity counts identical to the scorer's: {'yes' if same else 'NO'}"
            )
            what = (
                "both score the entity mentions only (the scorer also B-cubed over singletons)"
                if name == "mentions_only"
                else "the scorer also scores linking, claims and groups; nervaluate the entities only"
            )
            for state in ("cold", "warm"):
                ours = runs[name, state]
                print(
                    f"ratio, {LABEL[name]}, gold cache {state}: nervaluate's CPU ÷ the scorer's = "
                    f"{theirs['cpu'] / ours['cpu']:.1f}× (target ≥ 10×; {what}); "
                    f"memory {ours['rss_mb'] / theirs['rss_mb']:.2f}× nervaluate's"
                )


if __name__ == "__main__":
    main()

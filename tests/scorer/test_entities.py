"""Entity scores: equal to nervaluate where it is well defined, without its known faults."""

from __future__ import annotations

import itertools
import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nervaluate import Evaluator

from conflict_counts.labels import ENTITY_LABELS
from conflict_counts.scorer import entities

SCHEMAS = ("strict", "exact", "partial", "ent_type")
FIELDS = (
    "correct",
    "incorrect",
    "partial",
    "missed",
    "spurious",
    "possible",
    "actual",
    "precision",
    "recall",
    "f1",
)


def spans(items: list[tuple[int, int, int, str]]) -> entities.Spans:
    """(doc, start, end, label) tuples; one resampling unit per document."""
    doc = np.array([i[0] for i in items], dtype=np.int64)
    return entities.Spans(
        doc=doc,
        start=np.array([i[1] for i in items], dtype=np.int64),
        end=np.array([i[2] for i in items], dtype=np.int64),
        label=np.array([ENTITY_LABELS.index(i[3]) for i in items], dtype=np.int64),
        unit=doc.copy(),
        link=np.full(len(items), -1, dtype=np.int64),
    )


def ours(gold: list, pred: list, n_docs: int = 1) -> dict:
    ev = entities.evaluate(spans(gold), spans(pred), n_docs)
    tree = ev.scores(np.ones((1, n_docs)), {})

    def plain(t: dict) -> dict:
        return {k: plain(v) if isinstance(v, dict) else float(np.nan_to_num(v[0])) for k, v in t.items()}

    return plain(tree)


def theirs(gold: list, pred: list, n_docs: int) -> dict:
    """nervaluate on the same spans, given in text order (as a BIO tagger yields them)."""

    def docs(items: list) -> list[list[dict]]:
        out: list[list[dict]] = [[] for _ in range(n_docs)]
        for doc, start, end, label in sorted(items):
            out[doc].append({"label": label, "start": start, "end": end - 1})  # inclusive end
        return out

    result = Evaluator(docs(gold), docs(pred), tags=list(ENTITY_LABELS), loader="dict").evaluate()

    def fields(r: object) -> dict:
        return {f: float(getattr(r, f)) for f in FIELDS}

    return {
        "overall": {s: fields(result["overall"][s]) for s in SCHEMAS},
        "per_label": {tag: {s: fields(r[s]) for s in SCHEMAS} for tag, r in result["entities"].items()},
    }


@st.composite
def disjoint_spans(draw: st.DrawFn, n_docs: int) -> list[tuple[int, int, int, str]]:
    """Non-overlapping spans in each document (touching allowed), short and densely packed."""
    items = []
    for doc in range(n_docs):
        position = 0
        for _ in range(draw(st.integers(0, 7))):
            start = position + draw(st.integers(0, 4))
            end = start + draw(st.integers(1, 6))
            items.append((doc, start, end, draw(st.sampled_from(("PER", "ORG", "GPE")))))
            position = end
    return items


@st.composite
def gold_and_pred(draw: st.DrawFn) -> tuple[list, list, int]:
    n_docs = draw(st.integers(1, 3))
    return draw(disjoint_spans(n_docs)), draw(disjoint_spans(n_docs)), n_docs


@settings(max_examples=400, deadline=None)
@given(gold_and_pred())
def test_equals_nervaluate_on_non_overlapping_inputs(case: tuple[list, list, int]) -> None:
    gold, pred, n_docs = case
    random.Random(0).shuffle(pred)  # our input order is irrelevant; nervaluate gets text order
    mine, reference = ours(gold, pred, n_docs), theirs(gold, pred, n_docs)
    for schema in SCHEMAS:
        assert {f: mine[schema][f] for f in FIELDS} == reference["overall"][schema], schema
    assert set(mine["per_label"]) == set(reference["per_label"])
    for label, by_schema in reference["per_label"].items():
        for schema in SCHEMAS:
            assert {f: mine["per_label"][label][schema][f] for f in FIELDS} == by_schema[schema], (
                label,
                schema,
            )


def test_partial_credit_and_incorrect_follow_semeval_schemas() -> None:
    # gold PER "0:5"; pred ORG "0:3" overlaps it with the wrong type and the wrong boundary.
    s = ours([(0, 0, 5, "PER")], [(0, 0, 3, "ORG")])
    assert (s["strict"]["incorrect"], s["exact"]["incorrect"]) == (1, 1)
    assert (s["partial"]["partial"], s["partial"]["precision"]) == (1, 0.5)
    assert (s["ent_type"]["incorrect"], s["ent_type"]["f1"]) == (1, 0.0)


# nervaluate #42 / #66: a spurious prediction was charged to every entity type.
def test_spurious_counts_against_its_own_label_only() -> None:
    gold = [(0, 0, 5, "PER"), (0, 20, 25, "GPE")]
    pred = [(0, 0, 5, "PER"), (0, 20, 25, "GPE"), (0, 10, 14, "ORG")]  # ORG is spurious
    s = ours(gold, pred)
    for schema in SCHEMAS:
        assert s["per_label"]["PER"][schema]["spurious"] == 0
        assert s["per_label"]["PER"][schema]["precision"] == 1.0
        assert s["per_label"]["GPE"][schema]["precision"] == 1.0
        assert s["per_label"]["ORG"][schema]["spurious"] == 1
        assert s["per_label"]["ORG"][schema]["possible"] == 0
        assert s[schema]["spurious"] == 1
    assert set(s["per_label"]) == {"PER", "ORG", "GPE"}  # labels absent on both sides are not listed


# nervaluate #40: results depended on the order in which spans were listed. With nervaluate
# 1.2.1, gold [A 0:5, A 10:15] and pred [A 3:12, A 12:14] give 2 incorrect in one gold order
# and 1 incorrect + 1 missed + 1 spurious in the other.
def test_results_do_not_depend_on_span_order() -> None:
    gold = [(0, 0, 5, "PER"), (0, 10, 15, "PER")]
    pred = [(0, 3, 12, "PER"), (0, 12, 14, "PER")]
    results = {
        repr(ours(list(g), list(p)))
        for g in itertools.permutations(gold)
        for p in itertools.permutations(pred)
    }
    assert len(results) == 1
    s = ours(gold, pred)
    assert (s["strict"]["incorrect"], s["strict"]["missed"], s["strict"]["spurious"]) == (2, 0, 0)


@st.composite
def overlapping_case(draw: st.DrawFn) -> tuple[list, list]:
    def items() -> list:
        n = draw(st.integers(0, 8))
        out = []
        for _ in range(n):
            start = draw(st.integers(0, 30))
            out.append(
                (
                    draw(st.integers(0, 1)),
                    start,
                    start + draw(st.integers(1, 8)),
                    draw(st.sampled_from(("PER", "ORG"))),
                )
            )
        return out

    return items(), items()


@settings(max_examples=200, deadline=None)
@given(overlapping_case(), st.randoms(use_true_random=False))
def test_any_input_order_gives_the_same_scores(case: tuple[list, list], rng: random.Random) -> None:
    gold, pred = case
    first = ours(gold, pred, 2)
    rng.shuffle(gold)
    rng.shuffle(pred)
    assert ours(gold, pred, 2) == first


# nervaluate #84 / #85: one prediction could earn credit twice, and a label's results
# depended on which other labels were evaluated.
def test_a_prediction_spanning_two_gold_mentions_earns_credit_once() -> None:
    s = ours([(0, 0, 5, "PER"), (0, 6, 10, "PER")], [(0, 0, 10, "PER")])
    assert (s["partial"]["partial"], s["partial"]["missed"], s["partial"]["spurious"]) == (1, 1, 0)
    assert (s["ent_type"]["correct"], s["ent_type"]["missed"]) == (1, 1)
    assert s["strict"]["incorrect"] + s["strict"]["correct"] == 1


def test_two_predictions_over_one_gold_mention_share_no_credit() -> None:
    # The example of nervaluate #84: pred y 0:3 and x 0:3 against gold x 0:2.
    gold = [(0, 0, 2, "ORG")]
    both = [(0, 0, 3, "PER"), (0, 0, 3, "ORG")]
    for pred in (both, both[::-1]):
        s = ours(gold, pred)
        assert (s["ent_type"]["correct"], s["ent_type"]["spurious"]) == (1, 1)
        assert s["per_label"]["ORG"]["ent_type"]["correct"] == 1
    alone = ours(gold, [(0, 0, 3, "ORG")])
    assert alone["per_label"]["ORG"] == ours(gold, both)["per_label"]["ORG"]


@settings(max_examples=200, deadline=None)
@given(overlapping_case())
def test_matching_is_one_to_one(case: tuple[list, list]) -> None:
    gold, pred = case
    s = ours(gold, pred, 2)
    for schema in SCHEMAS:
        matched = s[schema]["correct"] + s[schema]["incorrect"] + s[schema]["partial"]
        assert matched <= min(len(gold), len(pred))
        assert s[schema]["possible"] == len(gold)
        assert s[schema]["actual"] == len(pred)


def test_exact_match_is_preferred_over_an_earlier_overlap() -> None:
    # nervaluate's sequential walk would give gold 0:10 to pred 0:5 (first in text order).
    s = ours([(0, 0, 10, "PER")], [(0, 0, 5, "PER"), (0, 0, 10, "PER")])
    assert (s["strict"]["correct"], s["strict"]["spurious"]) == (1, 1)


def test_min_overlap_is_one_percent_of_the_gold_span() -> None:
    long_gold = [(0, 0, 150, "ORG")]
    assert ours(long_gold, [(0, 149, 151, "ORG")])["partial"]["partial"] == 0  # 1 of 150 chars
    assert ours(long_gold, [(0, 148, 151, "ORG")])["partial"]["partial"] == 1  # 2 of 150 chars


@pytest.mark.parametrize("n", [0, 1])
def test_empty_sides(n: int) -> None:
    gold = [(0, 0, 3, "PER")] * n
    s = ours(gold, [])
    assert s["strict"]["recall"] == 0.0
    assert s["strict"]["missed"] == n

"""The Python API end to end: gold against itself, empty predictions, single perturbations."""

from __future__ import annotations

import copy
import inspect
import re
from pathlib import Path

import pytest

import conflict_counts
from conflict_counts.scorer.api import score
from tests.scorer.corpus import DOCS, MENTIONS, find, gold_predictions

SAMPLES = 200
SCORE_KEYS = ("precision", "recall", "f1", "accuracy")


def flat(tree: dict, prefix: str = "") -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in tree.items():
        if isinstance(value, dict):
            out.update(flat(value, f"{prefix}{key}."))
        else:
            out[f"{prefix}{key}"] = value
    return out


def scores_of(report: dict) -> dict[str, float]:
    return {
        path: v
        for path, v in flat({k: v for k, v in report.items() if k != "meta"}).items()
        if path.rsplit(".", 1)[-1] in SCORE_KEYS
    }


def changed(report: dict) -> set[str]:
    return {path for path, value in scores_of(report).items() if value != 1.0}


def test_gold_against_itself_is_perfect_everywhere(gold_dir: Path) -> None:
    report = score(gold_predictions(), gold_dir, samples=SAMPLES)
    values = flat({k: v for k, v in report.items() if k != "meta"})
    assert changed(report) == set()
    intervals = {p: v for p, v in values.items() if p.endswith("_ci")}
    assert intervals and all(v == [1.0, 1.0] for v in intervals.values())
    assert set(report["entities"]["per_language"]) == {"sv", "nb", "en"}
    assert list(report["entities"]["per_language"]) == ["sv", "nb", "en"]
    assert set(report["entities"]["per_label"]) == {"ORG", "GPE", "FAC"}


def test_gold_tables_as_parquet_predictions(gold_dir: Path) -> None:
    report = score(gold_dir, gold_dir, samples=0)
    assert changed(report) == set()
    assert report["entities"]["strict"]["f1_ci"] is None


def test_empty_predictions_have_zero_recall(gold_dir: Path) -> None:
    report = score([], gold_dir, samples=SAMPLES)
    recalls = {p: v for p, v in scores_of(report).items() if p.endswith(".recall")}
    assert recalls and all(v == 0.0 for v in recalls.values())
    assert report["entities"]["strict"]["missed"] == len(MENTIONS)
    assert report["claims"]["span_strict"]["possible"] == 7


def test_missing_documents_count_as_empty_unless_subset(gold_dir: Path) -> None:
    two = [p for p in gold_predictions() if p["doc_id"] in ("d1", "d2")]
    full = score(two, gold_dir, samples=0)
    assert full["entities"]["strict"]["recall"] < 1.0
    assert full["meta"]["documents"] == 3
    subset = score(two, gold_dir, subset=True, samples=0)
    assert changed(subset) == set()
    assert subset["meta"]["documents"] == 2
    assert list(subset["entities"]["per_language"]) == ["sv", "nb"]
    # In d1 alone every claim group is a singleton: MUC has no link to score and is 0, as in
    # the reference scorer, while LEA (which scores singletons) is 1.
    alone = score(two[:1], gold_dir, subset=True, samples=0)
    assert (alone["groups"]["muc"]["f1"], alone["groups"]["lea"]["f1"]) == (0.0, 1.0)


def test_same_seed_same_report_and_span_order_is_irrelevant(gold_dir: Path) -> None:
    predictions = gold_predictions()
    predictions[0]["mentions"].pop(2)
    predictions[1]["claims"][0].update(low=700.0, high=700.0)  # a wrong value, consistent bounds
    first = score(predictions, gold_dir, samples=SAMPLES, seed=3)
    shuffled = copy.deepcopy(predictions)[::-1]
    for doc in shuffled:
        doc["mentions"].reverse()
        doc["claims"].reverse()
    assert score(shuffled, gold_dir, samples=SAMPLES, seed=3) == first


def test_top_level_functions_are_the_scorers(gold_dir: Path) -> None:
    from conflict_counts.scorer import api

    assert conflict_counts.score is api.score and conflict_counts.compare is api.compare
    assert list(inspect.signature(conflict_counts.score).parameters)[:2] == ["predictions", "gold_dir"]
    assert conflict_counts.score(gold_predictions(), gold_dir, samples=0) == score(
        gold_predictions(), gold_dir, samples=0
    )


# --- single perturbations: each lowers exactly the scores it should ------------------------


def _mention(predictions: list[dict], doc: str, surface: str, occurrence: int = 0) -> dict:
    start, _ = find(doc, surface, occurrence)
    item = next(p for p in predictions if p["doc_id"] == doc)
    return next(m for m in item["mentions"] if m["start"] == start)


def _claim(predictions: list[dict], doc: str, surface: str) -> dict:
    start, _ = find(doc, surface)
    item = next(p for p in predictions if p["doc_id"] == doc)
    return next(c for c in item["claims"] if c["start"] == start)


def drop_mention(p: list[dict]) -> None:
    p[0]["mentions"].remove(_mention(p, "d1", "SOHR"))


def shift_mention(p: list[dict]) -> None:
    _mention(p, "d1", "Hasakah")["end"] -= 1


def relabel_mention(p: list[dict]) -> None:
    _mention(p, "d2", "SDF")["label"] = "GPE"


def relink_mention(p: list[dict]) -> None:
    _mention(p, "d3", "Syrian Observatory")["entity_id"] = "syrian-observatory"


def change_value(p: list[dict]) -> None:
    _claim(p, "d2", "5.000").update(low=50000.0, high=50000.0)


def change_source(p: list[dict]) -> None:
    claim = _claim(p, "d3", "About 100")
    claim["source_start"], claim["source_end"] = find("d3", "prisoners")


def change_predicate(p: list[dict]) -> None:
    _claim(p, "d1", "minst 39")["predicate"] = "captured"


def change_group(p: list[dict]) -> None:
    _claim(p, "d3", "3,500")["group_id"] = "another-group"


def shift_claim(p: list[dict]) -> None:
    claim = _claim(p, "d1", "närmare 800")
    claim["start"] = find("d1", "800")[0]


def drop_claim(p: list[dict]) -> None:
    p[1]["claims"].remove(_claim(p, "d2", "et hundretall"))


ANY = r"(precision|recall|f1|accuracy)"
PERTURBATIONS = {
    # name: (perturbation, allowed to change, must change)
    "drop a mention": (
        drop_mention,
        [r"entities\.(per_label\.ORG\.|per_language\.sv\.)?\w+\.(recall|f1)", rf"linking\.bcubed\.{ANY}"],
        ["entities.strict.recall", "entities.ent_type.recall", "linking.bcubed.recall"],
    ),
    "shift a mention boundary": (
        shift_mention,
        [
            rf"entities\.(per_label\.GPE\.|per_language\.sv\.)?(strict|exact|partial)\.{ANY}",
            rf"linking\.bcubed\.{ANY}",
        ],
        [
            "entities.strict.f1",
            "entities.exact.f1",
            "entities.partial.f1",
            "entities.per_label.GPE.partial.f1",
        ],
    ),
    "change a label": (
        relabel_mention,
        [
            rf"entities\.(per_language\.nb\.)?(strict|ent_type)\.{ANY}",
            rf"entities\.per_label\.(ORG|GPE)\.\w+\.{ANY}",
            rf"linking\.bcubed\.{ANY}",
        ],
        [
            "entities.strict.f1",
            "entities.ent_type.f1",
            "entities.per_label.ORG.exact.recall",
            "entities.per_label.GPE.exact.precision",
        ],
    ),
    "change an entity_id": (
        relink_mention,
        [rf"linking\.(bcubed\.)?{ANY}"],
        ["linking.accuracy", "linking.bcubed.f1"],
    ),
    "change a value": (
        change_value,
        [rf"claims\.(per_language\.nb\.)?(value|full)\.{ANY}"],
        ["claims.value.f1", "claims.full.f1", "claims.per_language.nb.value.f1"],
    ),
    "change a source": (
        change_source,
        [rf"claims\.(per_language\.en\.)?(attribution|full)\.{ANY}"],
        ["claims.attribution.f1", "claims.full.f1"],
    ),
    "change a predicate": (
        change_predicate,
        [rf"claims\.(per_language\.sv\.)?(predicate|full)\.{ANY}"],
        ["claims.predicate.accuracy", "claims.full.f1"],
    ),
    "change a group": (
        change_group,
        [rf"groups\.\w+\.{ANY}"],
        ["groups.muc.recall", "groups.bcubed.f1", "groups.ceafe.f1", "groups.lea.f1", "groups.conll.f1"],
    ),
    "shift a claim boundary": (
        shift_claim,
        [rf"claims\.(per_language\.sv\.)?(span_strict|full)\.{ANY}"],
        ["claims.span_strict.f1", "claims.full.f1"],
    ),
    "drop a claim": (
        drop_claim,
        [r"claims\.(per_language\.nb\.)?\w+\.(recall|f1)", rf"groups\.\w+\.{ANY}"],
        ["claims.span_overlap.recall", "claims.full.recall", "groups.muc.recall"],
    ),
}


@pytest.mark.parametrize("name", list(PERTURBATIONS))
def test_single_perturbation_lowers_exactly_its_scores(name: str, gold_dir: Path) -> None:
    perturb, allowed, required = PERTURBATIONS[name]
    predictions = gold_predictions()
    perturb(predictions)
    report = score(predictions, gold_dir, samples=0)
    moved = changed(report)
    stray = {p for p in moved if not any(re.fullmatch(pattern, p) for pattern in allowed)}
    assert not stray, f"{name} also changed {sorted(stray)}"
    assert set(required) <= moved, f"{name} did not lower {sorted(set(required) - moved)}"
    assert all(value <= 1.0 for value in scores_of(report).values())


def test_documents_fixture_is_multilingual() -> None:
    assert {lang for lang, _ in DOCS.values()} == {"sv", "nb", "en"}

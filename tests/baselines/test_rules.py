"""The ``rules`` baseline: valid predictions, leave-one-out gazetteer, rules on unseen text."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from conflict_counts.baselines.rules import Gazetteer, RulesBaseline, analyse
from conflict_counts.baselines.rules.gazetteer import GENERIC
from conflict_counts.baselines.training import GoldData
from conflict_counts.records import Document
from conflict_counts.scorer.api import score

ROOT = Path(__file__).resolve().parents[2]
DATASET = ROOT / "dataset"


@pytest.fixture(scope="module")
def predictions(gold: GoldData, documents: list[Document]) -> list[dict]:
    return list(RulesBaseline(gold).predict(documents))


def _one(text: str, lang: str) -> dict:
    """Rules on an article that is not in the dataset, with generic name lists only."""
    mentions, claims = analyse(Document("held-out", text, lang), Gazetteer())
    return {
        "mentions": [(text[m.start : m.end], m.label) for m in mentions],
        "claims": [
            {
                "text": text[c.start : c.end],
                "value": (c.low, c.high, c.qualifier),
                "predicate": c.predicate,
                "counted": text[c.counted.start : c.counted.end] if c.counted else None,
                "source": (c.source_type, text[c.source.start : c.source.end] if c.source else None),
            }
            for c in claims
        ],
    }


def test_predictions_are_valid_and_scored(predictions: list[dict]) -> None:
    report = score(predictions, DATASET, samples=0)
    assert report["meta"]["documents"] == 5
    assert {"entities", "linking", "claims", "groups"} <= set(report)
    assert all(c.get("group_id") for p in predictions for c in p["claims"])


def test_predictions_are_deterministic(
    gold: GoldData, documents: list[Document], predictions: list[dict]
) -> None:
    assert list(RulesBaseline(gold).predict(documents)) == predictions


def test_gazetteer_never_sees_the_document_it_predicts(gold: GoldData, documents: list[Document]) -> None:
    baseline = RulesBaseline(gold)
    everything = set(gold.doc_ids)
    mentions = gold.mentions
    for document in documents:
        gazetteer = baseline.gazetteer_for(document.text)
        assert gazetteer.trained_on == everything - {document.doc_id}
        own = set(mentions[mentions.doc_id == document.doc_id].text.astype(str))
        others = set(mentions[mentions.doc_id != document.doc_id].text.astype(str))
        for surface in own - others:  # names only this document has
            assert surface not in gazetteer.learned


def test_held_out_text_learns_from_every_document(gold: GoldData) -> None:
    gazetteer = RulesBaseline(gold).gazetteer_for("Minst 12 fångar rymde från fängelset i Raqqa.")
    assert gazetteer.trained_on == set(gold.doc_ids)


def _string_literals(path: Path) -> list[str]:
    """Every string constant of a module except its docstrings (comments are not code)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def test_no_corpus_name_is_typed_into_the_rules(gold: GoldData) -> None:
    """Names the rules know in advance are generic (countries, regions): the gold's own names
    reach them only through the leave-one-out gazetteer."""
    literals = "\n".join(
        literal
        for path in sorted((ROOT / "baselines" / "rules").glob("*.py"))
        for literal in _string_literals(path)
    )
    for surface in set(gold.mentions.text.astype(str)):
        if surface in GENERIC or len(surface) < 3:
            continue
        assert not re.search(rf"(?<!\w){re.escape(surface)}(?!\w)", literals), surface


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Minst 12 fångar rymde från fängelset i Raqqa under natten, uppger polisen.",
            "sv",
            {
                "text": "Minst 12",
                "value": (12.0, None, "at_least"),
                "predicate": "escaped",
                "counted": "fångar",
                "source": ("unnamed", "polisen"),
            },
        ),
        (
            "I mars 2019 dödades 17 kurdiska soldater, enligt SOHR.",
            "sv",
            {
                "text": "17",
                "value": (17.0, 17.0, "exact"),
                "predicate": "killed",
                "counted": "kurdiska soldater",
                "source": ("named", "SOHR"),
            },
        ),
        (
            "Ifølge NTB holdes tusenvis av IS-krigere i leiren.",
            "nb",
            {
                "text": "tusenvis",
                "value": (2000.0, 9999.0, "vague"),
                "predicate": "detained",
                "counted": "IS-krigere",
                "source": ("named", "NTB"),
            },
        ),
        (
            "Nearly 200 fighters attacked the town on Tuesday.",
            "en",
            {
                "text": "Nearly 200",
                "value": (None, 200.0, "nearly"),
                "predicate": "attacking",
                "counted": "fighters",
                "source": ("none", None),
            },
        ),
        (
            "According to Amnesty International, about 1,200 people are held in the facility.",
            "en",
            {
                "text": "about 1,200",
                "value": (1200.0, 1200.0, "approx"),
                "predicate": "detained",
                "counted": "people",
                "source": ("named", "Amnesty International"),
            },
        ),
    ],
)
def test_claims_in_unseen_text(text: str, lang: str, expected: dict) -> None:
    assert _one(text, lang)["claims"] == [expected]


def test_counts_of_things_are_other_and_years_are_not_claims() -> None:
    claims = _one("Fångarna kommer från 50 olika länder, uppgav myndigheten 2019.", "sv")["claims"]
    assert [(c["text"], c["predicate"], c["counted"]) for c in claims] == [("50", "other", "olika länder")]


def test_mentions_by_capitalisation_and_compounds() -> None:
    found = _one(
        "Hundratals IS-anhängare har flytt från Gweiranfängelset i nordöstra Syrien, "
        "säger Anna Berg vid Uppsala universitet.",
        "sv",
    )["mentions"]
    assert ("IS", "ORG") in found
    assert ("Gweiran", "FAC") in found
    assert ("Syrien", "GPE") in found
    assert ("Anna Berg", "PER") in found
    assert not any(text == "Hundratals" for text, _ in found)


def test_a_passive_report_has_no_source() -> None:
    claims = _one("Flera tiotal fångar uppges ha befriats i attacken.", "sv")["claims"]
    assert claims[0]["source"] == ("none", None)
    assert claims[0]["predicate"] == "escaped"


def test_a_one_megabyte_sentence_completes() -> None:
    """Linear in sentence length: 1 MB without sentence punctuation finishes (no time is asserted).

    Before long sentences were cut into pieces, 50 kB took over a minute and 10 MB did not
    finish; scripts/bench_rules.py prints the figures.
    """
    unit = (
        "och vakterna i lägret letade länge efter dem som flytt medan SDF uppger att minst 23 personer greps "
    )
    filler = "sedan gick de vidare genom staden och " * 10
    text = ((unit + filler) * (1_000_000 // len(unit + filler) + 1))[:1_000_000]
    mentions, claims = analyse(Document("long", text, "sv"), Gazetteer())
    assert len(claims) > 1000 and all(text[c.start : c.end] for c in claims)
    assert any(text[m.start : m.end] == "SDF" for m in mentions)

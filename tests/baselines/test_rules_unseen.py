"""The rules baseline on invented paragraphs, one a language, written after the rules.

Each paragraph mixes the failure kinds seen on real articles about the same events: cues
of every language (Danish included), magnitude forms, ranges whose first number leaves out
the shared magnitude, dates with month names of another language, numbers inside names,
and predicates that a phrase around the count decides. No name in them is in the corpus.

The entity paragraphs (``data/invented_mentions.yaml``, scored per language and label by
``scripts/score_invented.py``) cover names of capitalised words with adjectives in
Swedish, Norwegian and Danish, abbreviations ("IS"), organisations and regions that look
like persons, datelines, apostrophes inside names, titles, month abbreviations,
nationality nouns and two names in one run.
"""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

from conflict_counts.baselines.rules import Gazetteer, analyse
from conflict_counts.baselines.training import GoldData
from conflict_counts.records import Document

# (language, paragraph, expected claims: span, low, high, qualifier, predicate)
PARAGRAPHS = [
    ("da",
     "Op mod 5000 fanger sad i fængslet, da angrebet begyndte den 20. January. Ifølge SOHR har "
     "kampene kostet mindst 30 personer livet, og i hvert fald 40 fanger er taget til fange igen. "
     "Efter flugten af hundredvis af fanger meldte Kurdistan 24 om tusinder af flygtninge ved "
     "grænsen. Mellem 10 og 12.000 IS-krigere holdes stadig i lejrene.",
     [("Op mod 5000", None, 5000.0, "at_most", "detained"),
      ("mindst 30", 30.0, None, "at_least", "killed"),
      ("i hvert fald 40", 40.0, None, "at_least", "captured"),
      ("hundredvis", 200.0, 999.0, "vague", "escaped"),
      ("tusinder", 2000.0, 9999.0, "vague", "escaped"),
      ("Mellem 10 og 12.000", 10000.0, 12000.0, "range", "detained")]),
    ("nb",
     "Tusener av mennesker har flyktet fra leiren siden i hvert fall 2019. Ifølge NRK holdes "
     "mellom 10 og 12.000 IS-fanger i fengslene, og maksimalt 300 vakter passer på dem. TV 2 "
     "meldte at like under 40 fanger ble drept da fengselet ble angrepet 21. January.",
     [("Tusener", 2000.0, 9999.0, "vague", "escaped"),
      ("mellom 10 og 12.000", 10000.0, 12000.0, "range", "detained"),
      ("maksimalt 300", None, 300.0, "at_most", "detained"),
      ("like under 40", None, 40.0, "nearly", "killed")]),
    ("sv",
     "Uppåt 200 fångar uppges ha flytt från lägret under natten. Enligt SVT hålls mellan 10 och "
     "12 000 personer i förvar i regionen, och attacken kostade minst 30 människor livet. Under "
     "den 3 October rapporterade TV4 Nyheter och Kanal 9 att 40 procent av fångarna är utländska.",
     [("Uppåt 200", 200.0, None, "more_than", "escaped"),
      ("mellan 10 och 12 000", 10000.0, 12000.0, "range", "detained"),
      ("minst 30", 30.0, None, "at_least", "killed")]),
    ("en",
     "Between 10 and 12 thousand people are held in the camp, officials said. The attack on the "
     "prison cost at least 200 lives, and from 300 to 500 prisoners escaped on Jan. 20. According "
     "to Kurdistan 24, upwards of 80 fighters were captured; a reporter for Channel 4 said 15 "
     "percent of them were foreigners.",
     [("Between 10 and 12 thousand", 10000.0, 12000.0, "range", "detained"),
      ("at least 200", 200.0, None, "at_least", "killed"),
      ("from 300 to 500", 300.0, 500.0, "range", "escaped"),
      ("upwards of 80", 80.0, None, "more_than", "captured")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), PARAGRAPHS, ids=[p[0] for p in PARAGRAPHS])
def test_invented_paragraph(lang: str, text: str, expected: list[tuple]) -> None:
    _, claims = analyse(Document("held-out", text, lang), Gazetteer())
    found = [(text[c.start : c.end], c.low, c.high, c.qualifier, c.predicate) for c in claims]
    assert found == expected


# -- entity mentions ---------------------------------------------------------------------
INVENTED = runpy.run_path(str(Path(__file__).resolve().parents[2] / "scripts" / "score_invented.py"))
MENTION_PARAGRAPHS = INVENTED["read_paragraphs"]()


@pytest.fixture(scope="module")
def mention_predictions(gold: GoldData) -> dict[str, dict]:
    return {r["doc_id"]: r for r in INVENTED["predict"](MENTION_PARAGRAPHS, gold)}


def _expected(paragraph: dict) -> list[tuple[str, str]]:
    """The guidelines' mentions, each one the rules still get wrong replaced by what they find."""
    text, wrong = paragraph["text"], paragraph.get("wrong", {})
    expected: list[tuple[str, str]] = []
    for a, b, label in paragraph["spans"]:
        expected += [tuple(f) for f in wrong[text[a:b]]] if text[a:b] in wrong else [(text[a:b], label)]
    return expected


@pytest.mark.parametrize("paragraph", MENTION_PARAGRAPHS, ids=[p["id"] for p in MENTION_PARAGRAPHS])
def test_invented_paragraph_mentions(paragraph: dict, mention_predictions: dict[str, dict]) -> None:
    """Every span and label the guidelines give, except those the paragraph lists as still wrong."""
    text = paragraph["text"]
    mentions = mention_predictions[paragraph["id"]]["mentions"]
    assert [(text[m["start"] : m["end"]], m["label"]) for m in mentions] == _expected(paragraph)


def test_invented_mentions_score_what_the_paragraphs_say(mention_predictions: dict[str, dict]) -> None:
    """The scorer's strict F1 is the one the listed errors give: right = gold minus the wrong ones."""
    figures = INVENTED["strict_scores"](MENTION_PARAGRAPHS, list(mention_predictions.values()))
    gold = sum(len(p["spans"]) for p in MENTION_PARAGRAPHS)
    right = gold - sum(len(p.get("wrong", {})) for p in MENTION_PARAGRAPHS)
    found = sum(len(_expected(p)) for p in MENTION_PARAGRAPHS)
    assert figures["all"]["strict"] == round(2 * right / (gold + found), 3)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a word opening a sentence is the name the document writes inside a sentence
        ("da", "Ritzau erfarer, at fangerne er flyttet. Det bekræfter kilder over for Ritzau.",
         [("Ritzau", "ORG"), ("Ritzau", "ORG")]),
        # after "til", a place one moves to, but whom a speaker speaks to
        ("nb", "Fangene ble flyttet til Manbij, sier kilder til Dagsavisen.",
         [("Manbij", "GPE"), ("Dagsavisen", "ORG")]),
        # a Scandinavian dateline: no dash after the agency; two agencies are two mentions
        ("sv", "STOCKHOLM (TT) Minst 23 svenska barn finns kvar i lägren.",
         [("STOCKHOLM", "GPE"), ("TT", "ORG")]),
        ("nb", "HASAKEH (NTB-AFP) Antallet fanger har økt.",
         [("HASAKEH", "GPE"), ("NTB", "ORG"), ("AFP", "ORG")]),
        # a court is named by its town: the place is part of the name
        ("sv", "Kvinnan dömdes i Stockholms tingsrätt i fjol.", [("Stockholms tingsrätt", "ORG")]),
        # two places in one dateline
        ("nb", "OSLO/HASAKAH (NTB) Over 200 fanger skal ha rømt.",
         [("OSLO", "GPE"), ("HASAKAH", "GPE"), ("NTB", "ORG")]),
        # accented capitals open a dateline too
        ("nb", "GENÈVE (NTB) FN advarer.", [("GENÈVE", "GPE"), ("NTB", "ORG"), ("FN", "ORG")]),
        # a known name ends a closed compound only where a word can begin: not "Berlin|gskes"
        ("da", "Ifølge Berlingskes kilder er en kvinde forsvundet fra Mali.",
         [("Berlingskes", "ORG"), ("Mali", "GPE")]),
        # a headline in capitals holds no names; the dateline after it does
        ("en", "THE CAMP IS FULL\nHASAKAH, Syria (AP) — Guards said on Jan. 3 that IS fighters attacked.",
         [("HASAKAH", "GPE"), ("Syria", "GPE"), ("AP", "ORG"), ("IS", "ORG")]),
    ],
)
def test_mention_rules_in_context(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    mentions, _ = analyse(Document("held-out", text, lang), Gazetteer())
    assert [(text[m.start : m.end], m.label) for m in mentions] == expected


DATA = Path(__file__).resolve().parent / "data"
HELD_OUT = INVENTED["read_paragraphs"](DATA / "heldout_paragraphs.yaml")
HELD_OUT_SETS = sorted(DATA.glob("heldout_paragraphs*.yaml"))


@pytest.mark.parametrize("path", HELD_OUT_SETS, ids=lambda path: path.stem)
def test_held_out_paragraphs_are_located_in_their_texts(path: Path) -> None:
    """Every quote of each held-out file is found in text order, in four languages, and its
    claims' bounds fit their qualifiers (ANNOTATION_GUIDELINES.md §4.5)."""
    from conflict_counts.labels import bounds_problem

    paragraphs = INVENTED["read_paragraphs"](path)
    assert {p["language"] for p in paragraphs} == {"sv", "nb", "da", "en"}
    for paragraph in paragraphs:
        for start, end, claim in paragraph["claim_spans"]:
            assert paragraph["text"][start:end] == claim["text"]
            assert bounds_problem(claim["qualifier"], claim["low"], claim["high"]) is None, claim
        for (start, end, _), (quote, _) in zip(paragraph["spans"], paragraph["mentions"], strict=True):
            assert paragraph["text"][start:end] == quote


def test_held_out_claims_are_scored_by_the_project_scorer(gold: GoldData) -> None:
    """The claim figures of the held-out table are the scorer's: a prediction of every gold
    claim with its own bounds and predicate scores 1.0, one with a wrong predicate less."""
    records = [
        {"doc_id": p["id"], "mentions": [],
         "claims": [{"start": a, "end": b, "low": c["low"], "high": c["high"], "qualifier": c["qualifier"],
                     "predicate": c["predicate"], "group_id": None}
                    for a, b, c in p["claim_spans"]]}
        for p in HELD_OUT
    ]
    perfect = INVENTED["strict_scores"](HELD_OUT, records)["all"]
    assert perfect["claim value F1"] == perfect["predicate accuracy"] == 1.0
    first = next(r for r in records if r["claims"])
    first["claims"][0]["predicate"] = "other" if first["claims"][0]["predicate"] != "other" else "killed"
    assert INVENTED["strict_scores"](HELD_OUT, records)["all"]["predicate accuracy"] < 1.0

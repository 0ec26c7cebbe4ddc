"""Quote alignment of the ``llm`` adapter and its prompt: placed by code, nothing from the corpus."""

from __future__ import annotations

import doctest
import re

from conflict_counts.baselines.llm import align as align_module
from conflict_counts.baselines.llm.align import align, fits_qualifier, locate
from conflict_counts.baselines.llm.prompt import instructions
from conflict_counts.baselines.training import GoldData
from conflict_counts.records import Span


def test_examples_in_the_docstrings() -> None:
    assert doctest.testmod(align_module).failed == 0


def test_a_quote_does_not_start_inside_a_longer_word() -> None:
    text = "Syrian troops entered Syria."
    assert locate(text, "Syria") == Span(22, 27)
    assert locate("Gweiranfängelset i Gweiran", "Gweiran", after=1) == Span(19, 26)
    assert locate("Gweiranfängelset", "Gweiran") == Span(0, 7)  # a name part in a compound, if nothing else


def test_repeated_quotes_take_successive_occurrences_and_fall_back_to_the_first() -> None:
    text = "SDF said. SDF added. SOHR said."
    answer = {
        "mentions": [
            {"text": "SDF", "label": "ORG", "entity_id": "sdf"},
            {"text": "SDF", "label": "ORG", "entity_id": "sdf"},
            {"text": "SOHR", "label": "ORG", "entity_id": None},
            {"text": "SDF", "label": "ORG", "entity_id": "sdf"},  # out of order: the first occurrence
        ],
        "claims": [],
    }
    result = align(text, answer)
    assert [(m.start, m.end) for m in result.mentions] == [(0, 3), (10, 13), (21, 25), (0, 3)]
    assert result.unaligned == []


def test_loose_matches_ignore_case_and_whitespace() -> None:
    assert locate("the Syrian\nDemocratic  Forces", "syrian democratic forces") == Span(4, 29)


def test_sources_map_to_the_occurrence_nearest_their_claim() -> None:
    text = "SOHR counted 10. Later, at least 20 were killed, according to SOHR."
    answer = {
        "mentions": [{"text": "SOHR", "label": "ORG", "entity_id": "sohr"},
                     {"text": "SOHR", "label": "ORG", "entity_id": "sohr"}],
        "claims": [
            {"text": "at least 20", "low": 20, "high": None, "qualifier": "at_least", "predicate": "killed",
             "source_text": "SOHR", "group_id": None},
            {"text": "the police", "low": 1, "high": 1, "qualifier": "exact", "predicate": "other",
             "source_text": None, "group_id": None},
        ],
    }
    result = align(text, answer)
    (claim,) = result.claims
    assert text[claim.start : claim.end] == "at least 20"
    assert claim.source == Span(62, 66) and claim.source_type == "named" and claim.source_entity_id == "sohr"
    assert result.unaligned == ["the police"]


def test_the_qualifier_table_decides_which_bounds_are_set() -> None:
    assert fits_qualifier(20, None, "at_least") and not fits_qualifier(20, 30, "at_least")
    assert fits_qualifier(None, 800, "nearly") and not fits_qualifier(800, None, "nearly")
    assert fits_qualifier(100, 100, "approx") and not fits_qualifier(100, 200, "approx")
    assert fits_qualifier(200, 999, "vague") and not fits_qualifier(999, 200, "range")


def test_the_prompt_quotes_no_article_of_the_corpus() -> None:
    """Invented examples only: no six-word run of any document is in the instructions."""
    prompt = " ".join(re.findall(r"\w+", instructions().lower()))
    for text in GoldData.load().documents["text"]:
        words = re.findall(r"\w+", str(text).lower())
        runs = {" ".join(words[i : i + 6]) for i in range(len(words) - 5)}
        assert not [run for run in runs if run in prompt]

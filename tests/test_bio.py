"""Projecting spans onto tokens: B/I tags, whole-token tagging and its count."""

from __future__ import annotations

from conflict_counts.bio import project
from conflict_counts.text import tokens


def test_multi_token_span_is_b_then_i() -> None:
    text = "Enligt Syriska människorättsobservatoriet (SOHR) flydde"
    words = tokens(text)
    result = project(words, [(7, 41, "ORG"), (43, 47, "ORG")])
    assert result.tags == ["O", "B-ORG", "I-ORG", "O", "B-ORG", "O", "O"]
    assert (result.off_boundary, result.unprojected) == (0, 0)


def test_name_inside_a_compound_tags_the_whole_token_and_is_counted() -> None:
    words = tokens("i Gweiranfängelset")
    result = project(words, [(2, 9, "FAC")])
    assert result.tags == ["O", "B-FAC"]
    assert result.off_boundary == 1


def test_overlapping_second_span_is_not_projected() -> None:
    words = tokens("al-Hol lägret")
    result = project(words, [(0, 6, "FAC"), (3, 13, "LOC")])
    assert result.tags[:3] == ["B-FAC", "I-FAC", "I-FAC"]
    assert result.unprojected == 1

"""Markdown renderings of the reports: p-values at their floor, ids in the error analysis."""

from __future__ import annotations

from conflict_counts.scorer.report import errors_markdown, p_value_text
from conflict_counts.wording import counted


def test_p_value_at_the_bootstrap_floor_is_a_bound() -> None:
    assert p_value_text(1 / 1001, 1000) == "< 0.001"
    assert p_value_text(1 / 101, 100) == "< 0.01"
    assert p_value_text(0.0123, 1000) == "0.0123"
    assert p_value_text(None, 1000) == "–"


def test_entity_id_mismatch_shows_both_ids() -> None:
    def mention(entity_id: str | None) -> dict:
        return {"start": 0, "end": 4, "text": "SOHR", "label": "ORG", "entity_id": entity_id}

    errors = {"documents": [{
        "doc_id": "d1", "language": "sv",
        "entities": {"missed": [], "spurious": [], "mismatched": [
            {"differs": ["entity_id"], "gold": mention("sohr"), "pred": mention("sdf")}
        ]},
        "claims": {"missed": [], "spurious": [], "mismatched": []},
    }]}
    text = errors_markdown(errors)
    assert "gold 0:4 “SOHR” ORG sohr | pred 0:4 “SOHR” ORG sdf" in text
    mention_without = errors_markdown({"documents": [{**errors["documents"][0], "entities": {
        "missed": [mention(None)], "spurious": [], "mismatched": []}}]})
    assert "- missed: 0:4 “SOHR” ORG (no entity_id)" in mention_without


def test_counts_agree_in_number() -> None:
    assert counted(1, "document") == "1 document"
    assert counted(5, "document") == "5 documents"
    assert counted(0, "claim") == "0 claims"

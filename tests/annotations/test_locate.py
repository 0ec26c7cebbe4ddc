"""Quoted text → offsets: unique, by context or by occurrence, and loud when ambiguous."""

from __future__ import annotations

import pytest

from conflict_counts.annotations.locate import locate

TEXT = "IS angrep. Enligt SOHR har IS-krigere flytt, säger SOHR."


def test_unique_text_needs_no_context() -> None:
    assert locate(TEXT, "angrep") == 3


def test_context_picks_one_of_several() -> None:
    assert TEXT[locate(TEXT, "SOHR", context="säger SOHR") :].startswith("SOHR.")


def test_occurrence_counts_from_one() -> None:
    assert locate(TEXT, "IS", occurrence=2) == TEXT.index("IS-krigere")


@pytest.mark.parametrize(
    ("quote", "context", "occurrence", "message"),
    [
        ("SOHR", None, None, "occurs 2 times in the document"),
        ("SOHR", "XYZ", None, "context 'XYZ' occurs 0 times"),
        ("ISIS", None, None, "'ISIS' not found"),
        ("IS", None, 5, "occurrence 5 asked"),
        ("", None, None, "empty span text"),
    ],
)
def test_ambiguous_or_missing_text_is_refused(quote, context, occurrence, message) -> None:
    with pytest.raises(ValueError, match=message):
        locate(TEXT, quote, context=context, occurrence=occurrence)

"""The closed vocabularies of the data model (the data model in README.md), defined once for every module."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

T = TypeVar("T")

LANGUAGES: tuple[str, ...] = ("sv", "nb", "en")
ENTITY_LABELS: tuple[str, ...] = ("PER", "ORG", "GPE", "LOC", "FAC")
QUALIFIERS: tuple[str, ...] = (
    "exact",
    "approx",
    "at_least",
    "more_than",
    "nearly",
    "at_most",
    "range",
    "vague",
)
PREDICATES: tuple[str, ...] = ("escaped", "detained", "killed", "captured", "attacking", "other")
SOURCE_TYPES: tuple[str, ...] = ("named", "unnamed", "none")
SPLITS: tuple[str, ...] = ("test",)

# Which bounds a qualifier sets (the guidelines' qualifier table): (low is set, high is set).
QUALIFIER_BOUNDS: dict[str, tuple[bool, bool]] = {
    "exact": (True, True),
    "approx": (True, True),
    "at_least": (True, False),
    "more_than": (True, False),
    "nearly": (False, True),
    "at_most": (False, True),
    "range": (True, True),
    "vague": (True, True),
}

# BIO tag inventories of the tokens view; index order is the ClassLabel order.
NER_TAGS: tuple[str, ...] = ("O", *(f"{p}-{label}" for label in ENTITY_LABELS for p in "BI"))
CLAIM_TAGS: tuple[str, ...] = ("O", "B-NUM", "I-NUM")


def for_language(table: Mapping[str, T], lang: str) -> T:
    """``table[lang]``, or a ValueError naming the languages there are (for per-language lexicons).

    >>> for_language({"sv": 1}, "fi")
    Traceback (most recent call last):
    ...
    ValueError: unsupported language 'fi'; expected one of ('sv',)
    """
    try:
        return table[lang]
    except KeyError:
        raise ValueError(f"unsupported language {lang!r}; expected one of {tuple(table)}") from None

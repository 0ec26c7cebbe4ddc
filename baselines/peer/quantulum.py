"""quantulum3 as a peer reference for English claim spans and values (optional extra ``peer``).

quantulum3 finds quantities in English text. Its dimensionless quantities are counts:
each becomes a claim with quantulum's span and value (a range "between a and b" comes
back as a mean with an uncertainty, read back as ``range [a, b]``), predicate ``other``
and no source or group, since quantulum has neither. Quantities with a unit ("5 km")
are not counts and are left out. Other languages get no claims, and no mentions are
predicted: this is a reference for numbers only.

quantulum3 ships a unit-disambiguation classifier pickled with one scikit-learn version,
which other versions cannot load; it only chooses between units, so it is switched off
and quantulum's own rules decide (counts have no unit to choose).
"""

from __future__ import annotations

import importlib
import importlib.util
import math
import warnings
from collections.abc import Iterable, Iterator
from types import ModuleType

from conflict_counts.predictions.writer import document_record
from conflict_counts.records import Claim, Document

INSTALL_HINT = "quantulum3 not installed (pip install 'conflict-counts[peer]')"


class PeerUnavailable(RuntimeError):
    """The optional dependency of a peer baseline is missing."""


def available() -> bool:
    """Whether the optional ``quantulum3`` package is installed."""
    return importlib.util.find_spec("quantulum3") is not None


def _parser() -> ModuleType:
    if not available():
        raise PeerUnavailable(INSTALL_HINT)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        classifier = importlib.import_module("quantulum3.classifier")
        classifier.USE_CLF = False
        return importlib.import_module("quantulum3.parser")


def _claim(quantity: object, text: str) -> Claim | None:
    if getattr(quantity.unit, "name", None) != "dimensionless":  # type: ignore[attr-defined]
        return None
    start, end = quantity.span  # type: ignore[attr-defined]
    start, end = max(0, start), min(len(text), end)  # quantulum reports -1 for a quantity at offset 0
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return None
    value = float(quantity.value)  # type: ignore[attr-defined]
    uncertainty = getattr(quantity, "uncertainty", None)
    if not math.isfinite(value):
        return None
    if uncertainty:
        low, high = value - float(uncertainty), value + float(uncertainty)
        return Claim(start, end, low, high, "range", "other")
    return Claim(start, end, value, value, "exact", "other")


class QuantulumBaseline:
    """quantulum3 as a peer: English claim spans and values, measured in the same run."""
    name = "quantulum"
    description = "quantulum3 (peer reference): English claim spans and values only"

    def __init__(self) -> None:
        self._parse = _parser().parse

    def claims(self, text: str) -> list[Claim]:
        """The counts quantulum3 finds in ``text``; a quantity it reports twice is kept once."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            quantities = self._parse(text)
        found = [c for q in quantities if (c := _claim(q, text)) is not None]
        # quantulum can report a quantity twice; claims never overlap
        kept: list[Claim] = []
        for claim in sorted(found, key=lambda c: (c.start, -c.end)):
            if not kept or claim.start >= kept[-1].end:
                kept.append(claim)
        return kept

    def predict(self, documents: Iterable[Document]) -> Iterator[dict]:
        """One prediction line a document; documents not in English get no claims."""
        for document in documents:
            claims = self.claims(document.text) if document.language == "en" else []
            yield document_record(document, [], claims)

"""CITATION.cff is valid (cffconvert) and agrees with the package and the card."""

from __future__ import annotations

import re

import pytest
import yaml

from conflict_counts.version import __version__
from tests.conftest import ROOT

CITATION = ROOT / "CITATION.cff"


def test_citation_validates_with_cffconvert() -> None:
    create_citation = pytest.importorskip("cffconvert.cli.create_citation").create_citation
    citation = create_citation(str(CITATION), None)
    citation.validate()  # raises on any schema violation


def test_citation_version_is_the_package_version() -> None:
    assert yaml.safe_load(CITATION.read_text(encoding="utf-8"))["version"] == __version__


def test_card_bibtex_carries_the_version() -> None:
    card = (ROOT / "README.md").read_text(encoding="utf-8")
    bibtex = re.search(r"```bibtex\n(.*?)```", card, re.DOTALL)
    assert bibtex is not None
    assert f"version      = {{{__version__}}}" in bibtex.group(1)

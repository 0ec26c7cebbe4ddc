"""The conflict figure: byte-identical across renders, one mark per claim of each multi-claim group."""

from __future__ import annotations

import re
from xml.etree import ElementTree

import pandas as pd
import pytest

from conflict_counts.dataset import TABLES, read_table
from conflict_counts.release.figure import claim_gid, conflict_figure, figure_rows
from conflict_counts.release.values import interval_text, value_text
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def frames() -> dict[str, pd.DataFrame]:
    return {name: read_table(ROOT / "dataset", name) for name in TABLES}


@pytest.fixture(scope="module")
def rendered(frames) -> tuple[bytes, bytes]:
    return conflict_figure(frames, {"ain-issa-2019-escapees": "Relatives <who> escaped & fled"})


def _shared_claims(frames) -> set[str]:
    claims = frames["claims"]
    sizes = claims["group_id"].value_counts()
    return set(claims[claims["group_id"].map(sizes) > 1]["claim_id"])


def test_two_renders_are_byte_identical(frames, rendered) -> None:
    assert conflict_figure(frames, {"ain-issa-2019-escapees": "Relatives <who> escaped & fled"}) == rendered


def test_outputs_are_png_and_svg_without_timestamps(rendered) -> None:
    png, svg = rendered
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert b"Software" not in png[:2000]
    text = svg.decode("utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text
    assert "<dc:date>" not in text
    ElementTree.fromstring(svg)  # well-formed although a description holds markup characters


def test_one_mark_per_claim_of_every_multi_claim_group(frames, rendered) -> None:
    ids = re.findall(r'id="(claim-[^"]+)"', rendered[1].decode("utf-8"))
    main_marks = [i for i in ids if not i.endswith(("-bounds", "-open"))]
    assert len(main_marks) == len(set(main_marks))
    assert set(main_marks) == {claim_gid(c) for c in _shared_claims(frames)}
    assert {r.claim_id for r in figure_rows(frames)} == _shared_claims(frames)


def test_rows_are_labelled_with_source_document_and_language(frames) -> None:
    documents = frames["documents"].set_index("doc_id")
    claims = frames["claims"].set_index("claim_id")
    for row in figure_rows(frames):
        claim = claims.loc[row.claim_id]
        assert claim.doc_id[:8] in row.label
        assert f"({documents.loc[claim.doc_id, 'language']})" in row.label
        if isinstance(claim.source_text, str):
            assert claim.source_text in row.label


def test_value_texts() -> None:
    assert value_text(200, 999, "vague") == "200–999"
    assert value_text(100, 100, "approx") == "≈ 100"
    assert value_text(23, None, "at_least") == "≥ 23"
    assert value_text(100, None, "more_than") == "> 100"
    assert value_text(None, 800, "nearly") == "< 800"
    assert value_text(float("nan"), 800.0, "nearly") == "< 800"  # pandas' open bound
    assert value_text(None, 3500, "at_most") == "≤ 3,500"
    assert interval_text(None, 800) == "[open, 800]"


def test_card_conflict_table_uses_the_guidelines_reading() -> None:
    """The card's values come from the one formatter: "närmare 800" is < 800, "Over 100" is > 100."""
    from tests.conftest import ROOT

    card = (ROOT / "README.md").read_text(encoding="utf-8")
    block = card[card.index("<!-- BEGIN conflicts -->") : card.index("<!-- END conflicts -->")]
    rows = [line.split(" | ") for line in block.splitlines() if line.startswith("| `")]
    by_claim = {(row[1], row[3]): row[2] for row in rows}
    assert by_claim[("“närmare 800”", "nearly")] == "< 800"
    assert by_claim[("“Over 100”", "more_than")] == "> 100"
    signs = {"nearly": "< ", "more_than": "> ", "at_least": "≥ ", "at_most": "≤ ", "approx": "≈ "}
    for (_, qualifier), value in by_claim.items():
        if qualifier in signs:
            assert value.startswith(signs[qualifier]), (qualifier, value)

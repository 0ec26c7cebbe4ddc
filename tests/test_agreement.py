"""Agreement figures: perfect for identical sets, lowered by each kind of disagreement."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conflict_counts.agreement import agreement, markdown
from tests.conftest import ROOT

DOC = "0123456789abcdef.yaml"


@pytest.fixture
def second(mini: Path) -> Path:
    """A second annotator's copy of the mini gold, to be edited by each test."""
    target = mini / "second"
    shutil.copytree(mini / "gold", target)
    return target


def _edit(folder: Path, old: str, new: str) -> None:
    path = folder / DOC
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _run(mini: Path, second: Path) -> dict:
    return agreement(mini / "gold", second, mini / "articles")["all"]


def test_identical_sets_agree_perfectly(mini: Path, second: Path) -> None:
    result = _run(mini, second)
    for layer in ("mentions", "claims"):
        assert result[layer]["span_f1_strict"] == result[layer]["span_f1_overlap"] == 1.0
    assert result["mentions"]["bcubed_entity_id"] == result["claims"]["bcubed_group_id"] == 1.0


def test_a_shifted_boundary_lowers_strict_but_not_overlap_f1(mini: Path, second: Path) -> None:
    _edit(second, '{start: 52, end: 62, text: "al-Hasakah"', '{start: 55, end: 62, text: "Hasakah"')
    mentions = _run(mini, second)["mentions"]
    assert mentions["span_f1_strict"] == pytest.approx(2 * 3 / 8)
    assert mentions["span_f1_overlap"] == 1.0


def test_a_different_label_lowers_kappa_only(mini: Path, second: Path) -> None:
    _edit(second, "label: GPE, entity: al-hasakah", "label: LOC, entity: al-hasakah")
    entities = second / "entities.yaml"
    relabelled = entities.read_text().replace("{id: al-hasakah, label: GPE", "{id: al-hasakah, label: LOC")
    entities.write_text(relabelled)
    mentions = _run(mini, second)["mentions"]
    assert mentions["kappa"]["label"] < 1.0
    assert mentions["span_f1_strict"] == 1.0


def test_a_merged_group_lowers_bcubed(mini: Path, second: Path) -> None:
    _edit(second, "group: escapees", "group: kurdish-soldiers-killed")
    groups = second / "groups.yaml"  # the emptied group may not stay declared
    kept = [line for line in groups.read_text().splitlines() if "id: escapees" not in line]
    groups.write_text("\n".join(kept) + "\n")
    claims = _run(mini, second)["claims"]
    assert claims["bcubed_group_id"] < 1.0
    assert claims["kappa"]["predicate"] == 1.0


def test_card_shows_the_figures_of_the_shipped_annotator_files() -> None:
    sets = ROOT / "seeds/annotations"
    report = agreement(sets / "annotator-a", sets / "annotator-b", ROOT / "seeds/articles")
    card = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- BEGIN agreement -->\n(.*?)<!-- END agreement -->", card, re.DOTALL)
    assert block is not None
    assert markdown(report) in block.group(1)


@settings(max_examples=300, deadline=None)
@given(pairs=st.lists(st.tuples(st.sampled_from("abc"), st.sampled_from("abcd")), min_size=1, max_size=40))
def test_kappa_agrees_with_scikit_learn(pairs: list[tuple[str, str]]) -> None:
    """The hand-written kappa (so that `agreement` needs no scikit-learn) is the textbook one."""
    from sklearn.metrics import cohen_kappa_score

    from conflict_counts.agreement import cohen_kappa

    a, b = (list(labels) for labels in zip(*pairs, strict=True))
    if len({*a, *b}) < 2:
        return  # undefined: the command reports null
    assert cohen_kappa(a, b) == pytest.approx(float(cohen_kappa_score(a, b)), abs=1e-12)


def test_kappa_worked_example() -> None:
    from conflict_counts.agreement import cohen_kappa

    # p_o = 3/4; p_e = (2·1 + 2·3) / 16 = 1/2; kappa = (3/4 - 1/2) / (1 - 1/2)
    assert cohen_kappa(["ORG", "ORG", "GPE", "GPE"], ["ORG", "GPE", "GPE", "GPE"]) == 0.5

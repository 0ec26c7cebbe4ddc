"""The contrast set: built from its seed files, every span checked, bad items rejected by line."""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

import pytest

from conflict_counts.dataset import read_table
from conflict_counts.labels import CLAIM_EDITS, CONTRAST_EDITS, CONTRAST_LANGUAGES
from tests.conftest import ROOT, build_args

ITEMS = "contrast/handwritten.yaml"

# (id, file, text to replace, replacement, expected (line, message fragment))
BROKEN = [
    ("quote not in the text", ITEMS, '{text: "omkring 23"}', '{text: "omkring 24"}',
     (6, "'omkring 24' not found")),
    ("unknown language", ITEMS, "language: da", "language: is", (8, "'is' is not one of")),
    ("unknown edit", ITEMS, "edit: qualifier", "edit: synonym", (3, "'synonym' is not one of")),
    ("unknown gold claim", ITEMS, '"0123456789abcdef:16-24"', '"0123456789abcdef:16-25"',
     (4, "unknown gold claim '0123456789abcdef:16-25'")),
    ("bounds against qualifier", ITEMS, "high: 23, qualifier: approx", "high: null, qualifier: approx",
     (1, "do not fit the qualifier")),
    ("look-alike under a claim edit", ITEMS, "edit: year", "edit: format", (7, "a claim edit's target")),
    ("both targets", ITEMS, '  not_a_claim: {text: "2019"}',
     '  not_a_claim: {text: "2019"}\n  claim: {span: {text: "100"}}', (7, "exactly one of")),
    ("duplicate id", ITEMS, "id: da-year-h001", "id: sv-qualifier-h001",
     (7, "duplicate value 'sv-qualifier-h001'")),
    ("Danish gold document", "gold/0123456789abcdef.yaml", "language: sv", "language: da",
     (3, "'da' is not one of")),
]


@pytest.mark.parametrize(("file", "old", "new", "expected"), [case[1:] for case in BROKEN],
                         ids=[case[0] for case in BROKEN])
def test_broken_contrast_item_is_rejected_with_file_and_line(
    mini: Path, run_cli, tmp_path: Path, file: str, old: str, new: str, expected: tuple[int, str]
) -> None:
    out = tmp_path / "dataset"
    assert run_cli(*build_args(mini, out))[0] == 0
    path = mini / file
    text = path.read_text(encoding="utf-8")
    assert old in text, "the fixture changed; update this case"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    code, _, stderr = run_cli(*build_args(mini, out))
    line, fragment = expected
    assert code == 2
    assert "Traceback" not in stderr
    expected_line = re.compile(rf"error: {re.escape(str(path))}:{line}: .*{re.escape(fragment)}")
    assert any(expected_line.match(e) for e in stderr.strip().splitlines()), stderr


def test_mini_contrast_rows_hold_their_spans(mini: Path, run_cli, tmp_path: Path) -> None:
    assert run_cli(*build_args(mini, tmp_path / "dataset"))[0] == 0
    rows = read_table(tmp_path / "dataset", "contrast").set_index("item_id")
    claim, lookalike = rows.loc["sv-qualifier-h001"], rows.loc["da-year-h001"]
    assert claim["text"][claim["start"]:claim["end"]] == "omkring 23"
    assert claim["text"][claim["counted_start"]:claim["counted_end"]] == "kurdiska soldater"
    assert claim["source_text"] == "SOHR" and bool(claim["synthetic"]) and bool(claim["is_claim"])
    assert lookalike["span_text"] == "2019" and not bool(lookalike["is_claim"])
    assert lookalike[["low", "high", "qualifier", "predicate", "source_type"]].isna().all()


def test_load_dataset_gives_the_contrast_config() -> None:
    import datasets

    items = datasets.load_dataset(os.path.abspath(ROOT), "contrast", split="test")
    languages = Counter(items["language"])
    assert len(items) >= 400
    assert set(languages) == set(CONTRAST_LANGUAGES)
    assert min(languages.values()) >= 80
    assert set(items["synthetic"]) == {True}


def test_every_edit_kind_in_every_language() -> None:
    items = read_table(ROOT / "dataset", "contrast")
    kinds = {(lang, edit) for lang, edit in zip(items["language"], items["edit"], strict=True)}
    assert {(lang, edit) for lang in CONTRAST_LANGUAGES for edit in CONTRAST_EDITS} <= kinds
    both = items.groupby("origin")["item_id"].count()
    assert both["generated"] > 0 and both["handwritten"] > 0


def test_every_span_is_the_text_at_its_offsets() -> None:
    items = read_table(ROOT / "dataset", "contrast")
    for prefix in ("", "counted_", "source_"):
        start, end = f"{prefix}start", f"{prefix}end"
        text_column = "span_text" if not prefix else f"{prefix}text"
        rows = items[items[start].notna()]
        assert len(rows) > 0
        for row in rows.itertuples(index=False):
            row = row._asdict()
            assert row["text"][row[start]:row[end]] == row[text_column], row["item_id"]
    assert set(items[items["is_claim"]]["edit"]) == set(CLAIM_EDITS)


def test_generated_items_are_what_the_generator_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    import runpy

    monkeypatch.chdir(ROOT)
    generator = runpy.run_path(str(ROOT / "scripts" / "make_contrast.py"))
    assert generator["main"](["--check"]) == 0

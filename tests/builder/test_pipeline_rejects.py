"""Every check of the build stops it with one located line a problem and writes nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import build_args

DOC = "gold/0123456789abcdef.yaml"

# (id, file, text to replace, replacement, expected (line, message fragment))
BROKEN = [
    (
        "span offset",
        DOC,
        '{start: 7, end: 11, text: "SOHR", label',
        '{start: 8, end: 12, text: "SOHR", label',
        (5, "'SOHR' does not match the text at 8:12"),
    ),
    (
        "offset out of range",
        DOC,
        '{start: 121, end: 124, text: "SDF", label',
        '{start: 921, end: 924, text: "SDF", label',
        (8, "out of range"),
    ),
    ("counted text", DOC, 'text: "kurdiska soldater"', 'text: "kurdiska soldat"', (15, "does not match")),
    (
        "duplicate mention",
        DOC,
        "- {start: 52, end: 62",
        '- {start: 7, end: 11, text: "SOHR", label: ORG, entity: sohr}\n- {start: 52, end: 62',
        (6, "duplicate value"),
    ),
    (
        "overlapping mentions",
        DOC,
        "- {start: 52, end: 62",
        '- {start: 7, end: 24, text: "SOHR har minst 23", label: ORG, entity: sohr}\n- {start: 52, end: 62',
        (6, "overlaps"),
    ),
    (
        "unknown entity",
        DOC,
        "label: GPE, entity: al-hasakah",
        "label: GPE, entity: hasakah-city",
        (6, "unknown entity 'hasakah-city'"),
    ),
    (
        "unknown source entity",
        DOC,
        'text: "SDF", entity: sdf}',
        'text: "SDF", entity: kurds}',
        (24, "unknown entity 'kurds'"),
    ),
    (
        "low above high",
        DOC,
        "  low: 23\n  high: null\n  qualifier: at_least",
        "  low: 23\n  high: 20\n  qualifier: range",
        (10, "low must not exceed high"),
    ),
    (
        "qualifier against bounds",
        DOC,
        "  qualifier: at_least",
        "  qualifier: nearly",
        (10, "do not fit the qualifier"),
    ),
    ("unknown label", DOC, "label: FAC", "label: PRISON", (7, "'PRISON' is not one of")),
    ("unknown predicate", DOC, "predicate: escaped", "predicate: fled", (22, "'fled' is not one of")),
    ("claim without group", DOC, "  group: escapees\n", "", (18, "lacks the required key 'group'")),
    ("undeclared group", DOC, "group: escapees", "group: escapes", (25, "not declared in groups.yaml")),
    (
        "unknown document",
        DOC,
        'doc_id: "0123456789abcdef"',
        'doc_id: "0123456789abcdee"',
        (2, "expected the file name's id"),
    ),
    ("wrong type", DOC, "  low: 100", "  low: hundra", (19, "expected int or float, got 'hundra'")),
    (
        "label differs from entity",
        DOC,
        "label: GPE, entity: al-hasakah",
        "label: LOC, entity: al-hasakah",
        (6, "differs from the label GPE"),
    ),
    ("duplicate entity", "gold/entities.yaml", "- {id: sdf,", "- {id: sohr,", (4, "duplicate entity id")),
    ("invalid YAML", DOC, "claims:", "claims: [", (10, "invalid YAML")),
    (
        "duplicate key in a claim",
        DOC,
        "  low: 23\n",
        "  low: 23\n  low: 24\n",
        (12, "duplicate key 'low' (first on line 11)"),
    ),
    (
        "duplicate document key",
        DOC,
        "language: sv\n",
        "language: sv\nlanguage: en\n",
        (4, "duplicate key 'language' (first on line 3)"),
    ),
    (
        "vague outside a magnitude interval",
        DOC,
        "  low: 23\n  high: null\n  qualifier: at_least",
        "  low: 5\n  high: 999\n  qualifier: vague",
        (10, "vague needs a magnitude word's interval"),
    ),
    (
        "overlapping claims",
        DOC,
        '{start: 64, end: 72, text: "Över 100"}',
        '{start: 20, end: 24, text: "t 23"}',
        (18, "overlaps the claim at 16:24"),
    ),
    (
        "integer too large",
        DOC,
        "  low: 23\n",
        f"  low: {'9' * 5000}\n",
        (11, "integer of 5000 digits is too large"),
    ),
]


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"), [case[1:] for case in BROKEN], ids=[case[0] for case in BROKEN]
)
def test_broken_annotation_is_rejected_with_file_and_line(
    mini: Path, run_cli, tmp_path: Path, file: str, old: str, new: str, expected: tuple[int, str]
) -> None:
    out = tmp_path / "dataset"
    assert run_cli(*build_args(mini, out))[0] == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    path = mini / file
    text = path.read_text(encoding="utf-8")
    assert old in text, "the fixture changed; update this case"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")

    code, _, stderr = run_cli(*build_args(mini, out))

    line, fragment = expected
    assert code == 2
    assert "Traceback" not in stderr
    errors = stderr.strip().splitlines()
    expected_line = re.compile(rf"error: {re.escape(str(path))}:{line}: .*{re.escape(fragment)}")
    assert any(expected_line.match(e) for e in errors), errors
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # dataset/ left as it was


def test_every_failure_is_reported_at_once(mini: Path, run_cli, tmp_path: Path) -> None:
    path = mini / DOC
    text = path.read_text(encoding="utf-8")
    text = text.replace("label: FAC", "label: PRISON").replace("predicate: escaped", "predicate: fled")
    path.write_text(text.replace('text: "fångar"', 'text: "fånge"'), encoding="utf-8")
    code, _, stderr = run_cli(*build_args(mini, tmp_path / "dataset"))
    assert code == 2
    lines = [int(line.split(":")[2]) for line in stderr.strip().splitlines()]
    assert lines == [7, 7, 22, 23]  # bad label (twice: enum and entity), predicate, counted noun
    assert not (tmp_path / "dataset").exists()


def test_missing_offsets_point_to_the_anchor_command(mini: Path, run_cli, tmp_path: Path) -> None:
    path = mini / DOC
    path.write_text(path.read_text(encoding="utf-8").replace("start: 7, end: 11, ", ""), encoding="utf-8")
    code, _, stderr = run_cli(*build_args(mini, tmp_path / "dataset"))
    assert code == 2
    assert "has no offsets; run `conflict-counts anchor" in stderr


def test_edited_article_is_caught_by_its_checksum(mini: Path, run_cli, tmp_path: Path) -> None:
    article = mini / "articles" / "000_0123456789abcdef.txt"
    article.write_text(article.read_text(encoding="utf-8").replace("Över", "Over"), encoding="utf-8")
    code, _, stderr = run_cli(*build_args(mini, tmp_path / "dataset"))
    assert code == 2
    assert "SHA256SUMS:1: 000_0123456789abcdef.txt: recorded sha256 differs" in stderr


@pytest.mark.parametrize(
    ("file", "damage", "expected"),
    [
        (DOC, lambda text: text.replace("- {start: 52", "-\t{start: 52", 1), ":6: invalid YAML"),
        ("gold/entities.yaml", lambda text: text.replace("- {id: sdf,", "- {id: sdf,,", 1), "entities.yaml:"),
        ("gold/groups.yaml", lambda text: "groups: [", "groups.yaml:"),
    ],
    ids=["tab in a document", "broken entities.yaml", "broken groups.yaml"],
)
def test_a_broken_file_gives_its_own_failure_not_its_echoes(
    mini: Path, run_cli, tmp_path: Path, file: str, damage, expected: str
) -> None:
    path = mini / file
    path.write_text(damage(path.read_text(encoding="utf-8")), encoding="utf-8")
    code, _, stderr = run_cli(*build_args(mini, tmp_path / "dataset"))
    assert code == 2
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0], lines


@pytest.mark.parametrize("odd", ["missing entities.yaml", "a folder named x.yaml", "empty folder"])
def test_missing_or_odd_annotation_files_are_one_clear_line(
    mini: Path, run_cli, tmp_path: Path, odd: str
) -> None:
    gold = mini / "gold"
    if odd == "missing entities.yaml":
        (gold / "entities.yaml").unlink()
        expected = "entities.yaml: no such file"
    elif odd == "a folder named x.yaml":
        (gold / "x.yaml").mkdir()
        expected = "x.yaml: is a folder, not a YAML file"
    else:
        for child in gold.iterdir():
            child.unlink()
        expected = "entities.yaml: no such file"
    code, _, stderr = run_cli(*build_args(mini, tmp_path / "dataset"))
    assert code == 2 and "Traceback" not in stderr
    assert expected in stderr
    assert not (tmp_path / "dataset").exists()
    code, _, stderr = run_cli("agreement", str(gold), str(gold), "--seeds", str(mini / "articles"))
    assert code == 2 and "Traceback" not in stderr and expected in stderr

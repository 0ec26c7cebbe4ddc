"""Offsets are code points both ways, for a text with a character outside the BMP and CRLF lines."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

DOC = "00000000000000aa"
TEXT = "Rapport 𝕏 från al-Hol 😀\r\nEnligt SOHR har minst\r\n23 fångar flytt.\r\nSlut."
QUOTED = """\
doc_id: "00000000000000aa"
language: sv
mentions:
- {text: "SOHR", label: ORG, entity: sohr}
- {text: "al-Hol", label: FAC, entity: al-hol-camp}
claims:
- span: {text: "minst\\r\\n23"}
  low: 23
  high: null
  qualifier: at_least
  predicate: escaped
  counted: {text: "fångar"}
  source: {type: named, text: "SOHR", entity: sohr}
  group: escapees
"""


@pytest.fixture
def project(tmp_path: Path, run_cli) -> Path:
    """One CRLF article with non-BMP characters, annotated by quotes and anchored by the tool."""
    articles, gold = tmp_path / "articles", tmp_path / "sets" / "gold"
    articles.mkdir()
    gold.mkdir(parents=True)
    (articles / f"000_{DOC}.txt").write_bytes(TEXT.encode("utf-8"))
    (gold / f"{DOC}.yaml").write_text(QUOTED, encoding="utf-8")
    (gold / "entities.yaml").write_text(
        '- {id: al-hol-camp, label: FAC, name: "al-Hol camp", description: "Camp."}\n'
        '- {id: sohr, label: ORG, name: "SOHR", description: "Monitor."}\n',
        encoding="utf-8",
    )
    (gold / "groups.yaml").write_text('- {id: escapees, description: "Escapees."}\n', encoding="utf-8")
    assert run_cli("anchor", str(gold), "--seeds", str(articles))[0] == 0
    return tmp_path


def _export(run_cli, project: Path, fmt: str) -> Path:
    out = project / fmt
    args = ("--annotations", str(project / "sets"), "--seeds", str(project / "articles"))
    assert run_cli("export", "--format", fmt, "--set", "gold", "--out", str(out), *args)[0] == 0
    code, _, err = run_cli("import", "--format", fmt, str(out), "--set", f"back-{fmt}", *args)
    assert (code, err) == (0, "")
    original = project / "sets" / "gold" / f"{DOC}.yaml"
    assert (project / "sets" / f"back-{fmt}" / f"{DOC}.yaml").read_bytes() == original.read_bytes()
    return out


def test_brat_text_is_the_article_byte_for_byte_and_offsets_are_code_points(project: Path, run_cli) -> None:
    out = _export(run_cli, project, "brat")
    assert (
        hashlib.sha256((out / f"{DOC}.txt").read_bytes()).digest() == hashlib.sha256(TEXT.encode()).digest()
    )
    lines = (out / f"{DOC}.ann").read_text(encoding="utf-8").splitlines()
    sohr = next(line for line in lines if line.endswith("\tSOHR") and line.split("\t")[1].startswith("ORG"))
    start = int(sohr.split("\t")[1].split()[1])
    assert start == TEXT.index("SOHR")
    assert start != len(TEXT[: TEXT.index("SOHR")].encode("utf-16-le")) // 2  # not UTF-16 units
    claim = next(line for line in lines if "\tClaim " in line)
    first = TEXT.index("minst")
    second = TEXT.index("23")
    assert claim.split("\t")[1] == f"Claim {first} {first + 5};{second} {second + 2}"  # fragments at CRLF


def test_label_studio_keeps_the_text_and_counts_code_points(project: Path, run_cli) -> None:
    out = _export(run_cli, project, "label-studio")
    [task] = json.loads((out / "tasks.json").read_text(encoding="utf-8"))
    assert task["data"]["text"] == TEXT
    region = next(
        r
        for r in task["annotations"][0]["result"]
        if r.get("id", "").startswith("m") and r["value"].get("text") == "SOHR"
    )
    assert (region["value"]["start"], region["value"]["end"]) == (TEXT.index("SOHR"), TEXT.index("SOHR") + 4)
    assert "white-space: pre-wrap" in (out / "config.xml").read_text(encoding="utf-8")

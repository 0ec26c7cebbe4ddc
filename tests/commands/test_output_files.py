"""An existing output file is replaced only when the command wrote it (or it is empty).

Every command that writes files by name (``extract --out``, ``score --out`` and
``--errors``, ``compare --out``, ``build --card``) refuses any other file in one line,
before any work, leaving it byte for byte as it was; a rerun onto its own output works.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import MINI, ROOT

DATASET = ROOT / "dataset"
NOTES = "my notes, not a file any command wrote\n"
# What each refusal says the file is not.
PREDICTIONS, COMPARISON = "a prediction file extract wrote", "a result compare wrote"
REPORT, ERRORS = "a score report score wrote", "an error analysis score wrote"


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    """Someone's own file, which no command may replace."""
    path = tmp_path / "notes.txt"
    path.write_text(NOTES, encoding="utf-8")
    return path


@pytest.fixture
def predictions(tmp_path: Path, run_cli) -> Path:
    """A prediction file extract wrote."""
    path = tmp_path / "rules.jsonl"
    code, _, err = run_cli("extract", "--baseline", "rules", "--gold", str(DATASET), "--out", str(path))
    assert code == 0, err
    return path


def _extract(run_cli, out: Path) -> tuple[int, str, str]:
    return run_cli("extract", "--baseline", "rules", "--gold", str(DATASET), "--out", str(out))


def _score(run_cli, pred: Path, *options: str) -> tuple[int, str, str]:
    return run_cli("score", "--pred", str(pred), "--gold", str(DATASET), "--samples", "0", *options)


def _compare(run_cli, pred: Path, *options: str) -> tuple[int, str, str]:
    return run_cli("compare", str(pred), str(pred), "--gold", str(DATASET), "--samples", "0", *options)


def _refused(result: tuple[int, str, str], path: Path, option: str, what: str) -> None:
    code, out, err = result
    assert code == 2 and out == ""
    assert err == f"error: {path}: {option}: already exists and is not {what}; give a new path\n"


def _only(folder: Path, *names: str) -> None:
    """Nothing else was written beside the refused file (no temporary file either)."""
    assert sorted(p.name for p in folder.iterdir()) == sorted(names)


def test_extract_refuses_a_file_it_did_not_write(tmp_path: Path, notes: Path, run_cli) -> None:
    _refused(_extract(run_cli, notes), notes, "--out", PREDICTIONS)
    assert notes.read_text(encoding="utf-8") == NOTES
    _only(tmp_path, "notes.txt")


@pytest.mark.parametrize(
    "content",
    [
        b'{"doc_id": "d1", "mentions": [], "claims": []}\n',  # a prediction line, not one extract writes
        b'{"text_sha256": "0"}\n{"doc_id": "d1"}\n',
        b"doc_id,text_sha256\nd1,00\n",
        b"[" * 100_000,
        b"\xff\xfe\x00 not text",
    ],
)
def test_extract_knows_its_output_by_the_first_line(tmp_path: Path, run_cli, content: bytes) -> None:
    other = tmp_path / "other.jsonl"
    other.write_bytes(content)
    before = other.read_bytes()
    _refused(_extract(run_cli, other), other, "--out", PREDICTIONS)
    assert other.read_bytes() == before


def test_extract_replaces_its_own_output_and_an_empty_file(
    tmp_path: Path, predictions: Path, run_cli
) -> None:
    first = predictions.read_bytes()
    predictions.write_bytes(first.replace(b'"mentions": [', b'"mentions": [], "stale": [', 1))
    assert _extract(run_cli, predictions)[0] == 0
    assert predictions.read_bytes() == first
    empty = tmp_path / "empty.jsonl"
    empty.touch()
    assert _extract(run_cli, empty)[0] == 0
    assert empty.read_bytes() == first
    _only(tmp_path, "rules.jsonl", "empty.jsonl")


def test_score_refuses_files_it_did_not_write(
    tmp_path: Path, predictions: Path, notes: Path, run_cli
) -> None:
    _refused(_score(run_cli, predictions, "--out", str(notes)), notes, "--out", REPORT)
    errors = tmp_path / "errors.json"
    _refused(_score(run_cli, predictions, "--errors", str(notes)), notes, "--errors", ERRORS)
    code, _, err = _score(run_cli, predictions, "--out", str(notes), "--errors", str(errors))
    assert code == 2 and err.count("\n") == 1 and not errors.exists()  # the good output is not written either
    assert notes.read_text(encoding="utf-8") == NOTES
    _only(tmp_path, "notes.txt", "rules.jsonl")


def test_score_replaces_its_own_reports_in_either_format(tmp_path: Path, predictions: Path, run_cli) -> None:
    report, errors = tmp_path / "report.json", tmp_path / "errors.md"
    for output_format in ("json", "markdown", "json"):
        code, _, err = _score(run_cli, predictions, "--format", output_format,
                              "--out", str(report), "--errors", str(errors))
        assert code == 0, err
    assert report.read_text(encoding="utf-8").startswith("{")
    contrast = tmp_path / "contrast.jsonl"
    assert run_cli("extract", "--baseline", "rules", "--gold", str(DATASET), "--contrast",
                   "--out", str(contrast))[0] == 0
    for output_format in ("json", "markdown"):  # a contrast report in place of a report, and back
        assert _score(run_cli, contrast, "--contrast", "--format", output_format,
                      "--out", str(report))[0] == 0
    assert _score(run_cli, predictions, "--out", str(report))[0] == 0
    # The two outputs are told apart: a report is not an error analysis, nor the other way round.
    _refused(_score(run_cli, predictions, "--out", str(errors)), errors, "--out", REPORT)
    _refused(_score(run_cli, predictions, "--errors", str(report)), report, "--errors", ERRORS)


def test_compare_refuses_a_file_it_did_not_write_and_replaces_its_own(
    tmp_path: Path, predictions: Path, notes: Path, run_cli
) -> None:
    _refused(_compare(run_cli, predictions, "--out", str(notes)), notes, "--out", COMPARISON)
    assert notes.read_text(encoding="utf-8") == NOTES
    report = tmp_path / "report.json"
    assert _score(run_cli, predictions, "--out", str(report))[0] == 0
    before = report.read_bytes()
    _refused(_compare(run_cli, predictions, "--out", str(report)), report, "--out", COMPARISON)
    assert report.read_bytes() == before
    result = tmp_path / "compare.md"
    for output_format in ("markdown", "json"):
        assert _compare(run_cli, predictions, "--format", output_format, "--out", str(result))[0] == 0
    assert result.read_text(encoding="utf-8").startswith("{")


def test_build_rewrites_only_a_card(tmp_path: Path, notes: Path, run_cli) -> None:
    shutil.copytree(MINI, tmp_path / "mini")
    mini = tmp_path / "mini"
    args = ["build", "--seeds", str(mini / "articles"), "--annotations", str(mini / "gold"),
            "--out", str(tmp_path / "dataset"), "--changelog", str(ROOT / "CHANGELOG.md")]
    code, out, err = run_cli(*args, "--card", str(notes))
    assert code == 2 and out == "" and err.count("\n") == 1
    assert err.startswith(f"error: {notes}: --card: already exists and is not a dataset card")
    assert err.endswith("; give the card, or --no-card\n")
    assert notes.read_text(encoding="utf-8") == NOTES and not (tmp_path / "dataset").exists()
    card = tmp_path / "README.md"
    card.write_text("# Card\n\n<!-- BEGIN version -->\n<!-- END version -->\n", encoding="utf-8")
    assert run_cli(*args, "--card", str(card))[0] == 0
    assert "**Dataset version" in card.read_text(encoding="utf-8")

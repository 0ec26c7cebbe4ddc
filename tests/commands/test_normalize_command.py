"""``conflict-counts normalize`` and the Duckling evaluation script."""

from __future__ import annotations

import importlib.util
import io
import json
import sys
from pathlib import Path

import pytest

from conflict_counts.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list, str]:
    status = main(["normalize", *argv])
    out, err = capsys.readouterr()
    return status, [json.loads(line) for line in out.splitlines()], err


def test_texts(capsys: pytest.CaptureFixture[str]) -> None:
    status, rows, err = run(capsys, "--lang", "sv", "närmare 800", "mellan 3500-5000", "katt")
    assert status == 0 and err == ""
    assert rows == [
        {"text": "närmare 800", "low": None, "high": 800.0, "qualifier": "nearly"},
        {"text": "mellan 3500-5000", "low": 3500.0, "high": 5000.0, "qualifier": "range"},
        {"text": "katt", "low": None, "high": None, "qualifier": None},  # not an error
    ]


def test_jsonl(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    lines = [
        {"text": "så mange som 5.000", "lang": "nb"},
        {"text": "tens of thousands", "lang": "en"},
        {"text": "tjugotre"},  # lang from --lang
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    status, rows, _ = run(capsys, "--jsonl", str(path), "--lang", "sv")
    assert status == 0
    assert [(r["low"], r["high"], r["qualifier"]) for r in rows] == [
        (None, 5000.0, "at_most"),
        (20000.0, 99999.0, "vague"),
        (23.0, 23.0, "exact"),
    ]


def test_jsonl_from_stdin(capsys: pytest.CaptureFixture[str], monkeypatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b'{"text": "Over 100", "lang": "nb"}\n'))
    monkeypatch.setattr(sys, "stdin", stdin)
    status, rows, _ = run(capsys, "--jsonl", "-")
    assert status == 0 and rows[0]["qualifier"] == "more_than"


def test_malformed_jsonl(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(
        b'{"text": "5", "lang": "sv"}\n'
        b'{"text": 5, "lang": "sv"}\n'
        b'{"text": "5", "lang": "fi"}\n'
        b"not json\n"
        b'{"lang": "sv"}\n'
        b"\xff\xfe\n"
    )
    status, rows, err = run(capsys, "--jsonl", str(path))
    assert status == 2
    assert rows == []  # nothing written half-way
    lines = err.splitlines()
    assert lines == [
        f"error: {path}:2: text: expected a string, got 5",
        f"error: {path}:3: lang: 'fi' is not one of ('sv', 'nb', 'da', 'en')",
        f"error: {path}:4: not valid JSON: Expecting value (column 1)",
        f"error: {path}:5: text: missing",
        f"error: {path}:6: not valid UTF-8 (byte 0xff, the line's byte 1)",
    ]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["5"], "--lang: required"),
        ([], "TEXT: give TEXT"),
        (["--jsonl", "x.jsonl", "5"], "not both"),
        (["--jsonl", "/no/such/file.jsonl"], "cannot read"),
    ],
)
def test_usage_errors(capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    status, _, err = run(capsys, *argv)
    assert status == 2
    assert len(err.splitlines()) == 1 and message in err


DUCKLING = ROOT.parent / "shared" / "external" / "duckling-numerals" / "numerals.jsonl"


@pytest.mark.skipif(not DUCKLING.is_file(), reason="Duckling numerals not available")
def test_duckling_accuracy() -> None:
    """Outside check: >= 95% value accuracy on Duckling's sv, nb and en numerals."""
    spec = importlib.util.spec_from_file_location("eval_normalizer", ROOT / "scripts" / "eval_normalizer.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    results = module.evaluate(DUCKLING)
    for lang in ("sv", "nb", "en"):
        assert results[lang].accuracy >= 0.95, (lang, results[lang].errors)
        assert len(results[lang].out_of_scope) <= results[lang].rows // 4


@pytest.mark.parametrize("digits", [17, 400, 4301, 10_000])
def test_numbers_too_long_to_be_counts_are_read_as_none(
    capsys: pytest.CaptureFixture[str], digits: int
) -> None:
    text = "9" * digits
    status, rows, err = run(capsys, "--lang", "sv", text, f"minst {text}", f"{text}-{text}", f"{text},5")
    assert status == 0 and err == ""
    assert [(r["low"], r["high"]) for r in rows] == [(None, None)] * 4


def test_bad_jsonl_lines_are_one_line_each(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"text": "x\\ud800", "lang": "sv"}\n{"text": ' + "1" * 5000 + ', "lang": "sv"}\n')
    status, rows, err = run(capsys, "--jsonl", str(path))
    lines = err.strip().splitlines()
    assert status == 2 and rows == [] and len(lines) == 2
    assert "in.jsonl:1: not valid JSON text: a lone surrogate" in lines[0]
    assert "in.jsonl:2: not valid JSON: a number with too many digits" in lines[1]

"""Every bad input is rejected with one line naming file, line and field; nothing is written."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conflict_counts.cli import main
from conflict_counts.predictions.reader import CLAIM_COLUMNS
from tests.scorer.corpus import gold_frames, gold_predictions, write_jsonl


def lines_of(objects: list) -> list[str]:
    return [json.dumps(o, ensure_ascii=False) for o in objects]


def good() -> list[dict]:
    return gold_predictions()


def with_mention(**changes: object) -> list[str]:
    objects = good()
    objects[0]["mentions"][0].update(changes)
    return lines_of(objects)


def with_claim(**changes: object) -> list[str]:
    objects = good()
    objects[0]["claims"][0].update(changes)
    return lines_of(objects)


def raw(text: str, line: int = 1) -> list[str]:
    out = lines_of(good())
    out[line - 1] = text
    return out


def without(key: str) -> list[str]:
    objects = good()
    del objects[0][key]
    return lines_of(objects)


def renamed(key: str, misspelt: str) -> list[str]:
    objects = good()
    claim = objects[0]["claims"][0]
    claim[misspelt] = claim.pop(key)
    return lines_of(objects)


D1_LENGTH = len(gold_frames()[0].loc[0, "text"])

# name: (JSONL lines, [(line, field, fragment of the message)])
BAD = {
    "malformed JSON": (raw('{"doc_id": "d1", "mentions": [}', 2), [(2, None, "not valid JSON")]),
    "truncated line": (raw('{"doc_id": "d1"', 3), [(3, None, "not valid JSON")]),
    "not an object": (raw("[1, 2]", 1), [(1, None, "expected an object, got array")]),
    "unknown doc id": (
        raw(json.dumps({"doc_id": "zz", "mentions": [], "claims": []}), 2),
        [(2, "doc_id", "unknown document 'zz'")],
    ),
    "duplicate document": (
        lines_of(good()) + lines_of(good()[:1]),
        [(4, "doc_id", "duplicate document 'd1' (first on line 1)")],
    ),
    "offset beyond the text": (
        with_mention(end=D1_LENGTH + 5),
        [(1, "mentions[0].end", f"beyond the end of the document ({D1_LENGTH}")],
    ),
    "reversed offsets": (
        with_mention(start=10, end=4),
        [(1, "mentions[0].end", "end 4 is not after start 10")],
    ),
    "negative offset": (with_mention(start=-1), [(1, "mentions[0].start", "offset -1 is negative")]),
    "empty span": (with_mention(start=7, end=7), [(1, "mentions[0].end", "end 7 is not after start 7")]),
    "unknown label": (with_mention(label="PERSON"), [(1, "mentions[0].label", "unknown value 'PERSON'")]),
    "unknown qualifier": (with_claim(qualifier="roughly"), [(1, "claims[0].qualifier", "unknown value")]),
    "unknown predicate": (with_claim(predicate="fled"), [(1, "claims[0].predicate", "unknown value 'fled'")]),
    "NaN bound": (
        raw(lines_of(good())[0].replace('"low": null', '"low": NaN'), 1),
        [(1, "claims[0].low", "nan is not allowed")],
    ),
    "infinite bound": (
        raw(lines_of(good())[0].replace('"high": 800.0', '"high": Infinity'), 1),
        [(1, "claims[0].high", "inf is not allowed")],
    ),
    "string offset": (
        with_mention(start="5"),
        [(1, "mentions[0].start", "expected an integer, got string '5'")],
    ),
    "float offset": (with_mention(end=9.0), [(1, "mentions[0].end", "expected an integer, got number")]),
    "boolean offset": (
        with_mention(start=True),
        [(1, "mentions[0].start", "expected an integer, got boolean")],
    ),
    "string bound": (
        with_claim(high="800"),
        [(1, "claims[0].high", "expected a number or null, got string")],
    ),
    "bounds reversed": (with_claim(low=900.0), [(1, "claims[0].high", "800 is below low 900")]),
    "mentions not a list": (
        raw(json.dumps({"doc_id": "d1", "mentions": {}, "claims": []})),
        [(1, "mentions", "expected an array, got object")],
    ),
    "missing key": (without("doc_id"), [(1, "doc_id", "missing")]),
    "misspelt key": (
        renamed("qualifier", "qualifer"), [(1, "claims[0].qualifer", "did you mean 'qualifier'?")]
    ),
    "unknown key": (with_mention(entityid="sohr"), [(1, "mentions[0].entityid", "unknown key")]),
    "text does not match": (
        with_mention(text="SOHX"),
        [(1, "mentions[0].text", "'SOHX' does not match the document text 'SOHR'")],
    ),
    "half a source span": (
        with_claim(source_end=None),
        [(1, "claims[0].source_end", "missing while source_start")],
    ),
    "duplicate mention ids": (
        lines_of(
            [
                {**good()[0], "mentions": [{**m, "mention_id": "x"} for m in good()[0]["mentions"][:2]]},
                *good()[1:],
            ]
        ),
        [(1, "mentions[1].mention_id", "duplicate id 'x' (first at mentions[0])")],
    ),
    "wrong language": (
        lines_of([{**good()[0], "language": "en"}, *good()[1:]]),
        [(1, "language", "'en' but the gold document is 'sv'")],
    ),
    "other text version": (
        lines_of([{**good()[0], "text": "something else"}, *good()[1:]]),
        [(1, "text", "differs from the gold document text")],
    ),
    # the gold's qualifier table holds for predictions too ("närmare 800": nearly, high 800)
    "nearly with low set": (
        with_claim(low=700.0),
        [(1, "claims[0].qualifier", "do not fit the qualifier nearly: it needs low null and high set")],
    ),
    "range with both bounds null": (
        with_claim(qualifier="range", high=None),
        [(1, "claims[0].qualifier", "do not fit the qualifier range")],
    ),
    "at_least with high set": (
        with_claim(qualifier="at_least", low=800.0),
        [(1, "claims[0].qualifier", "it needs low set and high null")],
    ),
    "exact with low below high": (
        with_claim(qualifier="exact", low=700.0),
        [(1, "claims[0].qualifier", "exact needs low == high")],
    ),
    "vague off the magnitude intervals": (
        with_claim(qualifier="vague", low=5.0),
        [(1, "claims[0].qualifier", "vague needs a magnitude word's interval")],
    ),
    "400-digit bound": (
        raw(lines_of(good())[0].replace('"high": 800.0', '"high": ' + "9" * 400), 1),
        [(1, "claims[0].high", "integer of 400 digits is too large")],
    ),
    "5000-digit offset": (
        raw(lines_of(good())[0].replace('"start": 7', '"start": ' + "9" * 5000, 1), 1),
        [(1, None, "a number with too many digits")],
    ),
    "offset beyond int64": (
        with_mention(end=10**30),
        [(1, "mentions[0].end", "integer of 31 digits is out of range")],
    ),
    "lone surrogate": (
        raw(lines_of(good())[0].replace('"doc_id": "d1"', '"doc_id": "d1\\ud800"'), 1),
        [(1, None, "lone surrogate")],
    ),
    "50 kB doc_id is quoted short": (
        raw(json.dumps({"doc_id": "x" * 50_000, "mentions": [], "claims": []}), 2),
        [(2, "doc_id", "(50000 characters): not among the gold documents")],
    ),
    "several problems at once": (
        [
            lines_of(good())[0],
            '{"doc_id": "zz"',
            json.dumps(
                {
                    "doc_id": "d2",
                    "mentions": [
                        {"start": 0, "end": 2, "label": "X"},
                        {"start": "a", "end": 3, "label": "ORG"},
                    ],
                    "claims": [],
                }
            ),
        ],
        [
            (2, None, "not valid JSON"),
            (3, "mentions[0].label", "unknown value 'X'"),
            (3, "mentions[1].start", "expected an integer"),
        ],
    ),
}


def run(tmp_path: Path, pred: Path, gold_dir: Path, *extra: str) -> tuple[int, Path, Path]:
    out, errors = tmp_path / "report.json", tmp_path / "errors.json"
    code = main(
        [
            "score",
            "--pred",
            str(pred),
            "--gold",
            str(gold_dir),
            "--out",
            str(out),
            "--errors",
            str(errors),
            "--samples",
            "10",
            *extra,
        ]
    )
    return code, out, errors


def assert_rejected(
    capsys: pytest.CaptureFixture,
    code: int,
    written: list[Path],
    path: Path,
    expected: list[tuple[int | None, str | None, str]],
) -> None:
    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == len(expected), captured.err
    for line, (number, field, fragment) in zip(lines, expected, strict=True):
        where = f"error: {path}" + (f":{number}" if number is not None else "") + ":"
        assert line.startswith(where), line
        if field is not None:
            assert line.startswith(f"{where} {field}:"), line
        assert fragment in line, line
        assert "Traceback" not in line
        assert len(line) < 300 + len(str(path)), line  # input values are quoted short
    for target in written:
        assert not target.exists()
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("name", list(BAD))
def test_bad_jsonl_is_rejected(
    name: str, tmp_path: Path, gold_dir: Path, capsys: pytest.CaptureFixture
) -> None:
    lines, expected = BAD[name]
    pred = tmp_path / "pred.jsonl"
    pred.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, errors = run(tmp_path, pred, gold_dir)
    assert_rejected(capsys, code, [out, errors], pred, expected)


def test_non_utf8_bytes(tmp_path: Path, gold_dir: Path, capsys: pytest.CaptureFixture) -> None:
    pred = tmp_path / "pred.jsonl"
    lines = [line.encode("utf-8") for line in lines_of(good())]
    lines[1] = lines[1].replace(b'"d2"', b'"d\xff2"')
    pred.write_bytes(b"\n".join(lines) + b"\n")
    code, out, errors = run(tmp_path, pred, gold_dir)
    assert_rejected(
        capsys, code, [out, errors], pred, [(2, None, "not valid UTF-8 (byte 0xff, the line's byte 14)")]
    )


def test_missing_file(tmp_path: Path, gold_dir: Path, capsys: pytest.CaptureFixture) -> None:
    pred = tmp_path / "absent.jsonl"
    code, out, errors = run(tmp_path, pred, gold_dir)
    assert_rejected(capsys, code, [out, errors], pred, [(None, None, "no such file")])


def test_missing_gold_table(tmp_path: Path, gold_dir: Path, capsys: pytest.CaptureFixture) -> None:
    (gold_dir / "claims.parquet").unlink()
    pred = write_jsonl(tmp_path / "pred.jsonl", good())
    code, out, errors = run(tmp_path, pred, gold_dir)
    assert_rejected(capsys, code, [out, errors], gold_dir / "claims.parquet", [(None, None, "missing table")])


def test_subset_without_documents(tmp_path: Path, gold_dir: Path, capsys: pytest.CaptureFixture) -> None:
    pred = tmp_path / "pred.jsonl"
    pred.write_text("", encoding="utf-8")
    code, out, errors = run(tmp_path, pred, gold_dir, "--subset")
    assert_rejected(capsys, code, [out, errors], pred, [(None, None, "cover no document")])


def test_output_may_not_overwrite_the_input(
    tmp_path: Path, gold_dir: Path, capsys: pytest.CaptureFixture
) -> None:
    pred = write_jsonl(tmp_path / "pred.jsonl", good())
    before = pred.read_bytes()
    code = main(["score", "--pred", str(pred), "--gold", str(gold_dir), "--out", str(pred)])
    assert code == 2
    assert "would overwrite an input file" in capsys.readouterr().err
    assert pred.read_bytes() == before


def write_parquet(path: Path, rows: list[dict]) -> Path:
    pq.write_table(pa.Table.from_pylist(rows), path)
    return path


def test_bad_parquet_rows(tmp_path: Path, gold_dir: Path, capsys: pytest.CaptureFixture) -> None:
    rows = [
        {"doc_id": "d1", "start": 7, "end": 11, "label": "ORG", "entity_id": "sohr"},
        {"doc_id": "d1", "start": 7, "end": 11, "label": "PERSON", "entity_id": None},
        {"doc_id": "nope", "start": 0, "end": 1, "label": "ORG", "entity_id": None},
        {"doc_id": "nope", "start": 0, "end": 1, "label": "ORG", "entity_id": None},
        {"doc_id": "d2", "start": 5, "end": 2, "label": "ORG", "entity_id": None},
    ]
    pred = write_parquet(tmp_path / "mentions.parquet", rows)
    code, out, errors = run(tmp_path, pred, gold_dir)
    assert_rejected(
        capsys,
        code,
        [out, errors],
        pred,
        [
            (2, "label", "unknown value 'PERSON'"),
            (3, "doc_id", "unknown document 'nope'"),
            (5, "end", "end 2 is not after start 5"),
        ],
    )


def test_parquet_nan_and_unknown_column(
    tmp_path: Path, gold_dir: Path, capsys: pytest.CaptureFixture
) -> None:
    claim = {
        "doc_id": "d2",
        "start": 17,
        "end": 30,
        "low": float("nan"),
        "high": 100.0,
        "qualifier": "approx",
        "predicate": "escaped",
    }
    pred = write_parquet(tmp_path / "claims.parquet", [claim])
    code, out, errors = run(tmp_path, pred, gold_dir)
    assert_rejected(capsys, code, [out, errors], pred, [(1, "low", "nan is not allowed")])
    pred = write_parquet(tmp_path / "claims.parquet", [{**claim, "low": 100.0, "confidence": 0.9}])
    code, out, errors = run(tmp_path, pred, gold_dir)
    assert_rejected(capsys, code, [out, errors], pred, [(None, "confidence", "unknown column")])


def test_not_parquet(tmp_path: Path, gold_dir: Path, capsys: pytest.CaptureFixture) -> None:
    pred = tmp_path / "mentions.parquet"
    pred.write_bytes(b"PAR1 not really")
    code, out, errors = run(tmp_path, pred, gold_dir)
    assert_rejected(capsys, code, [out, errors], pred, [(None, None, "not a readable Parquet file")])


def test_too_many_problems_are_summarised(
    tmp_path: Path, gold_dir: Path, capsys: pytest.CaptureFixture
) -> None:
    pred = tmp_path / "pred.jsonl"
    pred.write_text("{\n" * 150, encoding="utf-8")
    code, _, _ = run(tmp_path, pred, gold_dir)
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert len(err) == 101
    assert err[0].endswith("pred.jsonl: 150 problems; the first 100 are listed")


def test_parquet_written_by_pandas_with_float_offsets(
    tmp_path: Path, gold_dir: Path, capsys: pytest.CaptureFixture
) -> None:
    """pandas stores an integer column with nulls as float64; such offsets are accepted."""
    import pandas as pd

    _, _, claims = gold_frames()
    frame = claims[list(CLAIM_COLUMNS)].astype({"source_start": "float64", "source_end": "float64"})
    frame.to_parquet(tmp_path / "claims.parquet")
    report = tmp_path / "report.json"
    code = main(
        [
            "score",
            "--pred",
            str(tmp_path / "claims.parquet"),
            "--gold",
            str(gold_dir),
            "--out",
            str(report),
            "--samples",
            "0",
        ]
    )
    assert code == 0, capsys.readouterr().err
    assert json.loads(report.read_text())["claims"]["full"]["f1"] == 1.0
    assert pd.read_parquet(tmp_path / "claims.parquet")["source_start"].dtype == "float64"


def test_a_layer_left_out_is_not_attempted(tmp_path: Path, gold_dir: Path, capsys) -> None:
    """A file with only mentions is valid: claims are "not attempted", scored as none."""
    objects = good()
    for record in objects:
        del record["claims"]
    pred = write_jsonl(tmp_path / "mentions-only.jsonl", objects)
    code, out, _ = run(tmp_path, pred, gold_dir)
    assert code == 0, capsys.readouterr().err
    report = json.loads(out.read_text())
    assert report["meta"]["not_attempted"] == ["claims"]
    assert report["entities"]["strict"]["f1"] == 1.0 and report["claims"]["full"]["recall"] == 0.0
    markdown = tmp_path / "report.md"
    assert main(["score", "--pred", str(pred), "--gold", str(gold_dir), "--format", "markdown",
                 "--samples", "0", "--out", str(markdown)]) == 0
    assert "Not attempted: claims" in markdown.read_text()


def test_one_misspelt_key_is_one_problem_and_null_reads_as_null(
    tmp_path: Path, gold_dir: Path, capsys: pytest.CaptureFixture
) -> None:
    pred = tmp_path / "pred.jsonl"
    pred.write_text("\n".join(renamed("qualifier", "qualifer")) + "\n", encoding="utf-8")
    assert run(tmp_path, pred, gold_dir)[0] == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        f"error: {pred}:1: claims[0].qualifer: unknown key; did you mean 'qualifier'?"
    ]
    pred.write_text("\n".join(with_claim(qualifier=None)) + "\n", encoding="utf-8")
    assert run(tmp_path, pred, gold_dir)[0] == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line.endswith("claims[0].qualifier: expected a string, got null")

"""``conflict-counts extract``: dataset and text inputs, bad input, streaming, determinism."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conflict_counts.cli import main
from conflict_counts.commands import extract
from conflict_counts.scorer.api import score

ROOT = Path(__file__).resolve().parents[2]
DATASET = ROOT / "dataset"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["extract", "--gold", str(DATASET), *argv])
    out, err = capsys.readouterr()
    return status, out, err


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_rules_on_the_dataset(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "rules.jsonl"
    status, _, err = run(capsys, "--baseline", "rules", "--out", str(out))
    assert status == 0, err
    records = lines(out)
    assert [r["doc_id"] for r in records] == sorted(r["doc_id"] for r in records)
    assert len(records) == 5
    assert score(out, DATASET, samples=0)["meta"]["documents"] == 5
    assert main(["score", "--pred", str(out), "--gold", str(DATASET), "--samples", "0"]) == 0


def test_two_runs_write_identical_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    for out in (first, second):
        assert run(capsys, "--baseline", "rules", "--out", str(out))[0] == 0
    assert first.read_bytes() == second.read_bytes()


def test_jsonl_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    rows = [
        {"doc_id": "a", "text": "Minst 20 personer dödades i Raqqa, enligt SOHR.", "language": "sv"},
        {"doc_id": "b", "text": "Over 100 fanger rømte fra fengselet."},  # language from --lang
        {"doc_id": "c", "text": "", "language": "en"},
    ]
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    status, _, err = run(
        capsys,
        "--baseline",
        "rules",
        "--input",
        str(source),
        "--lang",
        "nb",
        "--out",
        str(out),
        "--batch-size",
        "2",
    )
    assert status == 0, err
    records = lines(out)
    assert [r["doc_id"] for r in records] == ["a", "b", "c"]
    assert [r["language"] for r in records] == ["sv", "nb", "en"]
    assert records[0]["claims"][0]["text"] == "Minst 20"
    assert records[1]["claims"][0]["predicate"] == "escaped"
    assert records[2] == {**records[2], "mentions": [], "claims": []}


def test_plain_text_needs_a_language(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "article.txt"
    source.write_text("At least 30 inmates escaped from Kirikiri prison, police said.\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    status, _, err = run(capsys, "--baseline", "rules", "--input", str(source), "--out", str(out))
    assert status == 2 and err.count("\n") == 1 and "--lang" in err and not out.exists()
    status, _, err = run(
        capsys, "--baseline", "rules", "--input", str(source), "--lang", "en", "--out", str(out)
    )
    assert status == 0, err
    [record] = lines(out)
    assert record["doc_id"] == "article"
    assert record["claims"][0]["text"] == "At least 30"
    assert f"rules: 1 document, {len(record['mentions'])} mention" in err  # not "1 documents"


@pytest.mark.parametrize(
    ("name", "expected"), [("docs.json", "give JSON Lines"), ("docs.parquet", "--engine ray")]
)
def test_json_and_parquet_files_are_not_read_as_one_article(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, expected: str
) -> None:
    source = tmp_path / name
    record = '{"doc_id": "a", "text": "Minst 30 fångar flydde.", "language": "sv"}\n'
    source.write_text(record, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    options = ("--baseline", "rules", "--input", str(source), "--lang", "sv", "--out", str(out))
    status, _, err = run(capsys, *options)
    assert status == 2 and err.count("\n") == 1 and expected in err and not out.exists()


def test_bad_jsonl_lines_fail_cleanly_and_write_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(
        b'{"doc_id": "a", "text": "Minst 20 personer dodades.", "language": "sv"}\n'
        b'{"doc_id": "b", "text": 5, "language": "sv"}\n'
        b"not json\n"
    )
    out = tmp_path / "out.jsonl"
    status, stdout, err = run(capsys, "--baseline", "rules", "--input", str(source), "--out", str(out))
    assert status == 2 and stdout == ""
    assert err.splitlines() == [
        f"error: {source}:2: text: expected a string, got int",
        f"error: {source}:3: not valid JSON: Expecting value (column 1)",
    ]
    assert "Traceback" not in err
    assert not out.exists() and list(tmp_path.iterdir()) == [source]  # no temporary file left


@pytest.mark.parametrize(
    ("line", "field"),
    [
        (b'{"doc_id": "a", "text": "x", "language": "fr"}', "language"),
        (b'{"text": "x", "language": "sv"}', "doc_id"),
        (b'["a", "b"]', None),
        (b'{"doc_id": "a", "text": "\xff", "language": "sv"}', None),
    ],
)
def test_each_bad_line_names_its_field(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, line: bytes, field: str | None
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(line + b"\n")
    status, _, err = run(
        capsys, "--baseline", "rules", "--input", str(source), "--out", str(tmp_path / "o.jsonl")
    )
    assert status == 2
    assert err.startswith(f"error: {source}:1:" + (f" {field}:" if field else ""))
    assert err.count("\n") == 1


def test_duplicate_ids_and_overwriting_the_input_are_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"doc_id": "a", "text": "x", "language": "sv"}\n' * 2, encoding="utf-8")
    status, _, err = run(
        capsys, "--baseline", "rules", "--input", str(source), "--out", str(tmp_path / "o.jsonl")
    )
    assert status == 2 and ":2: doc_id: duplicate" in err
    status, _, err = run(capsys, "--baseline", "rules", "--input", str(source), "--out", str(source))
    assert status == 2 and "overwrite" in err


def test_input_is_read_lazily(tmp_path: Path) -> None:
    """The reader yields the first document before it has read the rest of the file."""
    source = tmp_path / "in.jsonl"
    with source.open("w", encoding="utf-8") as handle:
        handle.write('{"doc_id": "0", "text": "Minst 20.", "language": "sv"}\n')
    reader = extract.read_jsonl(source, None)
    first = next(reader)
    with source.open("a", encoding="utf-8") as handle:  # appended after the first read
        handle.write('{"doc_id": "1", "text": "x", "language": "sv"}\n')
    assert first.doc_id == "0" and [d.doc_id for d in reader] == ["1"]


def test_progress_bar_only_on_a_terminal_or_a_large_input() -> None:
    assert extract._progress(1000) is None  # pytest's stderr is not a terminal
    bar = extract._progress(extract.LARGE_INPUT)
    assert bar is not None
    bar.close()


def test_learned_runs_on_other_text(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"doc_id": "x", "text": "Minst 39 soldater dödades.", "language": "sv"}\n', encoding="utf-8"
    )
    out = tmp_path / "out.jsonl"
    status, _, err = run(capsys, "--baseline", "learned", "--input", str(source), "--out", str(out))
    assert status == 0, err
    [record] = lines(out)
    assert record["doc_id"] == "x"


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ('{"doc_id": "a\\ud800", "text": "x", "language": "sv"}', "lone surrogate"),
        ('{"doc_id": "a", "text": "x\\udfff", "language": "sv"}', "lone surrogate"),
        ('{"doc_id": "a", "text": "x", "language": "sv", "n": ' + "9" * 5000 + "}", "too many digits"),
        ('{"doc_id": "' + "y" * 100_000 + '", "text": 5, "language": "sv"}', "expected a string"),
    ],
)
def test_unwritable_or_huge_input_is_one_line_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, line: str, fragment: str
) -> None:
    source, out = tmp_path / "in.jsonl", tmp_path / "pred.jsonl"
    source.write_text(line + "\n", encoding="utf-8")
    status, _, err = run(capsys, "--baseline", "rules", "--input", str(source), "--out", str(out))
    assert status == 2 and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1 and fragment in err and len(err) < 400
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


def repeated_corpus(path: Path, copies: int) -> Path:
    """The dataset's documents repeated under new ids, as JSON Lines."""
    from conflict_counts.dataset import Dataset

    documents = list(Dataset(DATASET).documents())
    with path.open("w", encoding="utf-8") as handle:
        for copy in range(copies):
            for d in documents:
                row = {"doc_id": f"{d.doc_id}-{copy}", "text": d.text, "language": d.language}
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


@pytest.mark.parametrize("baseline", ["rules", "learned"])
def test_jobs_give_byte_identical_output_in_input_order(
    baseline: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = repeated_corpus(tmp_path / "in.jsonl", 8)
    outputs = []
    for jobs in ("1", "2", "3"):
        out = tmp_path / f"jobs{jobs}.jsonl"
        argv = ["--baseline", baseline, "--input", str(source), "--out", str(out), "--jobs", jobs]
        status, _, err = run(capsys, *argv, "--batch-size", "3")  # many batches, some in flight
        assert status == 0, err
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]
    ids = [json.loads(line)["doc_id"] for line in outputs[0].decode("utf-8").splitlines()]
    expected = [json.loads(line)["doc_id"] for line in source.read_text(encoding="utf-8").splitlines()]
    assert ids == expected


def test_jobs_must_be_positive(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = run(capsys, "--baseline", "rules", "--out", str(tmp_path / "o.jsonl"), "--jobs", "0")
    assert status == 2
    assert "--jobs: must be at least 1, got 0" in err
    assert not (tmp_path / "o.jsonl").exists()


def test_a_bad_line_stops_a_parallel_run_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = repeated_corpus(tmp_path / "in.jsonl", 4)
    with source.open("a", encoding="utf-8") as handle:
        handle.write('{"doc_id": "x", "language": "sv"}\n')
    out = tmp_path / "out.jsonl"
    argv = ["--baseline", "rules", "--input", str(source), "--out", str(out), "--jobs", "2"]
    status, _, err = run(capsys, *argv, "--batch-size", "2")
    assert status == 2
    assert "text: missing" in err
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_parallel_run_reports_the_same_problems_as_one_process(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """With --jobs 2 the workers read the lines and this process checks the ids: the same
    lines, fields and messages, in order, as the single process's reader."""
    good = '{{"doc_id": "{}", "text": "Minst 20 personer flydde.", "language": "sv"}}\n'
    source = tmp_path / "in.jsonl"
    source.write_text(
        good.format("a") + "\n" + good.format("b") + good.format("a")  # a duplicate after a blank
        + '{"doc_id": "a", "text": 5, "language": "fr"}\n'  # a duplicate with problems of its own
        + "not json\n" + good.format("c") + '{"doc_id": " ", "text": "x"}\n' + good.format("c"),
        encoding="utf-8",
    )
    errors = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        argv = ["--baseline", "rules", "--input", str(source), "--out", str(out), "--jobs", jobs]
        status, _, err = run(capsys, *argv, "--batch-size", "2")
        assert status == 2 and not out.exists()
        errors.append(err)
    assert errors[0] == errors[1]
    assert [line.split(f"{source}:", 1)[1] for line in errors[1].splitlines()] == [
        "4: doc_id: duplicate document id 'a'",
        "5: doc_id: duplicate document id 'a'",
        "5: language: 'fr' is not one of sv, nb, da, en",
        "5: text: expected a string, got int",
        "6: not valid JSON: Expecting value (column 1)",
        "8: doc_id: expected a non-empty string, got ' '",
        "8: language: missing (or give --lang)",
        "9: doc_id: duplicate document id 'c'",
    ]

"""No command writes over its inputs, into a dataset folder, or over a file or folder it did not write."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conflict_counts.errors import InputError
from conflict_counts.targets import (
    OutputFile,
    check_output_files,
    check_output_folder,
    first_json_line,
    is_dataset_folder,
    json_document,
)
from tests.conftest import build_args

NOTHING = OutputFile("a report", lambda path: False)  # an output kind no existing file is


@pytest.fixture
def built(mini: Path, run_cli, tmp_path: Path) -> Path:
    out = tmp_path / "dataset"
    assert run_cli(*build_args(mini, out))[0] == 0
    return out


@pytest.fixture
def predictions(tmp_path: Path) -> Path:
    path = tmp_path / "pred.jsonl"
    path.write_text(json.dumps({"doc_id": "0123456789abcdef", "mentions": [], "claims": []}) + "\n")
    return path


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_built_folder_is_recognised_by_its_manifest(built: Path, tmp_path: Path) -> None:
    assert is_dataset_folder(built)
    assert not is_dataset_folder(tmp_path)


@pytest.mark.parametrize(
    ("outputs", "message"),
    [
        ({"--out": "same.json", "--errors": "same.json"}, "is also given as --out"),
        ({"--out": "pred.jsonl"}, "would overwrite an input file"),
        ({"--out": "dataset/manifest.json"}, "inside"),
        ({"--out": "dataset/report.json"}, "inside"),
        ({"--out": "dataset"}, "is a directory"),
        ({"--out": "nowhere/report.json"}, "output directory does not exist"),
    ],
)
def test_output_files_are_checked_before_any_work(
    built: Path,
    predictions: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    outputs: dict,
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match=message):
        check_output_files({option: (path, NOTHING) for option, path in outputs.items()}, [predictions.name])


def test_an_existing_file_is_replaced_only_if_empty_or_recognised(tmp_path: Path) -> None:
    ours, empty, other = tmp_path / "ours.json", tmp_path / "empty.json", tmp_path / "notes.txt"
    ours.write_text('{"ours": true}\n', encoding="utf-8")
    empty.touch()
    other.write_text("mine\n", encoding="utf-8")
    kind = OutputFile("a report this command wrote", lambda path: first_json_line(path) == {"ours": True})
    new = tmp_path / "new.json"
    check_output_files({"--out": (ours, kind), "--errors": (empty, kind), "--new": (new, kind)}, [])
    with pytest.raises(InputError) as refused:
        check_output_files({"--out": (other, kind)}, [])
    assert str(refused.value) == (
        f"{other}: --out: already exists and is not a report this command wrote; give a new path"
    )
    assert other.read_text(encoding="utf-8") == "mine\n"


def test_recognising_a_file_never_fails_on_its_content(tmp_path: Path) -> None:
    for content in (b"\xff\xfe", b"[" * 200_000, b"{\n", b"NaN-ish", b""):
        path = tmp_path / "f"
        path.write_bytes(content)
        assert first_json_line(path) is None and json_document(path) is None


@pytest.mark.parametrize(
    "arguments",
    [
        ["--out", "{gold}/manifest.json"],
        ["--out", "{gold}/claims.parquet"],
        ["--out", "{pred}"],
        ["--errors", "{pred}"],
        ["--out", "{tmp}/r.json", "--errors", "{tmp}/r.json"],
    ],
)
def test_score_refuses_to_write_over_an_input_or_the_gold(
    built: Path, predictions: Path, tmp_path: Path, run_cli, arguments: list[str]
) -> None:
    before_gold, before_pred = _snapshot(built), predictions.read_bytes()
    filled = [a.format(gold=built, pred=predictions, tmp=tmp_path) for a in arguments]
    code, out, err = run_cli(
        "score", "--pred", str(predictions), "--gold", str(built), "--samples", "0", *filled
    )
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert _snapshot(built) == before_gold and predictions.read_bytes() == before_pred
    assert not (tmp_path / "r.json").exists()
    assert run_cli("validate", str(built))[0] == 0


def test_extract_and_compare_refuse_the_dataset_folder(built: Path, predictions: Path, run_cli) -> None:
    before = _snapshot(built)
    code, _, err = run_cli(
        "extract", "--baseline", "rules", "--gold", str(built), "--out", str(built / "p.jsonl")
    )
    assert code == 2 and "inside the input folder" in err
    code, _, err = run_cli(
        "compare",
        str(predictions),
        str(predictions),
        "--gold",
        str(built),
        "--samples",
        "0",
        "--out",
        str(built / "cmp.json"),
    )
    assert code == 2 and "inside the input folder" in err
    assert _snapshot(built) == before


def test_output_folder_must_not_overlap_an_input(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds" / "articles"
    seeds.mkdir(parents=True)
    for target in (tmp_path, tmp_path / "seeds", seeds, seeds / "out"):
        with pytest.raises(InputError, match="overlaps the input"):
            check_output_folder("--out", target, [seeds], lambda folder: True, "build")


def test_output_folder_must_be_new_empty_or_ours(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    check_output_folder("--out", tmp_path / "empty", [], lambda folder: False, "view")
    check_output_folder("--out", tmp_path / "new", [], lambda folder: False, "view")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "a.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(InputError, match="not a folder written by `conflict-counts view`"):
        check_output_folder("--out", tmp_path / "notes", [], lambda folder: False, "view")
    (tmp_path / "file").write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="not a folder"):
        check_output_folder("--out", tmp_path / "file", [], lambda folder: True, "view")

"""A broken export is refused with one line naming the file, the task or line, and the field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DOC = "0123456789abcdef"


def _export(run_cli, mini: Path, fmt: str) -> Path:
    out = mini / f"export-{fmt}"
    code, _, err = run_cli(
        "export",
        "--format",
        fmt,
        "--annotations",
        str(mini),
        "--set",
        "gold",
        "--seeds",
        str(mini / "articles"),
        "--out",
        str(out),
    )
    assert (code, err) == (0, "")
    return out


def _import(run_cli, mini: Path, fmt: str, folder: Path) -> list[str]:
    code, _, err = run_cli(
        "import",
        "--format",
        fmt,
        str(folder),
        "--set",
        "imported",
        "--annotations",
        str(mini),
        "--seeds",
        str(mini / "articles"),
    )
    assert code == 2
    assert not (mini / "imported").exists()  # nothing half-written
    return err.strip().splitlines()


def _edit_task(folder: Path, edit) -> Path:
    path = folder / "tasks.json"
    tasks = json.loads(path.read_text(encoding="utf-8"))
    edit(tasks[0]["annotations"][0]["result"], tasks)
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    return path


def _labels(result: list[dict], region_id: str) -> dict:
    return next(r for r in result if r.get("id") == region_id and r["from_name"] == "label")


def _mismatch(result, tasks):
    _labels(result, "m7-11")["value"]["text"] = "SOHX"


def _unknown_label(result, tasks):
    _labels(result, "m7-11")["value"]["labels"] = ["PERSON"]


def _missing_region(result, tasks):
    next(r for r in result if r["type"] == "relation")["to_id"] = "n999-1000"


def _no_bounds(result, tasks):
    result[:] = [r for r in result if not (r.get("id") == "c16-24" and r["from_name"] in ("low", "high"))]


LABEL_STUDIO_CASES = {
    "span does not match": (
        _mismatch,
        "region m7-11, label.value: text 'SOHX' does not match the text at 7-11, 'SOHR'",
    ),
    "unknown label": (_unknown_label, "region m7-11, label.labels: unknown label \"['PERSON']\""),
    "missing region": (
        _missing_region,
        "relation c16-24 -> n999-1000: relation to a missing region 'n999-1000'",
    ),
    "no bounds": (_no_bounds, "region c16-24, low/high: claim without bounds"),
}


@pytest.mark.parametrize("case", LABEL_STUDIO_CASES)
def test_label_studio_export_problems(case: str, mini: Path, run_cli) -> None:
    edit, expected = LABEL_STUDIO_CASES[case]
    path = _edit_task(_export(run_cli, mini, "label-studio"), edit)
    lines = _import(run_cli, mini, "label-studio", path.parent)
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"error: {path}: task 1 ({DOC}), {expected}"), lines[0]


def test_json_min_is_refused_with_the_reason(mini: Path, run_cli) -> None:
    folder = _export(run_cli, mini, "label-studio")
    (folder / "tasks.json").write_text(json.dumps([{"text": "…", "label": []}]), encoding="utf-8")
    lines = _import(run_cli, mini, "label-studio", folder)
    assert lines == [
        f"error: {folder / 'tasks.json'}: task 1, task: expected an object with 'data' and "
        "'annotations': use Label Studio's JSON export (JSON-MIN and CSV drop the relations)"
    ]


def test_a_pre_annotation_is_not_gold(mini: Path, run_cli) -> None:
    folder = _export(run_cli, mini, "label-studio")

    def to_prediction(result, tasks):
        tasks[0]["predictions"] = tasks[0].pop("annotations")
        tasks[0]["annotations"] = []

    path = _edit_task(folder, lambda result, tasks: None)
    tasks = json.loads(path.read_text(encoding="utf-8"))
    to_prediction(None, tasks)
    path.write_text(json.dumps(tasks), encoding="utf-8")
    lines = _import(run_cli, mini, "label-studio", folder)
    assert lines == [
        f"error: {path}: task 1 ({DOC}), annotations: expected one annotation, found 0 "
        "(a pre-annotation enters the gold only once an annotator has submitted it)"
    ]


def _edit_ann(folder: Path, old: str, new: str) -> tuple[Path, int]:
    path = folder / f"{DOC}.ann"
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines, start=1) if old in line)
    lines[number - 1] = lines[number - 1].replace(old, new)
    path.write_text("\n".join(lines), encoding="utf-8")
    return path, number


BRAT_CASES = {
    "span does not match": (
        "ORG 7 11\tSOHR",
        "ORG 7 11\tSOHX",
        "T1: text 'SOHX' does not match the text at 7-11, 'SOHR'",
    ),
    "unknown label": ("ORG 7 11", "ORGANISATION 7 11", "T1: unknown label 'ORGANISATION'"),
    "missing span": ("Arg2:T6", "Arg2:T99", "R1: refers to a missing span 'T99'"),
    "no bounds": ("\t23 null", "\tnull null", "Bounds: claim without bounds"),
}


@pytest.mark.parametrize("case", BRAT_CASES)
def test_brat_export_problems(case: str, mini: Path, run_cli) -> None:
    old, new, expected = BRAT_CASES[case]
    path, line = _edit_ann(_export(run_cli, mini, "brat"), old, new)
    lines = _import(run_cli, mini, "brat", path.parent)
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"error: {path}:{line}: {expected}"), lines[0]


def test_brat_text_changed_after_export(mini: Path, run_cli) -> None:
    folder = _export(run_cli, mini, "brat")
    (folder / f"{DOC}.txt").write_text("Enligt SOHR har minst 23 kurdiska soldater dödats.", encoding="utf-8")
    lines = _import(run_cli, mini, "brat", folder)
    assert any(line.startswith(f"error: {folder / (DOC + '.ann')}:") for line in lines)

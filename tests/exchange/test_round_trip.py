"""export → import reproduces every annotation set byte for byte, and the dataset built from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT

SETS = ("gold", "annotator-a", "annotator-b")
FORMATS = ("label-studio", "brat")
SEEDS = ("--seeds", str(ROOT / "seeds/articles"))


def _files(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


def _import_args(fmt: str, tmp_path: Path, name: str = "gold") -> tuple[str, ...]:
    sets = ("--annotations", str(tmp_path / "sets"))
    return ("import", "--format", fmt, str(tmp_path / "export"), "--set", name, *sets, *SEEDS)


def _round_trip(run_cli, fmt: str, name: str, tmp_path: Path) -> Path:
    sets = ("--annotations", str(ROOT / "seeds/annotations"))
    code, _, err = run_cli("export", "--format", fmt, "--set", name, "--out", str(tmp_path / "export"),
                           *sets, *SEEDS)
    assert (code, err) == (0, "")
    code, out, err = run_cli(*_import_args(fmt, tmp_path, name))
    assert (code, err) == (0, ""), err
    assert out.startswith("imported 5 document(s)")
    return tmp_path / "sets" / name


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", SETS)
def test_export_then_import_reproduces_the_yaml(fmt: str, name: str, run_cli, tmp_path: Path) -> None:
    imported = _round_trip(run_cli, fmt, name, tmp_path)
    assert _files(imported) == _files(ROOT / "seeds/annotations" / name)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_build_from_the_imported_gold_is_the_gold_build(fmt: str, run_cli, tmp_path: Path) -> None:
    imported = _round_trip(run_cli, fmt, "gold", tmp_path)
    builds = {}
    for label, source in (("gold", ROOT / "seeds/annotations/gold"), ("imported", imported)):
        out = tmp_path / f"dataset-{label}"
        code, _, _ = run_cli("build", *SEEDS, "--annotations", str(source), "--out", str(out),
                             "--no-card", "--changelog", str(ROOT / "CHANGELOG.md"))
        assert code == 0
        builds[label] = _files(out)
    assert builds["imported"] == builds["gold"]


def test_import_into_the_same_set_changes_nothing(run_cli, tmp_path: Path) -> None:
    imported = _round_trip(run_cli, "brat", "gold", tmp_path)
    before = {p: p.stat().st_mtime_ns for p in imported.iterdir()}
    assert run_cli(*_import_args("brat", tmp_path))[:3:2] == (0, "")
    assert {p: p.stat().st_mtime_ns for p in imported.iterdir()} == before


def test_import_does_not_overwrite_a_different_document_without_replace(run_cli, tmp_path: Path) -> None:
    imported = _round_trip(run_cli, "brat", "gold", tmp_path)
    changed = imported / "02df82d6dcac3b2b.yaml"
    edited = changed.read_text(encoding="utf-8").replace("label: ORG", "label: GPE", 1)
    changed.write_text(edited, encoding="utf-8")
    code, _, err = run_cli(*_import_args("brat", tmp_path))
    assert code == 2
    assert err.strip() == f"error: {changed}: exists and differs; pass --replace to overwrite it"
    assert changed.read_text(encoding="utf-8") == edited
    assert run_cli(*_import_args("brat", tmp_path), "--replace")[0] == 0
    assert changed.read_bytes() == (ROOT / "seeds/annotations/gold" / changed.name).read_bytes()


def test_export_refuses_a_folder_that_is_not_empty(run_cli, tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")
    code, _, err = run_cli("export", "--format", "brat", "--out", str(tmp_path), *SEEDS,
                           "--annotations", str(ROOT / "seeds/annotations"))
    assert code == 2
    assert err.strip() == f"error: {tmp_path}: --out: exists and is not an empty folder; choose a new one"
    assert _files(tmp_path) == {"keep.txt": b"mine"}

"""`datasets.load_dataset` on a checkout: every config, never stale, any released version."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conflict_counts.cli import main
from conflict_counts.dataset import TABLES
from tests.conftest import ROOT

GOLD_DOC = Path("seeds/annotations/gold/02df82d6dcac3b2b.yaml")


def _clone(target: Path) -> Path:
    """The committed file set (what a fresh clone holds), with work-tree contents."""
    listed = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z"], check=True,
                            capture_output=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        if (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    return target


def _load_in_fresh_process(checkout: Path, config: str, cache: Path, code: str) -> str:
    script = (
        "import datasets, sys\n"
        f"ds = datasets.load_dataset({str(checkout)!r}, {config!r}, split='test')\n" + code
    )
    env = {**os.environ, "HF_DATASETS_CACHE": str(cache), "HF_HUB_OFFLINE": "1"}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env,
                            cwd=checkout)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _clone(tmp_path_factory.mktemp("clone"))


@pytest.mark.parametrize("config", TABLES)
def test_each_config_loads_in_a_fresh_process(checkout: Path, config: str, tmp_path: Path) -> None:
    manifest = json.loads((checkout / "dataset/manifest.json").read_text())
    out = _load_in_fresh_process(
        checkout, config, tmp_path / "cache", "print(ds.num_rows); print(sorted(ds.features))"
    )
    rows, columns = out.splitlines()
    assert int(rows) == manifest["tables"][config]["rows"]
    assert eval(columns) == sorted(manifest["tables"][config]["columns"])


def test_tokens_config_has_class_labels(checkout: Path, tmp_path: Path) -> None:
    out = _load_in_fresh_process(
        checkout, "tokens", tmp_path / "cache",
        "print(ds.features['ner_tags'].feature.names); print(ds.features['claim_tags'].feature.names)",
    )
    ner, claim = out.splitlines()
    assert "B-FAC" in ner and claim == "['O', 'B-NUM', 'I-NUM']"


HUNDREDS, THOUSANDS = "low: 200\n  high: 999", "low: 2000\n  high: 9999"  # "hundratals" re-annotated


def test_rebuild_with_changed_annotation_is_not_served_stale(tmp_path: Path) -> None:
    project = _clone(tmp_path / "project")
    cache = tmp_path / "cache"
    show = "print(ds[0]['text'], ds[0]['low'])"
    assert _load_in_fresh_process(project, "claims", cache, show).split() == ["hundratals", "200.0"]

    annotation = project / GOLD_DOC
    annotation.write_text(annotation.read_text().replace(HUNDREDS, THOUSANDS, 1))
    cwd = Path.cwd()
    try:
        os.chdir(project)
        assert main(["build"]) == 0
    finally:
        os.chdir(cwd)

    assert _load_in_fresh_process(project, "claims", cache, show).split() == ["hundratals", "2000.0"]


def test_released_version_is_loaded_from_its_tag(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from conflict_counts import load as loading

    project = _clone(tmp_path / "project")
    git = ["git", "-C", str(project), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "release"], check=True)
    subprocess.run([*git, "tag", "v1.0.0"], check=True)
    annotation = project / GOLD_DOC
    annotation.write_text(annotation.read_text().replace(HUNDREDS, THOUSANDS, 1))
    monkeypatch.chdir(project)
    assert main(["build"]) == 0
    monkeypatch.setenv("HF_DATASETS_CACHE", str(tmp_path / "cache"))

    released = loading.load("claims", project, version="1.0.0", cache_dir=str(tmp_path / "cache"))
    working = loading.load("claims", project, cache_dir=str(tmp_path / "cache"))

    assert released[0]["low"] == 200.0
    assert working[0]["low"] == 2000.0

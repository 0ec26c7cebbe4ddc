"""The gold cache: a folder that passed its checks is not checked or split again, and only then."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from conflict_counts.cli import main
from conflict_counts.scorer import gold as gold_module
from conflict_counts.scorer import gold_cache
from conflict_counts.scorer.gold import load_gold
from conflict_counts.scorer.units import Units
from tests.scorer.corpus import gold_frames, gold_predictions, write_gold, write_jsonl


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(gold_cache.CACHE_ENV, str(folder))
    return folder


def _entries(cache: Path) -> list[Path]:
    return sorted((cache / "gold").glob("*")) if (cache / "gold").is_dir() else []


def _units_equal(a: Units, b: Units) -> bool:
    return a.doc_ids == b.doc_ids and all(
        np.array_equal(getattr(a, f), getattr(b, f)) for f in ("doc_language", "unit_doc", "unit_start")
    )


def test_a_second_load_reads_the_units_and_skips_the_checks(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gold = write_gold(tmp_path / "gold", *gold_frames())
    first = load_gold(gold)
    assert len(_entries(cache)) == 1
    fresh = Units.from_documents(first.documents)
    assert _units_equal(first.units, fresh)

    def fail(*_: object) -> None:
        raise AssertionError("checked again")

    monkeypatch.setattr(gold_module, "_check", fail)
    monkeypatch.setattr(gold_module, "document_starts", fail)
    second = load_gold(gold)
    assert _units_equal(second.units, fresh)
    assert second.mentions.equals(first.mentions) and second.claims.equals(first.claims)


def test_a_changed_file_is_checked_again_and_its_errors_reported(
    cache: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    documents, mentions, claims = gold_frames()
    gold = write_gold(tmp_path / "gold", documents, mentions, claims)
    pred = write_jsonl(tmp_path / "pred.jsonl", gold_predictions())
    args = ["score", "--pred", str(pred), "--gold", str(gold), "--samples", "0"]
    assert main(args) == 0
    capsys.readouterr()
    exact = claims.index[claims["qualifier"] == "exact"][0]
    claims.loc[exact, "low"] = float("nan")
    write_gold(gold, documents, mentions, claims)
    assert main(args) == 2
    out, err = capsys.readouterr()
    assert out == "" and str(gold) in err
    assert len(_entries(cache)) == 1  # the damaged folder has no entry


def test_scores_are_the_same_from_the_cache(
    cache: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = write_gold(tmp_path / "gold", *gold_frames())
    pred = write_jsonl(tmp_path / "pred.jsonl", gold_predictions())
    reports = []
    for _ in range(2):
        assert main(["score", "--pred", str(pred), "--gold", str(gold), "--samples", "20"]) == 0
        reports.append(json.loads(capsys.readouterr().out))
    assert reports[0] == reports[1]


def test_an_empty_setting_turns_the_cache_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(gold_cache.CACHE_ENV, "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    load_gold(write_gold(tmp_path / "gold", *gold_frames()))
    assert gold_cache.cache_dir() is None
    assert not (tmp_path / "xdg").exists() and not (tmp_path / "home").exists()


def test_the_cache_follows_xdg_cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(gold_cache.CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    gold = write_gold(tmp_path / "gold", *gold_frames())
    before = sorted(p.name for p in gold.iterdir())
    load_gold(gold)
    assert len(list((tmp_path / "xdg" / "conflict-counts" / "gold").glob("*.npz"))) == 1
    assert sorted(p.name for p in gold.iterdir()) == before  # nothing written in the dataset folder


def test_an_entry_is_never_replaced_and_a_foreign_file_is_not_trusted(cache: Path, tmp_path: Path) -> None:
    gold = write_gold(tmp_path / "gold", *gold_frames())
    entry = gold_cache.entry_path(gold)
    assert entry is not None
    entry.parent.mkdir(parents=True)
    entry.write_bytes(b"not an entry")
    loaded = load_gold(gold)  # checked and split as without a cache
    assert _units_equal(loaded.units, Units.from_documents(loaded.documents))
    assert entry.read_bytes() == b"not an entry"


def test_an_unwritable_cache_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv(gold_cache.CACHE_ENV, str(blocker / "cache"))  # under a file: cannot be made
    loaded = load_gold(write_gold(tmp_path / "gold", *gold_frames()))
    assert loaded.units.n > 0

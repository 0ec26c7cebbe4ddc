"""``add-article``: a new seed with its checksum, pre-annotated tasks, and nothing in the gold."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from conflict_counts.builder.pipeline import check_seed_checksums
from conflict_counts.seeds import read_seeds
from tests.conftest import ROOT

ARTICLE = (
    "Kurdish officials said on Monday that at least 150 prisoners escaped from the al-Hol camp.\r\n\r\n"
    "The SDF said 20 guards were killed, according to AFP.\r\n"
)


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """The seeds, the gold and the built dataset, copied so that a test may add to them."""
    for part in ("seeds", "dataset"):
        shutil.copytree(ROOT / part, tmp_path / part)
    (tmp_path / "article.txt").write_bytes(ARTICLE.encode("utf-8"))
    return tmp_path


def _add(run_cli, checkout: Path, *extra: str) -> tuple[int, str, str]:
    return run_cli("add-article", str(checkout / "article.txt"), "--lang", "en",
                   "--seeds", str(checkout / "seeds/articles"),
                   "--gold", str(checkout / "seeds/annotations/gold"),
                   "--dataset", str(checkout / "dataset"), "--out", str(checkout / "tasks"), *extra)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_add_article_stores_the_seed_and_writes_pre_annotated_tasks(checkout: Path, run_cli) -> None:
    gold = _snapshot(checkout / "seeds/annotations")
    code, out, err = _add(run_cli, checkout, "--date", "2026-11")
    assert (code, err) == (0, "")
    text = ARTICLE.rstrip()
    doc_id = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    seed_file = checkout / "seeds/articles" / f"005_{doc_id}.txt"
    assert seed_file.read_bytes() == b" date 2026-11 " + ARTICLE.encode("utf-8")
    seeds = read_seeds(checkout / "seeds/articles")
    assert (seeds[-1].doc_id, seeds[-1].text, seeds[-1].published) == (doc_id, text, "2026-11")
    assert check_seed_checksums(seeds, checkout / "seeds/articles") == []
    assert f"added {seed_file}" in out

    [task] = json.loads((checkout / "tasks/label-studio/tasks.json").read_text(encoding="utf-8"))
    assert task["data"] == {"text": text, "doc_id": doc_id, "language": "en"}
    assert "annotations" not in task
    [prediction] = task["predictions"]
    assert prediction["model_version"].startswith("rules ")
    labels = prediction["result"]
    regions = {(r["value"]["text"], r["value"]["labels"][0]) for r in labels if r.get("from_name") == "label"}
    assert {("at least 150", "CLAIM"), ("SDF", "ORG"), ("SDF", "SOURCE")} <= regions
    for name in ("config.xml", "entities.yaml", "groups.yaml"):
        assert (checkout / "tasks/label-studio" / name).is_file()
    assert (checkout / "tasks/brat" / f"{doc_id}.txt").read_bytes() == text.encode("utf-8")
    assert "\tClaim " in (checkout / "tasks/brat" / f"{doc_id}.ann").read_text(encoding="utf-8")
    assert _snapshot(checkout / "seeds/annotations") == gold  # nothing enters the gold

    code, _, err = run_cli("import", "--format", "label-studio", str(checkout / "tasks/label-studio"),
                           "--set", "gold", "--annotations", str(checkout / "seeds/annotations"),
                           "--seeds", str(checkout / "seeds/articles"))
    assert code == 2 and "expected one annotation, found 0" in err
    assert _snapshot(checkout / "seeds/annotations") == gold


@pytest.mark.parametrize(("extra", "expected"), [
    (("--date", "2026-13"), "error: command line: --date: expected YYYY-MM, got '2026-13'"),
])
def test_bad_input_writes_nothing(extra: tuple[str, ...], expected: str, checkout: Path, run_cli) -> None:
    before = _snapshot(checkout)
    code, _, err = _add(run_cli, checkout, *extra)
    assert (code, err.strip()) == (2, expected)
    assert _snapshot(checkout) == before


def test_the_same_article_twice_is_refused(checkout: Path, run_cli) -> None:
    assert _add(run_cli, checkout)[0] == 0
    shutil.rmtree(checkout / "tasks")
    before = _snapshot(checkout)
    code, _, err = _add(run_cli, checkout)
    assert code == 2
    assert err.strip().endswith("_" + hashlib.sha256(ARTICLE.rstrip().encode()).hexdigest()[:16]
                                + ".txt: already holds this article")
    assert _snapshot(checkout) == before

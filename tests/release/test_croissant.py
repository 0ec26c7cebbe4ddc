"""The Croissant file validates with mlcroissant and loads every table's records through it."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from conflict_counts.dataset import TABLES, read_manifest, read_table, table_path
from conflict_counts.release.croissant import (
    MLCROISSANT_ALIASES,
    changelog_date,
    croissant,
    file_digests,
    to_json_bytes,
)
from tests.conftest import ROOT

mlc = pytest.importorskip("mlcroissant", reason="mlcroissant is not installed (pip install -e '.[test]')")

DATASET = ROOT / "dataset"
FACTS = {"date_published": "2026-11-22", "agreement": {"mentions strict F1": 0.9}}


@pytest.fixture(scope="module")
def frames():
    return {name: read_table(DATASET, name) for name in TABLES}


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory, frames) -> Path:
    """A copy of the real Parquet files with croissant.json beside them, as the build writes it."""
    directory = tmp_path_factory.mktemp("release")
    for name in TABLES:
        shutil.copy(table_path(DATASET, name), directory)
    document = croissant(frames, read_manifest(DATASET), "1.0.0", FACTS, file_digests(directory))
    (directory / "croissant.json").write_bytes(to_json_bytes(document))
    return directory


@pytest.fixture(scope="module")
def dataset(release: Path):
    return mlc.Dataset(jsonld=str(release / "croissant.json"))


def test_mlcroissant_validates_without_errors_or_warnings(dataset) -> None:
    issues = dataset.metadata.ctx.issues
    assert not issues.errors
    assert not issues.warnings


@pytest.mark.parametrize("table", TABLES)
def test_records_load_through_mlcroissant(dataset, frames, table: str) -> None:
    records = list(dataset.records(record_set=table))
    frame = frames[table]
    assert len(records) == len(frame)
    assert set(records[0]) == {f"{table}/{column}" for column in frame.columns}
    key = {"documents": "doc_id", "mentions": "mention_id", "entities": "entity_id",
           "claims": "claim_id", "tokens": "doc_id", "contrast": "item_id"}[table]
    loaded = sorted(r[f"{table}/{key}"].decode() for r in records)
    assert loaded == sorted(frame[key].astype(str))


def test_every_table_is_a_file_object_with_the_file_sha256(release: Path) -> None:
    document = json.loads((release / "croissant.json").read_text(encoding="utf-8"))
    files = {f["contentUrl"]: f for f in document["distribution"]}
    assert set(files) == {f"{name}.parquet" for name in TABLES}
    for name, entry in files.items():
        assert entry["encodingFormat"] == "application/x-parquet"
        assert entry["sha256"] == hashlib.sha256((release / name).read_bytes()).hexdigest()
    assert [r["@id"] for r in document["recordSet"]] == list(TABLES)


def test_release_facts_license_version_citation(release: Path, dataset) -> None:
    document = json.loads((release / "croissant.json").read_text(encoding="utf-8"))
    assert document["version"] == "1.0.0" == dataset.metadata.version
    assert "http://mlcommons.org/croissant/RAI/1.0" in document["conformsTo"]
    licenses = " ".join(lic["name"] for lic in document["license"])
    assert "CC BY 4.0" in licenses and "MIT" in licenses and "publishers" in licenses
    assert document["citeAs"].startswith("@")
    assert document["datePublished"] == "2026-11-22"


def test_rai_fields_are_filled_and_both_spellings_agree(release: Path, dataset, frames) -> None:
    document = json.loads((release / "croissant.json").read_text(encoding="utf-8"))
    for canonical, alias in MLCROISSANT_ALIASES.items():
        assert document[canonical] == document[alias]
    for key in ("rai:dataCollection", "rai:dataAnnotationProtocol", "rai:dataAnnotationAnalysis",
                "rai:dataBiases", "rai:dataLimitations", "rai:personalSensitiveInformation",
                "rai:dataUseCases", "rai:dataReleaseMaintenancePlan", "rai:dataSocialImpact"):
        assert document[key], key
    people = frames["entities"][frames["entities"]["label"] == "PER"]["canonical_name"]
    sensitive = " ".join(document["rai:personalSensitiveInformation"])
    assert all(name in sensitive for name in people)
    assert "terrorism" in sensitive
    assert "mentions strict F1 0.9" in " ".join(document["rai:dataAnnotationAnalysis"])
    # What mlcroissant 1.1.1 actually reads from its own spellings:
    metadata = dataset.metadata
    assert metadata.data_manipulation_protocol == document["rai:dataManipulationProtocol"]
    assert [d.strftime("%Y-%m-%d") for d in metadata.data_collection_timeframe] == document[
        "rai:dataCollectionTimeframe"]


def test_generation_is_deterministic(frames, release: Path) -> None:
    again = croissant(frames, read_manifest(DATASET), "1.0.0", FACTS, file_digests(release))
    assert to_json_bytes(again) == (release / "croissant.json").read_bytes()


def test_changelog_date() -> None:
    changelog = "# Changelog\n\n## [1.1.0] - 2027-01-02\n\n## [1.0.0] - 2026-11-22\n"
    assert changelog_date(changelog, "1.0.0") == "2026-11-22"
    assert changelog_date(changelog, "2.0.0") is None

"""Builds are deterministic, and what is committed is what the build makes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conflict_counts.dataset import MANIFEST, TABLES, read_arrow, table_path
from tests.conftest import ROOT

SOURCES = ["--seeds", str(ROOT / "seeds/articles"), "--annotations", str(ROOT / "seeds/annotations/gold")]


def _files(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A full build (dataset and card) in a scratch folder."""
    from conflict_counts.cli import main

    scratch = tmp_path_factory.mktemp("fresh")
    shutil.copy(ROOT / "README.md", scratch / "README.md")
    card = ["--card", str(scratch / "README.md"), "--changelog", str(ROOT / "CHANGELOG.md")]
    assert main(["build", *SOURCES, "--out", str(scratch / "dataset"), *card]) == 0
    return scratch


def test_two_builds_are_byte_identical(fresh: Path, run_cli, tmp_path: Path) -> None:
    assert run_cli("build", *SOURCES, "--out", str(tmp_path / "again"), "--no-card")[0] == 0
    assert _files(tmp_path / "again") == _files(fresh / "dataset")


def test_committed_dataset_equals_a_fresh_build(fresh: Path) -> None:
    committed = ROOT / "dataset"
    assert (committed / MANIFEST).read_text() == (fresh / "dataset" / MANIFEST).read_text()
    writer = pq.ParquetFile(table_path(committed, "documents")).metadata.created_by
    if writer == f"parquet-cpp-arrow version {pa.__version__}":
        assert _files(committed) == _files(fresh / "dataset")
    else:  # another pyarrow writes other bytes; the rows must still be the same
        for table in TABLES:
            assert read_arrow(committed, table).equals(read_arrow(fresh / "dataset", table)), table


def test_committed_card_is_up_to_date(fresh: Path) -> None:
    assert (fresh / "README.md").read_text() == (ROOT / "README.md").read_text(), (
        "README.md's generated parts are stale: run `conflict-counts build`"
    )


def test_no_pandas_index_metadata() -> None:
    for table in TABLES:
        metadata = pq.read_schema(table_path(ROOT / "dataset", table)).metadata
        assert b"pandas" not in metadata
        assert b"conflict_counts" in metadata

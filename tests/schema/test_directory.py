"""`conflict-counts validate` on a built folder: passes when intact, names every fault."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conflict_counts.dataset import TABLES, table_path
from conflict_counts.schema.columns import ARROW_SCHEMAS
from tests.conftest import ROOT, build_args


@pytest.fixture
def built(mini: Path, run_cli, tmp_path: Path) -> Path:
    out = tmp_path / "dataset"
    assert run_cli(*build_args(mini, out))[0] == 0
    return out


def _rewrite(path: Path, table: pa.Table) -> None:
    pq.write_table(table.replace_schema_metadata(pq.read_schema(path).metadata), path)


def test_committed_dataset_is_valid(run_cli) -> None:
    code, out, err = run_cli("validate", str(ROOT / "dataset"))
    assert (code, err) == (0, "")
    assert out.strip().endswith("valid")


def test_fresh_build_is_valid(built: Path, run_cli) -> None:
    assert run_cli("validate", str(built))[0] == 0


def test_tampered_rows_fail_checksum_and_checks(built: Path, run_cli) -> None:
    path = table_path(built, "mentions")
    table = pq.read_table(path)
    starts = table.column("start").to_pylist()
    starts[1] += 1
    _rewrite(path, table.set_column(2, "start", pa.array(starts, pa.int64())))

    code, _, err = run_cli("validate", str(built))

    assert code == 2
    assert f"{path}: content checksum differs from the manifest" in err
    assert f"{path}: row 1, start: 'al-Hasakah' does not match the text at 53:62" in err


def test_tokens_view_must_agree_with_mentions(built: Path, run_cli) -> None:
    path = table_path(built, "tokens")
    rows = pq.read_table(path).to_pylist()
    rows[0]["ner_tags"] = [0] * len(rows[0]["ner_tags"])
    _rewrite(path, pa.Table.from_pylist(rows, schema=ARROW_SCHEMAS["tokens"]))
    code, _, err = run_cli("validate", str(built))
    assert code == 2
    assert "tokens.parquet: row 0, ner_tags: differs from the projection of the spans" in err


def test_version_in_files_must_match_manifest(built: Path, run_cli) -> None:
    manifest = built / "manifest.json"
    data = json.loads(manifest.read_text())
    data["version"] = "9.9.9"
    manifest.write_text(json.dumps(data))
    code, _, err = run_cli("validate", str(built))
    assert code == 2
    assert err.count("differs from the manifest's '9.9.9'") == len(TABLES)


def test_missing_folder_is_one_line(run_cli, tmp_path: Path) -> None:
    code, _, err = run_cli("validate", str(tmp_path / "nowhere"))
    assert code == 2
    assert "Traceback" not in err
    nowhere = tmp_path / "nowhere"
    assert err.strip().splitlines() == [f"error: {nowhere}: no such folder; give a built dataset folder"]


def _set_column(table: pa.Table, name: str, values: pa.Array) -> pa.Table:
    return table.set_column(table.schema.get_field_index(name), name, values)


def _rewrite_table(built: Path, name: str, change) -> None:
    path = table_path(built, name)
    table = pq.read_table(path)
    pq.write_table(change(table), path)


DAMAGE = {
    "manifest is a list": lambda d: (d / "manifest.json").write_text("[1, 2]"),
    "manifest tables is a list": lambda d: (d / "manifest.json").write_text(
        json.dumps({"name": "conflict-counts", "version": "1.0.0", "tables": []})
    ),
    "NaN in a float column": lambda d: _rewrite_table(
        d, "claims", lambda t: _set_column(t, "low", pa.array([float("nan")] * t.num_rows, pa.float64()))
    ),
    "timestamp column": lambda d: _rewrite_table(
        d, "claims", lambda t: _set_column(t, "low", pa.array([0] * t.num_rows, pa.timestamp("s")))
    ),
    "malformed key-value metadata": lambda d: _rewrite_table(
        d,
        "claims",
        lambda t: t.replace_schema_metadata({b"conflict_counts": b"{not json", b"huggingface": b"["}),
    ),
    "duplicated documents row": lambda d: _rewrite_table(d, "documents", lambda t: pa.concat_tables([t, t])),
    "null text": lambda d: _rewrite_table(
        d, "documents", lambda t: _set_column(t, "text", pa.array([None] * t.num_rows, pa.string()))
    ),
    "string offsets": lambda d: _rewrite_table(
        d, "claims", lambda t: _set_column(t, "start", pa.array([str(v) for v in t["start"].to_pylist()]))
    ),
    "croissant.json missing": lambda d: (d / "croissant.json").unlink(),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_folder_is_reported_in_clear_lines(
    built: Path, run_cli, damage: str, tmp_path: Path
) -> None:
    DAMAGE[damage](built)
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps({"doc_id": "0123456789abcdef", "mentions": [], "claims": []}) + "\n")
    for command in (["validate", str(built)], ["score", "--pred", str(pred), "--gold", str(built)]):
        code, out, err = run_cli(*command)
        assert code == 2 and out == "", (command, err)
        assert err and all(line.startswith("error: ") for line in err.splitlines()), err
        assert "Traceback" not in err


@pytest.mark.parametrize("offset", [1, 4, 100, -100, -5])
def test_single_byte_flips_in_a_table_are_caught(built: Path, run_cli, offset: int) -> None:
    path = table_path(built, "claims")
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))
    code, _, err = run_cli("validate", str(built))
    assert code == 2 and "Traceback" not in err
    assert str(path) in err

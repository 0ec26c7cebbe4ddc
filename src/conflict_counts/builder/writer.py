"""Writing tables so that two builds with the same pyarrow give byte-identical files.

Rows are sorted (see ``SORT_KEYS``), there is no pandas index metadata, and writer
options are fixed. The manifest's checksums hash the rows themselves (canonical JSON),
so they do not change with the pyarrow that wrote the files.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from conflict_counts.atomic import replace_directory, write_text
from conflict_counts.builder.features import features_for
from conflict_counts.dataset import MANIFEST, content_checksum, table_path
from conflict_counts.targets import DATASET_NAME, is_dataset_folder

WRITE_OPTIONS = {
    "compression": "zstd",
    "compression_level": 9,
    "use_dictionary": False,
    "write_statistics": True,
    "version": "2.6",
    "data_page_version": "1.0",
    "store_schema": True,
}

# The dataset card a build is about to write, kept in the new dataset folder until it is
# written: a build killed between the folder swap and the card write leaves it there, and
# the next build writes it first (``validate`` reports the card as out of date meanwhile).
PENDING_CARD = ".pending-card.json"


def _with_metadata(table: pa.Table, name: str, version: str) -> pa.Table:
    hf = json.dumps({"info": {"features": features_for(name).to_dict()}}, sort_keys=True)
    ours = json.dumps({"name": "conflict-counts", "table": name, "version": version}, sort_keys=True)
    return table.replace_schema_metadata({"huggingface": hf, "conflict_counts": ours})


def encode_table(table: pa.Table, name: str, version: str) -> bytes:
    """The Parquet file of one table, exactly as the build writes it."""
    buffer = BytesIO()
    pq.write_table(_with_metadata(table, name, version), buffer, **WRITE_OPTIONS)
    return buffer.getvalue()


@dataclass(frozen=True)
class SplitSize:
    """What `datasets` records for a split: it checks the card's ``splits`` for these fields."""

    num_examples: int
    num_bytes: int  # Arrow bytes `datasets` writes to its cache
    download_size: int  # bytes of the Parquet file


def split_size(parquet: bytes, name: str) -> SplitSize:
    """The sizes `datasets` computes when it prepares this Parquet file.

    Its Parquet reader yields one Arrow table per row group, cast to the features, and its
    writer adds up their ``nbytes``; doing the same here keeps the card's ``num_bytes``
    equal to what `datasets` reports (a test checks it).
    """
    from datasets.table import table_cast

    schema = features_for(name).arrow_schema
    file = pq.ParquetFile(BytesIO(parquet))
    num_bytes = sum(
        table_cast(file.read_row_group(group).combine_chunks(), schema).nbytes
        for group in range(file.num_row_groups)
    )
    return SplitSize(file.metadata.num_rows, num_bytes, len(parquet))


def manifest(tables: dict[str, pa.Table], version: str) -> dict[str, object]:
    """``manifest.json``: version, and per table its rows and content checksum (what load verifies)."""
    return {
        "name": DATASET_NAME,
        "version": version,
        "checksum": "sha256 of canonical JSON rows (see conflict_counts.dataset.content_checksum)",
        "tables": {
            name: {
                "file": table_path(Path("."), name).name,
                "rows": table.num_rows,
                "columns": table.column_names,
                "content_sha256": content_checksum(table),
            }
            for name, table in sorted(tables.items())
        },
    }


def finish_pending_card(directory: Path) -> None:
    """Write the card an interrupted build left in ``directory``, so card and data agree again."""
    pending = Path(directory) / PENDING_CARD
    try:
        record = json.loads(pending.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return  # none, or another build has just written it
    write_text(record["card"], record["text"])
    pending.unlink(missing_ok=True)


def write_dataset(
    tables: dict[str, pa.Table],
    directory: Path,
    version: str,
    extras: Callable[[Path], dict[str, bytes]] | None = None,
    card: tuple[Path, str] | None = None,
) -> None:
    """Write every table and the manifest into a fresh folder, then swap it in whole.

    ``extras`` sees the staged tables (Croissant needs their file digests) and returns
    further files to write beside them. ``card`` (path, text) is written right after the
    swap: the new folder carries it until then, so that card and data change together.
    """
    directory = Path(directory)
    finish_pending_card(directory)

    def fill(staging: Path) -> None:
        for name, table in tables.items():
            table_path(staging, name).write_bytes(encode_table(table, name, version))
        document = json.dumps(manifest(tables, version), indent=2, sort_keys=True) + "\n"
        (staging / MANIFEST).write_text(document, encoding="utf-8")
        for name, content in (extras(staging) if extras else {}).items():
            (staging / name).write_bytes(content)
        if card is not None:
            record = {"card": str(Path(card[0]).absolute()), "text": card[1]}
            (staging / PENDING_CARD).write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")

    replace_directory(directory, fill, is_dataset_folder, after=lambda: finish_pending_card(directory))

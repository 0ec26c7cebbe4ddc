"""The built dataset on disk: table names, their files, and reading them back."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from conflict_counts.errors import InputError
from conflict_counts.layout import DATASET_DIR

TABLES: tuple[str, ...] = ("documents", "mentions", "entities", "claims", "tokens")
DEFAULT_DATASET_DIR = DATASET_DIR


def table_path(directory: Path, table: str) -> Path:
    return Path(directory) / f"{table}.parquet"


def read_table(directory: Path, table: str) -> pd.DataFrame:
    """One table of a built dataset as a DataFrame (nullable columns keep their nulls)."""
    path = table_path(directory, table)
    if not path.is_file():
        raise InputError.at(str(path), None, None, f"missing table {table!r}; run `conflict-counts build`")
    return pq.read_table(path).to_pandas(types_mapper=_nullable_types)


def _nullable_types(arrow_type):
    import pyarrow as pa

    if pa.types.is_integer(arrow_type):
        return pd.Int64Dtype()
    if pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type):
        return pd.StringDtype()
    return None

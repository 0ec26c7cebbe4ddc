"""Validate a set of tables: every Pandera model, then every cross-table check."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from conflict_counts.schema.checks import CROSS_TABLE_CHECKS, Frames
from conflict_counts.schema.failures import Failure
from conflict_counts.schema.tables import MODELS


def _model_failures(table: str, frame: pd.DataFrame) -> list[Failure]:
    try:
        MODELS[table].validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases
        failures = set()
        for case in cases.itertuples(index=False):
            row = None if pd.isna(case.index) else int(case.index)
            column = case.column if isinstance(case.column, str) and case.column != table else None
            if case.schema_context == "DataFrameSchema" and row is not None:
                column = None  # a row-wide check: pandera lists it once a column
            failures.add(Failure(table, row, column, _message(case)))
        return sorted(failures, key=lambda f: (-1 if f.row is None else f.row, f.column or "", f.message))
    return []


def _message(case: object) -> str:
    check, value = str(case.check), case.failure_case
    if check.startswith("isin("):
        return f"{value!r} is not one of {check[5:-1]}"
    if check.startswith("str_matches("):
        return f"{value!r} does not match {check[12:-1]}"
    if check == "field_uniqueness" or check.startswith("unique"):
        return f"duplicate value {value!r}"
    if check == "not_nullable":
        return "must not be null"
    if check in ("column_in_dataframe", "column_in_schema"):
        return f"column {value!r}: {check.replace('_', ' ')}"
    if check.startswith("dtype("):
        return f"expected type {check[6:-1]}, got {value}"
    if check.startswith(("greater_than", "less_than", "str_length")):
        return f"{value!r} fails {check}"
    return check


def validate_tables(frames: Frames) -> list[Failure]:
    """All failures at once; cross-table checks run only on tables whose columns are right."""
    failures = [f for table, frame in frames.items() for f in _model_failures(table, frame)]
    structural = {f.table for f in failures if f.row is None}
    if not structural:
        for check in CROSS_TABLE_CHECKS:
            failures.extend(check(frames))
    return failures

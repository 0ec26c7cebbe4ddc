"""A failed check located by table, row and column; callers map it to a file and line."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Failure:
    """One failed check, located by table, row and column so the build can point at the YAML line."""
    table: str
    row: int | None  # positional row of the table, None for a table-wide failure
    column: str | None
    message: str
    # Which source input must be complete for this failure to be a root one (see
    # conflict_counts.errors.Problem.presumes): "documents", "entities" or "groups".
    presumes: str | None = field(default=None, compare=False)

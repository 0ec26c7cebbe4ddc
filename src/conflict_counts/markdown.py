"""Markdown tables, one way for the card, the score report and the leaderboard.

>>> print("\\n".join(table(["model", "F1"], [["rules", 0.9]], numeric=[False, True])))
| model | F1 |
|---|---:|
| rules | 0.9 |
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def table(
    header: Sequence[object], rows: Iterable[Sequence[object]], numeric: Sequence[bool] | None = None
) -> list[str]:
    """The lines of a GitHub-flavoured table; ``numeric`` columns are right-aligned."""
    align = numeric if numeric is not None else [False] * len(header)
    lines = ["| " + " | ".join(str(cell) for cell in header) + " |",
             "|" + "|".join("---:" if right else "---" for right in align) + "|"]
    return [*lines, *("| " + " | ".join(str(cell) for cell in row) + " |" for row in rows)]

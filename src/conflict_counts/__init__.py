"""ConflictCounts: entities and conflicting numeric claims in news on ISIS escapes in north-east Syria."""

from __future__ import annotations

from typing import Any

from conflict_counts.version import __version__

__all__ = ["__version__", "score"]


def __getattr__(name: str) -> Any:
    # Lazy, so that `import conflict_counts` stays cheap: `conflict_counts.score(...)`
    # loads the scorer on first use (the subpackage of that name is callable too).
    if name == "score":
        from conflict_counts.score.api import score

        globals()["score"] = score
        return score
    raise AttributeError(f"module 'conflict_counts' has no attribute {name!r}")

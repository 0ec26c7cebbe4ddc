"""ConflictCounts: entities and conflicting numeric claims in news on ISIS escapes in north-east Syria.

``conflict_counts.score`` and ``conflict_counts.compare`` are the scorer's two functions
(:mod:`conflict_counts.scorer.api`), loaded on first use so that ``import conflict_counts`` stays
cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from conflict_counts.version import __version__

if TYPE_CHECKING:
    from conflict_counts.scorer.api import compare, score

__all__ = ["__version__", "compare", "score"]


def __getattr__(name: str) -> Any:
    if name in ("score", "compare"):
        from conflict_counts.scorer import api

        function = getattr(api, name)
        globals()[name] = function
        return function
    raise AttributeError(f"module 'conflict_counts' has no attribute {name!r}")

"""ConflictCounts: entities and conflicting numeric claims in news on ISIS escapes in north-east Syria."""

from conflict_counts.version import __version__

__all__ = ["__version__"]

"""What Inspect imports through the package's ``inspect_ai`` entry point: the tasks."""

from conflict_counts.harness.inspect_tasks import conflictcounts_claims, conflictcounts_entities

__all__ = ["conflictcounts_claims", "conflictcounts_entities"]

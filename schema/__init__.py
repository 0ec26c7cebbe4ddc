"""Pandera models of the five tables and the checks across tables (``conflict_counts.schema``)."""


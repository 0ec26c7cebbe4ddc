"""Baseline extractors (``conflict_counts.baselines``): rules, learned, a peer and an LLM adapter."""


"""Peer references: outside tools run through the same prediction format (optional extras)."""

from __future__ import annotations

from conflict_counts.baselines.peer.quantulum import PeerUnavailable, QuantulumBaseline, available

__all__ = ["PeerUnavailable", "QuantulumBaseline", "available"]

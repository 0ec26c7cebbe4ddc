"""Counts in messages and reports read as English: "1 document", "5 documents"."""

from __future__ import annotations


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """``number`` with ``noun`` in the singular for exactly one, else the plural (default: noun + "s")."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"

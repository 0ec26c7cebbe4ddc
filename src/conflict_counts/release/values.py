"""How a claim's normalised value reads to a person: the one formatter of the card, figure and viewer.

It follows the qualifier table of ANNOTATION_GUIDELINES.md: ``at_least`` ≥ v, ``more_than``
> v, ``nearly`` just under v (< v), ``at_most`` ≤ v, ``approx`` about v (≈ v).
"""

from __future__ import annotations


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,g}"


def _bound(value: float | None) -> float | None:
    """None for an open bound, whether it arrives as None, NaN or pandas' NA."""
    try:
        return None if value is None or value != value else float(value)
    except TypeError:  # pandas.NA refuses comparison
        return None


def value_text(low: float | None, high: float | None, qualifier: str) -> str:
    """The claim's value as a reader says it: '≥ 23', '> 100', '< 800', '200–999', '≈ 100'.

    A bound of ``None`` (or NaN, as pandas gives it) is open.
    """
    low, high = _bound(low), _bound(high)
    if low is not None and high is not None:
        text = _number(low) if low == high else f"{_number(low)}–{_number(high)}"
        return f"≈ {text}" if qualifier == "approx" else text
    if low is not None:
        return f"> {_number(low)}" if qualifier == "more_than" else f"≥ {_number(low)}"
    if high is not None:
        return f"< {_number(high)}" if qualifier == "nearly" else f"≤ {_number(high)}"
    return "?"


def interval_text(low: float | None, high: float | None) -> str:
    """The stored interval with open bounds spelled out: '[200, 999]', '[open, 800]'."""
    def show(value: float | None) -> str:
        return "open" if value is None else _number(value)

    return f"[{show(low)}, {show(high)}]"

"""How a claim's normalised value reads to a person; shared by the figure and the HTML viewer."""

from __future__ import annotations


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,g}"


def value_text(low: float | None, high: float | None, qualifier: str) -> str:
    """The claim's value as a reader says it: '≥ 23', '< 800 (nearly)', '200–999', '≈ 100'."""
    if low is not None and high is not None:
        text = _number(low) if low == high else f"{_number(low)}–{_number(high)}"
        return f"≈ {text}" if qualifier == "approx" else text
    if low is not None:
        return f"> {_number(low)}" if qualifier == "more_than" else f"≥ {_number(low)}"
    if high is not None:
        return f"< {_number(high)} (nearly)" if qualifier == "nearly" else f"≤ {_number(high)}"
    return "?"


def interval_text(low: float | None, high: float | None) -> str:
    """The stored interval with open bounds spelled out: '[200, 999]', '[open, 800]'."""
    def show(value: float | None) -> str:
        return "open" if value is None else _number(value)

    return f"[{show(low)}, {show(high)}]"

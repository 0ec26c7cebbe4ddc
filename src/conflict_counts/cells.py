"""Table cells as plain Python values: one rule for nulls in every module that reads a frame.

pandas gives a missing cell as ``pd.NA`` (nullable columns), ``NaN`` (float columns) or ``None``
(object columns), and numbers as NumPy scalars. Records, JSON reports and error messages want
``None`` and plain ``int``/``float``/``str``; :func:`plain` is the one conversion.

>>> import numpy as np, pandas as pd
>>> [plain(pd.NA), plain(float("nan")), plain(np.int64(3)), plain("x"), plain([1, 2])]
[None, None, 3, 'x', [1, 2]]
"""

from __future__ import annotations

import pandas as pd


def plain(cell: object) -> object:
    """``cell`` with every kind of null as None and a NumPy scalar as its Python value."""
    if cell is None:
        return None
    try:
        if pd.isna(cell):
            return None
    except (TypeError, ValueError):  # a list or array cell: not a null
        return cell
    return cell.item() if hasattr(cell, "item") else cell


def optional_int(cell: object) -> int | None:
    """An integer cell that may be null (an absent span offset)."""
    cell = plain(cell)
    return None if cell is None else int(cell)


def optional_float(cell: object) -> float | None:
    """A float cell that may be null (an open bound)."""
    cell = plain(cell)
    return None if cell is None else float(cell)


def optional_str(cell: object) -> str | None:
    """A string cell that may be null."""
    cell = plain(cell)
    return None if cell is None else str(cell)

"""The scorer (README.md, Scoring): entities, linking, claims and claim groups, with bootstrap intervals.

``conflict_counts.score(...)`` and ``conflict_counts.score.score(...)`` are the same
function (see :mod:`conflict_counts.score.api`); this subpackage is callable so that
the top-level name works whichever of the two was imported first.
"""

from __future__ import annotations

import sys
import types
from typing import Any


def score(*args: Any, **kwargs: Any) -> dict:
    """Score predictions against the gold; see :func:`conflict_counts.score.api.score`."""
    from conflict_counts.score.api import score as _score

    return _score(*args, **kwargs)


def compare(*args: Any, **kwargs: Any) -> dict:
    """Paired bootstrap comparison; see :func:`conflict_counts.score.api.compare`."""
    from conflict_counts.score.api import compare as _compare

    return _compare(*args, **kwargs)


class _CallableModule(types.ModuleType):
    def __call__(self, *args: Any, **kwargs: Any) -> dict:
        return score(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule

__all__ = ["compare", "score"]

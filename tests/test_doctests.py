"""The examples in the package's docstrings run, and give what they show."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

# The three roots of the one package (setup.py): each is walked on its own folder.
ROOTS = ("conflict_counts", "conflict_counts.schema", "conflict_counts.baselines")
MODULES = sorted(
    {
        info.name
        for root in ROOTS
        for info in pkgutil.walk_packages(importlib.import_module(root).__path__, prefix=f"{root}.")
    }
    | set(ROOTS)
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import ROOT

    monkeypatch.chdir(ROOT)  # examples read the committed dataset/ of the checkout
    try:
        module = importlib.import_module(name)
    except ImportError as error:  # a module of an extra that is not installed
        pytest.skip(f"{name}: {error}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0

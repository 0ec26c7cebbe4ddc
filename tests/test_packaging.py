"""The one import package is discovered, not listed: every module under its three roots ships."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT

PACKAGE_ROOTS = [ROOT / "src" / "conflict_counts", ROOT / "schema", ROOT / "baselines"]


def test_every_module_folder_is_a_package() -> None:
    """Discovery finds folders with ``__init__.py`` only; a folder without one would silently not ship."""
    folders = {path.parent for root in PACKAGE_ROOTS for path in root.rglob("*.py")}
    missing = sorted(str(f.relative_to(ROOT)) for f in folders if not (f / "__init__.py").exists())
    assert missing == []


def test_the_package_is_typed() -> None:
    """``py.typed`` lets a type checker read the installed package."""
    assert (Path(ROOT) / "src" / "conflict_counts" / "py.typed").exists()

"""Writing the pages atomically: a fresh folder beside the target, swapped in whole.

A reader never sees a half-written site, and a failed run leaves the old one in place.
Only an empty folder or one written by this viewer (it holds :data:`MARKER`) is
replaced, so ``--out`` pointing at a folder of other files is refused, not wiped.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from conflict_counts.atomic import replace_directory

MARKER = ".conflict-counts-view"


def written_by_view(directory: Path) -> bool:
    """Whether ``directory`` is a site this viewer wrote (it holds :data:`MARKER`), so may be replaced."""
    return (Path(directory) / MARKER).is_file()


def write_site(pages: Mapping[str, str], out: Path) -> None:
    """Write ``pages`` (file name → HTML) as the folder ``out``, replacing an earlier view.

    The caller checks ``out`` first (:func:`conflict_counts.targets.check_output_folder`).
    """
    out = Path(out)

    def fill(staging: Path) -> None:
        for name, page in pages.items():
            (staging / name).write_text(page, encoding="utf-8", newline="\n")
        (staging / MARKER).write_text("written by conflict-counts view; replaced whole on the next run\n",
                                      encoding="utf-8")

    replace_directory(out, fill, written_by_view)

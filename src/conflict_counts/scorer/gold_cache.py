"""What the scorer derives from a gold folder alone, kept between runs: that it passed its
checks, and its sentences (the bootstrap units).

Checking a gold folder (``conflict-counts validate``'s checks for a built one, a prediction
file's rules for a hand-made one) and splitting its texts into sentences take seconds at a
million mentions and depend on nothing but the folder's files and this program. After they
succeed, the sentence starts are written to one file named by a SHA-256 of the bytes of every
file the checks read (``READ``), this package's version and its source code; a later run on the same
files finds that file and skips both steps. A changed byte in the folder, another version or
an edited checkout gives another name, so a stale entry is never read, and a folder that
fails its checks is never cached (its errors are reported as before, every run).

The cache lives in ``$CONFLICT_COUNTS_CACHE_DIR`` if set (set it empty to turn the cache off),
else ``$XDG_CACHE_HOME/conflict-counts``, else ``~/.cache/conflict-counts``; never in the
dataset folder or beside any input. Entries are written whole (``atomic.create_bytes``), never
replace a file, and nothing is ever deleted. A cache that cannot be read or written is
skipped without a word: it only saves time.
"""

from __future__ import annotations

import importlib.util
import io
import os
from pathlib import Path

import numpy as np

from conflict_counts.dataset import TABLES
from conflict_counts.hashing import bytes_sha256, file_sha256
from conflict_counts.layout import CROISSANT, MANIFEST
from conflict_counts.version import __version__

CACHE_ENV = "CONFLICT_COUNTS_CACHE_DIR"
# Every file the checks of a gold folder read (a built one's tables, manifest and published
# checksums; a hand-made one's three tables): the entry's name covers each, present or not.
READ = (*(f"{table}.parquet" for table in TABLES), MANIFEST, CROISSANT)
FORMAT = "conflict-counts gold cache 1"  # bump when the entry's content changes


def cache_dir() -> Path | None:
    """The folder the cache lives in; None when the user turned it off."""
    if CACHE_ENV in os.environ:
        return Path(os.environ[CACHE_ENV]) if os.environ[CACHE_ENV] else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "conflict-counts"


def _source_digest() -> str:
    """SHA-256 over this package's Python sources (an edited checkout must not reuse entries)."""
    roots = {Path(__file__).resolve().parents[1]}
    spec = importlib.util.find_spec("conflict_counts.schema")  # installed inside the package
    if spec is not None and spec.submodule_search_locations:
        roots |= {Path(p).resolve() for p in spec.submodule_search_locations}
    lines = [f"{path.relative_to(root)} {file_sha256(path)}"
             for root in sorted(roots) for path in sorted(root.rglob("*.py"))]
    return bytes_sha256("\n".join(lines).encode())


def entry_path(directory: Path) -> Path | None:
    """Where the entry of the gold ``directory`` as it is now lives; None if the cache is off
    or the folder cannot be read (the checks then name the problem)."""
    folder = cache_dir()
    if folder is None:
        return None
    lines = [FORMAT, __version__, _source_digest()]
    try:
        for name in READ:
            path = Path(directory) / name
            lines.append(f"{name} {file_sha256(path) if path.is_file() else 'absent'}")
    except OSError:
        return None
    key = bytes_sha256("\n".join(lines).encode())
    return folder / "gold" / f"{key}.npz"


def read(entry: Path | None) -> list[np.ndarray] | None:
    """The cached sentence starts of each document (in the documents table's order, as
    :func:`conflict_counts.scorer.units.document_starts` gives them); None when there is no
    usable entry."""
    if entry is None or not entry.is_file():
        return None
    try:
        with np.load(entry, allow_pickle=False) as stored:
            counts, starts = stored["counts"], stored["starts"]
    except (OSError, ValueError, KeyError, EOFError):  # unreadable or not ours: recompute
        return None
    if counts.ndim != 1 or starts.ndim != 1 or np.any(counts < 1) or int(counts.sum()) != len(starts):
        return None
    return np.split(starts.astype(np.int64), np.cumsum(counts)[:-1]) if len(counts) else []


def write(entry: Path | None, starts: list[list[int]]) -> None:
    """Store an entry (if none is there); a cache that cannot be written is left alone."""
    if entry is None:
        return
    from conflict_counts.atomic import create_bytes

    counts = np.fromiter((len(s) for s in starts), dtype=np.int64, count=len(starts))
    flat = np.fromiter((x for s in starts for x in s), dtype=np.int64, count=int(counts.sum()))
    buffer = io.BytesIO()
    np.savez(buffer, counts=counts, starts=flat)
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        create_bytes(entry, buffer.getvalue())
    except OSError:
        pass

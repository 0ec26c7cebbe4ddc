"""Loading the dataset with `datasets`, guarded against its two local-folder traps.

1. ``revision=`` is ignored for a local folder: a released version is loaded from its
   own export (``git archive`` of the tag), never from whatever the work tree holds.
2. The cache key of a local folder ignores file contents: the card header carries each
   table's checksum (see :mod:`conflict_counts.builder.card`), and :func:`load` checks the
   rows it got against ``dataset/manifest.json``, reloading once without the cache if
   they differ, and failing loudly if they still do.
"""

from __future__ import annotations

import subprocess
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

import datasets

from conflict_counts.dataset import content_checksum, read_manifest
from conflict_counts.errors import InputError
from conflict_counts.layout import DATASET_DIR

EXPORT_CACHE = Path(tempfile.gettempdir()) / "conflict-counts-releases"


def export_release(root: Path, version: str, cache: Path = EXPORT_CACHE) -> Path:
    """The tree of tag ``v<version>`` in its own folder (made once, keyed by commit)."""
    tag = version if version.startswith("v") else f"v{version}"
    try:
        commit = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--verify", f"{tag}^{{commit}}"],
            check=True, capture_output=True, text=True,
        ).stdout.strip()
    except (subprocess.CalledProcessError, FileNotFoundError):
        raise InputError.at(str(root), None, "version", f"no git tag {tag!r} in this checkout") from None
    target = Path(cache) / f"{tag}-{commit[:12]}"
    if not (target / DATASET_DIR / "manifest.json").is_file():
        archive = subprocess.run(
            ["git", "-C", str(root), "archive", "--format=tar", commit, "README.md", str(DATASET_DIR)],
            check=True, capture_output=True,
        ).stdout
        Path(cache).mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=cache))
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(staging, filter="data")
        if not target.exists():  # another process may have exported it meanwhile
            staging.rename(target)
    return target


def load(
    config: str, root: Path | str = ".", version: str | None = None, **kwargs: object
) -> datasets.Dataset:
    """``datasets.load_dataset(root, config, split="test")``, verified against the manifest."""
    folder = export_release(Path(root), version) if version else Path(root)
    expected = read_manifest(folder / DATASET_DIR)["tables"][config]["content_sha256"]
    dataset = datasets.load_dataset(str(folder), config, split="test", **kwargs)
    if content_checksum(dataset.data.table) != expected:
        dataset = datasets.load_dataset(
            str(folder), config, split="test", download_mode="force_redownload", **kwargs
        )
        if content_checksum(dataset.data.table) != expected:
            raise InputError.at(str(folder), None, config, "loaded rows differ from dataset/manifest.json")
    return dataset

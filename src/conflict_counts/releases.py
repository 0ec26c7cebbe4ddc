"""The release record: which commit holds each released version.

Git tags do not travel with every copy of the history (a clone made with ``--no-tags``,
an export, a mirror), so a release must not live only in a tag. ``releases.tsv`` in the
root of the checkout is committed with the history and lists, one line a release, the
version, its date and the commit whose ``dataset/`` and card are that release. Any
clone can therefore get back any released version::

    commit=$(awk -F'\\t' '$1 == "1.0.0" {print $3}' releases.tsv)
    git worktree add ../conflict-counts-1.0.0 "$commit"

:func:`conflict_counts.load.load` does the same with ``version=``.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from conflict_counts.errors import InputError

RECORD = Path("releases.tsv")
HEADER = ("version", "date", "commit")
TAB = "\t"
VERSION = re.compile(r"\d+\.\d+\.\d+")


@dataclass(frozen=True)
class Release:
    """One line of ``releases.tsv``: a version, its date and the commit that holds it."""
    version: str
    date: str  # YYYY-MM-DD, as in CHANGELOG.md
    commit: str  # full hex id of the commit holding the release


def read_releases(path: Path) -> list[Release]:
    """Every recorded release, oldest first; a malformed line is an error naming it."""
    if not path.is_file():
        raise InputError.at(str(path), None, None, "no release record (a ConflictCounts checkout has one)")
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or tuple(lines[0].split("\t")) != HEADER:
        raise InputError.at(str(path), 1, None, f"expected the header {TAB.join(HEADER)!r}")
    releases = []
    for number, line in enumerate(lines[1:], start=2):
        fields = line.split("\t")
        if len(fields) != len(HEADER) or not VERSION.fullmatch(fields[0]) or not re.fullmatch(
            r"[0-9a-f]{40}", fields[2]
        ):
            raise InputError.at(str(path), number, None, f"expected version, date, commit; got {line[:80]!r}")
        releases.append(Release(*fields))
    return releases


def find_release(path: Path, version: str) -> Release:
    """The record of ``version`` (a leading ``v`` is allowed), or one clear line naming the known ones."""
    version = version.removeprefix("v")
    releases = read_releases(path)
    for release in releases:
        if release.version == version:
            return release
    known = ", ".join(r.version for r in releases) or "none"
    raise InputError.at(str(path), None, "version", f"no release {version!r} (recorded: {known})")


def record_line(release: Release) -> str:
    """A release as one tab-separated line of ``releases.tsv``."""
    return TAB.join((release.version, release.date, release.commit)) + "\n"


def git(root: Path, *args: str) -> str:
    """Run git in ``root``; its failure becomes one line naming the command."""
    try:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True)
    except FileNotFoundError:
        raise InputError.at(str(root), None, None, "git is not installed") from None
    if result.returncode != 0:
        message = (result.stderr.strip().splitlines() or ["failed"])[-1]
        raise InputError.at(str(root), None, None, f"git {' '.join(args)}: {message[:160]}")
    return result.stdout


def has_commit(root: Path, commit: str) -> bool:
    """Whether the repository at ``root`` holds ``commit`` (a shallow clone may not)."""
    try:
        git(root, "cat-file", "-e", f"{commit}^{{commit}}")
    except InputError:
        return False
    return True

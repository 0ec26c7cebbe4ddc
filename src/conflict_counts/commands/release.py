"""Cut a release: bump the version everywhere, date the changelog, rebuild, commit, record, tag.

``conflict-counts release minor`` (or ``major``, ``patch``, or a version such as ``1.1.0``)
in a clean checkout whose CHANGELOG.md has an ``## [Unreleased]`` section:

1. the version goes into the package (``src/conflict_counts/version.py``), CITATION.cff
   (with the date) and the card's BibTeX; ``## [Unreleased]`` becomes ``## [X.Y.Z] - DATE``;
2. ``benchmark`` (or ``build`` with ``--no-benchmark``) rebuilds the dataset, the card and
   the leaderboard for the new version;
3. all of it is committed as ``Release X.Y.Z``; ``releases.tsv`` then records that commit
   (a second commit, since a commit cannot name itself), and the tag ``vX.Y.Z`` is made.

The record, not the tag, is what ``load(..., version=)`` and the README's shell recipe
use: tags do not travel with every clone. Nothing is committed if any step fails, and
the files the command changed are restored.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from pathlib import Path

from conflict_counts import version as package_version
from conflict_counts.errors import InputError
from conflict_counts.layout import CARD, CHANGELOG, DATASET_DIR
from conflict_counts.releases import RECORD, VERSION, Release, git, read_releases, record_line

VERSION_FILE = Path("src/conflict_counts/version.py")
CITATION = Path("CITATION.cff")
UNRELEASED = "## [Unreleased]"
PARTS = ("major", "minor", "patch")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("version", metavar="VERSION",
                        help="major, minor, patch (which part to bump) or the new version X.Y.Z")
    parser.add_argument("--date", type=dt.date.fromisoformat,
                        help="release date YYYY-MM-DD (default: today, UTC)")
    parser.add_argument("--no-benchmark", action="store_true",
                        help="rebuild only; leave the leaderboard in the card as it is")


def run(args: argparse.Namespace) -> int:
    from conflict_counts.cli import main

    root = Path(".")
    current = package_version.__version__
    new = next_version(current, args.version)
    date = (args.date or dt.datetime.now(dt.timezone.utc).date()).isoformat()
    edits = planned_edits(root, current, new, date)
    check_ready(root, new)
    touched = [*edits, DATASET_DIR]
    try:
        for path, text in edits.items():
            path.write_text(text, encoding="utf-8")
        package_version.__version__ = new  # this process now builds the new version
        code = main(["build"] if args.no_benchmark else ["benchmark"])
        if code != 0:
            raise InputError.at("release", None, None, f"the rebuild failed (exit {code}); nothing committed")
        git(root, "add", "--", *(p.as_posix() for p in touched))
        git(root, "commit", "-q", "-m", f"Release {new}")
    except BaseException:
        git(root, "checkout", "HEAD", "--", *(p.as_posix() for p in touched))
        package_version.__version__ = current
        raise
    commit = git(root, "rev-parse", "HEAD").strip()
    with (root / RECORD).open("a", encoding="utf-8") as record:
        record.write(record_line(Release(new, date, commit)))
    git(root, "add", "--", RECORD.as_posix())
    git(root, "commit", "-q", "-m", f"Record release {new}: commit {commit[:12]}")
    git(root, "tag", f"v{new}", commit)
    print(f"released {new} ({date}): commit {commit[:12]}, recorded in {RECORD}, tag v{new}")
    return 0


def next_version(current: str, wanted: str) -> str:
    """``wanted`` as a version: a part to bump, or an explicit X.Y.Z above ``current``."""
    major, minor, patch = (int(part) for part in current.split("."))
    if wanted in PARTS:
        bumped = {"major": (major + 1, 0, 0), "minor": (major, minor + 1, 0),
                  "patch": (major, minor, patch + 1)}
        return ".".join(str(part) for part in bumped[wanted])
    if not VERSION.fullmatch(wanted):
        expected = f"expected {', '.join(PARTS)} or X.Y.Z, got {wanted!r}"
        raise InputError.at("command line", None, "VERSION", expected)
    if tuple(int(p) for p in wanted.split(".")) <= (major, minor, patch):
        raise InputError.at("command line", None, "VERSION", f"{wanted} is not above the current {current}")
    return wanted


def planned_edits(root: Path, current: str, new: str, date: str) -> dict[Path, str]:
    """Every file the version lives in, with its new text; nothing is written yet."""
    package = _replace(root / VERSION_FILE, r'__version__ = "[^"]*"', f'__version__ = "{new}"')
    edits = {root / VERSION_FILE: package}
    card = _replace(root / CARD, r"^(\s*version\s*=\s*)\{[^}]*\}", rf"\g<1>{{{new}}}")
    edits[root / CARD] = re.sub(r"^(\s*year\s*=\s*)\{\d{4}\}", rf"\g<1>{{{date[:4]}}}", card, count=1,
                                flags=re.MULTILINE)
    citation = _replace(root / CITATION, r'^version: "[^"]*"', f'version: "{new}"')
    edits[root / CITATION] = re.sub(r'^date-released: "[^"]*"', f'date-released: "{date}"', citation,
                                    flags=re.MULTILINE)
    changelog = (root / CHANGELOG).read_text(encoding="utf-8")
    section = re.search(rf"^{re.escape(UNRELEASED)}\n(.*?)(?=^## |\Z)", changelog, re.MULTILINE | re.DOTALL)
    if section is None or not section.group(1).strip():
        message = f"needs a '{UNRELEASED}' section saying what changed since {current}"
        raise InputError.at(str(root / CHANGELOG), None, None, message)
    heading = section.start()
    edits[root / CHANGELOG] = (
        changelog[:heading] + f"## [{new}] - {date}" + changelog[heading + len(UNRELEASED) :]
    )
    return edits


def check_ready(root: Path, new: str) -> None:
    """A clean work tree, and neither a record nor a tag of this version yet."""
    status = git(root, "status", "--porcelain", "--untracked-files=no")
    if status.strip():
        changed = ", ".join(line[3:] for line in status.splitlines()[:5])
        raise InputError.at(str(root), None, None, f"uncommitted changes ({changed}); commit them first")
    if any(release.version == new for release in read_releases(root / RECORD)):
        raise InputError.at(str(root / RECORD), None, "version", f"{new} is already recorded")
    if git(root, "tag", "--list", f"v{new}").strip():
        raise InputError.at(str(root), None, "version", f"the tag v{new} exists already")


def _replace(path: Path, pattern: str, replacement: str) -> str:
    text = path.read_text(encoding="utf-8")
    updated, count = re.subn(pattern, replacement, text, count=1, flags=re.MULTILINE)
    if count != 1:
        raise InputError.at(str(path), None, None, f"no version to bump (expected {pattern!r})")
    return updated

"""Reading the raw articles: file name → document id, header → publication month, body → text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from conflict_counts.errors import InputError
from conflict_counts.hashing import bytes_sha256, text_sha256

SEED_NAME = re.compile(r"^(?P<index>\d{3})_(?P<doc_id>[0-9a-f]{16})\.txt$")
HEADER = re.compile(r"^ date (?P<published>\d{4}-(?:0[1-9]|1[0-2])) ")


@dataclass(frozen=True)
class Seed:
    """One article as the dataset sees it (the data model in README.md)."""

    doc_id: str
    seed_file: str
    published: str | None
    text: str
    file_sha256: str

    @property
    def text_sha256(self) -> str:
        return text_sha256(self.text)


def read_seed(path: Path) -> Seed:
    """Parse one seed file; the body is kept exactly but for trailing whitespace."""
    match = SEED_NAME.match(path.name)
    if match is None:
        raise InputError.at(str(path), None, "file name", "expected NNN_<16 hex digits>.txt")
    raw = path.read_bytes()
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise InputError.at(str(path), line, None, "not valid UTF-8") from None
    header = HEADER.match(content)
    body = content[header.end() :] if header else content
    return Seed(
        doc_id=match["doc_id"],
        seed_file=path.name,
        published=header["published"] if header else None,
        text=body.rstrip(),
        file_sha256=bytes_sha256(raw),
    )


def read_seeds(directory: Path) -> list[Seed]:
    """All seed articles of a directory, in file-name order."""
    return [read_seed(path) for path in sorted(directory.glob("*.txt"))]

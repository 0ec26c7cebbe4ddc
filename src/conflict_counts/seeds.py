"""Reading the raw articles: file name → document id, header → publication month, body → text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from conflict_counts.errors import InputError
from conflict_counts.hashing import bytes_sha256, text_sha256

SEED_NAME = re.compile(r"^(?P<index>\d{3})_(?P<doc_id>[0-9a-f]{16})\.txt$")
HEADER = re.compile(r"^ date (?P<published>\d{4}-(?:0[1-9]|1[0-2])) ")
CHECKSUMS = "SHA256SUMS"  # the articles' checksums, in sha256sum format


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
        """The SHA-256 of the body, which prediction files carry to prove the text they were made on."""
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


MONTH = re.compile(r"\d{4}-(?:0[1-9]|1[0-2])")


def document_id(text: str) -> str:
    """A new article's id: the first 16 hex digits of the SHA-256 of its text (``text_sha256``)."""
    return text_sha256(text)[:16]


def new_seed(directory: Path, body: str, published: str | None) -> tuple[Seed, list[tuple[Path, str]]]:
    """The seed a new article becomes, and the files that add it (the article, SHA256SUMS).

    The article is stored as given, after the ``date`` header when the month is known; its
    number is the next free one. Raises when the month is malformed or the text is already a seed.
    """
    if published is not None and not MONTH.fullmatch(published):
        raise InputError.at("command line", None, "--date", f"expected YYYY-MM, got {published!r}")
    content = (f" date {published} " if published else "") + body
    text = body.rstrip()
    if not text:
        raise InputError.at("command line", None, "FILE", "the article is empty")
    doc_id = document_id(text)
    existing = read_seeds(directory)
    for seed in existing:
        if seed.doc_id == doc_id or seed.text == text:
            raise InputError.at(str(directory / seed.seed_file), None, None, "already holds this article")
    index = 1 + max((int(SEED_NAME.match(s.seed_file)["index"]) for s in existing), default=-1)
    name = f"{index:03d}_{doc_id}.txt"
    raw = content.encode("utf-8")
    seed = Seed(doc_id, name, published, text, bytes_sha256(raw))
    listing = directory / CHECKSUMS
    sums = listing.read_text(encoding="utf-8") if listing.is_file() else ""
    return seed, [(directory / name, content), (listing, sums + f"{seed.file_sha256}  {name}\n")]

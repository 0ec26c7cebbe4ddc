"""The built dataset on disk: its table files, and the one way to read them back.

The columns, their types and meanings are defined once, by the Pandera models of
:mod:`conflict_counts.schema.tables` (which also give the Arrow schemas the build writes). Every
reader of a built dataset (the scorer, the viewer, the baselines, ``extract``) goes through
:class:`Dataset`: the tables as frames (the columnar form) and the same rows as
:mod:`conflict_counts.records`.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from conflict_counts.cells import optional_float, optional_int, optional_str
from conflict_counts.errors import InputError, Problem
from conflict_counts.layout import DATASET_DIR, MANIFEST
from conflict_counts.records import Claim, Document, Mention, Prediction, Span

GOLD_TABLES: tuple[str, ...] = ("documents", "mentions", "entities", "claims", "tokens")
TABLES: tuple[str, ...] = (*GOLD_TABLES, "contrast")  # contrast: synthetic, apart from the news gold
DEFAULT_DATASET_DIR = DATASET_DIR

# Row order of every table: what makes two builds byte-identical.
SORT_KEYS: dict[str, list[str]] = {
    "documents": ["doc_id"],
    "mentions": ["doc_id", "start", "end"],
    "entities": ["entity_id"],
    "claims": ["doc_id", "start", "end"],
    "tokens": ["doc_id", "sentence_id"],
    "contrast": ["item_id"],
}


def table_path(directory: Path, table: str) -> Path:
    """Where a table's Parquet file lives in a dataset folder."""
    return Path(directory) / f"{table}.parquet"


def to_frame(table: pa.Table) -> pd.DataFrame:
    """Arrow → pandas with nullable integers and strings, the one way every module sees rows."""
    return table.to_pandas(types_mapper=_nullable_types)


def not_a_folder(directory: Path) -> Problem | None:
    """The one problem of a dataset path that is no folder at all (not one for each table)."""
    directory = Path(directory)
    if directory.is_dir():
        return None
    what = "is a file, not a dataset folder" if directory.exists() else "no such folder"
    return Problem(str(directory), None, None, f"{what}; give a built dataset folder")


def read_arrow(directory: Path, table: str) -> pa.Table:
    """A table as stored, or one clear line when it is missing or unreadable."""
    path = table_path(directory, table)
    problem = not_a_folder(directory)
    if problem is not None:
        raise InputError(problem)
    if not path.is_file():
        raise InputError.at(str(path), None, None, f"missing table {table!r}; run `conflict-counts build`")
    try:
        return pq.read_table(path)
    except (pa.ArrowInvalid, OSError) as error:
        raise InputError.at(str(path), None, None, f"not a readable Parquet file ({error})") from None


def read_table(directory: Path, table: str) -> pd.DataFrame:
    """One table of a built dataset as a DataFrame (nullable columns keep their nulls)."""
    return to_frame(read_arrow(directory, table))


def content_checksum(table: pa.Table) -> str:
    """SHA-256 over column names and rows as canonical JSON: independent of file encoding."""
    digest = hashlib.sha256(json.dumps(table.column_names).encode())
    for row in table.to_pylist():
        digest.update(b"\n")
        # A built table holds only JSON values; a damaged one (NaN, timestamps, lone
        # surrogates) still gets a checksum, which then differs from the manifest's.
        line = json.dumps(row, sort_keys=True, ensure_ascii=False, default=repr)
        digest.update(line.encode("utf-8", errors="surrogatepass"))
    return digest.hexdigest()


def read_manifest(directory: Path) -> dict:
    """``manifest.json`` of a dataset folder, or one clear line when it is missing or not JSON."""
    path = Path(directory) / MANIFEST
    if not path.is_file():
        raise InputError.at(str(path), None, None, "missing manifest; run `conflict-counts build`")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        line = getattr(error, "lineno", None)
        raise InputError.at(str(path), line, None, f"not valid JSON: {error}") from None
    except (OSError, ValueError) as error:
        raise InputError.at(str(path), None, None, f"cannot read: {error}") from None
    tables = manifest.get("tables", {}) if isinstance(manifest, dict) else None
    if not isinstance(tables, dict) or not all(isinstance(entry, dict) for entry in tables.values()):
        raise InputError.at(str(path), None, None, "expected an object whose 'tables' maps names to objects")
    return manifest


def file_metadata(table: pa.Table) -> dict | None:
    """The ``conflict_counts`` metadata (name, table, version) stored in a Parquet schema.

    None when it is there but not a JSON object (a damaged or foreign file).
    """
    raw = (table.schema.metadata or {}).get(b"conflict_counts")
    try:
        metadata = json.loads(raw) if raw else {}
    except ValueError:
        return None
    return metadata if isinstance(metadata, dict) else None


def _nullable_types(arrow_type: pa.DataType) -> object:
    if pa.types.is_integer(arrow_type):
        return pd.Int64Dtype()
    if pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type):
        return pd.StringDtype()
    return None


class Dataset:
    """A built dataset directory; each table is read once, when first asked for.

    >>> dataset = Dataset()  # this checkout's dataset/ (else the one shipped with the package)
    >>> [d.language for d in dataset.documents()][:2]
    ['sv', 'sv']
    >>> first = dataset.documents()[0]
    >>> claim = dataset.gold()[first.doc_id].claims[0]
    >>> first.text[claim.start:claim.end] == dataset.table("claims")["text"].iloc[0]
    True
    """

    def __init__(self, directory: str | Path | None = None) -> None:
        """``directory`` defaults to this checkout's ``dataset/``, else the one shipped with the package."""
        if directory is None:
            from conflict_counts.location import default_dataset_dir

            directory = default_dataset_dir()
        self.directory = Path(directory)
        self._tables: dict[str, pd.DataFrame] = {}

    def table(self, name: str) -> pd.DataFrame:
        """One table as a DataFrame with nullable columns (do not modify it: it is shared)."""
        if name not in self._tables:
            self._tables[name] = read_table(self.directory, name)
        return self._tables[name]

    def documents(self, language: str | None = None) -> list[Document]:
        """The documents in doc_id order, optionally of one language only."""
        documents = documents_from(self.table("documents"))
        return [d for d in documents if language is None or d.language == language]

    def gold(self) -> dict[str, Prediction]:
        """The gold mentions and claims of every document, by doc_id, in doc_id order."""
        mentions = mentions_from(self.table("mentions"))
        claims = claims_from(self.table("claims"))
        return {
            d.doc_id: Prediction(
                d.doc_id, tuple(mentions.get(d.doc_id, ())), tuple(claims.get(d.doc_id, ()))
            )
            for d in self.documents()
        }

    def contrast_documents(self) -> list[Document]:
        """The contrast items as documents (doc_id = item_id), each holding out the gold
        document it was derived from, in item_id order."""
        items = self.table("contrast").sort_values("item_id")
        return [
            Document(doc_id=str(item_id), text=str(text), language=str(language),
                     held_out=str(derived_from).partition(":")[0])
            for item_id, text, language, derived_from in zip(
                items["item_id"], items["text"], items["language"], items["derived_from"], strict=True)
        ]

    def entity_names(self) -> dict[str, str]:
        """entity_id → canonical English name."""
        entities = self.table("entities")
        ids, names = entities["entity_id"].astype(str), entities["canonical_name"].astype(str)
        return dict(zip(ids, names, strict=True))


def documents_from(frame: pd.DataFrame) -> list[Document]:
    """Rows of a ``documents`` table as records, in doc_id order."""
    return [
        Document(
            doc_id=str(row["doc_id"]), text=str(row["text"]), language=str(row["language"]),
            published=optional_str(row.get("published")), seed_file=optional_str(row.get("seed_file")),
            fold=optional_int(row.get("fold")),
        )
        for row in frame.sort_values("doc_id").to_dict("records")
    ]


def mentions_from(frame: pd.DataFrame) -> dict[str, list[Mention]]:
    """Rows of a ``mentions`` table as records by document, each list in text order."""
    out: dict[str, list[Mention]] = {}
    for row in frame.to_dict("records"):
        entity_id = optional_str(row.get("entity_id"))
        mention = Mention(int(row["start"]), int(row["end"]), str(row["label"]), entity_id)
        out.setdefault(str(row["doc_id"]), []).append(mention)
    return {doc: sorted(items, key=lambda m: (m.start, m.end, m.label)) for doc, items in out.items()}


def claims_from(frame: pd.DataFrame) -> dict[str, list[Claim]]:
    """Rows of a ``claims`` table as records by document, each list in text order."""
    out: dict[str, list[Claim]] = {}
    for row in frame.to_dict("records"):
        claim = Claim(
            start=int(row["start"]), end=int(row["end"]),
            low=optional_float(row["low"]), high=optional_float(row["high"]),
            qualifier=str(row["qualifier"]), predicate=str(row["predicate"]),
            counted=_span(row.get("counted_start"), row.get("counted_end")),
            source=_span(row.get("source_start"), row.get("source_end")),
            source_type=optional_str(row.get("source_type")),
            source_entity_id=optional_str(row.get("source_entity_id")),
            group_id=optional_str(row.get("group_id")),
        )
        out.setdefault(str(row["doc_id"]), []).append(claim)
    return {doc: sorted(items, key=lambda c: (c.start, c.end)) for doc, items in out.items()}


def _span(start: object, end: object) -> Span | None:
    start, end = optional_int(start), optional_int(end)
    return None if start is None or end is None else Span(start, end)

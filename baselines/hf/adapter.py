"""The ``hf`` extractor: a local token-classification model through the ``transformers`` pipeline.

Documents are split into the dataset's sentences (``conflict_counts.text``) and each
sentence is tagged on its own, so a long document never meets the model's length limit
and offsets stay exact; a sentence longer than the model's window is tagged in
overlapping windows (the pipeline's ``stride``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from conflict_counts.baselines.hf.spans import CLAIM_LABEL, Spans, to_spans
from conflict_counts.errors import InputError
from conflict_counts.labels import ENTITY_LABELS
from conflict_counts.predictions.writer import document_record
from conflict_counts.records import Document
from conflict_counts.text import sentences

BATCH = 32  # sentences a forward pass


def _fail(message: str) -> InputError:
    return InputError.at("command line", None, "--model", message)


def check_model_folder(model: object) -> Path:
    """The folder of a saved token-classification model with BIO labels we know, or one clear error."""
    if not model:
        raise _fail("required for --baseline hf (a folder written by save_pretrained)")
    folder = Path(str(model))
    if not folder.is_dir():
        raise _fail(f"{str(model)[:80]}: no such folder")
    config_path = folder / "config.json"
    try:
        config = json.loads(config_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise _fail(f"{folder}: no config.json (not a saved transformers model)") from None
    except (OSError, ValueError) as error:
        raise _fail(f"{config_path}: unreadable ({error})") from None
    architectures = config.get("architectures") or []
    if not any(str(a).endswith("ForTokenClassification") for a in architectures):
        shown = ", ".join(map(str, architectures)) or "none given"
        raise _fail(f"{folder}: not a token-classification model (architectures: {shown})")
    labels = {str(label).split("-", 1)[-1] for label in (config.get("id2label") or {}).values()}
    if not labels & {*ENTITY_LABELS, CLAIM_LABEL}:
        shown = ", ".join(sorted(labels))[:80]
        raise _fail(f"{folder}: labels {shown} include none of {', '.join(ENTITY_LABELS)}, {CLAIM_LABEL}")
    return folder


class HFExtractor:
    """A saved token classifier as an extractor: what it tags, with exact character offsets."""

    name = "hf"

    def __init__(self, folder: Path) -> None:
        from transformers import pipeline

        self.folder = folder
        self.description = f"transformers token classifier {folder.name} (sentence by sentence)"
        try:
            self.tagger = pipeline("token-classification", model=str(folder), tokenizer=str(folder),
                                   aggregation_strategy="first", device="cpu")
        except (OSError, ValueError) as error:
            raise _fail(f"{folder}: cannot load ({str(error).splitlines()[0][:120]})") from None
        window = getattr(self.tagger.tokenizer, "model_max_length", None) or 0
        self.stride = min(32, window // 4) if 0 < window < 100_000 else None
        self.unread: list[tuple[str, str]] = []  # (doc_id, NUM span the normaliser could not read)

    def analyse(self, document: Document) -> Spans:
        """The mentions and claim spans of one document, tagged sentence by sentence."""
        found = Spans()
        pieces = sentences(document.text)
        if not pieces:
            return found
        options = {"stride": self.stride} if self.stride else {}
        for piece, groups in zip(pieces, self.tagger([p.text for p in pieces], batch_size=BATCH, **options),
                                 strict=True):
            to_spans(document.text, piece.start, groups, document.language, found)
        return found

    def predict(self, documents: Iterable[Document]) -> Iterator[dict]:
        """One prediction line a document, in input order."""
        for document in documents:
            found = self.analyse(document)
            self.unread += [(document.doc_id, text) for text in found.unread]
            yield document_record(document, found.mentions, found.claims)

    def summary(self) -> str:
        """What ``extract`` prints at the end: every NUM span the normaliser could not read."""
        lines = [
            f"hf: {doc_id}: NUM span not read as a number: {text[:80]!r}"
            for doc_id, text in self.unread
        ]
        return "\n".join([*lines, f"hf: {len(self.unread)} NUM spans not read as numbers"])

"""Answers kept on disk between runs, so that an interrupted run resumes where it stopped.

One JSON file an answer, named by the hash of what determines it: the model, the prompt
version, the number of shots and the document's text. Only answers that passed the
output schema are kept, so a rerun asks again for the documents that failed. Files are
written whole (temporary name, then rename) and never replaced.
"""

from __future__ import annotations

import json
from pathlib import Path

from conflict_counts.atomic import write_text
from conflict_counts.hashing import text_sha256


def cache_key(model: str, prompt_version: str, shots: int, text: str) -> str:
    """The hash of everything that determines an answer; the text enters by its SHA-256."""
    identity = json.dumps([model, prompt_version, shots, text_sha256(text)], ensure_ascii=False)
    return text_sha256(identity)


class AnswerCache:
    """Answers on disk by key, written whole and never replaced, so a rerun resumes."""
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    def get(self, key: str) -> dict | None:
        """The kept answer for ``key``, or None."""
        path = self._path(key)
        if not path.is_file():
            return None
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # unreadable: asked again, and the file is left as it is

    def put(self, key: str, entry: dict) -> None:
        """Keep an answer; an existing one is left as it is."""
        path = self._path(key)
        if path.exists():
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        write_text(path, json.dumps(entry, ensure_ascii=False, indent=1) + "\n")

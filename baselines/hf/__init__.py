"""``--baseline hf --model PATH``: a local ``transformers`` token-classification model (extra ``hf``).

Any encoder fine-tuned with BIO labels of the dataset's entity types (``B-PER`` … ``I-FAC``)
and, optionally, ``B-NUM``/``I-NUM`` for claim spans runs as an extractor;
``scripts/train_hf.py`` fine-tunes one leave-one-document-out on the ``tokens`` config.
The heavy libraries are imported only when an extractor is made.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

INSTALL_HINT = "transformers not installed (pip install 'conflict-counts[hf]')"

__all__ = ["INSTALL_HINT", "available", "create"]


def available() -> bool:
    """Whether the ``hf`` extra is installed (checked without importing torch)."""
    return all(importlib.util.find_spec(m) is not None for m in ("transformers", "torch", "tokenizers"))


def create(gold_dir: Path, options) -> object:
    """The extractor for the model folder ``options["model"]`` (it learns nothing from ``gold_dir``)."""
    del gold_dir
    from conflict_counts.baselines.hf.adapter import HFExtractor, check_model_folder

    return HFExtractor(check_model_folder(options.get("model")))

"""``--baseline llm``: an OpenAI-compatible chat-completions endpoint as an extractor (extra ``llm``).

>>> from conflict_counts.baselines.llm import PROMPT_VERSION, OUTPUT_SCHEMA
>>> PROMPT_VERSION, sorted(OUTPUT_SCHEMA["properties"])
('1', ['claims', 'mentions'])

The client library is imported only when an extractor is made, so the command line stays
fast without the extra installed.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from conflict_counts.baselines.llm.prompt import OUTPUT_SCHEMA, PROMPT_VERSION

INSTALL_HINT = "openai not installed (pip install 'conflict-counts[llm]')"

__all__ = ["INSTALL_HINT", "OUTPUT_SCHEMA", "PROMPT_VERSION", "available", "create"]


def available() -> bool:
    """Whether the optional packages of the adapter are installed."""
    return all(importlib.util.find_spec(m) is not None for m in ("openai", "jsonschema"))


def create(gold_dir: Path, options) -> object:
    """The extractor for ``options``; few-shot examples come from the dataset in ``gold_dir``."""
    from conflict_counts.baselines.llm.adapter import LLMExtractor
    from conflict_counts.baselines.llm.settings import settings_from
    from conflict_counts.baselines.llm.shots import ShotPool
    from conflict_counts.baselines.training import GoldData
    from conflict_counts.errors import InputError

    settings = settings_from(options)
    shots = None
    if settings.shots:
        shots = ShotPool(GoldData.load(gold_dir), settings.shots)
        if settings.shots > shots.available():
            message = f"{settings.shots} asked, but only {shots.available()} documents lie outside each fold"
            raise InputError.at("command line", None, "--shots", message)
    return LLMExtractor(settings, shots)

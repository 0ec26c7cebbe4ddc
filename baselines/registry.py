"""Extractor name -> extractor: the baselines, the model adapters and any user's own model.

Every extractor has ``name``, ``description`` and ``predict(documents)``, which takes an
iterable of :class:`~conflict_counts.records.Document` and yields one
prediction record a document (made with ``document_record``), lazily, so that callers can
stream any amount of text through it. ``conflict-counts extract --baseline NAME`` runs any
registered extractor; ``--baseline package.module:factory`` runs a factory of one's own
(a callable with no arguments returning an extractor), so a model plugs in with a few lines:

>>> from collections.abc import Iterable, Iterator
>>> from conflict_counts.predictions.writer import document_record
>>> from conflict_counts.records import Claim, Document, Mention
>>> class Capitals:
...     # every capitalised word but the first is an ORG; every "100" a claim
...     name, description = "capitals", "toy: capitalised words"
...     def predict(self, documents: Iterable[Document]) -> Iterator[dict]:
...         for document in documents:
...             text, mentions, claims = document.text, [], []
...             for word in text.split()[1:]:
...                 if word[:1].isupper():
...                     start = text.index(word)
...                     mentions.append(Mention(start, start + len(word), "ORG"))
...             if "100" in text:
...                 start = text.index("100")
...                 claims.append(Claim(start, start + 3, 100.0, 100.0, "exact", "escaped"))
...             yield document_record(document, mentions, claims)
>>> register(Entry("capitals", "toy: capitalised words", lambda gold_dir, options: Capitals()))
>>> extractor = create("capitals")
>>> record = next(extractor.predict([Document("d1", "Yesterday 100 fled from SDF guards.", "en")]))
>>> [(m["text"], m["label"]) for m in record["mentions"]], record["claims"][0]["text"]
([('SDF', 'ORG')], '100')
>>> del BASELINES["capitals"]

The record then goes to ``write_jsonl`` and the scorer like any baseline's.

Baselines that learn from the gold (``rules`` for its name gazetteer, ``learned`` for its
models) receive the gold tables of the built dataset (``gold_dir``) and hold out, for each
document they predict, the gold document with the same text: leave-one-document-out on
the dataset, all gold documents on any other input (see ``training.py``).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from conflict_counts.baselines.training import GoldData
from conflict_counts.errors import InputError
from conflict_counts.labels import LANGUAGES as DATASET_LANGUAGES
from conflict_counts.layout import DATASET_DIR
from conflict_counts.numbers.lexicon import LANGS
from conflict_counts.records import Document

LANGUAGES: tuple[str, ...] = LANGS  # what every baseline reads: the normaliser's languages


class Extractor(Protocol):
    """Documents in, one prediction record a document out, in input order."""

    name: str
    description: str

    def predict(self, documents: Iterable[Document]) -> Iterator[dict]:
        """One prediction line a document, in input order, lazily."""


Options = Mapping[str, Any]  # an adapter's options by name ("base_url", "model", ...)


TASKS: tuple[str, ...] = ("entities", "linking", "spans", "values", "attribution", "full", "groups")


@dataclass(frozen=True)
class Entry:
    """A registered extractor: how to make it, what it attempts and what it needs installed."""
    name: str
    summary: str
    create: Callable[[Path, Options], Extractor]  # (built dataset, options) -> extractor
    available: Callable[[], bool] = lambda: True
    missing: str = ""  # why it is unavailable: one line for the user
    tasks: tuple[str, ...] = TASKS  # what it attempts (a leaderboard shows "–" for the rest)
    languages: tuple[str, ...] = DATASET_LANGUAGES  # of the dataset's, which it covers
    configured: bool = False  # needs options (a model, an endpoint): benchmark runs it only on request


def _rules(gold_dir: Path, options: Options) -> Extractor:
    from conflict_counts.baselines.rules import RulesBaseline

    return RulesBaseline(GoldData.load(gold_dir))


def _learned(gold_dir: Path, options: Options) -> Extractor:
    from conflict_counts.baselines.learned import LearnedBaseline

    return LearnedBaseline(GoldData.load(gold_dir))


def _quantulum(gold_dir: Path, options: Options) -> Extractor:
    del gold_dir  # learns nothing from the gold
    from conflict_counts.baselines.peer import QuantulumBaseline

    return QuantulumBaseline()


def _quantulum_available() -> bool:
    from conflict_counts.baselines.peer import available

    return available()


def _llm(gold_dir: Path, options: Options) -> Extractor:
    from conflict_counts.baselines.llm import create as create_llm

    return create_llm(gold_dir, options)


def _llm_available() -> bool:
    from conflict_counts.baselines.llm import available

    return available()


def _hf(gold_dir: Path, options: Options) -> Extractor:
    from conflict_counts.baselines.hf import create as create_hf

    return create_hf(gold_dir, options)


def _hf_available() -> bool:
    from conflict_counts.baselines.hf import available

    return available()


BASELINES: dict[str, Entry] = {
    entry.name: entry
    for entry in (
        Entry("rules", "cue lexicons and capitalisation rules", _rules),
        Entry("learned", "scikit-learn taggers, leave-one-document-out", _learned),
        Entry(
            "quantulum",
            "quantulum3 peer reference (English numbers only)",
            _quantulum,
            _quantulum_available,
            "quantulum3 not installed (pip install 'conflict-counts[peer]')",
            tasks=("spans", "values"),
            languages=("en",),
        ),
        Entry(
            "llm",
            "any OpenAI-compatible chat endpoint (--base-url, --model, --api-key-env)",
            _llm,
            _llm_available,
            "openai not installed (pip install 'conflict-counts[llm]')",
            configured=True,
        ),
        Entry(
            "hf",
            "a local transformers token-classification model (--model PATH)",
            _hf,
            _hf_available,
            "transformers not installed (pip install 'conflict-counts[hf]')",
            tasks=("entities", "spans", "values"),
            configured=True,
        ),
    )
}


def register(entry: Entry) -> None:
    """Make ``entry`` available to :func:`create` and ``extract --baseline`` under its name."""
    if entry.name in BASELINES or ":" in entry.name:
        raise ValueError(f"extractor name {entry.name!r} is taken or contains ':'")
    BASELINES[entry.name] = entry


def entry(name: str) -> Entry:
    """The registered extractor ``name``, or one clear line listing the names there are."""
    try:
        return BASELINES[name]
    except KeyError:
        known = ", ".join(BASELINES)
        message = f"unknown baseline {name!r} (one of {known}, or package.module:factory)"
        raise InputError.at("command line", None, "--baseline", message) from None


def create(name: str, gold_dir: str | Path = DATASET_DIR, options: Options | None = None) -> Extractor:
    """The extractor ``name`` (learning leave-one-out from the dataset in ``gold_dir``), or
    the one a ``package.module:factory`` returns."""
    if ":" in name:
        return _from_factory(name)
    found = entry(name)
    if not found.available():
        raise InputError.at("command line", None, "--baseline", f"{name}: {found.missing}")
    return found.create(Path(gold_dir), options or {})


def _from_factory(spec: str) -> Extractor:
    def fail(message: str) -> InputError:
        return InputError.at("command line", None, "--baseline", f"{spec}: {message}")

    module_name, _, attribute = spec.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError as error:
        raise fail(f"cannot import {module_name!r} ({error})") from None
    factory = getattr(module, attribute, None)
    if not callable(factory):
        raise fail(f"{module_name} has no callable {attribute!r}")
    extractor = factory()
    if not callable(getattr(extractor, "predict", None)):
        raise fail(f"{attribute}() returned {type(extractor).__name__}, which has no predict(documents)")
    return extractor

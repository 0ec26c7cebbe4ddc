"""Baseline name -> baseline, and where baselines that learn from the gold get it.

Every baseline has ``name``, ``description`` and ``predict(documents)``, which takes an
iterable of :class:`~conflict_counts.records.Document` and yields one SPEC §4
object a document, lazily, so that callers can stream any amount of text through it.

Baselines that learn from the gold (``rules`` for its name gazetteer, ``learned`` for its
models) receive the gold tables of the built dataset (``gold_dir``) and hold out, for each
document they predict, the gold document with the same text: leave-one-document-out on
the dataset, all gold documents on any other input (see ``training.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from conflict_counts.baselines.training import GoldData
from conflict_counts.errors import InputError
from conflict_counts.layout import DATASET_DIR
from conflict_counts.records import Document

LANGUAGES: tuple[str, ...] = ("sv", "nb", "da", "en")  # what every baseline reads (SPEC: sv, nb, en)


class Baseline(Protocol):
    name: str
    description: str

    def predict(self, documents: Iterable[Document]) -> Iterator[dict]: ...


TASKS: tuple[str, ...] = ("entities", "linking", "spans", "values", "attribution", "full", "groups")


@dataclass(frozen=True)
class Entry:
    name: str
    summary: str
    create: Callable[[Path], Baseline]
    available: Callable[[], bool] = lambda: True
    missing: str = ""  # why it is unavailable: one line for the user
    tasks: tuple[str, ...] = TASKS  # what it attempts (a leaderboard shows "–" for the rest)
    languages: tuple[str, ...] = ("sv", "nb", "en")  # of the dataset's, which it covers


def _rules(gold_dir: Path) -> Baseline:
    from conflict_counts.baselines.rules import RulesBaseline

    return RulesBaseline(GoldData.load(gold_dir))


def _learned(gold_dir: Path) -> Baseline:
    from conflict_counts.baselines.learned import LearnedBaseline

    return LearnedBaseline(GoldData.load(gold_dir))


def _quantulum(gold_dir: Path) -> Baseline:
    del gold_dir  # learns nothing from the gold
    from conflict_counts.baselines.peer import QuantulumBaseline

    return QuantulumBaseline()


def _quantulum_available() -> bool:
    from conflict_counts.baselines.peer import available

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
    )
}


def entry(name: str) -> Entry:
    try:
        return BASELINES[name]
    except KeyError:
        known = ", ".join(BASELINES)
        message = f"unknown baseline {name!r} (one of {known})"
        raise InputError.at("command line", None, "--baseline", message) from None


def create(name: str, gold_dir: str | Path = DATASET_DIR) -> Baseline:
    """The baseline ``name``, learning (leave-one-out) from the dataset in ``gold_dir``."""
    found = entry(name)
    if not found.available():
        raise InputError.at("command line", None, "--baseline", f"{name}: {found.missing}")
    return found.create(Path(gold_dir))

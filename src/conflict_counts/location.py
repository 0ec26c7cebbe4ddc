"""Which dataset a command or :func:`conflict_counts.load.load` uses when none is named.

In a checkout (the current folder holds ``dataset/manifest.json`` and the card), that
checkout's dataset: a researcher who has checked out or rebuilt a version sees that
version. Anywhere else, the dataset shipped inside the installed package
(``conflict_counts/data``: the card, ``dataset/`` and ``releases.tsv``; in an editable
install that is the checkout the package was installed from).
"""

from __future__ import annotations

from pathlib import Path

from conflict_counts.layout import CARD, DATASET_DIR

MANIFEST = "manifest.json"


def is_dataset_root(folder: Path) -> bool:
    """Whether ``folder`` is a checkout with a built dataset and its card."""
    return (folder / DATASET_DIR / MANIFEST).is_file() and (folder / CARD).is_file()


def shipped_root() -> Path:
    """The card and dataset that came with the installed package.

    A wheel carries them in ``conflict_counts/data`` (copied there by setup.py); an
    editable install has none there and uses the checkout it was installed from.
    """
    package = Path(__file__).resolve().parent
    installed, checkout = package / "data", package.parents[1]
    return checkout if not is_dataset_root(installed) and is_dataset_root(checkout) else installed


def dataset_root() -> Path:
    """The folder holding the card and ``dataset/`` to use: this checkout, else the shipped one."""
    here = Path.cwd()
    return here if is_dataset_root(here) else shipped_root()


def default_dataset_dir() -> Path:
    """The ``dataset/`` folder of :func:`dataset_root` (the default of every ``--gold``)."""
    return dataset_root() / DATASET_DIR


def describe_default() -> str:
    """For ``--help``: which dataset a command reads when none is given, and where it is."""
    here = default_dataset_dir()
    return f"default: ./dataset in a checkout, else the dataset shipped with the package; here: {here}"

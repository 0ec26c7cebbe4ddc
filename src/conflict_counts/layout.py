"""Where things live in a checkout; every command's default paths come from here."""

from pathlib import Path

SEEDS_DIR = Path("seeds/articles")
ANNOTATIONS_DIR = Path("seeds/annotations")
GOLD_DIR = ANNOTATIONS_DIR / "gold"
DATASET_DIR = Path("dataset")
CARD = Path("README.md")
CHANGELOG = Path("CHANGELOG.md")
CONTRAST_DIR = Path("seeds/contrast")
MANIFEST = "manifest.json"  # in every dataset folder the build writes
CROISSANT = "croissant.json"  # beside it: the published metadata, with each file's sha256
TASKS_DIR = Path("annotation-tasks")  # add-article's tasks for annotators (not part of the dataset)

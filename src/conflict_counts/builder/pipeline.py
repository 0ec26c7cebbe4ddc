"""``conflict-counts build``: seeds + gold annotations → validated tables → dataset/.

Nothing is written unless every check passes; every failure is reported at once with
the annotation file and line it comes from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from conflict_counts.annotations.contrast import read_contrast
from conflict_counts.annotations.model import AnnotationSet, Origin
from conflict_counts.annotations.reader import ENTITIES_FILE, GROUPS_FILE, collect_annotation_set
from conflict_counts.builder.card import data_model, is_card, replace_block, replace_header, yaml_header
from conflict_counts.builder.statistics import conflicting_groups, contrast_counts, per_language
from conflict_counts.builder.tables import BuiltTables, build_tables
from conflict_counts.builder.writer import encode_table, split_size, write_dataset
from conflict_counts.dataset import content_checksum, read_manifest, to_frame
from conflict_counts.errors import InputError, Problem, raise_if_any
from conflict_counts.release.croissant import changelog_date, croissant, file_digests, to_json_bytes
from conflict_counts.release.figure import conflict_figure
from conflict_counts.schema.failures import Failure
from conflict_counts.schema.validate import validate_tables
from conflict_counts.seeds import CHECKSUMS, Seed, read_seeds
from conflict_counts.targets import OutputFile, check_output_files, check_output_folder, is_dataset_folder

# Table column → the annotation key whose line a failure in that column points to.
ANNOTATION_KEYS: dict[str, str] = {
    "start": "start", "end": "end", "text": "text",
    "counted_start": "counted", "counted_end": "counted", "counted_text": "counted",
    "source_type": "source", "source_start": "source", "source_end": "source",
    "source_text": "source", "source_entity_id": "source", "group_id": "group",
    "entity_id": "entity", "canonical_name": "name",
    "item_id": "id", "span_text": "claim", "is_claim": "claim",
}
CLAIM_SPAN_COLUMNS = {"start", "end", "text"}
# The card is rewritten in place (its header and generated blocks), so it must be one.
DATASET_CARD = OutputFile(
    "a dataset card (no `<!-- BEGIN name -->` … `<!-- END name -->` block for the build to fill in)",
    is_card,
    "give the card, or --no-card",
)


ANNOTATORS = (
    "Two annotators annotated every article independently from the written guidelines and the "
    "texts only; an adjudicator resolved their differences into the gold and reviewed every gold item."
)


@dataclass(frozen=True)
class BuildReport:
    """What a successful build produced, kept together so the card and the release files agree."""
    tables: BuiltTables
    seeds: list[Seed]
    annotations: AnnotationSet
    frames: dict[str, pd.DataFrame]  # the tables as validated, for everything built from them

    @property
    def group_descriptions(self) -> dict[str, str]:
        """Group id to its description, for the card's conflicting-estimates block."""
        return {g.group_id: g.description for g in self.annotations.groups.values()}


def check_seed_checksums(seeds: list[Seed], directory: Path) -> list[Problem]:
    """The articles are kept byte for byte; SHA256SUMS records them (sha256sum format)."""
    listing = directory / CHECKSUMS
    if not listing.is_file():
        return [Problem(str(listing), None, None, "missing; the article checksums are recorded there")]
    expected = {}
    for number, line in enumerate(listing.read_text(encoding="utf-8").splitlines(), start=1):
        digest, _, name = line.partition("  ")
        expected[name] = (digest, number)
    problems = []
    for seed in seeds:
        digest, number = expected.get(seed.seed_file, (None, None))
        if digest != seed.file_sha256:
            problems.append(Problem(str(listing), number, seed.seed_file,
                                    f"recorded sha256 differs from the file's {seed.file_sha256}"))
    return problems


def locate_failure(failure: Failure, origins: dict[str, list[Origin]], table_file: str) -> Problem:
    """Point a table failure at the annotation line it came from."""
    if failure.row is None or failure.row >= len(origins.get(failure.table, [])):
        return Problem(table_file, None, failure.column, f"{failure.table}: {failure.message}",
                       presumes=failure.presumes)
    origin = origins[failure.table][failure.row]
    key = ANNOTATION_KEYS.get(failure.column or "", failure.column or "")
    if failure.table == "claims" and failure.column in CLAIM_SPAN_COLUMNS:
        key = "span"
    line = origin.line_of(key)
    return Problem(origin.file, line, failure.column, failure.message, presumes=failure.presumes)


def root_problems(problems: list[Problem], read_problems: list[Problem]) -> list[Problem]:
    """Leave out the echoes of an input that could not be read whole (one tab, not 17 lines).

    ``read_problems`` are those found while reading the annotation files: an entry of
    entities.yaml that failed makes every mention of it "unknown", a document that failed
    makes its entities "never mentioned"; only the failures themselves are reported.
    """
    incomplete = set()
    for problem in read_problems:
        name = Path(problem.file).name
        incomplete.add({ENTITIES_FILE: "entities", GROUPS_FILE: "groups"}.get(name, "documents"))
    return [p for p in problems if p.presumes not in incomplete]


def default_contrast_dir(seeds_dir: Path) -> Path:
    """The contrast set's seeds sit beside the articles: seeds/contrast for seeds/articles."""
    return Path(seeds_dir).parent / "contrast"


def run_build(seeds_dir: Path, annotations_dir: Path, contrast_dir: Path | None = None) -> BuildReport:
    """Read and check everything; raise with every problem, or return the tables."""
    seeds = read_seeds(seeds_dir)
    problems = check_seed_checksums(seeds, seeds_dir)
    annotations, found = collect_annotation_set(annotations_dir)
    problems += found
    contrast, contrast_problems = read_contrast(contrast_dir or default_contrast_dir(seeds_dir))
    problems += contrast_problems
    built = build_tables(annotations, seeds, contrast)
    problems += built.problems
    frames = {name: to_frame(table) for name, table in built.tables.items()}
    problems += [locate_failure(f, built.origins, str(annotations_dir)) for f in validate_tables(frames)]
    raise_if_any(root_problems(problems, found))
    return BuildReport(built, seeds, annotations, frames)


def check_changelog(changelog: Path, version: str) -> list[Problem]:
    """A release is recorded for the people who cite it (README.md, Loading a given version)."""
    if not changelog.is_file() or f"## [{version}]" not in changelog.read_text(encoding="utf-8"):
        return [Problem(str(changelog), None, None, f"no entry '## [{version}]' for the dataset version")]
    return []


def updated_card(card: str, report: BuildReport, version: str) -> str:
    """The card with every generated block recomputed from this build (sizes, checksums, figures)."""
    tables, frames = report.tables.tables, report.frames
    sizes = {name: split_size(encode_table(table, name, version), name) for name, table in tables.items()}
    checksums = {name: content_checksum(table) for name, table in tables.items()}
    card = replace_header(card, yaml_header(version, sizes, checksums))
    card = replace_block(card, "version", f"**Dataset version {version}**")
    card = replace_block(card, "data-model", data_model())
    card = replace_block(card, "statistics", per_language(frames))
    card = replace_block(card, "contrast", contrast_counts(frames))
    return replace_block(card, "conflicts", conflicting_groups(frames, report.group_descriptions))


def release_files(report: BuildReport, version: str, changelog: str) -> Callable[[Path], dict[str, bytes]]:
    """Croissant metadata and the conflict figure, written beside the tables."""
    frames = report.frames
    png, svg = conflict_figure(frames, report.group_descriptions)
    facts = {
        "date_published": changelog_date(changelog, version),
        "annotators": ANNOTATORS,
        "agreement": "See the dataset card, section Agreement: computed with `conflict-counts "
        "agreement seeds/annotations/annotator-a seeds/annotations/annotator-b`.",
    }

    def extras(staging: Path) -> dict[str, bytes]:
        document = croissant(frames, read_manifest(staging), version, facts, file_digests(staging))
        return {"croissant.json": to_json_bytes(document), "conflicts.png": png, "conflicts.svg": svg}

    return extras


def build(
    seeds_dir: Path,
    annotations_dir: Path,
    out_dir: Path,
    version: str,
    changelog: Path,
    card: Path | None = None,
    contrast_dir: Path | None = None,
) -> BuildReport:
    """Check everything, then write dataset/ and refresh the card's generated parts, together.

    ``out_dir`` must be new, empty or a dataset folder a build wrote, and hold no input.
    """
    inputs = [seeds_dir, annotations_dir, changelog, card]
    check_output_folder("--out", out_dir, inputs, is_dataset_folder, "build")
    if card is not None:
        check_output_files({"--card": (card, DATASET_CARD)}, [seeds_dir, annotations_dir, changelog])
        if not card.is_file():
            raise InputError.at(str(card), None, "--card", "no such file (use --no-card to skip the card)")
    report = run_build(seeds_dir, annotations_dir, contrast_dir)
    raise_if_any(check_changelog(changelog, version))
    card_text = updated_card(card.read_text(encoding="utf-8"), report, version) if card else None
    extras = release_files(report, version, changelog.read_text(encoding="utf-8"))
    pending = (card, card_text) if card is not None and card_text is not None else None
    write_dataset(report.tables.tables, out_dir, version, extras, pending)
    return report

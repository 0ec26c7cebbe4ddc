"""The annotation source model: what an annotator writes, before it becomes tables."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Origin:
    """Where an item was written: the file, its first line, and the line of each field."""

    file: str
    line: int
    field_lines: dict[str, int] = field(default_factory=dict, compare=False, hash=False)

    def line_of(self, name: str) -> int:
        """The line of field ``name``, or of the item when the field is absent: where a problem is shown."""
        return self.field_lines.get(name, self.line)


@dataclass(frozen=True)
class Span:
    """A span as the annotator located it: offsets found by code, and the quoted text they hold."""
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """An entity mention as written in the YAML, with its note and where it was written."""
    span: Span
    label: str
    entity: str
    note: str | None
    origin: Origin


@dataclass(frozen=True)
class Claim:
    """A numeric claim as written in the YAML; the builder turns it into a ``claims`` row."""
    span: Span
    low: float | None
    high: float | None
    qualifier: str
    predicate: str
    counted: Span | None
    source_type: str
    source: Span | None
    source_entity: str | None
    group: str
    note: str | None
    origin: Origin


@dataclass(frozen=True)
class DocumentAnnotation:
    """One document file: its mentions and claims, in file order."""
    doc_id: str
    language: str
    mentions: tuple[Mention, ...]
    claims: tuple[Claim, ...]
    origin: Origin


@dataclass(frozen=True)
class Entity:
    """One entry of ``entities.yaml``: the cross-document entity that mentions link to."""
    entity_id: str
    label: str
    canonical_name: str
    description: str
    origin: Origin


@dataclass(frozen=True)
class Group:
    """One entry of ``groups.yaml``: the quantity that the claims of a group estimate."""
    group_id: str
    description: str
    origin: Origin


@dataclass(frozen=True)
class AnnotationSet:
    """One annotator's (or the adjudicated gold) annotation of the corpus."""

    name: str
    documents: dict[str, DocumentAnnotation]
    entities: dict[str, Entity]
    groups: dict[str, Group]

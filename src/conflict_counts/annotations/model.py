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
        return self.field_lines.get(name, self.line)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    span: Span
    label: str
    entity: str
    note: str | None
    origin: Origin


@dataclass(frozen=True)
class Claim:
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
    doc_id: str
    language: str
    mentions: tuple[Mention, ...]
    claims: tuple[Claim, ...]
    origin: Origin


@dataclass(frozen=True)
class Entity:
    entity_id: str
    label: str
    canonical_name: str
    description: str
    origin: Origin


@dataclass(frozen=True)
class Group:
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

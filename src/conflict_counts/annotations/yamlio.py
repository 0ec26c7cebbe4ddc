"""YAML that remembers line numbers, so every annotation problem can name its line."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml

from conflict_counts.errors import InputError


class Located(dict):
    """A YAML mapping with the 1-based line of the mapping and of each of its keys."""

    line: int
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        """The line of ``key``, or of the mapping itself when the key is absent."""
        return self.key_lines.get(key, self.line)


class _LineLoader(yaml.SafeLoader):
    """SafeLoader whose mappings are :class:`Located`."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> Located:
        mapping = Located(super().construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {
            key_node.value: key_node.start_mark.line + 1 for key_node, _ in node.value
        }
        return mapping


_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _LineLoader.construct_mapping
)


def load_yaml(path: Path) -> Any:
    """Parse a YAML file; syntax and encoding errors become one located InputError."""
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise InputError.at(str(path), line, None, "not valid UTF-8") from None
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        raise InputError.at(str(path), line, None, f"invalid YAML: {error.problem}") from None


_PLAIN = re.compile(r"[a-z][a-z0-9_-]*|[A-Z]{2,3}")
_YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


# Keys whose values are identifiers or enum members, written plain when YAML allows.
IDENTIFIER_KEYS = frozenset(
    {"id", "label", "entity", "type", "language", "qualifier", "predicate", "group"}
)


def scalar(value: Any, identifier: bool = False) -> str:
    """A YAML scalar that reads back as the same value; texts are always double-quoted."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float)):
        return repr(value)
    if identifier and _PLAIN.fullmatch(value) and value.lower() not in _YAML_WORDS:
        return value
    return json.dumps(str(value), ensure_ascii=False)


def flow(mapping: dict[str, Any]) -> str:
    """A one-line YAML mapping in the given key order (one item a line keeps diffs small)."""
    items = (f"{key}: {scalar(value, key in IDENTIFIER_KEYS)}" for key, value in mapping.items())
    return "{" + ", ".join(items) + "}"

"""YAML that remembers line numbers, so every annotation problem can name its line."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml

from conflict_counts.errors import InputError, quote


class Located(dict):
    """A YAML mapping with the 1-based line of the mapping and of each of its keys."""

    line: int
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        """The line of ``key``, or of the mapping itself when the key is absent."""
        return self.key_lines.get(key, self.line)


# Integers beyond int64 cannot be offsets or stored bounds; a digit string this long is a typo.
MAX_INTEGER_DIGITS = 18


class _LineLoader(yaml.SafeLoader):
    """SafeLoader whose mappings are :class:`Located` and refuse a key given twice."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> Located:
        first: dict[object, int] = {}
        for key_node, _ in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                raise yaml.constructor.ConstructorError(
                    None, None, "expected a plain key, got a list or mapping", key_node.start_mark
                )
            if key_node.value in first:
                raise yaml.constructor.ConstructorError(
                    None, None,
                    f"duplicate key {quote(key_node.value)} (first on line {first[key_node.value]})",
                    key_node.start_mark,
                )
            first[key_node.value] = line
        mapping = Located(super().construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {key: line for key, line in first.items() if isinstance(key, str)}
        return mapping

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        digits = sum(character.isdigit() for character in str(node.value))
        if digits > MAX_INTEGER_DIGITS:
            raise yaml.constructor.ConstructorError(
                None, None, f"integer of {digits} digits is too large", node.start_mark
            )
        return super().construct_yaml_int(node)


_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _LineLoader.construct_mapping
)
_LineLoader.add_constructor("tag:yaml.org,2002:int", _LineLoader.construct_yaml_int)


def load_yaml(path: Path) -> Any:
    """Parse a YAML file; unreadable files, syntax and encoding errors become one located InputError."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError.at(str(path), None, None, "no such file") from None
    except IsADirectoryError:
        raise InputError.at(str(path), None, None, "is a folder, not a YAML file") from None
    except OSError as error:
        raise InputError.at(str(path), None, None, f"cannot read: {error.strerror or error}") from None
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
    except (yaml.YAMLError, ValueError, RecursionError) as error:  # e.g. a date like 2019-13-45
        message = "nested too deeply" if isinstance(error, RecursionError) else quote(str(error))
        raise InputError.at(str(path), None, None, f"invalid YAML: {message}") from None


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

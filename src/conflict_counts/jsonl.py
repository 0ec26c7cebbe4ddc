"""Reading JSON Lines input: one parsed value a line, or what is wrong with the line.

Shared by every command that reads JSON Lines (predictions, ``extract --input``,
``normalize --jsonl``), so that all of them refuse the same bad lines the same way:
bytes that are not UTF-8, text that is not JSON, nesting too deep, integers longer than
Python converts (4,300 digits), and lone surrogate escapes ("\\ud800"), which are no
character and could not be written out again.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89abcdefABCDEF][0-9a-fA-F]{2}")


def _has_lone_surrogate(value: Any) -> bool:
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False
    if isinstance(value, dict):
        return any(_has_lone_surrogate(k) or _has_lone_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_lone_surrogate(v) for v in value)
    return False


def parse_line(raw: bytes, parse_constant: Callable[[str], Any] | None = None) -> tuple[Any, str | None]:
    """``(value, None)`` for a good line, ``(None, message)`` for a bad one."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, f"not valid UTF-8 (byte 0x{raw[error.start]:02x}, the line's byte {error.start + 1})"
    try:
        value = json.loads(text, parse_constant=parse_constant)
    except json.JSONDecodeError as error:
        return None, f"not valid JSON: {error.msg} (column {error.colno})"
    except RecursionError:
        return None, "not valid JSON: nested too deeply"
    except ValueError:  # an integer of more than 4,300 digits
        return None, "not valid JSON: a number with too many digits"
    if _SURROGATE_ESCAPE.search(raw) and _has_lone_surrogate(value):
        return None, "not valid JSON text: a lone surrogate escape (\\ud800-\\udfff) is not a character"
    return value, None


def read_lines(
    lines: Iterable[bytes], parse_constant: Callable[[str], Any] | None = None
) -> Iterator[tuple[int, Any, str | None]]:
    """``(line number, value, problem)`` for every non-blank line (a leading BOM is dropped)."""
    for number, raw in enumerate(lines, start=1):
        if number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        if not raw.strip():
            continue
        value, problem = parse_line(raw, parse_constant)
        yield number, value, problem

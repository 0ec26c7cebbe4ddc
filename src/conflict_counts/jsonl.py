"""Parsing one line of a JSON Lines input, the same way for every reader, with one clear error.

Predictions, ``extract`` input and ``normalize`` input are all JSON Lines from outside the
project. A byte-order mark on the first line is dropped, blank lines are skipped, and a line
that is not UTF-8 or not JSON gets one message naming the byte or column at fault.

>>> parse_line(b'{"text": "800"}', 1)
({'text': '800'}, None)
>>> parse_line(b'{"text": ', 2)
(None, 'not valid JSON: Expecting value (column 10)')
>>> parse_line(b'  ', 3) == (BLANK, None)
True
>>> parse_object(b'[1]', 4, "doc_id, text")
(None, 'expected a JSON object with doc_id, text, got list')
"""

from __future__ import annotations

import json
from collections.abc import Callable

BLANK = object()  # what a blank line parses to: nothing, and no error


def parse_line(
    raw: bytes, number: int, parse_constant: Callable[[str], object] | None = None
) -> tuple[object, str | None]:
    """The value of line ``number`` (1-based) and None, or None and what is wrong with it."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, f"not valid UTF-8 (byte 0x{raw[error.start]:02x}, the line's byte {error.start + 1})"
    if number == 1:
        text = text.removeprefix("\ufeff")
    if not text.strip():
        return BLANK, None
    try:
        return json.loads(text, parse_constant=parse_constant), None
    except json.JSONDecodeError as error:
        return None, f"not valid JSON: {error.msg} (column {error.colno})"
    except RecursionError:
        return None, "not valid JSON: nested too deeply"


def parse_object(raw: bytes, number: int, keys: str) -> tuple[object, str | None]:
    """Like :func:`parse_line`, for inputs whose every line is an object with ``keys``."""
    value, error = parse_line(raw, number)
    if error is None and value is not BLANK and not isinstance(value, dict):
        return None, f"expected a JSON object with {keys}, got {type(value).__name__}"
    return value, error

"""Normalise numeric expressions with the baseline normaliser (guidelines §4), one JSON line each.

``conflict-counts normalize --lang sv "närmare 800" "mellan 3500-5000"`` or
``conflict-counts normalize --jsonl FILE`` (lines with ``text`` and ``lang``; ``-`` reads
stdin). Each input gives ``{"text", "low", "high", "qualifier"}``; an expression the
normaliser cannot read gives nulls, which is a result, not an error. A malformed input
line is an error naming the file, line and field, and nothing is printed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from conflict_counts.errors import InputError, Problem, quote, raise_if_any
from conflict_counts.numbers import LANGS, normalize

_COMMAND_LINE = "command line"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("texts", nargs="*", metavar="TEXT", help="numeric expressions")
    parser.add_argument(
        "--lang", choices=LANGS, help="language of TEXT; default for JSONL lines without 'lang'"
    )
    parser.add_argument(
        "--jsonl", metavar="FILE", help="JSON Lines with 'text' and 'lang' ('-' for stdin)"
    )


def run(args: argparse.Namespace) -> int:
    if args.jsonl is not None and args.texts:
        raise InputError.at(_COMMAND_LINE, None, "TEXT", "give TEXT arguments or --jsonl, not both")
    if args.jsonl is not None:
        items = _read_jsonl(args.jsonl, args.lang)
    elif not args.texts:
        raise InputError.at(_COMMAND_LINE, None, "TEXT", "give TEXT arguments or --jsonl FILE")
    elif args.lang is None:
        raise InputError.at(_COMMAND_LINE, None, "--lang", f"required with TEXT; one of {LANGS}")
    else:
        items = [(text, args.lang) for text in args.texts]
        for text in args.texts:
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:  # bytes that are not UTF-8 arrive as lone surrogates
                raise InputError.at(_COMMAND_LINE, None, "TEXT", f"not valid UTF-8: {quote(text)}") from None
    lines = [json.dumps(_result(text, lang), ensure_ascii=False) + "\n" for text, lang in items]
    sys.stdout.write("".join(lines))
    return 0


def _result(text: str, lang: str) -> dict[str, object]:
    normalized = normalize(text, lang)
    if normalized is None:
        return {"text": text, "low": None, "high": None, "qualifier": None}
    return {
        "text": text,
        "low": normalized.low,
        "high": normalized.high,
        "qualifier": normalized.qualifier,
    }


def _read_jsonl(name: str, default_lang: str | None) -> list[tuple[str, str]]:
    """Every line checked before anything is printed; all problems reported at once."""
    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except OSError as error:
        raise InputError.at(name, None, None, f"cannot read: {error.strerror}") from None
    label = "<stdin>" if name == "-" else name
    items: list[tuple[str, str]] = []
    problems: list[Problem] = []
    for number, raw in enumerate(data.splitlines(), start=1):
        item, errors = _parse_line(raw, number, default_lang)
        problems += [Problem(label, number, field, message) for field, message in errors]
        if item is not None:
            items.append(item)
    raise_if_any(problems)
    return items


Errors = list[tuple[str | None, str]]  # (field, message) of one line


def _parse_line(raw: bytes, number: int, default_lang: str | None) -> tuple[tuple[str, str] | None, Errors]:
    """One JSONL line → (text, lang), or None with what is wrong with it (blank: neither)."""
    from conflict_counts.jsonl import BLANK, parse_object

    record, error = parse_object(raw, number, "text, lang")
    if error is not None or record is BLANK:
        return None, [] if error is None else [(None, error)]
    assert isinstance(record, dict)
    text = record.get("text")
    lang = record.get("lang", default_lang)
    errors: Errors = []
    if not isinstance(text, str):
        errors.append(("text", "missing" if text is None else f"expected a string, got {quote(text)}"))
    if lang not in LANGS:
        message = "missing (or give --lang)" if lang is None else f"{quote(lang)} is not one of {LANGS}"
        errors.append(("lang", message))
    return (None, errors) if errors else ((text, lang), [])

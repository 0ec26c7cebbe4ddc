"""Hand-made token features for the learned baseline (sparse dicts for a DictVectorizer).

Word shape, lower form, prefixes and suffixes, capitalisation, digits, the neighbours'
forms and shapes, and membership in the number normaliser's lexicon (number words,
scale and magnitude words, qualifier cues), which tells the tagger that "närmare" or
"tusenvis" belongs to a claim in a language it has seen little of.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache

from conflict_counts.numbers.lexicon import lexicon

WINDOW = 2  # neighbours on each side


@cache
def number_words(lang: str) -> frozenset[str]:
    """Every single word of the number lexicon of ``lang`` (lower case)."""
    lex = lexicon(lang)
    words: set[str] = set()
    for table in (lex.units, lex.teens, lex.tens, lex.scales, lex.plurals):
        words.update(table)
    words.update(lex.hundreds)
    words.update(lex.dozens)
    for phrases in (lex.cues, lex.range_open):
        for phrase in phrases:
            words.update(phrase.split())
    for fragment in lex.several:
        words.update(w for w in fragment.replace(r"\s+", " ").split() if w.isalpha())
    words -= set(lex.articles)  # "en", "a": too common to tell anything
    return frozenset(words)


@lru_cache(maxsize=100_000)
def shape(token: str) -> str:
    """"Xxxx", "XX", "dd,ddd", "xx-Xxx": character classes with runs collapsed."""
    mapped = re.sub(r"[A-ZÅÄÖÆØÉÜ]", "X", token)
    mapped = re.sub(r"[a-zåäöæøéü]", "x", mapped)
    mapped = re.sub(r"\d", "d", mapped)
    return re.sub(r"(.)\1{2,}", r"\1\1", mapped)


@lru_cache(maxsize=100_000)
def _own(token: str, lang: str) -> tuple[tuple[str, object], ...]:
    lower = token.lower()
    numbers = number_words(lang)
    return (
        ("w", lower),
        ("shape", shape(token)),
        ("p2", lower[:2]),
        ("p3", lower[:3]),
        ("s2", lower[-2:]),
        ("s3", lower[-3:]),
        ("s4", lower[-4:]),
        ("title", token[:1].isupper() and token[1:].islower()),
        ("upper", token.isupper() and len(token) > 1),
        ("digit", any(c.isdigit() for c in token)),
        ("numword", lower in numbers),
        ("magnitude", lower.endswith(("tals", "tal", "vis", "tall", "talls"))),
        ("hyphen", "-" in token),
        ("len", min(len(token), 8)),
    )


def token_features(tokens: Sequence[str], lang: str) -> list[dict[str, object]]:
    """One feature dict a token of a sentence."""
    rows: list[dict[str, object]] = []
    lowers = [t.lower() for t in tokens]
    numbers = number_words(lang)
    for i, token in enumerate(tokens):
        row: dict[str, object] = {"bias": 1, "lang": lang, "first": i == 0}
        row.update(_own(token, lang))
        for offset in range(-WINDOW, WINDOW + 1):
            if offset == 0:
                continue
            j = i + offset
            if 0 <= j < len(tokens):
                row[f"{offset}:w"] = lowers[j]
                row[f"{offset}:shape"] = shape(tokens[j])
                row[f"{offset}:num"] = lowers[j] in numbers or tokens[j][:1].isdigit()
            else:
                row[f"{offset}:w"] = "<pad>"
        rows.append(row)
    return rows


def context_features(words: Sequence[str], lang: str) -> dict[str, object]:
    """Bag of words (and 4-letter stems, which carry across sv/nb) around a claim."""
    row: dict[str, object] = {"bias": 1, "lang": lang}
    for word in words:
        lower = word.lower()
        if not any(c.isalpha() for c in lower):
            continue
        row[f"w={lower}"] = 1
        row[f"stem={lower[:4]}"] = 1
    return row

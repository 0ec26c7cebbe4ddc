"""Every cue and magnitude word of the guidelines' lexicon tables, in every language, goes
through the normaliser and the claim finder with the meaning the guidelines give it.

The tables are read from ANNOTATION_GUIDELINES.md itself (§4.5 cue words, §4.6 magnitude
words), so a word added there is tested without being typed here.
"""

from __future__ import annotations

import re

import pytest

from conflict_counts.numbers import find_numbers, normalize
from tests.conftest import ROOT

GUIDELINES = (ROOT / "ANNOTATION_GUIDELINES.md").read_text(encoding="utf-8")
FRAMES = {  # a sentence around the expression, followed by a counted noun
    "sv": "Enligt rapporten flydde {} fångar från lägret.",
    "nb": "Ifølge rapporten rømte {} fanger fra leiren.",
    "da": "Ifølge rapporten flygtede {} fanger fra lejren.",
    "en": "The report says {} prisoners escaped from the camp.",
}
SELF_STANDING = {"approx"}  # cells of this row may be whole expressions ("ett hundratal")


def _tables(header: str) -> list[list[list[str]]]:
    """The rows (lists of cells) of every table whose header row starts with ``header``."""
    tables, current = [], None
    for line in GUIDELINES.splitlines():
        if line.startswith(header):
            current = [line]
            tables.append(current)
        elif current is not None and line.startswith("|"):
            current.append(line)
        else:
            current = None
    return [[[c.strip() for c in row.strip("|").split("|")] for row in t] for t in tables]


def _words(cell: str) -> list[str]:
    cell = re.sub(r"\([^)]*\)", "", cell).replace("; also", ",")
    return [w.strip() for w in cell.split(",") if w.strip() and "…" not in w]


def _cue_cases() -> list[tuple[str, str, str]]:
    (table,) = [t for t in _tables("| qualifier | sv | nb |") if "da" in t[0]]
    languages = table[0][1:]
    cases = []
    for row in table[2:]:
        qualifier = row[0].strip("`")
        for language, cell in zip(languages, row[1:], strict=True):
            cases.extend((language, qualifier, word) for word in _words(cell))
    return cases


def _expression(qualifier: str, cue: str) -> tuple[str, float | None, float | None]:
    if qualifier == "range":
        return re.sub(r"\bb\b", "500", re.sub(r"\ba\b", "300", cue)), 300, 500
    low, high = {"approx": (300, 300), "at_least": (300, None), "more_than": (300, None),
                 "nearly": (None, 300), "at_most": (None, 300)}[qualifier]
    return f"{cue} 300", low, high


def _magnitude_cases() -> list[tuple[str, str, float | None, float | None]]:
    cases = []
    for table in _tables("| meaning |"):
        header = table[0]
        languages = [c for c in header if c in FRAMES]
        low_col, high_col = header.index("low"), header.index("high")
        for row in table[2:]:
            for language in languages:
                for word in _words(row[header.index(language)]):
                    numeric = row[low_col].isdigit()  # "about N (group noun)": N is the word's own value
                    low, high = (float(row[low_col]), float(row[high_col])) if numeric else (None, None)
                    cases.append((language, word, low, high))
    return cases


CUES = _cue_cases()
MAGNITUDES = _magnitude_cases()


def test_the_tables_were_found() -> None:
    assert {language for language, _, _ in CUES} == set(FRAMES)
    assert len(CUES) > 100 and len(MAGNITUDES) > 60


@pytest.mark.parametrize(("language", "qualifier", "cue"), CUES, ids=[f"{c[0]}-{c[2]}" for c in CUES])
def test_every_cue_is_normalised_and_found(language: str, qualifier: str, cue: str) -> None:
    standing = normalize(cue, language)
    if qualifier in SELF_STANDING and standing is not None:  # "ett hundratal", "a couple"
        expression, low, high = cue, standing.low, standing.high
        assert standing.qualifier == "approx"
    else:
        expression, low, high = _expression(qualifier, cue)
        normalized = normalize(expression, language)
        assert normalized is not None, expression
        assert (normalized.low, normalized.high, normalized.qualifier) == (low, high, qualifier)
    sentence = FRAMES[language].format(expression)
    found = [(n.text, n.normalized.low, n.normalized.high) for n in find_numbers(sentence, language)]
    assert found == [(expression, low, high)], sentence


@pytest.mark.parametrize(("language", "word", "low", "high"), MAGNITUDES,
                         ids=[f"{c[0]}-{c[1]}" for c in MAGNITUDES])
def test_every_magnitude_word_is_normalised_and_found(
    language: str, word: str, low: float | None, high: float | None
) -> None:
    normalized = normalize(word, language)
    assert normalized is not None, word
    if low is None:  # about N: a point value
        assert normalized.qualifier == "approx" and normalized.low == normalized.high
        low, high = normalized.low, normalized.high
    assert (normalized.low, normalized.high) == (low, high)
    sentence = FRAMES[language].format(word)
    found = [(n.text, n.normalized.low, n.normalized.high) for n in find_numbers(sentence, language)]
    span = re.sub(r"\s+(?:of|av|af)$", "", word)  # the partitive is not part of the span (§4.4)
    assert found == [(span, low, high)], sentence

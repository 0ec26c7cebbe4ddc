"""Reading short noun phrases forwards and backwards: the counted noun and described sources.

A noun phrase here is what a reader takes for one: pre-modifiers (adjectives,
participles, acronyms, "svenska", "flyende", "IS"), a head noun, and a coordinated second
head ("women and children", "security and humanitarian sources"); it stops at a function
word, punctuation, a number or a line break, and never takes post-modifiers.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from conflict_counts.baselines.rules.lexicon import CueLexicon
from conflict_counts.baselines.rules.names import DEMONYMS
from conflict_counts.records import Span

# A word: a dotted abbreviation ("U.S."), a word with its hyphenated parts, or a number with
# its separators, i.e. ``(?:[A-ZÅÄÖÆØ]\.){2,}|[^\W\d_]\w*(?:-\w+)*|\d[\d.,]*``. Written with the
# first character (a letter or digit, whichever form follows) matched before the form is
# chosen by looking back at it: a pattern that opens with a character class lets the regex
# engine skip to the next word in C instead of trying every offset (the same matches).
WORD = re.compile(
    r"[^\W_](?:(?<=[A-ZÅÄÖÆØ])\.(?:[A-ZÅÄÖÆØ]\.)+|(?<=[^\W\d_])\w*(?:-\w+)*|(?<=\d)[\d.,]*)"
)
_SPACE = re.compile(r"[ \u00a0\u202f]+")
MAX_MODIFIERS = 3
WINDOW = 100  # characters a noun phrase may span: enough for four words and a coordination


class Word(NamedTuple):
    """A word of the text with its offsets, and in lower case (as the lexicons hold it: the
    rules ask for it several times a word)."""
    start: int
    end: int
    text: str
    lower: str


_new = tuple.__new__  # a named tuple from a tuple of its fields, without the Python frame of its __new__


def words_between(text: str, start: int, end: int) -> list[Word]:
    """The words of ``text[start:end]`` with their offsets."""
    return [_new(Word, (*m.span(), word := m.group(), word.lower())) for m in WORD.finditer(text, start, end)]


def last_words(text: str, start: int, end: int) -> list[Word]:
    """The words of the last ``WINDOW`` characters before ``end`` (not before ``start``)."""
    return words_between(text, max(start, end - WINDOW), end)


class WordReader:
    """The words before a cue, read once, and the windows inside them the rules ask for.

    ``reader(start, end)`` is ``words_between(text, start, end)``. A window that starts
    where the first read started and ends inside it, without cutting one of its words,
    holds exactly that read's words up to its end (the regex finds the same ones), so
    those are handed out instead of scanning the text again.
    """

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        self.words = words_between(text, start, end)

    def __call__(self, start: int, end: int) -> list[Word]:
        if start == self.start and end <= self.end:
            cut: list[Word] = []
            for word in self.words:
                if word.end <= end:
                    cut.append(word)
                elif word.start < end:
                    break  # `end` cuts this word: the regex would read it otherwise
                else:
                    return cut
            else:
                return cut
        return words_between(self.text, start, end)

    def last(self, start: int, end: int) -> list[Word]:
        """``last_words(text, start, end)``."""
        return self(max(start, end - WINDOW), end)


def _spaced(text: str, a: int, b: int) -> bool:
    """Only inline spaces between positions a and b (no punctuation, no line break)."""
    if text[a:b] == " ":
        return True  # the common case, without the regex
    return a == b or _SPACE.fullmatch(text, a, b) is not None


def is_content(word: Word, lex: CueLexicon) -> bool:
    """Whether a word can head a noun phrase (not a number, not a function word)."""
    return not word.text[0].isdigit() and word.lower not in lex.function_words


def is_modifier(word: Word, lex: CueLexicon) -> bool:
    """Whether a word can modify a counted noun (an adjective or a demonym)."""
    lower = word.lower
    if lower in lex.adjectives or lower in DEMONYMS:
        return True
    if word.text.isupper() and len(word.text) <= 6 and "-" not in word.text:
        return True  # an acronym before a noun: "IS fångar", "U.S. officials"
    return (lower.endswith(lex.adjective_endings) or lower.endswith(lex.genitive_endings)) and len(lower) > 4


def _before_a_claim(following: Word | None, stop: frozenset[int]) -> bool:
    return following is not None and following.start in stop


def noun_phrase(
    text: str, start: int, limit: int, lex: CueLexicon, stop: frozenset[int] = frozenset()
) -> Span | None:
    """The noun phrase that starts at ``start`` (after optional spaces), or None.

    ``stop`` holds offsets where other claims start: a phrase never runs into them
    ("kurdiske soldater og 77 IS-krigere" ends at "soldater").
    """
    matches = WORD.finditer(text, start, min(limit, start + WINDOW))
    words: list[Word] = []  # read from the text only as far as they are asked for

    def word(i: int) -> Word | None:
        while len(words) <= i:
            match = next(matches, None)
            if match is None:
                return None
            word = match.group()
            words.append(_new(Word, (*match.span(), word, word.lower())))
        return words[i]

    def usable(i: int, after: int) -> bool:
        candidate = word(i)
        return (
            candidate is not None
            and _spaced(text, after, candidate.start)
            and candidate.start not in stop
            and is_content(candidate, lex)
        )

    index, position = 0, start
    first: int | None = None
    last: int | None = None
    while usable(index, position):  # then words[index] is read
        current = words[index]
        first = current.start if first is None else first
        modifiers = 0
        # pre-modifiers, then the head
        while modifiers < MAX_MODIFIERS and is_modifier(current, lex) and usable(index + 1, current.end):
            index += 1
            modifiers += 1
            current = words[index]
        last = current.end
        index += 1
        # an English noun compound: a singular noun before a plural one ("security officials",
        # "pickup trucks"); a plural head is not extended ("prisoners escaped")
        compound = word(index)
        if (
            lex.lang == "en"
            and compound is not None
            and not current.lower.endswith("s")
            and compound.lower.endswith("s")
            and len(compound.lower) > 3
            and compound.lower not in lex.speech_verbs
            and usable(index, last)
        ):
            last = compound.end
            index += 1
        # a coordinated head: "prisoners and detainees"
        conjunction = word(index)
        if (
            conjunction is not None
            and conjunction.lower in lex.conjunctions
            and _spaced(text, last, conjunction.start)
            and usable(index + 1, conjunction.end)
            and not _before_a_claim(word(index + 2), stop)  # "tält och skadade fem": a verb
        ):
            position = conjunction.end
            index += 1
            continue
        break
    return Span(first, last) if first is not None and last is not None else None


def noun_phrase_before(
    text: str, end: int, floor: int, lex: CueLexicon, read: WordReader | None = None
) -> Span | None:
    """The content words that end at ``end`` (the subject before a verb), at most four.

    ``read``: the words already read before the cue (see ``WordReader``).
    """
    start = max(floor, end - WINDOW // 2 - 10)
    words = read(start, end) if read is not None else words_between(text, start, end)
    chosen: list[Word] = []
    boundary = end
    for word in reversed(words):
        if not _spaced(text, word.end, boundary) or not is_content(word, lex):
            break
        chosen.append(word)
        boundary = word.start
        if len(chosen) == 4:
            break
    if not chosen:
        return None
    return Span(chosen[-1].start, chosen[0].end)


def skip_words(text: str, position: int, limit: int, phrases: tuple[str, ...]) -> int:
    """Skip leading spaces and any of ``phrases`` ("uppgifter från"), returning the new offset."""
    match = _SPACE.match(text, position, limit)
    position = match.end() if match else position
    if not phrases:
        return position
    longest, pattern = _phrase_pattern(phrases)
    # as far as the longest phrase and the character after it: what the pattern reads
    found = pattern.match(text[position : min(limit, position + longest + 1)].lower())
    if found is None:
        return position
    position += found.end()
    match = _SPACE.match(text, position, limit)
    return match.end() if match else position


@lru_cache(maxsize=256)
def _phrase_pattern(phrases: tuple[str, ...]) -> tuple[int, re.Pattern[str]]:
    """The longest phrase's length, and a pattern of the phrases longest first, each ending
    where no letter or digit follows (``str.isalnum``, which is ``\\w`` without "_"):
    compiled once (the lexicon's tuples are few and fixed)."""
    ordered = sorted(phrases, key=len, reverse=True)
    body = "|".join(re.escape(phrase) for phrase in ordered)
    return len(ordered[0]), re.compile(rf"(?:{body})(?![^\W_])")

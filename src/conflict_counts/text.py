"""Sentence and token segmentation shared by the tokens view, the scorer and the baselines.

Both are plain regular expressions so that anyone can reproduce them:

* Sentences end at a line break, or after ``.``, ``!`` or ``?`` (with any closing quote)
  when the next non-space character is an upper-case letter, a digit, a quote or a dash.
  "sov.Elva" (a missing space in the source) is split; "U.S. officials" is not.
* Tokens are runs of letters and digits; digit groups joined by ``.`` or ``,`` stay one
  token ("15,000", "5.000", "1,5"), space-grouped numbers do not ("3 500" is two
  tokens: a token never contains white space); dotted abbreviations ("U.S.") are one
  token; every other non-space character is a token of its own. "IS-anhängare" is
  three tokens ("IS", "-", "anhängare"), "Gweiranfängelset" one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends where a match ends. The pattern opens with the one character class every
# match starts with (the terminal punctuation is matched, not looked behind at), so that the
# search skips in C to the next such character instead of trying every offset (3x faster).
_SENTENCE_END = re.compile(
    r"""
    [\n.!?]
    (?: (?<=\n) \n*                              # a line break always ends a sentence
      | ["”’»)]*                                 # terminal punctuation, closing quotes
        (?: [ \t]+ (?=[\"“”«'‘–—\-A-ZÅÄÖÆØÉ0-9]) # then space and a sentence opener
          | (?=[A-ZÅÄÖÆØ][a-zåäöæøé]) ) )         # or glued to a capitalised word
    """,
    re.VERBOSE,
)
_NON_SPACE = re.compile(r"\S")

TOKEN_PATTERN = re.compile(
    r"""
    \d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?(?!\d)            # grouped digits: 15,000 5.000
    | \d+(?:[.,]\d+)?                                  # plain number or decimal: 1,5 1.5
    | (?:[A-Z]\.){2,}                                   # dotted abbreviations: U.S.
    | \w+                                              # words
    | [^\w\s]                                          # any other single character
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, init=False)
class Segment:
    """A piece of a document located by code-point offsets (end-exclusive)."""

    start: int
    end: int
    text: str

    def __init__(self, start: int, end: int, text: str) -> None:
        # what the generated __init__ of a frozen dataclass does, without its three calls of
        # object.__setattr__ (twice as fast: a document has a segment per sentence and clause)
        fields = self.__dict__
        fields["start"], fields["end"], fields["text"] = start, end, text


def sentences(text: str) -> list[Segment]:
    """Split a document into sentences, dropping whitespace between them."""
    segments: list[Segment] = []
    position = 0
    for boundary in [*_SENTENCE_END.finditer(text), None]:
        end = len(text) if boundary is None else boundary.end()
        piece = text[position:end]
        stripped = piece.strip()
        if stripped:
            start = position + (len(piece) - len(piece.lstrip()))
            segments.append(Segment(start, start + len(stripped), stripped))
        position = end
    return segments


def sentence_starts(text: str) -> list[int]:
    """Where each of :func:`sentences` begins, without building the sentences.

    >>> sentence_starts("Hej. Då.  Nej")
    [0, 5, 10]
    """
    starts: list[int] = []
    position = 0
    for boundary in [*_SENTENCE_END.finditer(text), None]:
        end = len(text) if boundary is None else boundary.end()
        first = _NON_SPACE.search(text, position, end)
        if first is not None:
            starts.append(first.start())
        position = end
    return starts


def bounded(segments: list[Segment], limit: int) -> list[Segment]:
    """``segments`` with each one longer than ``limit`` characters cut into pieces.

    Cuts fall on the last white space before the limit (inside a word only when a piece
    has none), so work done a sentence at a time stays linear in the input however long
    a line without sentence punctuation is.

    >>> [s.text for s in bounded([Segment(0, 11, "one two six")], 8)]
    ['one two', 'six']
    """
    pieces: list[Segment] = []
    for segment in segments:
        text, start = segment.text, 0
        if text and len(text) <= limit and text.strip() == text and segment.end - segment.start == len(text):
            pieces.append(segment)  # what the loop below would make of it: an equal segment
            continue
        while len(text) - start > limit:
            cut = text.rfind(" ", start + 1, start + limit + 1)
            cut = cut if cut > start else start + limit
            piece = text[start:cut].strip()
            if piece:
                offset = segment.start + start + (len(text[start:cut]) - len(text[start:cut].lstrip()))
                pieces.append(Segment(offset, offset + len(piece), piece))
            start = cut
        rest = text[start:]
        if rest.strip():
            offset = segment.start + start + (len(rest) - len(rest.lstrip()))
            pieces.append(Segment(offset, offset + len(rest.strip()), rest.strip()))
    return pieces


def tokens(text: str, offset: int = 0) -> list[Segment]:
    """Tokenise ``text``; offsets are shifted by ``offset`` (the sentence start)."""
    return [
        Segment(m.start() + offset, m.end() + offset, m.group())
        for m in TOKEN_PATTERN.finditer(text)
    ]


def sentence_index(segments: list[Segment], position: int) -> int:
    """Index of the sentence that holds character ``position`` (or the one before a gap)."""
    from bisect import bisect_right

    starts = [s.start for s in segments]
    return max(bisect_right(starts, position) - 1, 0)

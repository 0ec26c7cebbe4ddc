"""Find numeric-claim expressions in running text (the claim-span rule of ANNOTATION_GUIDELINES.md §4).

One compiled pattern scans the text; Python runs only on its matches, which are then
checked against their immediate context to drop what ANNOTATION_GUIDELINES.md §4 excludes: years and
dates, clock times, durations and ages, ordinals, percentages, labels ("nr 5"), the
pronoun "one" ("one of the largest"). The indefinite article and vague quantifiers
without a number word never match the pattern in the first place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from conflict_counts.numbers.lexicon import LEXICONS, lexicon
from conflict_counts.numbers.normalize import Normalized, Reading, read_match
from conflict_counts.numbers.patterns import DASH, SP, patterns, regexes, words

YEARS = range(1900, 2100)  # a bare four-digit number in this range is read as a year
DAYS = range(1, 32)
# Month names of every language: a date quoted from another language is still a date
# ("20. January" in a Norwegian text). Not the ones that are also common words elsewhere.
AMBIGUOUS_MONTHS = frozenset({"may", "mar", "mars", "mai", "maj", "jun", "jul", "dec", "des"})
# Capitalised words that stand before a count without naming anything ("On Thursday 40 ...").
NOT_NAMES = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


@dataclass(frozen=True)
class NumberSpan:
    """A numeric expression: ``text == document[start:end]``, with its normalised value."""

    start: int
    end: int
    text: str
    normalized: Normalized


@dataclass(frozen=True)
class _Context:
    """Patterns on the text just before (``$``-anchored) and after (``match``) a match."""

    before: re.Pattern[str]  # clock "kl.", "aged", labels "nr", glued "F-", "2019-"
    after: re.Pattern[str]  # units of time, percent, am/pm, glued "-årig", "-10-14"
    ordinal_after: re.Pattern[str]  # Nordic "5. plass", Swedish "1:a"
    month_before: re.Pattern[str]
    month_after: re.Pattern[str]
    name_before: re.Pattern[str]  # a capitalised word right before: "Kanal 5", "Kurdistan 24"
    one_before: re.Pattern[str] | None
    partitive_after: re.Pattern[str]


@cache
def _context(lang: str) -> _Context:
    lex = lexicon(lang)
    flags = re.IGNORECASE
    before = [r"\w" + DASH, "[#§]"]
    # The words share one "(?<!\w)" before their alternation: the same test, made once.
    before_words = [
        f"{words(group)}{tail}"
        for group, tail in ((lex.clock, f"{SP}*"), (lex.age_before, f"{SP}+"), (lex.label_before, f"{SP}*"))
        if group
    ]
    if before_words:
        before.append(rf"(?<!\w)(?:{'|'.join(before_words)})")
    after = [
        f"{SP}+{regexes(lex.time_units)}(?!\\w)",
        f"{SP}*{words(lex.percent)}(?!\\w)",
        rf"{SP}*[ap]\.?m\.?(?!\w)",
        f"{DASH}[^\\W\\d_]",
        r"[-\u2013\u2014./:]\d",
    ]
    ordinal = r":[^\W\d_]"
    if lex.lang != "en":
        ordinal += f"|\\.{SP}+[a-zåäöæøé]"
    foreign = {m for other in LEXICONS.values() for m in other.months if len(m) > 3} - AMBIGUOUS_MONTHS
    months = words(sorted({*lex.months, *foreign}))
    cue_words = {word for cue in lex.cues for word in cue.split()}
    name = r"(?P<name>[A-ZÅÄÖÆØÉ][\w\-’']*)"
    return _Context(
        before=re.compile(f"(?:{'|'.join(before)})$", flags),
        after=re.compile(f"(?:{'|'.join(after)})", flags),
        ordinal_after=re.compile(ordinal),
        month_before=re.compile(rf"(?<!\w){months}\.?{SP}+$", flags),
        month_after=re.compile(rf"\.?{SP}+{months}(?!\w)", flags),
        name_before=re.compile(
            rf"(?:(?P<inner>[\w,;:)”\"]{SP}+)|^|(?<=[.!?\n]){SP}*){name}{SP}+$"
            if cue_words else rf"{name}{SP}+$"
        ),
        one_before=(
            re.compile(rf"(?<!\w){words(lex.one_before)}{SP}+$", flags)
            if lex.one_before else None
        ),
        partitive_after=re.compile(rf"{SP}+{words(lex.partitive)}(?!\w)", flags),
    )


def _number_like(part: str, allowed: range) -> bool:
    return part.isascii() and part.isdigit() and int(part) in allowed


def _excluded(reading: Reading, text: str, lang: str, ctx: _Context | None = None) -> bool:
    """Whether the context shows the match is not a count (see module docstring).

    ``ctx`` is ``_context(lang)``, looked up once a document by the finder.
    """
    ctx = ctx or _context(lang)
    start, end = reading.start, reading.end
    window = max(0, start - 16)  # longest word before: "klockan ", "september "
    # "before": endpos makes "$" the match start; lookbehinds still see the whole text.
    # The cheap tests first (all of them are pure: the order does not change the answer).
    if (
        ctx.ordinal_after.match(text, end) is not None
        or ctx.after.match(text, end) is not None
        or ctx.before.search(text, window, start) is not None
    ):
        return True
    if reading.kind == "vague":
        return False
    parts = [text[s:e] for s, e in reading.parts]
    under = reading.cue is not None and reading.cue.lower() == "under"  # "under 2019"
    if all(_number_like(p, YEARS) for p in parts) and (reading.cue is None or under):
        return True
    days = all(_number_like(p, DAYS) for p in parts)
    if days and (
        ctx.month_after.match(text, end) is not None
        or ctx.month_before.search(text, window, start) is not None
    ):
        return True
    if len(parts) == 1 and reading.cue is None and _in_name(reading, text, ctx, lang):
        return True
    if len(parts) == 1 and reading.cue is None:
        word = parts[0].lower()
        lex = lexicon(lang)
        if lex.units.get(word) == 1 and word not in lex.articles:
            pronoun = ctx.one_before is not None and ctx.one_before.search(text, window, start) is not None
            return ctx.partitive_after.match(text, end) is not None or pronoun
    return False


def _in_name(reading: Reading, text: str, ctx: _Context, lang: str) -> bool:
    """Digits right after a capitalised word belong to a name ("Kanal 5", "Channel 4",
    "Kurdistan 24"), unless that word only opens the sentence ("Totalt 12 000") or is a cue,
    a number word or a weekday. At a sentence start only a word written in capitals
    ("TV 2") counts: an ordinary word is capitalised there too."""
    number = text[reading.start : reading.end]
    if not number.isdigit():
        return False
    found = ctx.name_before.search(text, max(0, reading.start - 40), reading.start)
    if found is None:
        return False
    word = found.group("name")
    lowered = word.lower()
    lex = lexicon(lang)
    if lowered in NOT_NAMES or lowered in lex.cues or any(lowered in d for d in (
            lex.units, lex.teens, lex.tens, lex.scales)):
        return False
    return found.group("inner") is not None or (len(word) > 1 and word.isupper())


def iter_numbers(text: str, lang: str) -> Iterator[NumberSpan]:
    """Yield the numeric-claim expressions of ``text`` in ``lang``, left to right."""
    for start, end, normalized in number_spans(text, lang):
        yield NumberSpan(start, end, text[start:end], normalized)


def number_spans(text: str, lang: str) -> Iterator[tuple[int, int, Normalized]]:
    """``(start, end, normalized)`` of each of :func:`iter_numbers`, without the span object."""
    pats = patterns(lang)
    # Scanning lower-cased text without IGNORECASE is about 2.5x faster; offsets are
    # the same unless lower-casing changes the length (Turkish dotted I), then fall back.
    lowered = text.lower()
    if len(lowered) == len(text):
        # A claim opens where no word character precedes: at 0, or right after a non-word
        # character. ``claim_after_nonword`` consumes that character instead of looking
        # behind, so the engine skips in C to the candidates. Searched from one character
        # before ``position``, its first match is the first claim at ``position`` or later
        # (each position after 0 tried in the same order, the rest of the pattern the same
        # and seeing the same text), found one character early: ``before`` is that 1.
        search, scanned, before = pats.claim_after_nonword.search, lowered, 1
        m = pats.claim.match(lowered)  # the claim at 0, if any, which that search misses
        if m is not None:
            start = 0
        elif (m := search(lowered, 0)) is not None:
            start = m.start() + 1
    else:
        search, scanned, before = pats.claim_ci.search, text, 0
        if (m := search(text, 0)) is not None:
            start = m.start()
    ctx = _context(lang)
    while m is not None:
        reading = read_match(m, lang, full=False)
        if reading is None:
            position = start + 1
        else:
            position = max(reading.end, start + 1)
            if not _excluded(reading, text, lang, ctx):
                yield reading.start, reading.end, reading.normalized
        if (m := search(scanned, position - before)) is not None:
            start = m.start() + before


def find_numbers(text: str, lang: str) -> list[NumberSpan]:
    """All numeric-claim expressions of ``text`` (see :func:`iter_numbers`)."""
    return list(iter_numbers(text, lang))

"""Entity mentions by capitalisation and name lists, the same rules for every language.

1. Candidates are capitalised words, acronyms ("SDF", "U.S.") and article-prefixed
   names ("al-Hol"); neighbours joined by a space (or "for"/"of") form one run.
2. Fused compounds keep only their name part (ANNOTATION_GUIDELINES.md §3.3): "IS-anhängare" -> "IS",
   "al-Hol-lägret" -> "al-Hol", "Gweiranfängelset" -> "Gweiran" (a facility noun closes it),
   "Mellanösternprogram" -> "Mellanöstern" (a known name opens it).
3. A capitalised word that opens a sentence is a name only if a list knows it, it is an
   acronym, or another name follows; titles, articles, months, demonyms and adjectives
   ("Syrian", "Kurdiske") are dropped unless an organisation word follows
   ("Syriska människorättsobservatoriet", "Syrian Democratic Forces").
4. Labels: a facility noun next to the name -> FAC; a settlement noun -> GPE; then the
   gazetteer; then organisation words and acronyms -> ORG; after a locative preposition
   -> GPE; two or more words -> PER, else ORG.

Runs and labels are cached by their surface and context words (bounded), because names
repeat: that keeps the finder fast on long inputs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise
from typing import NamedTuple

from conflict_counts.baselines.rules.gazetteer import Gazetteer, kebab
from conflict_counts.baselines.rules.lexicon import cues
from conflict_counts.baselines.rules.names import (
    ADJECTIVE_ENDINGS,
    DEMONYMS,
    FACILITY_WORDS,
    MONTHS_AND_DAYS,
    NAME_JOINERS,
    NAME_OPENERS,
    ORG_ENDINGS,
    ORG_WORDS,
    SETTLEMENT_WORDS,
)
from conflict_counts.records import Mention
from conflict_counts.text import Segment

UPPER = "A-ZÅÄÖÆØÉÜ"
_WORD = (
    rf"(?:(?:[{UPPER}]\.){{2,}}(?:-\w+)*"  # U.S., U.S.-led
    rf"|(?:[Aa]l|[Ee]l)-[{UPPER}]\w*(?:-\w+)*"  # al-Hol, al-Hol-lägret, Al-Hasakah
    rf"|[{UPPER}]\w*(?:-\w+)*)"  # IS, IS-anhängare, Ghwayran-fengselet
)
_JOINERS = "|".join(sorted(NAME_JOINERS))
_CANDIDATE = re.compile(rf"(?<![\w\-.]){_WORD}")
# A run is _WORD after no word character, hyphen or dot, then more words. Written here
# with the first character matched before the lookbehind (checked on that character
# instead): a pattern that starts with a character class lets the regex engine skip to
# candidate characters in C, instead of trying the pattern at every offset (2x faster).
_RUN = re.compile(
    rf"[{UPPER}ae](?<![\w\-.][{UPPER}ae])"  # first character, at a word start
    rf"(?:(?<=[{UPPER}])\.(?:[{UPPER}]\.)+(?:-\w+)*"  # the three _WORD forms after it
    rf"|(?<=[AaEe])l-[{UPPER}]\w*(?:-\w+)*"
    rf"|(?<=[{UPPER}])\w*(?:-\w+)*)"
    rf"(?:[ \u00a0]+(?:(?:{_JOINERS})[ \u00a0]+)?{_WORD})*"
)
_ACRONYM = re.compile(rf"^(?:[{UPPER}]{{2,6}}|(?:[{UPPER}]\.){{2,}})$")
_OPENING = re.compile(r"[\s\"“”«»'‘’–—\-(:\[]*")
_NEXT = re.compile(r"[ \u00a0]*([\w\-]+)")
_LOWER_NAME_PARENS = re.compile(  # "De syriske demokratiske styrkene (SDF)"
    # (?<!\w)(?:[Dd]e|[Dd]en|[Dd]et|[Tt]he), first character first (see _RUN)
    r"[DdTt](?<!\w[DdTt])(?:(?<=[Dd])(?:e|en|et)|(?<=[Tt])he)[ ]+"
    r"((?:[a-zåäöæø]+[ ]+){1,3}[a-zåäöæø]+)[ ]+\(([A-ZÅÄÖÆØ]{2,6})\)"
)
_ABBREVIATION_IN_PARENS = re.compile(r"\([A-ZÅÄÖÆØ]{2,6}\)")  # how _LOWER_NAME_PARENS ends
# every character a _LOWER_NAME_PARENS match holds before its parenthesis
_LOWER_NAME_CHARS = "abcdefghijklmnopqrstuvwxyzåäöæøDT "
_PAIR = re.compile(r"[ ]*(?:\([ ]*|,[ ]*)")
_QUOTES = "\"“”«»(:–—"
_FACILITY_SET = frozenset(FACILITY_WORDS)
_FACILITY_ENDINGS = tuple(f for f in FACILITY_WORDS if len(f) > 5)
_AREA_AFTER = frozenset({"province", "provinsen", "governorate", "district"})
_TOWN_OF = ("town of", "city of", "village of", "province of", "district of")
CACHE_SIZE = 50_000


@dataclass(frozen=True)
class _Name:
    start: int  # offsets relative to the run
    end: int
    words: tuple[str, ...]
    rest: str  # the common noun fused to the last word ("lägret"), lower case


class _Found(NamedTuple):
    start: int
    end: int
    label: str


class _Run(NamedTuple):
    """What the text of a run alone says (cached by surface: names repeat)."""

    initial: list[_Name]  # its names where it opens a sentence or a quotation
    inside: list[_Name]  # its names elsewhere (the same list when position does not matter)
    adjective_last: bool  # its last word may open "Syriska människorättsobservatoriet"


def _whole_words(phrases: Sequence[str]) -> re.Pattern[str]:
    r"""``(?<!\w)(?:a|b|...)(?!\w)``, each phrase's first character matched before the lookbehind.

    The same matches, but the pattern starts with a literal character (or a choice of
    them), which the regex engine finds in C instead of trying every offset (see _RUN).
    """
    alternatives = (
        f"{re.escape(p[0])}(?<!\\w{re.escape(p[0])}){re.escape(p[1:])}" for p in phrases
    )
    return re.compile("(?:" + "|".join(alternatives) + r")(?!\w)")


# -- word tests (pure, cached: names repeat) ----------------------------------------------
@lru_cache(maxsize=CACHE_SIZE)
def is_acronym(word: str) -> bool:
    """Whether ``word`` looks like an acronym: two to six capitals, or dotted initials."""
    return bool(_ACRONYM.match(word))


@lru_cache(maxsize=CACHE_SIZE)
def _adjective(word: str, lang: str) -> bool:
    """"Syrian", "Kurdiske", "Utrikespolitiska": an adjective, not a name."""
    lower = word.lower()
    if lower in DEMONYMS:
        return True
    return lang != "en" and not is_acronym(word) and lower.endswith(ADJECTIVE_ENDINGS)


def _english_adjective(word: str, lang: str) -> bool:
    """"Nigerian", "Lebanese" standing alone before a noun: an adjective."""
    return lang == "en" and len(word) > 4 and word.lower().endswith(("ian", "ish", "ese", "ean"))


@lru_cache(maxsize=CACHE_SIZE)
def _org_word(word: str) -> bool:
    lower = word.lower()
    return lower in ORG_WORDS or (len(lower) > 5 and lower.endswith(ORG_ENDINGS))


def _facility(word: str) -> bool:
    return word in _FACILITY_SET or word.endswith(_FACILITY_ENDINGS)


def _name_part(word: str) -> tuple[str, str]:
    """Split a hyphenated word into its name part and the fused common noun."""
    if "-" not in word:
        return word, ""
    parts = word.split("-")
    kept: list[str] = []
    for index, part in enumerate(parts):
        article = index == 0 and part.lower() in ("al", "el") and len(parts) > 1
        if part[:1].isupper() or article or part.endswith("."):
            kept.append(part)
        else:
            break
    if not kept or (len(kept) == 1 and kept[0].lower() in ("al", "el")):
        return "", word.lower()
    name = "-".join(kept)
    return name, word[len(name) + 1 :].lower()


@cache
def _function_words(lang: str) -> frozenset[str]:
    lex = cues(lang)
    return frozenset(lex.function_words | set(lex.determiners) | set(lex.pronouns) | NAME_OPENERS)


def _previous_word(text: str, start: int) -> str:
    chunk = text[max(0, start - 30) : start].rstrip(" ,\t\u00a0")
    if not chunk or chunk[-1] == "\n":
        return ""
    return chunk.rsplit(None, 1)[-1].lstrip(_QUOTES).lower()


def _next_word(text: str, end: int) -> str:
    match = _NEXT.match(text, end, end + 40)
    return match.group(1).lower() if match else ""


class MentionFinder:
    """Finds the entity mentions of one language with one gazetteer."""

    def __init__(self, gazetteer: Gazetteer, lang: str) -> None:
        self.gazetteer = gazetteer
        self.lang = lang
        self.lex = cues(lang)
        self.function_words = _function_words(lang)
        names = gazetteer.lowercase_names
        self.lowercase = _whole_words(names) if names else None
        self._runs: dict[str, _Run] = {}
        self._labels: dict[tuple[str, str, str, str], str] = {}
        self._entities: dict[tuple[str, str], str] = {}

    # -- the document ------------------------------------------------------------------
    def find(self, text: str, sentences: Sequence[Segment]) -> list[Mention]:
        """The mentions of ``text``: gazetteer names, then capitalised words not opening a sentence."""
        found: list[_Found] = []
        # where each sentence's first word starts (after opening quotes and dashes)
        openings = {_OPENING.match(text, s.start, s.end).end() for s in sentences}
        for run in _RUN.finditer(text):  # a run never spans a sentence end: it joins by spaces only
            start = run.start()
            surface = run.group()
            known = self._run(surface)
            names = known.inside
            # where the run stands is looked at only when it changes what the run holds
            if known.initial is not names and (start in openings or self._after_quote(text, start)):
                names = known.initial
            for name in names:
                a, b = start + name.start, start + name.end
                found.append(_Found(a, b, self._label(text, a, b, name)))
            if known.adjective_last:
                found.extend(self._adjective_org(text, run.end(), surface))
        found.extend(self._lowercase_names(text))
        return self._link(text, _without_overlaps(found))

    @staticmethod
    def _after_quote(text: str, start: int) -> bool:
        """Capitalised by position after a quotation mark or a colon: ': ”Vi kommer'."""
        before = text[max(0, start - 2) : start].rstrip(" ")
        return bool(before) and before[-1] in _QUOTES

    # -- structure: which parts of a run are names ---------------------------------------
    def _run(self, surface: str) -> _Run:
        """The names of a run both where it opens a sentence and elsewhere, and its last word."""
        known = self._runs.get(surface)
        if known is None:
            if len(self._runs) > CACHE_SIZE:
                self._runs.clear()
            initial, inside = self._structure(surface, True), self._structure(surface, False)
            if initial == inside:
                initial = inside  # one list: find() then need not look where the run stands
            last = surface.rsplit(None, 1)[-1]
            adjective_last = self.lang != "en" and "-" not in last and _adjective(last, self.lang)
            known = self._runs[surface] = _Run(initial, inside, adjective_last)
        return known

    def _structure(self, surface: str, initial: bool) -> list[_Name]:
        """Split a run at fused compounds, then trim what opens each part."""
        names: list[_Name] = []
        current: list[tuple[int, int, str, str]] = []  # (start, end, name part, rest)
        for match in _CANDIDATE.finditer(surface):
            word, start = match.group(), match.start()
            name, rest = _name_part(word)
            if not name:
                current = self._close(current, names, initial)
                initial = False
                continue
            if not rest:
                name, rest = self._split_closed(name, initial and not current)
            current.append((start, start + len(name), name, rest))
            if rest:  # a fused common noun ends the name
                current = self._close(current, names, initial)
                initial = False
        self._close(current, names, initial)
        return names

    def _close(self, parts: list[tuple[int, int, str, str]], names: list[_Name], initial: bool) -> list:
        parts = self._trim(parts, initial)
        if parts:
            names.append(_Name(parts[0][0], parts[-1][1], tuple(p[2] for p in parts), parts[-1][3]))
        return []

    def _split_closed(self, word: str, initial: bool) -> tuple[str, str]:
        """"Gweiranfängelset" -> "Gweiran" + "fängelset"; "Mellanösternprogram" -> "Mellanöstern"."""
        if len(word) < 7 or self.lang == "en" or is_acronym(word) or _adjective(word, self.lang):
            return word, ""  # English writes names and common nouns apart
        for cut in range(len(word) - 4, 2, -1):
            if word[cut].islower() and self.gazetteer.known(word[:cut]):
                return word[:cut], word[cut:].lower()
        if not initial:
            lower = word.lower()
            if lower.endswith(_FACILITY_ENDINGS):
                for noun in _FACILITY_ENDINGS:
                    if lower.endswith(noun) and len(word) - len(noun) >= 3:
                        cut = len(word) - len(noun)
                        return word[:cut], lower[cut:]
        return word, ""

    def _trim(self, parts: list[tuple[int, int, str, str]], initial: bool) -> list:
        """Drop what opens a run without being part of the name (see module docstring)."""
        org: bool | None = None
        while parts:
            word = parts[0][2]
            lower = word.lower()
            if lower in self.function_words or lower in MONTHS_AND_DAYS:
                parts, initial = parts[1:], False
                continue
            if _adjective(word, self.lang) or (len(parts) == 1 and _english_adjective(word, self.lang)):
                if org is None:
                    org = any(_org_word(p[2]) for p in parts) or _org_word(parts[-1][3])
                if not org:
                    parts, initial = parts[1:], False
                    continue
            if initial and not self.gazetteer.known(word) and not is_acronym(word):
                if len(parts) == 1:
                    return []
                second = parts[1][2]
                if is_acronym(second) or self.gazetteer.known(second):
                    parts, initial = parts[1:], False
                    continue
            break
        return [p for p in parts if p[2].lower() not in MONTHS_AND_DAYS]

    # -- labels ------------------------------------------------------------------------
    def _label(self, text: str, start: int, end: int, name: _Name) -> str:
        before = _previous_word(text, start)
        after = name.rest or _next_word(text, end)
        # "the town of X" ends in "of" before X: the word before is "of" (or, at a line
        # break, none), so the slice is lowered only then
        town_of = before in ("of", "") and (
            text[max(0, start - 14) : start].lower().rstrip().endswith(_TOWN_OF)
        )
        surface = text[start:end]
        key = (surface, before, after, "t" if town_of else "")
        label = self._labels.get(key)
        if label is None:
            if len(self._labels) > CACHE_SIZE:
                self._labels.clear()
            label = self._labels[key] = self._decide(surface, name.words, before, after, town_of)
        return label

    def _decide(self, surface: str, words: tuple[str, ...], before: str, after: str, town_of: bool) -> str:
        if _facility(after) or _facility(before):
            return "FAC"
        if before in SETTLEMENT_WORDS or after in _AREA_AFTER or town_of:
            return "GPE"
        entry = self.gazetteer.lookup(surface)
        if entry is not None:
            return entry.label
        if any(_org_word(w) or is_acronym(w) for w in words):
            return "ORG"
        if before in self.lex.locative:
            return "GPE"
        return "PER" if len(words) >= 2 else "ORG"

    # -- names the capitalisation rules cannot see ----------------------------------------
    def _adjective_org(self, text: str, run_end: int, surface: str) -> list[_Found]:
        """"Syriska människorättsobservatoriet", "Utrikespolitiska institutets": adjective + org noun.

        Not in English, where an adjective before a lower-case noun is a description.
        """
        last = surface.rsplit(None, 1)[-1]
        if "-" in last or not _adjective(last, self.lang):
            return []
        match = _NEXT.match(text, run_end, run_end + 60)
        noun = match.group(1) if match else ""
        if match and noun[:1].islower() and len(noun) > 5 and noun.endswith(ORG_ENDINGS):
            return [_Found(run_end - len(last), match.end(1), "ORG")]
        return []

    def _lowercase_names(self, text: str) -> list[_Found]:
        """"De syriske demokratiske styrkene (SDF)", and lower-case names the gazetteer knows."""
        found = [
            _Found(m.start(1), m.end(1), "ORG")
            for m in (_lower_names_in_parens(text) if " (" in text else ())
            if _org_word(m.group(1).rsplit(None, 1)[-1])
        ]
        if self.lowercase is not None:
            for m in self.lowercase.finditer(text):
                entry = self.gazetteer.lookup(m.group())
                found.append(_Found(m.start(), m.end(), entry.label if entry else "ORG"))
        return found

    # -- entity ids ------------------------------------------------------------------------
    def _link(self, text: str, found: list[_Found]) -> list[Mention]:
        """Entity ids: the gazetteer's, shared by a name and its abbreviation, else the surface."""
        aliases: dict[str, str] = {}
        for first, second in pairwise(found):
            if second.start - first.end <= 3 and _PAIR.fullmatch(text, first.end, second.start):
                short = text[second.start : second.end]
                if is_acronym(short) and first.label == second.label:
                    long = text[first.start : first.end]
                    entity = (
                        self._entity(long, first.label) or self._entity(short, second.label) or kebab(long)
                    )
                    aliases.setdefault(long, entity)
                    aliases.setdefault(short, entity)
        mentions = []
        for f in found:
            surface = text[f.start : f.end]
            entity = aliases.get(surface) or self._entity_or_surface(surface, f.label)
            mentions.append(Mention(f.start, f.end, f.label, entity))
        return mentions

    def _entity(self, surface: str, label: str) -> str | None:
        return self.gazetteer.entity_id(surface, label)

    def _entity_or_surface(self, surface: str, label: str) -> str:
        """The gazetteer's id, else one made of the surface (cached: names repeat)."""
        key = (surface, label)
        entity = self._entities.get(key)
        if entity is None:
            if len(self._entities) > CACHE_SIZE:
                self._entities.clear()
            entity = self._entities[key] = self._entity(surface, label) or kebab(surface)
        return entity


def _lower_names_in_parens(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_LOWER_NAME_PARENS.finditer(text)``, looked for only before an "(SDF)".

    A match ends at an abbreviation in parentheses and holds nothing but lower-case
    letters, "D", "T" and spaces before it, so it starts after the last other character
    before the parenthesis (and after the previous parenthesis): searching that stretch
    alone finds the same matches without scanning the whole text.
    """
    previous = 0
    for parens in _ABBREVIATION_IN_PARENS.finditer(text):
        start = previous + len(text[previous : parens.start()].rstrip(_LOWER_NAME_CHARS))
        match = _LOWER_NAME_PARENS.search(text, start, parens.end())
        if match is not None:
            yield match
        previous = parens.end()


def _without_overlaps(found: list[_Found]) -> list[_Found]:
    """No nesting, no overlap (ANNOTATION_GUIDELINES.md §3.3): the longer of two overlapping spans wins."""
    kept: list[_Found] = []
    for f in sorted(found, key=lambda f: (f.start, -f.end)):
        if not kept or f.start >= kept[-1].end:
            kept.append(f)
        elif f.end - f.start > kept[-1].end - kept[-1].start:
            kept[-1] = f
    return kept

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
   In Swedish, Norwegian and Danish capitalised words after an adjective keep it
   ("Islamisk Stat"). A run splits at a title ("SDF spokesman Rojhat Amed"), after an
   abbreviation before a person, and into the known names of a list; datelines
   ("QAMISHLI, Syria (AP) —") are read apart, lines in capitals not at all
   (ANNOTATION_GUIDELINES.md §3.3, E11).
4. Labels: a facility noun next to the name -> FAC; a settlement noun -> GPE; a region
   noun -> LOC; then the gazetteer; a capitalised administrative head -> GPE; then
   organisation words and acronyms -> ORG; an adjective, a function word or a definite
   genitive inside ("Leger Uten Grenser") -> ORG; an Arabic place-name opener ("Tal") ->
   GPE; after a locative preposition -> GPE; two or more words -> PER, unless the document
   writes one of them in lower case ("Redd Barna": ORG), else ORG, or GPE where a
   conjunction joins it to a place or a movement goes to it ("flyttet til Manbij"). A word
   left out where it opens a sentence is still the name the document writes elsewhere
   inside a sentence (one sense a discourse).

Runs and labels are cached by their surface and context words (bounded), because names
repeat: that keeps the finder fast on long inputs.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise
from operator import itemgetter
from typing import NamedTuple

from conflict_counts.baselines.rules.gazetteer import Gazetteer, kebab
from conflict_counts.baselines.rules.lexicon import cues
from conflict_counts.baselines.rules.names import (
    ADJECTIVE_ENDINGS,
    ADMINISTRATIVE_HEADS,
    ARABIC_ARTICLES,
    COURT_NOUNS,
    DEMONYMS,
    FACILITY_WORDS,
    FORCES_PLURALS,
    MONTH_ABBREVIATIONS,
    MONTHS_AND_DAYS,
    NAME_JOINERS,
    NAME_OPENERS,
    NATIONALITY_NOUNS,
    ORG_ENDINGS,
    ORG_WORDS,
    REGION_WORDS,
    REGNAL_NUMBERS,
    SETTLEMENT_WORDS,
    TITLE_ENDINGS,
    TITLE_WORDS,
    TOPONYM_OPENERS,
)
from conflict_counts.records import Mention
from conflict_counts.text import Segment

UPPER = "A-ZÅÄÖÆØÉÈÊÜÇ"
# the rest of a word: letters, hyphenated parts, and an apostrophe inside it ("al-Sina’a",
# "O'Brien"), but not the English genitive ending («Syria’s» -> «Syria», E1)
_REST = r"\w*(?:(?:-|['’](?!s(?!\w)))\w+)*"
_ARTICLE = "(?:[Aa]l|[Ee]l|a[dnrstz]|ash|e[dlrsz]|u[dlrst])"  # names.ARABIC_ARTICLES
_WORD = (
    rf"(?:(?:[{UPPER}]\.){{2,}}(?:-\w+)*"  # U.S., U.S.-led
    rf"|{_ARTICLE}-[{UPPER}]{_REST}"  # al-Hol, al-Hol-lägret, Al-Hasakah, ez-Zor
    rf"|[{UPPER}]{_REST})"  # IS, IS-anhängare, Ghwayran-fengselet
)
_JOINERS = "|".join(sorted(NAME_JOINERS))
_CANDIDATE = re.compile(rf"(?<![\w\-.]){_WORD}")
# A run is _WORD after no word character, hyphen or dot, then more words. Written here
# with the first character matched before the lookbehind (checked on that character
# instead): a pattern that starts with a character class lets the regex engine skip to
# candidate characters in C, instead of trying the pattern at every offset (2x faster).
_RUN_REST = (
    rf"(?:(?<=[{UPPER}])\.(?:[{UPPER}]\.)+(?:-\w+)*"  # the three _WORD forms after it
    rf"|(?<=[AaEeu])(?:sh|[dlnrstz])-[{UPPER}]{_REST}"
    rf"|(?<=[{UPPER}]){_REST})"
    # then more words; the lookahead holds every first letter of a joiner or a _WORD, so it
    # changes no match, but most words after a run fail it at once (lower case, not a joiner)
    rf"(?:[ \u00a0]+(?=[{UPPER}abdefiou])(?:(?:{_JOINERS})[ \u00a0]+)?{_WORD})*"
)
_RUN = re.compile(rf"[{UPPER}aeu](?<![\w\-.][{UPPER}aeu])" + _RUN_REST)  # first character, at a word start
# The runs that open with a capital: _RUN tries every "a", "e" and "u" of the text, this one
# only the capitals. A run opening in lower case opens with an article and a hyphen before
# a capital ("al-Hol", "ez-Zor"), which _ARTICLE_HYPHEN finds (at the hyphen, in C).
_CAPITAL_RUN = re.compile(rf"[{UPPER}](?<![\w\-.][{UPPER}])" + _RUN_REST)
_ARTICLE_HYPHEN = re.compile(rf"-(?:(?<=[aeu][dlnrstz]-)|(?<=[aeu]sh-))[{UPPER}]")
_ACRONYM = re.compile(rf"^(?:[{UPPER}]{{2,6}}|(?:[{UPPER}]\.){{2,}})$")
_OPENING = re.compile(r"[\s\"“”«»'‘’–—\-(:\[]*")
_NEXT = re.compile(r"[ \u00a0]*([\w\-]+)")
_LOWER_NAME_PARENS = re.compile(  # "De syriske demokratiske styrkene (SDF)"
    # (?<!\w)(?:[Dd]e|[Dd]en|[Dd]et|[Tt]he), first character first (see _RUN)
    r"[DdTt](?<!\w[DdTt])(?:(?<=[Dd])(?:e|en|et)|(?<=[Tt])he)[ ]+"
    r"((?:[a-zåäöæø]+[ ]+){1,3}[a-zåäöæø]+)[ ]+\(([A-ZÅÄÖÆØ]{2,6})\)"
)
# "har bedt De forente nasjoner om", "mens Den europeiske union": a determiner capitalised
# inside a sentence opens a translated name (adjectives in -e, then a noun); the determiner
# is left out (ANNOTATION_GUIDELINES.md §3.3, E2). "D" first (see _RUN).
_DETERMINER_NAME = re.compile(
    r"D(?<=[a-zåäöæø,] D)e(?:n|t)?[ ]+((?:[a-zåäöæø]+e[ ]+)+[a-zåäöæø]{3,})(?![\w\-])"
)
# the number of "TV 2": one or two digits, not the start of a longer number ("SDF 10 000")
_NAME_NUMBER = re.compile(r" \d{1,2}(?![\w%]|[.,:]\d| \d)")
_ABBREVIATION_IN_PARENS = re.compile(r"\([A-ZÅÄÖÆØ]{2,6}\)")  # how _LOWER_NAME_PARENS ends
# every character a _LOWER_NAME_PARENS match holds before its parenthesis
_LOWER_NAME_CHARS = "abcdefghijklmnopqrstuvwxyzåäöæøDT "
_ASCII_LOWER = re.compile("[a-z]")
_PAIR = re.compile(r"[ ]*(?:\([ ]*|,[ ]*)")
_QUOTES = "\"“”«»(:–—"
_FACILITY_SET = frozenset(FACILITY_WORDS)
_FACILITY_ENDINGS = tuple(f for f in FACILITY_WORDS if len(f) > 5)
# common nouns a closed compound may end in after its name part: "Kurdistanregionen"
_FUSED_HEADS = (*_FACILITY_ENDINGS, *(r for r in REGION_WORDS if len(r) > 6), "provinsen")
_REGION_SET = frozenset(REGION_WORDS)
_ENGLISH_DEMONYM_ENDINGS = ("ian", "ish", "ese", "ean", "ians", "eans")
# A dateline: one to three all-capital words opening a line, then a comma, a parenthesis or
# a dash ("QAMISHLI, Syria (AP) —", "RAQQA (Ritzau) –"); the place it names is a GPE
_DATELINE_BODY = (
    rf"[ \t]*([{UPPER}][{UPPER}'’\-]+(?:[ /][{UPPER}][{UPPER}'’\-]*){{0,2}})"  # the place(s)
    rf"(?:,[ ]*[{UPPER}][\w.]*(?:[ ][{UPPER}]\w*)?)?"  # ", Syria"
    rf"[ ]*(?:\(([{UPPER}][\w\-]*)\)[ ]*)?"  # "(AP)", "(NTB-AFP)": the agency
    rf"(?:[,–—:]|-(?!\w)|(?<=\))[ ]+(?=[{UPPER}\d]))[ ]*"  # then a dash, or text after "(TT)"
)
_DATELINE = re.compile(_DATELINE_BODY)  # on the first line; matched at its start
# on every other line: from the line break before it, a literal the search skips to in C (a
# "^" in MULTILINE mode is tried at every offset). A dateline holds no line break, so
# the matches are those of "^" + the body in MULTILINE mode.
_DATELINE_AFTER_BREAK = re.compile("\n" + _DATELINE_BODY)
_TOWARD = frozenset({"till", "til", "to", "into", "mot", "mod", "towards", "toward"})
_TOWARD_ENDINGS = tuple(f" {w} " for w in _TOWARD)
_PLACE_LABELS = ("GPE", "LOC", "FAC")
_SPOKEN_TO = frozenset({"talking", "talked", "spoke", "speaking", "according", "sagde", "sagt", "talte"})
_OF = frozenset({"of", "for", "för", "av", "of the", "for the"})  # joiners of an organisation's name
_AREA_AFTER = frozenset({"province", "provinsen", "governorate", "district"})
_TOWN_OF = ("town of", "city of", "village of", "province of", "district of")
CACHE_SIZE = 50_000
_START, _END = itemgetter(0), itemgetter(1)  # of a _Found
_new = tuple.__new__  # a named tuple from a tuple of its fields, without the Python frame of its __new__
NEAR = 3000  # characters each side of a name that the lower-case test reads


@dataclass(frozen=True)
class _Name:
    start: int  # offsets relative to the run
    end: int
    words: tuple[str, ...]
    rest: str  # the common noun fused to the last word ("lägret"), lower case
    month: bool = False  # a month abbreviation alone ("Jan"): a date if a dot or a day follows
    surface: str = ""  # the text of start:end (one string for all its occurrences: its hash is kept)


class _Found(NamedTuple):
    start: int
    end: int
    label: str


class _Run(NamedTuple):
    """What the text of a run alone says (cached by surface: names repeat)."""

    initial: list[_Name]  # its names where it opens a sentence or a quotation
    inside: list[_Name]  # its names elsewhere (the same list when position does not matter)
    adjective_last: bool  # its last word may open "Syriska människorättsobservatoriet"
    # one-word names it holds elsewhere but not opening a sentence: "Pentagon har sendt"
    dropped: tuple[_Name, ...] = ()


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


def _acronym_genitive(word: str) -> bool:
    """"FNs", "SDF:s" read without the colon: an abbreviation in the genitive."""
    return len(word) > 2 and word.endswith("s") and is_acronym(word[:-1])


@lru_cache(maxsize=CACHE_SIZE)
def _adjective(word: str, lang: str) -> bool:
    """"Syrian", "Syrians", "Kurdiske", "Utrikespolitiska": an adjective or demonym, not a name."""
    lower = word.lower()
    if lower in DEMONYMS or (lower.endswith("s") and lower[:-1] in DEMONYMS):
        return True
    return lang != "en" and not is_acronym(word) and lower.endswith(ADJECTIVE_ENDINGS)


def _english_adjective(word: str, lang: str) -> bool:
    """"Nigerian", "Lebanese", "Norwegians" standing alone: an adjective or a people, not a name."""
    return lang == "en" and len(word) > 4 and word.lower().endswith(_ENGLISH_DEMONYM_ENDINGS)


@lru_cache(maxsize=CACHE_SIZE)
def _title(word: str, lang: str) -> bool:
    """"Minister", "Spokesman", "Utrikesminister", "Talespersonen": an office before a name."""
    lower = word.lower()
    if is_acronym(word):  # "DR" is a broadcaster, not a doctor
        return False
    return lower in TITLE_WORDS or (lang != "en" and lower.endswith(TITLE_ENDINGS))


@lru_cache(maxsize=CACHE_SIZE)
def _org_word(word: str) -> bool:
    """"Forces", "Partiet", "Forsvarsstyrker", "Säpos" (a genitive): the word of an organisation."""
    lower = word.lower()
    if lower in ORG_WORDS or (len(lower) > 5 and lower.endswith(ORG_ENDINGS)):
        return True
    return len(lower) > 6 and lower.endswith("s") and lower[:-1].endswith(ORG_ENDINGS)


def _compound_org(word: str) -> bool:
    """"Udenrigsministeriet", "Migrationsverket": an organisation noun closing a compound, a
    name even where it opens a sentence (a bare "Regeringen" or "Polisen" is a description)."""
    lower = word.lower()
    return any(lower.endswith(e) and len(lower) >= len(e) + 4 for e in ORG_ENDINGS if len(e) > 4)


def _definite_genitive(word: str) -> bool:
    """"Kirkens", "Folkets", "Barnens": a definite noun in the genitive, which a person's
    name never is (Swedish, Norwegian, Danish)."""
    return len(word) >= 6 and word.endswith(("ens", "ets", "arnas", "ernas", "enes", "ernes"))


def _facility(word: str) -> bool:
    return word in _FACILITY_SET or word.endswith(_FACILITY_ENDINGS)


def _name_part(word: str) -> tuple[str, str]:
    """Split a hyphenated word into its name part and the fused common noun."""
    if "-" not in word:
        return word, ""
    parts = word.split("-")
    kept: list[str] = []
    for index, part in enumerate(parts):
        article = index == 0 and part.lower() in ARABIC_ARTICLES and len(parts) > 1
        if part[:1].isupper() or article or part.endswith("."):
            kept.append(part)
        else:
            break
    if not kept or (len(kept) == 1 and kept[0].lower() in ARABIC_ARTICLES):
        return "", word.lower()
    name = "-".join(kept)
    return name, word[len(name) + 1 :].lower()


# the consonant pairs a Scandinavian word may open with: a closed compound's head starts a
# word ("Mellanöstern|program"), so "Berlin|gskes" and "Mali|kiya" are not compounds
_ONSETS = frozenset((
    "bl", "br", "dr", "dv", "fl", "fr", "gl", "gn", "gr", "hj", "hv", "kl", "kn", "kr", "kv", "pl",
    "pr", "sj", "sk", "sl", "sm", "sn", "sp", "st", "sv", "tj", "tr", "tv", "vr",
))
_VOWELS = frozenset("aeiouyåäöæøé")


def _word_onset(rest: str) -> bool:
    """Whether ``rest`` can open a word: a vowel among its first two letters, or a known pair."""
    lower = rest.lower()
    return lower[0] in _VOWELS or lower[1] in _VOWELS or lower[:2] in _ONSETS


@cache
def _function_words(lang: str) -> frozenset[str]:
    lex = cues(lang)
    return frozenset(lex.function_words | set(lex.determiners) | set(lex.pronouns) | NAME_OPENERS)


class MentionFinder:
    """Finds the entity mentions of one language with one gazetteer."""

    def __init__(self, gazetteer: Gazetteer, lang: str) -> None:
        self.gazetteer = gazetteer
        self.lang = lang
        self.lex = cues(lang)
        self.function_words = _function_words(lang)
        # who speaks: the words before "til"/"to" after which a name is the one spoken to
        self.speakers = frozenset(v for v in self.lex.speech_verbs if " " not in v) | _SPOKEN_TO
        names = gazetteer.lowercase_names
        self.lowercase = _whole_words(names) if names else None
        # a short list's phrases are looked for in C first: most texts hold none of them
        self.lowercase_phrases = names if len(names) <= 8 else None
        self._runs: dict[str, _Run] = {}
        self._labels: dict[tuple[str, str, str, bool], str] = {}
        self._entities: dict[tuple[str, str], str] = {}

    # -- the document ------------------------------------------------------------------
    def find(self, text: str, sentences: Sequence[Segment]) -> list[Mention]:
        """The mentions of ``text``: gazetteer names, then capitalised words not opening a sentence."""
        found, after_datelines = self._datelines(text)
        # runs in a dateline or a shouted line are not read (their capitals are typography)
        skip = [(f.start, f.end) for f in found]
        skip_starts = [a for a, _ in skip]
        line = _Line()  # the line of the last run in capitals
        # where each sentence's first word starts (after opening quotes and dashes), and
        # where the text after a dateline does: made when a run first needs it
        openings: set[int] | None = None
        deferred: list[tuple[int, int]] = []  # one-word names left out where a sentence opens
        runs, labels = self._runs, self._labels
        scandinavian = self.lang != "en"
        append = found.append
        for run in _runs(text):  # a run never spans a sentence end: it joins by spaces only
            start = run.start()
            if skip:
                at = bisect_right(skip_starts, start) - 1
                if at >= 0 and start < skip[at][1]:
                    continue
            surface = run.group()
            if surface.isupper() and line.shouted(text, start):
                continue
            initial, names, adjective_last, dropped = runs.get(surface) or self._run(surface)  # names repeat
            # where the run stands is looked at only when it changes what the run holds
            if initial is not names:
                if openings is None:
                    openings = _openings(text, sentences)
                    openings.update(after_datelines)
                if start in openings or self._after_quote(text, start):
                    names = initial
                    if dropped:
                        deferred.extend((start + n.start, start + n.end) for n in dropped)
            after = None  # the word after the last name, as its label read it
            for name in names:
                a, b = start + name.start, start + name.end
                if name.month and _dated(text, b):
                    continue
                # the label, by the name and the words before and after it (cached: names
                # repeat); this runs for every name of the text
                chunk = text[a - 30 if a > 30 else 0 : a].rstrip(" ,\t\u00a0")
                if not chunk or chunk[-1] == "\n":
                    before = ""
                else:
                    before = chunk.rsplit(None, 1)[-1].lstrip(_QUOTES).lower()
                after = name.rest
                if not after:
                    match = _NEXT.match(text, b, b + 40)
                    after = match[1].lower() if match else ""
                # "the town of X" ends in "of" before X: the word before is "of" (or, at a line
                # break, none), so the slice is lowered only then
                town_of = before in ("of", "") and (
                    text[a - 14 if a > 14 else 0 : a].lower().rstrip().endswith(_TOWN_OF)
                )
                key = (name.surface, before, after, town_of)
                label = labels.get(key)
                if label is None:
                    if len(labels) > CACHE_SIZE:
                        labels.clear()
                    label = labels[key] = self._decide(name.surface, name.words, before, after, town_of)
                if label == "PER":
                    # "Redd Barna": a word the text around also writes in lower case is a
                    # common noun, which a person's name is not (Swedish, Norwegian, Danish)
                    if scandinavian and any(_written_lower(text, w.lower(), a) for w in name.words):
                        label = "ORG"
                elif label == "ORG" and len(name.words) == 1 and (
                    text.endswith(_TOWARD_ENDINGS, a - 9 if a > 9 else 0, a)
                    or (found and a - found[-1].end <= 8 and found[-1].label in _PLACE_LABELS)
                ):
                    label = self._place_by_context(text, found[-1] if found else None, a, b)
                append(_new(_Found, (a, b, label)))
            if adjective_last:
                found.extend(self._adjective_org(text, run.end(), surface))
            elif len(names) == 1 and found and found[-1].end == (end := run.end()):
                following = text[end : end + 2]  # what may extend the name: " 2", " universitet"
                following = following[1:] if following[:1] == " " else ""
                if following.isdigit():
                    found[-1] = self._with_number(text, found[-1], names[0])
                elif (
                    following.islower()
                    and scandinavian
                    # the noun's test first: the label read the same word after the name (in
                    # lower case, which _org_word reads it in), or the fused noun, which
                    # _with_org_noun does not extend
                    and (after is None or _org_word(after))
                ):
                    found[-1] = self._with_org_noun(text, found[-1], names[0])
        if deferred:
            # one sense a discourse: a word opening a sentence is the name the document
            # writes elsewhere inside a sentence ("Pentagon har sendt ... til Pentagon")
            written = {text[start:end]: label for start, end, label in found}
            for a, b in deferred:
                label = written.get(text[a:b])
                if label is not None:
                    append(_new(_Found, (a, b, label)))
        found.extend(self._lowercase_names(text))
        return self._link(text, _without_overlaps(found))

    def _datelines(self, text: str) -> tuple[list[_Found], list[int]]:
        """"QAMISHLI, Syria (AP) —": the place opening a line in capitals (GPE) and the agency,
        and where the text after each dateline starts."""
        found: list[_Found] = []
        after: list[int] = []
        first = _DATELINE.match(text)
        after_breaks = _DATELINE_AFTER_BREAK.finditer(text, first.end() if first else 0)
        for match in ([first] if first else []) + list(after_breaks):
            place = match.group(1).rstrip("-’'")
            line_end = text.find("\n", match.end())
            line = text[match.end() : len(text) if line_end < 0 else line_end]
            entry = self.gazetteer.lookup(place)
            if sum(c.isalpha() for c in place) < 4 or line == line.upper():
                continue
            if entry is not None and entry.label not in ("GPE", "LOC"):  # "ISIS, the group ..."
                continue
            position = match.start(1)
            for part in place.split("/"):  # "OSLO/HASAKAH (NTB)": two places
                known = self.gazetteer.lookup(part) if "/" in place else entry
                if part:
                    found.append(_Found(position, position + len(part), known.label if known else "GPE"))
                position += len(part) + 1
            if match.group(2):  # "(NTB-AFP)": two agencies
                position = match.start(2)
                for agency in match.group(2).split("-"):
                    if agency:
                        found.append(_Found(position, position + len(agency), "ORG"))
                    position += len(agency) + 1
            after.append(match.end())
        return found, after

    def _place_by_context(self, text: str, previous: _Found | None, start: int, end: int) -> str:
        """A one-word name that nothing marks as an organisation is a place where a conjunction
        joins it to a place or a camp ("fra Bergen og Oslo", "i al-Hol och Roj") or a movement
        goes to it ("flyttet til Manbij", "taken to Virginia"; not "sier til Aftenposten")."""
        coordinated = (
            previous is not None
            and start - previous.end <= 8
            and previous.label in _PLACE_LABELS
            and text[previous.end : start].strip() in self.lex.conjunctions
        )
        if not coordinated:
            # the word before, read cheaply first: most names follow no "til" or "to"
            if text[max(0, start - 8) : start].rstrip().rpartition(" ")[2].lower() not in _TOWARD:
                return "ORG"
            before = [w.lower().strip(",") for w in text[max(0, start - 60) : start].split()[-4:]]
            # no speech verb among the three words before: "sier kilder til NRK"
            if len(before) < 2 or before[-1] not in _TOWARD or any(w in self.speakers for w in before[:-1]):
                return "ORG"
        word = text[start:end]
        if is_acronym(word) or _org_word(word) or self.gazetteer.lookup(word) is not None:
            return "ORG"
        return previous.label if coordinated else "GPE"

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
            dropped = tuple(n for n in inside if len(n.words) == 1 and n not in initial)
            last = surface.rsplit(None, 1)[-1]
            adjective_last = self.lang != "en" and "-" not in last and _adjective(last, self.lang)
            known = self._runs[surface] = _Run(initial, inside, adjective_last, dropped)
        return known

    def _structure(self, surface: str, initial: bool) -> list[_Name]:
        """Split a run at fused compounds, then trim what opens each part."""
        names: list[_Name] = []
        current: list[tuple[int, int, str, str]] = []  # (start, end, name part, rest)
        for match in _CANDIDATE.finditer(surface):
            word, start = match.group(), match.start()
            name, rest = _name_part(word)
            if not name:
                current = self._close(current, names, initial, surface)
                initial = False
                continue
            if not rest:
                name, rest = self._split_closed(name, initial and not current)
            current.append((start, start + len(name), name, rest))
            if rest:  # a fused common noun ends the name
                current = self._close(current, names, initial, surface)
                initial = False
        self._close(current, names, initial, surface)
        return names

    def _close(
        self, parts: list[tuple[int, int, str, str]], names: list[_Name], initial: bool, surface: str
    ) -> list:
        for piece in self._pieces(parts, surface):
            piece = self._trim(piece, initial and piece[0] is parts[0])
            if piece:
                words = tuple(p[2] for p in piece)
                month = len(words) == 1 and words[0].lower() in MONTH_ABBREVIATIONS
                first, last = piece[0][0], piece[-1][1]
                names.append(_Name(first, last, words, piece[-1][3], month, surface[first:last]))
        return []

    def _pieces(
        self, parts: list[tuple[int, int, str, str]], surface: str
    ) -> list[list[tuple[int, int, str, str]]]:
        """Where one run (``surface``) holds two names: split at a title, at "of" after no
        organisation word, after an abbreviation, in a list.

        "SDF Spokesman Farhad Ali" -> "SDF" + "Farhad Ali"; "National Security Advisor Helen
        Marsh" -> "Helen Marsh" (a title's own words are no name); "Omar Faris of the
        Autonomous Administration" -> both ("Institute of International Affairs" stays one);
        "SOHR Rami Haso" -> "SOHR" + "Rami Haso"; "Sverige Norge" -> each country. A title
        followed by an organisation word is part of that organisation's name ("General
        Assembly").
        """
        if len(parts) < 2:
            return [parts]
        words = [p[2] for p in parts]
        titles = [i for i, w in enumerate(words) if _title(w, self.lang) and not parts[i][3]]
        last = titles[-1] if titles else -1

        def joined(i: int) -> bool:  # a joiner between parts i and i + 1: "Secretary of State"
            return parts[i + 1][0] - parts[i][1] > 1

        if titles and not (last + 1 < len(parts) and not joined(last) and _org_word(words[last + 1])):
            # what a joiner adds to a title is the title's ("of State"), unless it is a
            # name of its own ("Talsmand for SDF Siyamend Ali")
            while last + 1 < len(parts) - 1 and joined(last) and not self._own_name(words[last + 1]):
                last += 1
            named = [i for i in range(last) if self._names_something(words[i])]
            before = parts[: named[-1] + 1] if named else []
            return [p for p in (before, *self._pieces(parts[last + 1 :], surface)) if p]
        for i in range(len(parts) - 1):
            if (
                joined(i)
                and surface[parts[i][1] : parts[i + 1][0]].strip() in _OF
                and not any(_org_word(w) for w in words[: i + 1])
            ):
                return [parts[: i + 1], *self._pieces(parts[i + 1 :], surface)]
        if (
            len(parts) >= 3
            and is_acronym(words[0])
            and not any(_org_word(w) or is_acronym(w) for w in words[1:])
        ):
            return [parts[:1], parts[1:]]
        known = self.gazetteer.known
        if all(known(w) for w in words) and not known(" ".join(words)):
            return [[p] for p in parts]
        return [parts]

    def _own_name(self, word: str) -> bool:
        return is_acronym(word) or self.gazetteer.known(word)

    def _names_something(self, word: str) -> bool:
        """An abbreviation, a known name or an organisation word: "SDF" in "SDF Spokesman"."""
        return is_acronym(word) or self.gazetteer.known(word) or _org_word(word)

    def _split_closed(self, word: str, initial: bool) -> tuple[str, str]:
        """"Gweiranfängelset" -> "Gweiran" + "fängelset"; "Mellanösternprogram" -> "Mellanöstern"."""
        if len(word) < 7 or self.lang == "en" or is_acronym(word) or _adjective(word, self.lang):
            return word, ""  # English writes names and common nouns apart
        for cut in range(len(word) - 5, 2, -1):
            if word[cut].islower() and _word_onset(word[cut:]) and self.gazetteer.known(word[:cut]):
                return word[:cut], word[cut:].lower()
        if not initial:
            lower = word.lower()
            if lower.endswith(_FUSED_HEADS):
                for noun in _FUSED_HEADS:
                    if lower.endswith(noun) and len(word) - len(noun) >= 3:
                        cut = len(word) - len(noun)
                        return word[:cut], lower[cut:]
        return word, ""

    def _trim(self, parts: list[tuple[int, int, str, str]], initial: bool) -> list:
        """Drop what opens a run without being part of the name (see module docstring)."""
        org: bool | None = None
        # a name never ends in an adjective: «Eleven Iraqi soldiers», «Hundreds of Kurdish»
        while len(parts) > 1 and _adjective(parts[-1][2], self.lang) and not parts[-1][3]:
            if org is None:
                org = any(_org_word(p[2]) for p in parts)
            if org:
                break
            parts = parts[:-1]
        while parts:
            word = parts[0][2]
            lower = word.lower()
            # an all-capital "IS" is the abbreviation, not the verb (shouted lines are left
            # out before: see find)
            function = lower in self.function_words and not is_acronym(word)
            if function and word == "The" and not initial and len(parts) > 1:
                break  # "The" capitalised inside a sentence belongs to the name (E2)
            if function or lower in MONTHS_AND_DAYS or lower in NATIONALITY_NOUNS:
                parts, initial = parts[1:], False
                continue
            if _adjective(word, self.lang) or (len(parts) == 1 and _english_adjective(word, self.lang)):
                if org is None:
                    org = any(_org_word(p[2]) for p in parts) or _org_word(parts[-1][3])
                if not org and not self._adjective_opens_name(parts):
                    parts, initial = parts[1:], False
                    continue
            known = self.gazetteer.known(word) or self.gazetteer.genitive(word)  # "Syriens"
            if initial and not known and not is_acronym(word) and not _acronym_genitive(word):
                if len(parts) == 1:
                    return parts if self.lang != "en" and _compound_org(word) else []
                second = parts[1][2]
                if is_acronym(second) or self.gazetteer.known(second):
                    parts, initial = parts[1:], False
                    continue
            break
        return [p for p in parts if p[2].lower() not in MONTHS_AND_DAYS]

    def _adjective_opens_name(self, parts: list[tuple[int, int, str, str]]) -> bool:
        """"Norska Flyktinghjälpen", "Islamisk Stat": in Swedish, Norwegian and Danish a word
        after the first is capitalised only in a name, so capitalised words after an adjective
        make the adjective part of the name, unless they end in an abbreviation, a known name
        or a fused common noun ("Danske IS-krigere", "Svenska Syrien")."""
        if self.lang == "en" or len(parts) < 2:
            return False
        last = parts[-1][2]
        closes = parts[-1][3] or is_acronym(last) or self.gazetteer.known(last)
        return not (closes or _adjective(last, self.lang))

    # -- labels ------------------------------------------------------------------------
    def _decide(self, surface: str, words: tuple[str, ...], before: str, after: str, town_of: bool) -> str:
        last = words[-1].lower()
        several = len(words) >= 2
        if _facility(after) or _facility(before) or (several and _facility(last)):
            return "FAC"
        if after in _REGION_SET:  # "the Jazira region", "Kurdistan-regionen"
            return "LOC"
        # a settlement noun before or after the name: "staden Qamishli", "the Ghwayran
        # neighborhood", "Ghwayran-området"
        if before in SETTLEMENT_WORDS or after in SETTLEMENT_WORDS or after in _AREA_AFTER or town_of:
            return "GPE"
        entry = self.gazetteer.lookup(surface)
        if entry is not None:
            return entry.label
        if several and last in ADMINISTRATIVE_HEADS:  # "Kurdistan Region", "Raqqa Governorate"
            return "GPE"
        if several and words[-1] in REGNAL_NUMBERS:  # "Abdullah II"
            return "PER"
        if any(_org_word(w) or is_acronym(w) for w in words):
            return "ORG"
        # a person's name holds no adjective, no function word and no definite genitive:
        # "Dansk Flygtningehjælp", "Leger Uten Grenser", "Kirkens Nødhjelp"
        if several and any(
            _adjective(w, self.lang)
            or w.lower() in self.function_words
            or (self.lang != "en" and _definite_genitive(w))
            for w in words
        ):
            return "ORG"
        if several and words[0].lower() in TOPONYM_OPENERS:  # "Tal Abyad", "Ras al-Ain"
            return "GPE"
        if several and self.gazetteer.lookup(words[-1]) is not None and not self.gazetteer.known(words[0]):
            return "ORG"  # a national branch: "Caritas Norge", "Amnesty Norge"
        if before in self.lex.locative:
            return "GPE"
        return "PER" if several else "ORG"

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
        if (
            match
            and noun[:1].islower()
            and len(noun) > 5
            and noun.endswith(ORG_ENDINGS)
            and noun not in FORCES_PLURALS
        ):
            return [_Found(run_end - len(last), match.end(1), "ORG")]
        return []

    def _with_number(self, text: str, name: _Found, words: _Name) -> _Found:
        """"TV 2", "Kanal 5", "Kurdistan 24": a one-word name (not a known place) and a one- or
        two-digit number after it are a channel's or a paper's name, an organisation."""
        if len(words.words) > 1 or words.rest or not text[name.end + 1 : name.end + 2].isdigit():
            return name
        match = _NAME_NUMBER.match(text, name.end)
        if match is None or self.gazetteer.lookup(words.words[0]) is not None:
            return name
        return _Found(name.start, match.end(), "ORG")

    def _with_org_noun(self, text: str, name: _Found, words: _Name) -> _Found:
        """"Uppsala universitet", "Röda korset", "Svenska kyrkan": a one-word name and the
        lower-case organisation noun after it are one organisation's name (not after an
        abbreviation, a known place or a genitive: "SDF styrkor", "Syriens regering")."""
        if len(words.words) > 1 or words.rest or not text[name.end + 1 : name.end + 2].islower():
            return name
        word = words.words[0]
        match = _NEXT.match(text, name.end, name.end + 40)
        noun = match.group(1) if match else ""
        if not noun[:1].islower() or "-" in noun or not _org_word(noun):
            return name
        # not after an abbreviation or a place ("SDF styrkor", "Syriens regering"); a genitive
        # of anything else names its institution ("Lunds universitet")
        if noun not in COURT_NOUNS and (
            is_acronym(word) or noun in FORCES_PLURALS or self.gazetteer.lookup(word) is not None
        ):
            return name
        return _Found(name.start, match.end(1), "ORG")

    def _lowercase_names(self, text: str) -> list[_Found]:
        """"De syriske demokratiske styrkene (SDF)", and lower-case names the gazetteer knows."""
        found = [
            _Found(m.start(1), m.end(1), "ORG")
            for m in (_lower_names_in_parens(text) if " (" in text else ())
            if _org_word(m.group(1).rsplit(None, 1)[-1])
        ]
        if self.lang != "en" and " De" in text:
            found.extend(_Found(m.start(1), m.end(1), "ORG") for m in _DETERMINER_NAME.finditer(text))
        phrases = self.lowercase_phrases
        if self.lowercase is not None and (phrases is None or any(p in text for p in phrases)):
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
        entities = self._entities
        for start, end, label in found:
            surface = text[start:end]
            entity = aliases.get(surface) or entities.get((surface, label))  # names repeat
            if not entity:
                entity = self._entity_or_surface(surface, label)
            mentions.append(_new(Mention, (start, end, label, entity)))
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
        opening = parens.start()
        # the last 200 characters are stripped (not all since the previous parenthesis)
        # unless they are all name characters
        window = max(previous, opening - 200)
        kept = len(text[window:opening].rstrip(_LOWER_NAME_CHARS))
        if kept == 0 and window > previous:
            kept = len(text[previous:window].rstrip(_LOWER_NAME_CHARS))
            window = previous
        start = window + kept
        match = _LOWER_NAME_PARENS.search(text, start, parens.end())
        if match is not None:
            yield match
        previous = parens.end()


class _Line:
    """Whether a line has no lower-case letter (a headline in capitals, whose capitals say
    nothing of names), asked in text order: each line is read once, so the work is linear."""

    def __init__(self) -> None:
        self.end = -1
        self.answer = False

    def shouted(self, text: str, position: int) -> bool:
        if position > self.end:
            start = text.rfind("\n", max(self.end, 0), position) + 1
            end = text.find("\n", position)
            self.end = len(text) if end < 0 else end
            # an ASCII lower-case letter changes under upper(), so a line holding one is not
            # shouted; found in C without copying the line (most lines hold one early)
            if _ASCII_LOWER.search(text, start, self.end):
                self.answer = False
            else:
                line = text[start : self.end]
                self.answer = line == line.upper()
        return self.answer


def _runs(text: str) -> list[re.Match[str]]:
    """The matches of ``_RUN.finditer(text)`` (the same spans), most found by _CAPITAL_RUN.

    No run holds a line break, nor depends on what follows one (each part of _RUN fails on
    a line break as on the end of the text), so the runs of each line can be looked for
    apart, with endpos at its break. _CAPITAL_RUN finds the same runs as _RUN on a line
    where no run opens in lower case, that is where _ARTICLE_HYPHEN finds no article; the
    lines with one are searched with _RUN.

    >>> text = "Kurds in Deir ez-Zor and al-Hol.\\nU.S. forces left Raqqa"
    >>> [m.group() for m in _runs(text)] == [m.group() for m in _RUN.finditer(text)]
    True
    >>> [m.group() for m in _runs(text)]
    ['Kurds', 'Deir ez-Zor', 'al-Hol', 'U.S.', 'Raqqa']
    """
    runs: list[re.Match[str]] = []
    done = 0  # where the lines searched so far end
    for hyphen in _ARTICLE_HYPHEN.finditer(text):
        at = hyphen.start()
        if at < done:
            continue  # on a line searched already
        line_start = text.rfind("\n", done, at) + 1  # done is 0 or a line break
        line_end = text.find("\n", at)
        if line_end < 0:
            line_end = len(text)
        runs.extend(_CAPITAL_RUN.finditer(text, done, line_start))
        runs.extend(_RUN.finditer(text, line_start, line_end))
        done = line_end
    runs.extend(_CAPITAL_RUN.finditer(text, done))
    return runs


def _openings(text: str, sentences: Sequence[Segment]) -> set[int]:
    """Where each sentence's first word starts, after opening quotes and dashes.

    A sentence opening with a letter or a digit opens there: _OPENING matches none.
    """
    openings: set[int] = set()
    add, match = openings.add, _OPENING.match
    for sentence in sentences:
        start = sentence.start
        add(start if text[start : start + 1].isalnum() else match(text, start, sentence.end).end())
    return openings


def _written_lower(text: str, lower: str, position: int) -> bool:
    """Whether the text within ``NEAR`` characters of ``position`` has ``lower`` as a word of
    its own (a bounded window: the work per name stays constant, the whole linear)."""
    if len(lower) < 3:
        return False
    needle, low, high = " " + lower, max(0, position - NEAR), position + NEAR
    at = text.find(needle, low, high)
    while at >= 0:
        after = text[at + len(needle) : at + len(needle) + 1]
        if not (after.isalnum() or after == "-"):
            return True
        at = text.find(needle, at + 1, high)
    return False


def _dated(text: str, end: int) -> bool:
    """"Jan. 20", "Sept 3": a month abbreviation ending at ``end`` has a full stop or a day after it."""
    after = text[end : end + 3]
    return after[:1] == "." or (after[:1] == " " and after[1:2].isdigit())


def _without_overlaps(found: list[_Found]) -> list[_Found]:
    """No nesting, no overlap (ANNOTATION_GUIDELINES.md §3.3): the longer of two overlapping spans wins."""
    kept: list[_Found] = []
    # by start, the longest first: sorted by end (longest first), then stably by start, which
    # orders as the key (start, -end) does, ties in their order, with no Python call per span
    for f in sorted(sorted(found, key=_END, reverse=True), key=_START):
        if not kept or f.start >= kept[-1].end:
            kept.append(f)
        elif f.end - f.start > kept[-1].end - kept[-1].start:
            kept[-1] = f
    return kept

"""What a count measures (ANNOTATION_GUIDELINES.md §4.8), from the cue word nearest to the number.

* A counted noun that is not people ("länder", "nasjoner", "parties") -> ``other``.
* A cue phrase that the count splits wins ("deltog omkring 150 män i anfallet", "har tatt
  85 IS-krigere til fange"): the verb and its particle around the object govern the count.
* Otherwise the cue nearest to the claim in its clause wins (cues inside the counted noun,
  "89 *flyende* fångar", say what the people were doing, not what happened to them). At
  any position a phrase is tried before a single word, so "fled the fighting" (`other`,
  displaced) is not "fled" (`escaped`).
* No cue in the clause: a count of prisoners, a count in a clause that says "in" a camp or
  prison ("finns kvar i lägren", "remain in the camps", "i al-Hol"; not "från lägret"), or
  a count of residents in a clause that names one ("lejrens beboere") is ``detained``: held
  in a prison or camp.
* Still nothing: a count that restates a figure ("är det ett hundratal personer", "a higher
  figure: 900 people") or has no counted noun takes the nearest cue in the two sentences
  before (it answers "how many fled?" asked just before); any other count is ``other``.
* Cues of ``other`` (wounded, displaced, evacuated, repatriated, transferred, §4.8) compete
  like any cue.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import NamedTuple

from conflict_counts.baselines.rules.lexicon import CueLexicon, cues
from conflict_counts.baselines.rules.phrases import words_between
from conflict_counts.baselines.rules.scan import literal_starts
from conflict_counts.records import Span
from conflict_counts.text import Segment

LOOKBACK_SENTENCES = 2


class _Cue(NamedTuple):
    start: int
    end: int
    predicate: str


_new = tuple.__new__  # a named tuple from a tuple of its fields, without the Python frame of its __new__


def _alternation(lang: str, phrases_only: bool) -> re.Pattern[str]:
    lex = cues(lang)
    groups, forms_used = [], []
    for phrases in (True, False) if not phrases_only else (True,):
        for predicate, forms in lex.predicates.items():
            chosen = sorted((f for f in forms if (" " in f) == phrases), key=len, reverse=True)
            if chosen:
                name = f"{predicate}__phrase" if phrases else predicate
                groups.append(f"(?P<{name}>" + "|".join(f.replace(" ", r"\s+") for f in chosen) + ")")
                forms_used.extend(chosen)
    if not groups:
        return re.compile(r"(?!)")
    firsts = "".join(sorted({f[0] for f in forms_used}))
    # the lookaheads reject most words after one character test, then a few more (the
    # alternation is long)
    guard = literal_starts(f.replace(" ", r"\s+") for f in forms_used)
    return re.compile(rf"(?<!\w)(?=[{re.escape(firsts)}]){guard}(?:" + "|".join(groups) + r")(?!\w)")


@cache
def _pattern(lang: str) -> re.Pattern[str]:
    """One alternation of every cue; phrases are tried before single words at any position, so
    the longer reading wins across predicates ("fled the fighting" is `other`, "fled" is
    `escaped`). Group names are predicates, a phrase group's with ``__phrase`` added."""
    return _alternation(lang, phrases_only=False)


@cache
def _phrase_pattern(lang: str) -> re.Pattern[str]:
    """The phrases of ``_pattern`` alone: only a phrase can be split by a count (a word
    cannot), and at any position ``_pattern`` tries them first, so its matches that hold
    a space are exactly these."""
    return _alternation(lang, phrases_only=True)


@cache
def _predicates(lang: str) -> dict[str | None, str]:
    """The predicate of each group name of ``_pattern`` (``escaped__phrase`` -> ``escaped``)."""
    names = _pattern(lang).groupindex
    return {None: "other", **{name: name.split("__", 1)[0] for name in names}}


@lru_cache(maxsize=64)  # claims share clauses: each clause of a document is read once
def _cues(text: str, start: int, end: int, lang: str) -> tuple[_Cue, ...]:
    """The cues between ``start`` and ``end``; ``resides`` ("bor", "lever", "lives") is
    being held only in a clause that names a camp or prison, and the lexicon's ``none``
    phrases ("falt fra": fell from) only hide the cue words inside them."""
    predicates = _predicates(lang)
    found = []
    for m in _pattern(lang).finditer(text[start:end].lower()):
        predicate = predicates[m.lastgroup]
        if predicate != "none":
            a, b = m.span()
            found.append(_new(_Cue, (start + a, start + b, predicate)))
    return tuple(found)


_AROUND = 60  # characters each side of the count searched for a phrase it splits


@cache
def _opening_words(lang: str) -> re.Pattern[str]:
    """A word of a cue phrase that another word follows, ending the text it is searched in.

    A phrase split by the count ends its part before the count with such a word (phrase
    words hold no space, and one starts where no letter precedes it), so a text before a
    count whose last word is none of these splits no phrase.
    """
    words = {w for forms in cues(lang).predicates.values() for f in forms if " " in f for w in f.split()[:-1]}
    if not words:
        return re.compile(r"(?!)")
    return re.compile(rf"(?<!\w)(?:{'|'.join(sorted(words, key=len, reverse=True))})\Z")


def _split_cue(text: str, clause: Segment, claim: Span, counted: Span | None, lang: str) -> str | None:
    """The predicate of a cue phrase split by the count and its counted noun, if any: the
    text on both sides is joined without them and searched for a cue across the join."""
    gap_end = max(claim.end, counted.end if counted else claim.end)
    left = text[max(clause.start, claim.start - _AROUND) : claim.start].rstrip()
    right = text[gap_end : min(clause.end, gap_end + _AROUND)].lstrip()
    if not left or not right or _opening_words(lang).search(left.rsplit(None, 1)[-1].lower()) is None:
        return None
    joined = f"{left} {right}".lower()
    predicates = _predicates(lang)
    for found in _phrase_pattern(lang).finditer(joined):
        if found.start() < len(left) < found.end():
            predicate = predicates[found.lastgroup]
            if predicate not in ("none", "resides"):
                return predicate
    return None


def _head(text: str, counted: Span | None) -> str:
    if counted is None:
        return ""
    return text[counted.start : counted.end].split()[-1].lower()


class _Nouns(NamedTuple):
    """A noun list of the lexicon made for lookups (asked for every word of a clause)."""

    words: frozenset[str]
    endings: tuple[str, ...]  # the words long enough to close a compound ("krigsfångar")

    @classmethod
    def of(cls, nouns: tuple[str, ...]) -> _Nouns:
        return cls(frozenset(nouns), tuple(n for n in nouns if len(n) >= 5))


class _NounLists(NamedTuple):
    """The lexicon's noun lists that ``_in_list`` reads."""

    non_person: _Nouns
    death_nouns: _Nouns
    prisoners: _Nouns
    facilities: _Nouns


@cache
def _noun_lists(lang: str) -> _NounLists:
    lex = cues(lang)
    return _NounLists(*(_Nouns.of(getattr(lex, name)) for name in _NounLists._fields))


def _in_list(head: str, nouns: _Nouns) -> bool:
    # the noun itself or the last part of a compound ("IS-fanger", "krigsfångar")
    return head in nouns.words or head.endswith(nouns.endings) or (
        "-" in head and head.rsplit("-", 1)[1] in nouns.words
    )


_SUBORDINATE_PENALTY = 10_000  # more than any distance inside a clause
_CURRENCY_SIGNS = frozenset("$£€")
# endings of agent nouns ("angripere", "attackers", "escapees"): a counted noun that is one
# cue word with such an ending names people, not what happened to them
_AGENT_ENDINGS = (
    "are", "ere", "erne", "arna", "arne", "ers", "ors", "ister", "ingar", "inger", "lingar", "ees", "ives",
)


def _from_a_facility(text: str, cue: _Cue, lex: CueLexicon, facilities: Sequence[Span]) -> bool:
    """Whether the three words after a verb of fleeing name a camp or prison ("flydde från
    lägret", "fled al-Hol"; not "flyktet fra nabolagene rundt fengselet")."""
    end = min(len(text), cue.end + 60)
    return any(_facility_words(text, Segment(cue.end, end, text[cue.end : end]), lex, facilities)[:3])


@cache
def _flight_pattern(lang: str) -> re.Pattern[str]:
    forms = cues(lang).flight
    return re.compile(rf"(?:{'|'.join(forms)})$" if forms else r"(?!)")


def _flees(words: str, lex: CueLexicon) -> bool:
    """Whether an `escaped` cue is a verb of fleeing in general ("flydde", "fled")."""
    return _flight_pattern(lex.lang).match(words) is not None


def _start(span: Span) -> int:
    return span.start


def _facility_words(text: str, clause: Segment, lex: CueLexicon, named: Sequence[Span]) -> list[bool]:
    """For each word of the clause: whether it names a camp or prison, as a facility word
    (alone or ending a compound, "Roj-lägret") or inside a facility's name ("al-Hol").

    ``named`` is sorted by start; only the names inside the clause are looked at, so the
    work is linear in the clause however many names the document holds.
    """
    chosen = named[
        bisect_left(named, clause.start, key=_start) : bisect_left(named, clause.end, key=_start)
    ]
    facilities = _noun_lists(lex.lang).facilities
    return [
        _in_list(word.lower, facilities) or any(n.start <= word.start < n.end for n in chosen)
        for word in words_between(text, clause.start, clause.end)
    ]


def _inside_a_facility(text: str, clause: Segment, lex: CueLexicon, facility: Sequence[bool]) -> bool:
    """Whether the clause says "in" a camp or prison: a facility (``facility``, a flag for
    each word of the clause) one to three words after a preposition of being inside ("i
    Roj-lägret", "in the camps", "i al-Hol"), not after "från", "fra", "from" (a transfer or
    a departure)."""
    if not any(facility):
        return False
    words = [word.lower for word in words_between(text, clause.start, clause.end)]
    return any(
        facility[i] and any(w in lex.inside for w in words[max(0, i - 3) : i]) for i in range(len(words))
    )


@cache
def _figure_pattern(lang: str) -> re.Pattern[str] | None:
    phrases = cues(lang).figure_phrases
    return re.compile(rf"(?<!\w)(?:{'|'.join(phrases)})(?!\w)", re.IGNORECASE) if phrases else None


def _restates_a_figure(text: str, clause: Segment, lang: str) -> bool:
    """Whether the clause gives a figure rather than an event ("är det ett hundratal
    personer", "en högre siffra, närmare 800"): such a count answers the sentences before."""
    pattern = _figure_pattern(lang)
    return pattern is not None and pattern.search(text, clause.start, clause.end) is not None


_WORD_BEFORE = re.compile(r"(\w+)\W*$")
_NEXT_WORD = re.compile(r"[^\S\n]+(?:their[^\S\n]+)?(\w+)")


def _word_after(text: str, span: Span) -> str:
    """The word right after a span ("their" skipped: "cost 30 people their lives")."""
    found = _NEXT_WORD.match(text, span.end)
    return found.group(1).lower() if found else ""


def _words_after(text: str, span: Span, lex: CueLexicon) -> str:
    """The first word after ``span`` that is not an auxiliary ("officials *have* said")."""
    position = span.end
    for _ in range(3):
        found = _NEXT_WORD.match(text, position)
        if found is None:
            return ""
        word = found.group(1).lower()
        if word not in lex.auxiliaries:
            return word
        position = found.end()
    return ""


def _counts_sources(text: str, claim: Span, counted: Span | None, lex: CueLexicon) -> bool:
    """Whether the count is of the people a figure comes from: its noun is the subject of a
    statement verb ("two Iraqi officials said", "tre kvinnor berättar"), not the object of
    a preposition ("efter flugten af hundredvis af fanger meldte Kurdistan 24")."""
    if counted is None or _words_after(text, counted, lex) not in lex.speech_verbs:
        return False
    before = _WORD_BEFORE.search(text, max(0, claim.start - 40), claim.start)
    return before is None or before.group(1).lower() not in (*lex.prepositions, *lex.partitive)


def predicate(
    text: str,
    claim: Span,
    counted: Span | None,
    clause: Segment,
    sentences: Sequence[Segment],
    sentence_index: int,
    lex: CueLexicon,
    masked: Sequence[Span] = (),
    facilities: Sequence[Span] = (),
    previous: str | None = None,
) -> str:
    """The predicate of the claim at ``claim`` (see module docstring); ``facilities`` are
    the spans of the camps and prisons named in the text (FAC mentions), ``previous`` the
    predicate of the claim before it in its sentence, if any."""
    head = _head(text, counted)
    nouns = _noun_lists(lex.lang)
    counted_words = text[counted.start : counted.end].lower().split() if counted else []
    if any(_in_list(word, nouns.non_person) for word in counted_words) or head in lex.sources:
        return "other"  # "två bilbomber", "minst to bilbomber og ...", "to kilder i lejren"
    if _in_list(head, nouns.death_nouns):
        return "killed"  # "517 dödsfall", "minst 126 mord": the count is of deaths
    if text[max(0, claim.start - 2) : claim.start].strip()[-1:] in _CURRENCY_SIGNS:
        return "other"  # "£18 million", "$2,500": money
    if head in lex.lives or _word_after(text, counted or claim) in lex.lives:
        return "killed"  # "kostade 200 liv", "har kostet 30 personer livet": the cost is lives
    if _counts_sources(text, claim, counted, lex):
        return "other"
    split = _split_cue(text, clause, claim, counted, lex.lang)
    if split is not None:
        return split
    blocked = [claim, *([counted] if counted else []), *masked]
    after = max(claim.end, counted.end) if counted else claim.end

    def free(cue: _Cue) -> bool:
        return all(cue.end <= b.start or cue.start >= b.end for b in blocked)

    def distance(cue: _Cue) -> int:
        # a verb after the counted noun is as near as one right after the number; one in a
        # relative or time clause after it describes the people and yields to any other cue
        if cue.end <= claim.start:
            return claim.start - cue.end
        words_before = words_between(text, after, cue.start)[-3:]
        subordinate = any(w.lower in lex.subordinators for w in words_before)
        return max(cue.start - after, 0) + (_SUBORDINATE_PENALTY if subordinate else 0)

    found = _cues(text, clause.start, clause.end, lex.lang)
    flags: list[list[bool]] = []  # the clause's facility words, read only when a rule asks

    def facility_words() -> list[bool]:
        if not flags:
            flags.append(_facility_words(text, clause, lex, facilities))
        return flags[0]

    candidates = [c for c in found if free(c) and (c.predicate != "resides" or any(facility_words()))]
    if counted is not None and len(counted_words) == 1 and not counted_words[0].endswith(_AGENT_ENDINGS):
        # a counted "noun" that is one cue word and no agent noun is the verb ("to tatt til
        # fange", "godt 200 slap ud"): it is as near as a cue can be
        candidates += [c for c in found if c.start == counted.start]
    if not candidates and counted is not None and len(counted_words) == 1:
        # with no other cue, a counted "noun" that is one cue word is the verb ("ett
        # femtiotal greps", "flera hundra lyckats ta sig ut"); a longer one keeps its cues
        # ("89 flyende fångar")
        candidates = [c for c in found if c.start == counted.start]
    if candidates:
        # the nearest cue (distances are read only when there is a choice)
        cue = candidates[0] if len(candidates) == 1 else min(candidates, key=lambda c: (distance(c), c.start))
        words = text[cue.start : cue.end].lower()
        if cue.predicate == "resides":
            return "detained"  # "bor knap 25.000 mennesker" in a clause that names the camp
        if cue.predicate == "escaped" and _flees(words, lex) and not _from_a_facility(
            text, cue, lex, facilities
        ) and (
            head in lex.civilians
            or head in lex.residents
            or (head in lex.people and _word_after(text, Span(cue.start, cue.end)) in lex.away_from)
        ):
            return "other"  # people who flee a town flee fighting, not custody (§4.8)
        arrest = words in lex.taking_before and not text[cue.end : claim.start].strip()
        if cue.predicate == "detained" and arrest:
            return "captured"  # "border guards detained 14 people": an arrest
        return cue.predicate
    if _in_list(head, nouns.prisoners) or _inside_a_facility(text, clause, lex, facility_words()):
        return "detained"
    if head in lex.residents and any(facility_words()):
        return "detained"  # "de omkring 40.000 beboere i al-Hol", "lejrens beboere"
    if any(_in_list(w.lower, nouns.prisoners) for w in words_between(text, clause.start, claim.start)):
        return "detained"  # "Blandt fangerne er mindst tre danske statsborgere"
    if counted is not None and not _restates_a_figure(text, clause, lex.lang):
        return "other"  # a count with its own noun and verb is not an answer to what came before
    if previous is not None:
        return previous  # "500 fanger holdt ..., men ... anslår tallet til 4.000": the same count
    sentence = sentences[sentence_index]
    earlier = [c for c in _cues(text, sentence.start, clause.start, lex.lang) if c.predicate != "resides"]
    if earlier:
        return earlier[-1].predicate  # "500 fanger holdt ..., men ... anslår tallet til 4.000"
    for back in range(1, LOOKBACK_SENTENCES + 1):
        if sentence_index - back < 0:
            break
        previous = sentences[sentence_index - back]
        found = [c for c in _cues(text, previous.start, previous.end, lex.lang) if c.predicate != "resides"]
        if found:
            return found[-1].predicate  # the one nearest to the claim
    return "other"

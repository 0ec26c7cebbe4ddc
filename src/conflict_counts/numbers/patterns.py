"""Regular expressions compiled once per language from the lexicon.

The finder scans whole documents with one compiled pattern (``claim``) so that the
Python code runs only where a number was found; the parser re-reads each match with
the smaller patterns here. ``strict`` patterns are the finder's (no bare article, no
spoken "point"); the normaliser accepts more, because its input is known to be a number.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from functools import cache, cached_property

from conflict_counts.numbers.lexicon import Lexicon, lexicon

SP = r"[^\S\n]"  # whitespace inside a line: a number never spans a line break
GROUP_SPACE = "[ \u00a0\u202f\u2009]"  # space, no-break space, narrow no-break, thin space
DASH = "[-\u2013\u2014]"  # hyphen, en dash, em dash
FLAGS = re.IGNORECASE


# Whitespace in a phrase other than single spaces between characters (see ``words``).
_IRREGULAR_SPACE = re.compile(r"^ | $|  |[^\S ]")


def words(items: Iterable[str]) -> str:
    """Alternation of literal phrases, longest first, spaces matching any inline space.

    Written as a prefix tree that tries longer phrases first, ``(?:hundra(?:tusen|)|tio)``
    for "hundratusen", "hundra" and "tio": the engine compares a character and descends
    instead of trying every phrase in turn. The matches and the order in which they are
    offered are those of the flat alternation sorted by length: the phrases that match at
    a position are prefixes of one another, so they lie on one path of the tree (siblings
    compare different characters, also without case, and a space, matching any inline
    space, is never a sibling of another whitespace character), and the tree offers the
    deeper one first. Phrases with other whitespace keep the flat alternation.
    """
    parts = set(items)
    if any(_IRREGULAR_SPACE.search(w) for w in parts):
        flat = sorted(parts, key=lambda w: (-len(w), w))
        return "(?:" + "|".join(re.escape(w).replace(r"\ ", SP + "+") for w in flat) + ")"
    root = _trie(parts)

    def branch(node: dict) -> str:
        alternatives = [_edge(char) + branch(node[char]) for char in sorted(node) if char]
        if "" in node:
            alternatives.append("")  # the shorter phrase after the longer ones
        return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"

    return "(?:" + (branch(root) if root else "") + ")"


def regexes(items: Iterable[str], *, group: bool = True) -> str:
    """Alternation of regex fragments (lexicon entries such as ``ett\\s+par``).

    Without ``group`` the bare alternatives, to join into an enclosing alternation.
    """
    parts = sorted(set(items), key=lambda w: (-len(w), w))
    alternatives = "|".join(p.replace(r"\s+", SP + "+") for p in parts)
    return f"(?:{alternatives})" if group else alternatives


def digits_pattern(lex: Lexicon) -> str:
    """Digits with the language's separators; the group shape decides '.' vs ','.

    A separator followed by exactly three digits (and then no digit) is a thousands
    separator only when it is the language's group mark ("5.000" in nb, "15,000" in
    en) or a space; the decimal mark takes any number of digits ("1,5", "1.5").
    Nothing glued to letters, ':' or '/' (times, dates, ratios, "F-16") starts a number.
    """
    g, d = re.escape(lex.group_mark), re.escape(lex.decimal_mark)
    return (
        r"(?<![\w.,:/])(?:"
        rf"\d{{1,3}}(?:{g}\d{{3}})+(?:{d}\d+)?"
        rf"|\d{{1,3}}(?:{GROUP_SPACE}\d{{3}})+(?:{d}\d+)?"
        rf"|\d+(?:{d}\d+)?"
        rf"|{d}\d+"
        r")(?!\w|[.,:/]\d)"
    )


def morphemes(lex: Lexicon) -> list[str]:
    """Every written piece of a number word (closed compounds are sequences of these)."""
    items = [
        *lex.units, *lex.teens, *lex.tens, *lex.hundreds, *lex.scales, *lex.dozens,
        *lex.extra,
    ]
    if lex.units_first:
        items += lex.conns  # Danish "en-og-tyve" is written as one word
    return items


_ATOMIC = "@atomic"  # placeholder group name; each use gets its own name at compile time


def _closed_word(lex: Lexicon) -> str:
    """One number word: a run of parts in the closed-compound languages, else one word.

    The run is atomic (the lookahead-and-backreference idiom, as Python 3.10 has no
    atomic groups): parts can overlap ("seksti" / "seks" + "ti"), and a long letter run
    that is not a number must fail in linear time, not try every split.
    """
    m = words(morphemes(lex))
    if not lex.closed_compounds:
        return m
    return f"(?=(?P<{_ATOMIC}>{m}+))(?P={_ATOMIC})"


def _compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile, naming each atomic word group uniquely (a pattern reuses the fragment)."""
    for number in itertools.count():
        if f"(?P<{_ATOMIC}>" not in pattern:
            break
        pattern = pattern.replace(f"(?P<{_ATOMIC}>", f"(?P<_w{number}>", 1)
        pattern = pattern.replace(f"(?P={_ATOMIC})", f"(?P=_w{number})", 1)
    return re.compile(pattern, flags)


class Patterns:
    """The compiled patterns of one language (see module docstring).

    Each is compiled on first use: the long claim patterns take tens of milliseconds
    apiece, and the finder needs ``claim`` and ``claim_after_nonword`` (``claim_ci`` only
    for text whose lower case changes its length) while the normaliser needs ``claim_full``.
    """

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex

    @cached_property
    def digits(self) -> re.Pattern[str]:
        """Digit numbers with this language's group and decimal separators."""
        return _compile(digits_pattern(self.lex))

    @cached_property
    def claim(self) -> re.Pattern[str]:
        """Finder, on lower-cased text: one numeric expression."""
        return _compile(_claim(self.lex, strict=True))

    @cached_property
    def claim_after_nonword(self) -> re.Pattern[str]:
        """``claim`` with the non-word character before it, consumed: matched one character
        before the claim starts, it lets the engine skip to the non-word characters in C."""
        return _compile(_claim(self.lex, strict=True, before=r"\W"))

    @cached_property
    def claim_ci(self) -> re.Pattern[str]:
        """The same for text whose lower case changes its length."""
        return _compile(_claim(self.lex, strict=True), FLAGS)

    @cached_property
    def claim_full(self) -> re.Pattern[str]:
        """Normaliser: the same, permissive, matched in full."""
        return _compile(_claim(self.lex, strict=False), FLAGS)

    @cached_property
    def tokens(self) -> re.Pattern[str]:
        """Tokenizer of a single number."""
        return _compile(_tokens(self.lex), FLAGS)

    @cached_property
    def vague(self) -> re.Pattern[str]:
        """The parts of a magnitude expression, matched in full."""
        return _compile(_vague(self.lex, groups=True), FLAGS)

    @cached_property
    def half(self) -> tuple[tuple[re.Pattern[str], str], ...]:
        """The half words of the language (“ett och ett halvt”), each with what it is read as."""
        return tuple((_compile(k, FLAGS), v) for k, v in self.lex.half.items())


def _num(lex: Lexicon, *, strict: bool) -> str:
    """One number: digits or words, with scale words, "ett par", "ett hundratal"."""
    dig = digits_pattern(lex)
    wordx = _closed_word(lex)
    word = wordx + r"(?!\w)"
    art = words(lex.articles) + r"(?!\w)"
    conn = words(lex.conns) + r"(?!\w)"
    scalew = words([*lex.hundreds, *lex.scales, *lex.dozens]) + r"(?!\w)"
    scales = f"{scalew}(?:{SP}+{scalew})*"
    # an article is "one" only before a multiplier ("en miljon", "tre tusen en hundre")
    later = f"(?!{conn})(?!{art}(?!{SP}+{scalew}))"
    first = later if strict else f"(?!{conn})"
    # after "och"/"og"/"and" the article is "one" too: "hundre og en"
    seq = f"{first}{word}(?:(?:{SP}+|-)(?:{conn}{SP}+(?!{conn}){word}|{later}{word}))*"
    alts = [
        f"{regexes(lex.couple)}(?!\\w)(?:{SP}+(?:{words(lex.partitive)}{SP}+)?{scales})?",
        f"{regexes(lex.half)}{SP}+{scales}",
    ]
    if lex.tal_suffix:
        alts.append(f"{art}{SP}+(?:{wordx}|\\d+-?){re.escape(lex.tal_suffix)}(?!\\w)")
    alts.append(f"{dig}(?:{SP}+{scales})?")
    if lex.point and not strict:
        unit = words(k for k, v in lex.units.items() if k not in lex.articles)
        alts.insert(
            0,
            f"(?:(?:{dig}|{seq}){SP}+)?{words(lex.point)}(?:{SP}+(?:\\d+|{unit}(?!\\w)))+"
            f"(?:{SP}+{scales})?",
        )
    alts.append(seq)
    return "(?:" + "|".join(alts) + ")"


def _vague(lex: Lexicon, *, groups: bool) -> str:
    """Magnitude words: "hundratals", "flera tusen", "tens of thousands", "flere titalls".

    With ``groups`` (for reading one match) "several" is an optional group of its own
    and the reader checks where it is required; without (for scanning) the pattern
    requires it where it must be.
    """

    def g(name: str, body: str) -> str:
        return f"(?P<{name}>{body})" if groups else f"(?:{body})"

    wordx = _closed_word(lex)
    scalew = words([*lex.hundreds, *lex.scales, *lex.dozens]) + r"(?!\w)"
    plural = words(lex.plurals) + r"(?!\w)"
    chain = g("px", f"{plural}(?:{SP}+{words(lex.partitive)}{SP}+{plural})*")
    scales = g("sx", f"{scalew}(?:{SP}+{scalew})*")
    suffixed = tal = None
    if lex.vague_suffixes:
        suffixed = g("vx", wordx) + words(lex.vague_suffixes) + r"(?!\w)"
    if lex.tal_suffix:
        tal = g("tx", f"{wordx}|\\d+-?") + re.escape(lex.tal_suffix) + g("tpl", "s?") + r"(?!\w)"
    sev = regexes(lex.several) + f"{SP}+"
    if groups:
        body = "|".join(x for x in (chain, suffixed, tal, scales) if x)
        return f"(?:(?P<sev>{regexes(lex.several)}){SP}+)?(?:{body})"
    optional = "|".join(x for x in (chain, suffixed) if x)
    required = "|".join(x for x in (tal, scales) if x)
    return f"(?:(?:{sev})?(?:{optional})|{sev}(?:{required}))"


def prefix_tree(items: Iterable[str], tail: str = "", *, group: bool = True) -> str:
    """The phrases of ``words(items)``, each followed by ``tail``, as a prefix tree.

    The same strings match (spaces match any inline space), but the engine compares a
    character and descends instead of trying every phrase in turn: far cheaper inside
    a lookahead that runs at every word of the text. Unlike ``words`` it does not
    prefer the longest phrase, so use it only where any match will do (lookaheads).
    Without ``group`` the top alternatives are bare, to join into an enclosing
    alternation: ``x|a|b`` tries what ``x|(?:a|b)`` does, in the same order, but the
    engine enters one alternation instead of two.
    """
    root = _trie(set(items))

    def branch(node: dict) -> str:
        alternatives = [tail if char == "" else _edge(char) + branch(node[char]) for char in sorted(node)]
        return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"

    if not root:
        return "(?!)"
    if not group and "" not in root:
        return "|".join(_edge(char) + branch(root[char]) for char in sorted(root))
    return branch(root)


def _trie(phrases: Iterable[str]) -> dict:
    """The phrases as nested dicts, a character a level; the key "" marks where one ends."""
    root: dict = {}
    for phrase in phrases:
        node = root
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = None
    return root


def _edge(char: str) -> str:
    """One character of a phrase in a prefix tree: a space matches any inline space."""
    return f"{SP}+" if char == " " else re.escape(char)


def _literal_prefix(fragment: str, size: int = 2) -> str:
    """The first ``size`` characters of a fragment, stopping at its first regex syntax."""
    literal = re.match(r"[^\\()\[\]?*+{}|^$.]*", fragment)
    return (literal.group() if literal else "")[:size]


def _guard(lex: Lexicon) -> str:
    """A lookahead on the first two characters of anything that can start a claim.

    It lets the scan skip most word starts after a couple of character comparisons
    instead of trying every alternative of the full pattern (1.5-2x faster). The
    :func:`_word_guard` after it tests the whole first word.
    """
    literal = [*morphemes(lex), *lex.cues, *lex.range_open, *lex.plurals, *lex.articles]
    fragments = [*lex.several, *lex.couple, *lex.half]
    prefixes = {w[:2] for w in literal} | {_literal_prefix(f) for f in fragments}
    if "" in prefixes:
        return ""
    d = re.escape(lex.decimal_mark)
    return f"(?=\\d|{d}\\d|{prefix_tree(prefixes, group=False)})" + _word_guard(lex)


def _word_guard(lex: Lexicon) -> str:
    """A lookahead on the whole first word of anything that can start a claim.

    About half of all words pass the two-character test ("i", "the", "som", "and"), and
    each then costs a try of every alternative of the full pattern; this rejects almost
    all of them after a few more comparisons (about 2x faster again). A claim opens
    with digits, a number word (in the closed-compound languages a run of parts, maybe
    with a magnitude suffix: "hundratals"), a literal phrase (cue, range opener,
    article, plural, spoken "point") or a regex fragment ("ett\\s+par"), each but the
    fragments ending at a word boundary. That is a necessary condition of the pattern
    after it, so the matches stay the same. The phrases are prefix trees, and the
    costly run of parts is tried only after a tree saw one part.
    """
    d = re.escape(lex.decimal_mark)
    suffixes = [*lex.vague_suffixes]
    if lex.tal_suffix:
        suffixes += [lex.tal_suffix + "s", lex.tal_suffix]
    suffix = f"{words(suffixes)}?" if suffixes else ""
    number_word = f"(?={prefix_tree(morphemes(lex))}){_closed_word(lex)}{suffix}(?!\\w)"
    phrases = [*lex.cues, *lex.range_open, *lex.articles, *lex.plurals, *lex.point]
    literal = prefix_tree(phrases, r"(?!\w)", group=False)
    fragments = regexes([*lex.several, *lex.couple, *lex.half], group=False)
    return f"(?=\\d|{d}\\d|{number_word}|{literal}|{fragments})"


def _claim(lex: Lexicon, *, strict: bool, before: str = r"(?<!\w)") -> str:
    """Qualifier cue + number, a range ("mellan a och b", "a-b"), or a magnitude word.

    ``before`` is what precedes it: no word character, or a consumed non-word character.
    """
    num = _num(lex, strict=strict)
    cues = words(lex.cues) + f"(?={SP})"
    openers = words(lex.range_open)
    open_joins = words(j for js in lex.range_open.values() for j in js if not re.match(DASH, j))
    dash = f"{SP}*{DASH}{SP}*"
    return (
        rf"{before}{_guard(lex)}(?:"
        f"(?P<ro>{openers}){SP}+(?P<ra>{num})(?:{dash}|{SP}+{open_joins}{SP}+)(?P<rb>{num})"
        f"|(?P<v>{_vague(lex, groups=False)})"
        f"|(?:(?P<cue>{cues}){SP}+)?"
        f"(?:(?P<a>{num})(?:{dash}|{SP}+{words(lex.range_join)}{SP}+)(?P<b>{num})|(?P<n>{num}))"
        ")"
    )


def _tokens(lex: Lexicon) -> str:
    """Tokens of one number: the multi-word leads first, then digits, words, separators."""
    wordx = _closed_word(lex)
    alts = [
        f"(?P<couple>{regexes(lex.couple)})(?!\\w)",
        f"(?P<frac>{regexes(lex.half)})(?!\\w)",
    ]
    if lex.tal_suffix:
        art = words(lex.articles)
        alts.append(
            f"{art}{SP}+(?P<tal>{wordx}|\\d+-?){re.escape(lex.tal_suffix)}(?!\\w)"
        )
    alts += [
        f"(?P<digits>{digits_pattern(lex)})",
        r"(?P<word>[^\W\d_]+)",
        f"(?P<sep>{SP}+|{DASH})",
        r"(?P<bad>.)",
    ]
    return "|".join(alts)


@cache
def patterns(lang: str) -> Patterns:
    """The patterns of ``lang`` (one object a language; each pattern compiled once, when first used)."""
    return Patterns(lexicon(lang))

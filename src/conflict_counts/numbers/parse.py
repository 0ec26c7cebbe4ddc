"""Text of one number (digits, words, or both) → its value.

Number words are read by a small state machine over their parts, the usual
"group × scale" grammar: units, teens and tens add up; ``hundred`` multiplies what is
before it; a scale word closes the group ("tre hundra tusen" = (3 × 100) × 1000); a
larger scale after a smaller one multiplies everything so far ("three thousand
millions"). Closed compounds ("tvåhundrafemtio", "tjueen") are split into parts first.
Values are exact fractions until the caller turns them into floats.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction
from functools import cache, lru_cache

from conflict_counts.numbers.lexicon import Lexicon, lexicon
from conflict_counts.numbers.patterns import morphemes, patterns


@dataclass(frozen=True)
class Parsed:
    """A number read from text.

    ``approx`` marks words that mean "about" by themselves ("ett par", "ett hundratal").
    ``scale`` is the trailing multiplier when the number is coefficient × scale ("2
    miljoner"), and ``bare`` says it has no multiplier word at all: "1,5-2 miljoner"
    lends the second part's scale to the first.
    """

    value: Fraction
    end: int  # characters of the input read
    approx: bool = False
    scale: int | None = None
    bare: bool = True


# Element kinds (see lexicon.py); "lead" is a number that only a multiplier may follow.
_NUMBER_WORDS = ("unit", "teen", "tens", "tens_closed")


@dataclass
class _Machine:
    """Reads elements one at a time; ``step`` is False at the first one that cannot follow."""

    units_first: bool
    total: Fraction = Fraction(0)
    current: Fraction | None = None
    last: str | None = None
    max_scale: int = 0
    last_scale: int = 0
    pending_conn: str | None = None  # the kind before "och"/"og"/"and"
    decimals: str | None = None  # digits after a spoken "point"
    multiplied: bool = False
    approx: bool = False

    def complete(self) -> bool:
        return (
            self.last not in (None, "partitive", "conn", "point")
            and self.pending_conn is None
            and self.decimals != ""
        )

    def value(self) -> Fraction:
        return self.total + self._small()

    def _small(self) -> Fraction:
        current = self.current or Fraction(0)
        if self.decimals:
            current += Fraction(int(self.decimals), 10 ** len(self.decimals))
        return current

    def step(self, kind: str, value: Fraction, plural: bool = False) -> bool:
        if self.decimals is not None:
            if kind in ("unit", "lead") and value.denominator == 1 and value >= 0:
                self.decimals += str(value)
                self.last = "decimal"
                return True
            if kind not in ("scale", "hundred") or not self.decimals:
                return False
            self.current, self.decimals = self._small(), None
            self.last = "lead"
        if kind == "lead":
            return self._set(self.last is None, "lead", value)
        if kind == "partitive":  # "a couple of hundred"
            return self._set(self.last == "lead" and self.approx, "partitive", self.current)
        if kind == "point":
            ok = self.last in (None, "lead", *_NUMBER_WORDS) and self.pending_conn is None
            if ok:
                self.decimals, self.last = "", "point"
            return ok
        if kind == "conn":
            ok = self.pending_conn is None and (
                self.last in ("hundred", "scale") or (self.last == "unit" and self.units_first)
            )
            if ok:
                self.pending_conn, self.last = self.last, "conn"
            return ok
        if kind in ("unit", "teen", "tens"):
            return self._number_word(kind, value)
        if kind == "hundred":
            return self._hundred(plural)
        if kind == "dozen":
            ok = not (plural and self.last is None) and self.pending_conn is None and (
                self.last in (None, "lead", "hundred", "partitive", *_NUMBER_WORDS)
            )
            self.multiplied |= ok
            return self._set(ok, "dozen", (self.current or 1) * 12)
        if kind == "scale":
            return self._scale(int(value), plural)
        return False

    def _set(self, ok: bool, last: str, current: Fraction | None) -> bool:
        if ok:
            self.last, self.current = last, current
        return ok

    def _number_word(self, kind: str, value: Fraction) -> bool:
        before = self.pending_conn
        if before == "unit":  # Danish "en og tyve" = 21: only tens may follow
            ok = kind == "tens"
            kind = "tens_closed"
        elif before is not None:
            ok = before in ("hundred", "scale")
        elif kind == "unit":
            ok = self.last in (None, "hundred", "scale", "tens")
        else:
            ok = self.last in (None, "hundred", "scale")
        if ok:
            self.pending_conn = None
        return self._set(ok, kind, (self.current or 0) + value)

    def _hundred(self, plural: bool) -> bool:
        if self.pending_conn not in (None, "scale") or (plural and self.last is None):
            return False
        if self.last in (None, "scale", "conn") and self.current is None:  # "tusen og hundre"
            self.multiplied, self.pending_conn = True, None
            return self._set(not plural, "hundred", Fraction(100))
        if self.pending_conn is not None:
            return False
        ok = self.last in ("lead", "partitive", *_NUMBER_WORDS) and (self.current or 0) < 100
        self.multiplied |= ok
        return self._set(ok, "hundred", (self.current or 1) * 100)

    def _scale(self, scale: int, plural: bool) -> bool:
        if self.pending_conn is not None or (plural and self.last is None):
            return False
        if self.current is not None:
            group = self.current
        elif self.last is None:
            group = Fraction(1)  # bare "tusen"
        elif self.last == "scale" and scale > self.max_scale:
            group = Fraction(0)  # "three thousand millions"
        else:
            return False
        if scale > self.max_scale:
            self.total = (self.total + group) * scale
        elif scale < self.last_scale:
            self.total += group * scale
        else:
            return False
        self.max_scale = max(self.max_scale, scale)
        self.last_scale, self.multiplied = scale, True
        return self._set(True, "scale", None)

    def parsed(self, end: int) -> Parsed:
        value = self.value()
        scale = None
        if self.last == "scale" and self.last_scale == self.max_scale:
            scale = self.last_scale
        elif self.last == "hundred" and self.max_scale == 0:
            scale = 100
        return Parsed(value, end, self.approx, scale, not self.multiplied)


@cache
def _elements(lang: str) -> dict[str, tuple[str, Fraction, bool]]:
    """Each morpheme → (kind, value, is a plural form that needs a number before it)."""
    lex = lexicon(lang)
    table: dict[str, tuple[str, Fraction, bool]] = {}
    for kind, items in (("unit", lex.units), ("teen", lex.teens), ("tens", lex.tens)):
        for word, value in items.items():
            table[word] = (kind, Fraction(value), False)
    multipliers = [*lex.hundreds, *lex.scales, *lex.dozens]
    for word in multipliers:
        plural = any(word == w + s for w in multipliers for s in ("s", "er"))
        if word in lex.hundreds:
            table[word] = ("hundred", Fraction(100), plural)
        elif word in lex.dozens:
            table[word] = ("dozen", Fraction(12), plural)
        else:
            table[word] = ("scale", Fraction(lex.scales[word]), plural)
    for word in lex.conns:
        table[word] = ("conn", Fraction(0), False)
    for word in lex.partitive:
        table[word] = ("partitive", Fraction(0), False)
    for word in lex.point:
        table[word] = ("point", Fraction(0), False)
    return table


@cache
def split_word(word: str, lang: str) -> tuple[str, ...] | None:
    """Split a (lower-case) closed number word into its parts, or None if it is not one.

    A depth-first search, longest part first, that feeds each part to the machine and
    drops a branch as soon as the parts stop reading as a number: "tretton" is 13,
    never "tre" + "tton", and a long non-number never costs more than a few steps.
    """
    lex = lexicon(lang)
    table = _elements(lang)
    if word in lex.extra:
        return lex.extra[word]
    if table.get(word, ("",))[0] in ("conn", "partitive", "point"):
        return (word,)  # joining words: whether they fit is up to their neighbours
    if not lex.closed_compounds:
        return (word,) if word in table else None
    parts = _parts_longest_first(lang)

    def search(rest: str, machine: _Machine) -> tuple[str, ...] | None:
        if not rest:
            return () if machine.complete() else None
        for part in parts:
            if rest.startswith(part):
                branch = replace(machine)
                if branch.step(*table[part]):
                    tail = search(rest[len(part) :], branch)
                    if tail is not None:
                        return (part, *tail)
        return None

    # on its own, or after a number ("tre *miljoner*": a plural needs one before it)
    for seed in (None, Fraction(1)):
        machine = _Machine(lex.units_first)
        if seed is not None:
            machine.step("lead", seed)
        found = search(word, machine)
        if found is not None:
            return found
    return None


@cache
def _parts_longest_first(lang: str) -> tuple[str, ...]:
    lex = lexicon(lang)
    return tuple(sorted(set(morphemes(lex)) - set(lex.extra), key=len, reverse=True))


# More digits than a float holds (about 16: 2^53 ≈ 9·10^15) are no count: such a digit
# string is read as no number, so that values stay finite however long the input.
MAX_DIGITS = 16


def _lead_value(text: str, lex: Lexicon) -> Fraction | None:
    """Digits → value: drop group separators (spaces, the group mark), read the decimal.

    None for more than :data:`MAX_DIGITS` digits.
    """
    for space in " \u00a0\u202f\u2009":
        text = text.replace(space, "")
    whole, _, frac = text.replace(lex.group_mark, "").partition(lex.decimal_mark)
    if len(whole.lstrip("0")) + len(frac) > MAX_DIGITS:
        return None
    value = Fraction(int(whole or "0"))
    if frac:
        value += Fraction(int(frac), 10 ** len(frac))
    return value


def parse_digits(text: str, lang: str) -> float | None:
    """A digit string in ``lang``'s format ("3 500", "5.000", "15,000", "1,5") → value."""
    lex = lexicon(lang)
    if not patterns(lang).digits.fullmatch(text):
        return None
    value = _lead_value(text, lex)
    return None if value is None else float(value)


@lru_cache(maxsize=8192)  # news repeats its numbers; a reading is pure and immutable
def read_number(text: str, lang: str, *, prefix: bool = False) -> Parsed | None:
    """Read one number; with ``prefix`` the longest leading part that is one.

    Without ``prefix`` the whole text must be a single number (surrounding spaces
    allowed). ``Parsed.end`` says how many characters were read.
    """
    lex = lexicon(lang)
    pats = patterns(lang)
    if pats.digits.fullmatch(text):  # the common case, without the machine
        value = _lead_value(text, lex)
        return None if value is None else Parsed(value, len(text))
    table = _elements(lang)
    machine = _Machine(lex.units_first)
    best: Parsed | None = None
    for token in pats.tokens.finditer(text):
        kind = token.lastgroup
        if kind == "sep":
            continue
        if kind == "tal":  # "ett hundratal": about X, and nothing may follow
            if machine.last is not None:
                break
            x = token.group("tal").rstrip("-")
            inner = read_number(x, lang)
            if inner is None:
                break
            best = Parsed(inner.value, token.end(), approx=True)
            machine.last = "tal"
            continue
        if machine.last == "tal":
            break
        if kind == "couple":
            machine.approx = True
            ok = machine.step("lead", Fraction(2))
        elif kind == "frac":
            value = next(v for p, v in pats.half if p.fullmatch(token.group()))
            ok = machine.step("lead", Fraction(value))
        elif kind == "digits":
            value = _lead_value(token.group(), lex)
            ok = value is not None and machine.step("lead", value)
        elif kind == "word":
            parts = split_word(token.group().lower(), lex.lang)
            ok = parts is not None and all(machine.step(*table[p]) for p in parts)
        else:
            ok = False
        if not ok:
            break
        if machine.complete():
            best = machine.parsed(token.end())
    if best is None:
        return None
    if not prefix and text[best.end :].strip():
        return None
    return best


@lru_cache(maxsize=1024)
def magnitude(text: str, lang: str) -> int | None:
    """The magnitude S of a vague expression ("hundratals" → 100), or None.

    ANNOTATION_GUIDELINES.md §4 maps a magnitude word to [2S, 10S - 1]; dozens count as tens.
    """
    m = patterns(lang).vague.fullmatch(text.strip())
    if m is None:
        return None
    lex = lexicon(lang)
    group = m.groupdict()
    size: Fraction | None
    if group["px"]:
        size = Fraction(1)
        for word in group["px"].lower().split():
            size *= lex.plurals.get(word, 1)
    elif group.get("tx") is not None:
        if not (group["sev"] or group["tpl"]):
            return None  # "ett hundratal" is approx, not vague
        inner = read_number(group["tx"].rstrip("-"), lang)
        size = inner.value if inner else None
    else:
        if group["sx"] and not group["sev"]:
            return None  # a bare "tusen" is a number, "flera tusen" a magnitude
        inner = read_number(group.get("vx") or group["sx"], lang)
        size = inner.value if inner else None
    if size is None or size.denominator != 1:
        return None
    size_int = 10 if size == 12 else int(size)  # dozens -> tens (ANNOTATION_GUIDELINES.md §4)
    # a power of ten, as every magnitude word is ("miljonhundratals" is none)
    return size_int if size_int >= 10 and str(size_int).rstrip("0") == "1" else None

"""Write seeds/contrast/generated.yaml: minimal edits of the corpus's own claim sentences.

    python scripts/make_contrast.py          # rewrites the file (deterministic)
    python scripts/make_contrast.py --check  # exit 1 if the committed file differs

Bases are the sentences of the gold claims (sv, nb, en) and the hand-written renderings
of gold claim sentences in seeds/contrast/bases.yaml (da, and more en). Each template
replaces a base claim's numeric expression with another one whose annotation the template
knows (qualifier cue, number format, number word, magnitude word, range), or adds a
number that is not a claim (year, date, age, percentage, ordinal, number in a name);
the predicate, counted noun and source of the base are kept, their offsets shifted.
The output is seed data: the build reads it, and it never changes unless this script
or its inputs do.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from itertools import cycle

from conflict_counts.annotations.contrast import ContrastItem, read_items
from conflict_counts.annotations.reader import read_annotation_set
from conflict_counts.annotations.yamlio import IDENTIFIER_KEYS, scalar
from conflict_counts.errors import InputError, raise_if_any
from conflict_counts.layout import CONTRAST_DIR, GOLD_DIR, SEEDS_DIR
from conflict_counts.seeds import read_seeds
from conflict_counts.text import sentences

OUTPUT = CONTRAST_DIR / "generated.yaml"
BASES = CONTRAST_DIR / "bases.yaml"


@dataclass(frozen=True)
class Base:
    """A claim sentence: the claim's parts as offsets into the sentence."""

    claim_id: str
    language: str
    text: str
    span: tuple[int, int]
    counted: tuple[int, int] | None
    source_type: str
    source: tuple[int, int] | None
    predicate: str


@dataclass(frozen=True)
class Expression:
    """A numeric expression and its gold normalisation; ``partitive``: needs av/of/af before the noun."""

    text: str
    low: float | None
    high: float | None
    qualifier: str
    partitive: bool = False


# -- the lexicons (ANNOTATION_GUIDELINES.md §4.5 and §4.6, every cue) ------------------
QUALIFIER_CUES: dict[str, dict[str, tuple[str, ...]]] = {
    "sv": {
        "approx": ("omkring", "cirka", "ungefär", "ca", "runt", "kring", "uppskattningsvis"),
        "at_least": ("minst", "åtminstone", "inte mindre än"),
        "more_than": ("över", "fler än", "drygt", "mer än", "uppåt"),
        "nearly": ("närmare", "nästan", "knappt", "närapå", "strax under"),
        "at_most": ("högst", "upp till", "så många som", "maximalt", "som mest"),
    },
    "nb": {
        "approx": ("omkring", "rundt", "cirka", "ca.", "omtrent", "anslagsvis"),
        "at_least": ("minst", "i hvert fall", "ikke mindre enn"),
        "more_than": ("over", "mer enn", "flere enn", "drøyt", "godt over"),
        "nearly": ("nesten", "nærmere", "knapt", "i underkant av", "like under"),
        "at_most": ("høyst", "opptil", "så mange som", "inntil", "maksimalt"),
    },
    "da": {
        "approx": ("omkring", "cirka", "ca.", "omtrent", "anslået", "rundt regnet"),
        "at_least": ("mindst", "i hvert fald", "ikke mindre end"),
        "more_than": ("over", "mere end", "flere end", "godt"),
        "nearly": ("næsten", "knap", "nærmere", "lige under"),
        "at_most": ("op mod", "op til", "højst", "så mange som", "maksimalt"),
    },
    "en": {
        "approx": ("about", "around", "some", "roughly", "approximately", "an estimated"),
        "at_least": ("at least", "no fewer than", "no less than", "a minimum of"),
        "more_than": ("over", "more than", "upwards of", "in excess of"),
        "nearly": ("nearly", "almost", "close to", "just under"),
        "at_most": ("up to", "at most", "as many as", "no more than", "a maximum of"),
    },
}
VALUES = (40, 300, 120, 3500, 12000, 75)
BOUNDS = {  # qualifier -> (low is the value, high is the value)
    "approx": (True, True), "at_least": (True, False), "more_than": (True, False),
    "nearly": (False, True), "at_most": (False, True), "exact": (True, True),
}
PARTITIVE = {"sv": "av", "nb": "av", "da": "af", "en": "of"}


def digits(value: int, language: str, separator: str | None = None) -> str:
    """A number as the language writes it: sv "3 500", nb/da "3.500", en "3,500"."""
    if value < 1000:
        return str(value)
    mark = separator if separator is not None else {"sv": " ", "nb": ".", "da": ".", "en": ","}[language]
    return f"{value:,}".replace(",", mark)


def point(text: str, value: float, qualifier: str = "exact") -> Expression:
    low, high = BOUNDS[qualifier]
    return Expression(text, value if low else None, value if high else None, qualifier)


def vague(text: str, low: float, high: float, partitive: bool = False) -> Expression:
    return Expression(text, low, high, "vague", partitive)


def span_range(text: str, low: float, high: float) -> Expression:
    return Expression(text, low, high, "range")


FORMATS: dict[str, tuple[Expression, ...]] = {
    "sv": (point("3 500", 3500), point("3500", 3500), point("12 000", 12000), point("12000", 12000),
           point("250 000", 250000), point("1,5 miljoner", 1.5e6), point("2 miljoner", 2e6)),
    "nb": (point("5.000", 5000), point("5 000", 5000), point("5000", 5000), point("12.000", 12000),
           point("250.000", 250000), point("1,5 millioner", 1.5e6), point("2 millioner", 2e6)),
    "da": (point("5.000", 5000), point("5000", 5000), point("12.000", 12000), point("250.000", 250000),
           point("1,5 millioner", 1.5e6), point("2,5 millioner", 2.5e6), point("3 millioner", 3e6)),
    "en": (point("5,000", 5000), point("5000", 5000), point("12,000", 12000), point("250,000", 250000),
           point("1.5 million", 1.5e6), point("2 million", 2e6), point("1,200", 1200)),
}
NUMBER_WORDS: dict[str, tuple[Expression, ...]] = {
    "sv": tuple(point(w, v) for w, v in (
        ("tre", 3), ("sju", 7), ("elva", 11), ("tolv", 12), ("tjugo", 20), ("tjugotre", 23),
        ("fyrtiofem", 45), ("femtio", 50), ("hundra", 100), ("tvåhundra", 200), ("tre hundra", 300),
        ("tusen", 1000))),
    "nb": tuple(point(w, v) for w, v in (
        ("tre", 3), ("syv", 7), ("sju", 7), ("elleve", 11), ("tolv", 12), ("tjue", 20), ("tyve", 20),
        ("tjuetre", 23), ("førtifem", 45), ("hundre", 100), ("tre hundre", 300), ("tusen", 1000))),
    "da": tuple(point(w, v) for w, v in (
        ("tre", 3), ("syv", 7), ("elleve", 11), ("tolv", 12), ("tyve", 20), ("treogtyve", 23),
        ("femogfyrre", 45), ("halvtreds", 50), ("tres", 60), ("halvfems", 90), ("hundrede", 100),
        ("tre hundrede", 300), ("tusind", 1000))),
    "en": tuple(point(w, v) for w, v in (
        ("three", 3), ("seven", 7), ("eleven", 11), ("twelve", 12), ("twenty", 20), ("twenty-three", 23),
        ("forty-five", 45), ("fifty", 50), ("one hundred", 100), ("three hundred", 300),
        ("two thousand", 2000))),
}
HUNDREDS, THOUSANDS, TENS_OF_THOUSANDS, TENS = (200, 999), (2000, 9999), (20000, 99999), (20, 99)
HUNDREDS_OF_THOUSANDS, MILLIONS = (200000, 999999), (2000000, 9999999)
MAGNITUDES: dict[str, tuple[Expression, ...]] = {
    "sv": (vague("hundratals", *HUNDREDS), vague("tusentals", *THOUSANDS),
           vague("tiotusentals", *TENS_OF_THOUSANDS), vague("hundratusentals", *HUNDREDS_OF_THOUSANDS),
           vague("miljontals", *MILLIONS), vague("dussintals", *TENS), vague("tiotals", *TENS),
           vague("flera tiotal", *TENS), vague("flera hundra", *HUNDREDS), vague("flera tusen", *THOUSANDS),
           vague("några hundra", *HUNDREDS), vague("några tusen", *THOUSANDS),
           point("ett tiotal", 10, "approx"), point("ett tjugotal", 20, "approx"),
           point("ett femtiotal", 50, "approx"), point("ett hundratal", 100, "approx"),
           point("ett tusental", 1000, "approx"), point("ett par", 2, "approx"), point("ett dussin", 12)),
    "nb": (vague("hundrevis", *HUNDREDS, True), vague("tusenvis", *THOUSANDS, True),
           vague("tusener", *THOUSANDS, True), vague("titusenvis", *TENS_OF_THOUSANDS, True),
           vague("hundretusenvis", *HUNDREDS_OF_THOUSANDS, True), vague("millionvis", *MILLIONS, True),
           vague("titalls", *TENS), vague("dusinvis", *TENS, True), vague("flere titalls", *TENS),
           vague("flere hundre", *HUNDREDS), vague("flere tusen", *THOUSANDS),
           vague("noen hundre", *HUNDREDS), vague("noen tusen", *THOUSANDS),
           point("et titall", 10, "approx"), point("et tjuetall", 20, "approx"),
           point("et hundretall", 100, "approx"), point("et tusentall", 1000, "approx"),
           point("et par", 2, "approx"), point("et dusin", 12)),
    "da": (vague("hundredvis", *HUNDREDS, True), vague("hundreder", *HUNDREDS, True),
           vague("tusindvis", *THOUSANDS, True), vague("tusinder", *THOUSANDS, True),
           vague("titusindvis", *TENS_OF_THOUSANDS, True), vague("titusinder", *TENS_OF_THOUSANDS, True),
           vague("snesevis", *TENS, True), vague("dusinvis", *TENS, True),
           vague("flere hundrede", *HUNDREDS), vague("flere tusinde", *THOUSANDS),
           vague("nogle hundrede", *HUNDREDS), vague("nogle tusinde", *THOUSANDS),
           point("et par", 2, "approx"), point("et dusin", 12)),
    "en": (vague("hundreds", *HUNDREDS, True), vague("thousands", *THOUSANDS, True),
           vague("tens of thousands", *TENS_OF_THOUSANDS, True),
           vague("hundreds of thousands", *HUNDREDS_OF_THOUSANDS, True), vague("millions", *MILLIONS, True),
           vague("dozens", *TENS, True), vague("several hundred", *HUNDREDS),
           vague("several thousand", *THOUSANDS), vague("a few hundred", *HUNDREDS),
           vague("a few thousand", *THOUSANDS), point("about a hundred", 100, "approx"),
           point("about ten", 10, "approx"), point("a couple", 2, "approx"), point("a dozen", 12)),
}
RANGES: dict[str, tuple[Expression, ...]] = {
    "sv": (span_range("mellan 3 000 och 5 000", 3000, 5000), span_range("3 000–5 000", 3000, 5000),
           span_range("3000-5000", 3000, 5000), span_range("från 3 000 till 5 000", 3000, 5000),
           span_range("3 000 till 5 000", 3000, 5000), span_range("mellan 40 och 60", 40, 60),
           span_range("mellan tio och tjugo", 10, 20)),
    "nb": (span_range("mellom 3000 og 5000", 3000, 5000), span_range("mellom 3.000 og 5.000", 3000, 5000),
           span_range("3.000–5.000", 3000, 5000), span_range("3000-5000", 3000, 5000),
           span_range("fra 3.000 til 5.000", 3000, 5000), span_range("mellom 40 og 60", 40, 60)),
    "da": (span_range("mellem 3.000 og 5.000", 3000, 5000), span_range("mellem 40 og 60", 40, 60),
           span_range("3.000-5.000", 3000, 5000), span_range("3.000–5.000", 3000, 5000),
           span_range("fra 3.000 til 5.000", 3000, 5000), span_range("mellem ti og tyve", 10, 20)),
    "en": (span_range("between 3,000 and 5,000", 3000, 5000), span_range("3,000 to 5,000", 3000, 5000),
           span_range("from 3,000 to 5,000", 3000, 5000), span_range("3,000–5,000", 3000, 5000),
           span_range("3,000-5,000", 3000, 5000), span_range("between 40 and 60", 40, 60)),
}
# Ranges whose first number leaves out the magnitude it shares with the second (§4.5).
ELIDED_RANGES: dict[str, tuple[Expression, ...]] = {
    "sv": (span_range("mellan 10 och 12 000", 10000, 12000), span_range("10–12 000", 10000, 12000),
           span_range("mellan 1,5 och 2 miljoner", 1.5e6, 2e6),
           span_range("mellan tio och tolv tusen", 10000, 12000)),
    "nb": (span_range("mellom 10 og 12.000", 10000, 12000), span_range("mellom 10 og 12 000", 10000, 12000),
           span_range("mellom 1,5 og 2 millioner", 1.5e6, 2e6),
           span_range("mellom ti og tolv tusen", 10000, 12000)),
    "da": (span_range("mellem 10 og 12.000", 10000, 12000), span_range("10-12.000", 10000, 12000),
           span_range("mellem 1,5 og 2 millioner", 1.5e6, 2e6),
           span_range("mellem ti og tolv tusind", 10000, 12000)),
    "en": (span_range("between 10 and 12 thousand", 10000, 12000),
           span_range("10 to 12 thousand", 10000, 12000),
           span_range("between 1.5 and 2 million", 1.5e6, 2e6),
           span_range("between ten and twelve thousand", 10000, 12000)),
}
# Numbers that are not claims, added to a claim sentence: (edit, phrase, the look-alike in it).
NOT_CLAIMS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "sv": (("year", " sedan 2019", "2019"), ("year", " under 2022", "2022"),
           ("date", " den 20 januari", "20 januari"), ("date", " den 20 January 2022", "20 January 2022"),
           ("date", " (3 October)", "3 October"),
           ("age", ", bland dem en 15-årig pojke", "15"), ("age", ", bland dem en man på 40 år", "40"),
           ("percentage", ", eller 40 procent av dem", "40"), ("percentage", " (drygt 60 %)", "60"),
           ("ordinal", " för tredje gången", "tredje"), ("ordinal", " för 2:a dagen i rad", "2:a"),
           ("name", ", rapporterar Kanal 5", "5"), ("name", ", enligt Kurdistan 24", "24"),
           ("name", ", trots resolution 2254", "2254")),
    "nb": (("year", " siden 2019", "2019"), ("year", " i 2022", "2022"),
           ("date", " den 20. januar", "20. januar"), ("date", " 20. January", "20. January"),
           ("date", " (October 3)", "October 3"),
           ("age", ", blant dem en 15 år gammel gutt", "15"), ("age", ", blant dem en 40-åring", "40"),
           ("percentage", ", eller 40 prosent av dem", "40"), ("percentage", " (drøyt 60 %)", "60"),
           ("ordinal", " for tredje gang", "tredje"), ("ordinal", " for 2. dag på rad", "2."),
           ("name", ", melder TV 2", "2"), ("name", ", ifølge Kurdistan 24", "24"),
           ("name", ", tross resolusjon 2254", "2254")),
    "da": (("year", " siden 2019", "2019"), ("year", " i 2022", "2022"),
           ("date", " den 20. januar", "20. januar"), ("date", " den 20. January", "20. January"),
           ("date", " (3 October 2019)", "3 October 2019"),
           ("age", ", blandt dem en 15-årig dreng", "15"), ("age", ", blandt dem en mand på 40 år", "40"),
           ("percentage", ", eller 40 procent af dem", "40"), ("percentage", " (godt 60 %)", "60"),
           ("ordinal", " for tredje gang", "tredje"), ("ordinal", " for 2. dag i træk", "2."),
           ("name", ", oplyser TV 2", "2"), ("name", ", ifølge Kurdistan 24", "24"),
           ("name", ", trods resolution 2254", "2254")),
    "en": (("year", " since 2019", "2019"), ("year", " in 2022", "2022"),
           ("date", " on January 20", "January 20"), ("date", " on Jan. 20", "Jan. 20"),
           ("date", " (20 januari)", "20 januari"),
           ("age", ", among them a 15-year-old boy", "15"), ("age", ", among them a man aged 40", "40"),
           ("percentage", ", or 40 percent of them", "40"), ("percentage", " (some 60%)", "60"),
           ("ordinal", " for the third time", "third"), ("ordinal", " for the 2nd day running", "2nd"),
           ("name", ", Kurdistan 24 reported", "24"), ("name", ", Channel 4 said", "4"),
           ("name", ", despite Resolution 2254", "2254")),
}


# -- bases -------------------------------------------------------------------------------
def gold_bases() -> list[Base]:
    """Every gold claim sentence whose claim can take another number (no definite counts)."""
    annotations = read_annotation_set(GOLD_DIR)
    texts = {seed.doc_id: seed.text for seed in read_seeds(SEEDS_DIR)}
    bases = []
    for doc_id in sorted(annotations.documents):
        document = annotations.documents[doc_id]
        text = texts[doc_id]
        segments = sentences(text)
        for claim in document.claims:
            sentence = next(s for s in segments if s.start <= claim.span.start < s.end)
            before = text[sentence.start : claim.span.start].split()
            if before and before[-1].lower() in ("de", "the"):
                continue  # a definite count of things already named (§4.3)
            if claim.source and not sentence.start <= claim.source.start < sentence.end:
                continue  # a pronoun speaker whose antecedent is in the sentence before

            def local(span, offset=sentence.start):
                return None if span is None else (span.start - offset, span.end - offset)

            bases.append(Base(f"{doc_id}:{claim.span.start}-{claim.span.end}", document.language,
                              sentence.text, local(claim.span), local(claim.counted),
                              claim.source_type, local(claim.source), claim.predicate))
    return bases


def rendered_bases() -> list[Base]:
    """The hand-written renderings of gold claim sentences (seeds/contrast/bases.yaml)."""
    problems: list = []
    items = read_items(BASES, "base", problems)
    raise_if_any(problems)
    return [_base_of(item) for item in items]


def _base_of(item: ContrastItem) -> Base:
    claim = item.claim
    if claim is None:
        raise InputError.at(str(BASES), item.origin.line, "claim", "a base needs a claim")

    def pair(span):
        return None if span is None else (span.start, span.end)

    return Base(item.derived_from, item.language, item.text, pair(claim.span), pair(claim.counted),
                claim.source_type, pair(claim.source), claim.predicate)


# -- edits -------------------------------------------------------------------------------
def quote(text: str, start: int, end: int) -> dict[str, object]:
    """A quote of text[start:end] with the occurrence that picks it when it is not unique."""
    needle = text[start:end]
    positions, position = [], text.find(needle)
    while position != -1:
        positions.append(position)
        position = text.find(needle, position + 1)
    found = {"text": needle}
    if len(positions) > 1:
        found["occurrence"] = positions.index(start) + 1
    return found


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def substitute(base: Base, expression: Expression) -> dict[str, object]:
    """The base sentence with its claim replaced by ``expression``, annotated."""
    start, end = base.span
    words = expression.text if start > 0 else capitalised(expression.text)
    tail_start = base.counted[0] if base.counted else end
    gap = base.text[end:tail_start]
    if base.counted:
        partitive = PARTITIVE[base.language]
        gap = f" {partitive} " if expression.partitive else " "
    new_text = base.text[:start] + words + gap + base.text[tail_start:]
    shift = len(words) + len(gap) - (tail_start - start)

    def moved(span: tuple[int, int] | None) -> tuple[int, int] | None:
        if span is None:
            return None
        return span if span[0] < start else (span[0] + shift, span[1] + shift)

    claim: dict[str, object] = {
        "span": quote(new_text, start, start + len(words)),
        "low": expression.low, "high": expression.high, "qualifier": expression.qualifier,
        "predicate": base.predicate,
        "counted": quote(new_text, *moved(base.counted)) if base.counted else None,
    }
    source = moved(base.source)
    claim["source"] = {"type": base.source_type, **(quote(new_text, *source) if source else {})}
    return {"text": new_text, "claim": claim}


def insert_not_claim(base: Base, phrase: str, lookalike: str) -> dict[str, object]:
    """The base sentence with ``phrase`` added before its final punctuation."""
    body = base.text.rstrip()
    end = len(body)
    while end and body[end - 1] in ".!?”\"":
        end -= 1
    new_text = body[:end] + phrase + body[end:]
    position = end + phrase.index(lookalike)
    return {"text": new_text, "not_a_claim": quote(new_text, position, position + len(lookalike))}


def qualified(cue: str, value: int, qualifier: str, language: str) -> Expression:
    return point(f"{cue} {digits(value, language)}", value, qualifier)


def generate(bases: list[Base]) -> list[dict[str, object]]:
    items: list[dict[str, object]] = []
    for language in ("sv", "nb", "da", "en"):
        own = [b for b in bases if b.language == language]
        pool = cycle(own)
        values = cycle(VALUES)
        edits: list[tuple[str, Base, dict[str, object]]] = []
        for qualifier, cues in QUALIFIER_CUES[language].items():
            for cue in cues:
                for _ in range(2):
                    base = next(pool)
                    expression = qualified(cue, next(values), qualifier, language)
                    edits.append(("qualifier", base, substitute(base, expression)))
        for edit, expressions in (("format", FORMATS), ("number_word", NUMBER_WORDS),
                                  ("magnitude", MAGNITUDES), ("range", RANGES),
                                  ("range_elided", ELIDED_RANGES)):
            for expression in expressions[language]:
                base = next(pool)
                edits.append((edit, base, substitute(base, expression)))
        for edit, phrase, lookalike in NOT_CLAIMS[language]:
            base = next(pool)
            edits.append((edit, base, insert_not_claim(base, phrase, lookalike)))
        numbers: dict[str, int] = {}
        for edit, base, made in edits:
            numbers[edit] = numbers.get(edit, 0) + 1
            item_id = f"{language}-{edit.replace('_', '-')}-{numbers[edit]:03d}"
            items.append({"id": item_id, "language": language, "edit": edit,
                          "derived_from": base.claim_id, **made})
    return items


# -- writing -----------------------------------------------------------------------------
def flow(value: object, key: str = "") -> str:
    """One-line YAML, nested mappings included; enum members written plain."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{name}: {flow(item, name)}" for name, item in value.items()) + "}"
    return scalar(value, key in IDENTIFIER_KEYS)


def render(items: list[dict[str, object]]) -> str:
    lines = ["# Generated by scripts/make_contrast.py from the gold claim sentences and bases.yaml;",
             "# do not edit: change the script or its inputs and run it again.", ""]
    for item in items:
        lines.append(f"- id: {item['id']}")
        lines.append(f"  language: {item['language']}")
        lines.append(f"  edit: {item['edit']}")
        for key in ("derived_from", "text"):
            lines.append(f"  {key}: {flow(item[key])}")
        key = "claim" if "claim" in item else "not_a_claim"
        lines.append(f"  {key}: {flow(item[key])}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed file only")
    args = parser.parse_args(argv)
    content = render(generate(gold_bases() + rendered_bases()))
    if args.check:
        same = OUTPUT.is_file() and OUTPUT.read_text(encoding="utf-8") == content
        print(f"{OUTPUT}: {'up to date' if same else 'differs from a fresh run'}")
        return 0 if same else 1
    OUTPUT.write_text(content, encoding="utf-8")
    print(f"wrote {OUTPUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Per-language vocabulary of the number normaliser: data only, no logic.

Everything a rule needs to know about a language lives here, so that adding a language
or a cue word is a data edit. Words are lower case (NFC); matching is case-insensitive.
Kinds of number words (the parser's grammar, see ``parse.py``):

* ``unit`` 0-9, ``teen`` 10-19, ``tens`` 20-90 — combine by addition;
* ``hundred`` multiplies what precedes it (below 100) by 100;
* ``scale`` (thousand and up) closes a group: ``(group) * scale``;
* ``dozen`` multiplies by 12; ``conn`` joins ("hundred *and* five", Danish "en*og*tyve").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from conflict_counts.labels import for_language

LANGS: tuple[str, ...] = ("sv", "nb", "da", "en")


@dataclass(frozen=True)
class Lexicon:
    """What the patterns and the parser need to know about one language."""

    lang: str
    decimal_mark: str  # "," in the Nordic languages, "." in English
    group_mark: str  # the other one: a thousands separator when 3 digits follow it
    units: dict[str, int]
    teens: dict[str, int]
    tens: dict[str, int]
    hundreds: tuple[str, ...]
    scales: dict[str, int]
    dozens: tuple[str, ...]
    conns: tuple[str, ...]
    # forms of "one" that are also the indefinite article: never a claim on their own
    articles: tuple[str, ...]
    # the Danish (and old Norwegian) order "en-og-tyve" = 21
    units_first: bool
    # number words are written as one closed word ("tvåhundrafemtio")
    closed_compounds: bool
    couple: tuple[str, ...]  # "ett par" ~ 2
    half: dict[str, str]  # "en halv" -> "0.5" (only before a scale word)
    # magnitude words: X + suffix is "X-many" ("hundratals", "tusenvis")
    vague_suffixes: tuple[str, ...]
    # "ett hundratal": X + suffix with an article is "about X"; plural is vague
    tal_suffix: str | None
    several: tuple[str, ...]  # "flera tusen" (a scale after it is vague)
    # standalone plurals are magnitude words: "thousands" is 2000-9999 (ANNOTATION_GUIDELINES.md §4)
    plurals: dict[str, int]
    cues: dict[str, str]  # qualifier cue phrase -> qualifier
    range_open: dict[str, tuple[str, ...]]  # "mellan" -> joins ("och", "-", "till")
    range_join: tuple[str, ...]  # bare "a till b"
    partitive: tuple[str, ...]  # "av", "of": not part of the span
    # context that makes a number something other than a count
    months: tuple[str, ...]
    time_units: tuple[str, ...]  # regex fragments after the number: durations and ages
    clock: tuple[str, ...]  # before the number: "kl."
    age_before: tuple[str, ...]
    label_before: tuple[str, ...]  # "nr 5", "kapitel 3"
    percent: tuple[str, ...]
    negative: tuple[str, ...]
    point: tuple[str, ...] = ()  # spoken decimal point (normaliser only)
    # "one" is a pronoun after these ("no one", "the one who")
    one_before: tuple[str, ...] = ()
    # closed words whose parts are not written in full: sv "ettusen" = "ett" + "tusen"
    extra: dict[str, tuple[str, ...]] = field(default_factory=dict)


_SV = Lexicon(
    lang="sv",
    decimal_mark=",",
    group_mark=".",
    units={
        "noll": 0, "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6,
        "sju": 7, "åtta": 8, "nio": 9,
    },
    teens={
        "tio": 10, "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15,
        "sexton": 16, "sjutton": 17, "arton": 18, "aderton": 18, "nitton": 19,
    },
    tens={
        "tjugo": 20, "trettio": 30, "fyrtio": 40, "femtio": 50, "sextio": 60, "sjuttio": 70,
        "åttio": 80, "nittio": 90,
        # spoken forms that also occur in writing
        "tretti": 30, "fyrti": 40, "femti": 50, "sexti": 60, "sjutti": 70, "åtti": 80,
        "nitti": 90,
    },
    hundreds=("hundra",),
    scales={
        "tusen": 10**3, "miljon": 10**6, "miljoner": 10**6, "miljard": 10**9,
        "miljarder": 10**9, "biljon": 10**12, "biljoner": 10**12,
    },
    dozens=("dussin",),
    conns=("och",),
    articles=("en", "ett"),
    units_first=False,
    closed_compounds=True,
    couple=(r"ett\s+par",),
    half={r"en\s+halv": "0.5", r"ett\s+halvt": "0.5", "halv": "0.5",
          r"en\s+och\s+en\s+halv": "1.5", "halvannan": "1.5"},
    vague_suffixes=("tals",),
    tal_suffix="tal",
    several=("flera", "några", r"ett\s+antal"),
    plurals={"miljoner": 10**6, "miljarder": 10**9},
    cues={
        "omkring": "approx", "cirka": "approx", "ca": "approx", "ca.": "approx",
        "c:a": "approx", "ungefär": "approx", "runt": "approx", "kring": "approx",
        "uppskattningsvis": "approx", "i storleksordningen": "approx",
        "minst": "at_least", "åtminstone": "at_least", "inte mindre än": "at_least",
        "inte färre än": "at_least",
        "över": "more_than", "mer än": "more_than", "fler än": "more_than",
        "drygt": "more_than", "dryga": "more_than", "långt över": "more_than",
        "strax över": "more_than",
        "närmare": "nearly", "nästan": "nearly", "knappt": "nearly", "nära": "nearly",
        "strax under": "nearly", "närapå": "nearly", "bortåt": "nearly",
        "högst": "at_most", "upp till": "at_most", "så många som": "at_most",
        "uppemot": "at_most", "upp emot": "at_most", "maximalt": "at_most",
        "som mest": "at_most", "färre än": "at_most", "mindre än": "at_most",
        "under": "at_most",
    },
    range_open={"mellan": ("och", "-", "–", "—", "till")},
    range_join=("till", "eller", "à"),
    partitive=("av",),
    months=(
        "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
        "september", "oktober", "november", "december",
        "jan", "feb", "apr", "aug", "sep", "sept", "okt", "nov", "dec",
    ),
    time_units=(
        r"år", r"års", r"åri?g\w*", r"månad\w*", r"veck\w*", r"dag", r"dagar\w*",
        r"dagars", r"dygn\w*", r"timm\w*", r"timmar", r"minut\w*", r"sekund\w*",
        r"decenni\w*", r"sekel", r"sekler", r"århundrade\w*", r"natt\w*", r"nätter\w*",
    ),
    clock=("kl", "kl.", "klockan"),
    age_before=("ålder", "åldern", "åldrarna"),
    label_before=("nr", "nr.", "nummer", "kapitel", "sida", "sidan", "s.", "paragraf",
                  "resolution", "resolutionen", "artikel"),
    percent=("%", "procent", "procentenheter"),
    negative=("minus", "negativ"),
    extra={"ettusen": ("ett", "tusen")},
)

_NB = Lexicon(
    lang="nb",
    decimal_mark=",",
    group_mark=".",
    units={
        "null": 0, "en": 1, "én": 1, "ei": 1, "ett": 1, "et": 1, "to": 2, "tre": 3,
        "fire": 4, "fem": 5, "seks": 6, "sju": 7, "syv": 7, "åtte": 8, "ni": 9,
    },
    teens={
        "ti": 10, "elleve": 11, "tolv": 12, "tretten": 13, "fjorten": 14, "femten": 15,
        "seksten": 16, "sytten": 17, "søtten": 17, "atten": 18, "nitten": 19,
    },
    tens={
        "tjue": 20, "tyve": 20, "tretti": 30, "tredve": 30, "førti": 40, "femti": 50,
        "seksti": 60, "sytti": 70, "søtti": 70, "åtti": 80, "nitti": 90,
    },
    hundreds=("hundre",),
    scales={
        "tusen": 10**3, "million": 10**6, "millioner": 10**6, "milliard": 10**9,
        "milliarder": 10**9, "billion": 10**12, "billioner": 10**12, "billiard": 10**15,
        "billiarder": 10**15, "trillion": 10**18, "trillioner": 10**18,
        "trilliard": 10**21, "trilliarder": 10**21, "kvadrillion": 10**24,
        "kvadrillioner": 10**24, "kvadrilliard": 10**27, "kvadrilliarder": 10**27,
    },
    dozens=("dusin",),
    conns=("og",),
    articles=("en", "ei", "et", "ett"),
    units_first=True,
    closed_compounds=True,
    couple=(r"et\s+par",),
    half={r"en\s+halv": "0.5", r"ei\s+halv": "0.5", r"et\s+halvt": "0.5", "halv": "0.5",
          "halvannen": "1.5", "halvannet": "1.5", r"en\s+og\s+en\s+halv": "1.5"},
    vague_suffixes=("vis", "talls"),
    tal_suffix="tall",
    several=("flere", "noen", r"et\s+antall", "mange"),
    plurals={"millioner": 10**6, "milliarder": 10**9},
    cues={
        "omkring": "approx", "rundt": "approx", "rundt regnet": "approx",
        "cirka": "approx", "ca": "approx", "ca.": "approx", "om lag": "approx",
        "omtrent": "approx", "anslagsvis": "approx",
        "minst": "at_least", "ikke mindre enn": "at_least", "ikke færre enn": "at_least",
        "over": "more_than", "mer enn": "more_than", "flere enn": "more_than",
        "drøyt": "more_than", "drøye": "more_than", "godt over": "more_than",
        "i overkant av": "more_than",
        "nesten": "nearly", "nærmere": "nearly", "knapt": "nearly", "snaut": "nearly",
        "snaue": "nearly", "i underkant av": "nearly", "nær": "nearly",
        "høyst": "at_most", "opptil": "at_most", "inntil": "at_most",
        "så mange som": "at_most", "opp mot": "at_most", "oppimot": "at_most",
        "færre enn": "at_most", "mindre enn": "at_most", "under": "at_most",
    },
    range_open={"mellom": ("og", "-", "–", "—", "til")},
    range_join=("til", "eller"),
    partitive=("av",),
    months=(
        "januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
        "september", "oktober", "november", "desember",
        "jan", "feb", "apr", "aug", "sep", "sept", "okt", "nov", "des",
    ),
    time_units=(
        r"år", r"års", r"åri?g\w*", r"måned\w*", r"uke\w*", r"dag", r"dager\w*", r"dagers",
        r"døgn\w*", r"time", r"timer\w*", r"minutt\w*", r"sekund\w*", r"tiår\w*",
        r"århundre\w*", r"natt\w*", r"netter\w*",
    ),
    clock=("kl", "kl.", "klokka", "klokken"),
    age_before=("alder", "alderen"),
    label_before=("nr", "nr.", "nummer", "kapittel", "side", "siden", "s.", "paragraf",
                  "resolusjon", "artikkel"),
    percent=("%", "prosent", "prosentpoeng"),
    negative=("minus", "negativ"),
)

_DA = Lexicon(
    lang="da",
    decimal_mark=",",
    group_mark=".",
    units={
        "nul": 0, "en": 1, "én": 1, "et": 1, "ét": 1, "to": 2, "tre": 3, "fire": 4,
        "fem": 5, "seks": 6, "syv": 7, "otte": 8, "ni": 9,
    },
    teens={
        "ti": 10, "elleve": 11, "tolv": 12, "tretten": 13, "fjorten": 14, "femten": 15,
        "seksten": 16, "sytten": 17, "atten": 18, "nitten": 19,
    },
    tens={
        "tyve": 20, "tredive": 30, "tredve": 30, "fyrre": 40, "fyrretyve": 40,
        "halvtreds": 50, "halvtredsindstyve": 50, "tres": 60, "tresindstyve": 60,
        "halvfjerds": 70, "halvfjerdsindstyve": 70, "firs": 80, "firsindstyve": 80,
        "halvfems": 90, "halvfemsindstyve": 90,
    },
    hundreds=("hundrede", "hundred"),
    scales={
        "tusind": 10**3, "tusinde": 10**3, "million": 10**6, "millioner": 10**6,
        "milliard": 10**9, "milliarder": 10**9, "billion": 10**12, "billioner": 10**12,
    },
    dozens=("dusin",),
    conns=("og",),
    articles=("en", "et"),
    units_first=True,
    closed_compounds=True,
    couple=(r"et\s+par",),
    half={r"en\s+halv": "0.5", r"et\s+halvt": "0.5", "halv": "0.5",
          "halvanden": "1.5", "halvandet": "1.5", r"en\s+og\s+en\s+halv": "1.5"},
    vague_suffixes=("vis",),
    tal_suffix=None,
    several=("flere", "nogle", "adskillige", r"et\s+antal"),
    plurals={"millioner": 10**6, "milliarder": 10**9},
    cues={
        "omkring": "approx", "cirka": "approx", "ca": "approx", "ca.": "approx",
        "omtrent": "approx", "godt og vel": "more_than",
        "mindst": "at_least", "ikke mindre end": "at_least",
        "over": "more_than", "mere end": "more_than", "flere end": "more_than",
        "godt": "more_than",
        "næsten": "nearly", "knap": "nearly", "knapt": "nearly", "nærmere": "nearly",
        "højst": "at_most", "op til": "at_most", "så mange som": "at_most",
        "færre end": "at_most", "mindre end": "at_most", "under": "at_most",
    },
    range_open={"mellem": ("og", "-", "–", "—", "til")},
    range_join=("til", "eller"),
    partitive=("af",),
    months=(
        "januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
        "september", "oktober", "november", "december",
        "jan", "feb", "apr", "aug", "sep", "sept", "okt", "nov", "dec",
    ),
    time_units=(
        r"år", r"års", r"årig\w*", r"måned\w*", r"uge\w*", r"dag", r"dage\w*", r"døgn\w*",
        r"time", r"timer\w*", r"minut\w*", r"sekund\w*", r"årti\w*", r"nat", r"nætter\w*",
    ),
    clock=("kl", "kl.", "klokken"),
    age_before=("alder", "alderen"),
    label_before=("nr", "nr.", "nummer", "kapitel", "side", "s.", "paragraf", "resolution",
                  "artikel"),
    percent=("%", "procent", "procentpoint"),
    negative=("minus", "negativ"),
)

_EN = Lexicon(
    lang="en",
    decimal_mark=".",
    group_mark=",",
    units={
        "zero": 0, "naught": 0, "nought": 0, "nil": 0, "one": 1, "a": 1, "an": 1, "two": 2,
        "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    },
    teens={
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
        "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    },
    tens={
        "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90,
    },
    hundreds=("hundred", "hundreds"),
    scales={
        "thousand": 10**3, "thousands": 10**3, "million": 10**6, "millions": 10**6,
        "billion": 10**9, "billions": 10**9, "trillion": 10**12, "trillions": 10**12,
    },
    dozens=("dozen", "dozens"),
    conns=("and",),
    articles=("a", "an"),
    units_first=False,
    closed_compounds=False,
    couple=(r"a\s+couple", r"a\s+pair"),
    half={r"half\s+a": "0.5", r"a\s+half": "0.5", r"one\s+and\s+a\s+half": "1.5"},
    vague_suffixes=(),
    tal_suffix=None,
    several=("several", r"a\s+few"),
    # "dozens" spans the same tens as "tens" (ANNOTATION_GUIDELINES.md §4: dozens -> [20, 99])
    plurals={"tens": 10, "dozens": 10, "hundreds": 100, "thousands": 10**3,
             "millions": 10**6, "billions": 10**9},
    cues={
        "about": "approx", "around": "approx", "some": "approx", "roughly": "approx",
        "approximately": "approx", "approx.": "approx", "circa": "approx", "ca.": "approx",
        "an estimated": "approx",
        "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
        "a minimum of": "at_least",
        "over": "more_than", "more than": "more_than", "above": "more_than",
        "upwards of": "more_than", "in excess of": "more_than", "well over": "more_than",
        "just over": "more_than",
        "nearly": "nearly", "almost": "nearly", "close to": "nearly",
        "just under": "nearly", "just shy of": "nearly",
        "up to": "at_most", "at most": "at_most", "as many as": "at_most",
        "no more than": "at_most", "a maximum of": "at_most", "fewer than": "at_most",
        "less than": "at_most", "under": "at_most", "below": "at_most",
    },
    range_open={"between": ("and", "-", "–", "—")},
    range_join=("to", "or"),
    partitive=("of",),
    months=(
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ),
    time_units=(
        r"years?", r"yrs?", r"months?", r"weeks?", r"days?", r"hours?", r"minutes?",
        r"seconds?", r"decades?", r"centur(?:y|ies)", r"nights?",
    ),
    clock=(),  # English clock times are caught by "am"/"pm" after the number
    age_before=("aged", "age", "ages"),
    label_before=("no.", "nr", "number", "chapter", "page", "p.", "pp.", "article",
                  "resolution", "section"),
    percent=("%", "percent", r"per\s+cent", "percentage points"),
    negative=("minus", "negative"),
    point=("point",),
    one_before=("no", "any", "every", "each", "the", "this", "that", "which"),
)

LEXICONS: dict[str, Lexicon] = {lex.lang: lex for lex in (_SV, _NB, _DA, _EN)}


def lexicon(lang: str) -> Lexicon:
    """The lexicon of ``lang``; a clear ValueError for a language we do not cover."""
    return for_language(LEXICONS, lang)

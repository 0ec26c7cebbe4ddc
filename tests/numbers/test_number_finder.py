"""The numeric-expression finder: claim spans in running text (ANNOTATION_GUIDELINES.md §4)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_numbers import SPELLERS

from conflict_counts.labels import QUALIFIERS
from conflict_counts.numbers import LANGS, find_numbers, normalize


def spans(text: str, lang: str) -> list[tuple[str, float | None, float | None, str]]:
    return [
        (s.text, s.normalized.low, s.normalized.high, s.normalized.qualifier)
        for s in find_numbers(text, lang)
    ]


# Sentences in the style of the corpus, with the spans ANNOTATION_GUIDELINES.md §4 asks for.
FOUND = [
    ("sv", "Enligt SOHR är det ett hundratal personer.", [("ett hundratal", 100, 100, "approx")]),
    ("sv", "Företrädare uppger närmare 800 personer.", [("närmare 800", None, 800, "nearly")]),
    ("sv", "Så många som 3 500 fångar sitter där.", [("Så många som 3 500", None, 3500, "at_most")]),
    ("sv", "Det är mellan 3500-5000 fångar.", [("mellan 3500-5000", 3500, 5000, "range")]),
    ("sv", "I lägret hålls tiotusentals personer.", [("tiotusentals", 20000, 99999, "vague")]),
    ("sv", "för att hålla totalt omkring 12 000 IS-medlemmar",
     [("omkring 12 000", 12000, 12000, "approx")]),
    ("sv", "Flera tiotal fångar uppges ha befriats.", [("Flera tiotal", 20, 99, "vague")]),
    ("sv", "medan soldaterna låg och sov.Elva irakiska soldater dödades",
     [("Elva", 11, 11, "exact")]),
    ("sv", "om de två angreppen har varit koordinerade", [("två", 2, 2, "exact")]),
    ("sv", "minst 23 kurdiska soldater och närmare 40 IS-medlemmar",
     [("minst 23", 23, None, "at_least"), ("närmare 40", None, 40, "nearly")]),
    ("sv", "Sedan dess har flera tusen IS fångar placerats där.",
     [("flera tusen", 2000, 9999, "vague")]),
    ("sv", "tvåhundrafemtio fångar och 1,5 miljoner kronor",
     [("tvåhundrafemtio", 250, 250, "exact"), ("1,5 miljoner", 1.5e6, 1.5e6, "exact")]),
    ("sv", "tre-fyra soldater", [("tre-fyra", 3, 4, "range")]),
    ("nb", "Over 100 IS-krigere angrep torsdag.", [("Over 100", 100, None, "more_than")]),
    ("nb", "Minst 39 kurdiske soldater og 77 IS-krigere er drept.",
     [("Minst 39", 39, None, "at_least"), ("77", 77, 77, "exact")]),
    ("nb", "kan det være så mange som 5.000, blant dem",
     [("så mange som 5.000", None, 5000, "at_most")]),
    ("nb", "å holde tusenvis av IS-krigere fanget", [("tusenvis", 2000, 9999, "vague")]),
    ("nb", "fengslene der 12.000 IS-fanger holdes", [("12.000", 12000, 12000, "exact")]),
    ("nb", "I tillegg har sju sivile mistet livet.", [("sju", 7, 7, "exact")]),
    ("nb", "mellom 10 og 20 personer, fem tusen og tjue kroner",
     [("mellom 10 og 20", 10, 20, "range"), ("fem tusen og tjue", 5020, 5020, "exact")]),
    ("nb", "et hundretall fanger og flere titalls soldater",
     [("et hundretall", 100, 100, "approx"), ("flere titalls", 20, 99, "vague")]),
    ("da", "mellem 10 og 20 fanger, enogtyve soldater",
     [("mellem 10 og 20", 10, 20, "range"), ("enogtyve", 21, 21, "exact")]),
    ("en", "estimates that between 15,000 and 20,000 people have escaped",
     [("between 15,000 and 20,000", 15000, 20000, "range")]),
    ("en", "thousands of prisoners and detainees", [("thousands", 2000, 9999, "vague")]),
    ("en", "housed tens of thousands of women", [("tens of thousands", 20000, 99999, "vague")]),
    ("en", "an agreement between the two parties", [("two", 2, 2, "exact")]),
    ("en", "Nearly 2,000 fled and more than a thousand were caught.",
     [("Nearly 2,000", None, 2000, "nearly"), ("more than a thousand", 1000, None, "more_than")]),
    ("en", "about 1.5 million people, some 300 fighters, a couple of hundred guards",
     [("about 1.5 million", 1.5e6, 1.5e6, "approx"), ("some 300", 300, 300, "approx"),
      ("a couple of hundred", 200, 200, "approx")]),
    ("en", "twenty-one thousand and twelve", [("twenty-one thousand and twelve", 21012, 21012,
                                              "exact")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), FOUND)
def test_claim_spans(lang: str, text: str, expected: list) -> None:
    want = [(t, None if lo is None else float(lo), None if hi is None else float(hi), q)
            for t, lo, hi, q in expected]
    assert spans(text, lang) == want


# What ANNOTATION_GUIDELINES.md §4 excludes: nothing may be found here.
NOTHING = [
    ("sv", "I mars 2019 förlorade IS det sista fästet."),  # year
    ("sv", "SDF kontrollerar fängelset sedan 2016."),
    ("sv", "terrorgruppen förlorade sista fästet för två år sedan"),  # duration
    ("sv", "det senaste dygnet, i tre veckor, under 24 timmar"),
    ("sv", "Den 14 oktober flydde de kl. 14.30, klockan 3."),  # date, times
    ("sv", "En 20-årig man, 45 år gammal."),  # ages
    ("sv", "Fängelset är ett av de största; en bilbomb detonerade."),  # article
    ("sv", "Många fångar, flera videoklipp, några av dem."),  # vague without number word
    ("sv", "Han kom på 1:a plats, nr 5, på 1990-talet, F-16, Covid-19."),  # ordinals, labels
    ("sv", "Andelen steg till 40 procent, 12 %."),  # percentages
    ("sv", "Det hände 2019-10-14 och 14/10."),  # dates with digits
    ("nb", "Den 5. oktober kom han på 5. plass i 2019."),  # Nordic ordinals
    ("nb", "under 2020 og i overkant av to år"),
    ("en", "In 2019 one of the largest camps fell; no one knows."),
    ("en", "A car bomb exploded at 10 am on October 14, two years ago."),
    ("en", "a 10-year-old boy, aged 18, 5% of them, a mass escape"),
    ("en", "Between 2019 and 2022 many left."),  # a range of years
]


@pytest.mark.parametrize(("lang", "text"), NOTHING)
def test_exclusions(lang: str, text: str) -> None:
    assert spans(text, lang) == []


@given(lang=st.sampled_from(LANGS), n=st.integers(min_value=2, max_value=999_999),
       variant=st.booleans())
def test_spelled_numbers_are_found_whole(lang: str, n: int, variant: bool) -> None:
    number = SPELLERS[lang](n, variant)
    text = f"Det var {number} fångar."
    found = find_numbers(text, lang)
    assert [s.text for s in found] == [number]
    assert found[0].normalized.low == n


# Token soup: numbers, cues, joins, nouns, context words, punctuation.
TOKENS = {
    "sv": ["3 500", "12.000", "1,5", "2019", "14", "närmare", "omkring", "minst", "mellan",
           "och", "till", "-", "–", "ett", "en", "hundratal", "hundratals", "flera", "tusen",
           "tjugotre", "två", "miljoner", "år", "mars", "kl.", "procent", "fångar", ",", ".",
           "av", "par", "dussin", "tio", "tal", "sex", "fem"],
    "nb": ["5.000", "5 000", "1,5", "2019", "over", "minst", "mellom", "og", "til", "-", "en",
           "et", "hundretall", "tusenvis", "flere", "tusen", "tjueen", "to", "millioner", "år",
           "oktober", ".", "5.", "av", "ti", "titalls"],
    "da": ["5.000", "1,5", "mellem", "og", "enogtyve", "et", "hundrede", "tusindvis", "år"],
    "en": ["15,000", "1.5", "2019", "over", "about", "between", "and", "to", "-", "a", "one",
           "hundred", "thousands", "tens", "of", "million", "twenty", "three", "years", "am",
           "October", "%", "prisoners", ".", "dozen", "couple", "several"],
}


@settings(max_examples=300, deadline=None)
@given(data=st.data(), lang=st.sampled_from(LANGS))
def test_span_invariants(data: st.DataObject, lang: str) -> None:
    """Spans are ordered, disjoint, exact slices, and agree with the normaliser."""
    words = data.draw(st.lists(st.sampled_from(TOKENS[lang]), max_size=25))
    separators = data.draw(st.lists(st.sampled_from([" ", " ", "\n", ""]),
                                    min_size=len(words), max_size=len(words)))
    text = "".join(w + s for w, s in zip(words, separators, strict=True))
    previous_end = 0
    for span in find_numbers(text, lang):
        assert previous_end <= span.start < span.end
        assert text[span.start : span.end] == span.text
        assert span.normalized.qualifier in QUALIFIERS
        low, high = span.normalized.low, span.normalized.high
        assert low is None or high is None or low <= high
        assert normalize(span.text, lang) == span.normalized, span.text
        previous_end = span.end


PARAGRAPHS = {
    "sv": (
        "Så många som 3 500 fångar sitter i Gweiranfängelset. Enligt uppgifter till SVT sitter "
        "minst fyra svenska IS-medlemmar fängslade där, och närmare 40 IS-medlemmar dödades det "
        "senaste dygnet. I mars 2019 förlorade IS den sista spillran av sitt kalifat, och "
        "sedan dess hålls tiotusentals personer i lägret al-Hol, där ett hundratal har flytt.\n"
    ),
    "nb": (
        "Over 100 IS-krigere angrep torsdag det kurdiskdrevne Ghwayran-fengselet i Hasakeh. "
        "Minst 39 kurdiske soldater og 77 IS-krigere er drept, ifølge SOHR. Fengselet huser "
        "flere tusen mistenkte IS-medlemmer, og det kan være så mange som 5.000 av dem.\n"
    ),
    "en": (
        "U.S. intelligence estimates that between 15,000 and 20,000 people have managed to "
        "escape from the al-Hol camp, which housed tens of thousands of women and children. "
        "In 2019 the Syrian Democratic Forces took the last stronghold of the organisation.\n"
    ),
}


def test_long_dense_paragraphs_are_found_in_full() -> None:
    """Every repeat of a paragraph yields the same spans (speed: scripts/bench_numbers.py)."""
    for lang, paragraph in PARAGRAPHS.items():
        once = len(find_numbers(paragraph, lang))
        assert once and len(find_numbers(paragraph * 200, lang)) == 200 * once


def test_offsets_survive_case_folding_that_changes_length() -> None:
    """'İ'.lower() is two characters; spans must still index the original text."""
    text = "İSTANBUL: omkring 3 500 fångar"
    (span,) = find_numbers(text, "sv")
    assert span.text == "omkring 3 500" and text[span.start : span.end] == span.text


@settings(max_examples=200, deadline=None)
@given(text=st.text(), lang=st.sampled_from(LANGS))
def test_any_text_is_safe(text: str, lang: str) -> None:
    normalize(text, lang)
    for span in find_numbers(text, lang):
        assert text[span.start : span.end] == span.text

"""Predicates the rules read from invented sentences: being held in a place, and the counts
the guidelines call ``other`` (wounded, displaced, evacuated, repatriated, sentenced,
transferred, fleeing fighting).

ANNOTATION_GUIDELINES.md §4.8: ``detained`` is being held in a prison or camp, ``escaped``
includes leaving a camp, and wounded, missing, displaced, evacuated and repatriated people
are ``other``. The sentences are written for this test; no name in them is in the corpus.
"""

from __future__ import annotations

import pytest

from conflict_counts.baselines.rules import Gazetteer, analyse
from conflict_counts.records import Document

# (language, sentence, the claim's span, its predicate)
SENTENCES = [
    # held in a camp or prison: a preposition of being inside before the facility word
    ("sv", "Fortfarande finns omkring 40 svenska barn kvar i lägren i nordöstra Syrien.", "omkring 40",
     "detained"),
    ("nb", "Ifølge UD er det fortsatt rundt 25 norske kvinner i Roj-leiren.", "rundt 25", "detained"),
    ("da", "Omkring 15 danske børn befinder sig stadig i lejrene.", "Omkring 15", "detained"),
    ("en", "Some 60 Belgian children remain in the camps, the ministry said.", "Some 60", "detained"),
    # a facility after "from" is a departure or a transfer, not being held there
    ("sv", "I går lämnade 300 familjer lägret med bussar.", "300", "escaped"),
    ("en", "About 50 women were flown home from the camps.", "About 50", "other"),
    # wounded, displaced, evacuated, repatriated, sentenced: `other`
    ("sv", "Minst 12 vakter skadades när fängelset attackerades.", "Minst 12", "other"),
    ("nb", "Over 3000 innbyggere er drevet på flukt etter angrepet.", "Over 3000", "other"),
    ("da", "Regeringen vil hjemtage yderligere ti kvinder fra lejren.", "ti", "other"),
    ("en", "At least 20 fighters were sentenced to death in Baghdad.", "At least 20", "other"),
    ("en", "More than 40 people were wounded in the attack on the prison.", "More than 40", "other"),
    # taking part in the attack
    ("sv", "Enligt polisen deltog omkring 150 män i anfallet.", "omkring 150", "attacking"),
    # camp residents are held there (§4.8): a resident noun in a clause that names a camp
    ("da", "I dag bor omkring 9.000 af lejrens beboere i telte.", "omkring 9.000", "detained"),
    ("sv", "Lägret hyser i dag uppskattningsvis 12 000 människor.", "uppskattningsvis 12 000", "detained"),
    # a partitive and its determiner stay out of the counted noun: "de innsatte" are prisoners
    ("nb", "Ifølge talsmannen har rundt 700 av de innsatte aldri møtt en dommer.", "rundt 700", "detained"),
    # transfers between custodians are `other` (§4.8)
    ("en", "The army has flown roughly 900 detainees to Baghdad.", "roughly 900", "other"),
    ("nb", "Nesten 400 IS-fanger er overført til Irak siden mars.", "Nesten 400", "other"),
    ("sv", "Under veckan överfördes ytterligare 250 fångar till Irak.", "250", "other"),
    # fleeing fighting is displacement, not an escape (§4.8); the longer phrase wins
    ("en", "Some 8,000 residents have fled the fighting, the agency said.", "Some 8,000", "other"),
    ("sv", "Över 6 000 invånare har flytt striderna i staden.", "Över 6 000", "other"),
    # "were detained" is the event of being taken
    ("en", "Dozens of suspects were detained in raids on Sunday.", "Dozens", "captured"),
    # an abbreviation of "about" does not end the sentence for the rules
    ("da", "Ca. 60 er taget til fange igen.", "Ca. 60", "captured"),
    # surrender and interception are `captured` (§4.8)
    ("en", "Around 200 prisoners had surrendered by Monday.", "Around 200", "captured"),
    ("da", "Vagterne opsnappede i alt 33 kvinder ved hegnet.", "33", "captured"),
    # counts of sources are `other` (§4.8)
    ("en", "The transfers went on, two Iraqi security officials said.", "two", "other"),
    # counts of things are `other`, whatever the verb ("pickup trucks" is one noun)
    ("en", "The attackers fled in two pickup trucks.", "two", "other"),
    ("nb", "Angriperne brukte minst to bilbomber og tunge våpen.", "minst to", "other"),
    # getting out is escaping; a lone verb read as the counted noun still says what happened
    ("sv", "Ändå tror han att flera hundra lyckats ta sig ut i år.", "flera hundra", "escaped"),
    ("sv", "Under natten greps ytterligare ett tjugotal när de gömde sig.", "ett tjugotal", "captured"),
    ("da", "Over 90 dræbt i kampene, oplyser hospitalet.", "Over 90", "killed"),
    # a cue after the counted noun is as near as one before the number
    ("nb", "SDF har drept ytterligere 17 angripere i fengselet.", "17", "killed"),
    # being somewhere is being held only where the clause names a camp or prison
    ("da", "I lejren bor stadig knap 20.000 mennesker.", "knap 20.000", "detained"),
    ("en", "About 4,000 refugees live in the city.", "About 4,000", "other"),
    # phrases that hide a cue word: "falt fra" is a fall in numbers, not a death
    ("nb", "Antallet i leiren har falt fra over 70.000 i 2019.", "over 70.000", "detained"),
    # a cue in a relative clause after the count describes the people; the main verb governs
    ("sv", "Ett trettiotal av dem som tog sig ut har gripits i räder.", "Ett trettiotal", "captured"),
    # people in general who flee "from" a place that is no camp flee fighting (§4.8) ...
    ("nb", "Over 20.000 mennesker har flyktet fra grenseområdene.", "Over 20.000", "other"),
    # ... but a count of people who fled, with nothing said of where from, escaped
    ("sv", "Myndigheterna uppger att 600 personer flydde, medan andra stannade.", "600", "escaped"),
    # an English "detained" whose object is the count is an arrest
    ("en", "Border guards detained 12 people near the crossing.", "12", "captured"),
    # counts of the sources of a figure are `other` (§4.8)
    ("da", "Det fortæller to kilder i lejrens administration til avisen.", "to", "other"),
    # an attack named as a time ("before the attack") is not what happened to the count
    ("da", "Lejren husede inden angrebet cirka 9.000 mennesker.", "cirka 9.000", "detained"),
    # executions by hanging, euphemisms, re-arrests, votes, people taken back home
    ("sv", "I fjol hängdes 40 personer i fängelset.", "40", "killed"),
    ("en", "The ministry said 90 militants had been neutralized.", "90", "killed"),
    ("da", "Siden er 300 blevet genanholdt.", "300", "captured"),
    ("da", "Ved afstemningen stemte 80 for forslaget.", "80", "other"),
    ("en", "Iraq took back more than 9,000 of its citizens.", "more than 9,000", "other"),
    # a reflexive pronoun is no counted noun: the phrase it splits governs ("kom ... seg ut")
    ("nb", "Ifølge kilder kom flere hundre seg ut de første dagene.", "flere hundre", "escaped"),
    # counts of deaths, births and money
    ("sv", "Under året registrerades 300 dödsfall i lägret.", "300", "killed"),
    ("en", "Aid groups recorded 40 killings in the camp.", "40", "killed"),
    ("nb", "Det ble født 20 barn i leiren i mars.", "20", "other"),
    ("en", "Britain has given £12 million to the camps.", "12 million", "other"),
    # a lone verb read as the counted noun is as near as a cue can be; an agent noun is not
    ("nb", "Fire IS-medlemmer ble drept og to tatt til fange.", "to", "captured"),
    ("en", "The SDF said it had recaptured 60 escapees by Friday.", "60", "captured"),
    # the other claims' counted nouns are theirs ("angribere" is the second count's noun)
    ("da", "Ifølge SDF blev 90 af deres folk og 300 angribere dræbt.", "90", "killed"),
    # people who flee a place next to a prison flee fighting, not the prison
    ("nb", "Rundt 20 000 innbyggere har flyktet fra nabolagene rundt fengselet.", "Rundt 20 000", "other"),
    # extraditions and arrivals of repatriation flights
    ("da", "Han blev udleveret til Danmark sammen med to andre.", "to", "other"),
    ("da", "Et fly med fem danske kvinder landede i nat.", "fem", "other"),
    # a verb of a coordinated count is no part of the first count's noun ("tält och skadade")
    ("sv", "Branden förstörde ett tjugotal tält och skadade fyra personer.", "fyra", "other"),
]

# (language, text, the part's span, its predicate): a count introduced as part of the one
# before in its sentence has that count's predicate (§4.8), and so has the next item of the list
PARTS = [
    ("sv", "Dödssiffran har stigit till 181, däribland 124 IS-krigare och sju civila.", "124", "killed"),
    # a figure compared with the one before, and a sentence about part of it
    ("en", "Guards were killed in 30 attacks this year, down from 50 a year earlier.", "50", "other"),
    ("sv", "Minst 60 svenska medborgare hålls i lägren. Av dessa är omkring 40 barn.", "omkring 40",
     "detained"),
    ("sv", "Dödssiffran har stigit till 181, däribland 124 IS-krigare och sju civila.", "sju", "killed"),
    ("en", "The camp held around 12,000 displaced people, including nearly 1,000 foreign women.",
     "nearly 1,000", "detained"),
]


@pytest.mark.parametrize(("lang", "text", "span", "expected"), PARTS)
def test_a_part_of_a_count_has_its_predicate(lang: str, text: str, span: str, expected: str) -> None:
    _, claims = analyse(Document("invented", text, lang), Gazetteer())
    found = {text[c.start : c.end]: c.predicate for c in claims}
    assert found.get(span) == expected, found

# (language, text, the claim's span, its predicate): the sentences before a count say what
# it measures only when the count restates a figure ("är det", "a higher figure") or has no
# counted noun; a count with its own noun and verb does not take the predicate before it.
CONTEXT = [
    ("sv", "Hur många som flydde är oklart. Enligt polisen är det ett femtiotal personer.",
     "ett femtiotal", "escaped"),
    ("en", "Hundreds escaped, officials said. Others give a higher figure: 900 people.", "900", "escaped"),
    ("nb", "Over 50 fanger rømte i natt. Leger uten grenser behandlet i fjor 4 000 pasienter.",
     "4 000", "other"),
    ("en", "Over 200 prisoners escaped. The coalition has carried out 30 similar operations.", "30",
     "other"),
    # a figure restated in a later clause of the same sentence is the count before it
    ("nb", "Over 500 fanger ble holdt i fengselet da angrepet startet, men en kilde anslår tallet "
     "til 4.000.", "4.000", "detained"),
]


@pytest.mark.parametrize(("lang", "text", "span", "expected"), CONTEXT)
def test_the_sentences_before_answer_only_a_restated_figure(
    lang: str, text: str, span: str, expected: str
) -> None:
    _, claims = analyse(Document("invented", text, lang), Gazetteer())
    found = {text[c.start : c.end]: c.predicate for c in claims}
    assert found.get(span) == expected, found


def test_a_count_in_a_named_camp_is_held_there() -> None:
    text = "Omkring 30 børn har opholdt sig i Tal Sarin siden 2019."
    gazetteer = Gazetteer.from_mentions([("other-doc", "Tal Sarin", "FAC", None)])
    _, claims = analyse(Document("invented", text, "da"), gazetteer)
    found = {text[c.start : c.end]: c.predicate for c in claims}
    assert found.get("Omkring 30") == "detained", found


@pytest.mark.parametrize(("lang", "text", "span", "expected"), SENTENCES)
def test_predicate_of_an_invented_sentence(lang: str, text: str, span: str, expected: str) -> None:
    _, claims = analyse(Document("invented", text, lang), Gazetteer())
    found = {text[c.start : c.end]: c.predicate for c in claims}
    assert found.get(span) == expected, found

"""Per-language cue words of the rules baseline: data only, no logic.

Words a reader of any conflict report would list, not words fitted to the gold: the
verbs and nouns that say what happened to the counted people (predicate), the phrases
that introduce a source, and the small function-word lists the noun-phrase reader stops
at. Entries are lower case; verb entries are regex fragments matched as whole words
(``dödad\\w*``), phrases may span several words (``tatt til fange``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from conflict_counts.labels import for_language


@dataclass(frozen=True)
class CueLexicon:
    """The cue words of one language that the claim rules read."""
    lang: str
    # predicate -> word forms (regex fragments) that say it happened to the counted people
    predicates: dict[str, tuple[str, ...]]
    # counted head nouns that are not people: their counts are `other` whatever the verb
    non_person: tuple[str, ...]
    # counted head nouns meaning prisoners: `detained` when no verb says otherwise
    prisoners: tuple[str, ...]
    # "enligt X", "according to X": the source follows the cue
    source_before: tuple[str, ...]
    # words between such a cue and the source ("enligt uppgifter från X")
    source_fillers: tuple[str, ...]
    # "X säger", "säger X": the source is the subject of a statement verb
    speech_verbs: tuple[str, ...]
    # a passive report with no source phrase ("uppges"): the clause is the article's voice
    passive: tuple[str, ...]
    # conjunctions that open a new clause with its own speaker ("..., men SDF säger")
    clause_breaks: tuple[str, ...]
    # subject pronouns whose antecedent is the source (ANNOTATION_GUIDELINES.md §4.10, "De sier selv")
    pronouns: tuple[str, ...]
    determiners: tuple[str, ...]
    # words a noun phrase never contains: the NP readers stop at them
    function_words: frozenset[str]
    # auxiliaries and adverbs between a subject and its statement verb ("har länge sagt")
    auxiliaries: tuple[str, ...]
    partitive: tuple[str, ...]
    conjunctions: tuple[str, ...]
    # endings of attributive adjectives and participles ("kurdiska", "flyende", "Syrian")
    adjective_endings: tuple[str, ...]
    adjectives: tuple[str, ...]  # frequent pre-modifiers without such an ending ("olika")
    # prepositions before a place name ("i Ain Issa"): an unknown single name there is a GPE
    locative: tuple[str, ...]
    # prepositions that open a post-modifier ("Polisen i Damaskus")
    prepositions: tuple[str, ...] = ()
    # "liv"/"lives": a count of lives lost ("kostade 200 liv", "cost 30 people their lives")
    lives: tuple[str, ...] = ()
    # places people are held in, as words or the last part of a compound ("Roj-lägret"): a
    # count in a clause that says "in" one, with no verb saying otherwise, is of people held there
    facilities: tuple[str, ...] = ()
    # the prepositions of being inside a place ("i lägren", "in the camps"; not "från", "from")
    inside: tuple[str, ...] = ()
    # head nouns of people who live somewhere ("beboere", "residents"): counted in a clause
    # that names a camp or prison, with no verb saying otherwise, they are held there
    residents: tuple[str, ...] = ()
    # regex fragments of a clause that restates a figure ("är det", "en högre siffra", "it
    # could be"): only such a count, or one without a counted noun, takes its predicate from
    # the sentences before ("how many fled?" asked just before)
    figure_phrases: tuple[str, ...] = ()
    # endings of a definite genitive before the head ("lejrens beboere", "lägrets fångar")
    genitive_endings: tuple[str, ...] = ()
    # words that introduce a part of the count before ("181, däribland 124 IS-krigare") or a
    # figure compared with it ("42 killings ..., down from 133"): it has that count's
    # predicate (ANNOTATION_GUIDELINES.md §4.8)
    inclusion: tuple[str, ...] = ()
    # counted heads of civilians ("civila", "residents"): fleeing with no camp or prison in
    # the clause, they flee fighting, not custody (§4.8)
    civilians: tuple[str, ...] = ()
    # counted heads of people in general ("människor", "people"): the same when they flee
    # "from" a place that is not a camp or prison ("flyktet fra grenseområdene")
    people: tuple[str, ...] = ()
    # the prepositions of leaving a place ("från", "fra", "from")
    away_from: tuple[str, ...] = ()
    # the forms of the `escaped` cues that mean fleeing in general ("flydde", "fled")
    flight: tuple[str, ...] = ()
    # counted heads that name the sources of a figure ("två källor", "two officials"): `other`
    sources: tuple[str, ...] = ()
    # relative pronouns and subordinating conjunctions: a cue in a relative or time clause
    # after the count describes the counted people ("ett fyrtiotal av dem som tog sig ut ...
    # har gripits", "greps ett tjugotal när de gömde sig"); the main verb governs
    subordinators: tuple[str, ...] = ()
    # forms of a `detained` cue that are an arrest when the count is their object ("guards
    # detained 14 people"): `captured`
    taking_before: tuple[str, ...] = ()
    # counted heads that are deaths themselves ("517 dödsfall", "126 mord"): `killed`
    death_nouns: tuple[str, ...] = ()
    # phrases opening a sentence about part of the count before it ("Av dessa är 40 barn")
    these: tuple[str, ...] = ()


_SV_FUNCTION = (
    "och eller men att som är var varit vara blir blev bli har hade ha haft kan kunde ska skulle "
    "vill ville måste får fick i på av till från med för om över under efter före mot vid hos "
    "genom utan sedan då när där här det den de dem denna detta dessa en ett sin sitt sina "
    "deras hans hennes dess vår vårt våra er ert era man inte också bara redan nu så än ännu "
    "även mest mer alla allt andra samt enligt uppges uppgavs sägs tidigare senare igen "
    "varav vilka vilket vilken hur vad vem varför aldrig fortfarande alltid sig"
)
_NB_FUNCTION = (
    "og eller men at som er var vært være blir ble bli har hadde ha hatt kan kunne skal skulle "
    "vil ville må får fikk i på av til fra med for om over under etter før mot ved hos gjennom "
    "uten siden da når der her det den de dem denne dette disse en et ei sin sitt sine deres "
    "hans hennes dens vår vårt våre ikke også bare allerede nå så enn ennå selv mest mer alle "
    "alt andre samt ifølge igjen tidligere senere hvorav hvilke hvordan hva hvem hvorfor fortsatt "
    "aldri stadig alltid seg"
)
# Danish words the Bokmål list lacks (the partitive "af", adverbs)
_DA_FUNCTION = _NB_FUNCTION + (
    " af efter uden aldrig altid stadig endnu fortsat hvor hvad hvem blev bliver været mens sig"
)
_EN_FUNCTION = (
    "and or but that which who whom whose is are was were be been being has have had can could "
    "will would shall should may might must do does did in on at of to from with for about over "
    "under after before against by through without since than then when where here there it "
    "its they them their this these those the a an his her our your not also only already now "
    "so still even most more all other others including such as according reportedly while "
    "how what why never always currently"
)

_SV = CueLexicon(
    lang="sv",
    predicates={
        "escaped": (
            "fly", "flyr", "flydde", "flytt", "flyktig\\w*", "flykt\\w*", "massflykt\\w*",
            "rymt", "rymde", "rymmer", "rymma", "rymning\\w*", "massrymning\\w*", "befriats",
            "befriades", "befriade", "befria", "frigivits", "släppts", "fritag\\w*", "smitit",
            "tagit sig ut", "brutit sig ut", "lyckats fly", "på rymmen", "lämnat lägret",
            "lämnade lägret",
            "smugglats ut", "smugglades ut", "smugglas ut", "smugglat ut", "ta sig ut",
            "tar sig ut", "tog sig ut", "lyckats ta sig ut", "på fri fot",
            "kom undan", "kommit undan", "sluppit ut", "slapp ut",
        ),
        "detained": (
            "hålls", "hölls", "hållas", "hålla", "håller", "hållits", "fängslad\\w*",
            "fängsla\\w*", "internerad\\w*", "frihetsberöva\\w*", "i förvar", "sitter fängslade",
            "sitter fängslad", "sitter i fängelse", "fångna", "inlåst\\w*", "bevakas", "huserar",
            "hyser", "hyste", "hysts", "hystes",
            "lägret rymmer", "lägren rymmer", "fängelset rymmer", "lägret rymde",
            "häktad\\w*", "häktats",
        ),
        "killed": (
            "dödad\\w*", "dödats", "döda", "dödade", "dödar", "dog", "döden", "omkom\\w*",
            "avrätta\\w*", "stupade", "stupat", "slaktats", "mördad\\w*", "mördats",
            "mist livet", "miste livet", "dödsoffer\\w*", "döda kroppar",
            "dödssiffr\\w*", "dödstal\\w*",
            "skjutits ihjäl", "sköts ihjäl", "ihjälskjut\\w*", "dödats",
            "hängdes", "hängts", "neutraliserats", "neutraliserade",
            "dött", "dör",
        ),
        "captured": (
            "fångat", "fångats", "fångades", "fångade", "fånga in", "infångad\\w*",
            "tillfångatog\\w*", "tillfångatagits", "tillfångatagna", "gripit", "gripits",
            "greps", "gripna", "arresterad\\w*", "arresterats", "återfångad\\w*",
            "tagits till fånga", "tagit till fånga",
            "gett upp", "gav upp", "gav sig", "kapitulera\\w*", "överlämnat sig",
            "överlämnade sig", "stoppades", "stoppats",
            "grep", "griper",
        ),
        "attacking": (
            "anföll", "anfallit", "anfaller", "gick till anfall", "anfallare", "angrep",
            "angripit", "angriper", "attackerade", "attackerat", "stormade", "stormat",
            "angripare", "deltog i anfallet", "deltog i attacken", "deltagit i anfallet",
            "slog till", "slår till", "gick till attack",
        ),
        # ANNOTATION_GUIDELINES.md §4.8: wounded, missing, displaced, evacuated, repatriated
        "other": (
            "skadad\\w*", "skadades", "skadats", "sårad\\w*", "sårades", "fördriv\\w*",
            "drivits på flykt", "drevs på flykt", "evakuera\\w*", "hämtats hem", "hämtas hem",
            "hämtat hem", "hämtades hem", "hemtagna", "återvänt", "återvände", "repatriera\\w*",
            "saknas", "försvunn\\w*", "dömd\\w*", "dömts", "åtalad\\w*", "åtalats",
            # transfers between custodians and flight from fighting (§4.8's decisions)
            "överförd\\w*", "överförts", "överfördes", "överföra", "överför", "förts över",
            "fördes över", "förs över", "flugits", "flögs", "överlämna\\w*", "tog emot",
            "tagit emot", "tas emot", "togs emot", "flytt striderna", "flydde striderna",
            "flytt från striderna", "flydde från striderna", "flytt undan striderna",
            "flydde undan striderna", "flytt från sina hem", "flydde från sina hem",
            "dömt", "dömde", "döms", "överföras", "flytt sina hem", "flydde sina hem",
            "behandla\\w*", "intervjua\\w*",
            "fraktades", "fraktats", "transporterades", "överföring\\w*", "rest till",
            "reste till", "utresta", "stationerade", "utplacerade", "gömde sig", "gömmer sig",
            "röstade", "tog hem", "tagit hem", "tagits hem", "aldrig återfångades",
            "aldrig återfångats",
            "drivit på flykt", "driva på flykt", "föds", "föddes", "fötts", "landade", "landat",
            "anlände", "utlämnad\\w*", "utlämnats",
        ),
        # being somewhere, not a predicate: being held where the clause names a camp or prison
        "resides": (
            "bor", "bodde", "lever", "levde", "vistas", "vistades", "befinner sig", "finns kvar",
            "satt", "sitter", "befolkning\\w*",
            "fanns kvar",
        ),
        # phrases that hide the cue words inside them, not a predicate
        "none": (
            "före attacken", "efter attacken", "under attacken", "före anfallet", "efter anfallet",
            "under anfallet", "sedan attacken", "sedan anfallet",
        ),
    },
    non_person=(
        "länder", "land", "nationer", "nation", "angrepp", "angreppen", "attacker", "attackerna",
        "parter", "parterna", "fordon", "bilar", "videoklipp", "videor", "läger", "lägren",
        "fängelser", "fängelserna", "byar", "städer", "kronor", "dollar", "euro", "procent",
        "operationer", "räder", "fall", "bomber", "bilbomber", "transporter", "flygningar",
        "försök", "bränder", "tält", "bussar", "lastbilar", "flyganfall", "luftangrepp", "anfall",
        "timmar", "dagar", "veckor", "månader", "kilometer",
        "razzior", "tunnlar", "kliniker", "sjukhus", "sektioner",
        "organisationer", "razzia",
        "anläggningar", "rymningar", "rymningsförsök",
        "år",
    ),
    prisoners=("fångar", "fångarna", "fånge", "interner", "internerna", "intagna", "fängslade"),
    source_before=("enligt",),
    source_fillers=("uppgifter från", "uppgifter till", "uppgifter i", "uppgift från", "källor i",
                    "källor inom", "uppgifter"),
    speech_verbs=(
        "säger", "sade", "sa", "uppger", "uppgav", "skriver", "skrev", "meddelar", "meddelade",
        "rapporterar", "rapporterade", "bekräftar", "bekräftade", "hävdar", "hävdade",
        "uppskattar", "uppskattade", "varnar", "varnade", "slagit larm", "slår larm",
        "säger sig", "påstår", "berättar", "berättade", "konstaterar", "anger", "angav",
    ),
    passive=("uppges", "uppgavs", "sägs", "rapporteras", "påstås", "enligt uppgift"),
    clause_breaks=("men", "medan"),
    pronouns=("de", "han", "hon", "vi", "den", "dessa"),
    determiners=("de", "den", "det", "en", "ett", "dessa", "denna", "detta"),
    function_words=frozenset(_SV_FUNCTION.split()),
    auxiliaries=("har", "hade", "länge", "också", "även", "redan", "nu", "själv", "själva",
                 "sedan", "tidigare", "ofta"),
    partitive=("av",),
    conjunctions=("och",),
    adjective_endings=("iska", "iske", "ska", "ske", "ande", "ende", "ade", "ad", "ta", "ala", "ella",
                       "iga", "liga", "ära"),
    genitive_endings=("ens", "ets", "arnas", "ernas", "ornas"),
    adjectives=("sådana", "olika", "andra", "nya", "unga", "gamla", "fler", "flera", "många", "utländska",
                "misstänkta"),
    locative=("i", "från", "nära", "utanför", "vid", "kring", "runt"),
    prepositions=("i", "från", "vid", "för", "av", "på", "hos", "inom"),
    lives=("liv", "livet"),
    facilities=("läger", "lägret", "lägren", "lägerna", "fängelse", "fängelset", "fängelser",
                "fängelserna", "förvar", "lägrets", "lägrens", "fängelsets"),
    inside=("i",),
    residents=("invånare", "invånarna", "boende", "de boende"),
    figure_phrases=(r"det\s+(?:är|var|blir|blev|rör\s+sig\s+om|handlar\s+om)",
                    r"(?:är|var|blir|blev|rör|handlar)\s+det", r"siffr\w*", r"antal\w*",
        "talar\\s+om", "talat\\s+om",
    ),
    inclusion=(
        "däribland", "varav", "bland dem", "bland annat", "inklusive", "bland vilka",
        "jämfört med", "ned från", "upp från",
    ),
    civilians=(
        "civila", "invånare", "invånarna",
    ),
    people=("människor", "personer", "familjer"),
    away_from=("från", "undan",
    ),
    subordinators=("som", "när", "medan", "innan"),
    sources=(
        "källor", "tjänstemän", "vittnen", "diplomater",
    ),
    flight=(
        "fly", "flyr", "flydde", "flytt", "flykt\\w*",
    ),
    death_nouns=(
        "dödsfall", "mord", "dödsoffer",
    ),
    these=(
        "av dessa", "av dem", "bland dessa",
    ),
)

_NB = CueLexicon(
    lang="nb",
    predicates={
        "escaped": (
            "flykte\\w*", "flyktet", "flyr", "flykt\\w*", "rømme", "rømte", "rømt", "rømmer",
            "rømming\\w*", "på rømmen", "befridd\\w*", "befri\\w*", "satt fri", "sette fri",
            "sluppet fri", "sluppet ut", "løslatt", "brøt ut", "masseflukt\\w*", "forlot leiren",
            "forlatt leiren",
            "frigjort\\w*", "frigjorde", "komme seg ut", "kommet seg ut", "kom seg ut",
            "komme seg unna", "kommet seg unna", "kom seg unna", "på frifot", "på fri fot",
            "smuglet ut", "smugles ut",
            "flukt\\w*", "slapp unna", "sluppet unna", "slapp ut",
        ),
        "detained": (
            "holdes", "holdt", "holde", "holder", "huser", "huset", "fengslet", "fengslede",
            "sitter fengslet", "sitter i fengsel", "internert\\w*", "i varetekt", "innesperret",
            "fanget",
        ),
        "killed": (
            "drept\\w*", "drepe", "drepte", "dreper", "døde", "død", "omkom\\w*", "henrettet",
            "henrette\\w*", "mistet livet", "miste livet", "falt", "massakrert", "drapene",
            "dødstall\\w*",
            "dødd", "skutt i hjel", "skutt og drept",
            "hengt", "nøytralisert",
        ),
        "captured": (
            "tatt til fange", "tatt til fange igjen", "tok til fange", "pågrepet", "pågrep",
            "arrestert\\w*", "gjenfanget", "fanget inn", "fanget opp", "fakket",
            "overga seg", "overgitt seg", "ga seg", "gitt seg", "stanset", "stoppet",
        ),
        "attacking": (
            "angrep", "angrepet", "angriper", "angripe", "angripere", "angriperne", "stormet",
            "stormer", "storme", "gikk til angrep", "angrepsstyrke\\w*", "deltok i angrepet",
        ),
        "other": (
            "såret", "sårede", "skadet", "skadd\\w*", "fordrevet", "fordrevne", "fordrives",
            "drevet på flukt", "evakuert\\w*", "evakuere\\w*", "hentet hjem", "hente hjem",
            "hentes hjem", "hjemhentet", "hentet ut", "repatriert\\w*", "savnet", "savnes", "returnert\\w*",
            "vendt tilbake", "dømt\\w*", "tiltalt\\w*", "sluttet seg til",
            # transfers between custodians and flight from fighting (§4.8's decisions)
            "overført\\w*", "overføre", "overføres", "overlevert", "overlevere\\w*", "fløyet",
            "fløyd", "flyttet", "flyttes", "flytte", "sendt til", "sendes til", "tok imot",
            "tatt imot", "tar imot", "flyktet fra kampene", "flykter fra kampene",
            "flyktet fra hjemmene", "flyktet fra sine hjem", "på flukt fra kampene",
            "flyktet fra krigen",
            "behandlet", "behandler", "behandle", "intervjuet",
            "fraktet", "fraktes", "frakte", "overføring\\w*", "reist ut", "utreist", "utplassert",
            "stasjonert", "gjemte seg", "gjemmer seg",
            "stemte", "tok hjem", "tatt hjem", "forsvunnet", "forsvant",
            "født", "fødes", "landet", "ankom", "utlevert", "utleveres",
        ),
        # being somewhere, not a predicate: being held where the clause names a camp or prison
        "resides": (
            "bor", "bodde", "lever", "levde", "oppholder seg", "befinner seg",
            "satt", "sitter", "befolkning\\w*",
        ),
        # phrases that hide the cue words inside them, not a predicate
        "none": (
            "falt fra", "falt til", "har falt", "falt med",
            "før angrepet", "etter angrepet", "under angrepet", "siden angrepet",
        ),
    },
    non_person=(
        "nasjoner", "nasjon", "land", "angrep", "angrepene", "partier", "partene", "kjøretøy",
        "biler", "videoer", "leirer", "fengsler", "landsbyer", "byer", "kroner", "dollar", "euro",
        "prosent", "landene", "landa", "operasjoner", "tilfeller", "saker", "bomber", "bilbomber",
        "transporter",
        "telt", "branner", "busser", "razziaer", "forsøk", "luftangrep", "lastebiler", "timer",
        "dager", "uker", "måneder", "kilometer",
        "tunneler", "skyttergraver", "klinikker", "sykehus", "seksjoner", "leirene", "fengslene",
        "raid", "organisasjoner",
        "anlegg", "rømninger", "rømningsforsøk",
        "år",
    ),
    prisoners=("fanger", "fangene", "fange", "innsatte", "de innsatte", "fengslede", "internerte"),
    source_before=("ifølge",),
    source_fillers=("opplysninger fra", "kilder i", "kilder fra", "opplysninger til"),
    speech_verbs=(
        "sier", "sa", "opplyser", "opplyste", "skriver", "skrev", "melder", "meldte", "rapporterer",
        "rapporterte", "bekrefter", "bekreftet", "hevder", "hevdet", "anslår", "anslo", "advarer",
        "advarte", "forteller", "fortalte", "gjort det klart", "har gjort det klart",
        "slått alarm", "uttalte",
    ),
    passive=("skal ha", "meldes", "rapporteres", "sies", "opplyses"),
    clause_breaks=("men", "mens"),
    pronouns=("de", "han", "hun", "vi", "den", "disse"),
    determiners=("de", "den", "det", "en", "et", "ei", "disse", "denne", "dette"),
    function_words=frozenset(_NB_FUNCTION.split()),
    auxiliaries=("har", "hadde", "lenge", "også", "allerede", "nå", "selv", "tidligere", "ofte"),
    partitive=("av",),
    conjunctions=("og",),
    adjective_endings=("iske", "ske", "ende", "ede", "kte", "te", "ale", "elle", "ige", "lige"),
    genitive_endings=("ens", "ets", "enes", "ernes"),
    adjectives=("slike", "sådanne", "ulike", "andre", "nye", "unge", "gamle", "flere", "mange", "utenlandske",
                "mistenkte"),
    locative=("i", "fra", "nær", "utenfor", "ved", "rundt"),
    prepositions=("i", "fra", "ved", "for", "av", "på", "hos", "innen"),
    lives=("liv", "livet", "livene"),
    facilities=("leir", "leiren", "leirer", "leirene", "fengsel", "fengselet", "fengsler",
                "fengslene", "varetekt", "leirens", "leirenes", "fengselets"),
    inside=("i",),
    residents=("innbyggere", "innbyggerne", "beboere", "beboerne"),
    figure_phrases=(r"det\s+(?:er|var|blir|ble|være|dreier\s+seg\s+om)",
                    r"(?:er|var|blir|ble|være|dreier)\s+det", r"snakk\s+om", r"tall(?:et|ene)?",
                    r"antall\w*"),
    inclusion=(
        "blant dem", "deriblant", "hvorav", "herav", "inkludert", "blant annet",
        "sammenlignet med", "ned fra", "opp fra",
    ),
    civilians=(
        "sivile", "innbyggere", "innbyggerne",
    ),
    people=("mennesker", "personer", "familier"),
    away_from=("fra",
    ),
    subordinators=("som", "når", "da", "mens", "før"),
    sources=(
        "kilder", "tjenestemenn", "vitner", "diplomater",
    ),
    flight=(
        "flykte\\w*", "flyktet", "flyr", "flykt\\w*",
    ),
    death_nouns=(
        "dødsfall", "drap", "dødsofre",
    ),
    these=(
        "av disse", "av dem", "blant disse",
    ),
)

# Danish reads close to Bokmål; its own forms are added where they differ.
_DA = replace(
    _NB,
    lang="da",
    predicates={
        **_NB.predicates,
        "killed": (*_NB.predicates["killed"], "dræbt\\w*", "dræbe", "dræbte", "dræber", "dødstal\\w*",
                   "hængt", "neutraliseret"),
        "escaped": (*_NB.predicates["escaped"], "flygtet", "flygte\\w*", "undslap", "flugt\\w*",
                    "brød ud", "løsladt", "slap ud", "sluppet ud", "forlod lejren", "smuglet ud",
                    "smugles ud", "på fri fod", "slap væk", "slipper væk", "sluppet væk"),
        "detained": (*(f for f in _NB.predicates["detained"] if f != "fanget"), "tilbageholdt\\w*",
                     "fængslet", "fængsle", "fængsles", "fængslede", "sidder fængslet", "holdes fanget",
                     "husede", "rummer", "rummede"),
        "captured": (*_NB.predicates["captured"], "taget til fange", "taget til fange igen",
                     "tog til fange", "fanget", "anholdt\\w*", "pågrebet", "genfanget",
                     "genindfang\\w*", "indfanget", "genanholdt\\w*", "opsnappe\\w*", "overgivet sig",
                     "overgav sig"),
        "attacking": (*_NB.predicates["attacking"], "angreb", "angrebet", "angriber\\w*", "angribe",
                      "stormede", "gik til angreb", "deltog i angrebet"),
        "other": (*_NB.predicates["other"], "evakueret", "hjemtage\\w*", "repatrieret",
                  "fordrevne", "drevet på flugt", "vendt hjem", "kommet hjem", "overdraget",
                  "overdrages", "fløjet", "modtaget", "modtog", "flygtet fra kampene",
                  "flygter fra kampene", "flygtet fra deres hjem", "flygtet fra krigen",
                  "på flugt fra kampene", "interviewet", "vendt tilbage", "vender tilbage",
                  "vendte tilbage", "udrejst", "udrejste", "udstationeret", "overførsel\\w*",
                  "fragtet", "stemte", "taget hjem", "tog hjem", "forsvundet", "forsvandt", "fødes",
                  "født", "landede", "ankom", "udleveret", "udleveres"),
        "resides": ("bor", "boede", "lever", "levede", "opholder sig", "opholdt sig", "befinder sig",
                    "sad", "sidder", "befolkning\\w*"),
        "none": ("faldet fra", "faldet til", "faldt fra", "faldt til", "inden angrebet", "efter angrebet",
                 "før angrebet", "under angrebet", "siden angrebet"),
    },
    function_words=frozenset(_DA_FUNCTION.split()),
    non_person=(*_NB.non_person, "lande", "fængsler", "fængslerne", "lejre", "lejrene",
                "operationer", "tilfælde", "sager", "køretøjer", "telte", "brande", "luftangreb",
                "dage", "forsøg", "sektioner", "klinikker", "tunneler", "ngo'er", "organisationer",
                "razziaer", "raid", "anlæg", "flugter"),
    death_nouns=("dødsfald", "drab", "dødsofre"),
    these=("af disse", "af dem", "blandt disse"),
    prisoners=(*_NB.prisoners, "fangerne", "indsatte", "de indsatte"),
    civilians=("civile", "indbyggere", "indbyggerne"),
    people=("mennesker", "personer", "familier"),
    away_from=("fra",),
    sources=("kilder", "embedsmænd", "vidner", "diplomater"),
    subordinators=("som", "der", "når", "da", "mens", "før"),
    flight=(*_NB.flight, "flygtet", "flygte\\w*", "flugt\\w*"),
    inclusion=("heraf", "herunder", "blandt dem", "heriblandt", "hvoraf", "inklusive", "blandt andet",
               "sammenlignet med", "ned fra", "op fra"),
    lives=("liv", "livet"),
    facilities=("lejr", "lejren", "lejre", "lejrene", "fængsel", "fængslet", "fængsler",
                "fængslerne", "varetægt", "lejrens", "fængslets"),
    inside=("i",),
    residents=("indbyggere", "indbyggerne", "beboere", "beboerne"),
    figure_phrases=(r"det\s+(?:er|var|bliver|blev|være|drejer\s+sig\s+om)",
                    r"(?:er|var|bliver|blev|være|drejer)\s+det", r"tal(?:let|lene)?", r"antal\w*",
                    r"tale\s+om"),
    speech_verbs=(*_NB.speech_verbs, "siger", "oplyser", "oplyste", "meddeler", "bekræfter"),
    source_before=("ifølge",),
    partitive=("af",),
    prepositions=("i", "fra", "ved", "for", "af", "på", "hos", "inden"),
)

_EN = CueLexicon(
    lang="en",
    predicates={
        "escaped": (
            "escap\\w*", "fled", "flee", "flees", "fleeing", "fugitives?", "broke out",
            "break out", "breakout", "jailbreak", "freed", "released", "on the run",
            "slipped out", "got away", "left the camp", "left the camps",
            "smuggled out", "broken out", "at large", "on the loose", "made it out", "got out",
            "slipped through",
        ),
        "detained": (
            "held", "hold", "holds", "holding", "house", "houses", "housed", "housing",
            "detained", "detain\\w*", "imprisoned", "jailed", "incarcerated", "interned",
            "in custody", "locked up", "behind bars", "guarded",
        ),
        "killed": (
            "kill\\w*", "dead", "died", "die", "dies", "executed", "execut\\w*", "slain",
            "lost their lives", "death toll", "murdered", "massacred", "perished",
            "hanged", "neutrali[sz]ed",
        ),
        "captured": (
            "captur\\w*", "recaptur\\w*", "arrested", "arrests?", "caught", "taken prisoner",
            "taken captive", "apprehended", "rounded up", "seized", "been detained",
            "were detained", "was detained",
            "surrender\\w*", "gave themselves up", "given themselves up", "intercepted",
            "stopped at",
            "arresting",
        ),
        "attacking": (
            "attacked", "attacking", "attackers", "stormed", "storming", "raided", "assaulted",
            "assailants", "launched an attack", "took part in the attack",
        ),
        "other": (
            "wounded", "injured", "displaced", "driven from", "evacuated", "evacuat\\w*",
            "repatriated", "repatriat\\w*", "brought home", "returned home", "missing",
            "sentenced", "convicted", "charged", "joined",
            # transfers between custodians and flight from fighting (§4.8's decisions)
            "transferr\\w*", "transfer", "transfers", "flown", "flew", "handed over",
            "moved to", "bused", "bussed", "sent to", "fled the fighting", "fleeing the fighting",
            "fled their homes", "fleeing their homes", "fled the violence", "fled the clashes",
            "treated", "treating", "treat", "interviewed",
            "trucked", "stationed", "deployed", "hiding", "travelled", "traveled",
            "voted", "took back", "taken back", "brought back", "moved", "wounding", "injuring",
            "unaccounted for", "never recaptured",
            "born", "gave birth", "landed", "arrived", "extradited",
        ),
        # being somewhere, not a predicate: being held where the clause names a camp or prison
        "resides": (
            "live", "lives", "living", "lived", "remain", "remains", "remaining", "stay",
            "staying",
            "population",
        ),
        # phrases that hide the cue words inside them, not a predicate
        "none": (
            "before the attack", "after the attack", "during the attack", "since the attack",
        ),
    },
    non_person=(
        "countries", "country", "nations", "nationalities", "attacks", "parties", "vehicles",
        "cars", "videos", "camps", "prisons", "villages", "towns", "cities", "dollars", "euros",
        "percent", "operations", "raids", "cases", "bombs", "flights", "transfers",
        "strikes", "airstrikes", "trucks", "tents", "fires", "buses", "attempts", "hours", "days",
        "weeks", "months", "kilometres", "kilometers", "miles",
        "tunnels", "clinics", "hospitals", "sections",
        "organisations", "organizations", "ngos",
        "facilities", "breakouts", "escapes", "escape attempts",
        "years",
    ),
    prisoners=("prisoners", "detainees", "inmates", "captives", "prisoner", "detainee"),
    source_before=("according to", "citing", "quoting"),
    source_fillers=("figures from", "reports from", "reports by", "sources in", "data from"),
    speech_verbs=(
        "said", "says", "say", "told", "tells", "reported", "reports", "revealed", "reveals",
        "confirmed", "confirms", "estimates", "estimated", "estimate", "stated", "states",
        "claimed", "claims", "announced", "announces", "warned", "warns", "wrote", "writes",
        "noted", "added",
    ),
    passive=("reportedly", "is said", "are said", "were said", "was said", "is reported",
             "are reported", "were reported", "was reported", "allegedly"),
    clause_breaks=("but", "while", "whereas"),
    pronouns=("they", "he", "she", "we", "it"),
    determiners=("the", "a", "an", "these", "those", "this", "that"),
    function_words=frozenset(_EN_FUNCTION.split()),
    auxiliaries=("has", "have", "had", "also", "long", "already", "now", "previously", "often",
                 "themselves", "itself"),
    partitive=("of",),
    conjunctions=("and",),
    adjective_endings=("ian", "ish", "ese", "ing", "ed", "ary", "ive", "al"),
    adjectives=("other", "several", "many", "foreign", "suspected", "young", "new"),
    locative=("in", "from", "near", "outside", "at"),
    prepositions=("in", "from", "at", "for", "of", "with"),
    lives=("lives", "life"),
    facilities=("camp", "camps", "prison", "prisons", "jail", "jails", "detention"),
    inside=("in", "inside"),
    residents=("residents", "inhabitants"),
    figure_phrases=(r"(?:it|this|that|there)\s+(?:is|was|are|were|could\s+be|may\s+be|might\s+be)",
                    r"figures?", r"numbers?", r"estimates?", r"tolls?",
        "speaks?\\s+of", "talk\\s+of",
    ),
    inclusion=(
        "including", "among them", "among whom", "of whom", "down from", "up from",
        "compared with", "compared to",
    ),
    civilians=(
        "civilians", "residents", "inhabitants",
    ),
    people=("people", "families"),
    away_from=("from",
    ),
    subordinators=("who", "that", "which", "when", "while", "as", "before"),
    taking_before=("detained",),
    sources=(
        "sources", "officials", "witnesses", "diplomats",
    ),
    flight=(
        "fled", "flee", "flees", "fleeing",
    ),
    death_nouns=(
        "deaths", "killings", "murders", "fatalities",
    ),
    these=(
        "of these", "of them", "of those", "among these",
    ),
)

CUES: dict[str, CueLexicon] = {lex.lang: lex for lex in (_SV, _NB, _DA, _EN)}


def cues(lang: str) -> CueLexicon:
    """The cue lexicon of ``lang``; a clear ValueError for a language we do not cover."""
    return for_language(CUES, lang)


# Who was counted, across languages (stems of the counted head noun): casualty reports
# keep soldiers, fighters and civilians apart (ANNOTATION_GUIDELINES.md §4.11: "same population").
POPULATIONS: dict[str, tuple[str, ...]] = {  # first match wins: "legosoldat" is a fighter
    "fighters": ("medlem", "member", "kriger", "krigare", "fighter", "militant", "jihadist",
                 "terrorist", "legosoldat", "mercenar", "rebel", "insurgent", "anhängare",
                 "tilhenger", "supporter"),
    "soldiers": ("soldat", "soldier", "troop", "trupp", "tropp", "vakt", "guard", "officer",
                 "polis", "police"),
    "civilians": ("civil", "sivil", "invånare", "innbygger", "resident", "child", "barn",
                  "kvinn", "kvinne", "women", "woman"),
}

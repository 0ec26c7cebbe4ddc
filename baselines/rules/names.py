"""Language-independent name knowledge of the rules baseline: data only, no logic.

What any news reader knows before seeing the corpus: country and region names in
Swedish, Norwegian/Danish and English with the canonical English id the dataset uses
for them (entity ids are kebab-case English, ANNOTATION_GUIDELINES.md §3.5), the words that make a name an
organisation, a facility or a settlement, nationality adjectives, and month and day
names. Nothing here is read from the gold annotations.
"""

from __future__ import annotations

# canonical id -> surface forms (sv, nb/da, en and common abbreviations)
COUNTRIES: dict[str, tuple[str, ...]] = {
    "afghanistan": ("Afghanistan",),
    "albania": ("Albanien", "Albania"),
    "algeria": ("Algeriet", "Algerie", "Algeria"),
    "australia": ("Australien", "Australia"),
    "austria": ("Österrike", "Østerrike", "Østrig", "Austria"),
    "azerbaijan": ("Azerbajdzjan", "Aserbajdsjan", "Azerbaijan"),
    "bahrain": ("Bahrain",),
    "bangladesh": ("Bangladesh",),
    "belgium": ("Belgien", "Belgia", "Belgium"),
    "bosnia-and-herzegovina": ("Bosnien", "Bosnia", "Bosnia and Herzegovina"),
    "brazil": ("Brasilien", "Brasil", "Brazil"),
    "bulgaria": ("Bulgarien", "Bulgaria"),
    "canada": ("Kanada", "Canada"),
    "chad": ("Tchad", "Chad"),
    "china": ("Kina", "China"),
    "cyprus": ("Cypern", "Kypros", "Cyprus"),
    "czech-republic": ("Tjeckien", "Tsjekkia", "Czech Republic", "Czechia"),
    "denmark": ("Danmark", "Denmark"),
    "egypt": ("Egypten", "Egypt"),
    "estonia": ("Estland", "Estonia"),
    "ethiopia": ("Etiopien", "Etiopia", "Ethiopia"),
    "finland": ("Finland",),
    "france": ("Frankrike", "Frankrig", "France"),
    "georgia": ("Georgien", "Georgia"),
    "germany": ("Tyskland", "Germany"),
    "greece": ("Grekland", "Hellas", "Grækenland", "Greece"),
    "hungary": ("Ungern", "Ungarn", "Hungary"),
    "iceland": ("Island", "Iceland"),
    "india": ("Indien", "India"),
    "indonesia": ("Indonesien", "Indonesia"),
    "iran": ("Iran",),
    "iraq": ("Irak", "Iraq"),
    "ireland": ("Irland", "Ireland"),
    "israel": ("Israel",),
    "italy": ("Italien", "Italia", "Italy"),
    "japan": ("Japan",),
    "jordan": ("Jordanien", "Jordan"),
    "kazakhstan": ("Kazakstan", "Kasakhstan", "Kazakhstan"),
    "kenya": ("Kenya",),
    "kosovo": ("Kosovo",),
    "kuwait": ("Kuwait",),
    "kyrgyzstan": ("Kirgizistan", "Kirgisistan", "Kyrgyzstan"),
    "latvia": ("Lettland", "Latvia"),
    "lebanon": ("Libanon", "Lebanon"),
    "libya": ("Libyen", "Libya"),
    "lithuania": ("Litauen", "Lithuania"),
    "mali": ("Mali",),
    "morocco": ("Marocko", "Marokko", "Morocco"),
    "netherlands": ("Nederländerna", "Nederland", "Holland", "Netherlands"),
    "niger": ("Niger",),
    "nigeria": ("Nigeria",),
    "north-macedonia": ("Nordmakedonien", "Nord-Makedonia", "North Macedonia"),
    "norway": ("Norge", "Norway"),
    "oman": ("Oman",),
    "pakistan": ("Pakistan",),
    "palestine": ("Palestina", "Palestine"),
    "philippines": ("Filippinerna", "Filippinene", "Philippines"),
    "poland": ("Polen", "Poland"),
    "portugal": ("Portugal",),
    "qatar": ("Qatar",),
    "romania": ("Rumänien", "Romania"),
    "russia": ("Ryssland", "Russland", "Rusland", "Russia"),
    "saudi-arabia": ("Saudiarabien", "Saudi-Arabia", "Saudi-Arabien", "Saudi Arabia"),
    "serbia": ("Serbien", "Serbia"),
    "somalia": ("Somalia",),
    "spain": ("Spanien", "Spania", "Spain"),
    "sudan": ("Sudan",),
    "sweden": ("Sverige", "Sweden"),
    "switzerland": ("Schweiz", "Sveits", "Switzerland"),
    "syria": ("Syrien", "Syria"),
    "tajikistan": ("Tadzjikistan", "Tadsjikistan", "Tajikistan"),
    "tunisia": ("Tunisien", "Tunisia"),
    "turkey": ("Turkiet", "Tyrkia", "Tyrkiet", "Turkey", "Türkiye"),
    "turkmenistan": ("Turkmenistan",),
    "ukraine": ("Ukraina", "Ukraine"),
    "united-arab-emirates": ("Förenade arabemiraten", "De forente arabiske emirater",
                             "United Arab Emirates", "UAE"),
    "united-kingdom": ("Storbritannien", "Storbritannia", "Britain", "Great Britain",
                       "United Kingdom", "UK", "U.K."),
    "united-states": ("USA", "U.S.", "U.S.A.", "US", "United States", "America", "Förenta staterna"),
    "uzbekistan": ("Uzbekistan", "Usbekistan"),
    "yemen": ("Jemen", "Yemen"),
}

# canonical id -> surface forms of national capitals (GPE): as well known as the countries
CAPITALS: dict[str, tuple[str, ...]] = {
    "amman": ("Amman",),
    "ankara": ("Ankara",),
    "athens": ("Aten", "Athen", "Athens"),
    "baghdad": ("Bagdad", "Baghdad"),
    "beirut": ("Beirut",),
    "berlin": ("Berlin",),
    "brussels": ("Bryssel", "Brussel", "Bruxelles", "Brussels"),
    "cairo": ("Kairo", "Cairo"),
    "copenhagen": ("Köpenhamn", "København", "Copenhagen"),
    "damascus": ("Damaskus", "Damascus"),
    "doha": ("Doha",),
    "helsinki": ("Helsingfors", "Helsinki"),
    "jerusalem": ("Jerusalem",),
    "kabul": ("Kabul",),
    "london": ("London",),
    "madrid": ("Madrid",),
    "moscow": ("Moskva", "Moskau", "Moscow"),
    "oslo": ("Oslo",),
    "paris": ("Paris",),
    "reykjavik": ("Reykjavik", "Reykjavík"),
    "riyadh": ("Riyadh", "Riyad"),
    "rome": ("Rom", "Roma", "Rome"),
    "stockholm": ("Stockholm",),
    "tehran": ("Teheran", "Tehran"),
    "vienna": ("Wien", "Vienna"),
    "warsaw": ("Warszawa", "Warsaw"),
    "washington": ("Washington",),
}

# canonical id -> surface forms of regions, continents and blocs (LOC)
REGIONS: dict[str, tuple[str, ...]] = {
    "africa": ("Afrika", "Africa"),
    "arctic": ("Arktis", "Arctic"),
    "asia": ("Asien", "Asia"),
    "balkans": ("Balkan", "Balkans"),
    "caucasus": ("Kaukasus", "Caucasus"),
    "central-asia": ("Centralasien", "Sentral-Asia", "Central Asia"),
    "europe": ("Europa", "Europe"),
    "gulf": ("Persiska viken", "Persiabukta", "Persian Gulf", "Gulf"),
    "latin-america": ("Latinamerika", "Latin America"),
    "levant": ("Levanten", "Levant"),
    "mediterranean": ("Medelhavet", "Middelhavet", "Mediterranean"),
    "middle-east": ("Mellanöstern", "Midtøsten", "Mellemøsten", "Middle East"),
    "north-africa": ("Nordafrika", "Nord-Afrika", "North Africa"),
    "north-america": ("Nordamerika", "Nord-Amerika", "North America"),
    "nordic-countries": ("Norden", "Nordic countries"),
    "sahel": ("Sahel",),
    "scandinavia": ("Skandinavien", "Skandinavia", "Scandinavia"),
    "south-america": ("Sydamerika", "Sør-Amerika", "South America"),
    "the-west": ("Västvärlden", "Vesten", "the West"),
}

# Courts named by their town ("Stockholms tingsrätt", "Oslo tingrett"): a known place before
# one of these is part of the court's name, not a genitive modifier
COURT_NOUNS: frozenset[str] = frozenset(
    {"tingsrätt", "tingsrätten", "hovrätt", "hovrätten", "tingrett", "lagmannsrett", "byret",
     "byretten", "landsret", "landsretten"}
)

# A name holding one of these words (or ending in one of these, for closed compounds) is
# an organisation: "Syrian Democratic Forces", "Försvarshögskolan", "Financial Times".
ORG_WORDS: frozenset[str] = frozenset(
    {
        "forces", "army", "observatory", "agency", "times", "journal", "post", "news", "press",
        "tribune", "guardian", "herald", "telegraph", "university", "institute", "council", "ministry",
        "party", "front", "brigade", "brigades", "committee", "organization", "organisation",
        "network", "television", "radio", "union", "coalition", "court", "commission", "office",
        "bank", "group", "company", "corporation", "association", "movement", "police", "guard",
        "command", "department", "foundation", "crescent", "cross", "watch", "amnesty", "nations",
        "state", "authority", "authorities", "administration", "federation", "alliance", "service",
        "services", "society", "center", "centre", "assembly", "units", "militia",
        # Swedish, Norwegian and Danish: "Røde Kors", "Frie Syriske Hær", "Kurdistans Nationella Råd"
        "kors", "korset", "hær", "hæren", "här", "hären", "armé", "armén", "armeen", "råd",
        "parti", "halvmåne", "halvmånen", "stat", "staten", "government", "regering", "regjering",
        "institut", "institutt", "observatorium", "kommitté", "komité", "förbund", "forbund",
        "nätverk", "nettverk", "netværk", "förening", "forening", "stiftelse", "kommission",
        "kommisjon", "domstol", "myndighet", "myndighed", "universitet", "bataljon", "milis",
        "milits", "koalition", "koalisjon", "allians", "allianse", "senter", "centrum",
        "tingsrätt", "tingsrätten", "hovrätt", "hovrätten", "tingrett", "lagmannsrett", "byret",
        "byretten", "landsret", "landsretten",
        # heads of Arabic organisation names: "Jabhat al-Nusra", "Jaish al-Islam", "Hizb ..."
        "jabhat", "jaish", "jaysh", "hizb", "harakat", "liwa", "kataib", "ansar", "hayat", "tahrir",
    }
)
ORG_ENDINGS: tuple[str, ...] = (
    "högskolan", "högskola", "institutet", "institutets", "institutt", "instituttet",
    "observatoriet", "observatoriets", "departementet", "myndigheten", "partiet", "förbundet",
    "forbundet", "rådet", "rådets", "byrån", "byrået", "kommissionen", "kommisjonen",
    "universitetet", "universitet", "styrkorna", "styrkornas", "styrkene", "styrkenes",
    "staten", "statens", "armén", "hæren", "polisen", "politiet", "tidningen", "avisen",
    "bladet", "posten", "radio", "tv", "nyheter", "koalitionen", "koalisjonen", "ministeriet",
    "regeringen", "regjeringen", "organisationen", "organisasjonen", "gruppen", "brigaden",
    "fronten", "rörelsen", "bevegelsen", "domstolen", "kontoret", "verket", "säpo",
    # "Forsvarsstyrker", "Nationalråd", "Sikkerhedsrådet": the org word closing a compound
    "styrker", "styrkerne", "styrkor", "råd", "rådet", "hær", "hæren", "ministerium",
    "partiet", "bevægelsen", "organisation", "byrå", "kyrkan", "kirken", "kirke", "kyrka",
    "ministeriet", "departementet", "tjeneste", "tjenesten", "tjänsten", "folkeparti",
    "institut", "institutt", "nyheder",
)
# Plural nouns for armed forces: after an adjective a description («kurdiske styrker»,
# §3.3 E4), not a name, unless capitalised («Kurdiske Forsvarsstyrker»)
FORCES_PLURALS: frozenset[str] = frozenset(
    {"styrker", "styrkor", "styrkorna", "styrkene", "styrkerne", "forces", "soldater", "trupper", "tropper"}
)
# common nouns of facilities: "the al-Hol camp", "lägret al-Hol", "Gweiranfängelset"
FACILITY_WORDS: tuple[str, ...] = (
    "camp", "prison", "jail", "airport", "base", "detention", "hospital", "compound",
    "läger", "lägret", "lägren", "fängelse", "fängelset", "centralfängelset", "flygplats",
    "flygplatsen", "basen", "sjukhuset", "anläggningen",
    "leir", "leiren", "fengsel", "fengselet", "sentralfengselet", "flyplass", "flyplassen",
    "sykehuset", "lejren", "fængsel", "fængslet", "dam", "dammen", "demningen", "dæmningen",
    "lufthavn", "lufthavnen", "airbase",
)
# common nouns of settlements and districts: "staden Qamishli", "Al-Hasakah province"
SETTLEMENT_WORDS: tuple[str, ...] = (
    "city", "town", "village", "province", "governorate", "district", "neighbourhood",
    "neighborhood", "region", "capital", "municipality", "suburb",
    "stad", "staden", "stadsdelen", "byn", "samhället", "provinsen", "regionen", "kommunen",
    "huvudstaden", "förorten", "området",
    "byen", "landsbyen", "bydelen", "nabolaget", "provinsen", "hovedstaden", "kommunen",
)
# Location head words: a name with one of these after it (or fused to it) is a region,
# "the Jazira region", "Kurdistan-regionen"; a capitalised one inside an English name is
# part of an administrative name, "Kurdistan Region" (ANNOTATION_GUIDELINES.md §3.3, E11).
REGION_WORDS: tuple[str, ...] = ("region", "regionen", "regionens", "regioner", "regionerne")
ADMINISTRATIVE_HEADS: frozenset[str] = frozenset(
    {"region", "province", "governorate", "district", "municipality", "canton", "county"}
)
# Capitalised words that are adjectives or demonyms, not names ("Syrian", "Kurdish").
DEMONYMS: frozenset[str] = frozenset(
    {
        "syrian", "kurdish", "kurd", "kurds", "iraqi", "american", "british", "english", "swedish",
        "norwegian", "danish", "european", "arab", "arabic", "turkish", "russian", "iranian",
        "israeli", "french", "german", "lebanese", "jordanian", "saudi", "afghan", "pakistani",
        "western", "eastern", "northern", "southern", "islamist", "jihadist", "yazidi", "assyrian",
        "christian", "muslim", "sunni", "shia", "shiite", "alawite", "palestinian", "egyptian",
        "libyan", "tunisian", "moroccan", "chinese", "indian", "ukrainian", "belgian", "dutch",
        "finnish", "swede", "dane", "briton", "finn", "turk", "islamic",
    }
)


def _forms(stems: str, endings: str) -> set[str]:
    """Each stem with each ending ("_": the stem alone)."""
    return {stem + ending.strip("_") for stem in stems.split() for ending in endings.split()}


# Nouns for a people or nationality in Swedish, Norwegian and Danish ("svenskarna", "nordmenn",
# "Danskerne"): never names, capitalised only where a sentence opens with them (§3.4). The
# English plurals ("Syrians", "Iraqis") are the demonyms above with an -s.
NATIONALITY_NOUNS: frozenset[str] = frozenset(
    # the bare "svensk", "dansk" are adjectives, which may open a name ("Dansk Flygtningehjælp")
    _forms("svensk dansk tysk kurd arab turk", "ar arna er erna erne ere ene en")
    | _forms("syrier irakier amerikan araber kurder", "_ na n")
    | _forms("syrer iraker amerikaner tyrker europeer europæer", "_ e ne en")
    | _forms("britter briter brite", "_ na ne n rne")
    | _forms("utlänning utlending udlænding", "_ ar arna er ene en e")
    | {"kurd", "arab", "turk"}
    | {
        "norrman", "norrmän", "norrmännen", "nordmann", "nordmannen", "nordmenn", "nordmennene",
        "nordmand", "nordmanden", "nordmænd", "nordmændene", "fransman", "fransmän",
        "fransmännen", "franskmann", "franskmenn", "franskmennene", "franskmand", "franskmænd",
        "finländare", "finländarna", "européer", "européerna",
    }
)
# endings of Swedish/Norwegian/Danish adjectives, capitalised at a sentence start or in a
# name: "Syrisk-kurdiska", "Kurdiske", "Utrikespolitiska"
ADJECTIVE_ENDINGS: tuple[str, ...] = ("isk", "iska", "iske", "ska", "ske", "sk")

MONTHS_AND_DAYS: frozenset[str] = frozenset(
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday",
        # Swedish, Norwegian and Danish, capitalised where they open a sentence
        "januari", "februari", "mars", "maj", "juni", "juli", "augusti", "oktober", "januar",
        "februar", "mai", "desember", "marts", "måndag", "tisdag", "onsdag", "torsdag", "fredag",
        "lördag", "söndag", "mandag", "tirsdag", "lørdag", "søndag", "måndagen", "tisdagen",
        "onsdagen", "torsdagen", "fredagen", "lördagen", "söndagen", "mandagen", "tirsdagen",
        "lørdagen", "søndagen",
    }
)
# Month abbreviations, dates only with a full stop or a day number after them ("Jan. 20",
# "Sept 3"): "Jan" alone is a first name.
MONTH_ABBREVIATIONS: frozenset[str] = frozenset(
    {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "okt", "nov", "dec", "des"}
)

# First words of Arabic place names ("Tal Abyad", "Ras al-Ain", "Deir Hafer"): a name they
# open is a place, not a person
TOPONYM_OPENERS: frozenset[str] = frozenset(
    {"tal", "tall", "tell", "ras", "deir", "dayr", "ain", "ayn", "jabal", "jebel", "bir", "kafr", "wadi"}
)

# Regnal numbers after a name: "Abdullah II" is a person, "II" no abbreviation
REGNAL_NUMBERS: frozenset[str] = frozenset({"II", "III", "IV", "V", "VI", "VII", "VIII"})

# Titles and offices before a person's name, not part of it (§3.2: «SDF commander Mazloum
# Abdi» -> «Mazloum Abdi»). English words, and endings of the Scandinavian closed compounds
# ("Utrikesminister", "Talespersonen", "Forsvarsministeren").
TITLE_WORDS: frozenset[str] = frozenset(
    {
        "president", "minister", "advisor", "adviser", "secretary", "spokesman", "spokeswoman",
        "spokesperson", "commander", "general", "colonel", "lieutenant", "captain", "chief",
        "director", "ambassador", "envoy", "governor", "mayor", "king", "queen", "prince",
        "sheikh", "emir", "judge", "prosecutor", "senator", "chairman", "chairwoman", "head",
        "leader", "coordinator", "representative", "official", "officer", "mr", "mrs", "ms", "dr",
        "professor", "lawyer", "attorney", "researcher", "analyst", "expert", "reporter",
        "correspondent", "doctor", "advokat", "advokaten", "docent", "lektor",
    }
)
TITLE_ENDINGS: tuple[str, ...] = (
    "minister", "ministern", "ministeren", "talsperson", "talspersonen", "talesperson",
    "talespersonen", "talsman", "talsmannen", "talsmann", "talesmann", "talsmand", "talsmanden",
    "talskvinna", "talskvinne", "talskvinde", "president", "presidenten", "sekreterare",
    "sekretær", "sekretæren", "direktör", "direktøren", "direktør", "sjef", "sjefen", "chef",
    "chefen", "generalen", "kommendant", "kommandant", "kommandør", "befälhavare", "rådgivare",
    "rådgiver", "rådgiveren", "ambassadör", "ambassadør", "ordförande", "ledare", "ledaren",
    "lederen", "borgmester", "borgmästare", "ordfører", "guvernör", "guvernør", "överste", "oberst",
    "talesmannen", "talesmand", "talesmanden", "leder", "forskare", "forskaren", "forsker",
    "forskeren", "experten", "eksperten", "analytikern", "analytikeren", "journalisten",
)
# Arabic articles joined to a name by a hyphen: "al-Hol", "Deir ez-Zor", "Hizb ut-Tahrir"
ARABIC_ARTICLES: frozenset[str] = frozenset(
    {"al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ed", "er", "es", "ez", "ud", "ul", "ur", "us",
     "ut"}
)

# Words that open a capitalised run without being part of a name (titles, articles).
NAME_OPENERS: frozenset[str] = frozenset(
    {
        "the", "a", "an", "mr", "mrs", "ms", "dr", "sir", "president", "minister", "general",
        "colonel", "commander", "sheikh",
    }
)

# Joiners allowed inside one name: "Syrian Observatory for Human Rights".
NAME_JOINERS: frozenset[str] = frozenset(
    {"for", "of", "för", "av", "de", "du", "bin", "ibn", "abu", "of the", "for the"}
)

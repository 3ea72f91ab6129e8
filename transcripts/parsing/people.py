"""Who a label means: "MS. JEAN-PIERRE" → Karine Jean-Pierre, "THE PRESIDENT" → Joe Biden."""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
import json
import re
import threading
from collections.abc import Iterable
from functools import lru_cache

from transcripts.parsing.dates import MONTHS
from transcripts.parsing.labels import CONNECTORS, DATA_DIR, HONORIFICS, UPPER, base_key, is_chinese_name

# A compound post of the languages that write one word for it: "Finansminister Trygve Vedum",
# "külügyminiszter", "valtiovarainministeri", "ministryně".
_COMPOUND_OFFICE = re.compile(r"\w{3,}(?:minister|ministeri|ministerin|miniszter|ministr)$|ministryne$")


class _Titles(set):
    """Title words: those listed, as printed or without accents ("Premiér" is "premier"), and the
    compound posts above."""

    def __contains__(self, key: object) -> bool:
        if super().__contains__(key):
            return True
        folded = base_key(key) if isinstance(key, str) else key
        return super().__contains__(folded) or isinstance(folded, str) and bool(_COMPOUND_OFFICE.match(folded))


TITLE_WORDS = _Titles(
    {
        # Posts that come between an organisation and a name ("Nezavisimaya Gazeta Chief Editor …",
        # "Military Columnist from Komsomolskaya Pravda Viktor Baranets").
        "editor",
        "columnist",
        "correspondent",
        "commentator",
        "chairperson",
        "commander",
        "rector",
        # Kremlin titles: "Presidents Vladimir Putin of Russia and Eduard Shevardnadze of Georgia …".
        "presidents",
        # US posts printed before a surname: "ADMINISTRATOR SLAVITT", "SURGEON GENERAL MURTHY" (the
        # bulk corpus had speakers "Administrator Criswell", "Surgeon Murthy").
        "administrator",
        "surgeon",
        # Posts before a name: "Presidential Aide Andrei Belousov", "JUDGE JACKSON", "Chief Justice …".
        "aide",
        "presidential",
        "judge",
        "justice",
        # Military ranks ("ADMIRAL KIRBY", "COLONEL …"); not "major" (Major Garrett) nor "marshal".
        "admiral",
        "colonel",
        "lieutenant",
        "sergeant",
        "brigadier",
        "commodore",
        "rear",  # "Rear Admiral", and ranks as abbreviated: "RAdm. Daniel Hagari", "Maj. Gen. Pat Ryder"
        "radm",
        "vadm",
        "rdml",
        "ltg",
        "maj",
        # Church offices ("Patriarch of Moscow and All Russia Kirill", "Metropolitan Hilarion"); not
        # "bishop" or "cardinal", which are also surnames (Julie Bishop).
        "patriarch",
        "metropolitan",
        "archbishop",
        # German, French, Spanish, Italian, Russian offices and forms of address, and the
        # abbreviations German government transcripts print ("BK Scholz", "P Macron", "StS").
        "bk",
        "bkin",
        "bk'in",
        "bk’in",
        "bm",
        "bmin",
        "bm'in",
        "sts",
        "srs",
        "srsin",
        "srs'in",
        "srs’in",
        "sts'in",
        "sts’in",
        "regspr",
        "p",
        "pm",
        "mp",
        "mme",
        "herr",
        "frau",
        "bundeskanzler",
        "bundeskanzlerin",
        "bundespräsident",
        "bundesministerin",
        "bundesminister",
        "präsident",
        "präsidentin",
        "ministerin",
        "außenminister",
        "außenministerin",
        "regierungssprecher",
        "sprecher",
        "sprecherin",
        "stellvertretender",
        "stellvertretende",
        "président",
        "présidente",
        "ministre",
        "monsieur",
        "madame",
        "presidente",
        "ministro",
        "ministra",
        "eerste",  # "Eerste minister Alexander De Croo", "Conseiller fédéral Ignazio Cassis", "Consigliere federale …"
        "conseiller",
        "conseillere",
        "consigliere",
        "federale",
        "primeiro",  # "Primeiro-Ministro", "Primer Ministro"
        "primeira",
        "primer",
        "primera",
        "canciller",
        # Nordic and Dutch posts: "Statsminister Ulf Kristersson", "Utenriksminister Espen Barth Eide",
        # "Premier Mark Rutte" (Dutch "minister-president" is two title words joined).
        "statsminister",
        "statsministeren",
        "utrikesminister",
        "utenriksminister",
        "udenrigsminister",
        "pääministeri",
        "ulkoministeri",
        "presidentti",
        # German, Swiss, Spanish and Polish posts ("Bundesrätin Karin Keller-Sutter", "Ministerpräsident Markus
        # Söder", "Vicepresidenta Francia Márquez", "Wicepremier …"), compared without accents.
        "bundesrat",
        "bundesratin",
        "staatssekretar",
        "staatssekretarin",
        "ministerprasident",
        "ministerprasidentin",
        "kanzler",
        "kanzlerin",
        "burgermeister",
        "burgermeisterin",
        "vicepresidente",
        "vicepresidenta",
        "vicecanciller",
        "wicepremier",
        "wiceminister",
        # Turkish and Indonesian posts: "Dışişleri Bakanı Hakan Fidan", "Menteri Luar Negeri Retno Marsudi".
        "secretário",
        "secretária",
        "secretario",
        "geral",
        # Hindi: "आधिकारिक प्रवक्ता, श्री रणधीर जायसवाल" (Official Spokesperson, Shri …), "विदेश मंत्री" (Foreign Minister).
        "श्री",
        "श्रीमती",
        "आधिकारिक",
        "प्रवक्ता",
        "विदेश",
        "मंत्री",
        "सचिव",
        "प्रधानमंत्री",
        "राष्ट्रपति",
        # Arabic: "المتحدث الرسمي باسم وزارة الخارجية، الدكتور ماجد الأنصاري" (the official spokesperson of the
        # Ministry of Foreign Affairs, Dr …), "وزير الخارجية" (foreign minister), "معالي" (His Excellency).
        "المتحدث",
        "الرسمي",
        "باسم",
        "وزارة",
        "الخارجية",
        "الدكتور",
        "وزير",
        "معالي",
        "سعادة",
        "الوزير",  # the Minister, the President, President (of)
        "الوزيرة",
        "الرئيس",
        "رئيس",
        "سمو",  # His Highness, Sheikh, His Excellency (of a head of state), Mr, Mrs
        "السمو",
        "صاحب",
        "الشيخ",
        "الشيخة",
        "فخامة",
        "السيد",
        "السيدة",
        # Hebrew: "ראש הממשלה נתניהו" (the Prime Minister), "שר החוץ" (the Foreign Minister), "הנשיא" (the
        # President), "דובר" (spokesperson).
        "ראש",
        "הממשלה",
        "שר",
        "שרת",
        "החוץ",
        "הנשיא",
        "נשיא",
        "דובר",
        "דוברת",
        # Persian: "سخنگوی وزارت امور خارجه، ناصر کنعانی" (the spokesperson of the Ministry of Foreign Affairs).
        "سخنگوی",
        "وزارت",
        "امور",
        "خارجه",
        "وزیر",
        "الأمين",
        "العام",
        "bakan",
        "bakanı",
        "dışişleri",
        "cumhurbaşkanı",
        "başbakan",
        "sözcüsü",
        "luar",
        "negeri",
        "statsråd",
        "statssekretær",
        "statssekreterare",
        # Central and East European posts (compared without accents): "Premiér Petr Fiala", "Ministr
        # zahraničí", "Predsjednik Vlade", "Prezydent", "Rzecznik", "Premierul", "Miniszterelnök".
        "ministr",
        "prezident",
        "prezidentka",
        "mluvci",
        "predseda",
        "predsedkyne",
        "premijer",
        "ministar",
        "predsjednik",
        "predsjednica",
        "prezydent",
        "rzecznik",
        "rzeczniczka",
        "premierul",
        "ministrul",
        "presedintele",
        "miniszterelnok",
        "miniszter",
        # The EU's High Representative/Vice-President, the OSCE's chair.
        "hr",
        "vp",
        "chairperson-in-office",
        "president-in-office",
        "señor",
        "señora",
        "sr",
        "sra",
        "signor",
        "gentleman",  # "Second Gentleman" (the Vice President's husband) is an office
        "gentlemen",
        "second",
        # Russian and Ukrainian offices in the cases titles put them ("Интервью Министра …").
        "министра",
        "министром",
        "министру",
        "президента",
        "президентом",
        "председателя",
        "заместителя",
        "официального",
        "представителя",
        "пресс-секретаря",
        "посла",
        "главы",
        "міністра",
        "речника",
        "голови",
        # Indonesian and Vietnamese offices: "Menlu Retno Marsudi", "Người phát ngôn Phạm Thu Hằng".
        "menlu",
        "menteri",
        "presiden",
        "wakil",
        "jubir",
        "juru",
        "bicara",
        "người",
        "phát",
        "ngôn",
        "bộ",
        "trưởng",
        "thứ",
        "ngoại",
        "giao",
        # Abbreviated ranks and posts: "SEC. AUSTIN", "GEN. BROWN", "Amb. Thomas-Greenfield".
        "sec",
        "usec",  # the Philippines' Undersecretary, Assistant Secretary, Attorney ("USEC. GARAFIL:")
        "fm",  # "FM DENDIAS:" (as "PM" is above)
        "eam",  # India's External Affairs Minister ("EAM:"), Deputy Prime Minister, Secretary-General
        "dpm",
        "sg",
        "asec",
        "atty",
        "gen",
        "adm",
        "lt",
        "col",
        "capt",
        "sgt",
        "brig",
        "amb",
        "rep",
        "sen",
        "gov",
        "президент",
        "министр",
        "г-н",
        "г-жа",
        "president",
        "vice",
        "prime",
        "minister",
        "ministers",
        "foreign",
        "ministry",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "secretary",
        "press",
        "deputy",
        "director",
        "chair",
        "chairman",
        "ceo",
        "chairwoman",
        "chancellor",
        "federal",
        "state",
        "councilor",
        "councillor",
        "ambassador",
        "representative",
        "special",
        "senior",
        "adviser",
        "advisor",
        "national",
        "security",
        "coordinator",
        "communications",
        "council",
        "nsc",
        "omb",
        "cea",
        "assistant",
        "general",
        "king",
        "queen",
        "crown",
        "prince",
        "premier",
        "leader",
        "governor",
        "mayor",
        "senator",
        # US members of Congress and of state and city bodies ("CONGRESSWOMAN GARCIA:" was a speaker
        # "Congresswoman Garcia"), and the leaders of its parties ("Majority Leader Chuck Schumer").
        # More posts and forms of address before a name: "APNSA Jake Sullivan", "COACH KERR", "FATHER
        # KARLOUTSOS" (speakers of the bulk corpus with the post in their name).
        "apnsa",
        "coach",
        "father",
        "reverend",
        "rabbi",
        "imam",
        "pastor",
        "congressman",
        "congresswoman",
        "congressmember",
        "assemblyman",
        "assemblywoman",
        "assemblymember",
        "councilman",
        "councilwoman",
        "councilmember",
        "majority",
        "minority",
        "envoy",
        "high",
        "commissioner",
        "head",
        "his",
        "her",
        "excellency",
        "majesty",
        "highness",
        "official",
        "officials",
        "administration",
        "first",
        "lady",
        "chief",
        "executive",
        "acting",
        "permanent",
        "member",
        "members",
        "speaker",
        "sheikh",
        "emir",
        "sultan",
        "grand",
        "duke",
        "the",
        "mr",
        "mrs",
        "ms",
        "dr",
        "h.e",
        "madam",
        "sir",
        "defense",
        "defence",
        "finance",
        "economic",
        "economy",
        "trade",
        "affairs",
        "interior",
        "health",
        "energy",
        "union",
        "european",
        "commission",
        "nato",
        "un",
        "united",
        "nations",
        "white",
        "house",
        "kremlin",
        "russian",
        "chinese",
        "american",
        "us",
        "u.s",
        "strategic",
        "cabinet",
        "budget",
        "management",
        "office",
        "agency",
        "department",
        "treasury",
        "attorney",
        "labor",
        "education",
        "transportation",
        "homeland",
        "commerce",
        "agriculture",
        "mfa",
    }
)
EVENT_WORDS = {
    "regular",
    "conference",
    "briefing",
    "remarks",
    "statement",
    "statements",
    "interview",
    "joint",
    "news",
    "gaggle",
    "call",
    "background",
    "on-the-record",
    "record",
    "answers",
    "questions",
    "media",
    "meeting",
    "talks",
    "speech",
    "address",
    "transcript",
    "session",
    "summit",
    "visit",
    "following",
    "opening",
    "closing",
    "q&a",
    "availability",
    "availabilities",
    "stakeout",
    "doorstop",
    "readout",
    "roundtable",
    "round-table",
    "hearing",
    "testimony",
    "debate",
    "debates",
    "sitting",
    "plenary",
    "toast",
    "toasts",
    "op-ed",
    "article",
    # Events a title is about ("Russia-Kazakhstan Interregional Cooperation Forum" is nobody).
    "forum", "ceremony", "reception", "dinner", "luncheon", "festival", "exhibition", "award", "awards",
    "celebration", "anniversary", "parade", "concert", "competition", "championship", "olympics", "expo",
    "symposium", "seminar", "workshop", "convention", "prix",
    # Russian and Ukrainian titles ("Интервью Министра иностранных дел … С.В.Лаврова газете …").
    "интервью", "выступление", "брифинг", "ответы", "заявление", "статья", "беседа", "пресс-конференция",
    "совместная", "вступительное", "слово", "інтерв'ю", "інтерв’ю", "виступ", "заява",
    # … and those of other languages: "Declarações do Primeiro-Ministro Luís Montenegro após …" was a name.
    "declarações", "declaração", "declaraciones", "declaración", "déclaration", "déclarations", "dichiarazioni",
    "dichiarazione", "erklärung", "pressestatement", "pressestatements", "pressekonferenz", "rede", "rueda",
    "entrevista", "intervista", "entretien", "discurso", "discours", "discorso", "comparecencia", "conferência",
    "conferencia", "conférence", "conferenza", "intervención", "intervenção", "intervento", "coletiva",
    "mañanera", "konferencja", "wywiad", "przemówienie", "rozhovor", "projev", "sajtótájékoztató", "toplantısı",
    "açıklama", "konuşma", "röportaj", "pidato", "sidang", "kenyataan", "ucapan", "wawancara", "keterangan",
    "persconferentie", "toespraak", "verklaring", "pressekonferanse", "presskonferens", "tiedotustilaisuus",
}  # fmt: skip
EVENT_WORDS |= {base_key(word) for word in EVENT_WORDS}


@lru_cache(maxsize=1)
def gazetteer_people() -> tuple[dict, ...]:
    with open(DATA_DIR / "people.json", encoding="utf-8") as fh:
        return tuple(json.load(fh)["people"])


@lru_cache(maxsize=1)
def _person_countries() -> dict[str, str]:
    return {person["name"]: person.get("country") for person in gazetteer_people()}


@lru_cache(maxsize=1)
def publishers() -> tuple[dict, ...]:
    with open(DATA_DIR / "publishers.json", encoding="utf-8") as fh:
        return tuple(json.load(fh)["publishers"])


@lru_cache(maxsize=1)
def _publisher_countries() -> dict[str, str]:
    """Each publisher's name and alias -> its country ("The White House" -> "US")."""
    return {name: p.get("country") for p in publishers() for name in (p["name"], *p.get("aliases", []))}


@lru_cache(maxsize=1)
def gazetteer_keys() -> dict[str, str]:
    """Every name and alias key in the gazetteer -> the person's canonical name."""
    keys: dict[str, str] = {}
    for person in gazetteer_people():
        for alias in (*person.get("aliases", []), *person.get("label_aliases", []), person["name"]):
            keys[base_key(alias)] = person["name"]
    return keys


def _tokens(text: str) -> list[str]:
    text = text.replace("_", " ")  # "Jared\_Bernstein" in a Markdown title
    return re.findall(r"[\w'’.\-\u00C0-\u024F\u0400-\u04FF]+|[,;:()&/|]", text)


# Lower-case particles that continue an Arabic name: "Abdel Fattah el-Sisi", "Fayez al-Sarraj".
_NAME_PARTICLE = re.compile(rf"^(?:al|el|ad|as|ash|bin|ibn|abu)-[{UPPER}]")
# Title words that also qualify other nouns ("Eastern Economic Forum", "National Theatre Award"):
# after them a single capitalised word is not taken for a surname.
_ADJECTIVAL_TITLE_WORDS = {
    "national", "economic", "security", "foreign", "federal", "senior", "special", "state", "united", "nations",
    "union", "european", "commission", "white", "house", "russian", "chinese", "american", "us", "u.s", "strategic",
    "finance", "trade", "affairs", "interior", "justice", "health", "energy", "economy", "nato", "un", "kremlin",
}  # fmt: skip
_PLACE_OR_TIME_WORDS = {
    "on", "in", "at", "during", "before", "after", "from", "into", "over", "amid", "via", "upon", "following",
    "regarding", "ahead", "as", "and",
}  # fmt: skip
_FUNCTION_WORDS = {
    "what", "they", "are", "is", "was", "were", "we", "you", "how", "why", "who", "this", "that", "these",
    "those", "our", "your", "their", "its", "it", "he", "she", "i", "my", "his", "her", "not", "no", "yes",
}  # fmt: skip
# Words that end the name of an event, after which the capitalised words before are that name.
_EVENT_NAME_ENDS = {
    "forum", "championship", "championships", "cup", "prix", "games", "olympics", "festival", "expo",
    "exhibition", "congress", "assembly", "summit", "conference", "convention", "symposium", "awards", "award",
    "ceremony", "parade", "marathon", "league", "tournament",
}  # fmt: skip
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
# Numbers written out, never a name: "Security Council Seventy-ninth year", "Sixty-Third Session".
_NUMBER_WORD = re.compile(
    r"^(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-?)?"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|first|second|third|fourth|fifth|sixth"
    r"|seventh|eighth|ninth|tenth|eleventh|twelfth|(?:thir|four|fif|six|seven|eigh|nine)teen(?:th)?"
    r"|(?:twent|thirt|fort|fift|sixt|sevent|eight|ninet)(?:y|ieth)|hundred(?:th)?)$"
)


_WITH_INITIALS = re.compile(rf"^(?:[{UPPER}]\.){{1,3}}[{UPPER}][\w'’\-]+$")


def names_in(text: str, anchored: bool = False, positions: bool = False) -> list:
    """Person-like names in a title: "Press Secretary Karine Jean-Pierre" → ["Karine Jean-Pierre"].

    A run of capitalised words, two or more (or one after an office). Not names: capitalised
    function words of title case ("Homage To Marius Petipa": "To" ends the run), months and
    weekdays ("On September 10"), a run after "the" ("the Great Victory", "the Golden Mask"), and
    the country of an office ("President of Egypt Abdel Fattah el-Sisi" → "Abdel Fattah el-Sisi").

    `anchored`: only names placed where a title puts its speaker — first, after an office, after
    "by", or followed by "'s" or ":" ("Shared Responsibility to History" is not one). A run after
    "on", "in", "at" … is a place or a date ("On Christmas Eve", "in Moscow"), never anchored.
    `positions`: (name, where it starts in `text`) pairs."""
    tokens = _tokens(text)
    found: list[str] = []
    run: list[str] = []
    after_title = office_of = office_for = after_the = False
    start = 0
    flags: dict = {}

    def close(end: int, possessive: bool = False):
        nonlocal run
        if not possessive and end < len(tokens) and base_key(tokens[end]).strip(".") in _EVENT_NAME_ENDS:
            run = []  # "International Volunteer Forum", "Combat Sambo League championship": an event's name
            return
        # After "President of": the country, then the name; the country alone is no name
        # ("The Presidents of Russia and Belarus", "Union of Industrialists").
        words = _without_country(run) if flags.get("office_of") else run
        if flags.get("office_of") or flags.get("after_title"):
            # What the office is of, then the name: "… Office of Public Engagement Keisha Lance Bottoms".
            cut = max(
                (n for n, w in enumerate(words[:-2]) if _possessive_off(base_key(w)) in _ORGANISATION_WORDS), default=-1
            )
            # After "for" a name only follows what the office is for ("Senior Advisor for Public Engagement
            # Keisha Lance Bottoms"); "Council for Civil Society" names nobody.
            named = cut >= 0 or len(words) < len(run)  # what the office is for came first, then a name
            words = words[cut + 1 :] if named or not flags.get("office_for") else []
        bodies = [
            n
            for n, w in enumerate(words)
            if any(_possessive_off(base_key(p)) in _ORGANISATION_WORDS for p in w.split("-"))
        ]
        if bodies:
            # "… Council for Civil Society Institutions Development", "… Cooperation Forum": no one; "… for
            # Cyber and Emerging Technology Anne Neuberger": the two words or more after the body are a name.
            words = words[bodies[-1] + 1 :] if len(words) - bodies[-1] > 2 else []
        if _CYRILLIC.search(" ".join(words)) and (len(words) > 2 or len(words) == 2 and "." in words[-1]):
            # "Российской Федерации С.В.Лаврова", "МЗС України Олега Ніколенка": what precedes a Russian
            # or Ukrainian name in a title is its office's country or ministry; the name is the last
            # two words, or one written with initials.
            words = words[-1:] if "." in words[-1] else words[-2:]
        enough = (
            len(words) >= 2
            or flags.get("after_title")
            and not flags.get("office_of")
            or len(words) == 1
            and _WITH_INITIALS.match(words[0])  # "С.В.Лаврова"
        )
        while len(words) > 2 and re.fullmatch(r"[A-Z]{2,5}", words[-1]) and not re.fullmatch(r"[IVXL]+", words[-1]):
            words = words[:-1]  # "Fareed Zakaria GPS": a show's or an outlet's initials, not the name's end
        if words and enough and not flags.get("after_the"):
            following = tokens[end] if end < len(tokens) else ""
            preceding = tokens[start - 1].lower() if start > 0 else ""
            placed = (
                start == 0
                or flags.get("after_title")
                or preceding in ("by", ",", "(", "—", "–")
                or possessive
                or following == ":"
            ) and preceding not in _PLACE_OR_TIME_WORDS
            name = " ".join(words)
            if name not in [f[0] for f in found] and (placed or not anchored):
                found.append((name, _offset(text, tokens, start, words)))
        run = []

    for index, token in enumerate(tokens):
        word = re.sub(r"(’s|'s)$", "", token)
        possessive = word != token
        key = word.lower().strip(".")
        capital = word[:1].isupper()
        after = index + 1
        while after < len(tokens) and tokens[after] in _NAME_PARTICLES:
            after += 1  # "von der Leyen"
        following = tokens[after] if after < len(tokens) else ""
        # "… al Corriere della Sera": a preposition before a paper's or a place's name, not "bin Zayed al Nahyan".
        of_after = after + 1 < len(tokens) and tokens[after + 1].lower() in _OF_WORDS - {"of", "der"}
        if run and (_NAME_PARTICLE.match(word) or word in _NAME_PARTICLES and following[:1].isupper() and not of_after):
            capital = True  # "Mohamed bin Zayed Al Nahyan", "Ursula von der Leyen", "Lula da Silva"
        dated = key in MONTHS and _next_to_number(tokens, index)  # "On September 10", not "Marco Rubio"
        stop = key in _TITLE_CASE_STOPS or dated or key in _WEEKDAYS or key in ("the", "a", "an", "all")
        stop = stop or bool(_NUMBER_WORD.match(key)) or key in _FUNCTION_WORDS  # "WHAT THEY ARE SAYING"
        honorific = key in HONORIFICS and not run  # "M. Jean-Noël Barrot", "Dr Vivian Balakrishnan"
        # "Secretary-General", "Vice-President": a post of title words joined.
        title_word = key in TITLE_WORDS or "-" in key and all(part in TITLE_WORDS for part in key.split("-"))
        if capital and not stop and not honorific and not title_word and key not in EVENT_WORDS and len(word) > 1:
            if not run:
                start = index
                flags.update(
                    after_title=after_title,
                    office_of=office_of,
                    office_for=office_for,
                    after_the=after_the and not office_of,
                )
            run.append(word if _INITIAL.match(word) or word.lower() in ("jr.", "sr.") else word.strip("."))
            if possessive:
                close(index + 1, possessive=True)
                after_title = office_of = office_for = after_the = False
            continue
        close(index)
        office_of = after_title and (key in _OF_WORDS or key == "for") or office_of and key == "the"
        office_for = office_of and (key == "for" or office_for and key == "the")
        # "the President's Trip to Asia": what belongs to an office is no name.
        after_title = (
            capital and (title_word or honorific) and key not in _ADJECTIVAL_TITLE_WORDS and not possessive or office_of
        )
        after_the = key == "the"
    close(len(tokens))
    return found if positions else [name for name, _ in found]


def _next_to_number(tokens: list[str], index: int) -> bool:
    """A month name is a date's where a day or a year stands beside it ("May 3", "3 May 2024")."""
    near = tokens[max(index - 1, 0) : index] + tokens[index + 1 : index + 2]
    return any(re.fullmatch(r"\d{1,4}(?:st|nd|rd|th|er|\.)?,?", token) for token in near)


def _possessive_off(word: str) -> str:
    """ "council's" → "council"; "advisers" stays (stripping the letters ' and s took its s)."""
    return re.sub(r"[’']s$", "", word).strip(".,’'")


def _offset(text: str, tokens: list[str], start: int, words: list[str]) -> int:
    """Where the name starts in the text (the n-th occurrence of its first word as a token)."""
    nth = sum(1 for t in tokens[:start] if re.sub(r"(’s|'s)$", "", t).strip(".") == words[0])
    at = -1
    for _ in range(nth + 1):
        at = text.find(words[0], at + 1)
    return max(at, 0)


def _without_country(words: list[str]) -> list[str]:
    """The run after "President of": its leading country name dropped ("Egypt Abdel Fattah")."""
    for cut in range(min(len(words) - 1, 4), 0, -1):
        if " ".join(words[:cut]).lower() in _country_names():
            return words[cut:]
    while len(words) > 2 and not_a_name(words[0]):  # "Ministro degli Esteri Antonio Tajani"
        words = words[1:]
    return words


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    import pycountry

    names = set()
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names.add(value.lower())
    return frozenset(
        names
        | {
            "russia",
            "iran",
            "syria",
            "venezuela",
            "bolivia",
            "tanzania",
            "vietnam",
            "laos",
            "south korea",
            "north korea",
            "korea",
            "taiwan",
            "moldova",
            "czech republic",
        }
    )


# Titles naming the other party, not the speaker: "Telephone conversation with …", "Greetings to …".
_OBJECT_OF_TITLE = re.compile(
    r"\b(?:(?:conversations?|meetings?|meets?|met|talks?|talked|spoke|calls?|called|messages?|telegrams?|"
    r"letters?)\s+(?:with|to)|"
    # … and with words between: "spoke by telephone with German Chancellor …", "Telephone conference
    # with David Cameron, Francois Hollande …" (not a press conference with its speaker), "sends a
    # reply on … to King Fahd", "Presenting the Order of St Andrew to President of China Xi Jinping".
    r"(?:spoke|speaks|(?<!press )(?<!news )conference|(?:video|telephone|phone)\s+call|sends?|sent|reply|"
    r"replies|presenting|presented|presents|awarding|awarded|awards)\b[^;:.!?]*?\s(?:with|to)\s|"
    r"(?:greetings|condolences|congratulations)\s+(?:to|on|over)|"
    # "Background Press Call on the Upcoming Visit of President Marcos": the visitor is not who talks.
    r"visits?\s+of|funeral\s+of)\b[^;:.!?]*$",
    re.IGNORECASE,
)


def is_other_party(title: str, at: int) -> bool:
    """Whether the name starting at `at` in `title` is the one met, called or greeted."""
    return at > 0 and bool(_OBJECT_OF_TITLE.search(title[:at]))


def titlecase(name: str) -> str:
    prefix = re.fullmatch(r"(Mc|Mac|De|Di|La|Le|Van|Von)([A-Z'’\-]{2,})", name)
    if prefix:  # a printed hearing's "McCAUL", "DeSANTIS"
        return prefix[1] + titlecase(prefix[2])
    if name.isupper():
        return (
            "-".join(part.capitalize() for part in name.lower().split("-")).replace(" ", " ")
            if " " not in name
            else " ".join(titlecase(p) for p in name.split())
        )
    return name


_HONOURABLE = {"hon", "honourable", "honorable"}


# A given name and a surname printed without the space between ("VladimirPUTIN", "VladimirPutin" in
# Kremlin pages); not "MacArthur", "DeSantis", "FitzGerald" (a prefix of four letters or more, not Fitz).
_GLUED_NAME = re.compile(r"^(?!Fitz)([A-Z][a-z]{3,})([A-Z]{3,}|[A-Z][a-z]{2,})$")


_LONG_TITLES = (
    "representative", "congressman", "congresswoman", "ambassador", "administrator", "commissioner",
    "secretary", "president", "spokesperson", "spokeswoman", "chairwoman", "chairperson", "governor",
)  # fmt: skip


@lru_cache(maxsize=4096)
def _misspelt_title(word: str) -> bool:
    """A long post misspelt ("REPSENTATIVE BASS" was a speaker "Repsentative Bass"): nine letters or
    more, nearly a post of as many letters (no surname is that close to one)."""
    if len(word) < 9 or not word.isalpha():
        return False
    return any(
        len(title) >= 9
        and abs(len(title) - len(word)) <= 2
        and difflib.SequenceMatcher(None, word, title).ratio() >= 0.88
        for title in _LONG_TITLES
    )


# Ranks and posts abbreviated ("SEC. AUSTIN", "GEN. BROWN"): before a name only.
_ABBREVIATED_TITLES = frozenset("sec usec fm asec atty gen adm lt col capt sgt brig amb rep sen gov".split())


# Malaysian and Bruneian honours before a name: "Dato' Seri Utama Haji Mohamad bin Haji Hasan", "Tan Sri
# Muhyiddin Yassin", "YB Fahmi Fadzil" (only where they open it: "Kyaw Moe Tun", "Tan See Leng").
_MALAY_FIRST_HONOUR = (
    r"Yang\s+(?:Amat\s+)?(?:Berhormat|Mulia)|YAB|YB|Tun|Toh\s+Puan|(?:Tan|Puan)\s+Sri|Dato['’]?|Datuk|Datin|Pehin"
)
_MALAY_HONOURS = re.compile(
    rf"^(?:{_MALAY_FIRST_HONOUR})\s+(?:(?:{_MALAY_FIRST_HONOUR}|Seri|Sri|Utama|Paduka|Panglima|Diraja|Haji|Hajah|Hj\.)\s+)*"
)


def strip_titles(name: str) -> str:
    """Remove honorifics and leading titles: "President of Russia Vladimir Putin" → "Vladimir Putin"."""
    if (honours := _MALAY_HONOURS.match(name)) and name[honours.end() :].strip():
        name = name[honours.end() :]
    tokens = [
        part
        for token in name.replace("(", " ").replace(")", " ").split()
        for part in _GLUED_NAME.sub(r"\1 \2", token).split()
    ]
    out: list[str] = []
    i = 0
    while i < len(tokens):
        key = tokens[i].lower().strip(".")
        joined = re.split(r"[-/]", key)  # "Secretary-General", "HR/VP", "Representative/Vice-President"
        if key in ("rt", "right") and i + 1 < len(tokens) and base_key(tokens[i + 1]).strip(".") in _HONOURABLE:
            i += 2  # "Rt Hon Christopher Luxon", "The Right Honourable …"
            continue
        if (
            key in HONORIFICS
            or key in TITLE_WORDS
            and not (out and key in _ABBREVIATED_TITLES)  # after a name, part of it: "HUN SEN" is Hun Sen
            and not (key == "white" and base_key(" ".join(tokens[i + 1 : i + 2])) != "house")  # "MR. WHITE"
            or (len(joined) > 1 and all(p in TITLE_WORDS for p in joined))
            or not out
            and _misspelt_title(key)  # a misspelt post opens the label ("REPSENTATIVE BASS")
        ):
            i += 1  # "Secretary-General" as much as "Secretary General"
            if out and i < len(tokens) - 1:
                out = []  # "Collective Farm Chairman Alexei Lavrinenko": what came before the title is its place
            continue
        if not out and (
            key == "the" or i > 0 and (key in _OF_WORDS or key in ("from", "for") or tokens[i] in ("van", "voor"))
        ):
            # "President of Russia …", "Chancellor of the Federal Republic of Germany …", "Ministro degli
            # Esteri …", "LE PRÉSIDENT DE LA RÉPUBLIQUE": skip the office's object, keep the name after it.
            j = i
            while j < len(tokens) and (tokens[j].lower() in CONNECTORS | _OF_WORDS or not_a_name(tokens[j])):
                j += 1
            i = _name_at_end(tokens, j)
            continue
        out.append(tokens[i])
        i += 1
    # "King Abdullah II of Jordan", "Patriarch Kirill of Moscow and All Russia": what follows the name
    # after "of" is the office's see or country.
    cut_of = next((n for n, word in enumerate(out) if n > 0 and word == "of"), None)
    if cut_of is not None:
        out = out[:cut_of]
    # "Minister for North Caucasus Affairs": an office and what it is for, no name.
    if out and out[0].lower() in ("for", "and", "of", "the", "to"):
        return ""
    # "… of the Polar Explorers Association Nikolai Kornilov": the name follows the organisation.
    cut = max((n for n, word in enumerate(out[:-2]) if word.lower().strip(".,") in _ORGANISATION_WORDS), default=-1)
    out = out[cut + 1 :]
    # A post in lower case before the name: "Roscosmos cosmonaut Yury Malenchenko", "Producer of the film
    # Frontier Dzhanik Fayziyev" — the name is the capitalised words after the last such word.
    lower = [
        n
        for n, word in enumerate(out[:-2])
        if word[:1].islower() and word.lower() not in CONNECTORS and word not in _NAME_PARTICLES
    ]
    if lower and not any(word.endswith(",") for word in out):  # not "Valeriya Korableva, reporter at Channel One"
        out = out[lower[-1] + 1 :]
        out = out[_name_at_end(out, 0) :] if len(out) > 2 else out
    return " ".join(out)


# "of" in the languages of the offices we see: "Ministro degli Esteri", "Président de la République".
_OF_WORDS = {"of", "de", "del", "della", "degli", "dei", "delle", "des", "du", "di", "da", "do", "dos", "das", "der"}
# Particles inside a name ("Lula da Silva", "von der Leyen", "bin Salman").
_NAME_PARTICLES = {
    "da",
    "de",
    "di",
    "do",
    "dos",
    "das",
    "van",
    "von",
    "der",
    "den",
    "bin",
    "ibn",
    "al",
    "el",
    "la",
    "le",
}
# What a ministry or an office is of, in the languages we see ("Esteri", "Affaires étrangères").
_OFFICE_OBJECT_WORDS = {
    "esteri", "exteriores", "exterior", "affaires", "etrangeres", "relacoes", "relaciones", "asuntos", "affari",
    "auswartigen", "estrangeiros", "internacional", "internazionale", "cooperacion", "cooperazione", "defensa",
    "difesa", "defense", "interieur", "interno", "hacienda", "economia", "finances", "finanzas", "finanze",
    "justicia", "giustizia", "republique", "republica", "repubblica", "republik", "federation", "kingdom",
    "europe", "europeennes", "gobierno", "governo", "gouvernement", "bundesregierung", "amtes", "amt",
    "bundeskanzlers", "bundesministeriums", "ministeriums", "negocios",
}  # fmt: skip


# Words that stand where a name would and are none: the number of an anonymous official ("SENIOR
# ADMINISTRATION OFFICIAL ONE"), a pronoun or article left of a label's typo ("HE PRESIDENT").
_NOT_NAMES = {
    *"one two three four five six seven eight nine ten first second third fourth fifth number".split(),
    *"i you he she it we they him her his its us them me my our your their".split(),
    *"the a an this that these those there here who what which".split(),
}
# A document, not its author ("Executive Order on …", a Kremlin title's "Order").
_DOCUMENT_WORDS = set("order decree law resolution declaration agreement treaty protocol memorandum communique".split())
_NOT_NAMES |= _DOCUMENT_WORDS


# The last word of an event, a law, a programme: "World War", "New Year", "Victory Day", "Direct
# Line", "Bipartisan Infrastructure Law", "Task Force", "St Petersburg International [Forum]".
_EVENT_WORDS = {
    *"war law year day line force act plan forum summit conference games cup programme program".split(),
    *"initiative week festival prize award international olympics expo".split(),
    # … or of a place, a body, a thing: "Red Square", "Crimean Bridge", "Immortal Regiment", "Perm
    # Territory", "West Point", "Emergency Situations [Ministry]". Not "hall", "park", "church",
    # "house", "lake", "bank", "plant": surnames too.
    *"square bridge regiment territory region district oblast krai republic point centre center".split(),
    *"street avenue council committee ministry service agency fleet army navy university academy".split(),
    *"institute school college hospital station airport canal river sea island islands peninsula".split(),
    *"company corporation fund foundation medal monument memorial stadium museum theatre theater".split(),
    *"cathedral monastery palace culture situations enforcement inc llc ltd corp".split(),
    # "Visit to Artek International Children’s Centre", "Tour of exhibition Modern Sport", "… of the
    # Commonwealth of Independent States" gave a title's principal.
    *"children sport sports states prizes awards medals presidium exhibition".split(),
}
# Alone, the nouns of a body or an event that are no one's surname: "Winners of the 2019 Presidential
# Prize …", "… at a meeting of the State Council Presidium" gave the principals "Prize" and "Presidium".
_BODIES_ALONE = {
    *"prize prizes award awards presidium council committee ministry summit forum conference festival".split(),
    *"programme program initiative olympics expo territory region district oblast krai republic centre".split(),
    *"center academy university institute company corporation foundation museum exhibition children".split(),
}
# A verb inside a title's words, not a name: "Vladimir Putin Sent [a letter]", "Biden Designates
# Springfield [1908 Race Riot National Monument]".
_VERBS_IN_TITLES = set(
    "sent sends said says signed signs met meets designates designated announces announced holds held "
    "visits visited congratulates congratulated addresses addressed receives received attends attended "
    # A headline in title case: "Security Council Fails to Adopt Resolution …" (was the speaker "Fails").
    "fails urges calls adopts condemns welcomes stresses warns rejects approves extends renews debates "
    "elects appoints concludes reaffirms discusses considers demands expresses hears tells briefs".split()
)


def plausible_name(name: str) -> bool:
    """Whether `name` can be a person's: not only pronouns, numbers and articles, no number
    ("COVID-19" of a title), not (of two words or more) a place or organisation the gazetteer file
    knows ("North Carolina", "Far East") nor an event or a law. A speaker becomes a person entity
    whose name is matched in every transcript: over the bulk corpus "One" had 2,613 mentions, "He"
    1,939, "World War" 462, "North Carolina" 402, "Far East" 296, "New Year" 267."""
    key = base_key(name)
    words = [word.strip(".,") for word in key.replace("-", " ").split()]
    if any(word.isdigit() for word in words):
        return False  # "COVID-19" ("CCTV4:" asking stays a name, as a label's outlet)
    if not words or all(word in _NOT_NAMES for word in words):
        return False
    if any(word.endswith("-level") for word in key.split()):
        return False  # "Top-level Russian-French [talks]", "High-level Russian-Chinese [meeting]"
    # Of two words or more: "MR. JORDAN" (Jim Jordan) and a UN record's "GERMANY:" stay speakers.
    if len(words) >= 2 and any(word in _VERBS_IN_TITLES for word in words[1:]):
        return False
    if len(words) >= 2 and words[0] in _known_non_persons() and words[0] not in _FIRST_NAMES_OF_PLACES:
        return False  # a country or place first: "Russia Land" (of "Russia – Land of Opportunity forum")
    if len(words) < 2:
        return words[0] not in _BODIES_ALONE and words[0] not in _VERBS_IN_TITLES
    return words[-1] not in _EVENT_WORDS and key not in _known_non_persons()


def _document_word(name: str) -> bool:
    return base_key(name).strip(".,") in _DOCUMENT_WORDS


# Places that are also given names and surnames: "Chad Wolf", "India Walton", "Paris Hilton",
# "Jim Jordan", "Congressman Jordan". Only these single words are judged by their neighbours.
PERSON_NAMES_TOO = {
    "chad", "jordan", "india", "georgia", "paris", "israel", "kenya", "chelsea", "sydney", "victoria",
    "florence", "madison", "austin", "jackson", "lincoln", "charlotte", "dallas", "houston", "virginia",
    "carolina", "camden", "washington", "holland",
}  # fmt: skip
# … and more places that open people's names, for `plausible_name` only ("Santiago Peña", "Cuba Gooding"):
# in running text these are the places far more often than the people.
_FIRST_NAMES_OF_PLACES = PERSON_NAMES_TOO | {
    "santiago", "sofia", "lima", "regina", "adelaide", "cuba", "america", "ireland", "tennessee", "montana",
    "asia", "savannah", "phoenix", "orlando", "aurora",
}  # fmt: skip


@lru_cache(maxsize=1)
def _known_non_persons() -> frozenset[str]:
    """Countries, US states and the places, organisations, outlets and treaties of the curated
    gazetteer file, by every name, as keys (read here: the entities package builds on the parser)."""
    import pycountry

    with open(DATA_DIR / "entities.json", encoding="utf-8") as fh:
        data = json.load(fh)
    names = {*_country_names(), *data["countries"]["rename"].values()}
    names |= {alias for aliases in data["countries"]["aliases"].values() for alias in aliases}
    names |= {s.name for s in pycountry.subdivisions.get(country_code="US") or ()}
    for section in ("organisations", "places", "media", "treaties"):
        names |= {name for entry in data[section] for name in (entry["name"], *entry.get("aliases", []))}
    return frozenset(base_key(name) for name in names)


def not_a_name(token: str) -> bool:
    """A word of an office or of what it is of, never of a person's name."""
    key = base_key(token).strip(".,")
    return key in TITLE_WORDS or key in _ORGANISATION_WORDS or key in _OFFICE_OBJECT_WORDS or key in _country_names()


def _name_at_end(tokens: list[str], start: int) -> int:
    """Where the name at the end of `tokens[start:]` begins: two name words ("… of Daghestan Vladimir
    Vasilyev"), more only where the name shows it has more — an initial ("Lloyd J. Austin III"), a
    patronymic, a particle ("Tamim bin Hamad Al Thani", "Lula da Silva"), "Abdel Fattah el-Sisi" — a
    suffix not counted, stopping at a word of the office ("Esteri", "Russia", "Association") or a
    lower-case one ("étrangères")."""
    k, words, wanted = len(tokens), 0, 2
    while k > start:
        token = tokens[k - 1]
        key = base_key(token).strip(".,")
        if key in SUFFIXES and k == len(tokens):
            k -= 1
            continue
        if key in _NAME_PARTICLES and words and k - 1 > start and not token.isupper():
            wanted = 4
            k -= 1
            continue
        lower = not token[:1].isupper() and not _NAME_PARTICLE.match(token)  # "el-Sisi" is a name
        if lower or not_a_name(token) or words >= wanted and key not in _NAME_PREFIXES:
            break
        if _INITIAL.match(token) or _PATRONYMIC.search(key) or _NAME_PARTICLE.match(token):
            wanted = max(wanted, 3)
        words += 1
        k -= 1
    return k if words else len(tokens)


_INITIAL = re.compile(r"^(?:[A-Z]\.){1,3}$")  # "S.", "L.P." (Retno L.P. Marsudi)
_PATRONYMIC = re.compile(r"(?:ovich|evich|ovna|evna|ichna|vich)$")
_NAME_PREFIXES = {"abdel", "abdul", "abd", "abu"}


# Words that end an organisation's name in a speaker's title, before the speaker's own name.
_ORGANISATION_WORDS = {
    "association", "institute", "committee", "council", "union", "party", "academy", "university", "company",
    "corporation", "foundation", "agency", "ministry", "department", "bank", "fund", "society", "federation",
    "club", "group", "centre", "center", "service", "office", "board", "commission", "sciences", "school",
    "college", "hospital", "museum", "theatre", "theater", "plant", "factory", "enterprise", "organisation",
    "organization", "movement", "front", "chamber", "league", "forum", "region", "territory", "republic",
    # and what an office is in charge of: "… Office of Public Engagement Keisha Lance Bottoms", "… Supply Chain
    # Task Force John Porcari", "Senior Advisor for International Climate Policy John Podesta".
    "engagement", "chain", "force", "policy", "monitoring", "rights", "partners", "capital", "cooperation",
    "affairs", "relations", "development", "security", "protection", "environment", "resources", "planning",
    "management", "intelligence", "operations", "programs", "programmes", "initiative", "initiatives",
    "climate", "energy", "health", "trade", "europe", "africa", "asia", "americas", "technology", "technologies",
    "innovation", "competitiveness",
    # "… Council of Economics Advisers Jared Bernstein", "… World Jewish Congress Ronald Lauder".
    "advisers", "advisors", "congress", "assembly", "parliament", "senate", "duma", "institutions", "institution",
    "directorate", "nations",
    # The same in the other languages of the bodies we publish: "Consejo de Seguridad", "Conseil de
    # sécurité", "Ministerio de Asuntos Exteriores", "Совет Безопасности" are no one's name.
    "consejo", "conseil", "consiglio", "conselho", "comite", "comitato", "comision", "commissione",
    "kommission", "comissao", "asamblea", "assemblee", "assemblea", "ministerio", "ministere", "ministero",
    "ministerium", "ministerie", "seguridad", "securite", "sicurezza", "seguranca", "sicherheit", "naciones",
    "nazioni", "nacoes", "unidas", "unies", "gobierno", "gouvernement", "governo", "regierung", "parlamento",
    "parlement", "senado", "bundestag", "bundesrat", "совет", "министерство", "комитет", "комиссия",
    "ассамблея", "безопасности",
}  # fmt: skip


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


_CASELESS_RANGES = (("\u0590", "\u077f"), ("\u0900", "\u097f"), ("\u0e00", "\u0e7f"), ("\u10d0", "\u10ff"))


def _caseless(ch: str) -> bool:
    """A letter of a script without capitals that writes names with spaces (Arabic, Persian, Hebrew,
    Devanagari, Thai, Georgian); Chinese and Japanese names are told apart otherwise (is_chinese_name)."""
    return bool(ch) and any(low <= ch <= high for low, high in _CASELESS_RANGES)


def cjk_names_in(text: str) -> list[str]:
    """Gazetteer people named in a Chinese or Japanese title (no spaces, no capitals to go by), in
    the order the title names them: "外交部发言人耿爽就美国当选总统特朗普…答记者问" is Geng Shuang's,
    not Trump's (the gazetteer's order put Trump first)."""
    if not _CJK.search(text):
        return []
    found: dict[str, int] = {}
    for key, name in gazetteer_keys().items():
        if _CJK.search(key) and len(key) >= 2 and (at := text.find(key)) >= 0:
            found[name] = min(at, found.get(name, at))
    return sorted(found, key=found.__getitem__)


# Offices a label may name instead of a person ("THE PRESIDENT", "EL CANCILLER"), in the
# languages we see, each to one key; the holder is whoever the file's title or header names with it.
OFFICES = {
    "president": "president", "presidente": "president", "presidenta": "president", "président": "president",
    "présidente": "president", "президент": "president", "vice president": "vice president",
    "vice-president": "vice president", "vicepresidente": "vice president", "vicepresidenta": "vice president",
    "prime minister": "prime minister", "primer ministro": "prime minister", "primera ministra": "prime minister",
    "premier ministre": "prime minister", "премьер-министр": "prime minister", "premier": "prime minister",
    "chancellor": "chancellor", "bundeskanzler": "chancellor", "bundeskanzlerin": "chancellor",
    "canciller": "foreign minister", "foreign minister": "foreign minister", "secretary of state": "secretary",
    "secretary": "secretary", "first lady": "first lady", "second lady": "second lady",
    "second gentleman": "second gentleman", "governor": "governor", "mayor": "mayor",
    "king": "king", "queen": "queen", "emir": "emir", "pope": "pope", "chairman": "chairman",
    "chair": "chairman", "chairwoman": "chairman", "chairperson": "chairman",
    "secretary-general": "secretary-general", "secretary general": "secretary-general",
    "spokesperson": "spokesperson", "spokesman": "spokesperson", "spokeswoman": "spokesperson",
    "official spokesperson": "spokesperson", "press secretary": "press secretary",
    "foreign secretary": "foreign secretary", "high representative": "high representative",
    "minister": "minister", "ministro": "minister", "ministra": "minister", "ministre": "minister",
    "министр": "minister", "taoiseach": "prime minister", "tánaiste": "deputy prime minister",
    "tanaiste": "deputy prime minister",
    # Nordic, Finnish, Central and East European posts (compared without accents).
    "statsminister": "prime minister", "paaministeri": "prime minister", "premijer": "prime minister",
    "miniszterelnok": "prime minister", "utenriksminister": "foreign minister", "utrikesminister": "foreign minister",
    "udenrigsminister": "foreign minister", "ulkoministeri": "foreign minister", "ministr": "minister",
    "ministar": "minister", "miniszter": "minister", "prezident": "president", "prezydent": "president",
    "predsjednik": "president", "presidentti": "president", "chief executive": "chief executive",
    # Chinese offices a label may be alone ("行政長官：", "外长："), the holder named in the header.
    "行政長官": "chief executive", "行政长官": "chief executive", "特首": "chief executive", "總統": "president",
    "总统": "president", "總理": "prime minister", "总理": "prime minister", "首相": "prime minister",
    "外長": "foreign minister", "外长": "foreign minister", "發言人": "spokesperson", "发言人": "spokesperson",
    # Posts of other languages a label may be alone ("Primeiro-Ministro:"), the holder named in the title.
    "primeiro-ministro": "prime minister", "primeira-ministra": "prime minister", "primeiro ministro": "prime minister",
    "primo ministro": "prime minister", "presidente del gobierno": "prime minister",
    "presidente del consiglio": "prime minister", "basbakan": "prime minister", "perdana menteri": "prime minister",
    "thu tuong": "prime minister", "bundesprasident": "president", "bundespräsident": "president",
    "cumhurbaskanı": "president", "presiden": "president", "außenminister": "foreign minister",
    "außenministerin": "foreign minister", "aussenminister": "foreign minister", "dısisleri bakanı": "foreign minister",
    "menteri luar negeri": "foreign minister", "external affairs minister": "foreign minister",
    "minister of external affairs": "foreign minister",
    # Offices by their initials, as labels print them ("PM:", "EAM:"), the holder named in the title.
    "pm": "prime minister", "fm": "foreign minister", "eam": "foreign minister", "dpm": "deputy prime minister",
    "vp": "vice president", "sg": "secretary-general",
}  # fmt: skip
_ARTICLES = {"the", "el", "la", "le", "der", "die", "il", "o", "a", "los", "las", "les", "mr", "mr.", "madam", "mrs"}
_OFFICE_BEFORE_NAME = re.compile(
    r"(?<![\w-])(?P<office>(?i:" + "|".join(sorted((re.escape(o) for o in OFFICES), key=len, reverse=True)) + r"))"
    r"(?:[ \t]+(?:of|de|del|of the|for)[ \t]+(?:the[ \t]+)?[A-Z][\w'’\-]+(?:[ \t]+[A-Z][\w'’\-]+){0,3}?)?"
    # "the Chief Executive, Mr John Lee" (Hong Kong's press releases).
    r"(?:,?[ \t]+(?:Mr|Mrs|Ms|Dr|Madam)\.?)?"
    rf"[ \t]+(?P<name>[{UPPER}][\w'’\-.]+(?:[ \t]+[{UPPER}][\w'’\-.]+){{0,3}})"
)
# Words that end a name in a title written in title case ("Remarks by Vice President Harris Before …").
_TITLE_CASE_STOPS = {
    "before", "after", "during", "with", "about", "from", "upon", "following", "regarding", "ahead", "as",
    "by", "at", "on", "in", "to", "for", "of", "and", "over", "into", "amid", "via", "meets", "visits",
    "hold", "holds", "host", "hosts", "deliver", "delivers", "give", "gives", "speak", "speaks",
    "announce", "announces", "attend", "attends", "address", "addresses", "sign", "signs", "welcome",
    "welcomes", "join", "joins", "participate", "participates", "discuss", "discusses",
    "aboard", "en", "while", "through", "across", "between", "within", "under", "against", "toward", "towards",
    "highlighting", "commemorating", "honoring", "honouring", "celebrating", "reaffirming", "announcing",
    "marking", "discussing", "delivering", "launching", "unveiling", "signing", "touring", "visiting",
    "addressing", "hosting", "welcoming", "urging", "outlining", "introducing", "recognizing", "presenting",
    "receiving", "speaking", "responding", "condemning", "commending", "congratulating", "thanking",
    "concluding", "updating", "previewing", "detailing", "touting", "promoting",
    "testifies", "testify", "testifying", "says", "tells", "warns", "urges", "calls",
    "assessing", "advancing", "building", "calling", "creating", "expanding", "improving", "investing",
    "lowering", "making", "protecting", "reducing", "securing", "strengthening", "supporting", "taking",
    "tackling", "championing", "combating", "countering", "ending", "ensuring", "growing", "joining",
    "keeping", "lifting", "modernizing", "preserving", "providing", "raising", "restoring", "rebuilding",
    "showcasing", "transforming", "underscoring", "working", "reflecting", "remembering",
}  # fmt: skip
# One person, two spellings: "JOSEPH BIDEN JUNIOR" and "JOE BIDEN".
SUFFIXES = {"jr", "junior", "sr", "senior", "ii", "iii", "iv"}
NICKNAMES = [
    {"joe", "joseph"}, {"bill", "william", "will"}, {"bob", "robert", "rob"}, {"mike", "michael"},
    {"jim", "james", "jimmy"}, {"tom", "thomas"}, {"dick", "richard", "rick"}, {"tony", "anthony"},
    {"alex", "alexander", "aleksandr", "alexandr", "sasha"}, {"dmitry", "dmitri", "dmitriy"},
    {"sergey", "sergei", "sergej"}, {"andrew", "andy"}, {"kate", "katherine", "catherine"},
    {"liz", "elizabeth"}, {"dan", "daniel"}, {"chris", "christopher"}, {"nick", "nicholas"},
    {"ted", "edward", "ed"}, {"jack", "john"}, {"bernie", "bernard"}, {"don", "donald"},
]  # fmt: skip
_NICK = {name: frozenset(group) for group in NICKNAMES for name in group}


def name_parts(name: str) -> tuple[str, str] | None:
    """(first name, surname) folded, suffixes dropped; None for a single word."""
    words = [w.strip(".,") for w in base_key(name).split()]
    words = [w for w in words if w and w not in SUFFIXES]
    return (words[0], words[-1]) if len(words) >= 2 else None


def same_person(a: str, b: str) -> bool:
    pa, pb = name_parts(a), name_parts(b)
    if not pa or not pb or pa[1] != pb[1]:
        return False
    first_a, first_b = pa[0], pb[0]
    return (
        first_a == first_b
        or first_b in _NICK.get(first_a, ())
        or (len(first_a.strip(".")) == 1 or len(first_b.strip(".")) == 1)
        and first_a[0] == first_b[0]
    )


def office_key(printed: str) -> str | None:
    """ "THE PRESIDENT" → "president"; "El Canciller" → "foreign minister"; a name → None."""
    words = [w for w in base_key(printed).split() if w not in _ARTICLES]
    if not words:
        return None
    if " ".join(words) in OFFICES:
        return OFFICES[" ".join(words)]
    if len(words) == 1 and _COMPOUND_OFFICE.match(words[0]):
        return "minister"  # "Finansminister", "külügyminiszter"
    # "LE PRÉSIDENT DE LA RÉPUBLIQUE", "President of the United States": the office, of somewhere.
    cut = next((n for n, word in enumerate(words) if word in _OF_WORDS), None)
    return OFFICES.get(" ".join(words[:cut])) if cut else None


# "Stéphane Dujarric, Spokesperson for the Secretary-General", "Matthew Miller, Spokesperson".
NAME_COMMA_OFFICE = re.compile(
    rf"(?P<name>[{UPPER}][\w'’\-.]+(?:[ \t]+[{UPPER}][\w'’\-.]+){{1,3}}),[ \t]+(?:the[ \t]+)?"
    # "Department Spokesperson", "Principal Deputy Spokesperson": the office with its qualifiers.
    r"(?:(?:Department|Principal|Deputy|Chief|Senior|Official|Acting|Associate|Assistant|Ministry)[ \t]+){0,2}"
    r"(?P<office>(?i:" + "|".join(sorted((re.escape(o) for o in OFFICES), key=len, reverse=True)) + r"))(?![\w-])"
    # Not a list of people with their offices: "President Biden, First Lady Jill Biden".
    rf"(?![ \t]+[{UPPER}])"
)


_ADDRESS_WORDS = {"hon", "honourable", "honorable", "rt", "right", "senator", "the"}


# A Chinese office and the name after it: "以下為行政長官李家超今日…", "外交部发言人毛宁".
_HAN_OFFICE_NAME = re.compile(
    "(?P<office>" + "|".join(sorted((o for o in OFFICES if _CJK.search(o)), key=len, reverse=True)) + ")"
    r"(?P<name>[\u4e00-\u9fff]{2,4})"
)
# A character after a two-character name that begins what follows it ("李强出席", "李家超今日").
_AFTER_A_NAME = set("今昨明上下出在于於表说說会會就对對与與和向将將已也又再曾则則等并並的是")


def _han_office_holders(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for match in _HAN_OFFICE_NAME.finditer(text):
        name = match["name"]
        known = [key for key in gazetteer_keys() if _CJK.search(key) and name.startswith(key)]
        if known:
            name = max(known, key=len)
        else:
            three = len(name) > 2 and is_chinese_name(name[:3]) and name[2] not in _AFTER_A_NAME
            name = name[:3] if three else name[:2]
        if is_chinese_name(name) or known:
            found.setdefault(OFFICES[match["office"]], name)
    return found


def offices_in(text: str) -> dict[str, str]:
    """Who holds which office, as a title or header says it: "Remarks by President Biden" → {"president": "Biden"};
    "… by Stéphane Dujarric, Spokesperson for the Secretary-General" → {"spokesperson": "Stéphane Dujarric"};
    "以下為行政長官李家超今日…" → {"chief executive": "李家超"}."""
    found: dict[str, str] = _han_office_holders(text) if _CJK.search(text) else {}
    for match in NAME_COMMA_OFFICE.finditer(text):
        words = [w for w in match["name"].split() if base_key(w).strip(".") not in _TITLE_CASE_STOPS]
        while words and base_key(words[0]).strip(".") in _ADDRESS_WORDS | HONORIFICS:  # "Hon Penny Wong", "M. …"
            words = words[1:]
        if len(words) >= 2 and not any(base_key(w).strip(".") in TITLE_WORDS | HONORIFICS for w in words):
            found.setdefault(OFFICES[base_key(match["office"])], " ".join(words))
    for match in _OFFICE_BEFORE_NAME.finditer(text):
        office = OFFICES[base_key(match["office"])]
        words = []
        tokens = match["name"].split()
        following = text[match.end() :].split()[:1]
        for index, word in enumerate(tokens):
            key = base_key(word).strip(".")
            if key in MONTHS and _next_to_number(tokens + following, index):
                break  # "President Biden March 12, 2025"
            surname_of_a_place = words and index == len(tokens) - 1 and key in _country_names()  # "Luís Montenegro"
            if key in HONORIFICS or not_a_name(word) and not surname_of_a_place:
                words = []  # "Minister for Foreign Affairs Dr Vivian Balakrishnan": what comes before
                continue
            if word.lower() in CONNECTORS or key in OFFICES or key in _TITLE_CASE_STOPS:
                break
            if re.fullmatch(rf"(?:[{UPPER}]\.)+,?", word):
                words.append(word.rstrip(","))  # an initial keeps its full stop: "Dr. S. Jaishankar"
            else:
                words.append(word.rstrip(".,’'s") if word.endswith(("’s", "'s")) else word.rstrip(".,"))
        if words:
            found.setdefault(office, titlecase(" ".join(words)))
    return found


# A front-matter line naming who holds an office for this meeting: "President: Mr. Fernández de Soto
# Valderrama (Colombia)" (the UN Security Council's records), "Chair: Ms. Jane Doe". The name ends at
# a bracket, the line's end, or the next "Word:".
_ROSTER_LINE = re.compile(
    r"(?:^|\n)[ \t]*(?:the[ \t]+)?(?P<office>(?i:"
    + "|".join(sorted((re.escape(o) for o in OFFICES), key=len, reverse=True))
    + r"))[ \t]*:[ \t]*(?P<honorific>(?:(?i:mr|mrs|ms|madam|mme|dr|h\.[ \t]?e)\.?|M\.|Sr\.|Sra\.)[ \t]+)?"
    rf"(?P<name>[{UPPER}][\w'’\-.]*(?:[ \t]+(?![\w'’\-.]+:)"
    rf"(?:[{UPPER}][\w'’\-.]*|de|del|da|di|van|von|der|la|le|al|bin)){{0,5}})"
)


# "Members present: Alicia Kearns (Chair); Liam Byrne; …" (a parliamentary committee's evidence).
_NAME_THEN_OFFICE = re.compile(
    rf"(?P<name>[{UPPER}][\w'’\-.]*(?:[ \t]+[{UPPER}][\w'’\-.]*){{1,3}})[ \t]*\((?P<office>(?i:"
    + "|".join(sorted((re.escape(o) for o in OFFICES), key=len, reverse=True))
    + r"))\)"
)


def roster_in(lines: list[str]) -> dict[str, str]:
    """Who holds which office by the front matter's own list: {"president": "Fernández de Soto Valderrama"}."""
    found: dict[str, str] = {}
    for line in lines:
        for match in _NAME_THEN_OFFICE.finditer(line):
            words = match["name"].split()
            if not any(not_a_name(w) for w in words):
                found.setdefault(OFFICES[base_key(match["office"])], " ".join(words))
        for match in _ROSTER_LINE.finditer(line):
            words = match["name"].split()
            while words and words[-1] in ("de", "del", "da", "di", "van", "von", "der", "la", "le", "al", "bin"):
                words.pop()
            # "President: Thank you, …" is a label the reader missed, not a list: a name has an
            # honorific before it or two words.
            named = len(words) >= 2 or match["honorific"]
            if words and named and not any(not_a_name(w) for w in words):
                found.setdefault(OFFICES[base_key(match["office"])], " ".join(words))
    return found


def roster_line(line: str) -> bool:
    """ "Presidente: Sr. Fernández de Soto Valderrama (Colombia)": an office, a name and at most where
    they are from, nothing else (a meeting's officers in its front matter, not a turn)."""
    for match in _ROSTER_LINE.finditer(line):
        rest = line[match.end() :]
        if match.start() == 0 and re.fullmatch(r"\s*(?:\([^()]*\))?\s*", rest) and roster_in([line]):
            return True
    return False


def _given_name_first(name: str) -> str:
    """ "KAMIKAWA Yoko" (the family name first, in capitals, as Japan's MOFA prints it) → "Yoko Kamikawa"."""
    words = name.split()
    if len(words) == 2 and len(words[0]) > 2 and words[0].isalpha() and words[0].isupper() and words[1].istitle():
        return f"{words[1]} {words[0].capitalize()}"
    return name


# "The following is a near-verbatim transcript of today's noon briefing by …": who gave what the
# editor's note introduces (not a news summary's "briefing at the Kremlin by …").
_HAN_SPEECH_VERBS = ("表示", "说", "指出", "强调", "回答", "答")
_SAID_BY = re.compile(r"\btranscript of\b[^.]{0,80}?\bby\s", re.I)
# A statement's opening line that says who makes it: an office, the name, a verb of announcing or
# saying, a colon ("外交部发言人赵立坚宣布：", "Foreign Ministry Spokesperson Hua Chunying announced:").
_HAN_ANNOUNCER = re.compile(
    r"^[\u4e00-\u9fff]{0,14}?(?:发言人|發言人|部长|部長|外长|外長|大使|司长|司長|主席|总理|總理|国务委员|國務委員|总统|總統)"
    r"(?P<name>[\u4e00-\u9fff]{2,4}?)(?:宣布|宣佈|表示|指出|强调|強調|发表谈话|發表談話|发表声明|發表聲明|说|說)\s*[：:]"
)
_ANNOUNCED = re.compile(r"\s(?:announced|announces|said|says|stated|states|declared|declares)\s*:\s*$", re.I)


class _Pool:
    """Names (canonical name -> the keys it answers to) with their rank in the order they were added,
    indexed for the Resolver's searches: by key, by a key's word, by the name's last word and
    surname, by a key's number of words. Only ever grows."""

    def __init__(self):
        self.keys: dict[str, set[str]] = {}
        self.rank: dict[str, int] = {}
        self.by_key: dict[str, list[str]] = {}
        self.by_word: dict[str, list[str]] = {}
        self.by_last_word: dict[str, list[str]] = {}
        self.by_surname: dict[str, list[str]] = {}
        self.by_words: dict[int, list[tuple[str, str]]] = {}
        # key -> (the first similar name or None, how many keys of its length were compared)
        self.similar: dict[str, tuple[str | None, int]] = {}
        self.near_found: dict[str, tuple[bool, int]] = {}

    def add(self, name: str, keys: set[str], rank: int) -> None:
        if name not in self.keys:
            self.keys[name] = set()
            self.rank[name] = rank
            words = base_key(name).split()
            if words:
                self.by_last_word.setdefault(words[-1], []).append(name)
            if parts := name_parts(name):
                self.by_surname.setdefault(parts[1], []).append(name)
        for k in sorted(keys - self.keys[name]):
            self.keys[name].add(k)
            self.by_key.setdefault(k, []).append(name)
            for word in set(k.split()):
                self.by_word.setdefault(word, []).append(name)
            self.by_words.setdefault(len(k.split()), []).append((name, k))

    def first_similar(self, key: str) -> str | None:
        """The first name (lowest rank) with a key of as many words as `key` that `key` is a
        misspelling of ("Angela Markel" ~ "angela merkel": difflib ratio >= 0.9); remembered per
        key and brought up to date with the keys added since (the archive's pool is asked about
        the same labels transcript after transcript)."""
        best, done = self.similar.get(key, (None, 0))
        candidates = self.by_words.get(len(key.split()), ())
        for name, k in candidates[done:]:
            if (best is None or self.rank[name] < self.rank[best]) and _similar(k, key):
                best = name
        self.similar[key] = (best, len(candidates))
        return best

    def near(self, key: str) -> bool:
        """Whether a key of as many words, other than `key` itself, is within a tenth of it (difflib
        ratio >= 0.9, lengths within ~10%); remembered as first_similar is."""
        found, done = self.near_found.get(key, (False, 0))
        candidates = self.by_words.get(len(key.split()), ())
        if not found:
            found = any(_near_key(k, key) for _, k in candidates[done:])
        self.near_found[key] = (found, len(candidates))
        return found


def _one_edit_apart(a: str, b: str) -> bool:
    """Words of five letters or more one letter apart: one changed or two swapped ("Reagn"), or, from
    seven letters, one added or dropped ("Sullivcan"; "Reagan" is not Regan)."""
    if a == b or min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) != len(b) and min(len(a), len(b)) < 7:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
        return len(diff) == 1 or swapped
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _similar(k: str, key: str) -> bool:
    # A ratio of 0.9 needs the shorter string at least 9/11 of the longer: skipped before the costly
    # comparison.
    return 11 * min(len(k), len(key)) >= 9 * max(len(k), len(key)) and _ratio_at_least_09(k, key)


def _ratio_at_least_09(k: str, key: str) -> bool:
    """difflib's ratio >= 0.9, asking its cheap upper bounds first (exact: each bounds the next)."""
    matcher = difflib.SequenceMatcher(None, k, key)
    return matcher.real_quick_ratio() >= 0.9 and matcher.quick_ratio() >= 0.9 and matcher.ratio() >= 0.9


def _near_key(k: str, key: str) -> bool:
    # A ratio of 0.9 needs lengths within ~10%; skip the rest before the costly comparison.
    return k != key and abs(len(k) - len(key)) <= 0.12 * len(key) + 1 and _ratio_at_least_09(k, key)


_BASE = threading.local()


def _base_pool(known: dict[str, list[str]]) -> _Pool:
    """The gazetteer's people and then `known` (the archive's speakers), as a pool every transcript
    parsed with the same `known` shares: built once, and grown with the names added to `known`
    since (ingest adds a run's new speakers to it). Per thread (a pool is not safe to grow while
    another thread reads it)."""
    people = gazetteer_people()
    cached = getattr(_BASE, "entry", None)
    if not cached or cached["people"] is not people or cached["known"] is not known or len(known) < cached["seen"]:
        cached = _BASE.entry = {"people": people, "known": known, "seen": 0, "pool": _Pool()}
        pool = cached["pool"]
        for person in people:
            aliases = [*person.get("aliases", []), *person.get("label_aliases", [])]
            pool.add(person["name"], {base_key(person["name"]), *map(base_key, aliases)}, len(pool.rank))
    pool = cached["pool"]
    if len(known) > cached["seen"]:
        for name, aliases in itertools.islice(known.items(), cached["seen"], None):
            pool.add(name, {base_key(name), *map(base_key, aliases)}, pool.rank.get(name, len(pool.rank)))
        cached["seen"] = len(known)
    return pool


_NO_ONE: dict[str, list[str]] = {}


class Resolver:
    """Resolves the names printed in labels to full names, within one transcript."""

    def __init__(
        self,
        *,
        title: str,
        publisher: str | None,
        date: dt.date | None,
        known: dict[str, list[str]] | None = None,
        tagged: dict[str, list[str]] | None = None,
        label_names: list[str] = (),
        header: str = "",
        front_matter: list[str] = (),
        opening: str = "",
        listed: list[str] = (),
    ):
        self.publisher = publisher
        self.opening = opening
        self.date = date
        self.title = title
        self.title_names = [self.canonical(n) for n in names_in(title)] + cjk_names_in(title)
        self.header = header
        # A list of the meeting's officers in the front matter comes first ("President: Mr. …").
        self.offices = offices_in(f"{title}\n{header}") | roster_in(list(front_matter))
        # Offices that labels pair with a name (filled below; resolve() reads it meanwhile).
        self.label_offices: dict[str, str] = {}
        # The pool of names labels may be, in the order added: the gazetteer's people and the
        # archive's speakers (`_base`, shared by every transcript), then this transcript's own
        # (`_own`: new names, and new keys of names in the base, which keep their rank). `known`
        # is the same dict from one transcript to the next, in ingest: so the base is built once.
        self._base = _base_pool(known or _NO_ONE)
        self._own = _Pool()
        # Speakers the page tags with an id of their own (a name -> [its tag]).
        self._tagged = set(tagged or ())
        for name, aliases in (tagged or {}).items():
            self._add(name, aliases)
        # People known from outside this transcript (the gazetteer, the archive): a surname alone is one
        # of them only in context ("SPEAKER JOHNSON:" is not Boris Johnson; see _in_context), unless
        # this transcript names them.
        self._named_here: set[str] = set()
        self._country = _publisher_countries().get(publisher or "")
        for name in self.title_names:
            self._add(name, [])
            self._named_here.add(name)
        # Who holds an office, as the title or header says ("Matthew Miller, Spokesperson"): "MR MILLER".
        in_full = [self.canonical(name) for name in self.offices.values() if len(name.split()) >= 2]
        for name in in_full:
            self._add(name, [])
        for printed in label_names:
            stripped = titlecase(strip_titles(printed))
            if len(stripped.split()) < 2:
                continue
            if (same := self._variant(stripped)) or (same := self._in_full(printed, stripped)):
                in_full.append(same)  # "PRIME MINISTER BORIS JOHNSON:": the gazetteer's, named here
            elif not self._near(stripped):
                in_full.append(self.canonical(stripped))
                self._add(in_full[-1], [])
        # A header's list of who takes part: "SEN. BENJAMIN L. CARDIN (D-MD), CHAIRMAN" is "CARDIN:".
        for line in listed:
            name = titlecase(strip_titles(re.sub(r"\([^()]*\)", " ", line).split(",")[0]))
            if len(name.split()) >= 2 and plausible_name(name) and not any(not_a_name(w) for w in name.split()):
                in_full.append(self._variant(name) or self.canonical(name))
                self._add(in_full[-1], [])
        self._named_here.update(in_full)
        self.president = self._office_holder("president")
        # Offices that labels of this transcript pair with a name ("Foreign Secretary David Cameron:"),
        # so that the office alone ("Foreign Secretary:") is that person later on.
        for printed in label_names:
            core = strip_titles(printed)
            tokens = printed.replace(",", " ").split()
            if not core or len(core.split()) < 2 or core.split()[0] not in tokens:
                continue
            office = tokens[: tokens.index(core.split()[0])]
            while office and office[-1].lower().strip(".") in HONORIFICS:
                office.pop()
            if office:
                self.label_offices.setdefault(base_key(" ".join(office)), self.resolve(core) or core)

    def _in_context(self, name: str, surname: str) -> bool:
        """Whether a surname alone may be `name`: someone this transcript names (its title, header,
        labels), or someone known from elsewhere whose surname the title or header prints, or who is of
        the publisher's country (a Kremlin "PUTIN:", a White House "MR. SULLIVAN:")."""
        if (name not in self._base.keys and name not in self._tagged) or name in self._named_here:
            return True
        if surname in base_key(f"{self.title} {self.header}").split():
            return True
        # Of the publisher's country, by surname: "REVEREND ANTHONY" at the White House is not Anthony Fauci.
        same_country = bool(self._country) and _person_countries().get(name) == self._country
        return same_country and base_key(name).split()[-1] == surname

    def _variant(self, name: str) -> str | None:
        """A name already in the pool that is the same person ("Joseph Biden Junior" ~ "Joe Biden")."""
        for known in self._with_surname(name, title_first=False):
            if same_person(name, known):
                return known
        return None

    def _full_name_here(self, surname: str) -> str | None:
        """The one name of two words or more ending with `surname` that the title gives, or else that
        the gazetteer gives in this context (of the publisher's country: a White House "MR. ZIENTS")."""
        full = {name for name in self.title_names if " " in name.strip() and base_key(name).split()[-1] == surname}
        if not full:
            gazetteer = _person_countries()
            with_word = self._base.by_word.get(surname, []) + self._own.by_word.get(surname, [])
            full = {
                name
                for name in with_word
                if name in gazetteer and " " in name and base_key(name).split()[-1] == surname
                and self._in_context(name, surname)
            }  # fmt: skip
        return full.pop() if len(full) == 1 else None

    def _in_full(self, printed: str, core: str) -> str | None:
        """A longer name of the title or the gazetteer that the label ends with, of which the name we
        kept is the end: "President of Turkey Recep Tayyip Erdogan" → "Recep Tayyip Erdogan", where the
        name alone would be "Tayyip Erdogan". Not where the extra word is what an office is of ("Head
        of Daghestan Vladimir Vasilyev")."""
        label = base_key(printed.split("(")[0]).split()
        core_key = " " + base_key(core)
        # Only names ending in the core's last word can end with the core.
        last = core_key.split()[-1] if core_key.split() else ""
        for name in self._in_order(self._base.by_last_word.get(last, []) + self._own.by_last_word.get(last, [])):
            words = base_key(name).split()
            if len(words) <= len(core_key.split()) or not (" " + " ".join(words)).endswith(core_key):
                continue
            at = len(label) - len(words)
            extra = words[: len(words) - len(core_key.split())]
            if (
                at >= 0
                and label[at:] == words
                and (at == 0 or label[at - 1] not in _OF_WORDS | {"the"})
                and not any(not_a_name(word) for word in extra)
            ):
                return name
        return None

    def _add(self, name: str, aliases: list[str]) -> None:
        rank = self._base.rank.get(name, self._own.rank.get(name, len(self._base.rank) + len(self._own.rank)))
        keys = {base_key(name), *map(base_key, aliases)} - self._base.keys.get(name, set())
        self._own.add(name, keys, rank)

    def _keys(self, name: str) -> set[str]:
        return self._base.keys.get(name, set()) | self._own.keys.get(name, set())

    def _rank(self, name: str) -> int:
        return self._base.rank[name] if name in self._base.rank else self._own.rank[name]

    def _in_order(self, names: Iterable[str], title_first: bool = False) -> list[str]:
        """`names` once each, in the pool's order, or with the title's names first."""
        if title_first:
            return sorted(set(names), key=lambda name: (name not in self.title_names, self._rank(name)))
        return sorted(set(names), key=self._rank)

    def _with_surname(self, name: str, title_first: bool) -> list[str]:
        """Names with the surname of `name` (same_person needs it)."""
        parts = name_parts(name)
        if not parts:
            return []
        found = self._base.by_surname.get(parts[1], []) + self._own.by_surname.get(parts[1], [])
        return self._in_order(found, title_first)

    def _misspelt(self, key: str) -> str | None:
        """The first name (the title's first) with a key of as many words that `key` is a misspelling
        of ("Angela Markel")."""
        words = len(key.split())
        for name in self._in_order([n for n in self.title_names if n in self._base.keys or n in self._own.keys], True):
            if any(len(k.split()) == words and _similar(k, key) for k in self._keys(name)):
                return name
        # No title name is (a title name's keys are among those the base compares): the lowest rank.
        best = self._base.first_similar(key)
        for name, k in self._own.by_words.get(words, []):
            if (best is None or self._rank(name) < self._rank(best)) and _similar(k, key):
                best = name
        return best

    def _near(self, name: str) -> bool:
        """Is `name` a misspelling of a name already in the pool?"""
        key = base_key(name)
        words = len(key.split())
        return self._base.near(key) or any(_near_key(k, key) for _, k in self._own.by_words.get(words, []))

    def canonical(self, name: str) -> str:
        name = _given_name_first(name)
        if name.isupper() and " " in name:
            name = titlecase(name)  # a title in capitals: "PRESS STATEMENT BY H.E. MOUSSA FAKI MAHAMAT, …"
        keys = gazetteer_keys()
        key = base_key(name)
        if key in keys:
            return keys[key]
        if _CYRILLIC.search(key):
            # Russian titles decline names: "Лаврова", "Путиным" are Лавров, Путин.
            # (Keys are folded: "й" is "и" in them.)
            for ending in ("ым", "ом", "ои", "ой", "ему", "а", "у", "е"):
                if key.endswith(ending) and key[: -len(ending)] in keys:
                    return keys[key[: -len(ending)]]
            # Women's surnames: "Захаровой", "Захаровою", "Захарову" are Захарова.
            for ending in ("ои", "ой", "ою", "у"):
                if key.endswith(ending) and key[: -len(ending)] + "а" in keys:
                    return keys[key[: -len(ending)] + "а"]
        return name

    def _office_holder(self, office: str) -> str | None:
        if self.date is None:
            return None
        for person in gazetteer_people():
            for term in person.get("offices", []):
                if term.get("label") != office or term.get("publisher") != self.publisher:
                    continue
                start = dt.date.fromisoformat(term["from"])
                end = dt.date.fromisoformat(term["to"]) if term.get("to") else dt.date.max
                if start <= self.date < end:
                    return person["name"]
        return None

    def principal(self) -> str | None:
        """The person the title names first: whose statement, whose press conference (not the
        one a conversation was with, or a message sent to). A statement that opens by saying who
        makes it ("外交部发言人赵立坚宣布：") is that person's, whatever its title names."""
        if announcer := self._announcer():
            return announcer
        for name, at in names_in(self.title, anchored=True, positions=True):
            # After "Remarks by <an office with no name>, …" a name set off by a comma is someone else
            # ("… Honoring the 2023 Major League Soccer Champions, Columbus Crew").
            after_comma = self.title[:at].rstrip().endswith(",")
            if after_comma and re.search(r"\bby\b", self.title[:at], re.I):
                continue
            if _document_word(name):
                break  # "Executive Order on … Abkhazia, South Ossetia …": a document, by no one named here
            if not plausible_name(name):
                continue  # "Direct Line with Vladimir Putin"
            if len(name.split()) == 1 and base_key(name) in _known_non_persons():
                continue  # "Sidang Media … Menteri-Menteri Luar ASEAN": a body the gazetteer knows
            if not is_other_party(self.title, at):
                return self.canonical(name)
        if _CYRILLIC.search(self.title):
            # Russian and Ukrainian titles put the name after the office and its ministry, in the
            # genitive: "Интервью Министра иностранных дел Российской Федерации С.В.Лаврова …".
            for name, at in names_in(self.title, positions=True):
                if not is_other_party(self.title, at):
                    return self.canonical(name)
        cjk = cjk_names_in(self.title)
        if cjk:
            return cjk[0]
        # A title that names nobody, and a note that does: "The following is a near-verbatim transcript
        # of today's noon briefing by Stéphane Dujarric, Spokesman for the Secretary-General."
        for line in self.header.split("\n"):
            said_by = _SAID_BY.search(line)
            names = names_in(line[said_by.end() :], positions=True) if said_by else []
            if names and names[0][1] == 0:
                return self.canonical(names[0][0])
        return None

    def _announcer(self) -> str | None:
        """Who the opening line announces (`opening`: the first paragraph of the text before any label):
        an office, a person's name, "announced:" or "宣布："."""
        line = self.opening.strip()
        if not line:
            return None
        if found := _HAN_ANNOUNCER.match(line):
            name = found["name"]
            if is_chinese_name(name) or base_key(name) in gazetteer_keys():
                return self.resolve(name)
            return None
        said = _ANNOUNCED.search(line)
        if said is None or len(line.split()) > 12:
            return None
        before = line[: said.start()].rstrip()
        names = names_in(before, positions=True)
        if names and before.endswith(names[-1][0]) and plausible_name(names[-1][0]):
            return self.resolve(names[-1][0])
        return None

    def resolve(self, printed_name: str) -> str | None:
        """The full name of the person a label prints, or None (an office nobody holds here, or no
        person: "Minister for the Development of the Russian Far East" kept "Far East")."""
        name = self._resolve(printed_name)
        if name is None or plausible_name(name):
            return name
        words = name.split()
        if len(words) >= 3 and base_key(words[0]) in _known_non_persons():
            # What the office is of, left before the name: "… of Great Britain Theresa May".
            rest = self._resolve(" ".join(words[1:]))
            return rest if rest is not None and plausible_name(rest) else None
        return None

    def _resolve(self, printed_name: str) -> str | None:
        if len(printed_name) > 6 and printed_name.endswith(_HAN_SPEECH_VERBS) and _CJK.search(printed_name):
            # A sentence that says who speaks next ("会后，就《南华早报》记者所提问题，赵立坚表示："): the person
            # it names last before the verb.
            named = cjk_names_in(printed_name)
            return named[-1] if named else None
        # A Chinese office alone ("行政長官") is an office, as "THE PRESIDENT" is.
        core = "" if _CJK.search(printed_name) and office_key(printed_name) else strip_titles(printed_name)
        if all(word in _ARTICLES for word in base_key(core).split()):
            core = ""  # "Le ministre", "El canciller": an office and its article
        if not core:
            if base_key(printed_name) in self.label_offices:
                return self.label_offices[base_key(printed_name)]
            office = office_key(printed_name)
            if office == "president" and self.president:
                return self.president
            if office and (holder := self._office_holder(office)):
                return holder  # "THE FIRST LADY", "THE VICE PRESIDENT": who held it that day
            if office and office in self.offices:
                return self.resolve(self.offices[office]) or self.offices[office]
            if office is None and "president" in base_key(printed_name).split() and self.president:
                return self.president
            return None
        core = _given_name_first(titlecase(core))  # "KOBAYASHI Maki" (the family name first, in capitals)
        key = base_key(core)
        if full := self._in_full(printed_name, core):
            return self.canonical(full)
        if key.split()[0] in _NAME_PARTICLES and len(key.split()) >= 2:
            # "PRESIDENT BIN ZAYED AL NAHYAN": a name cannot begin with "bin"; the title's full name ends so.
            everyone = [*self._base.rank, *self._own.rank]
            for name in self._in_order(everyone, title_first=True):
                if base_key(name).endswith(" " + key):
                    return self.canonical(name)
        # Exact name or alias.
        named = self._base.by_key.get(key, []) + self._own.by_key.get(key, [])
        if named and " " not in key and all(" " not in name.strip() for name in named):
            # A surname the archive knows alone ("Herzog", from a transcript that gave no more) yields to
            # the full name the title gives ("Remarks by President Biden and President Isaac Herzog"), or
            # the gazetteer's in context ("Zients" at the White House: Jeff Zients).
            if full := self._full_name_here(key):
                return self.canonical(full)
        if named:
            return self.canonical(self._in_order(named)[0])
        tokens = key.split()
        if len(tokens) == 1 and "." in key.strip("."):
            tokens = [key.rsplit(".", 1)[1]]  # "с.в.лавров" → "лавров"
        # Title names first (they are who this transcript is about), then everyone else.
        if len(tokens) == 1:
            # An alias the gazetteer lists ("Путин", "Kirby") is that person; a surname found only
            # inside a full name ("Johnson" of Boris Johnson) needs context.
            with_word = self._base.by_word.get(tokens[0], []) + self._own.by_word.get(tokens[0], [])
            for name in self._in_order(with_word, title_first=True):
                if tokens[0] in self._keys(name) or self._in_context(name, tokens[0]):
                    return self.canonical(name)
            # A surname of the title misspelt by one letter ("ADMINISTRATOR REAGN" under "… EPA
            # Administrator Michael Regan").
            misspelt = {
                name
                for name in self.title_names
                if " " in name and _one_edit_apart(base_key(name).split()[-1], tokens[0])
            }  # fmt: skip
            if len(misspelt) == 1:
                return self.canonical(misspelt.pop())
        else:
            # A longer label ending in a known full name ("Foreign Minister Sergey Lavrov").
            suffixes = [" ".join(tokens[i:]) for i in range(len(tokens) - 1)]
            ending = [n for k in suffixes for n in self._base.by_key.get(k, []) + self._own.by_key.get(k, [])]
            if ending:
                return self.canonical(self._in_order(ending, title_first=True)[0])
            # A misspelling of a name in this transcript ("Angela Markel").
            if (name := self._misspelt(key)) is not None:
                return self.canonical(name)
            # The same person written another way ("Joseph Biden Junior", "Joe Biden").
            for name in self._with_surname(core, title_first=True):
                if same_person(core, name):
                    return self.canonical(name)
        if not plausible_name(core):
            return None  # "SENIOR ADMINISTRATION OFFICIAL ONE", "HE PRESIDENT" (a typo of "THE")
        return core if core[:1].isupper() or _caseless(core[:1]) or is_chinese_name(core) else None

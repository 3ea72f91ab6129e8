"""Speaker labels: "Sergey Lavrov:", "Q:", "MS. JEAN-PIERRE:", "THE PRESIDENT.", "问：" …

A label is recognised by its shape, not by a list of names: a short run of
capitalised words (titles and names, connectors such as "of" allowed), an
optional parenthetical note, then a colon; or an all-capitals run ending in a
full stop; or one of the fixed question/answer markers.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from transcripts.parsing.model import LabelKind

# The gazetteer's data files (people.json, entities.json); people.py and the entities read them too.
DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@lru_cache(maxsize=4)
def data_file(name: str) -> dict:
    return json.loads((DATA_DIR / name).read_text("utf-8"))


QUESTION_LABELS = {
    "q",
    "p",  # Spanish "P.- / R.-" (pregunta, respuesta)
    "question",
    "questions",
    "d",  # Italian "D: / R:" (domanda, risposta), French "D :" (demande)
    "follow-up",
    "follow up",
    "followup",
    "follow-up question",
    "remark",
    "journalist",
    "questioner",
    "interviewer",
    "reporter",
    "correspondent",
    "audience member",
    "audience",
    "question from the audience",
    "question from the floor",
    "media",
    "press",
    "问",
    "记者",
    "вопрос",
    "реплика",
    "журналист",
    "корреспондент",
    "вопрос из зала",
    # Other languages diplomatic services publish in.
    "frage",
    "zwischenfrage",
    "journaliste",
    "pregunta",
    "periodista",
    "domanda",
    "giornalista",
    "pergunta",
    "jornalista",
    "vraag",
    "pytanie",
    "soru",
    "питання",
    "запитання",
    "质问",
    "提问",
    "質問",
    "질문",
    "기자",
    "記者",
    "問",
    "spørsmål",
    "fråga",
    "kysymys",
    "otázka",
    "kérdés",
    "interlocutor",  # Mexico's presidency: the journalist asking
    "interlocutora",
    "reportero",
    "reportera",
    "repórter",
    "dziennikarz",
    "dziennikarka",
    # Czech, Slovak, the former Yugoslavia's languages, Finnish, Hungarian, Romanian, the Baltic
    # languages, Greek, Bulgarian: "Novinář (Česká televize):", "Toimittaja:", "Újságíró:".
    "novinář",
    "novinářka",
    "novinár",
    "novinárka",
    "redaktor",
    "redaktorka",
    "novinar",
    "novinarka",
    "pitanje",
    "toimittaja",
    "újságíró",
    "jurnalist",
    "jurnalistă",
    "žurnalistas",
    "žurnalistė",
    "žurnālists",
    "žurnāliste",
    "ajakirjanik",
    "δημοσιογράφος",
    "ερώτηση",
    "въпрос",
    "journalisten",
    "spørgsmål",
    "журналіст",
    "gazeteci",
    "wartawan",  # Indonesian
    "pertanyaan",
    "soalan",  # Malay: "Soalan:" / "Jawapan:"
    "pemberita",
    "tanong",  # Tagalog
    # The Baltic and Balkan languages, the Caucasus, Central Asia, Mongolia, Iceland, East Africa.
    "klausimas",
    "jautājums",
    "küsimus",
    "vprašanje",
    "pyetje",
    "питање",
    "прашање",
    "пытанне",
    "sual",
    "savol",
    "сұрақ",
    "асуулт",
    "spurning",
    "swali",
    "კითხვა",  # Georgian: question, journalist
    "ჟურნალისტი",
    "phóng viên",  # Vietnamese
    "hỏi",
    "câu hỏi",
    "întrebare",
    # Arabic, Persian, Hebrew, Hindi.
    "خبرنگار",  # Persian: journalist
    "ผู้สื่อข่าว",  # Thai: reporter
    "سؤال",
    "السؤال",
    "سوال",
    "پرسش",
    "صحفي",
    "الصحفي",
    "مراسل",
    "שאלה",
    "עיתונאי",
    "प्रश्न",
    "सवाल",
}
ANSWER_LABELS = {
    "a",
    "r",  # French "Q -" / "R -" (question, réponse)
    "answer",
    "reply",
    "response",
    "答",
    "回答",
    "ответ",
    "antwort",
    "réponse",
    "reponse",
    "respuesta",
    "risposta",
    "resposta",
    "відповідь",
    "cevap",
    "yanıt",
    "odpowiedź",
    "antwoord",
    "svar",
    "vastaus",
    "odpověď",
    "válasz",
    "odpoveď",
    "odgovor",
    "răspuns",
    "απάντηση",
    "отговор",
    "jawaban",
    "jawapan",
    "guest",  # a podcast's "HOST:" asks, its "GUEST:" answers (the one the title names)
    "interviewee",
    "sagot",
    "atsakymas",
    "atbilde",
    "vastus",
    "përgjigje",
    "одговор",
    "адказ",
    "cavab",
    "javob",
    "жауап",
    "хариулт",
    "jibu",
    "პასუხი",
    "trả lời",
    "đáp",
    "جواب",
    "الجواب",
    "إجابة",
    "الإجابة",
    "رد",
    "پاسخ",
    "תשובה",
    "उत्तर",
    "जवाब",
    "답변",
    "答え",
}
ANONYMOUS_LABELS = {
    "moderator",
    "host",
    "presenter",
    "announcer",
    "interpreter",
    "translator",
    "narrator",
    "senior administration official",
    "senior administration officials",
    "senior state department official",
    "administration official",
    "official",
    "participant",
    "unidentified speaker",
    "speaker",
    "voice",
    "staff",
    "aide",
    "operator",
    "emcee",
    "mc",
    "ведущий",
    "модератор",
    "moderation",
    "moderatorin",
    "modérateur",
    "moderateur",
    "moderador",
    "moderadora",
    "moderatore",
    "dolmetscher",
    "interprète",
    "intérprete",
    "主持人",
    # Staff and the hall, unnamed ("MILITARY AIDE:", "Response from the hall:").
    "military aide",
    "white house aide",
    "senior aide",
    "staffer",
    "response from the hall",
    "remark from the hall",
    "reply from the hall",
    "voice from the hall",
    "remark from the audience",
    # Voices the transcript does not name ("WOMAN:", "CHILD:" at a White House event): UNNAMED_VOICES.
    "woman",
    "man",
    "child",
    "children",
    "boy",
    "girl",
    "kid",
    "kids",
    "student",
    "students",
    "crowd",
    "male voice",
    "female voice",
    "male speaker",
    "female speaker",
    "unidentified male",
    "unidentified female",
    "unidentified man",
    "unidentified woman",
}
# Header keys whose value lists who takes part ("SPEAKERS:" over their names, "Sprecher: StS Hebestreit,
# Fischer (AA)"): their surnames alone are labels, their full names what those labels stand for.
WHO_TAKES_PART = {
    "speakers", "participants", "present", "witnesses", "panelists", "attendees", "members present", "sprecher",
    "teilnehmer",
}  # fmt: skip
# A Chinese page's header lines ("发布时间：2024-03-14 16:30", "【发布人】商务部新闻发言人 何亚东"), with the
# English key each stands for.
CHINESE_METADATA = {
    "发布时间": "published", "發布時間": "published", "发布日期": "published", "發布日期": "published",
    "时间": "time", "時間": "time", "日期": "date", "来源": "source", "來源": "source", "地点": "place",
    "地點": "place", "发布人": "speakers", "發布人": "speakers", "主题": "subject", "主題": "subject",
    "责任编辑": "author", "責任編輯": "author", "编辑": "author", "編輯": "author",
}  # fmt: skip
METADATA_KEYS = {
    "date",
    "time",
    "place",
    "location",
    "venue",
    "source",
    "subject",
    "title",
    "president",
    "published",
    "updated",
    "author",
    "reference",
    "language",
    "category",
    "tags",
    "tag",
    "participants",
    "present",
    "speakers",
    "transcript",
    "city",
    "country",
    "event",
    "url",
    "link",
    "copyright",
    "photo",
    "video",
    "audio",
    "duration",
    "topic",
    "topics",
    "keywords",
    "released",
    "release",
    "embargo",
    "contact",
    "filed",
    "dateline",
    "host country",
    "summit",
    # German government press conferences open with "Themen: …" and "Sprecher: SRS'in Hoffmann, …".
    "themen",
    "thema",
    "sprecher",
    "teilnehmer",
    # A hearing's header: "SPEAKERS:" / "WITNESSES:" over a list of names (one "WITNESS:" speaks).
    "witnesses",
    "panelists",
    "attendees",
    "members present",
    *CHINESE_METADATA,
}
OUTLET_WORDS = {
    "news",
    "agency",
    "tv",
    "television",
    "radio",
    "daily",
    "weekly",
    "monthly",
    "magazine",
    "times",
    "post",
    "broadcasting",
    "network",
    "channel",
    "journal",
    "herald",
    "tribune",
    "gazette",
    "telegraph",
    "media",
    "novosti",
    "xinhua",
    "reuters",
    "afp",
    "ap",
    "bloomberg",
    "cctv",
    "cgtn",
    "cri",
    "cnn",
    "bbc",
    "nhk",
    "kyodo",
    "sputnik",
    "tass",
    "interfax",
    "ria",
    "phoenix",
    "yonhap",
    "ansa",
    "efe",
    "dpa",
    "rt",
    "izvestia",
    "kommersant",
    "asahi",
    "mainichi",
    "yomiuri",
    "nikkei",
    "anadolu",
    "irna",
    "prensa",
    "al-jazeera",
    "jazeera",
    "euronews",
    "fox",
    "nbc",
    "cbs",
    "abc",
    "npr",
    "msnbc",
    "politico",
    "axios",
    "wsj",
    "ft",
    "dw",
    "rfi",
    "ptv",
    "ntv",
    "paper",
    "press trust",
    "pti",
    "ani",
    "tbs",
    "kbs",
    "mbc",
    "sbs",
    "vtv",
    "bernama",
    "antara",
    "lusa",
    "ukrinform",
    "belta",
    "kazinform",
    "xinmin",
    "people's",
}
OUTLET_PHRASES = (
    "voice of",
    "the paper",
    "china review",
    "associated press",
    "al jazeera",
    "global times",
    "rossiya",
    "channel one",
    "press trust",
    "the hindu",
)

# Forms of address: "Colleagues: we have…" or "Mr President: you hold the key…" open a paragraph
# of someone's speech; they are never a speaker label.
VOCATIVES = {
    "colleagues", "dear colleagues", "friends", "dear friends", "my friends", "ladies and gentlemen",
    "ladies", "gentlemen", "everyone", "everybody", "folks", "excellencies", "your excellency",
    "your excellencies", "your majesty", "your highness", "mr president", "madam president",
    "mr. president", "mr chairman", "mr. chairman", "madam chair", "mr secretary-general",
    "mr. secretary-general", "señoras y señores", "queridos amigos", "amigos", "mesdames et messieurs",
    "chers amis", "chers collègues", "meine damen und herren", "liebe kolleginnen und kollegen",
    "коллеги", "уважаемые коллеги", "друзья", "дорогие друзья", "дамы и господа",
}  # fmt: skip

HONORIFICS = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "h.e",
    "sir",
    "madam",
    "mme",
    "m",
    "prof",
    "shri",
    "smt",
    "shrimati",
    "sri",
    # Italian, Dutch, Polish, Russian and Spanish forms of address ("Sig. Tajani", "Mevrouw Ollongren").
    "sig",
    "sig.ra",
    "dott",
    "onorevole",
    "mevrouw",
    "pani",
    "господин",
    "госпожа",
    "dña",
    "doña",
}
CONNECTORS = {
    "of",
    "the",
    "for",
    "and",
    "de",
    "da",
    "del",
    "der",
    "van",
    "von",
    "al",
    "bin",
    "el",
    "la",
    "le",
    "du",
    "on",
    "to",
    "at",
    "in",
    "y",
    "e",
    "des",
    "di",
    "ibn",
    "&",
}

# Capital letters of the Latin (with Extended-A/B: Š, Ł, Ş, İ, Ő), Greek and Cyrillic alphabets.
UPPER = "".join(chr(code) for code in range(0x41, 0x530) if chr(code).isupper() and chr(code).isalpha())
_NAME_TOKEN = re.compile(rf"^(?:[{UPPER}][\w'’\-.]*|[A-Z]\.(?:[A-Z]\.)*)$")
# "[00:01:40] Question:", "00:01:40 Question:" (a video's transcript); "[*] CARDIN:", the mark a
# congressional transcript service puts where a speaker starts.
TIMESTAMP = re.compile(r"^(?:[\[(]\d{1,2}:\d{2}(?::\d{2})?[\])]|\d{1,2}:\d{2}:\d{2}|\[\*\])\s+(?=\S)")
_LABEL_HEAD = re.compile(
    r"^(?P<name>[^\s:：()\[\]]+(?:[ \t]+[^\s:：()\[\]]+){0,11}?)"
    # A note in brackets: "(as interpreted)", "(00:01:15)", "[NATO Spokesperson]", "[Reuters]".
    # Two in Hansard: "Priti Patel (Witham) (Con):".
    r"(?:\s*(?:\((?P<note>[^()]{1,120})\)(?:\s*\((?P<note2>[^()]{1,40})\))?|\[(?P<bracketed>[^\[\]]{1,120})\]))?"
    r"\s*(?P<delim>[:：])\s*"
)
_CAPS_FULLSTOP = re.compile(
    r"^(?P<name>(?:(?:MR|MRS|MS|DR|GEN|SEN|REP|AMB|ST)\.\s+)?[A-Z][A-Z'’\-]+(?:\s+[A-Z][A-Z'’\-.]*[A-Z])*)"
    r"(?:\s*\((?P<note>[^()]{1,120})\))?\.\s+(?=\S)"
)
# The US Congress's printed hearings: a title and the surname in capitals, then a full stop ("Chairman
# McCAUL. The committee will come to order.", "Mr. SMITH of New Jersey.", "Secretary BLINKEN.").
_HEARING_LABEL = re.compile(
    r"^(?P<name>(?:(?:Mr|Mrs|Ms|Dr)\.|Chairman|Chairwoman|Chair|Senator|Secretary|Ambassador|General|Admiral"
    r"|Representative|Governor|Director|Administrator|Commissioner|Judge)"
    r"\s+(?:Mc|Mac|De|Di|La|Le|Van|Von|O[’'])?[A-Z][A-Z'’\-]*[A-Z](?:\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?)"
    r"(?:\s*\((?P<note>[^()]{1,120})\))?\.\s+(?=\S)"
)
# "PRESIDENTE.- Muchas gracias", "EL CANCILLER— …", "VLADIMIR PUTIN — …", "PERIODISTA.- ¿…?"
_DASH_HEAD = re.compile(
    r"^(?P<name>[^\s:：()\[\]–—]+?(?:[ \t]+[^\s:：()\[\]–—]+?){0,11}?)"
    r"(?:\s*\((?P<note>[^()]{1,120})\))?(?P<delim>\s*\.[-–—]{1,2}|\s+[-–—]{1,2}|—|–)\s*(?=\S)"
)
# The European Parliament's verbatim reports: "Hadja Lahbib, President-in-Office of the Council. – Madam
# President, …", "Michael Gahler, on behalf of the PPE Group. – …", "President. – The debate is closed.":
# a name, what they speak as after a comma, a full stop and a spaced dash.
_SPACED_DASH_HEAD = re.compile(
    rf"^(?P<name>[{UPPER}][\w'’\-]*(?:[ \t]+(?:[{UPPER}][\w'’\-]*|de|von|van|der|den|da|del|la|le|di)){{0,4}})"
    r"(?:,[ \t]*(?P<note>[^–—\n]{2,200}?))?\.[ \t]+[–—][ \t]+(?=\S)"
)
# A name in square brackets: "[Patricia Karvelas]: Minister, welcome." (some broadcasters' transcripts).
_BRACKETED_NAME = re.compile(r"^\[(?P<name>[^\[\]\n:]{1,60})\](?P<note>)\s*[:：]\s*(?=\S)")
# Closed captions (C-SPAN, broadcast transcripts): ">>" marks a new voice, named or not
# (">> SECRETARY BLINKEN: Thank you." / ">> What is the status of aid?").
_CAPTION_MARK = re.compile(r"^>>+\s*")
_NOT_IN_A_CAPTION_NAME = {"is", "are", "was", "were", "this", "that", "what", "why", "how", "we", "i", "you", "it"}
_Q_BARE = re.compile(r"^(?P<name>Q)(?:\s*\((?P<note>[^()]{1,120})\))?(?:\s*[.:：]\s*|\s+)(?=\S)")
# "A. They are …" answers "Q. …" — only in a document whose questions are "Q" (known_single holds "a").
_A_BARE = re.compile(rf"^(?P<name>A)(?P<note>)\.\s+(?=[{UPPER}\"“‘'(])")
# "D. …" / "R. …" (domanda, risposta), "P. …" / "R. …" (pregunta, pergunta, respuesta, resposta): only in a
# document that opens paragraphs so with both letters (known_single holds them, TurnReader's first pass).
LETTER_MARKER = re.compile(rf"^(?P<name>[DPR])(?P<note>)\.\s+(?=[{UPPER}\"“‘'(¿¡«])")
# "Question 1:", "Q2:": numbered questions.
NUMBERED_QUESTION = re.compile(
    r"^(?:q|question|вопрос|frage|pregunta|question n°|питання|reporter|journalist|correspondent)\s*\d{1,3}$"
)
# Members of the public the transcript does not name: a turn of theirs ending in "?" asks.
UNNAMED_VOICES = {
    "woman", "man", "child", "children", "boy", "girl", "kid", "kids", "student", "students", "crowd",
    "male voice", "female voice", "male speaker", "female speaker", "unidentified male", "unidentified female",
    "unidentified man", "unidentified woman", "audience", "audience member", "audience members",
}  # fmt: skip
# "A1:", "Answer 2:": the answers to numbered questions.
NUMBERED_ANSWER = re.compile(r"^(?:a|answer|ответ|antwort|respuesta|réponse|reponse|відповідь)\s*\d{1,3}$")
_CJK_LABEL = re.compile(rf"^(?P<name>问|答|记者|提问|回答|主持人|質問|{'|'.join(CHINESE_METADATA)})\s*[:：]\s*")
# Japan's MOFA: "【上川外務大臣】…", "【記者】…"; Korean labels: "대변인:", "질문:", "기자:".
_LENTICULAR_LABEL = re.compile(r"^【(?P<name>[^【】\n]{1,30})】\s*")
_HANGUL_LABEL = re.compile(r"^(?P<name>[\uac00-\ud7af]{1,6}(?:\s[\uac00-\ud7af]{1,6}){0,2})\s*[:：]\s*(?=\S)")
# Scripts without capitals (Arabic, Persian, Hebrew, Devanagari, Thai): one to four words before a colon,
# "سؤال:", "ناصر كنعاني:", "שאלה:", "प्रवक्ता:".
_CASELESS = "\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u0900-\u097f\u0e00-\u0e7f\u10d0-\u10ff"
# Up to four words, or an office and a name after a comma ("आधिकारिक प्रवक्ता, श्री रणधीर जायसवाल:",
# "المتحدث الرسمي باسم وزارة الخارجية، الدكتور ماجد الأنصاري:").
# Arabic honours before a name make a label longer: "سمو الشيخ عبدالله بن زايد آل نهيان:" (His Highness
# Sheikh Abdullah bin Zayed Al Nahyan).
_ARABIC_HONOURS = "سمو|السمو|صاحب|فخامة|معالي|سعادة|السيد|السيدة|الشيخ|الشيخة|الدكتور|الأمير|الملك"
_CASELESS_LABEL = re.compile(
    rf"^(?P<name>(?:(?:{_ARABIC_HONOURS})[ \t]+){{1,3}}[{_CASELESS}]+(?:[ \t][{_CASELESS}]+){{0,5}}"
    rf"|[{_CASELESS}]+(?:[ \t][{_CASELESS}]+){{0,3}}|[{_CASELESS}]+(?:[ \t][{_CASELESS}]+){{0,5}}"
    rf"[,،][ \t][{_CASELESS}]+(?:[ \t][{_CASELESS}]+){{0,3}})"
    r"\s*[:：]\s*(?=\S)"
)
# A surname after initials written without spaces: "С.В.Лавров", "S.Lavrov", "V.V.Putin".
_INITIALS_NAME = re.compile(rf"^(?:[{UPPER}]\.){{1,3}}[{UPPER}][\w'’\-]+$")
_INTERPRETED = re.compile(
    r"^\((?P<note>(?:As interpreted|Retranslated|Translated|In \w+|via interpreter)[^()]{0,40})\)\s*", re.I
)


@dataclass
class Label:
    printed: str  # as printed, without its delimiter, whitespace collapsed
    name: str  # without the parenthetical note
    note: str | None
    rest: str  # the text after the label
    kind: LabelKind
    affiliation: str | None = None  # "NAME/OUTLET:", "Q (Reuters):"
    delimiter: str = ":"  # ":", ".", ".-", "—", "" (alone on its line): part of the document's label grammar


def fold(text: str) -> str:
    """Lower-case, accents removed: the key under which names are compared."""
    text = unicodedata.normalize("NFKD", text)
    # NFC again puts Korean syllables back together (NFKD splits them into letters, no accents to drop).
    return unicodedata.normalize("NFC", "".join(ch for ch in text if not unicodedata.combining(ch))).lower().strip()


@lru_cache(maxsize=65536)
@lru_cache(maxsize=1 << 16)
def base_key(name: str) -> str:
    """A name or label as compared: whitespace collapsed, folded (case, accents), no dots at its
    ends. Cached: the names of the archive's speakers are keyed over and over."""
    return fold(re.sub(r"\s+", " ", name)).strip(" .")


# Labels are compared by their folded key: the words above as keys too ("phóng viên", "إجابة").
QUESTION_LABELS = {base_key(word) for word in QUESTION_LABELS}
ANSWER_LABELS = {base_key(word) for word in ANSWER_LABELS}


# A question marker followed by the journalist's name: "FRAGE JESSEN:" (German government press
# conferences), "Question Smith:", "Вопрос Иванов:".
_ASKER_PREFIXES = {"frage", "zusatzfrage", "nachfrage", "question", "q", "вопрос", "pregunta", "domanda"}


# "Speaker 2", "Participant 3", "Unknown Speaker 1": transcription services' unnamed voices.
NUMBERED_VOICE = re.compile(
    r"^(?:unknown |unidentified )?(?:speaker|participant|voice|audience member|guest|caller)"
    # "Speaker 2", "Speaker B"; or many at once: "PARTICIPANTS:", "AUDIENCE MEMBERS:" (nobody's name).
    r"(?:\s*\d{1,3}|\s+[a-z]|s)$"
)


# Voices that are no one person: "AIR FORCE ONE FLIGHT CREW", "CREW MEMBER", "Note for television journalists",
# an official not named ("SENIOR MILITARY OFFICIAL", "SENIOR INTELLIGENCE OFFICIAL 2" were the speakers
# "Military" and "Intelligence"; not "John Smith, State Department official").
_UNNAMED_GROUP = re.compile(
    r"(?:\bcrew(?: members?)?|^note for [\w ]{1,40}|^[^,]*\bofficials?(?: (?:\d{1,2}|one|two|three|four|[a-d]))?)$"
)


def classify(name: str) -> str:
    key = base_key(name)
    if NUMBERED_VOICE.match(key):
        return LabelKind.ANONYMOUS
    if key in QUESTION_LABELS or NUMBERED_QUESTION.match(key):
        return LabelKind.QUESTION
    first, _, rest = key.partition(" ")
    if first in _ASKER_PREFIXES and rest and len(rest.split()) <= 3 and rest not in ANSWER_LABELS:
        return LabelKind.QUESTION
    if key in ANSWER_LABELS or NUMBERED_ANSWER.match(key):
        return LabelKind.ANSWER
    if key in ANONYMOUS_LABELS or _UNNAMED_GROUP.search(key):
        return LabelKind.ANONYMOUS
    if key in METADATA_KEYS:
        return LabelKind.METADATA
    if name.strip(" .").upper() in _OFFICE_INITIALS and name.strip(" .").isupper():
        return LabelKind.PERSON  # "PM:", "EAM:" (India's External Affairs Minister): an office, not an outlet
    if is_outlet(name):
        return LabelKind.OUTLET
    words = name.split()
    if (
        first == "the"
        and rest
        and len(words) <= 5
        and all(w[:1].isupper() or w.lower() in CONNECTORS for w in words)
        and not set(rest.replace("-", " ").split()) & _PERSON_WORDS
    ):
        return LabelKind.OUTLET  # "The Globe and Mail:", "The Hindu:" — not "THE PRESIDENT:", "The athlete's father …"
    return LabelKind.PERSON


@lru_cache(maxsize=1)
def _media_names() -> frozenset[str]:
    """The news organisations of the gazetteer, by every name ("Der Spiegel", "Le Monde", "TASS")."""
    return frozenset(
        base_key(name)
        for media in data_file("entities.json")["media"]
        for name in [media["name"], *media.get("aliases", [])]
    )


# Offices of state in a label make it a person's, whatever else it names: "Communications and Mass
# Media Minister Nikolai Nikiforov" is no outlet.
_STATE_OFFICES = {
    "minister", "secretary", "president", "ambassador", "governor", "spokesperson", "spokesman", "spokeswoman",
    "chancellor", "senator", "mayor", "premier", "deputy", "commissioner",
}  # fmt: skip


# Words that make "The …" a person (an office or a form of address), not a newspaper.
_PERSON_WORDS = _STATE_OFFICES | {
    "lady", "gentleman", "speaker", "chair", "chairman", "chairwoman", "hon", "honourable", "honorable", "rt",
    "king", "queen", "prince", "princess", "emir", "pope", "sheikh", "crown", "duke", "duchess", "first",
    "vice", "secretary-general", "general", "director", "leader", "head", "clerk", "moderator", "host",
    "interpreter", "translator", "narrator", "announcer", "official", "officials", "envoy", "representative",
}  # fmt: skip


def is_outlet(name: str) -> bool:
    key = base_key(name)
    if key in _media_names() or any(phrase in key for phrase in OUTLET_PHRASES):
        return True
    words = re.split(r"[\s/]+", key)
    if len(words) > 1 and _STATE_OFFICES & set(words):
        return False
    if len(words) > 1 and {"hon", "hon.", "honourable", "honorable"} & set(words):
        return False  # "Rt Hon Christopher Luxon" (not RT, the channel)
    outlet_words = {w for w in words if w in OUTLET_WORDS}
    if outlet_words == {"agency"} and {"for", "federal"} & set(words):
        return False  # "Head of the Federal Agency for Tourism Oleg Safonov", "Agency for Strategic Initiatives"
    if outlet_words:
        return True
    # Short all-capital acronyms (CCTV, CRI, AFP; eNCA) are outlets; MS./MR. forms are not, nor a surname
    # the gazetteer knows ("LAVROV:", "PUTIN:"), nor a word of five letters or more.
    return (
        len(words) == 1
        and re.fullmatch(r"[a-z]?[A-Z]{2,4}", name.strip()) is not None
        and key not in HONORIFICS
        and key not in _people_words()
    )


@lru_cache(maxsize=1)
def _people_words() -> frozenset[str]:
    """Every word of the gazetteer's people's names and aliases ("lavrov", "putin", "kim")."""
    names = [n for person in data_file("people.json")["people"] for n in [person["name"], *person.get("aliases", [])]]
    return frozenset(word for name in names for word in base_key(name).split())


# The commonest Chinese surnames (one character, and the compound ones): "李明华：" opens a turn,
# "他表示：" does not.
_CHINESE_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔"
    "钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤耿华常康洪岳"
    "乔施柳聂温鲍包齐易牛祝翟纪舒毕俞章裴管耿"
    # and as traditional characters write them (Taiwan, Hong Kong): 張 劉 陳 …
    "張劉陳楊黃趙吳孫馬羅鄭謝許韓馮鄧蕭葉蔣蘇呂盧鍾譚陸賈韋鄒閆龍賀顧龔萬錢嚴湯聶鮑齊紀畢喬華"
)
_CHINESE_COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容", "尉迟", "长孙")
_SPEECH_ENDINGS = set("说称示出调道问答指表讲曰")


# A Chinese label of an outlet's reporter or an office and a name: "法新社记者：", "彭博社記者：",
# "《北京日报》记者：", "CNN记者：" (an outlet in Latin letters), "发言人林剑：", "外交部发言人毛宁（笑）：".
_HAN_LABEL = re.compile(
    r"^(?P<name>[\u4e00-\u9fff《》][\u4e00-\u9fff《》A-Za-z]{1,17}|[A-Za-z][A-Za-z0-9]{1,11}(?:记者|記者))"
    r"(?:[（(](?P<note>[^（）()]{1,30})[）)])?\s*[:：]\s*(?=\S)"
)
_HAN_REPORTER = ("记者", "記者")
# A follow-up ("追问：") and a reporter's question told ("路透社记者提问：", "有记者问："); a question
# asked after the press conference ("会后，有俄罗斯记者问及：").
_HAN_ASKING = (
    "追问", "追問", "记者提问", "記者提問", "记者问", "記者問", "记者问及", "記者問及", "记者澄清", "记者解释",
    "记者补充", "记者笑",
)  # fmt: skip
_AFTER_CONFERENCE = re.compile(r"^(?P<name>会后[，,]?有(?P<outlet>[^：:。]{0,12}?)记者问及)\s*[:：]\s*(?=\S)")
_HAN_OFFICES = (
    "外交部", "发言人", "發言人", "副部长", "副部長", "部长", "部長", "外长", "外長", "大使", "主席", "总统", "總統",
    "总理", "總理", "国务委员", "國務委員", "主持人", "司长", "司長", "局长", "局長", "行政長官", "行政长官", "特首",
    "首相",
)  # fmt: skip
# Offices that label a turn alone ("行政長官：…", Hong Kong's Chief Executive), the holder named elsewhere.
_HAN_OFFICES_ALONE = ("行政長官", "行政长官", "特首", "总统", "總統", "总理", "總理", "首相", "外长", "外長")


# Japanese offices after a surname, the longest first.
_JAPANESE_OFFICES = tuple(
    sorted(
        ("外務大臣", "内閣総理大臣", "総理大臣", "総理", "大臣", "官房長官", "報道官", "外務報道官", "副大臣",
         "政務官", "大臣政務官", "事務次官", "外務審議官", "大使", "長官", "首相"),
        key=len,
        reverse=True,
    )
)  # fmt: skip


def _han_label(match: re.Match, text: str) -> Label | None:
    """An outlet's reporter (a question, the outlet its affiliation) or an office then a name; None
    for anything else (a sentence that ends in a colon, "他表示：")."""
    name, rest = match["name"], text[match.end() :]
    if name.startswith(("追问", "追問")) and len(name) <= 4:  # "追问一：", "追问二："
        return Label(name, name, match["note"], rest, LabelKind.QUESTION)
    if name.endswith(_HAN_ASKING):
        outlet = name[: -len(next(a for a in _HAN_ASKING if name.endswith(a)))].removeprefix("有").strip("《》")
        return Label(name, name, match["note"], rest, LabelKind.QUESTION, affiliation=outlet or None)
    if name.endswith(_HAN_REPORTER) and (len(name) > 2 or match["note"]):
        printed = f"{name}（{match['note']}）" if match["note"] else name
        outlet = name[:-2].strip("《》") or match["note"]  # "《北京日报》记者"
        return Label(printed, name, match["note"], rest, LabelKind.QUESTION, affiliation=outlet)
    person = name
    while person.startswith(_HAN_OFFICES):
        person = person[len(next(o for o in _HAN_OFFICES if person.startswith(o))) :]
    if person != name and is_chinese_name(person):
        printed = f"{name}（{match['note']}）" if match["note"] else name
        return Label(printed, person, match["note"], rest, LabelKind.PERSON)
    if name in _HAN_OFFICES_ALONE:
        return Label(name, name, match["note"], rest, LabelKind.PERSON)
    office = next((o for o in _JAPANESE_OFFICES if name.endswith(o)), None)
    if office and len(name) - len(office) <= 4:
        # Japanese: the surname, then the office ("上川外務大臣：", "林官房長官：", "外務報道官："), as
        # "【上川外務大臣】" is read.
        return Label(name, name, match["note"], rest, classify(name))
    return None


def is_chinese_name(token: str) -> bool:
    """Two or three Han characters (four with a compound surname) starting with a common surname and
    not ending in a verb of saying ("王毅说" is a sentence)."""
    if not token or not all("\u4e00" <= ch <= "\u9fff" for ch in token) or token[-1] in _SPEECH_ENDINGS:
        return False
    if token.startswith(_CHINESE_COMPOUND_SURNAMES):
        return 3 <= len(token) <= 4
    return 2 <= len(token) <= 3 and token[0] in _CHINESE_SURNAMES


# Words of an office written in lower case inside a label: Vietnamese "Người phát ngôn Phạm Thu Hằng"
# (the spokesperson), "Bộ trưởng" (minister).
_LOWERCASE_OFFICE_WORDS = {"phát", "ngôn", "trưởng", "giao", "thứ"}


# An office in lower case after its article: "Le ministre :", "La porte-parole :", "El canciller:".
_ARTICLE_OFFICE = re.compile(
    r"(?:le|la|l’|l'|el|il|lo|der|die|o|a)\s*(?:ministre|ministro|ministra|ministerin|minister|président|présidente"
    r"|presidente|presidenta|porte-parole|portavoz|portavoce|porta-voz|canciller|chancelière|chancelier|kanzler"
    r"|kanzlerin|bundeskanzler|bundeskanzlerin|secrétaire|secretario|secretaria|sprecher|sprecherin|ambassadeur"
    r"|ambassadrice|embajador|embajadora|premier ministre|primer ministro|primera ministra|primo ministro"
    r"|vicepresidente|vice-président|vice-présidente)(?:\s+[\w'’\-]+){0,4}",
    re.I,
)


# An office whose object is written in lower case, then the name: "Ministr zahraničí Jan Lipavský",
# "Minister spraw zagranicznych Radosław Sikorski", "Ministre de l'Europe et des Affaires étrangères
# Jean-Noël Barrot". The office is one of these words, as printed (not "Ministers agreed with …").
_OFFICE_FIRST = {
    "ministr", "ministryně", "minister", "ministre", "ministro", "ministra", "ministerin", "premiér", "premier",
    "prezident", "president", "président", "presidente", "secretary", "secretário", "secretario", "sekretarz",
    "sprecher", "sprecherin", "portavoz", "porte-parole", "rzecznik", "mluvčí", "menteri",
    # "Eerste minister Alexander De Croo", "Conseiller fédéral Ignazio Cassis", "Consigliere federale …".
    "eerste", "conseiller", "conseillère", "consigliere", "staatssekretär", "staatssekretärin",
}  # fmt: skip


def _office_in_lower_case_then_name(tokens: list[str]) -> bool:
    if len(tokens) < 4 or not tokens[0][:1].isupper() or tokens[0].lower() not in _OFFICE_FIRST:
        return False
    name_at = len(tokens)
    while name_at > 1 and tokens[name_at - 1][:1].isupper():
        name_at -= 1  # the name: the capitalised words at the end
    name, middle = tokens[name_at:], tokens[1:name_at]
    return (
        1 <= len(middle) <= 7
        and middle[-1][:1].islower()
        and 2 <= len(name) <= 4
        and all(_NAME_TOKEN.match(t) for t in name)
    )


def is_name_like(name: str, *, known_single: set[str] | frozenset = frozenset()) -> bool:
    if _ARTICLE_OFFICE.fullmatch(name.strip()) and name[:1].isupper():
        return True
    if _office_in_lower_case_then_name(name.split()):
        return True
    key = base_key(name)
    if NUMBERED_VOICE.match(key) or NUMBERED_QUESTION.match(key) or NUMBERED_ANSWER.match(key):
        return True
    if key in QUESTION_LABELS | ANSWER_LABELS:
        return True  # "Phóng viên" (reporter), "Trả lời" (answer): markers in lower case
    tokens = name.split()
    if not 1 <= len(tokens) <= 10:
        return False
    if len(tokens) == 1 and is_chinese_name(tokens[0]):
        return True
    if len(tokens) == 1 and is_outlet(tokens[0]):
        return True  # "eNCA"
    if not _NAME_TOKEN.match(tokens[0]) or not _NAME_TOKEN.match(tokens[-1]):
        return False
    for token in tokens:
        if token.lower() in CONNECTORS or token.lower() in _LOWERCASE_OFFICE_WORDS:
            continue
        if not _NAME_TOKEN.match(token):
            return False
        if token.endswith(".") and len(token.strip(".")) > 4 and not token.isupper():
            return False  # a sentence's full stop, not an abbreviation
    if len(tokens) == 1:
        token = tokens[0]
        key = base_key(token)
        return (
            key in QUESTION_LABELS
            or key in ANSWER_LABELS
            or key in ANONYMOUS_LABELS
            or key in METADATA_KEYS
            or key in known_single
            or key in _OFFICE_ALONE  # "Spokesperson:" after "Spokesperson Lim Soosuk:"
            or (token.isupper() and len(token) >= 2)
            or _INITIALS_NAME.match(token) is not None
            or is_chinese_name(token)
        )
    return True


def match_label(
    text: str,
    *,
    bold_lead: str = "",
    known_single: frozenset = frozenset(),
    strict: bool = False,
    dashes: bool = True,
    caps_fullstop: bool = True,
) -> Label | None:
    """The speaker label that opens `text`, if any.

    `strict` (used inside a paragraph, after a hard line break) only accepts
    forms that cannot be ordinary prose: all-capital names, Q/A markers, and
    names already seen as labels in this transcript. `dashes`: whether this
    document's labels end in dashes ("NAME.- text", "NAME — text"); where they
    do not, "Q — got no opposition" is a question whose text opens with a dash.
    """
    text = text.lstrip()
    if not text:
        return None
    stamp = TIMESTAMP.match(text)
    if stamp:
        # "[00:01:40] Question: …": a recording's timestamp before the label stays in the label as printed.
        label = match_label(
            text[stamp.end() :],
            bold_lead=bold_lead,
            known_single=known_single,
            strict=strict,
            dashes=dashes,
            caps_fullstop=caps_fullstop,
        )
        if label is not None:
            label.printed = f"{stamp.group(0).strip()} {label.printed}"
        return label
    # A number before the label is the label's: "1. Question: …" (answers to a list of a newspaper's
    # questions), "Q12 Chair: …" / "Q13 Liam Byrne: …" (a parliamentary committee's numbered evidence).
    for marker, kinds in ((_NUMBERED_MARKER, (LabelKind.QUESTION, LabelKind.ANSWER)), (COMMITTEE_QUESTION, None)):
        numbered = marker.match(text)
        rest = text[numbered.end() :] if numbered else ""
        label = numbered and match_label(rest, known_single=known_single, strict=strict, dashes=dashes)
        if label and (label.kind in kinds if kinds else label.kind != LabelKind.METADATA):
            label.printed = f"{numbered.group(0).strip()} {label.printed}"
            return label
    mark = _CAPTION_MARK.match(text)
    if mark:
        rest = text[mark.end() :]
        head = _LABEL_HEAD.match(rest)
        named = _colon_label(head, rest, known_single, False, "") if head else None
        words = base_key(named.name).split() if named else []
        if named and named.kind != LabelKind.METADATA and len(words) <= 4 and not set(words) & _NOT_IN_A_CAPTION_NAME:
            return named
        return Label(">>", ">>", None, rest, LabelKind.ANONYMOUS, delimiter=">>")
    match = (
        _CJK_LABEL.match(text)
        or _LENTICULAR_LABEL.match(text)
        or _HANGUL_LABEL.match(text)
        or _CASELESS_LABEL.match(text)
    )
    if match:
        printed = match["name"].strip()
        name = " ".join(re.sub("[,،]", " ", printed).split())  # the office, then the name: titles strip the office
        if name.endswith(_HAN_REPORTER) and len(name) > 2:
            # "【共同通信　佐藤記者】", "【NHK　田中記者】": a reporter of that outlet asks.
            outlet = name.split()[0] if " " in name else name[:-2]
            return Label(printed, name, None, text[match.end() :], LabelKind.QUESTION, affiliation=outlet)
        return Label(printed, name, None, text[match.end() :], classify(name))
    match = _AFTER_CONFERENCE.match(text)
    if match:
        name = match["name"]
        return Label(name, name, None, text[match.end() :], LabelKind.QUESTION, affiliation=match["outlet"] or None)
    match = _HAN_LABEL.match(text)
    if match and (label := _han_label(match, text)) is not None:
        return label
    match = _BRACKETED_NAME.match(text)
    if match and is_name_like(" ".join(match["name"].split()), known_single=known_single):
        label = _finish(match, text)
        if label.kind != LabelKind.METADATA:
            return label
    match = _LABEL_HEAD.match(text)
    if match:
        label = _colon_label(match, text, known_single, strict, bold_lead)
        if label is not None:
            return label
    match = _DASH_HEAD.match(text) if dashes else None
    if match:
        label = _dash_label(match, text, known_single)
        if label is not None:
            return label
    match = _SPACED_DASH_HEAD.match(text) if dashes else None
    if match and (label := _spaced_dash_label(match, text, known_single)) is not None:
        return label
    match = _A_BARE.match(text) if "a" in known_single else None
    if match:
        return _finish(match, text, kind=LabelKind.ANSWER)
    match = LETTER_MARKER.match(text)
    if match and match["name"].lower() in known_single:
        kind = LabelKind.ANSWER if match["name"] == "R" else LabelKind.QUESTION
        return _finish(match, text, kind=kind)
    match = _Q_BARE.match(text)
    if match and (
        match.group(0).rstrip().endswith((".", ":", "："))
        or text[match.end() :][:1].isupper()
        or text[match.end() :][:1] in "\"“‘'([—–-…"
        or match["note"]
    ):
        return _finish(match, text, kind=LabelKind.QUESTION)
    match = _HEARING_LABEL.match(text) if caps_fullstop else None
    if match:
        return _finish(match, text, kind=classify(match["name"]))
    match = _CAPS_FULLSTOP.match(text) if caps_fullstop else None  # not in captions set in capitals
    if match and len(re.sub(r"[^A-Z]", "", match["name"])) >= 2:
        name = match["name"]
        if base_key(name) in HONORIFICS:
            return None
        if "." in name.split()[-1] or "BY" in name.split():
            return None  # "PRESS STATEMENT BY H.E. MOUSSA FAKI MAHAMAT, …": a title, "H.E." its abbreviation
        kind = classify(name)
        if kind in (LabelKind.METADATA, LabelKind.OUTLET) and not strict:
            return None
        if strict and kind == LabelKind.PERSON and base_key(name) not in known_single and len(name.split()) < 2:
            return None
        return _finish(match, text, kind=kind)
    return None


# A sentence's opening before a colon, not a speaker: "And to President Biden:", "As for …:", "Back to
# Wall Street:", "Look at the U.S.:"; or one that quotes: "The message reads:", "He said:".
_SENTENCE_OPENERS = {
    "and", "as", "back", "look", "but", "so", "now", "to", "for", "with", "on", "in", "at", "from", "about",
    "or", "then", "also", "again", "here", "there", "finally", "lastly",
}  # fmt: skip
_VERBS_OF_SAYING = {
    "reads", "read", "says", "said", "states", "stated", "writes", "wrote", "adds", "added", "notes", "noted",
    "declares", "declared", "continues", "continued", "concludes", "concluded", "explains", "explained",
    "reports", "reported", "asks", "asked", "replies", "replied", "stresses", "stressed",
}  # fmt: skip


def sentence_opening(name: str) -> bool:
    """Words before a colon that open a sentence rather than name a speaker: "And to President
    Biden", "The message reads", "Q And on Elon Musk and Twitter" (that one is "Q")."""
    words = base_key(name).split()
    return len(words) > 1 and (
        words[0] in _SENTENCE_OPENERS or words[-1] in _VERBS_OF_SAYING or name.split()[0] in ("Q", "A")
    )  # "A. Voronin" is a name


# "Question from Kazinform:", "Question by Al Jazeera:", "Вопрос от ТАСС:": who asks, named after the marker.
_QUESTION_FROM = re.compile(
    r"^(?:question|q|вопрос|frage|pregunta|domanda)\s+(?:from|by|of|от|von|de|di)\s+(?P<who>\S.{0,60})$", re.I
)


_MINISTRY_NOTE = re.compile(r"(?=(?:[^A-ZÄÖÜ]*[A-ZÄÖÜ]){2})[A-ZÄÖÜ][A-Za-zÄÖÜäöü]{1,7}")


def _colon_label(match: re.Match, text: str, known_single, strict: bool, bold_lead: str) -> Label | None:
    name = match["name"]
    affiliation = None
    asker = _QUESTION_FROM.match(" ".join(name.split()))
    if asker and not strict and asker["who"][:1].isupper() and len(asker["who"].split()) <= 6:
        label = _finish(match, text, kind=LabelKind.QUESTION)
        label.affiliation = asker["who"]
        return label
    if sentence_opening(name):
        return None
    first, _, second = (part.strip() for part in name.partition("/"))
    offices = first.upper() in _OFFICE_INITIALS or _office_only(first) and _office_only(second.split(" ")[0])
    if "/" in name and offices and len(second.split()) >= 2:
        name = name.replace("/", " ")  # read as "HR VP Josep Borrell"; printed as it stands
    elif "/" in name:
        # "JOURNALIST/REUTERS:", "Jane Doe/AFP:"; not two offices of one person: "HR/VP Josep Borrell:",
        # "High Representative/Vice-President Josep Borrell:".
        name, _, affiliation = (part.strip() for part in name.partition("/"))
        if not name or not affiliation or not affiliation[:1].isupper() or len(affiliation.split()) > 6:
            return None
    if base_key(name) in VOCATIVES:
        return None
    dashed = re.split(r"\s+[–—-]\s+", name)
    if len(dashed) == 2 and _an_office(dashed[1]) and not _an_office(dashed[0]):
        name = ", ".join(dashed)  # "John Kirby – NSC Coordinator for Strategic Communications:", as with a comma
    if "," in name:
        # "Official Spokesperson, Shri Randhir Jaiswal:", "Sergey Lavrov, Foreign Minister:": an office
        # and a name, each name-like; not "Dear Colleagues, Ladies and Gentlemen:".
        parts = [part.strip() for part in name.split(",")]
        # One part is an office ("Official Spokesperson") or an outlet ("Channel One Russia"); two
        # names are people addressed ("First Lady Dr. Jill Biden, President Joe Biden: thank you").
        # An office with what it is for or of ("NSC Coordinator for Strategic Communications"), unless that
        # goes on past the comma ("Minister for Civil Defence, Emergencies and Natural Disaster Relief:").
        office = _an_office
        if any(
            not _an_office(part) and set(part.lower().split()) & {"and", "or", "&", "et", "y", "und", "e"}
            for part in parts
        ):
            office = _office_only
        office_or_outlet = [office(part) or is_outlet(part) for part in parts]
        if (
            strict
            or office_or_outlet.count(True) != 1
            or len(parts) != 2
            or classify(name.split()[0]) in (LabelKind.QUESTION, LabelKind.ANSWER)  # "Q Thanks, Jen. Back …:"
            or any(
                base_key(part) in VOCATIVES
                or not (is_name_like(part) or _beside_an_outlet(part, parts) and _NAME_TOKEN.match(part))
                or not 2 <= len(part.split()) <= 6
                and not (is_outlet(part) or _beside_an_outlet(part, parts) or office(part))
                or any(
                    t.endswith(".") and len(t.strip(".")) > 1 and t.lower().strip(".") not in HONORIFICS
                    for t in part.split()
                )  # a sentence's full stop
                for part in parts
            )
        ):
            return None
        if is_outlet(parts[1]) and not _office_only(parts[1]):
            name, affiliation = parts[0], parts[1]  # "Natalya Yuryeva, Channel One Russia:"
        elif is_outlet(parts[0]) and not _office_only(parts[0]):
            name, affiliation = parts[1], parts[0]  # "NHK, Suzuki:", "Kyodo News, Tanaka:"
        elif office(parts[1]):
            name = f"{parts[1]} {parts[0]}"  # "Sergey Lavrov, Foreign Minister": the office first, as titles put it
        else:
            name = " ".join(parts)
    # "Fischer (AA):", "Collatz (BMVg):": a surname and the ministry it speaks for (German government
    # press conferences) is a label as an all-capital "FISCHER (AA):" is.
    ministry = not strict and bool(match["note"] and _MINISTRY_NOTE.fullmatch(match["note"].strip()))
    ministry = ministry and len(name.split()) == 1 and bool(_NAME_TOKEN.match(name)) and name[:1].isupper()
    acceptable = ministry or _acceptable(name, known_single, strict, bold_lead)
    if not acceptable and not (affiliation and _NAME_TOKEN.match(name)):
        return None  # one word is a name beside its outlet ("NHK, Suzuki:")
    label = _finish(match, text, name=name)
    if "," in match["name"] or len(dashed) == 2 or "/" in match["name"] and not affiliation:
        label.printed = label.printed.replace(name, " ".join(match["name"].split()), 1)
    if affiliation:
        label.affiliation = affiliation
    if label.kind in (LabelKind.PERSON, LabelKind.OUTLET) and _addresses_someone(label, known_single):
        return None  # "President Biden: you hold the key…", "The Houston Astros: legends of Space City."
    return label


COMMITTEE_QUESTION = re.compile(rf"^Q\d{{1,4}}[ \t]+(?=[{UPPER}])")
_NUMBERED_MARKER = re.compile(r"^\d{1,3}[.)]\s+(?=(?:question|q|вопрос|frage|pregunta|domanda|pergunta)\b)", re.I)
# Offices written as initials before a slash ("HR/VP", "SG/DSG"), not an outlet's ("AP/Reuters").
_OFFICE_INITIALS = {"HR", "VP", "SG", "DSG", "PM", "FM", "DG", "DDG", "SRSG", "EAM", "DPM"}


# An office that labels a turn on its own, once its holder is known ("Spokesperson:", "Minister:").
_OFFICE_ALONE = {
    "spokesperson", "spokesman", "spokeswoman", "minister", "ambassador", "chair", "chairman", "chairwoman",
    "chairperson", "chancellor", "premier", "secretary-general", "interpreter",
}  # fmt: skip


def _beside_an_outlet(part: str, parts: list[str]) -> bool:
    """One word beside an outlet is the journalist: "Sidhant Sibal, WION:", "NHK, Suzuki:"."""
    return len(part.split()) == 1 and any(is_outlet(other) for other in parts if other != part)


# Words an office is named with ("Official Spokesperson", "Foreign Minister", "Deputy Head of Mission").
OFFICE_WORDS = {
    "official", "spokesperson", "spokesman", "spokeswoman", "minister", "secretary", "president", "vice",
    "ambassador", "director", "general", "chairman", "chairwoman", "chair", "adviser", "advisor",
    "representative", "envoy", "special", "commissioner", "governor", "chancellor", "premier", "prime",
    "deputy", "head", "chief", "counsellor", "counselor", "coordinator", "press", "foreign", "affairs",
    "state", "national", "security", "mission", "assistant", "senior", "acting", "permanent", "high",
    "first", "executive", "leader", "mayor", "consul", "attaché", "attache", "military", "defence", "defense",
    # … and the offices of other languages, with what they are of ("Presidente del Gobierno, Pedro Sánchez:",
    # "Ministre de l'Europe et des Affaires étrangères, Jean-Noël Barrot:"), compared without accents.
    "presidente", "presidenta", "vicepresidente", "vicepresidenta", "ministro", "ministra",
    "ministre", "portavoz", "porte-parole", "portavoce", "porta-voz", "secretario", "secretaria", "secretaire",
    "segretario", "sottosegretario", "canciller", "embajador", "embajadora", "ambassadeur", "ambasciatore",
    "embaixador", "directeur", "directora", "jefe", "gobierno", "governo", "gouvernement", "consiglio",
    "conseil", "asuntos", "exteriores", "relaciones", "esteri", "affaires", "etrangeres", "estrangeiros",
    "negocios", "europa", "europe", "cooperacion", "cooperation", "union", "republica", "republique",
    "repubblica", "nacion", "l'europe", "sprecher", "sprecherin", "bundeskanzler", "bundeskanzlerin",
    "staatssekretar", "regierungssprecher",
    "aussenminister", "außenminister", "bundesminister", "bundesministerin",
}  # fmt: skip


# Whose office: "Russian Foreign Minister", "U.S. Secretary of State", "EU High Representative".
_NATIONALITY = re.compile(r"^(?:u\.?s\.?|eu|un|uk|\w+(?:ian|ese|ish|an|i|ch|ic))$")


# What joins an office's words in other languages ("Presidente del Gobierno", "Ministre de l'Europe et des …").
_OFFICE_JOINERS = {"del", "de", "la", "des", "du", "do", "da", "della", "degli", "y", "et", "e", "der", "fur", "für"}


def _an_office(text: str) -> bool:
    """An office, with what it is for or of: "Official Spokesperson", "NSC Coordinator for Strategic
    Communications", "Foreign Minister of the Russian Federation"."""
    head = re.split(r"\s+(?:for|of|to|at|in)\s+", text, maxsplit=1)[0]
    return _office_only(text) or head != text and bool(head.strip()) and _office_only(head)


def _office_only(text: str) -> bool:
    words = [w for w in re.split(r"[\s-]+", base_key(text)) if w and w not in CONNECTORS and w not in _OFFICE_JOINERS]
    first = text.split()[0] if text.split() else ""
    # Whose office: "Russian Foreign Minister", "NATO Spokesperson", "IAEA Director General".
    if len(words) >= 2 and (_NATIONALITY.match(words[0]) or re.fullmatch(r"[A-Z]{2,6}", first)):
        words = words[1:]
    return bool(words) and all(w in OFFICE_WORDS for w in words)


def _addresses_someone(label: Label, known_single) -> bool:
    """ "President Biden: you hold the key…": a name, a colon, then a sentence that does not start
    as sentences do. A label that this document uses elsewhere is still a label."""
    first = label.rest[:1]
    return first.isalpha() and first.islower() and base_key(label.name) not in known_single


def _dash_label(match: re.Match, text: str, known_single) -> Label | None:
    """Dash delimiters are read only where prose would not use them: after a full stop (".-"),
    or after a name in capitals, a question/answer marker or a name this document uses as a
    label elsewhere."""
    name = " ".join(match["name"].split())
    if not is_name_like(name, known_single=known_single) or base_key(name) in VOCATIVES or sentence_opening(name):
        return None  # "Look at the U.S.-India Civil Nuclear Agreement …" is a sentence
    letters = re.sub(r"[^\w]|[\d_]", "", name)
    marker = classify(name) in (LabelKind.QUESTION, LabelKind.ANSWER, LabelKind.ANONYMOUS)
    after_stop = "." in match["delim"]
    if not (after_stop or marker or (letters.isupper() and len(letters) >= 2) or base_key(name) in known_single):
        return None
    if classify(name) in (LabelKind.METADATA, LabelKind.OUTLET) and not marker:
        return None
    label = _finish(match, text, name=name)
    label.delimiter = ".-" if after_stop else "—"
    if label.kind == LabelKind.PERSON and _addresses_someone(label, known_single):
        return None
    return label


def _spaced_dash_label(match: re.Match, text: str, known_single) -> Label | None:
    name = match["name"]
    single_office = len(name.split()) == 1 and base_key(name) in OFFICE_WORDS  # "President. – …"
    if not (single_office or is_name_like(name, known_single=known_single)):
        return None
    if not single_office and classify(name) in (LabelKind.METADATA, LabelKind.OUTLET) or base_key(name) in VOCATIVES:
        return None
    label = _finish(match, text, kind=LabelKind.PERSON if single_office else None)
    label.delimiter = ".-"
    if match["note"]:
        # What they speak as: "President-in-Office of the Council", "on behalf of the PPE Group".
        label.printed = f"{label.name}, {label.note}"
    return label


def _acceptable(name: str, known_single, strict: bool, bold_lead: str) -> bool:
    if not is_name_like(name, known_single=known_single):
        return False
    if strict:
        letters = re.sub(r"[^A-Za-z]", "", name)
        return (
            (letters.isupper() and len(letters) >= 1)
            or base_key(name) in known_single
            or (classify(name) in (LabelKind.QUESTION, LabelKind.ANSWER))
        )
    return True


def _finish(match: re.Match, text: str, kind: str | None = None, name: str | None = None) -> Label:
    name = " ".join((name or match["name"]).split())
    raw_note = match["note"] or match.groupdict().get("bracketed")
    note = " ".join(raw_note.split()) if raw_note else None
    rest = text[match.end() :]
    printed = f"{name} ({note})" if note else name
    if note and match.groupdict().get("note2"):
        printed = f"{printed} ({' '.join(match['note2'].split())})"
        note = f"{note}, {' '.join(match['note2'].split())}"
    if note and not match["note"]:
        printed = f"{name} [{note}]"  # as printed
    interpreted = _INTERPRETED.match(rest)
    if interpreted and not note:
        note = " ".join(interpreted["note"].split())
        printed = f"{name} ({note})"
        rest = rest[interpreted.end() :]
    return Label(printed, name, note, rest.lstrip(), kind or classify(name))

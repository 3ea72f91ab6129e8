"""Mentions in one transcript: gazetteer names, titled names, speakers, and later short forms.

Pure Python (no Django), like the parser: the caller passes what the database adds
(editors' aliases, entities found in earlier transcripts, names marked wrong).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from transcripts.entities.gazetteer import (
    EntityInfo,
    EntityRef,
    country_names_in,
    gazetteer,
    gazetteer_version,
    person_stopwords,
)
from transcripts.entities.matcher import Match, Matcher, Prepared, fold
from transcripts.parsing.labels import HONORIFICS, base_key
from transcripts.parsing.people import PERSON_NAMES_TOO, TITLE_WORDS, plausible_name
from transcripts.textindex import has_han

# Offices that stand before a person's name in running text: "Finnish President Alexander Stubb",
# "Chancellor Friedrich Merz", "Minister Ryzhenkov".
_OFFICE = (
    r"(?:Vice[- ]President|President|Prime Minister|Premier|Chancellor|Foreign Minister|Deputy Foreign Minister|"
    r"Deputy Prime Minister|Defen[cs]e Minister|Minister|Secretary of State|Secretary-General|Secretary General|"
    r"Secretary|Director-General|Director General|Ambassador|Envoy|Special Envoy|Senator|Congressman|"
    r"Congresswoman|Governor|Mayor|King|Queen|Crown Prince|Prince|Emir|Sheikh|Sultan|Pope|Spokesperson|"
    r"Spokesman|Spokeswoman|Press Secretary|Speaker|Leader|General|Admiral|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Madam)"
)
# A word of a name, hyphenated parts and all ("Thomas-Greenfield", "Jong-Il", "el-Sisi").
_NAME_WORD = r"(?:[A-Z\u00C0-\u00DE][a-z\u00DF-\u00FF'’]+(?:-[A-Za-z\u00C0-\u00FF][a-z\u00DF-\u00FF'’]*)*|[A-Z]\.)"
_PARTICLE = r"(?:de|da|del|der|van|von|bin|al|el|la|le|di|du|dos)"
TITLED_NAME = re.compile(
    rf"\b{_OFFICE}\s+(?P<name>{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_WORD}){{0,3}})(?:’s|'s)?(?![\w’'-])"
)


@dataclass
class TranscriptMentions:
    """Which entities each turn mentions, how often, and where (for linking on the page)."""

    per_turn: list[Counter] = field(default_factory=list)
    spans: list[list[Match]] = field(default_factory=list)
    entities: dict[EntityRef, EntityInfo] = field(default_factory=dict)

    def summary(self) -> list[dict]:
        total: Counter = Counter()
        for counts in self.per_turn:
            total.update(counts)
        return [
            {"entity": ref.name, "kind": ref.kind, "count": n}
            for ref, n in sorted(total.items(), key=lambda item: (-item[1], item[0].name))
        ]


@dataclass(frozen=True)
class Known:
    """What the archive adds to the gazetteer: entities as edited or discovered (they take
    precedence over the gazetteer's own aliases) and names marked wrong. `version` identifies
    the state, so the matcher built from it is reused until it changes."""

    version: str = "gazetteer"
    entities: tuple[EntityInfo, ...] = field(default=(), compare=False)
    rejected: frozenset[EntityRef] = field(default=frozenset(), compare=False)


def extract(
    title: str, turns: Sequence[tuple[str, str | None]], known: Known = Known(), language: str = "en"
) -> TranscriptMentions:
    """`turns` are (text, speaker's full name or None) in order; `language` the transcript's (its
    country names are matched too: "Rusia" in Spanish)."""
    rejected = known.rejected
    by_ref, persons = _indexes(known)
    base = _CombinedMatcher(_archive_matcher(known), _gazetteer_matcher(), rejected, _language_matcher(language))

    # Full names this transcript introduces: its speakers, then titled names in the text.
    local: dict[EntityRef, EntityInfo] = {}
    for _, speaker in turns:
        if speaker and len(speaker.split()) >= 2:
            _introduce(speaker, persons, by_ref, local, rejected)
    for text, _ in turns:
        for match in TITLED_NAME.finditer(text):
            name = _trim_name(match["name"])
            if name:
                _introduce(name, persons, by_ref, local, rejected, base=base)
    # Within this transcript, a surname alone means the full name introduced ("Macron").
    stop = person_stopwords()
    surnames: dict[str, set[EntityRef]] = {}
    for ref in local:
        surnames.setdefault(ref.name.split()[-1], set()).add(ref)
    extra_aliases = [(info.ref.name, info.ref) for info in local.values()]
    extra_aliases += [(alias, info.ref) for info in local.values() for alias in info.aliases]
    extra_aliases += [
        (surname, next(iter(refs)))
        for surname, refs in surnames.items()
        if len(refs) == 1 and surname.lower() not in stop and len(surname) > 2
    ]
    local_matcher = Matcher(extra_aliases) if extra_aliases else None

    result = TranscriptMentions()
    found: list[list[Match]] = []
    for text, _ in turns:
        prepared = Prepared(text)
        matches = base.find(prepared)
        if local_matcher:
            matches = _merge(matches, local_matcher.find(prepared))
        matches = [m for m in matches if m.ref not in rejected and _stands_alone(text, m)]
        found.append(_us_states_in_context(text, matches))
    found = _short_forms_in_context([text for text, _ in turns], found)
    found = _congo_in_context(title, [text for text, _ in turns], found)
    for matches in found:
        result.spans.append(matches)
        counts = Counter(m.ref for m in matches)
        result.per_turn.append(counts)
        for ref in counts:
            result.entities.setdefault(ref, local.get(ref) or by_ref.get(ref) or EntityInfo(ref))
    return result


_DR_CONGO = EntityRef("DR Congo", "country")
_CONGO = EntityRef("Republic of the Congo", "country")
_BARE_CONGO = re.compile(r"(?:the )?Congo", re.I)
# Words only one of the two Congos goes with: its capital, its leaders, its provinces.
_CONGO_WORDS = {
    _DR_CONGO: re.compile(r"\b(?:Kinshasa|Tshisekedi|Kabila|Mobutu|Goma|Kivu|M23|Katanga|Lumumba|DRC)\b"),
    _CONGO: re.compile(r"\b(?:Brazzaville|Sassou|Nguesso|Pointe-Noire)\b"),
}


def _congo_in_context(title: str, texts: list[str], found: list[list[Match]]) -> list[list[Match]]:
    """ "Congo" alone is either of two countries ("the situation in the Congo", "Railroads must connect
    … East Africa to the Congo" meant DR Congo; "citizens of the Congo" after talks with Sassou Nguesso
    the Republic): the one the transcript names in full, or the one its words go with (its capital,
    its leaders); none when nothing says which."""
    congos = {_DR_CONGO, _CONGO}

    def bare(i: int, m: Match) -> bool:
        return m.ref in congos and _BARE_CONGO.fullmatch(texts[i][m.start : m.end]) is not None

    if not any(bare(i, m) for i, matches in enumerate(found) for m in matches):
        return found
    named = {m.ref for i, matches in enumerate(found) for m in matches if m.ref in congos and not bare(i, m)}
    if len(named) != 1:
        whole = "\n".join([title, *texts])
        named = {ref for ref, words in _CONGO_WORDS.items() if words.search(whole)}
    meant = next(iter(named)) if len(named) == 1 else None
    return [
        [Match(m.start, m.end, meant) if bare(i, m) else m for m in matches if meant is not None or not bare(i, m)]
        for i, matches in enumerate(found)
    ]


def _short_forms_in_context(texts: list[str], found: list[list[Match]]) -> list[list[Match]]:
    """ "乌方" is Ukraine's side, or Uzbekistan's; "马方" Malaysia's or the Maldives': a Chinese short
    form ("X方") is the country whose full name, starting with X, the transcript says — another one
    than the gazetteer's where only that one is named (and then it is that one), none if several are."""

    def surface(i: int, m: Match) -> str:
        return texts[i][m.start : m.end]

    full: dict[str, set[EntityRef]] = {}  # first character → countries named in full
    for i, matches in enumerate(found):
        for m in matches:
            word = surface(i, m)
            if has_han(word) and len(word) >= 2 and not word.endswith("方") and m.ref.kind == "country":
                full.setdefault(word[0], set()).add(m.ref)
    out = []
    for i, matches in enumerate(found):
        kept = []
        for m in matches:
            word = surface(i, m)
            short = len(word) == 2 and word.endswith("方") and word != "中方"  # China's own side, always
            named = full.get(word[0], set()) if short else set()
            if named and m.ref not in named:
                if len(named) > 1:
                    continue
                m = Match(m.start, m.end, next(iter(named)))
            kept.append(m)
        out.append(kept)
    return out


# A name inside a longer proper name is not a mention of it: "Harris County", "Mexico City
# Policy", "Beau Biden" (a surname after someone else's given name).
_NAME_NOUNS = {
    "county", "city", "street", "avenue", "boulevard", "square", "center", "centre", "university", "college",
    "school", "foundation", "institute", "park", "bridge", "airport", "station", "hall", "library", "museum",
    "tower", "act", "policy", "doctrine", "accord", "accords", "protocol", "plaza", "road", "building",
    "stadium", "arena", "award", "prize", "airlines", "airways", "bank", "railways", "group", "corporation",
    "river", "convention", "conventions", "fleet", "steel", "parliamentary",
}  # fmt: skip
# Words that open a company's name before a place's ("Air New Zealand", "Radio France").
_NAME_OPENERS = {"Air", "Radio"}
# A sea, gulf or strait named after a country or place: "the Gulf of Mexico" is not Mexico; nor is an
# institution's name ("the University of Pennsylvania", "the Bank of England") the place.
_WATERS_OF = re.compile(
    r"\b(?:Gulf|Sea|Bay|Straits?|Isthmus|Cape|Lake|Channel|Bight"
    r"|University|College|Bank|Institute|Museum|Academy|Library|Diocese|Archdiocese)\s+of\s+(?:the\s+)?$"
)
# A country's name then these is a company's name ("中国银行" Bank of China, "乌克兰航空公司", "俄罗斯石油公司"
# Rosneft); not "中国公司" (Chinese companies), "伊朗石油" (Iran's oil), "中国银行业" (China's banks).
_HAN_COMPANY_WORDS = ("银行", "航空公司", "石油公司", "电信公司")
_WORD_BEFORE = re.compile(r"([A-Z][\w’'.-]*)\s+$")
_WORD_AFTER = re.compile(r"\s+([A-Z][\w’'-]*)")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“(—–]\s*)$")


def _stands_alone(text: str, m: Match) -> bool:
    """False for a match that is part of a longer proper name: a place or person followed by a
    capitalised "County", "Policy", "Airport"…, or a surname alone right after a capitalised word
    that is not an office or a sentence's first word ("Carole Johnson", "Major Beau Biden")."""
    after = _WORD_AFTER.match(text, m.end)
    if after and after.group(1).lower() in _NAME_NOUNS and m.ref.kind in ("place", "country", "person", "subdivision"):
        return False
    if m.ref.kind in ("place", "country", "subdivision") and not _place_not_person(text, m, after):
        return False
    if m.ref.kind in ("place", "country", "subdivision") and (
        (before := _WORD_BEFORE.search(text, max(0, m.start - 40), m.start)) and before.group(1) in _NAME_OPENERS
    ):
        return False  # "Air New Zealand", "Radio France": a company's name
    if m.ref.kind in ("place", "country", "subdivision") and _names_something_else(text, m):
        return False
    if m.ref.kind == "person" and " " in text[m.start : m.end].strip():
        # A full name that runs on into another capitalised word is part of a longer name: "the John
        # Lewis Voting Rights Act", "Harry Reid International Airport", "Martin Luther King" (not
        # Martin Luther). An office, a day or "Jr." after it leaves it the person's.
        more = _SAME_LINE_WORD_AFTER.match(text, m.end)
        return not more or more.group(1).lower().rstrip(".") in _AFTER_A_FULL_NAME
    if m.ref.kind != "person" or len(m.ref.name.split()) < 2:
        return True
    before = _WORD_BEFORE.search(text, max(0, m.start - 80), m.start)
    if not before:
        return True
    word = before.group(1).lower().strip(".")
    if word in TITLE_WORDS or word in HONORIFICS or word in _OFFICE_WORDS:
        return True
    return bool(_SENTENCE_START.search(text, max(0, before.start() - 8), before.start()))


def _names_something_else(text: str, m: Match) -> bool:
    """Whether a place's name here names a sea or gulf ("the Gulf of Mexico") or an institution ("the
    University of Pennsylvania"), a newspaper in 《》
    ("《澳大利亚人报》" The Australian, "《今日美国报》" USA Today) or a company ("中国银行" Bank of China)."""
    if _WATERS_OF.search(text, max(0, m.start - 30), m.start):
        return True
    if m.ref.kind == "subdivision":
        return False
    return _in_a_periodicals_title(text, m) or (
        text.startswith(_HAN_COMPANY_WORDS, m.end) and not text.startswith("银行业", m.end) and text[m.end - 1] != "方"
    )


def _in_a_periodicals_title(text: str, m: Match) -> bool:
    """Whether the match is inside a Chinese title in 《》 that names a newspaper or magazine."""
    opened = text.rfind("《", max(0, m.start - 30), m.start)
    if opened < 0 or "》" in text[opened : m.start]:
        return False
    closed = text.find("》", m.end, m.end + 30)
    return closed >= 0 and text[opened + 1 : closed].endswith(("报", "刊", "杂志"))


_PERSON_TITLES = {
    "mr", "mrs", "ms", "dr", "sen", "senator", "rep", "representative", "congressman", "congresswoman",
    "governor", "gov", "mayor", "judge", "justice", "coach", "general", "gen", "ambassador", "secretary",
}  # fmt: skip


def _place_not_person(text: str, m: Match, after) -> bool:
    """False where a place's name is a person's here: a given name before a capitalised surname
    ("Chad Wolf"), or a surname after a given name or a title ("Jim Jordan", "Senator Jordan")."""
    words = text[m.start : m.end]
    if " " in words.strip() or words.lower() not in PERSON_NAMES_TOO:
        return True
    before = _WORD_BEFORE.search(text, max(0, m.start - 80), m.start)
    if re.search(
        r"\b(?:of|in|from|to|for|and|with|by|at|across|toward|towards)\s+$", text[max(0, m.start - 12) : m.start]
    ):
        return True  # "Prime Minister of Israel Benjamin Netanyahu", "in Georgia Congressional …"
    if after and after.group(1)[:1].isupper() and not after.group(1).isupper() and text[m.end : m.end + 1] == " ":
        following = after.group(1).lower().rstrip("’'s")
        if following not in _STILL_A_PLACE_AFTER:
            return False
    if before and text[before.end() - 1 : m.start] == " ":
        word = before.group(1).lower().strip(".")
        if word in _PERSON_TITLES:
            return False
        if word not in TITLE_WORDS and word not in _OFFICE_WORDS and word not in _NOT_GIVEN_NAMES:
            sentence_start = _SENTENCE_START.search(text, max(0, before.start() - 8), before.start())
            if sentence_start:
                return not _given_name(before.group(1))  # "Steve Holland, Reuters." / "In Georgia, …"
            return not before.group(1).istitle()
    return True


# Capitalised words that open sentences and are no given name: "In Georgia", "Is Israel", "Both India".
_SENTENCE_OPENERS = set(
    "a an the and or but nor so yet for if as at by in on of to up with from into onto over under within without "
    "about above after before between during since until unless although though because while when where why how "
    "what which who whom whose whether that this these those there here then now today tomorrow yesterday tonight "
    "also even only just still again once both either neither each every all any some many much most more few "
    "several no not never always often sometimes is are was were be been has have had do does did can could will "
    "would shall should may might must let it its we i you he she they our my your his her their one two three "
    "four five six seven eight nine ten first second third last next anytime meanwhile however therefore thus "
    "hence instead otherwise indeed perhaps maybe whereas unlike despite including regarding following except "
    "like than via per yes no well oh please thank thanks".split()
)


def _given_name(word: str) -> bool:
    """Whether a capitalised word opening a sentence before a place is a given name ("Steve Holland",
    "Vernon Jordan"): not a word sentences open with, an adverb, an "-ing" form or a sentence's end."""
    key = word.lower().replace("’", "'")
    if word.endswith(".") or "'" in key or not word.istitle() or len(key) < 3:
        return False
    return key not in _SENTENCE_OPENERS and not key.endswith(("ly", "ing"))


# Capitalised words after a place that make it a place still ("China Daily" is found whole).
_INSTITUTION_WORDS = {
    "government", "ministry", "army", "forces", "force", "navy", "river", "sea", "coast", "border", "state",
    "national", "federal", "foreign", "president", "prime", "minister", "embassy", "mission", "delegation",
    "today", "daily", "times", "post", "news", "agency", "initiative", "summit", "forum", "talks", "is",
    "and", "or", "has", "was", "will", "on", "in", "at", "the", "defense", "defence", "people", "republic",
    "parliament", "congress", "senate", "council", "court", "central", "north", "south", "east", "west",
    "i", "we", "you", "they", "he", "she", "it", "as", "but", "so", "to", "for", "with", "by", "from",
    "congressional", "olympic", "olympics", "games", "legislature", "democrats", "republicans",
}  # fmt: skip
# Capitalised words before a place that are not someone's given name.
_NOT_GIVEN_NAMES = {
    "the", "and", "or", "of", "in", "on", "at", "to", "with", "from", "by", "for", "about", "as", "that",
    "but", "if", "when", "while", "where", "like", "both", "between", "including", "against", "over", "into",
    "north", "south", "east", "west", "central", "new", "greater", "mainland", "communist", "modern",
    "northern", "southern", "eastern", "western", "upper", "lower", "rural", "coastal", "occupied",
    "president", "minister", "king", "queen", "emir", "prince", "premier", "chancellor", "leader",
}  # fmt: skip


_OFFICE_WORDS = {
    w.lower().rstrip(".") for w in re.findall(r"[A-Za-z][A-Za-z.\-]*", _OFFICE.replace("(?:", " ").replace("[cs]", "c"))
}
_SAME_LINE_WORD_AFTER = re.compile(r"[ \u00a0]+([A-Z][\w’'.-]*)")
_AFTER_A_FULL_NAME = frozenset(
    (TITLE_WORDS | _OFFICE_WORDS | _PERSON_TITLES | {"i", "jr", "sr", "and", "but", "said", "says"})
    - {"king", "queen", "prince", "princess", "emperor", "sultan", "emir", "sheikh"}  # "Martin Luther King"
    | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
       "april", "may", "june", "july", "august", "september", "october", "november", "december"}
)  # fmt: skip
# Words after a place-or-person name that keep it a place ("Jordan River", "Georgia Governor …").
_STILL_A_PLACE_AFTER = frozenset(_NAME_NOUNS | _INSTITUTION_WORDS | TITLE_WORDS | _OFFICE_WORDS | _PERSON_TITLES)


_GEORGIA = EntityRef("Georgia", "country")
_GEORGIA_STATE = EntityRef("Georgia", "subdivision")


def _us_states_in_context(text: str, matches: list[Match]) -> list[Match]:
    """ "Georgia" is the country unless the turn is about the United States' states: another state
    named in it, or words only the US state goes with (Atlanta, Senator, Kemp…, gazetteer data)."""
    if not any(m.ref == _GEORGIA for m in matches):
        return matches
    other_state = any(m.ref.kind == "subdivision" and m.ref != _GEORGIA_STATE for m in matches)
    if not (other_state or _us_state_words().search(text)):
        return matches
    return [Match(m.start, m.end, _GEORGIA_STATE) if m.ref == _GEORGIA else m for m in matches]


@lru_cache(maxsize=1)
def _us_state_words() -> re.Pattern:
    from transcripts.entities.gazetteer import curated

    words = curated().get("us_state_context", [])
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


def _trim_name(name: str) -> str | None:
    """ "Alexander Stubb" from a titled match; None when what follows the title is no name."""
    words = []
    for word in name.split():
        if re.search(r"['’]s$", word):  # "Trump’s Inauguration Day": the name ends at the possessive
            words.append(word[:-2])
            break
        words.append(word)
    while words and (words[-1].lower().strip(".") in TITLE_WORDS or words[-1] in ("The", "And", "But")):
        words.pop()
    while words and words[0].lower().strip(".") in TITLE_WORDS:
        words.pop(0)
    if not words or any(w.endswith(".") and len(w) > 2 for w in words):
        return None
    name = " ".join(words)
    # "President Task Force on …", "Mr Supreme Commander-in-Chief": no person's name.
    return name if plausible_name(name) and not re.search(r"-[a-z]", name) else None


def _introduce(name, persons, by_ref, local, rejected, base: Matcher | None = None) -> None:
    key = base_key(fold(name))
    ref = persons.get(key)
    if ref is None and len(name.split()) == 1:
        return  # "Minister Ryzhenkov" is only a mention if the full name is known
    if ref is None and base is not None:
        # "President Türkiye" or "Secretary General NATO": the words are a known non-person.
        covered = base.find(name)
        if covered and any(m.ref.kind != "person" for m in covered):
            return
    if ref is None:
        ref = EntityRef(name, "person")
        if ref in rejected:
            return
        local.setdefault(ref, EntityInfo(ref, discovered=True))
    elif ref not in local:
        local[ref] = by_ref.get(ref) or EntityInfo(ref)


def _merge(first: list[Match], second: list[Match]) -> list[Match]:
    every = sorted([*first, *second], key=lambda m: (m.start, -(m.end - m.start)))
    chosen: list[Match] = []
    for match in every:
        if not chosen or match.start >= chosen[-1].end:
            chosen.append(match)
    return chosen


_INDEXES: dict[str, tuple[dict, dict]] = {}


def _indexes(known: Known) -> tuple[dict[EntityRef, EntityInfo], dict[str, EntityRef]]:
    """Every entry by its ref, and persons by their folded names: built once per state of the
    archive, not once per transcript (thousands of entries at archive scale)."""
    if known.version not in _INDEXES:
        entries = _entries(known)
        _INDEXES.clear()
        _INDEXES[known.version] = ({info.ref: info for info in entries}, _person_index(entries))
    return _INDEXES[known.version]


def _entries(known: Known) -> tuple[EntityInfo, ...]:
    # The archive's own entries first: an alias an editor moved to another entity (a merge)
    # must win over the gazetteer's.
    return known.entities + gazetteer()


def _person_index(entries: Iterable[EntityInfo]) -> dict[str, EntityRef]:
    index: dict[str, EntityRef] = {}
    for info in entries:
        if info.ref.kind != "person":
            continue
        for name in (info.ref.name, *info.aliases):
            if len(name.split()) >= 2 or "." in name:
                index.setdefault(base_key(fold(name)), info.ref)
        # A surname alone in a title ("President Erdogan") may still name a gazetteer person.
        for alias in info.aliases:
            if len(alias.split()) == 1:
                index.setdefault(base_key(fold(alias)), info.ref)
    return index


class _CombinedMatcher:
    """The archive's own entities (edited, discovered) first, then the gazetteer's: on the same
    words the archive's entity wins, so an alias an editor moved by merging stays moved."""

    def __init__(self, archive: Matcher | None, gazetteer_matcher: Matcher, rejected, language: Matcher | None = None):
        self.archive, self.gazetteer, self.rejected = archive, gazetteer_matcher, rejected
        self.language = language

    def find(self, text: Prepared) -> list[Match]:
        found = [m for m in self.gazetteer.find(text) if m.ref not in self.rejected]
        if self.language is not None:
            found = _merge(found, [m for m in self.language.find(text) if m.ref not in self.rejected])
        if self.archive is not None:
            found = _merge(self.archive.find(text), found)
        return found


_GAZETTEER_MATCHER: dict[str, Matcher] = {}
_ARCHIVE_MATCHER: dict[str, Matcher | None] = {}


def _gazetteer_matcher() -> Matcher:
    version = gazetteer_version()
    if version not in _GAZETTEER_MATCHER:
        _GAZETTEER_MATCHER.clear()
        _GAZETTEER_MATCHER[version] = Matcher(_aliases(gazetteer(), frozenset()))
    return _GAZETTEER_MATCHER[version]


@lru_cache(maxsize=8)
def _language_matcher(language: str) -> Matcher | None:
    names = country_names_in((language or "en").split("-")[0].lower())
    return Matcher(names) if names else None


def _archive_matcher(known: Known) -> Matcher | None:
    if known.version not in _ARCHIVE_MATCHER:
        _ARCHIVE_MATCHER.clear()  # keep one: the archive's entities changed
        aliases = _aliases(known.entities, known.rejected)
        _ARCHIVE_MATCHER[known.version] = Matcher(aliases) if aliases else None
    return _ARCHIVE_MATCHER[known.version]


def _aliases(entries: Iterable[EntityInfo], rejected) -> list[tuple[str, EntityRef]]:
    out = []
    for info in entries:
        if info.ref in rejected:
            continue
        for name in (info.ref.name, *info.aliases):
            if info.discovered and info.ref.kind == "person" and len(name.split()) == 1:
                # A speaker known by one word ("DR. FAUCI:", "GERMANY:", "ORDER:"): as a person in
                # text that word is as often someone or something else. Over the bulk corpus such
                # names had 16,714 mentions, most of them wrong ("John", "Order", "Germany").
                continue
            out.append((name, info.ref))
    return out

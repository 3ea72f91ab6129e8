"""The gazetteer: every entity we know by name before reading a transcript.

Countries come from pycountry (ISO 3166) with the names diplomats use added from
`data/entities.json`; organisations and places are in that file; people are the
parser's `data/people.json`, so a speaker and a mentioned person share one list.
Territories (countries, US states, places with a "territory" code) carry the Wikidata ID
that `data/territories.json` gives them (generated from rigour by scripts/territory_ids.py).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache

import pycountry

from transcripts.parsing.people import DATA_DIR, gazetteer_people

KINDS = ("person", "country", "organisation", "place", "subdivision", "media", "treaty")
# Country names in the languages we ingest beyond English (CLDR through babel).
CLDR_LOCALES = ("ru", "uk", "zh", "zh_Hant")
# Languages whose country names (CLDR) are matched only in transcripts in that language: written in
# the Latin script, "Maurice" (Mauritius in French) or "Chile" must not be read into English text.
LANGUAGE_LOCALES = (
    "es", "fr", "de", "it", "pt", "pl", "nl", "tr", "sv", "cs", "ro", "id", "vi",
    "ar", "fa", "he", "ja", "ko", "el", "hi",
)  # fmt: skip
# US subdivisions (pycountry) are entities of their own: "New Jersey" is not the island of Jersey.
SUBDIVISION_COUNTRIES = ("US",)


@dataclass(frozen=True)
class EntityRef:
    """What a mention points at: an entity is identified by its name and kind."""

    name: str
    kind: str


@dataclass
class EntityInfo:
    ref: EntityRef
    aliases: tuple[str, ...] = ()
    wikidata_id: str = ""
    country_code: str = ""
    discovered: bool = False
    extra: dict = field(default_factory=dict)


@lru_cache(maxsize=1)
def curated() -> dict:
    with open(DATA_DIR / "entities.json", encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=1)
def _territories() -> dict:
    with open(DATA_DIR / "territories.json", encoding="utf-8") as fh:
        return json.load(fh)


def territory_qid(code: str) -> str:
    """The Wikidata ID of an ISO 3166 country or subdivision code ("RU", "US-GA"), or ""."""
    return _territories()["qids"].get(code.lower(), "")


@lru_cache(maxsize=1)
def gazetteer_version() -> str:
    """What the gazetteer is made of, as one string: read once per process, as its data are."""
    people = json.loads((DATA_DIR / "people.json").read_text(encoding="utf-8"))["version"]
    return (
        f"entities-{curated()['version']}.people-{people}.iso3166-{len(pycountry.countries)}"
        f".cldr-{len(CLDR_LOCALES)}-{len(LANGUAGE_LOCALES)}.cases-ru-uk-{'-'.join(sorted(_case_forms()))}"
        f".territories-{_territories()['version']}"
    )


def _clean(alias: str) -> str:
    # "the Kremlin" is matched as "Kremlin": the article is not part of the name.
    return re.sub(r"^the\s+", "", alias.strip())


@lru_cache(maxsize=1)
def gazetteer() -> tuple[EntityInfo, ...]:
    data = curated()
    entries: list[EntityInfo] = []
    rename = data["countries"]["rename"]
    extra_aliases = data["countries"]["aliases"]
    for country in pycountry.countries:
        code = country.alpha_2
        name = rename.get(code) or getattr(country, "common_name", None) or country.name
        names = {country.name, getattr(country, "official_name", ""), getattr(country, "common_name", "")}
        # ISO's inverted forms ("Korea, Republic of") never occur in running text.
        aliases = {n for n in names if n and "," not in n and "(" not in n}
        aliases.update(extra_aliases.get(code, []))
        aliases.update(_cldr_names(code))
        aliases = set(_with_case_forms(aliases))
        aliases = {_clean(a) for a in aliases} - {name}
        entries.append(
            EntityInfo(
                EntityRef(name, "country"), tuple(sorted(aliases)), wikidata_id=territory_qid(code), country_code=code
            )
        )
    for kind, key in (
        ("organisation", "organisations"),
        ("place", "places"),
        ("media", "media"),
        ("treaty", "treaties"),
    ):
        for item in data.get(key, []):
            aliases = tuple(sorted({_clean(a) for a in _with_case_forms(item.get("aliases", []))} - {item["name"]}))
            entries.append(
                EntityInfo(
                    EntityRef(item["name"], kind),
                    aliases,
                    wikidata_id=item.get("wikidata") or territory_qid(item.get("territory", "")),
                    country_code=item.get("country", ""),
                )
            )
    entries.extend(_subdivisions())
    entries.extend(gazetteer_persons())
    return tuple(entries)


def _subdivisions() -> list[EntityInfo]:
    """US states and districts: "Georgia" the state is told from the country by context
    (extract.py); "New Jersey" and "Washington State" are never Jersey or the city."""
    out = []
    # A state that is also a curated place (Alaska, Hawaii) stays that place, unless it has names
    # of its own to be found by ("Washington State").
    places = {item["name"] for item in curated()["places"]}
    for country in SUBDIVISION_COUNTRIES:
        for sub in pycountry.subdivisions.get(country_code=country) or []:
            if (
                sub.type not in ("State", "District")
                or sub.name in places
                and sub.name not in ("Washington", "New York")
            ):
                continue
            aliases = {f"{sub.name} State", f"State of {sub.name}", f"state of {sub.name}"} if sub.name in (
                "Washington", "New York"
            ) else set()  # fmt: skip
            out.append(
                EntityInfo(
                    EntityRef(sub.name, "subdivision"),
                    tuple(sorted(aliases)),
                    wikidata_id=territory_qid(sub.code),
                    country_code=country,
                )
            )
    return out


@lru_cache(maxsize=32)
def country_names_in(language: str) -> tuple[tuple[str, EntityRef], ...]:
    """Every country's name in `language` (CLDR) that its entity does not already answer to, for
    transcripts in that language: "Rusia", "Estados Unidos", "Russland", "روسيا"."""
    from babel import Locale

    if language not in LANGUAGE_LOCALES:
        return ()
    territories = Locale.parse(language).territories
    declined = _case_forms().get(language, {})
    out = []
    for info in gazetteer():
        if info.ref.kind != "country" or not info.country_code:
            continue
        name = territories.get(info.country_code)
        known = {info.ref.name.lower(), *(a.lower() for a in info.aliases)}
        long_enough = len(name or "") > 2 or len(name or "") == 2 and not name.isascii()  # 중국, 米国
        if long_enough and "(" not in name and name.lower() not in known:
            out.append((name, info.ref))
        out += [(form, info.ref) for form in declined.get(info.country_code, ()) if form.lower() not in known]
    return tuple(out)


def declined_forms(word: str) -> tuple[str, ...]:
    """Every form of a one-word country name of a language that declines it, when `word` is one of
    them ("Rosja" or "Rosji" → "Rosja", "Rosji", "Rosją" …), lower-cased; none otherwise. For
    search: those languages are indexed word for word (PostgreSQL has no stemmer for them)."""
    return _declined_index().get(word.lower(), ())


@lru_cache(maxsize=1)
def _declined_index() -> dict[str, tuple[str, ...]]:
    from babel import Locale

    index: dict[str, tuple[str, ...]] = {}
    for language, countries in _case_forms().items():
        territories = Locale.parse(language).territories
        for code, forms in countries.items():
            name = territories.get(code, "")
            words = {f.lower() for f in [name, *forms] if f and " " not in f}
            if len(words) > 1:
                for form in words:
                    index[form] = tuple(sorted(words | set(index.get(form, ()))))
    return index


@lru_cache(maxsize=1)
def _case_forms() -> dict[str, dict[str, list[str]]]:
    """Country names in their case forms, by language and country code (`data/case_forms.json`,
    generated from simplemma's dictionaries by scripts/case_forms.py): «Rosji», «Stanów
    Zjednoczonych», «Ruska», «Russlands», «Ρωσίας», «Rusiei», «Rysslands»."""
    with open(DATA_DIR / "case_forms.json", encoding="utf-8") as fh:
        return json.load(fh)["forms"]


@lru_cache(maxsize=512)
def _cldr_names(code: str) -> tuple[str, ...]:
    from babel import Locale

    names = set()
    for locale in CLDR_LOCALES:
        name = Locale.parse(locale).territories.get(code)
        if name and len(name) > 1:
            names.add(name)
    return tuple(sorted(names))


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_CASES = ("gent", "datv", "accs", "ablt", "loct")


def _with_case_forms(names) -> list[str]:
    """Russian names in every case, so «России» and «с Россией» are Russia (pymorphy3 inflects
    each word of the name; indeclinable ones such as НАТО stay as they are)."""
    out = list(names)
    for name in names:
        if _CYRILLIC.search(name) and not name.isupper():
            out.extend(_russian_cases(name))
    return out


@lru_cache(maxsize=4096)
def _russian_cases(name: str) -> tuple[str, ...]:
    """Case forms in Russian, and in Ukrainian for a Ukrainian name («України», «Росією»): each
    language's dictionary inflects the names it knows."""
    words = name.split()
    forms = set()
    for morph in (_morph("ru"), _morph("uk")):
        for case in _CASES:
            inflected = []
            for word in words:
                parse = next((p for p in morph.parse(word) if p.is_known and p.tag.POS in ("NOUN", "ADJF")), None)
                form = parse.inflect({case}) if parse else None
                inflected.append(_same_capital(word, form.word) if form else word)
            forms.add(" ".join(inflected))
    return tuple(sorted(forms - {name}))


@lru_cache(maxsize=2)
def _morph(language: str = "ru"):
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=language)


def _same_capital(original: str, form: str) -> str:
    return form[:1].upper() + form[1:] if original[:1].isupper() else form


@lru_cache(maxsize=1)
def gazetteer_persons() -> tuple[EntityInfo, ...]:
    """People, without the single-word aliases that would be ambiguous alone ("Wang", "Young")."""
    stop = {w.lower() for w in curated().get("person_stopwords", [])}
    people = gazetteer_people()
    surname_owners: dict[str, set[str]] = {}
    for person in people:
        for alias in (person["name"], *person.get("aliases", [])):
            if len(alias.split()) == 1:
                surname_owners.setdefault(alias.lower(), set()).add(person["name"])
    out = []
    for person in people:
        aliases = {
            alias
            for alias in person.get("aliases", [])
            if len(alias.split()) > 1
            or "." in alias
            or (alias.lower() not in stop and len(surname_owners.get(alias.lower(), ())) == 1)
        }
        out.append(
            EntityInfo(
                EntityRef(person["name"], "person"),
                tuple(sorted(aliases - {person["name"]})),
                wikidata_id=person.get("wikidata", ""),
                country_code=person.get("country", ""),
            )
        )
    return tuple(out)


def person_stopwords() -> frozenset[str]:
    return frozenset(w.lower() for w in curated().get("person_stopwords", []))

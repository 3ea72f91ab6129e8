"""The gazetteer: every entity we know by name before reading a transcript.

Countries come from pycountry (ISO 3166) with the names diplomats use added from
`data/entities.json`; organisations and places are in that file; people are the
parser's `data/people.json`, so a speaker and a mentioned person share one list.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache

import pycountry

from transcripts.parsing.people import DATA_DIR, gazetteer_people

KINDS = ("person", "country", "organisation", "place")


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


def gazetteer_version() -> str:
    people = json.loads((DATA_DIR / "people.json").read_text(encoding="utf-8"))["version"]
    return f"entities-{curated()['version']}.people-{people}.iso3166-{len(pycountry.countries)}"


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
        aliases = {_clean(a) for a in aliases} - {name}
        entries.append(EntityInfo(EntityRef(name, "country"), tuple(sorted(aliases)), country_code=code))
    for kind, key in (("organisation", "organisations"), ("place", "places")):
        for item in data[key]:
            aliases = tuple(sorted({_clean(a) for a in item.get("aliases", [])} - {item["name"]}))
            entries.append(
                EntityInfo(
                    EntityRef(item["name"], kind),
                    aliases,
                    wikidata_id=item.get("wikidata", ""),
                    country_code=item.get("country", ""),
                )
            )
    entries.extend(gazetteer_persons())
    return tuple(entries)


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

"""Mentioned entities: the gazetteer, the matcher, extraction on the seed, storage and pages."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command

from tests.conftest import CORPUS, needs_shared, seed_path
from transcripts.entities import EntityRef, extract
from transcripts.entities.gazetteer import gazetteer
from transcripts.entities.matcher import Matcher, fold
from transcripts.models import Entity, Mention, Speaker
from transcripts.parsing import parse_transcript


def seed_mentions():
    parsed = parse_transcript(seed_path().read_bytes(), seed_path().name)
    return parsed, extract(parsed.title, [(t.text, t.speaker) for t in parsed.turns])


def found_names(mentions, kind):
    """Every name and alias of the entities of `kind` found."""
    by_ref = {info.ref: info for info in gazetteer()}
    names = set()
    for ref in mentions.entities:
        if ref.kind == kind:
            names.add(ref.name)
            names.update(by_ref[ref].aliases if ref in by_ref else ())
    return names


# ------------------------------------------------------------------ the gazetteer and matcher


def test_gazetteer_has_every_iso_country_and_diplomatic_variants():
    countries = {info.ref.name: info for info in gazetteer() if info.ref.kind == "country"}
    assert len(countries) == 249
    assert {"Turkey", "Turkiye"} <= set(countries["Türkiye"].aliases)
    assert {"US", "USA", "U.S.", "United States of America"} <= set(countries["United States"].aliases)
    assert {"UK", "Britain"} <= set(countries["United Kingdom"].aliases)
    assert "DPRK" in countries["North Korea"].aliases
    assert "Russian Federation" in countries["Russia"].aliases


def test_fold_keeps_positions():
    text = "Türkiye’s ﬁrst Ωmega"
    assert len(fold(text)) == len(text) and fold(text).startswith("Turkiye's")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Talks with the US and the UN.", ["United States", "United Nations"]),
        ("We discussed us and un-ordinary things.", []),  # acronyms only in capitals
        ("He ate turkey in china.", []),  # names must start with a capital
        ("Türkiye, Turkiye and Turkey", ["Türkiye", "Türkiye", "Türkiye"]),
        ("The UN Security Council met.", ["UN Security Council"]),  # the longest alias wins
        ("Russian-speaking Russians in Russia", ["Russia"]),  # word boundaries, no demonyms
        ("Kiev and Kyiv", ["Kyiv", "Kyiv"]),
    ],
)
def test_matcher_cases_and_boundaries(text, expected):
    matcher = Matcher((alias, info.ref) for info in gazetteer() for alias in (info.ref.name, *info.aliases))
    assert [m.ref.name for m in matcher.find(text)] == expected


# ------------------------------------------------------------------ the seed transcript against gold


@needs_shared
@pytest.mark.parametrize("kind", ["person", "country", "organisation", "place"])
def test_seed_finds_every_gold_entity(seed_gold, kind):
    _, mentions = seed_mentions()
    missing = set(seed_gold["mentioned_entities_minimum"][kind]) - found_names(mentions, kind)
    assert not missing


def test_seed_spellings_of_one_entity_are_one_entity():
    _, mentions = seed_mentions()
    refs = set(mentions.entities)
    assert EntityRef("Türkiye", "country") in refs
    assert not {EntityRef("Turkey", "country"), EntityRef("Turkiye", "country")} & refs
    assert EntityRef("Vladimir Putin", "person") in refs
    assert not [r for r in refs if r.kind == "person" and "Putin" in r.name and r.name != "Vladimir Putin"]


def test_seed_reports_no_label_or_sentence_initial_word_as_an_entity():
    parsed, mentions = seed_mentions()
    names = {ref.name for ref in mentions.entities}
    labels = {t.label for t in parsed.turns if t.label}
    assert not names & (labels | {"Question", "Sergey Lavrov (speaking after Maxim Ryzhenkov)"})
    ordinary = {"Regarding", "However", "Following", "Thank", "President", "Minister", "The", "We", "This"}
    assert not {name.split()[0] for name in names} & ordinary
    # Every discovered (non-gazetteer) person is a full name of two or more capitalised words.
    gazetteer_refs = {info.ref for info in gazetteer()}
    for ref in mentions.entities:
        if ref not in gazetteer_refs:
            assert ref.kind == "person" and len(ref.name.split()) >= 2 and ref.name.istitle(), ref


def test_a_later_surname_resolves_to_the_full_name_introduced_earlier():
    turns = [
        ("I met Finnish President Alexander Stubb and President Recep Tayyip Erdogan.", "Sergey Lavrov"),
        ("Stubb said so. Erdogan agreed. President Putin too.", "Sergey Lavrov"),
    ]
    mentions = extract("News conference", turns)
    second = {ref.name: n for ref, n in mentions.per_turn[1].items()}
    assert second == {"Alexander Stubb": 1, "Recep Tayyip Erdogan": 1, "Vladimir Putin": 1}


def test_possessives_and_titles_are_not_part_of_a_discovered_name():
    mentions = extract("Remarks", [("Under President Trump’s Inauguration Day plans, Chancellor Olaf Scholz's", None)])
    assert {ref.name for ref in mentions.entities} == {"Donald Trump", "Olaf Scholz"}


# ------------------------------------------------------------------ in the database


@pytest.mark.django_db
def test_ingest_stores_mentions_links_the_speaker_and_counts(seed_event):
    lavrov = Speaker.objects.get(name="Sergey Lavrov")
    assert lavrov.entity is not None and lavrov.entity.kind == "person"
    turkiye = Entity.objects.get(name="Türkiye")
    assert turkiye.mention_count == Mention.objects.filter(entity=turkiye).count() >= 1
    assert "Turkiye" in turkiye.aliases


@pytest.mark.django_db
def test_dry_run_json_reports_mentions(capsys):
    import json

    call_command("ingest", "--dry-run", "--json", str(seed_path()))
    doc = json.loads(capsys.readouterr().out)
    mentions = {(m["entity"], m["kind"]): m["count"] for m in doc["transcripts"][0]["mentions"]}
    assert mentions[("Russia", "country")] >= 10 and ("NATO", "organisation") in mentions
    assert Entity.objects.count() == 0  # a dry run saves nothing


@pytest.mark.django_db
def test_remention_after_an_alias_edit_finds_the_new_alias(seed_event, capsys):
    turn = seed_event.utterances.get(text__contains="Minsk conferences")
    osce = Entity.objects.get(name="OSCE")
    before = Mention.objects.get(entity=osce, utterance=turn).count
    osce.aliases = [*osce.aliases, "Minsk conferences"]  # an editor's alias (for the test)
    osce.save()
    call_command("remention")
    assert "transcript(s)" in capsys.readouterr().out
    after = Mention.objects.get(entity=osce, utterance=turn).count
    assert after == before + turn.text.count("Minsk conferences")
    osce.refresh_from_db()
    assert osce.mention_count == Mention.objects.filter(entity=osce).count()


@pytest.mark.django_db
def test_a_rejected_discovery_and_its_mentions_go_and_stay_gone(seed_event):
    glazyev = Entity.objects.get(name="Sergey Glazyev")
    glazyev.rejected = True
    glazyev.save()
    Mention.objects.filter(entity=glazyev).delete()
    call_command("remention")
    assert not Mention.objects.filter(entity__name="Sergey Glazyev").exists()


def mention_rows() -> set:
    return set(Mention.objects.values_list("entity__name", "entity__kind", "utterance_id", "count"))


@needs_shared
@pytest.mark.django_db
def test_remention_keeps_what_ingest_found_and_is_idempotent(capsys):
    call_command("ingest", str(CORPUS))
    at_ingest = mention_rows()
    call_command("remention")
    first = mention_rows()
    call_command("remention")
    assert mention_rows() == first
    # Remention may find more (names discovered in later transcripts are known to earlier
    # ones now), never less.
    assert at_ingest <= first


def test_no_alias_belongs_to_two_gazetteer_entities_but_states_named_like_a_country_or_city():
    from transcripts.entities.matcher import is_acronym, lower_same_length

    owners: dict[str, set] = {}
    for info in gazetteer():
        for alias in (info.ref.name, *info.aliases):
            key = fold(alias) if is_acronym(alias) else lower_same_length(fold(alias))
            owners.setdefault(key, set()).add(info.ref)
    shared = {key: refs for key, refs in owners.items() if len(refs) > 1}
    # Georgia, Washington, New York: the country or city keeps the bare name; the state is found
    # by context (Georgia) or by its longer name ("Washington State").
    assert set(shared) == {"georgia", "washington", "new york"}
    matcher = Matcher((alias, info.ref) for info in gazetteer() for alias in (info.ref.name, *info.aliases))
    for refs in shared.values():
        assert len(refs) == 2 and sum(ref.kind == "subdivision" for ref in refs) == 1
        (name,) = {ref.name for ref in refs}
        assert matcher.find(name)[0].ref.kind != "subdivision"


# ------------------------------------------------------------------ pages


@pytest.mark.django_db
def test_transcript_page_links_mentions_and_lists_entities_by_kind(client, seed_event):
    html = client.get(seed_event.get_absolute_url()).content.decode()
    turkiye = Entity.objects.get(name="Türkiye")
    link = rf'<a class="mention" href="/entities/{turkiye.slug}/" title="Türkiye \(country\)">T(ü|u)rkiye</a>'
    assert len(re.findall(link, html)) == Mention.objects.get(entity=turkiye).count
    aside = html.split('<aside class="entities">')[1]
    for kind in ("Person", "Country", "Organisation", "Place"):
        assert f"<h3>{kind}</h3>" in aside


@pytest.mark.django_db
def test_mention_links_never_unescape_transcript_text(client, seed_event):
    from transcripts.editing import reextract_event

    turn = seed_event.utterances.get(sequence=2)
    turn.text = 'NATO<script>alert(1)</script> and <img src=x onerror=alert(2)> "Russia" & France'
    turn.save()
    reextract_event(seed_event)
    html = client.get(seed_event.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert ">NATO</a>&lt;script&gt;" in html and '&quot;<a class="mention"' in html


@pytest.mark.django_db
def test_entity_list_filters_by_kind_and_name_sorted_by_mentions(client, seed_event):
    html = client.get("/entities/", {"kind": "country"}).content.decode()
    assert "Russia" in html and "NATO" not in html
    assert html.index(">Russia<") < html.index(">Hungary<")  # 19 turns before 1
    assert ">Türkiye<" in client.get("/entities/", {"name": "Turkey"}).content.decode()  # found by alias


@pytest.mark.django_db
def test_entity_page_shows_chart_speakers_related_and_quotes(client, seed_event):
    nato = Entity.objects.get(name="NATO")
    html = client.get(nato.get_absolute_url()).content.decode()
    assert "<svg" in html and "Sergey Lavrov" in html and "European Union" in html
    assert f"/search/?entity={nato.slug}" in html
    assert client.get(f"/search/?entity={nato.slug}").content.decode().count('class="quote') == nato.mention_count


@pytest.mark.django_db
def test_a_person_page_links_what_they_said_and_where_they_were_mentioned(client, seed_event):
    lavrov = Speaker.objects.get(name="Sergey Lavrov")
    putin = Entity.objects.get(name="Vladimir Putin")
    assert lavrov.entity.get_absolute_url() in client.get(lavrov.get_absolute_url()).content.decode()
    Speaker.objects.create(name="Vladimir Putin", slug="vladimir-putin", entity=putin)
    assert "/speakers/vladimir-putin/" in client.get(putin.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_rejected_entities_are_not_listed_or_shown(client, seed_event):
    from transcripts.editing import reject_entity

    glazyev = Entity.objects.get(name="Sergey Glazyev")
    reject_entity(glazyev)
    assert "Sergey Glazyev" not in client.get("/entities/").content.decode()
    assert client.get(glazyev.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_the_archives_entities_are_read_again_only_where_they_changed(django_assert_max_num_queries):
    from transcripts.entities.store import known_entities
    from transcripts.models import Entity

    old = Entity.objects.create(name="Ksenia Sokolova", slug="ksenia-sokolova", kind="person", discovered=True)
    gone = Entity.objects.create(name="Ivan Petrov", slug="ivan-petrov", kind="person", discovered=True)
    names = lambda: {info.ref.name: info.aliases for info in known_entities().entities}  # noqa: E731
    assert {"Ksenia Sokolova", "Ivan Petrov"} <= set(names())
    with django_assert_max_num_queries(1):
        known_entities()  # nothing changed: one aggregate
    # A new row and an edit of an old one: one aggregate and one read of just those rows.
    Entity.objects.create(name="Olga Ivanova", slug="olga-ivanova", kind="person", discovered=True)
    old.aliases = ["K. Sokolova"]
    old.save()
    with django_assert_max_num_queries(3):
        seen = names()
    assert seen["Ksenia Sokolova"] == ("K. Sokolova",) and "Olga Ivanova" in seen
    # A deleted row: everything is read again, and it is gone.
    gone.delete()
    assert "Ivan Petrov" not in names() and "Olga Ivanova" in names()

"""Each turn's list of the entities it mentions (`Utterance.entity_ids`) agrees with its mention rows
whoever writes them, and a search's words and entity filter are answered by one scan of the words'
index."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from django.db import connection

from transcripts import editing
from transcripts.models import Entity, Mention, Utterance

pytestmark = pytest.mark.django_db


def disagreeing() -> list[tuple[int, list[int], list[int]]]:
    """Turns whose entity_ids are not the sorted distinct entities of their mention rows."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT u.id, u.entity_ids, ARRAY(SELECT DISTINCT m.entity_id FROM transcripts_mention m "
            "WHERE m.utterance_id = u.id ORDER BY 1) AS wanted FROM transcripts_utterance u"
        )
        return [(pk, have, wanted) for pk, have, wanted in cursor.fetchall() if have != wanted]


def test_ingest_writes_each_turns_entities(seed_event):
    assert Mention.objects.filter(utterance__event=seed_event).count() > 20
    assert Utterance.objects.exclude(entity_ids=[]).count() > 5
    assert disagreeing() == []


def test_merging_rejecting_and_deleting_entities_keep_the_turns_lists(client, seed_event):
    russia, belarus = Entity.objects.get(name="Russia"), Entity.objects.get(name="Belarus")
    had_belarus = set(Utterance.objects.filter(entity_ids__contains=[belarus.pk]).values_list("pk", flat=True))
    editing.merge_entities(russia, [belarus])
    assert had_belarus and not Utterance.objects.filter(entity_ids__contains=[belarus.pk]).exists()
    assert had_belarus <= set(Utterance.objects.filter(entity_ids__contains=[russia.pk]).values_list("pk", flat=True))
    assert disagreeing() == []
    glazyev = Entity.objects.get(name="Sergey Glazyev")
    editing.reject_entity(glazyev)
    assert not Utterance.objects.filter(entity_ids__contains=[glazyev.pk]).exists()
    Entity.objects.get(name="Kyiv").delete()  # the mentions go by cascade
    assert disagreeing() == []


def test_remention_and_raw_changes_to_mentions_keep_the_turns_lists(seed_event):
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM transcripts_mention WHERE id IN (SELECT min(id) FROM transcripts_mention)")
        cursor.execute(
            "UPDATE transcripts_utterance SET entity_ids = '{}' WHERE id = (SELECT min(id) FROM transcripts_utterance)"
        )
    assert disagreeing()  # changed behind the triggers' back: the turn's own list was emptied
    call_command("remention")
    assert disagreeing() == []


def test_words_and_an_entity_are_one_scan_of_the_words_index(seed_event):
    """20,000 turns on sanctions, one of them about Russia: the turn found is the one the words' index
    holds under both keys, and no mention row (nor any other turn's words) is read to find them."""
    from transcripts.search import build_query, matching

    russia = Entity.objects.get(name="Russia")
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO transcripts_utterance (event_id, sequence, label, affiliation, role, note, text, "
            "search_config, entity_ids) SELECT %s, 1000 + n, '', '', 'remark', '', 'Filler ' || n || ' on sanctions.', "
            "'verbatim_english', CASE WHEN n = 1 THEN ARRAY[%s]::bigint[] ELSE '{}' END "
            "FROM generate_series(1, 20000) AS n",
            [seed_event.pk, russia.pk],
        )
        cursor.execute("SELECT gin_clean_pending_list('utterance_words_gin'::regclass)")
        cursor.execute("ANALYZE transcripts_utterance")
    qs = Utterance.objects.filter(entity_ids__contains=[russia.pk])
    found = matching(qs, build_query("sanctions")).order_by()
    sql, params = found.values("id").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    # The entity is a key of the words' own index: both are met in one index scan.
    assert re.search(
        r"Bitmap Index Scan on utterance_words_gin[^\n]*\n\s*Index Cond: [^\n]*search_vector @@[^\n]*entity_ids @>",
        plan,
    ), plan
    assert "transcripts_mention" not in plan, plan
    assert found.filter(sequence=1001).exists()


def test_the_entity_filter_finds_the_turns_that_mention_every_entity_chosen(client, seed_event):
    russia, ukraine = Entity.objects.get(name="Russia"), Entity.objects.get(name="Ukraine")
    both = set(Mention.objects.filter(entity=russia).values_list("utterance", flat=True)) & set(
        Mention.objects.filter(entity=ukraine).values_list("utterance", flat=True)
    )
    response = client.get("/api/search/", {"entity": [russia.slug, ukraine.slug], "page_size": 100})
    assert both and {row["id"] for row in response.json()["results"]} == both


def test_remention_writes_no_turn_whose_entities_stay_the_same(seed_event):
    def versions() -> dict[int, str]:
        with connection.cursor() as cursor:
            cursor.execute("SELECT id, xmin::text FROM transcripts_utterance")
            return dict(cursor.fetchall())

    before = versions()
    call_command("remention")
    assert versions() == before and disagreeing() == []

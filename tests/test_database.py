"""The database: embedded PostgreSQL, migrations, the trigger-kept search vector, constraints."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import IntegrityError, connection

from tests.conftest import ROOT
from transcripts.models import Event, Utterance


def test_embedded_server_keeps_its_data_under_dot_data():
    if os.environ.get("DATABASE_URL"):
        pytest.skip("DATABASE_URL is set: the embedded server is not used")
    from archive.database import embedded_data_dir

    pgdata = embedded_data_dir(ROOT)
    assert (pgdata / "PG_VERSION").read_text().strip() == "18"
    assert settings.DATABASES["default"]["HOST"].startswith("/")


@pytest.mark.parametrize(
    ("gib", "buffers", "cache"),
    [(24, "2048MB", "12288MB"), (4, "1024MB", "2048MB"), (0.25, "128MB", "512MB")],
)
def test_the_embedded_servers_memory_follows_the_machines(gib, buffers, cache):
    from archive.database import server_memory

    assert server_memory(int(gib * 2**30)) == {"shared_buffers": buffers, "effective_cache_size": cache}


@pytest.mark.django_db
def test_the_embedded_server_is_set_for_this_machines_memory():
    """What the next start of the server uses (shared_buffers needs a restart) is this machine's."""
    if os.environ.get("DATABASE_URL"):
        pytest.skip("DATABASE_URL is set: the embedded server is not used")
    import psutil

    from archive.database import server_memory

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT ON (name) name, setting FROM pg_file_settings "
            "WHERE name IN ('shared_buffers', 'effective_cache_size') ORDER BY name, seqno DESC"
        )
        assert dict(cursor.fetchall()) == server_memory(psutil.virtual_memory().total)


@pytest.mark.django_db
def test_second_process_reuses_the_running_embedded_server():
    if os.environ.get("DATABASE_URL"):
        pytest.skip("DATABASE_URL is set: the embedded server is not used")
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_postmaster_start_time()::text")
        started_here = cursor.fetchone()[0]
    script = (
        "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'archive.settings'); django.setup();"
        "from django.db import connection; c = connection.cursor();"
        "c.execute('SELECT pg_postmaster_start_time()::text'); print(c.fetchone()[0])"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == started_here


@pytest.mark.django_db
def test_migrations_created_trigger_extensions_and_configurations():
    with connection.cursor() as cursor:
        cursor.execute("SELECT extname FROM pg_extension")
        extensions = {row[0] for row in cursor.fetchall()}
        cursor.execute("SELECT cfgname FROM pg_ts_config WHERE cfgname LIKE 'verbatim_%'")
        configs = {row[0] for row in cursor.fetchall()}
        cursor.execute(
            "SELECT tgname FROM pg_trigger WHERE tgrelid = 'transcripts_utterance'::regclass AND NOT tgisinternal"
        )
        triggers = {row[0] for row in cursor.fetchall()}
    assert {"unaccent", "pg_trgm"} <= extensions
    assert configs == {"verbatim_english", "verbatim_russian", "verbatim_simple", "verbatim_exact"}
    assert "transcripts_utterance_search_vector" in triggers


def _vector(pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT search_vector::text FROM transcripts_utterance WHERE id = %s", [pk])
        return cursor.fetchone()[0]


@pytest.mark.django_db
def test_search_vector_follows_text_changes_made_in_sql(seed_event):
    utterance = seed_event.utterances.get(sequence=9)
    assert "answer" in _vector(utterance.pk)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE transcripts_utterance SET text = 'Sanctions were discussed.' WHERE id = %s", [utterance.pk]
        )
    vector = _vector(utterance.pk)
    assert "sanction" in vector and "answer" not in vector


@pytest.mark.django_db
def test_search_vector_survives_updates_of_other_columns_and_follows_orm_text_edits(seed_event):
    utterance = seed_event.utterances.get(sequence=9)
    before = _vector(utterance.pk)
    Utterance.objects.filter(pk=utterance.pk).update(role="remark", answers=None)
    assert _vector(utterance.pk) == before
    utterance.refresh_from_db()
    utterance.text = "Sanctions were discussed."
    utterance.save()  # the admin path: every column in the UPDATE, the old vector included
    assert "sanction" in _vector(utterance.pk)


@pytest.mark.django_db
def test_search_vector_is_filled_on_insert_without_python(seed_event):
    row = Utterance.objects.create(event=seed_event, sequence=100, role="remark", text="Türkiye and François")
    assert Utterance.objects.filter(pk=row.pk, search_vector__isnull=False).exists()
    assert row.search_config == "verbatim_english"


def _copies(event_id: int) -> set[tuple]:
    """The distinct (date, publisher, kind, language) copies the event's turns hold."""
    rows = Utterance.objects.filter(event_id=event_id).values_list(
        "event_date", "event_publisher_id", "event_kind", "event_language"
    )
    return set(rows)


@pytest.mark.django_db
def test_a_turn_holds_its_events_date_publisher_kind_and_language_on_every_path(seed_event):
    from transcripts.models import Publisher

    event = seed_event
    expected = {(event.date, event.publisher_id, event.kind, event.language)}
    assert event.publisher_id is not None and _copies(event.pk) == expected  # ingest writes them
    row = Utterance.objects.create(event=event, sequence=100, role="remark", text="Added in the admin")
    with connection.cursor() as cursor:  # a raw insert that names none of them
        cursor.execute(
            "INSERT INTO transcripts_utterance (event_id, sequence, role, text, label, affiliation, note) "
            "VALUES (%s, 101, 'remark', 'Added in SQL', '', '', '')",
            [event.pk],
        )
    assert _copies(event.pk) == expected
    # The event changes: its turns follow, the new ones included.
    other = Publisher.objects.create(name="Another ministry", slug="another-ministry")
    Event.objects.filter(pk=event.pk).update(publisher=other, kind="interview", language="ru")
    assert _copies(event.pk) == {(event.date, other.pk, "interview", "ru")}
    # A turn moved to another event takes that event's.
    second = Event.objects.create(
        title="Another",
        slug="another",
        kind="briefing",
        language="zh",
        content_hash="x" * 64,
        date=datetime.date(2020, 2, 2),
    )
    Utterance.objects.filter(pk=row.pk).update(event=second, sequence=1)
    assert _copies(second.pk) == {(second.date, None, "briefing", "zh")}
    assert Utterance.objects.filter(event=event).count() == event.utterances.count() > 0


@pytest.mark.django_db
def test_a_long_turns_vectors_stay_in_its_row_and_its_text_goes_out_of_line(seed_event):
    """A turn of 200 distinct words: vectors of 2-3 kB each, over the 2 kB at which PostgreSQL
    moves a row's wide values out of line; the text, not the vectors, is what moves (a vector test
    then reads the row, not the TOAST table: migration 0026)."""
    words = " ".join(f"w{n:04d}x" for n in range(200))
    row = Utterance.objects.create(event=seed_event, sequence=100, role="remark", text=words + ".")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_column_size(exact_vector), pg_column_toast_chunk_id(exact_vector),"
            " pg_column_toast_chunk_id(search_vector), pg_column_toast_chunk_id(text)"
            " FROM transcripts_utterance WHERE id = %s",
            [row.pk],
        )
        size, exact_chunk, search_chunk, text_chunk = cursor.fetchone()
    assert size > 2000
    assert exact_chunk is None and search_chunk is None
    assert text_chunk is not None


@pytest.mark.django_db
def test_accents_do_not_matter_in_search(seed_event):
    from django.contrib.postgres.search import SearchQuery

    def hits(text):
        return Utterance.objects.filter(
            event=seed_event, search_vector=SearchQuery(text, config="verbatim_english", search_type="websearch")
        ).count()

    assert hits("Turkiye") == hits("Türkiye") >= 1
    assert hits("Francois") == hits("François") >= 1


@pytest.mark.django_db
def test_the_same_content_hash_cannot_be_stored_twice(seed_event):
    with pytest.raises(IntegrityError):
        Event.objects.create(title="copy", slug="copy", content_hash=seed_event.content_hash)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("what", "fields"),
    [
        ("turn", {"sequence": 0}),
        ("turn", {"search_config": "english"}),  # exists in PostgreSQL, but no query uses it
        ("mention", {"spans": [3, 9, 12]}),
        ("mention", {"count": 0}),
    ],
)
def test_the_database_refuses_impossible_turns_and_mentions(seed_event, what, fields):
    from django.db import transaction

    from transcripts.models import Entity, Mention

    turn = seed_event.utterances.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        if what == "turn":
            Utterance.objects.filter(pk=turn.pk).update(**fields)
        else:
            entity = Entity.objects.create(name="Atlantis", slug="atlantis", kind="place")
            Mention.objects.create(entity=entity, utterance=turn, **{"count": 1, "spans": [0, 4], **fields})

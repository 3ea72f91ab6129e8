"""The turns' standing sample (transcripts/search_sql.py SAMPLE): every turn whose id the membership
function picks, each as stored in the turns' table, whatever path writes, changes or removes it. The
membership is made every other turn here, so that one short transcript puts several turns in it."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection

from transcripts import search_sql
from transcripts.models import Utterance

pytestmark = pytest.mark.django_db


def run(statement: str, params=None):
    with connection.cursor() as cursor:
        cursor.execute(statement, params)  # None: no placeholders (the membership SQL has a %)
        return cursor.fetchall() if cursor.description else None


@pytest.fixture
def every_other(db):
    """Every even id in the sample, for this test's transaction only (rolled back after it)."""
    run(search_sql.sample_membership(2))
    run(search_sql.REFILL_SAMPLE)


@pytest.fixture
def sampled_seed(every_other, seed_bytes):
    from tests.conftest import seed_path
    from transcripts.ingest import ingest_bytes

    result = ingest_bytes(seed_bytes, seed_path().name)
    assert result.status == "created", result.message
    return result.event


def differences() -> int:
    """Rows that are in the sample but not among the turns it should hold as they are, or the other
    way round."""
    table = search_sql.SAMPLE_TABLE
    picked = "SELECT * FROM transcripts_utterance WHERE transcripts_in_sample(id)"
    return run(
        f"SELECT count(*) FROM (({picked} EXCEPT ALL SELECT * FROM {table}) "
        f"UNION ALL (SELECT * FROM {table} EXCEPT ALL {picked})) AS d"
    )[0][0]


def sampled() -> list[int]:
    return [row[0] for row in run(f"SELECT id FROM {search_sql.SAMPLE_TABLE} ORDER BY id")]


def test_the_sample_holds_every_picked_turn_as_stored(sampled_seed):
    turns = list(Utterance.objects.filter(event=sampled_seed).values_list("id", flat=True))
    assert sampled() == sorted(pk for pk in turns if pk % 2 == 0)
    assert len(sampled()) >= 3
    # Vectors, the question's words of an answer, the event's copies and entity lists included.
    assert differences() == 0


def test_the_sample_follows_an_edited_turn_a_changed_event_and_a_deletion(sampled_seed):
    turn = Utterance.objects.filter(event=sampled_seed, id__in=sampled()).order_by("sequence").first()
    turn.text = "Zanzibarian cartography is the subject of this edited turn."
    turn.save()
    assert differences() == 0
    vector = run(f"SELECT search_vector::text FROM {search_sql.SAMPLE_TABLE} WHERE id = %s", [turn.pk])[0][0]
    assert "cartographi" in vector
    sampled_seed.date = datetime.date(1999, 12, 31)
    sampled_seed.save()
    assert differences() == 0
    assert run(f"SELECT DISTINCT event_date FROM {search_sql.SAMPLE_TABLE}") == [(datetime.date(1999, 12, 31),)]
    turn.delete()
    assert turn.pk not in sampled() and differences() == 0
    sampled_seed.delete()
    assert sampled() == []


def test_truncating_the_turns_empties_the_sample(sampled_seed):
    assert sampled()
    run("SET CONSTRAINTS ALL IMMEDIATE")  # the test's transaction holds deferred checks
    run("TRUNCATE transcripts_utterance CASCADE")
    assert sampled() == []


def test_a_refill_puts_back_what_the_triggers_would_have_kept(sampled_seed):
    # Bulk copies that skip the triggers (the benchmark's) refill the sample afterwards.
    run(f"DELETE FROM {search_sql.SAMPLE_TABLE}")
    assert differences() > 0
    run(search_sql.REFILL_SAMPLE)
    assert differences() == 0 and sampled()


def test_the_sample_has_every_column_of_the_turns_table_in_order(db):
    # The triggers copy a turn's row whole: a column added to the turns must be added to the sample.
    columns = "SELECT column_name, data_type, ordinal_position FROM information_schema.columns WHERE table_name = %s"
    turns = run(columns + " ORDER BY ordinal_position", ["transcripts_utterance"])
    sample = run(columns + " ORDER BY ordinal_position", [search_sql.SAMPLE_TABLE])
    assert sample == turns and len(turns) > 15

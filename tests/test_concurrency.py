"""Concurrent ingests on real connections (each thread its own), committed for real."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections, transaction
from django.db.models import Count

from tests.conftest import word_statistics_mismatches
from transcripts.ingest import ingest_bytes
from transcripts.models import Entity

pytestmark = pytest.mark.django_db(transaction=True)


def transcript(n: int) -> bytes:
    turns = "\n\n".join(
        f"Q: What about Italy, Brazil and Japan, question {n}.{k}?\n\nMR. SMITH: Italy and Brazil agree; Japan too."
        for k in range(30)
    )
    return f"Press conference number {n}\n\n{turns}\n".encode()


def test_concurrent_ingests_keep_mention_counts_exact():
    results = []
    for round_ in range(6):
        barrier = threading.Barrier(2)

        def ingest(n: int, barrier: threading.Barrier = barrier) -> None:
            try:
                barrier.wait()
                results.append(ingest_bytes(transcript(n), f"t{n}.txt").status)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=ingest, args=(round_ * 2 + i,)) for i in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert results == ["created"] * 12
    true_counts = dict(Entity.objects.annotate(n=Count("mentions")).values_list("name", "n"))
    stored = dict(Entity.objects.values_list("name", "mention_count"))
    assert stored == true_counts
    assert stored["Italy"] == 12 * 60


def test_public_reads_run_under_a_statement_timeout_and_admin_requests_do_not(client, settings, admin_client):
    settings.VERBATIM_PUBLIC_STATEMENT_TIMEOUT_MS = 1234
    client.get("/events/")
    with connection.connection.cursor() as cursor:  # the raw connection: what the request left set
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "1234ms"
    admin_client.get("/admin/transcripts/event/")
    with connection.connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "0"


def _started(name: str, job, results: dict) -> threading.Thread:
    """`job` running in a thread called `name` (with its own connection); its result goes to
    results[name]."""

    def target() -> None:
        try:
            results[name] = job()
        finally:
            connections.close_all()

    thread = threading.Thread(target=target, name=name)
    thread.start()
    return thread


def _run_side_by_side(*jobs) -> list:
    """Each callable in its own thread with its own connection, started together; their results."""
    results: list = [None] * len(jobs)
    barrier = threading.Barrier(len(jobs))

    def run(i: int) -> None:
        try:
            barrier.wait()
            results[i] = jobs[i]()
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(jobs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_concurrent_ingests_of_one_title_and_a_new_publisher_all_land_with_exact_statistics():
    from transcripts.models import Event, Publisher, Utterance
    from transcripts.parsing import Hints

    def body(n: int) -> bytes:
        turns = "\n\n".join(f"Q: Italy and Brazil, {n}.{k}?\n\nMR. ROSSI: Japan, {n}.{k}." for k in range(20))
        return f"Press briefing\n\n{turns}\n".encode()  # one title for all

    for round_ in range(4):
        hints = [Hints(publisher=f"Ministry {round_}") for _ in range(2)]
        statuses = _run_side_by_side(
            *(lambda n=round_ * 2 + i, h=hints[i]: ingest_bytes(body(n), f"b{n}.txt", h).status for i in range(2))
        )
        assert statuses == ["created", "created"]
    assert Event.objects.count() == 8
    assert len(set(Event.objects.values_list("slug", flat=True))) == 8
    assert Publisher.objects.count() == 4
    assert word_statistics_mismatches() == 0
    for turn in Utterance.objects.prefetch_related("mentions"):
        assert turn.entity_ids == sorted({m.entity_id for m in turn.mentions.all()})


def test_an_ingest_does_not_wait_while_another_holds_the_catalogue():
    """Only creating a speaker, entity or publisher (or replacing a version) takes the catalogue
    lock: a transcript whose people and places the archive knows is saved while another ingest
    holds it (before, every save took it first, and ingests saved one at a time)."""
    from transcripts.catalogue import lock_catalogue

    assert ingest_bytes(transcript(1), "t1.txt").status == "created"
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        try:
            with transaction.atomic():
                lock_catalogue()
                held.set()
                release.wait(30)
        finally:
            connections.close_all()

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert held.wait(10)
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '5s'")
        result = ingest_bytes(transcript(2), "t2.txt")
        assert result.status == "created", result.message
    finally:
        release.set()
        holder.join()
        with connection.cursor() as cursor:
            cursor.execute("RESET lock_timeout")
    assert word_statistics_mismatches() == 0


def test_extraction_reads_back_only_the_entities_written_since_its_last_read(monkeypatch):
    """A bulk ingest discovers an entity every other transcript: each read of the archive's
    entities fetches what changed since the last one, not every row created in the last minutes
    (that cost 5 ms a file); and an edit committed after a read began is still picked up."""
    from transcripts.entities import store
    from transcripts.models import Entity

    for i in range(40):
        Entity.objects.create(name=f"Person Number{i}", slug=f"p{i}", kind="person", discovered=True)
    store.known_entities()
    fetched = []
    put = store._Seen.put
    monkeypatch.setattr(store._Seen, "put", lambda self, row: fetched.append(row[1]) or put(self, row))
    Entity.objects.create(name="Olga Newname", slug="olga", kind="person", discovered=True)
    assert "Olga Newname" in {info.ref.name for info in store.known_entities().entities}
    with connection.cursor() as cursor:  # a transaction of another session holds the horizon back
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid()"
        )
        others = cursor.fetchone()[0]
    assert fetched == ["Olga Newname"] if not others else "Olga Newname" in fetched

    # An alias written by a transaction still open while extraction reads, committed after.
    written, release = threading.Event(), threading.Event()

    def edit() -> None:
        try:
            with transaction.atomic():
                entity = Entity.objects.get(name="Person Number3")
                entity.aliases = ["P. N. Three"]
                entity.save()  # as the admin does (updated_at moves)
                written.set()
                release.wait(30)
        finally:
            connections.close_all()

    editor = threading.Thread(target=edit)
    editor.start()
    assert written.wait(10)
    Entity.objects.create(name="Ivan Other", slug="ivan", kind="person", discovered=True)
    before = {info.ref.name: info.aliases for info in store.known_entities().entities}
    release.set()
    editor.join()
    assert before["Person Number3"] == ()  # not committed yet
    # Read again at the next change of the catalogue (during a bulk ingest, the next file or two).
    Entity.objects.create(name="Anna Later", slug="anna", kind="person", discovered=True)
    after = {info.ref.name: info.aliases for info in store.known_entities().entities}
    assert after["Person Number3"] == ("P. N. Three",)


def test_the_alerts_horizon_waits_for_an_ingest_in_flight_so_no_turn_is_skipped(monkeypatch):
    """Ingests run side by side now: one may hold lower turn ids, uncommitted, while a later one
    commits higher ids. The alerts' horizon (every id at or below it committed) must not pass the
    first one's turns, or alerts would never look at them."""
    from alerts.delivery import horizon
    from transcripts import ingest
    from transcripts.models import Utterance

    paused, release = threading.Event(), threading.Event()
    save_mentions = ingest.save_mentions

    def slow_save_mentions(*args, **kwargs):  # after the turns are inserted, before the commit
        if threading.current_thread().name == "first":
            paused.set()
            release.wait(30)
        return save_mentions(*args, **kwargs)

    # Its speaker and places known first: the two below then create nothing in the catalogue.
    assert ingest_bytes(transcript(0), "t0.txt").status == "created"
    monkeypatch.setattr(ingest, "save_mentions", slow_save_mentions)
    results: dict[str, object] = {}

    first = _started("first", lambda: ingest_bytes(transcript(1), "t1.txt").status, results)
    assert paused.wait(10)
    _started("second", lambda: ingest_bytes(transcript(2), "t2.txt").status, results).join(30)
    assert results["second"] == "created"  # not held up by the first
    waiting = _started("horizon", horizon, results)
    waiting.join(1.0)
    assert waiting.is_alive()  # waits for the first ingest…
    release.set()
    first.join(30)
    waiting.join(30)
    assert results["first"] == "created"
    # … and then every turn at or below the horizon is there: both transcripts'.
    assert results["horizon"] == max(Utterance.objects.values_list("id", flat=True))
    assert Utterance.objects.filter(id__lte=results["horizon"]).count() == Utterance.objects.count() == 3 * 60


def test_merging_an_entity_waits_for_an_ingest_writing_its_mentions(monkeypatch):
    """Merging Brazil into another entity while an ingest in flight writes new mentions of Brazil:
    without waiting, the merge moved the mentions it saw and deleted Brazil, and the ingest's
    mentions, committed after, went with it (a cascade)."""
    from transcripts import ingest
    from transcripts.editing import merge_entities
    from transcripts.models import Entity, Mention

    assert ingest_bytes(transcript(0), "t0.txt").status == "created"
    paused, release = threading.Event(), threading.Event()
    save_mentions = ingest.save_mentions

    def slow_save_mentions(*args, **kwargs):  # the mentions written, before the commit
        written = save_mentions(*args, **kwargs)
        if threading.current_thread().name == "ingest":
            paused.set()
            release.wait(30)
        return written

    monkeypatch.setattr(ingest, "save_mentions", slow_save_mentions)
    target = Entity.objects.create(name="Federative Republic", slug="federative-republic", kind="country")
    results: dict[str, object] = {}

    ingesting = _started("ingest", lambda: ingest_bytes(transcript(1), "t1.txt").status, results)
    assert paused.wait(10)
    merging = _started("merge", lambda: merge_entities(target, [Entity.objects.get(name="Brazil")]), results)
    merging.join(1.0)
    assert merging.is_alive()  # waits for the ingest
    release.set()
    ingesting.join(30)
    merging.join(30)
    assert results["ingest"] == "created" and not Entity.objects.filter(name="Brazil").exists()
    target.refresh_from_db()
    assert Mention.objects.filter(entity=target).count() == target.mention_count == 2 * 60  # both transcripts'

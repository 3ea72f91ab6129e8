"""Concurrent ingests on real connections (each thread its own), committed for real."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections
from django.db.models import Count

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

"""The archive's catalogue of speakers and entities: created by ingest and mention extraction,
one process at a time (the lock), so two ingests naming the same new person create it once; and
the lock on turn ids that lets the alerts know which turns are all committed."""

from __future__ import annotations

from django.db import connection

# pg_advisory_xact_lock key serialising the creation of speakers and entities (any 64-bit number).
CATALOGUE_LOCK = 7_270_468_101_529


# pg_advisory_xact_lock key: ingests hold it shared from allocating turn ids to commit (side by
# side); whoever needs every turn id below the largest committed one to be committed too (the
# alerts' horizon) takes it exclusive, which waits for the ingests in flight.
TURN_IDS_LOCK = 7_270_468_101_530


def lock_catalogue() -> None:
    """Held to the end of the transaction. Ingest takes it to create a speaker, entity or
    publisher, or to replace a version (see ingest.save_parsed); extraction before creating."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CATALOGUE_LOCK])


def pause_ingests() -> None:
    """Wait for the ingests in flight to commit (or roll back), and hold new ones, until the end of
    the transaction: every turn id allocated so far is then committed, and no turn or mention is
    being written (the alerts' horizon; an editor merging or rejecting what an ingest would point
    at)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [TURN_IDS_LOCK])

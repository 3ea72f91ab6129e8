"""The archive's catalogue of speakers and entities: created by ingest and mention extraction,
one process at a time (the lock), so two ingests naming the same new person create it once."""

from __future__ import annotations

from django.db import connection

# pg_advisory_xact_lock key serialising the creation of speakers and entities (any 64-bit number).
CATALOGUE_LOCK = 7_270_468_101_529


def lock_catalogue() -> None:
    """Held to the end of the transaction. Ingest takes it before saving turns (see
    ingest.save_parsed: the word statistics rows are shared too); extraction before creating."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CATALOGUE_LOCK])

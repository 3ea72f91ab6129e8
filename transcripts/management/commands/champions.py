"""python manage.py champions — build every common word's list of its strongest turns again.

Ingest and every other write keep the lists (transcripts/champions.py); each list weighs turns at
the archive's average turn length of the day it started. Run this when that average has moved (the
search then proves fewer results the best of all matches) or after changing
`verbatim.champions_from` / `verbatim.champions_kept`. One range of turns per transaction; searches
past the cap rank the most recent matches for words whose list is not rebuilt yet.
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand
from django.db import connection

from transcripts import champions


class Command(BaseCommand):
    help = "Rebuild the lists of each common word's strongest turns (ranking past the count cap)."

    def handle(self, *args, **options):
        started = time.monotonic()
        lists = champions.rebuild(connection)
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM transcripts_champion")
            rows = cursor.fetchone()[0]
        self.stdout.write(f"{lists} lists, {rows} turns listed, in {time.monotonic() - started:.1f}s")

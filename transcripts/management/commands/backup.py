"""python manage.py backup [FILE] — the whole archive in one pg_dump file (custom format).

Original transcript files are stored in the database, so this one file is a complete backup.
Uses pg_dump from PATH when it is there (an external server), else the embedded server's own.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from transcripts.dbtools import libpq_env, pg_tool, run_tool


class Command(BaseCommand):
    help = "Dump the archive's database to a file (pg_dump custom format)."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="Where to write (default: backups/verbatim-<time>.dump).")

    def handle(self, *args, **options):
        target = Path(
            options["file"] or settings.BASE_DIR / "backups" / f"verbatim-{dt.datetime.now():%Y%m%d-%H%M%S}.dump"
        )
        target.parent.mkdir(parents=True, exist_ok=True)
        env, name = libpq_env()
        run_tool([pg_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(target), name], env)
        if not target.exists() or target.stat().st_size == 0:
            raise CommandError(f"pg_dump wrote nothing to {target}")
        self.stdout.write(f"{target} ({target.stat().st_size / 1_048_576:.1f} MB)")

"""python manage.py restore FILE --yes — replace the archive's database with a backup."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from transcripts.dbtools import libpq_env, pg_tool, run_tool


class Command(BaseCommand):
    help = "Restore a `manage.py backup` file into the configured database, replacing its contents."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--yes", action="store_true", help="Really replace what is in the database.")

    def handle(self, *args, **options):
        source = Path(options["file"])
        if not source.is_file():
            raise CommandError(f"no such backup file: {source}")
        if not options["yes"]:
            raise CommandError("restore replaces everything in the database; add --yes to go ahead")
        connections.close_all()
        env, name = libpq_env()
        run_tool(
            [pg_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--single-transaction",
             "--dbname", name, str(source)],
            env,
        )  # fmt: skip
        self.stdout.write(f"restored {source} into {name}")

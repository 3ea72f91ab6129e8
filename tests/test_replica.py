"""Read replicas: a real streaming replica of a scratch embedded server; with
DATABASE_REPLICA_URLS set, public page reads are served by the replica and writes by the primary."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT, seed_path
from tests.scratch import SAMPLES, Replica, env_for, manage

SERVE = """
from django.db import connections
from django.test import Client
client = Client()
assert client.get('/search/', {'q': 'Minsk'}).status_code == 200
assert client.get('/events/').status_code == 200
opened = sorted(alias for alias in connections if connections[alias].connection is not None)
recovery = {}
for alias in opened:
    with connections[alias].cursor() as cursor:
        cursor.execute('SELECT pg_is_in_recovery()')
        recovery[alias] = cursor.fetchone()[0]
print('served', opened, recovery)
"""


@pytest.fixture(scope="module")
def replicated(scratch, tmp_path_factory):
    url = scratch.new_database("replicated")
    assert manage("ingest", str(SAMPLES), url=url).returncode == 0
    replica = Replica(scratch, tmp_path_factory.mktemp("replica"))
    yield scratch, replica, url
    replica.stop()


def wait_for(fn, timeout: float = 20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if fn():
            return True
        time.sleep(0.2)
    return False


def test_the_replica_is_a_streaming_standby_with_the_data(replicated):
    primary, replica, _ = replicated
    assert replica.query("replicated", "SELECT pg_is_in_recovery()") == [(True,)]
    assert wait_for(lambda: replica.query("replicated", "SELECT count(*) FROM transcripts_event")
                    == primary.query("replicated", "SELECT count(*) FROM transcripts_event"))  # fmt: skip
    assert primary.query("postgres", "SELECT count(*) FROM pg_stat_replication") == [(1,)]


def test_page_reads_go_to_the_replica(replicated):
    _, replica, url = replicated
    env = {**env_for(url), "DATABASE_REPLICA_URLS": replica.url("replicated")}
    result = subprocess.run([sys.executable, "manage.py", "shell", "--no-imports", "-c", SERVE], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stderr
    # Only the replica's connection was opened by the two page requests, and it is the standby.
    assert "served ['replica_0'] {'replica_0': True}" in result.stdout, result.stdout


def test_writes_go_to_the_primary_and_reach_the_replica(replicated, tmp_path):
    primary, replica, url = replicated
    env_url = {"DATABASE_REPLICA_URLS": replica.url("replicated")}
    changed = seed_path().read_bytes().replace(b"I have answered your question.", b"Good evening, all answered.")
    (tmp_path / "changed.txt").write_bytes(changed)
    result = subprocess.run([sys.executable, "manage.py", "ingest", str(tmp_path / "changed.txt")], cwd=ROOT,
                            env={**env_for(url), **env_url}, capture_output=True, text=True, timeout=120)  # fmt: skip
    # The replica refuses writes, so a write routed there would have failed the command.
    assert result.returncode == 0, result.stderr
    assert (
        primary.query(
            "replicated", "SELECT count(*) FROM transcripts_utterance WHERE text LIKE '%%Good evening, all answered%%'"
        )[0][0]
        >= 1
    )
    assert wait_for(
        lambda: (
            replica.query(
                "replicated",
                "SELECT count(*) FROM transcripts_utterance WHERE text LIKE '%%Good evening, all answered%%'",
            )[0][0]
            >= 1
        )
    )

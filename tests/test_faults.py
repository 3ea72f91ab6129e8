"""Faults, with real processes and a real PostgreSQL of their own (a second embedded server):
the database stopping under a running app, two ingests racing, an ingest killed mid-way,
and a backup restored.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from tests.conftest import CORPUS, ROOT, needs_shared
from tests.scratch import SAMPLES, env_for, manage


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()


def test_database_outage_gives_503_and_the_app_recovers_without_a_restart(scratch):
    url = scratch.new_database("outage")
    assert manage("ingest", str(SAMPLES), url=url).returncode == 0
    port = free_port()
    app = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "archive.wsgi:application", "-b", f"127.0.0.1:{port}", "-w", "2",
         "--timeout", "30"],
        cwd=ROOT, env=env_for(url), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                if fetch(base + "/")[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        workers_before = sorted(p.pid for p in __import__("psutil").Process(app.pid).children())
        assert fetch(base + "/search/?q=Minsk")[0] == 200

        scratch.stop()
        for path in ("/", "/search/?q=Minsk", "/events/"):
            status, body = fetch(base + path)
            assert status == 503 and "Back in a moment" in body and "Traceback" not in body

        scratch.start()
        statuses = [fetch(base + "/search/?q=Minsk")[0] for _ in range(4)]
        assert statuses[-1] == 200 and set(statuses) <= {200, 503}
        assert app.poll() is None  # the same server process, never restarted
        assert sorted(p.pid for p in __import__("psutil").Process(app.pid).children()) == workers_before
    finally:
        app.terminate()
        app.wait(10)


def test_two_processes_ingesting_the_same_files_store_each_once(scratch):
    url = scratch.new_database("race")
    procs = [
        subprocess.Popen([sys.executable, "manage.py", "ingest", str(SAMPLES)], cwd=ROOT, env=env_for(url),
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]  # fmt: skip
    outputs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    files = len([p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".html", ".md") and p.name != "README.md"])
    rows = scratch.query("race", "SELECT count(*), count(DISTINCT content_hash), count(DISTINCT title) "
                                 "FROM transcripts_event")  # fmt: skip
    assert rows == [(files, files, files)]


@needs_shared
def test_an_ingest_killed_mid_way_leaves_whole_transcripts_and_a_rerun_completes(scratch):
    from transcripts.parsing import parse_transcript

    url = scratch.new_database("killed")
    proc = subprocess.Popen([sys.executable, "manage.py", "ingest", str(CORPUS)], cwd=ROOT, env=env_for(url),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    for _ in range(600):
        if scratch.query("killed", "SELECT count(*) FROM transcripts_event")[0][0] >= 3:
            break
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    total = len([p for p in CORPUS.iterdir() if p.suffix in (".html", ".md")])
    stored = scratch.query(
        "killed",
        "SELECT e.id, o.filename, o.content, (SELECT count(*) FROM transcripts_utterance u WHERE u.event_id = e.id) "
        "FROM transcripts_event e JOIN transcripts_originalfile o ON o.event_id = e.id",
    )
    assert 3 <= len(stored) < total, "the kill should land mid-way"
    for _, filename, content, turns in stored:
        assert turns == len(parse_transcript(bytes(content), filename).turns), filename
    again = manage("ingest", str(CORPUS), url=url)
    assert again.returncode == 0, again.stderr
    assert f"{len(stored)} unchanged" in again.stdout and f"{total - len(stored)} created" in again.stdout
    assert scratch.query("killed", "SELECT count(*) FROM transcripts_event") == [(total,)]


def test_backup_and_restore_round_trip(scratch, tmp_path):
    source = scratch.new_database("backup_source")
    assert manage("ingest", str(SAMPLES), url=source).returncode == 0
    dump = tmp_path / "archive.dump"
    made = manage("backup", str(dump), url=source)
    assert made.returncode == 0 and dump.stat().st_size > 0, made.stderr
    scratch.execute('DROP DATABASE IF EXISTS "backup_copy" WITH (FORCE)')
    scratch.execute('CREATE DATABASE "backup_copy"')
    restored = manage("restore", str(dump), "--yes", url=scratch.url("backup_copy"))
    assert restored.returncode == 0, restored.stderr
    tables = ["transcripts_event", "transcripts_utterance", "transcripts_speaker", "transcripts_entity",
              "transcripts_mention", "transcripts_originalfile"]  # fmt: skip
    for table in tables:
        assert scratch.query("backup_copy", f"SELECT count(*) FROM {table}") == scratch.query(
            "backup_source", f"SELECT count(*) FROM {table}"
        ), table
    search = (
        "SELECT id FROM transcripts_utterance WHERE search_vector @@ websearch_to_tsquery('verbatim_english', %s) "
        "ORDER BY id"
    )
    for q in ('"Minsk agreements"', "Turkiye", "sanctions"):
        assert scratch.query("backup_copy", search, [q]) == scratch.query("backup_source", search, [q]) != []


@needs_shared
def test_two_processes_ingesting_different_files_share_speakers_and_entities(scratch, tmp_path):
    files = sorted(p for p in CORPUS.iterdir() if p.suffix in (".html", ".md"))
    url = scratch.new_database("shared_names")
    ordered = [[str(p) for p in files], [str(p) for p in reversed(files)]]
    procs = [
        subprocess.Popen([sys.executable, "manage.py", "ingest", *names], cwd=ROOT, env=env_for(url),
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for names in ordered
    ]  # fmt: skip
    outputs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err[-2000:] for _, err in outputs]
    assert scratch.query("shared_names", "SELECT count(*) FROM transcripts_event") == [(len(files),)]
    duplicates = scratch.query(
        "shared_names",
        "SELECT name FROM transcripts_speaker GROUP BY name HAVING count(*) > 1 "
        "UNION ALL SELECT name FROM transcripts_entity GROUP BY name, kind HAVING count(*) > 1",
    )
    assert duplicates == []


def test_dry_run_works_before_migrate(scratch):
    scratch.execute('DROP DATABASE IF EXISTS "unmigrated" WITH (FORCE)')
    scratch.execute('CREATE DATABASE "unmigrated"')
    sample = SAMPLES / "kremlin_52834.html"
    done = manage("ingest", "--dry-run", "--json", str(sample), url=scratch.url("unmigrated"))
    assert done.returncode == 0, done.stderr
    document = __import__("json").loads(done.stdout)
    assert document["transcripts"][0]["title"] == "Answers to journalists’ questions"
    assert len(document["transcripts"][0]["utterances"]) == 47
    assert scratch.query("unmigrated", "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == [(0,)]


def test_check_warns_about_a_database_without_a_utf8_locale(scratch):
    scratch.execute('DROP DATABASE IF EXISTS "asciionly" WITH (FORCE)')
    scratch.execute("CREATE DATABASE \"asciionly\" TEMPLATE template0 ENCODING 'UTF8' LC_CTYPE 'C' LC_COLLATE 'C'")
    warned = manage("check", url=scratch.url("asciionly"))
    assert "verbatim.W001" in warned.stdout + warned.stderr
    fine = manage("check", url=scratch.url(scratch.new_database("utf8locale").rsplit("/", 1)[-1]))
    assert "verbatim.W001" not in fine.stdout + fine.stderr

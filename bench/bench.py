"""The archive-scale benchmark: build a database of N turns from real transcripts, then measure.

    python bench/bench.py [--utterances 1000000] [--runs 15] [--reuse] [--bulk-files N] [--alerts N]

It uses a database of its own (`verbatim_bench` on the configured server, or $BENCH_DB; the development
database is not touched), prints a table, and prints one JSON object with every figure as its
last line. Steps:

1. Ingest the real transcripts through the real pipeline (`manage.py ingest --jobs 2`, timed: the
   ingest rate): ../shared/corpus/bulk/ (12,475 files, unpacked to .data/bulk), the dev corpus and
   samples/; then COPY the same rows into a scratch table (the floor).
2. Grow to N turns by copying those events and turns (COPY-speed INSERT … SELECT with the search
   vectors, an answer's question words, the entities a turn mentions and its event's copies copied,
   indexes dropped first and rebuilt after), dated 2000–2026, and count the word statistics again.
3. Time a fixed mix of searches through the real view (Django test client: query, facets,
   highlighting, template), the bare SQL floor for the same question (the same match condition,
   exact count, top 20 by ts_rank_cd or date), and the ILIKE baseline.
4. Time the longest transcript page.
5. With --alerts N: N saved searches (words, speakers, entities; half of them the same as another
   reader's), new turns added, `send_alerts` timed with its SQL statements counted.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH_DB = os.environ.get("BENCH_DB", "verbatim_bench")


def setup_django() -> None:
    os.environ["VERBATIM_DATABASE_NAME"] = BENCH_DB
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    os.environ["DJANGO_DEBUG"] = "0"
    import django

    django.setup()


def sources(bulk_files: int | None = None) -> list[Path]:
    """samples/, the dev corpus, and the bulk corpus (all of it, or its first `bulk_files`
    files in a fixed shuffled order, so a smaller run still mixes the four publishers)."""
    import random

    sys.path.insert(0, str(ROOT / "bench"))
    from sweep import unpack

    from transcripts.ingest import transcript_files

    folders = [ROOT / "samples", ROOT.parent / "shared" / "corpus" / "dev"]
    files, _ = transcript_files([str(f) for f in folders if f.exists()])
    bulk = ROOT.parent / "shared" / "corpus" / "bulk"
    if bulk.exists():
        found = unpack(bulk, ROOT / ".data" / "bulk")
        random.Random(2026).shuffle(found)
        files += found[:bulk_files] if bulk_files is not None else found
    return files


def timed(fn, *args, **kwargs):
    started = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - started


def sql(statement: str, params=None, fetch: bool = False):
    from django.db import connection

    if getattr(connection, "_verbatim_timeout", None):
        # The public pages' statement_timeout (transcripts/middleware.py) stays on the connection
        # after a request; the floors and the ILIKE baseline run without it.
        with connection.cursor() as cursor:
            cursor.execute("SET statement_timeout = 0")
        connection._verbatim_timeout = None
    with connection.cursor() as cursor:
        cursor.execute(statement, params or [])
        return cursor.fetchall() if fetch else None


def recreate_database() -> None:
    import psycopg
    from django.db import connections

    connections.close_all()
    settings = connections["default"].settings_dict
    conninfo = {"host": settings["HOST"], "port": settings["PORT"] or None, "user": settings["USER"],
                "password": settings["PASSWORD"] or None, "dbname": "postgres", "autocommit": True}  # fmt: skip
    with psycopg.connect(**{k: v for k, v in conninfo.items() if v is not None}) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{BENCH_DB}"')


# --------------------------------------------------------------------------------------- build


def ingest_real(files: list[Path]) -> dict:
    import io

    from django.core.management import call_command

    from transcripts.models import Event, Utterance

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    # The command as an editor runs it: two processes, progress on stderr.
    out = io.StringIO()
    try:
        call_command("ingest", *[str(f) for f in files], jobs=2, stdout=out)
    except SystemExit:
        pass  # some bulk files are refused (no transcript text): the command exits 1, as it should
    elapsed = time.perf_counter() - started
    created = Event.objects.count()
    turns = Utterance.objects.count()
    # The floor: COPY the same rows into a table with the same columns, trigger and indexes.
    sql("CREATE TABLE bench_copy_floor (LIKE transcripts_utterance INCLUDING ALL)")
    sql(
        "CREATE TRIGGER floor_vector BEFORE INSERT ON bench_copy_floor FOR EACH ROW "
        "EXECUTE FUNCTION transcripts_utterance_search_vector()"
    )
    from django.db import connection

    columns = "event_id, sequence, speaker_id, label, affiliation, role, note, text, search_config"
    rows = sql(f"SELECT {columns} FROM transcripts_utterance ORDER BY id", fetch=True)
    started = time.perf_counter()
    with connection.cursor() as cursor:
        with cursor.copy(f"COPY bench_copy_floor ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    copy_seconds = time.perf_counter() - started
    sql("DROP TABLE bench_copy_floor")
    return {
        "ingest_files": len(files),
        "ingest_created": created,
        "ingest_seconds": round(elapsed, 2),
        "ingest_transcripts_per_s": round(created / elapsed, 1),
        "ingest_turns_per_s": round(turns / elapsed),
        "copy_floor_seconds": round(copy_seconds, 3),
        "copy_floor_turns_per_s": round(turns / copy_seconds),
        "copy_floor_transcripts_per_s": round(created / copy_seconds, 1),
        "ingest_vs_copy": round(elapsed / copy_seconds, 1),
        "base_turns": turns,
    }


UTTERANCE_INDEXES_SQL = """
SELECT indexname, indexdef FROM pg_indexes
WHERE tablename IN ('transcripts_utterance', 'transcripts_mention') AND indexname NOT LIKE '%%pkey'
  AND indexdef NOT LIKE '%%UNIQUE%%'
"""


def grow(target: int) -> dict:
    """Copy the real events and turns until there are `target` turns."""
    base_turns = sql("SELECT count(*) FROM transcripts_utterance", fetch=True)[0][0]
    copies = max(0, -(-(target - base_turns) // base_turns))
    offset = sql("SELECT max(id) + 1 FROM transcripts_utterance", fetch=True)[0][0]
    event_offset = sql("SELECT max(id) + 1 FROM transcripts_event", fetch=True)[0][0]
    indexes = sql(UTTERANCE_INDEXES_SQL, fetch=True)
    started = time.perf_counter()
    for name, _ in indexes:
        sql(f'DROP INDEX "{name}"')
    sql("ALTER TABLE transcripts_utterance DISABLE TRIGGER transcripts_utterance_search_vector")
    # Constraints that would be checked row by row while loading: checked once they are back.
    sql("ALTER TABLE transcripts_mention DROP CONSTRAINT IF EXISTS mention_unique")
    sql("SET session_replication_role = replica")  # skip FK triggers during the bulk copy
    remaining = target - base_turns
    for copy_no in range(1, copies + 1):
        take = min(base_turns, remaining)
        if take <= 0:
            break
        sql(
            """
            INSERT INTO transcripts_event (id, title, slug, kind, date, time, location, publisher_id, language,
                source_url, reference, content_hash, original_filename, dropped, warnings, parse_hints, created_at,
                updated_at)
            SELECT id + %(eo)s * %(n)s, title, slug || '-c' || %(n)s, kind,
                DATE '2000-01-01' + ((abs(hashtextextended(slug || %(n)s, 0)) %% 9700))::int,
                time, location, publisher_id, language, '', reference, md5(content_hash || %(n)s),
                original_filename, '[]', '[]', '{}', now(), now()
            FROM transcripts_event WHERE id < %(eo)s
            """,
            {"eo": event_offset, "n": copy_no},
        )
        sql(
            """
            INSERT INTO transcripts_utterance (id, event_id, sequence, speaker_id, label, affiliation, role, note,
                text, answers_id, search_config, index_text, search_vector, exact_vector, context_vector, entity_ids,
                event_date, event_publisher_id, event_kind, event_language)
            OVERRIDING SYSTEM VALUE
            SELECT u.id + %(o)s * %(n)s, u.event_id + %(eo)s * %(n)s, u.sequence, u.speaker_id, u.label,
                u.affiliation, u.role, u.note, u.text, u.answers_id + %(o)s * %(n)s, u.search_config,
                u.index_text, u.search_vector, u.exact_vector, u.context_vector, u.entity_ids,
                e.date, e.publisher_id, e.kind, e.language
            FROM transcripts_utterance u JOIN transcripts_event e ON e.id = u.event_id + %(eo)s * %(n)s
            WHERE u.id < %(o)s ORDER BY u.id LIMIT %(take)s
            """,
            {"o": offset, "eo": event_offset, "n": copy_no, "take": take},
        )
        last_id = sql(
            "SELECT id FROM transcripts_utterance WHERE id < %s ORDER BY id OFFSET %s LIMIT 1",
            [offset, take - 1],
            fetch=True,
        )[0][0]
        sql(
            """
            INSERT INTO transcripts_mention (entity_id, utterance_id, count, spans)
            SELECT m.entity_id, m.utterance_id + %(o)s * %(n)s, m.count, m.spans
            FROM transcripts_mention m WHERE m.utterance_id <= %(last)s
            """,
            {"o": offset, "n": copy_no, "last": last_id},
        )
        remaining -= take
    sql("SET session_replication_role = origin")
    # Copies of answers whose question was not copied (the last, partial copy) point nowhere.
    sql(
        "UPDATE transcripts_utterance u SET answers_id = NULL, context_vector = NULL WHERE answers_id IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM transcripts_utterance q WHERE q.id = u.answers_id)"
    )
    sql("ALTER TABLE transcripts_utterance ENABLE TRIGGER transcripts_utterance_search_vector")
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    sql("SET maintenance_work_mem = '512MB'")
    for _, definition in indexes:
        sql(definition)
    sql("ALTER TABLE transcripts_mention ADD CONSTRAINT mention_unique UNIQUE (entity_id, utterance_id)")
    for table in ("transcripts_utterance", "transcripts_event", "transcripts_mention"):
        sql(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
    # The copies were loaded with triggers off: count the word statistics (BM25's) again.
    from transcripts.search_sql import BACKFILL_LEXEMES

    sql("TRUNCATE transcripts_lexeme")
    sql(BACKFILL_LEXEMES)
    # …and the turns' standing sample (search_sql.SAMPLE), whose triggers the copies skipped too.
    from transcripts.search_sql import REFILL_SAMPLE

    sql(REFILL_SAMPLE)
    sql("VACUUM ANALYZE")
    # …and each common word's strongest turns (ranking past the cap), from those counts.
    from django.db import connection

    from transcripts import champions

    champions.rebuild(connection)
    from transcripts.entities.store import refresh_mention_counts

    refresh_mention_counts()
    indexed = time.perf_counter() - started
    sizes = sql(
        "SELECT pg_table_size('transcripts_utterance'), pg_relation_size('utterance_words_gin'), "
        "pg_total_relation_size('transcripts_utterance'), pg_database_size(current_database())",
        fetch=True,
    )[0]
    return {
        "utterances": sql("SELECT count(*) FROM transcripts_utterance", fetch=True)[0][0],
        "events": sql("SELECT count(*) FROM transcripts_event", fetch=True)[0][0],
        "mentions": sql("SELECT count(*) FROM transcripts_mention", fetch=True)[0][0],
        "load_seconds": round(loaded, 1),
        "index_seconds": round(indexed, 1),
        "table_mb": round(sizes[0] / 2**20),
        "gin_mb": round(sizes[1] / 2**20),
        "utterance_total_mb": round(sizes[2] / 2**20),
        "database_mb": round(sizes[3] / 2**20),
    }


# --------------------------------------------------------------------------------------- measure


def pick_words() -> dict:
    """A common word (in ≥ 5% of turns) and a rare one, from the data itself."""
    total = sql("SELECT count(*) FROM transcripts_utterance", fetch=True)[0][0]
    stats = sql(
        "SELECT word, ndoc FROM ts_stat($$SELECT search_vector FROM transcripts_utterance "
        "WHERE id < 100000 AND search_config = 'verbatim_english'$$) WHERE length(word) > 4 ORDER BY ndoc DESC",
        fetch=True,
    )
    sample = sql(
        "SELECT count(*) FROM transcripts_utterance WHERE id < 100000 AND search_config = 'verbatim_english'",
        fetch=True,
    )[0][0]
    common = next((w for w, n in stats if 0.08 <= n / sample <= 0.3), stats[0][0])
    rare = next((w for w, n in reversed(stats) if n >= 2 and w.isalpha()), stats[-1][0])
    return {"common": common, "rare": rare, "total": total}


def mix(words: dict) -> list[tuple[str, dict]]:
    common, rare = words["common"], words["rare"]
    return [
        ("rare word", {"q": rare}),
        ("common word", {"q": common}),
        ("two-word phrase", {"q": '"United States"'}),
        ("five-word phrase", {"q": '"President of the Russian Federation"'}),
        ("topic, four words", {"q": "North Korea denuclearization talks"}),
        ("query + speaker", {"q": "sanctions", "speaker": "sergey-lavrov"}),
        ("query + date range", {"q": "security", "date_from": "2010-01-01", "date_to": "2015-12-31"}),
        ("query + entity", {"q": "sanctions", "entity": "russia"}),
        ("entity alone", {"entity": "nato"}),
        ("query + entity + role", {"q": "security", "entity": "nato", "role": "answer"}),
        ("page 50 of a common word", {"q": common, "page": "50"}),
        ("rare phrase by date", {"q": '"Minsk agreements"', "sort": "newest"}),
        ("Chinese word", {"q": "中美关系"}),
    ]


def floor_sql(params: dict) -> tuple[str, list]:
    """The bare SQL for the same question: exact count, then the top 20 (by rank, or by date).
    Words match as the page matches them (the query's own condition, every word required)."""
    from transcripts.search import build_query

    where, args = ["true"], []
    joins = "JOIN transcripts_event e ON e.id = u.event_id"
    rank = "e.date DESC"
    rank_args: list = []
    if "q" in params:
        # Ranked by relevance the page matches any of the words; by date, all of them.
        condition, condition_args = build_query(params["q"]).condition(any_word=params.get("sort") != "newest")
        where.append(condition.replace('"transcripts_utterance".', "u."))
        args += list(condition_args)
        if params.get("sort") != "newest":
            rank = "ts_rank_cd(u.search_vector, websearch_to_tsquery('verbatim_english', %s)) DESC"
            rank_args = [params["q"]]
    if "speaker" in params:
        joins += " JOIN transcripts_speaker s ON s.id = u.speaker_id"
        where.append("s.slug = %s")
        args.append(params["speaker"])
    if "date_from" in params:
        where += ["e.date >= %s", "e.date <= %s"]
        args += [params["date_from"], params["date_to"]]
    if "entity" in params:
        where.append("EXISTS (SELECT 1 FROM transcripts_mention m JOIN transcripts_entity x ON x.id = m.entity_id "
                     "WHERE m.utterance_id = u.id AND x.slug = %s)")  # fmt: skip
        args.append(params["entity"])
    if "role" in params:
        where.append("u.role = %s")
        args.append(params["role"])
    base = f"FROM transcripts_utterance u {joins} WHERE {' AND '.join(where)}"
    offset = (int(params.get("page", "1")) - 1) * 20
    statement = f"SELECT (SELECT count(*) {base}), (SELECT array_agg(id) FROM (SELECT u.id {base} ORDER BY {rank} " \
                f"LIMIT 20 OFFSET {offset}) t)"  # fmt: skip
    return statement, [*args, *args, *rank_args]


def baseline_sql(params: dict) -> tuple[str, list] | None:
    """What a first version would do: ILIKE over the text (words of q, no stemming), then the same."""
    if "q" not in params:
        return None
    words = params["q"].strip('"').split()
    where = " AND ".join(["u.text ILIKE %s"] * len(words))
    like = [f"%{w}%" for w in words]
    base = f"FROM transcripts_utterance u JOIN transcripts_event e ON e.id = u.event_id WHERE {where}"
    statement = f"SELECT (SELECT count(*) {base}), (SELECT array_agg(id) FROM (SELECT u.id {base} " \
                f"ORDER BY e.date DESC LIMIT 20) t)"  # fmt: skip
    return statement, [*like, *like]


def count_queries(fn, *args):
    """How many SQL statements `fn(*args)` runs, and its result."""
    from django.db import connection

    statements: list[str] = []

    def record(execute, statement, params, many, context):
        statements.append(statement)
        return execute(statement, params, many, context)

    with connection.execute_wrapper(record):
        result = fn(*args)
    return len(statements), result


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p * (len(ordered) - 1))))]


def measure_mix(runs: int) -> list[dict]:
    from django.db import reset_queries
    from django.test import Client

    client = Client()
    words = pick_words()
    rows = []
    for label, params in mix(words):
        client.get("/search/", params)  # warm
        view, floor, baseline = [], [], []
        queries, response = count_queries(client.get, "/search/", params)
        assert response.status_code == 200, (label, response.status_code)
        for _ in range(runs):
            reset_queries()
            started = time.perf_counter()
            client.get("/search/", params)
            view.append(1000 * (time.perf_counter() - started))
        statement, args = floor_sql(params)
        for _ in range(max(3, runs // 3)):
            floor.append(1000 * timed(sql, statement, args, True)[1])
        base = baseline_sql(params)
        if base:
            for _ in range(2):
                baseline.append(1000 * timed(sql, base[0], base[1], True)[1])
        count = sql(statement, args, fetch=True)[0][0]
        rows.append(
            {
                "query": label,
                "params": params,
                "matches": count,
                "share": round(count / words["total"], 4),
                "view_p50_ms": round(statistics.median(view), 1),
                "view_p95_ms": round(percentile(view, 0.95), 1),
                "sql_queries": queries,
                "floor_ms": round(statistics.median(floor), 1),
                "baseline_ms": round(statistics.median(baseline), 1) if baseline else None,
            }
        )
        row = rows[-1]
        row["view_vs_floor"] = round(row["view_p50_ms"] / max(row["floor_ms"], 0.1), 2)
        row["baseline_vs_view"] = round(row["baseline_ms"] / row["view_p50_ms"], 1) if baseline else None
    return rows


def longest_page(runs: int) -> dict:
    from django.test import Client

    from transcripts.models import Event

    slug, turns = sql(
        "SELECT e.slug, count(*) FROM transcripts_event e JOIN transcripts_utterance u ON u.event_id = e.id "
        "GROUP BY e.slug ORDER BY count(*) DESC LIMIT 1",
        fetch=True,
    )[0]
    url = Event.objects.get(slug=slug).get_absolute_url()
    client = Client()
    client.get(url)
    times = [1000 * timed(client.get, url)[1] for _ in range(runs)]
    queries, _ = count_queries(client.get, url)
    return {"turns": turns, "p50_ms": round(statistics.median(times), 1), "queries": queries}


def measure_alerts(searches: int, new_turns: int = 2000) -> dict:
    """`searches` saved searches of as many readers (half of them the same as another's), the
    last `new_turns` turns new to all of them; one send_alerts run, timed and its SQL counted."""
    import random
    import re

    from django.conf import settings
    from django.contrib.auth import get_user_model

    from alerts import delivery
    from alerts.models import AlertMatch, SavedSearch

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    rng = random.Random(2026)
    User = get_user_model()
    SavedSearch.objects.all().delete()
    User.objects.filter(username__startswith="bench-reader-").delete()
    texts = sql("SELECT text FROM transcripts_utterance TABLESAMPLE SYSTEM (1) LIMIT 3000", fetch=True)
    words = sorted({w.lower() for (t,) in texts for w in re.findall(r"[A-Za-z]{6,}", t)})
    speakers = [s for (s,) in sql("SELECT slug FROM transcripts_speaker ORDER BY id LIMIT 500", fetch=True)]
    entities = [e for (e,) in sql("SELECT slug FROM transcripts_entity WHERE mention_count > 0 LIMIT 500", fetch=True)]
    pool = []
    for n in range(searches // 2):
        kind = n % 10
        if kind < 6:
            pool.append(f"q={rng.choice(words)}")
        elif kind < 7:
            pool.append(f"q=%22{rng.choice(words)}+{rng.choice(words)}%22")
        elif kind < 9:
            pool.append(f"speaker={rng.choice(speakers)}")
        else:
            pool.append(f"entity={rng.choice(entities)}")
    readers = User.objects.bulk_create(
        User(username=f"bench-reader-{n}", email=f"bench-reader-{n}@example.org") for n in range(searches)
    )
    top = sql("SELECT max(id) FROM transcripts_utterance", fetch=True)[0][0]
    SavedSearch.objects.bulk_create(
        (
            SavedSearch(reader=reader, name=f"search {n}", params=rng.choice(pool), frequency="immediate",
                        checked_through=top - new_turns)
            for n, reader in enumerate(readers)
        ),
        batch_size=2000,
    )  # fmt: skip
    queries, (report, seconds) = count_queries(lambda: timed(delivery.collect))
    deliver_queries, (report, deliver_seconds) = count_queries(lambda: timed(delivery.deliver, report))
    result = {
        "saved_searches": report.searches,
        "distinct_searches": report.distinct_searches,
        "new_turns": new_turns,
        "matches": AlertMatch.objects.count(),
        "collect_seconds": round(seconds, 1),
        "collect_queries": queries,
        "queries_per_distinct_search": round(queries / max(1, report.distinct_searches), 2),
        "emails": report.emails_sent,
        "deliver_seconds": round(deliver_seconds, 1),
        "deliver_queries": deliver_queries,
        "queries_per_email": round(deliver_queries / max(1, report.emails_sent), 2),
    }
    SavedSearch.objects.all().delete()
    User.objects.filter(username__startswith="bench-reader-").delete()
    return result


def rss_mb() -> float:
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--utterances", type=int, default=int(os.environ.get("UTTERANCES", 1_000_000)))
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--reuse", action="store_true", help="Measure the existing benchmark database.")
    parser.add_argument("--bulk-files", type=int, default=None, help="Ingest only this many bulk files.")
    parser.add_argument("--alerts", type=int, default=10_000, help="Saved searches for the alerts run (0: none).")
    parser.add_argument("--skip-mix", action="store_true", help="Only build (and time alerts).")
    args = parser.parse_args()
    setup_django()
    report: dict = {"utterances_requested": args.utterances}
    started = time.perf_counter()
    if not args.reuse:
        recreate_database()
        files = sources(args.bulk_files)
        report["ingest"] = ingest_real(files)
        print(f"ingest: {report['ingest']}", file=sys.stderr)
        report["build"] = grow(args.utterances)
        print(f"build: {report['build']}", file=sys.stderr)
    else:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
    report["build_total_seconds"] = round(time.perf_counter() - started, 1)
    if not args.skip_mix:
        report["mix"] = measure_mix(args.runs)
        report["longest_transcript"] = longest_page(args.runs)
    if args.alerts:
        report["alerts"] = measure_alerts(args.alerts)
        print(f"alerts: {report['alerts']}", file=sys.stderr)
    report["rss_mb"] = rss_mb()
    # The server's memory as measured (the embedded one's shared_buffers follow the machine's RAM
    # from its second start, archive/database.py).
    report["server"] = dict(
        sql("SELECT name, current_setting(name) FROM unnest(%s::text[]) AS name",
            [["shared_buffers", "effective_cache_size", "work_mem", "server_version"]], fetch=True)
    )  # fmt: skip
    print_table(report)
    print(json.dumps(report))


def print_table(report: dict) -> None:
    build = report.get("build", {})
    ingest = report.get("ingest", {})
    if build:
        print(f"Built {build['utterances']:,} turns in {build['events']:,} events ({build['mentions']:,} mentions): "
              f"load {build['load_seconds']} s, indexes {build['index_seconds']} s; table {build['table_mb']} MB, "
              f"GIN {build['gin_mb']} MB, utterances total {build['utterance_total_mb']} MB, "
              f"database {build['database_mb']} MB")  # fmt: skip
    if ingest:
        print(f"Ingest (real pipeline, {ingest['ingest_created']} transcripts): {ingest['ingest_transcripts_per_s']} "
              f"transcripts/s, {ingest['ingest_turns_per_s']} turns/s; COPY floor {ingest['copy_floor_turns_per_s']} "
              f"turns/s ({ingest['ingest_vs_copy']}x)")  # fmt: skip
    if "mix" not in report:
        return
    header = f"{'query':<26} {'matches':>9} {'p50 ms':>8} {'p95 ms':>8} {'SQL':>4} {'floor':>8} {'ILIKE':>8} {'v/f':>5}"
    print(header)
    print("-" * len(header))
    for row in report["mix"]:
        baseline = f"{row['baseline_ms']:.0f}" if row["baseline_ms"] is not None else "-"
        print(f"{row['query']:<26} {row['matches']:>9,} {row['view_p50_ms']:>8.1f} {row['view_p95_ms']:>8.1f} "
              f"{row['sql_queries']:>4} {row['floor_ms']:>8.1f} {baseline:>8} {row['view_vs_floor']:>5}")  # fmt: skip
    longest = report["longest_transcript"]
    print(f"Longest transcript page ({longest['turns']} turns): {longest['p50_ms']} ms, {longest['queries']} queries")
    print(f"Peak RSS of this process: {report['rss_mb']} MB")


if __name__ == "__main__":
    main()

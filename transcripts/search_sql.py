"""The SQL that keeps a turn's search vectors current: the one definition, which migrations run.

`search_vector` holds the turn's words stemmed in its language (`search_config`);
`exact_vector` the same words as written, only case and accents folded (`verbatim_exact`), for
quoted phrases. Both are built from `index_text` when it is set (Chinese, see
transcripts.textindex), else from `text`. `context_vector`, for an answer, is the `search_vector`
of the question it answers (ranked by relevance, an answer is found by what it was asked,
transcripts/ranking.py). Triggers, not Python, fill them on every insert and on updates that
change what they are built from, so no path (admin, ingest, raw SQL) leaves them stale; a turn
also takes its event's date when inserted.
"""

EXACT_CONFIGURATION = """
CREATE TEXT SEARCH CONFIGURATION verbatim_exact (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION verbatim_exact ALTER MAPPING FOR
    hword, hword_part, word, asciiword, asciihword, hword_asciipart WITH unaccent, simple;
"""
DROP_EXACT_CONFIGURATION = "DROP TEXT SEARCH CONFIGURATION IF EXISTS verbatim_exact;"

TRIGGER_FUNCTION = """
CREATE OR REPLACE FUNCTION transcripts_utterance_search_vector() RETURNS trigger AS $$
DECLARE
    source text;
BEGIN
    NEW.search_config := COALESCE(NULLIF(NEW.search_config, ''), 'verbatim_simple');
    -- The event's date, publisher, kind and language (ingest writes them; every other path, or a
    -- turn moved to another event, takes them from the event).
    IF TG_OP = 'INSERT' AND NEW.event_kind IS NULL OR TG_OP = 'UPDATE' AND NEW.event_id <> OLD.event_id THEN
        SELECT date, publisher_id, kind, language
        INTO NEW.event_date, NEW.event_publisher_id, NEW.event_kind, NEW.event_language
        FROM transcripts_event WHERE id = NEW.event_id;
    END IF;
    -- An answer also carries the words of the question it answers (ingest inserts a question
    -- before its answers, in the same statement or an earlier one).
    IF TG_OP = 'INSERT' OR NEW.answers_id IS DISTINCT FROM OLD.answers_id THEN
        NEW.context_vector := (SELECT search_vector FROM transcripts_utterance WHERE id = NEW.answers_id);
    END IF;
    IF TG_OP = 'UPDATE'
       AND NEW.text IS NOT DISTINCT FROM OLD.text
       AND NEW.index_text IS NOT DISTINCT FROM OLD.index_text
       AND NEW.search_config IS NOT DISTINCT FROM OLD.search_config
       AND NEW.search_vector IS NOT NULL AND NEW.exact_vector IS NOT NULL THEN
        RETURN NEW;
    END IF;
    source := COALESCE(NULLIF(NEW.index_text, ''), NEW.text, '');
    NEW.search_vector := to_tsvector(NEW.search_config::regconfig, source);
    NEW.exact_vector := to_tsvector('verbatim_exact'::regconfig, source);
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

-- A question whose words change (an editor's correction) passes them on to its answers.
CREATE OR REPLACE FUNCTION transcripts_utterance_context() RETURNS trigger AS $$
BEGIN
    UPDATE transcripts_utterance SET context_vector = NEW.search_vector WHERE answers_id = NEW.id;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
"""

TRIGGER = """
DROP TRIGGER IF EXISTS transcripts_utterance_search_vector ON transcripts_utterance;
CREATE TRIGGER transcripts_utterance_search_vector
    BEFORE INSERT OR UPDATE OF text, index_text, search_config, search_vector, exact_vector, answers_id, event_id
    ON transcripts_utterance
    FOR EACH ROW EXECUTE FUNCTION transcripts_utterance_search_vector();
DROP TRIGGER IF EXISTS transcripts_utterance_context ON transcripts_utterance;
CREATE TRIGGER transcripts_utterance_context
    AFTER UPDATE ON transcripts_utterance
    FOR EACH ROW WHEN (OLD.search_vector IS DISTINCT FROM NEW.search_vector)
    EXECUTE FUNCTION transcripts_utterance_context();
"""
# An event's new date, publisher, kind or language reaches its turns' copies (migration 0029; 0009
# started it for the date).
EVENT_TO_TURNS = """
CREATE OR REPLACE FUNCTION transcripts_event_to_utterances() RETURNS trigger AS $$
BEGIN
    UPDATE transcripts_utterance
    SET event_date = NEW.date, event_publisher_id = NEW.publisher_id, event_kind = NEW.kind,
        event_language = NEW.language
    WHERE event_id = NEW.id;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS transcripts_event_date_to_utterances ON transcripts_event;
DROP FUNCTION IF EXISTS transcripts_event_date_to_utterances();
DROP TRIGGER IF EXISTS transcripts_event_to_utterances ON transcripts_event;
CREATE TRIGGER transcripts_event_to_utterances
    AFTER UPDATE OF date, publisher_id, kind, language ON transcripts_event
    FOR EACH ROW WHEN (OLD.date IS DISTINCT FROM NEW.date OR OLD.publisher_id IS DISTINCT FROM NEW.publisher_id
                       OR OLD.kind IS DISTINCT FROM NEW.kind OR OLD.language IS DISTINCT FROM NEW.language)
    EXECUTE FUNCTION transcripts_event_to_utterances();
"""
# Every existing turn's copies, once (migration 0029), with the turns' own triggers off: nothing they
# keep (vectors, word counts, lists, entities) changes, and the statement triggers would hold every
# row twice in their transition tables. The scan starts at the table's first page (a synchronised scan
# may start where an earlier one stopped); the new versions still go wherever there is room, so the
# table's order drifts: CLUSTER it afterwards on a large archive (docs/scaling.md).
BACKFILL_EVENT_COPIES = """
SET LOCAL synchronize_seqscans = off;
ALTER TABLE transcripts_utterance DISABLE TRIGGER USER;
UPDATE transcripts_utterance AS u
SET event_publisher_id = e.publisher_id, event_kind = e.kind, event_language = e.language
FROM transcripts_event AS e WHERE e.id = u.event_id;
ALTER TABLE transcripts_utterance ENABLE TRIGGER USER;
"""
# Every answer's question words, once (migration 0021); the triggers keep them after that.
BACKFILL_CONTEXT = """
UPDATE transcripts_utterance AS a SET context_vector = q.search_vector
FROM transcripts_utterance AS q WHERE a.answers_id = q.id;
"""


def _statement_triggers(name: str, table: str, function: str) -> tuple[str, str]:
    """SQL creating (again) the AFTER INSERT, DELETE and UPDATE statement triggers `name`_insert, …
    on `table` that run `function` with their transition tables, and SQL dropping them."""
    drop = "".join(f"DROP TRIGGER IF EXISTS {name}_{event} ON {table};\n" for event in ("insert", "delete", "update"))
    create = (
        f"CREATE TRIGGER {name}_insert AFTER INSERT ON {table}\n"
        f"    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION {function}();\n"
        f"CREATE TRIGGER {name}_delete AFTER DELETE ON {table}\n"
        f"    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION {function}();\n"
        f"CREATE TRIGGER {name}_update AFTER UPDATE ON {table}\n"
        f"    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT\n"
        f"    EXECUTE FUNCTION {function}();\n"
    )
    return drop + create, drop + f"DROP FUNCTION IF EXISTS {function}();\n"


_LEXEME_TRIGGERS, _DROP_LEXEME_TRIGGERS = _statement_triggers(
    "transcripts_lexeme", "transcripts_utterance", "transcripts_lexeme_counts"
)

# How many turns each stemmed word of `search_vector` is in: the inverse document frequency of
# ranking, and the vocabulary "did you mean" draws on. Kept exact by statement-level triggers on
# every insert, delete and change of a turn's words (counting the words as written too cost 30%
# more ingest time for little gain); rows are upserted in key order so that concurrent ingests
# lock them in the same order.
# Besides the words: ('n', '') the number of turns, ('l', '') the sum of their lengths in distinct
# words (BM25's average length).
_COUNT = """
    SELECT 's' AS kind, v.lexeme, count(*) AS n FROM {rows} AS r, unnest(r.search_vector) AS v GROUP BY v.lexeme
    UNION ALL SELECT 'n', '', count(*) FROM {rows}
    UNION ALL SELECT 'l', '', coalesce(sum(length(search_vector)), 0) FROM {rows}
"""
_SUBTRACT = """
        UPDATE transcripts_lexeme AS l SET turns = l.turns - d.n FROM ({count}) AS d
        WHERE l.kind = d.kind AND l.lexeme = d.lexeme;"""
_ADD = """
        INSERT INTO transcripts_lexeme (kind, lexeme, turns)
        SELECT kind, lexeme, n FROM ({count}) AS d ORDER BY kind, lexeme
        ON CONFLICT (kind, lexeme) DO UPDATE SET turns = transcripts_lexeme.turns + excluded.turns;"""
# An update counts only the turns whose vectors changed (not a new speaker or date).
_CHANGED = """(SELECT {side}.* FROM old_rows AS o JOIN new_rows AS n ON o.id = n.id
    WHERE o.search_vector IS DISTINCT FROM n.search_vector)"""

LEXEME_COUNTS = (
    """
CREATE OR REPLACE FUNCTION transcripts_lexeme_counts() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        -- Ingest counts a transcript's words itself, as its last write (LEXEMES_OF_EVENT).
        IF current_setting('verbatim.lexeme_counts', true) = 'deferred' THEN
            RETURN NULL;
        END IF;"""
    + _ADD.format(count=_COUNT.format(rows="new_rows"))
    + """
    ELSIF TG_OP = 'DELETE' THEN"""
    + _SUBTRACT.format(count=_COUNT.format(rows="old_rows"))
    + """
    ELSE
        -- Planned afresh each time (EXECUTE): a plan cached after a one-row update would pair
        -- the old and new rows of a 6,000-row update one by one (minutes instead of a second).
        EXECUTE $sql$"""
    + _SUBTRACT.format(count=_COUNT.format(rows=_CHANGED.format(side="o"))).rstrip(";")
    + """$sql$;
        EXECUTE $sql$"""
    + _ADD.format(count=_COUNT.format(rows=_CHANGED.format(side="n"))).rstrip(";")
    + """$sql$;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

"""
    + _LEXEME_TRIGGERS
)
DROP_LEXEME_COUNTS = "\n" + _DROP_LEXEME_TRIGGERS
_COMMON_FROM = "coalesce(nullif(current_setting('verbatim.champions_from', true), ''), '2000')::int"
# An event's turns counted in, as the insert trigger would have (ingest defers it: the rows it
# upserts are every transcript's, held to commit, so the later they are taken the less other
# ingests wait on them).
# It returns the words it took to `verbatim.champions_from` turns or past (their lists start:
# CHAMPIONS_OF_EVENT).
LEXEMES_OF_EVENT = (
    "WITH new_rows AS (SELECT search_vector FROM transcripts_utterance WHERE event_id = %s), "
    f"d AS ({_COUNT.format(rows='new_rows')}), "
    f"counted AS ({_ADD.format(count='SELECT * FROM d').rstrip(';')} RETURNING kind, lexeme, turns) "
    # This transcript's share of each count, looked up in one object: joined to the counts instead, the
    # planner (which expects a row or two from each side) compared every pair, 61 of the 75 ms for a
    # briefing of 1,339 words once the archive held 200,000 turns.
    "SELECT coalesce(array_agg(c.lexeme ORDER BY c.lexeme), '{}') FROM counted AS c "
    f"WHERE c.kind = 's' AND c.turns >= {_COMMON_FROM} AND c.turns - ((SELECT jsonb_object_agg(lexeme, n) "
    f"FROM d WHERE kind = 's') ->> c.lexeme)::bigint < {_COMMON_FROM}"
)
BACKFILL_LEXEMES = """
INSERT INTO transcripts_lexeme (kind, lexeme, turns)
SELECT 's', v.lexeme, count(*) FROM transcripts_utterance u, unnest(u.search_vector) v GROUP BY v.lexeme
UNION ALL SELECT 'n', '', count(*) FROM transcripts_utterance
UNION ALL SELECT 'l', '', coalesce(sum(length(search_vector)), 0) FROM transcripts_utterance;
"""

# The entities each turn mentions, on the turn (`Utterance.entity_ids`, GIN-indexed): "sanctions"
# about Russia is then one bitmap of the two indexes (10 ms at a million turns) instead of reading
# the words of each of the 19,000 turns that mention Russia (110 ms). Kept by statement-level
# triggers on the mentions, whoever writes them (ingest, remention, merging or rejecting an
# entity, a cascade); a turn already right is not written again (ingest fills it on insert).
_TURN_ENTITIES = """
        UPDATE transcripts_utterance AS u SET entity_ids = t.ids
        FROM (SELECT c.id, ARRAY(SELECT DISTINCT m.entity_id FROM transcripts_mention AS m
                                 WHERE m.utterance_id = c.id ORDER BY 1) AS ids
              FROM ({changed}) AS c) AS t
        WHERE u.id = t.id AND u.entity_ids IS DISTINCT FROM t.ids;"""
_TURN_ENTITY_TRIGGERS, _DROP_TURN_ENTITY_TRIGGERS = _statement_triggers(
    "transcripts_turn_entities", "transcripts_mention", "transcripts_turn_entities"
)
TURN_ENTITIES = (
    """
CREATE OR REPLACE FUNCTION transcripts_turn_entities() RETURNS trigger AS $$
BEGIN
    -- Someone rewriting a turn's mentions wholesale (remention) sets the lists once afterwards.
    IF current_setting('verbatim.turn_entities', true) = 'deferred' THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN"""
    + _TURN_ENTITIES.format(changed="SELECT DISTINCT utterance_id AS id FROM new_rows")
    + """
    ELSIF TG_OP = 'DELETE' THEN"""
    + _TURN_ENTITIES.format(changed="SELECT DISTINCT utterance_id AS id FROM old_rows")
    + """
    ELSE"""
    + _TURN_ENTITIES.format(changed="SELECT utterance_id AS id FROM old_rows UNION SELECT utterance_id FROM new_rows")
    + """
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

"""
    + _TURN_ENTITY_TRIGGERS
)
# The lists of the given turns (an array of ids) set from their mentions, where they differ.
TURN_ENTITIES_OF = _TURN_ENTITIES.format(changed="SELECT unnest(%s::bigint[]) AS id").strip()
DROP_TURN_ENTITIES = "\n" + _DROP_TURN_ENTITY_TRIGGERS
# Migration 0024, one range of turn ids at a time (each its own transaction): 532,369 turns of the
# 1M-turn bench database mention something.
BACKFILL_TURN_ENTITIES = """
UPDATE transcripts_utterance AS u SET entity_ids = m.ids
FROM (SELECT utterance_id, array_agg(entity_id ORDER BY entity_id) AS ids FROM transcripts_mention
      WHERE utterance_id >= %s AND utterance_id < %s GROUP BY utterance_id) AS m
WHERE u.id = m.utterance_id AND u.entity_ids IS DISTINCT FROM m.ids
"""

# ------------------------------------------------------------------ each common word's strongest turns
# Ranked by relevance, a search with more than COUNT_CAP matches cannot score them all (a common word
# is in a quarter of a million turns). For each word in at least `verbatim.champions_from` turns
# (default 2,000) the archive keeps the turns where that word weighs most (`transcripts_champion`:
# at least `verbatim.champions_kept` of them, default 1,000, and every turn whose weight beats the
# list's `floor`); such a search ranks those turns and every turn of its rarer words, and knows how
# much any other turn could score (transcripts/champions.py, docs/ranking.md "Every match ranked").
# A word's weight in a turn is its BM25 term weight without the idf (the same for the whole list):
# its count against the turn's length, plus half of that in the question the turn answers, at the
# archive's average length when the list started (`average`; the search allows for the difference
# from today's).
_KEPT = "coalesce(nullif(current_setting('verbatim.champions_kept', true), ''), '1000')::int"
# The archive's average turn length in distinct words (BM25's), from the word statistics.
_AVERAGE = (
    "coalesce((SELECT l.turns::float8 / nullif(n.turns, 0) FROM transcripts_lexeme AS l, transcripts_lexeme AS n "
    "WHERE l.kind = 'l' AND l.lexeme = '' AND n.kind = 'n' AND n.lexeme = ''), 40)"
)
# A list's lexeme (`s.lexeme`) as a one-word tsquery, as the query is written (backslashes and quotes
# escaped).
_AS_TSQUERY = "(E'\\'' || replace(replace(s.lexeme, E'\\\\', E'\\\\\\\\'), E'\\'', E'\\'\\'') || E'\\'')::tsquery"
_TERM_WEIGHT = "{tf} * {k1p1} / ({tf} + {k1} * ({one_b} + {b} * {length}::float8 / {average}))"


def _counted(n: str) -> str:
    """A word's count `n` (1 or more) as ranking reads it back from ts_rank (1/(ζ(2) − Σ_{j≤n} 1/j²) − ½,
    at least 1 and at most 50: 1.05 for 1, 2.03 for 2 …), from a table: the lists' weights are then
    the ranking's own, to float4 rounding."""
    from transcripts.ranking import _ZETA2

    table, harmonic = [], 0.0
    for j in range(1, 51):
        harmonic += 1 / j**2
        table.append(min(max(1 / (_ZETA2 - harmonic) - 0.5, 1.0), 50.0))
    return f"(ARRAY[{', '.join(repr(x) for x in table)}]::float8[])[least({n}, 50)]"


def _term_weight(n: str, length: str, average: str) -> str:
    from transcripts.ranking import K1, B

    tf = _counted(n)
    return _TERM_WEIGHT.format(tf=tf, k1p1=K1 + 1, k1=K1, one_b=1 - B, b=B, length=length, average=average)


def _word_weights(turns: str) -> str:
    """(id, lexeme, weight, floor) of every listed word of the turns `turns` selects (SQL over
    `transcripts_utterance AS u`): its own count, and half its count in the question the turn
    answers, at its list's average length."""
    from transcripts.ranking import CONTEXT_WEIGHT

    def weight(vector: str) -> str:
        return _term_weight("coalesce(array_length(v.positions, 1), 1)", f"length(u.{vector})", "c.average")

    return f"""SELECT id, lexeme, sum(w) AS weight, min(floor) AS floor FROM (
            SELECT u.id, v.lexeme, {weight("search_vector")} AS w, c.floor
            FROM transcripts_utterance AS u, unnest(u.search_vector) AS v, transcripts_championlist AS c
            WHERE {turns} AND c.lexeme = v.lexeme
            UNION ALL
            SELECT u.id, v.lexeme, {CONTEXT_WEIGHT} * ({weight("context_vector")}), c.floor
            FROM transcripts_utterance AS u, unnest(u.context_vector) AS v, transcripts_championlist AS c
            WHERE {turns} AND u.context_vector IS NOT NULL AND c.lexeme = v.lexeme) AS s GROUP BY id, lexeme"""


def _one_word_weight(tsquery: str, average: str) -> str:
    """The weight `_word_weights` gives one word (`tsquery`, that word alone) in the turn `t`, its count
    read back from ts_rank (ranking.py: 0.1 · Σ_{j≤tf} 1/j² / ζ(2), exact to the unit far beyond
    50) instead of unnesting the whole vector."""
    from transcripts.ranking import _ZETA2, CONTEXT_WEIGHT

    def weight(column: str) -> str:
        harmonic = f"ts_rank(t.{column}, {tsquery}, 0) * {_ZETA2 / 0.1!r}"
        n = f"round(1 / ({_ZETA2!r} - least({harmonic}, {_ZETA2 - 1e-6!r})) - 0.5)::int"
        return f"coalesce({_term_weight(n, f'length(t.{column})', average)}, 0)"  # no count, no weight

    return f"({weight('search_vector')} + {CONTEXT_WEIGHT} * ({weight('context_vector')}))"


CHAMPIONS = f"""
CREATE OR REPLACE FUNCTION transcripts_champions(turn_ids bigint[], common text[] DEFAULT NULL)
RETURNS void AS $$
DECLARE
    kept int := {_KEPT};
    started text[];
    grown text[];
    word text;
    cut float8;
BEGIN
    -- Words these turns made common (`common`, or looked up): a list for each, from every other turn
    -- that has the word (these turns join below). Concurrent writers: whoever creates the list
    -- reads the turns committed; the others, blocked on its row until then, add their own below.
    WITH added AS (
        INSERT INTO transcripts_championlist (lexeme, floor, average)
        SELECT w.lexeme, 0, {_AVERAGE} FROM (
            SELECT lexeme FROM unnest(common) AS w(lexeme) WHERE common IS NOT NULL
            UNION
            SELECT l.lexeme
            FROM (SELECT DISTINCT v.lexeme FROM transcripts_utterance AS u, unnest(u.search_vector) AS v
                  WHERE u.id = ANY(turn_ids) AND common IS NULL) AS w
            JOIN transcripts_lexeme AS l ON l.kind = 's' AND l.lexeme = w.lexeme
            WHERE l.turns >= {_COMMON_FROM}
              AND NOT EXISTS (SELECT 1 FROM transcripts_championlist AS c WHERE c.lexeme = l.lexeme)) AS w
        ORDER BY 1
        ON CONFLICT DO NOTHING RETURNING lexeme)
    SELECT array_agg(lexeme ORDER BY lexeme) INTO started FROM added;
    IF started IS NOT NULL THEN
        -- Each new list keeps the `kept` strongest of the word's turns; its floor is the strongest
        -- left out. A turn's count of the one word is read from ts_rank, not by unnesting its vector.
        WITH weighed AS (
            SELECT s.lexeme, t.id, {_one_word_weight("s.q", "s.average")} AS weight
            FROM (SELECT s.lexeme, s.average, {_AS_TSQUERY} AS q FROM transcripts_championlist AS s
                  WHERE s.lexeme = ANY(started) OFFSET 0) AS s
            JOIN transcripts_utterance AS t ON (t.search_vector @@ s.q OR t.context_vector @@ s.q)
            WHERE NOT t.id = ANY(turn_ids)),
        ranked AS (
            SELECT lexeme, id, weight, row_number() OVER (PARTITION BY lexeme ORDER BY weight DESC) AS n
            FROM weighed),
        kept_rows AS (
            INSERT INTO transcripts_champion (lexeme, utterance_id, weight)
            SELECT lexeme, id, weight FROM ranked WHERE n <= kept
            ON CONFLICT DO NOTHING)
        UPDATE transcripts_championlist AS c SET floor = r.weight
        FROM ranked AS r WHERE r.lexeme = c.lexeme AND r.n = kept + 1;
    END IF;
    -- These turns' weights for every listed word, where they beat the list's floor. No list's row is
    -- written (concurrent ingests would wait on each other's): a list is measured instead, now and
    -- then (a word joined by n turns has a chance of 5n / kept: always in a range of turns or with a
    -- small `kept`), and one past twice its size keeps its `kept` strongest turns, its floor rising
    -- to the strongest left out.
    WITH joined AS (
        INSERT INTO transcripts_champion (lexeme, utterance_id, weight)
        SELECT w.lexeme, w.id, w.weight FROM ({_word_weights("u.id = ANY(turn_ids)")}) AS w
        WHERE w.weight > w.floor
        ON CONFLICT (utterance_id, lexeme) DO UPDATE SET weight = excluded.weight
        RETURNING lexeme)
    SELECT array_agg(lexeme) INTO grown
    FROM (SELECT lexeme FROM joined GROUP BY lexeme HAVING random() < count(*) * 5.0 / kept) AS g;
    FOR word IN
        SELECT g.lexeme FROM unnest(coalesce(grown, '{{}}')) AS g(lexeme)
        WHERE EXISTS (SELECT 1 FROM transcripts_champion AS x WHERE x.lexeme = g.lexeme
                      ORDER BY x.weight DESC OFFSET 2 * kept)
        ORDER BY 1
    LOOP
        SELECT x.weight INTO cut FROM transcripts_champion AS x WHERE x.lexeme = word
        ORDER BY x.weight DESC OFFSET kept LIMIT 1;
        UPDATE transcripts_championlist AS c SET floor = greatest(c.floor, cut) WHERE c.lexeme = word;
        DELETE FROM transcripts_champion AS x WHERE x.lexeme = word AND x.weight <= cut;
    END LOOP;
END
$$ LANGUAGE plpgsql;

-- Every other writer (ingest calls transcripts_champions itself, after counting the words): new
-- turns join the lists, changed ones are weighed again, deleted ones leave them.
CREATE OR REPLACE FUNCTION transcripts_word_champions() RETURNS trigger AS $$
DECLARE
    changed bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF current_setting('verbatim.lexeme_counts', true) = 'deferred' THEN
            RETURN NULL;
        END IF;
        PERFORM transcripts_champions(ARRAY(SELECT id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        DELETE FROM transcripts_champion WHERE utterance_id IN (SELECT id FROM old_rows);
    ELSE
        -- Planned afresh each time (EXECUTE), as the word counts' update (a cached plan would pair
        -- the rows of a large update one by one).
        EXECUTE $sql$SELECT array_agg(n.id) FROM old_rows AS o JOIN new_rows AS n ON o.id = n.id
            WHERE o.search_vector IS DISTINCT FROM n.search_vector
               OR o.context_vector IS DISTINCT FROM n.context_vector$sql$ INTO changed;
        IF changed IS NOT NULL THEN
            DELETE FROM transcripts_champion WHERE utterance_id = ANY(changed);
            PERFORM transcripts_champions(changed);
        END IF;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
"""
# Named to fire after the word-count triggers (statement triggers fire in name order): a list starts
# when the counts say the word is common.
_CHAMPION_TRIGGERS, _DROP_CHAMPION_TRIGGERS = _statement_triggers(
    "transcripts_word_champions", "transcripts_utterance", "transcripts_word_champions"
)
CHAMPIONS += _CHAMPION_TRIGGERS
DROP_CHAMPIONS = _DROP_CHAMPION_TRIGGERS + "DROP FUNCTION IF EXISTS transcripts_champions(bigint[], text[]);\n"
# An event's turns into the lists (ingest, after LEXEMES_OF_EVENT, with the words whose count it took
# past `verbatim.champions_from`: the one writer that does starts their lists).
CHAMPIONS_OF_EVENT = (
    "SELECT transcripts_champions(ARRAY(SELECT id FROM transcripts_utterance WHERE event_id = %s), %s::text[])"
)
# Every list again, from the word counts (migration 0027, `manage.py champions`): the lists of the
# common words at today's average length, then the turns in ranges of ids, as ingest adds them.
START_CHAMPIONS = f"""
DELETE FROM transcripts_champion;
DELETE FROM transcripts_championlist;
INSERT INTO transcripts_championlist (lexeme, floor, average)
SELECT lexeme, 0, {_AVERAGE} FROM transcripts_lexeme WHERE kind = 's' AND turns >= {_COMMON_FROM};
"""
CHAMPIONS_OF_RANGE = (
    "SELECT transcripts_champions(ARRAY(SELECT id FROM transcripts_utterance WHERE id >= %s AND id < %s))"
)


# A fixed random sample of the turns, kept by triggers: every turn whose id is a multiple of
# SAMPLE_EVERY, each column as in the turns' table (created LIKE it, so a column added to the turns
# must be added here too: tests/test_turn_sample.py compares them), with its own text indexes. A
# search far past the count cap is counted and faceted over the sample's matches, found through
# those indexes (transcripts/search.py `_sampled_pass`), instead of testing every turn of a random
# share of the table's pages.
SAMPLE_EVERY = 64
SAMPLE_TABLE = "transcripts_utterance_sample"


def sample_membership(every: int = SAMPLE_EVERY) -> str:
    """SQL (re)defining which turns the sample holds."""
    return f"""
CREATE OR REPLACE FUNCTION transcripts_in_sample(id bigint) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN id % {int(every)} = 0;
"""


_FILL_SAMPLE = f"INSERT INTO {SAMPLE_TABLE} SELECT * FROM transcripts_utterance WHERE transcripts_in_sample(id);"
REFILL_SAMPLE = f"""
TRUNCATE {SAMPLE_TABLE};
{_FILL_SAMPLE}
ANALYZE {SAMPLE_TABLE};
"""
SAMPLE = f"""
CREATE TABLE {SAMPLE_TABLE} (LIKE transcripts_utterance INCLUDING STORAGE INCLUDING COMPRESSION);
ALTER TABLE {SAMPLE_TABLE} ADD PRIMARY KEY (id);
{sample_membership()}
CREATE FUNCTION transcripts_utterance_sample() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        TRUNCATE {SAMPLE_TABLE};
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM {SAMPLE_TABLE} WHERE id = OLD.id;
    END IF;
    IF TG_OP <> 'DELETE' AND transcripts_in_sample(NEW.id) THEN
        INSERT INTO {SAMPLE_TABLE} SELECT (NEW).*;
    END IF;
    RETURN NULL;
END $$;
-- After the turns' own BEFORE trigger has made the vectors: the sample holds the row as stored. The
-- triggers lock the turns' table until the migration ends, so no turn is written between them and
-- the fill.
CREATE TRIGGER transcripts_utterance_sample_insert AFTER INSERT ON transcripts_utterance
    FOR EACH ROW WHEN (transcripts_in_sample(NEW.id)) EXECUTE FUNCTION transcripts_utterance_sample();
CREATE TRIGGER transcripts_utterance_sample_update AFTER UPDATE ON transcripts_utterance
    FOR EACH ROW WHEN (transcripts_in_sample(OLD.id) OR transcripts_in_sample(NEW.id))
    EXECUTE FUNCTION transcripts_utterance_sample();
CREATE TRIGGER transcripts_utterance_sample_delete AFTER DELETE ON transcripts_utterance
    FOR EACH ROW WHEN (transcripts_in_sample(OLD.id)) EXECUTE FUNCTION transcripts_utterance_sample();
CREATE TRIGGER transcripts_utterance_sample_truncate AFTER TRUNCATE ON transcripts_utterance
    FOR EACH STATEMENT EXECUTE FUNCTION transcripts_utterance_sample();
{_FILL_SAMPLE}
-- Built once filled. No pending list (fastupdate): a search would read it whole, and only one turn in
-- 64 is written here.
CREATE INDEX utterance_sample_search_gin ON {SAMPLE_TABLE} USING gin (search_vector) WITH (fastupdate = off);
CREATE INDEX utterance_sample_exact_gin ON {SAMPLE_TABLE} USING gin (exact_vector) WITH (fastupdate = off);
CREATE INDEX utterance_sample_context_gin ON {SAMPLE_TABLE} USING gin (context_vector) WITH (fastupdate = off)
    WHERE context_vector IS NOT NULL;
CREATE INDEX utterance_sample_entities_gin ON {SAMPLE_TABLE} USING gin (entity_ids) WITH (fastupdate = off);
ANALYZE {SAMPLE_TABLE};
"""
DROP_SAMPLE = f"""
DROP TRIGGER IF EXISTS transcripts_utterance_sample_insert ON transcripts_utterance;
DROP TRIGGER IF EXISTS transcripts_utterance_sample_update ON transcripts_utterance;
DROP TRIGGER IF EXISTS transcripts_utterance_sample_delete ON transcripts_utterance;
DROP TRIGGER IF EXISTS transcripts_utterance_sample_truncate ON transcripts_utterance;
DROP FUNCTION IF EXISTS transcripts_utterance_sample();
DROP FUNCTION IF EXISTS transcripts_in_sample(bigint);
DROP TABLE IF EXISTS {SAMPLE_TABLE};
"""

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
    IF TG_OP = 'INSERT' AND NEW.event_date IS NULL THEN
        SELECT date INTO NEW.event_date FROM transcripts_event WHERE id = NEW.event_id;
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
    BEFORE INSERT OR UPDATE OF text, index_text, search_config, search_vector, exact_vector, answers_id
    ON transcripts_utterance
    FOR EACH ROW EXECUTE FUNCTION transcripts_utterance_search_vector();
DROP TRIGGER IF EXISTS transcripts_utterance_context ON transcripts_utterance;
CREATE TRIGGER transcripts_utterance_context
    AFTER UPDATE ON transcripts_utterance
    FOR EACH ROW WHEN (OLD.search_vector IS DISTINCT FROM NEW.search_vector)
    EXECUTE FUNCTION transcripts_utterance_context();
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
# An event's turns counted in, as the insert trigger would have (ingest defers it: the rows it
# upserts are every transcript's, held to commit, so the later they are taken the less other
# ingests wait on them).
LEXEMES_OF_EVENT = (
    "WITH new_rows AS (SELECT search_vector FROM transcripts_utterance WHERE event_id = %s)"
    + _ADD.format(count=_COUNT.format(rows="new_rows"))
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

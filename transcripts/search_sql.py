"""The SQL that keeps a turn's search vectors current: the one definition, which migrations run.

`search_vector` holds the turn's words stemmed in its language (`search_config`);
`exact_vector` the same words as written, only case and accents folded (`verbatim_exact`), for
quoted phrases. Both are built from `index_text` when it is set (Chinese, see
transcripts.textindex), else from `text`. A trigger, not Python, fills them on every insert and on
updates that change what they are built from, so no path (admin, ingest, raw SQL) leaves them
stale; a turn also takes its event's date when inserted.
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
"""

TRIGGER = """
DROP TRIGGER IF EXISTS transcripts_utterance_search_vector ON transcripts_utterance;
CREATE TRIGGER transcripts_utterance_search_vector
    BEFORE INSERT OR UPDATE OF text, index_text, search_config, search_vector, exact_vector
    ON transcripts_utterance
    FOR EACH ROW EXECUTE FUNCTION transcripts_utterance_search_vector();
"""

"""Recompute the search vector only when the text or its configuration changes.

Linking answers to questions, moving a turn or changing its speaker updates other columns; with the
first trigger each such UPDATE re-ran to_tsvector over the whole text (a third of ingest time).
"""

from django.db import migrations

FUNCTION = """
CREATE OR REPLACE FUNCTION transcripts_utterance_search_vector() RETURNS trigger AS $$
BEGIN
    NEW.search_config := COALESCE(NULLIF(NEW.search_config, ''), 'verbatim_simple');
    IF TG_OP = 'UPDATE'
       AND NEW.text IS NOT DISTINCT FROM OLD.text
       AND NEW.search_config IS NOT DISTINCT FROM OLD.search_config
       AND NEW.search_vector IS NOT NULL THEN
        RETURN NEW;
    END IF;
    NEW.search_vector := to_tsvector(NEW.search_config::regconfig, COALESCE(NEW.text, ''));
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
"""

NEW_TRIGGER = """
DROP TRIGGER transcripts_utterance_search_vector ON transcripts_utterance;
CREATE TRIGGER transcripts_utterance_search_vector
    BEFORE INSERT OR UPDATE OF text, search_config, search_vector ON transcripts_utterance
    FOR EACH ROW EXECUTE FUNCTION transcripts_utterance_search_vector();
"""

OLD = """
DROP TRIGGER transcripts_utterance_search_vector ON transcripts_utterance;
CREATE OR REPLACE FUNCTION transcripts_utterance_search_vector() RETURNS trigger AS $$
BEGIN
    NEW.search_config := COALESCE(NULLIF(NEW.search_config, ''), 'verbatim_simple');
    NEW.search_vector := to_tsvector(NEW.search_config::regconfig, COALESCE(NEW.text, ''));
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER transcripts_utterance_search_vector
    BEFORE INSERT OR UPDATE ON transcripts_utterance
    FOR EACH ROW EXECUTE FUNCTION transcripts_utterance_search_vector();
"""


class Migration(migrations.Migration):
    dependencies = [("transcripts", "0002_search_configuration")]

    operations = [migrations.RunSQL(FUNCTION + NEW_TRIGGER, OLD)]

"""Answers found by what they were asked: `context_vector`, for an answer, holds the search_vector
of the question it answers, filled here once and kept by the triggers of transcripts/search_sql.py
(a new answer takes its question's words; a question whose words change passes them on).
The word counts' trigger is replaced too (same counts, its update path planned each time)."""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations, models

from transcripts import search_sql

# The trigger as migration 0011 left it (for going back).
PREVIOUS = __import__("importlib").import_module("transcripts.migrations.0011_exact_phrases_and_chinese")
# The turn's trigger as this migration made it (0029 replaces it).
FUNCTION = """
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
DROP_CONTEXT_TRIGGER = """
DROP TRIGGER IF EXISTS transcripts_utterance_context ON transcripts_utterance;
DROP FUNCTION IF EXISTS transcripts_utterance_context();
"""


class Migration(migrations.Migration):
    dependencies = [("transcripts", "0020_mention_entity_turn_index")]

    operations = [
        migrations.AddField(
            model_name="utterance",
            name="context_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunSQL(search_sql.BACKFILL_CONTEXT, migrations.RunSQL.noop),
        migrations.RunSQL(
            FUNCTION + TRIGGER,
            DROP_CONTEXT_TRIGGER + PREVIOUS.FUNCTION + PREVIOUS.TRIGGER,
        ),
        # The word counts' update path planned afresh each time (search_sql.LEXEME_COUNTS): setting
        # thousands of answers' questions to NULL (deleting events) took minutes with a cached plan.
        migrations.RunSQL(search_sql.LEXEME_COUNTS, migrations.RunSQL.noop),
        migrations.AddIndex(
            model_name="utterance",
            index=django.contrib.postgres.indexes.GinIndex(
                condition=models.Q(("context_vector__isnull", False)),
                fields=["context_vector"],
                name="utterance_context_gin",
            ),
        ),
    ]

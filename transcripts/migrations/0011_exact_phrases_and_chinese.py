"""Exact phrases and Chinese: a second search vector of the words as written, and the text the
vectors are built from for Chinese (overlapping two-character pieces, see transcripts.textindex).

The trigger's SQL as of this migration is below (transcripts/search_sql.py has the current one). Existing Chinese turns
get their index text here (in Python: it needs the traditional-to-simplified table); every turn
then has both vectors rebuilt by the trigger.
"""

import django.contrib.postgres.search
from django.contrib.postgres.indexes import GinIndex
from django.db import migrations, models

from transcripts import search_sql

# The trigger function as migration 0009 left it (for going back).
PREVIOUS_FUNCTION = __import__("importlib").import_module("transcripts.migrations.0009_utterance_event_date").TRIGGERS
PREVIOUS_FUNCTION = PREVIOUS_FUNCTION.split("CREATE FUNCTION transcripts_event_date_to_utterances")[0]
PREVIOUS_TRIGGER = """
DROP TRIGGER IF EXISTS transcripts_utterance_search_vector ON transcripts_utterance;
CREATE TRIGGER transcripts_utterance_search_vector
    BEFORE INSERT OR UPDATE OF text, search_config, search_vector ON transcripts_utterance
    FOR EACH ROW EXECUTE FUNCTION transcripts_utterance_search_vector();
"""

# The trigger as this migration made it (search_sql.py has the current one, migration 0021).
FUNCTION = """
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


def index_chinese(apps, schema_editor):
    from transcripts.textindex import index_text

    Utterance = apps.get_model("transcripts", "Utterance")
    rows = Utterance.objects.filter(text__regex=r"[一-鿿]").values_list("id", "text")
    for pk, text in rows.iterator(chunk_size=500):
        Utterance.objects.filter(pk=pk).update(index_text=index_text(text))


class Migration(migrations.Migration):
    dependencies = [("transcripts", "0010_utterance_match_covering_index")]

    operations = [
        migrations.RunSQL(search_sql.EXACT_CONFIGURATION, search_sql.DROP_EXACT_CONFIGURATION),
        migrations.AddField(
            model_name="utterance",
            name="index_text",
            field=models.TextField(
                blank=True,
                default="",
                db_default="",
                editable=False,
                help_text="What the search vectors are built from when it is not the text (Chinese).",
            ),
        ),
        migrations.AddField(
            model_name="utterance",
            name="exact_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunSQL(FUNCTION + TRIGGER, PREVIOUS_FUNCTION + PREVIOUS_TRIGGER),
        migrations.RunPython(index_chinese, migrations.RunPython.noop),
        migrations.RunSQL(
            "UPDATE transcripts_utterance SET exact_vector = NULL WHERE exact_vector IS NULL AND index_text = ''",
            migrations.RunSQL.noop,
        ),
        migrations.AddIndex(
            model_name="utterance",
            index=GinIndex(fields=["exact_vector"], name="utterance_exact_gin"),
        ),
    ]

"""A turn's copies of its event's publisher, kind and language (as of its date since 0009), kept by
the triggers of transcripts/search_sql.py: a search's publisher facet counts them and its publisher,
kind and language filters test them on the turn, instead of looking up every match's event (the
facet cost 3-9 ms a page at a million turns). Filled here once with the turns' own triggers off."""

import django.db.models.deletion
from django.db import migrations, models

from transcripts import search_sql

PREVIOUS = __import__("importlib").import_module("transcripts.migrations.0021_answers_found_by_their_question")
# The event's trigger as 0009 made it (for going back).
DATE_ONLY = """
DROP TRIGGER IF EXISTS transcripts_event_to_utterances ON transcripts_event;
DROP FUNCTION IF EXISTS transcripts_event_to_utterances();
CREATE FUNCTION transcripts_event_date_to_utterances() RETURNS trigger AS $$
BEGIN
    UPDATE transcripts_utterance SET event_date = NEW.date WHERE event_id = NEW.id;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER transcripts_event_date_to_utterances
    AFTER UPDATE OF date ON transcripts_event
    FOR EACH ROW WHEN (OLD.date IS DISTINCT FROM NEW.date)
    EXECUTE FUNCTION transcripts_event_date_to_utterances();
"""


class Migration(migrations.Migration):

    dependencies = [
        ("transcripts", "0028_fill_champions"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="utterance",
            name="utterance_match",
        ),
        migrations.AddField(
            model_name="utterance",
            name="event_kind",
            field=models.CharField(blank=True, editable=False, max_length=32, null=True),
        ),
        migrations.AddField(
            model_name="utterance",
            name="event_language",
            field=models.CharField(blank=True, editable=False, max_length=16, null=True),
        ),
        migrations.AddField(
            model_name="utterance",
            name="event_publisher",
            field=models.ForeignKey(
                blank=True, db_constraint=False, db_index=False, editable=False, null=True,
                on_delete=django.db.models.deletion.DO_NOTHING, related_name="+", to="transcripts.publisher",
            ),  # fmt: skip
        ),
        migrations.RunSQL(
            search_sql.TRIGGER_FUNCTION + search_sql.TRIGGER + search_sql.EVENT_TO_TURNS,
            PREVIOUS.FUNCTION + PREVIOUS.TRIGGER + DATE_ONLY,
        ),
        migrations.RunSQL(search_sql.BACKFILL_EVENT_COPIES, migrations.RunSQL.noop),
        migrations.AddIndex(
            model_name="utterance",
            index=models.Index(
                fields=["id"],
                include=("event_date", "event", "sequence", "speaker", "role", "event_publisher"),
                name="utterance_match",
            ),
        ),
    ]

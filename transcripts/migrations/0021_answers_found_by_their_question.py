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
            search_sql.TRIGGER_FUNCTION + search_sql.TRIGGER,
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

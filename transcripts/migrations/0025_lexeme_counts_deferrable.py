"""The word-statistics insert trigger may be deferred by its writer (ingest counts a transcript's
words as the last write of its transaction: search_sql.LEXEMES_OF_EVENT)."""

from django.db import migrations

from transcripts import search_sql


class Migration(migrations.Migration):
    dependencies = [("transcripts", "0024_turn_entities")]

    # Backwards the function keeps the check, which nothing sets: the same counts as before.
    operations = [migrations.RunSQL(search_sql.LEXEME_COUNTS, migrations.RunSQL.noop)]

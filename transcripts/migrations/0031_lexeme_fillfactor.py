"""The word counts' table leaves 30 % of each page free, so that an update of a word's count stays on
its page (HOT: no new entry in the primary key or the trigram index). Every transcript ingested or
deleted updates the counts of several hundred words. Ingesting the bulk corpus into an empty archive
kept 96 % of them on their page, but once the pages are full they mostly move: on that database,
deleting and ingesting again samples of 400-2,000 transcripts kept 11 % of 2.24 million updates on
their page (the table grew from 15 to 48 MB), 40 % just after a VACUUM FULL at the old fill, and
97.7 % at 70 %, where the word counts' statement took 3.0 ms a transcript against 3.6 (docs/scaling.md
"Ingest", session 22). The table is rewritten at that fill once (VACUUM FULL, outside a transaction:
a few seconds at a million turns, the table locked meanwhile)."""

from django.db import migrations


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("transcripts", "0030_turn_event_copy_indexes"),
    ]

    operations = [
        migrations.RunSQL(
            "ALTER TABLE transcripts_lexeme SET (fillfactor = 70)",
            "ALTER TABLE transcripts_lexeme RESET (fillfactor)",
        ),
        migrations.RunSQL("VACUUM FULL transcripts_lexeme", migrations.RunSQL.noop),
    ]

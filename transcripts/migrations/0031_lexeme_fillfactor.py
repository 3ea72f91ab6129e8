"""The word counts' table leaves a third of each page free, so that ingest's updates of a word's count
stay on its page (HOT: no new entry in the primary key or the trigram index). Every transcript
ingested updates the counts of several hundred words; at the default (pages filled whole) a third
of those updates went to another page and wrote both indexes again: on the whole bulk corpus 2.2 of
6.6 million updates, the table 48 MB for 12 MB of live rows. At 70 %, 97.7 % of the updates of a
400-transcript ingest stayed on their page and its statement took 3.6 -> 3.0 ms a transcript
(docs/scaling.md "Ingest: the word counts' pages"). The table is rewritten at that fill once (VACUUM
FULL, outside a transaction: a few seconds at a million turns, the table locked meanwhile)."""

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

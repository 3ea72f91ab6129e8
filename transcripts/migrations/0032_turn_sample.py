"""A fixed random sample of the turns (every 64th id), kept by triggers, with its own text indexes:
a search far past the count cap is counted and faceted over the sample's matches instead of testing
every turn of a random share of the table's pages (transcripts/search_sql.py SAMPLE; the topic
query at a million turns: that statement 19.5 → 5 ms, docs/ranking.md "Session 23"). Filled from
the existing turns, its indexes built after: 3.6 s at a million turns."""

from django.db import migrations

from transcripts import search_sql


class Migration(migrations.Migration):

    dependencies = [
        ("transcripts", "0031_lexeme_fillfactor"),
    ]

    operations = [
        migrations.RunSQL(search_sql.SAMPLE, search_sql.DROP_SAMPLE),
    ]

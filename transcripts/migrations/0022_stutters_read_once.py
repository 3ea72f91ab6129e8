"""Spoken stutters ("we — we will") are indexed once (transcripts/textindex.py): turns whose text
has one get an `index_text`, and the search trigger rebuilds their vectors from it (batch by batch:
_reindex.py; on the 1M-turn bench database 144,000 turns change)."""

from django.db import migrations

from transcripts.migrations._reindex import index_again


def index_stutters(apps, schema_editor):
    index_again(apps, r"[—–-]")  # only turns with a dash can hold a stutter; the regular expression decides


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("transcripts", "0021_answers_found_by_their_question")]

    operations = [migrations.RunPython(index_stutters, migrations.RunPython.noop)]

"""The lists of each common word's strongest turns for an existing archive (transcripts/champions.py),
one range of turns at a time, each range committed on its own; `manage.py champions` does the same
on demand."""

from django.db import migrations

from transcripts import champions


def fill(apps, schema_editor):
    champions.rebuild(schema_editor.connection)


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("transcripts", "0027_word_champions")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]

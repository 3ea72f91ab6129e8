"""Where two runs of Chinese meet across punctuation, the index also holds the two characters that
meet, marked (transcripts/textindex.py): a quote typed without the text's commas is found. Turns
with Chinese get their `index_text` again, batch by batch (_reindex.py)."""

from django.db import migrations

from transcripts.migrations._reindex import index_again


def index_junctions(apps, schema_editor):
    index_again(apps, "[\u4e00-\u9fff]")


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("transcripts", "0022_stutters_read_once")]

    operations = [migrations.RunPython(index_junctions, migrations.RunPython.noop)]

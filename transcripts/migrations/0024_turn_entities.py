"""The entities each turn mentions, on the turn (`Utterance.entity_ids`, GIN-indexed) and kept by
triggers on the mentions (transcripts/search_sql.py): a search's words and its entity filter meet
in one bitmap. Filled one range of turns at a time, each range committed on its own (about nine
minutes for the 1M-turn bench database); the index is built after."""

import django.contrib.postgres.fields
import django.contrib.postgres.indexes
from django.db import migrations, models, transaction

from transcripts import search_sql

BATCH = 50_000


def fill(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        cursor.execute("SELECT min(utterance_id), max(utterance_id) FROM transcripts_mention")
        low, high = cursor.fetchone()
    if low is None:
        return
    for start in range(low, high + 1, BATCH):
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute(search_sql.BACKFILL_TURN_ENTITIES, [start, start + BATCH])


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("transcripts", "0023_chinese_junctions")]

    operations = [
        migrations.AddField(
            model_name="utterance",
            name="entity_ids",
            field=django.contrib.postgres.fields.ArrayField(
                base_field=models.BigIntegerField(), blank=True, db_default=[], default=list, editable=False, size=None
            ),
        ),
        migrations.RunSQL(search_sql.TURN_ENTITIES, search_sql.DROP_TURN_ENTITIES),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="utterance",
            index=django.contrib.postgres.indexes.GinIndex(fields=["entity_ids"], name="utterance_entities_gin"),
        ),
    ]

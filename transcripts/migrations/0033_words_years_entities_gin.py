"""The words' GIN indexes also hold each turn's year and entities (models.event_years): a filter by
whole years or by entity meets the words inside one index scan (docs/scaling.md "Years and entities in
the words' index"). They replace the search, context and entity indexes; built before those are
dropped, with more memory for the build (27 s for both at a million turns)."""

import django.contrib.postgres.fields
import django.contrib.postgres.indexes
import django.db.models.functions.comparison
import django.db.models.functions.datetime
from django.db import migrations, models


def years():
    return models.Func(
        django.db.models.functions.comparison.Cast(
            django.db.models.functions.datetime.ExtractYear("event_date"), models.IntegerField()
        ),
        output_field=django.contrib.postgres.fields.ArrayField(base_field=models.IntegerField(), size=None),
        template="ARRAY[%(expressions)s]",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("transcripts", "0032_turn_sample"),
    ]

    operations = [
        migrations.RunSQL("SET LOCAL maintenance_work_mem = '512MB'", migrations.RunSQL.noop),
        migrations.AddIndex(
            model_name="utterance",
            index=django.contrib.postgres.indexes.GinIndex(
                models.F("search_vector"), years(), models.F("entity_ids"), name="utterance_words_gin"
            ),
        ),
        migrations.AddIndex(
            model_name="utterance",
            index=django.contrib.postgres.indexes.GinIndex(
                models.F("context_vector"),
                years(),
                models.F("entity_ids"),
                condition=models.Q(("context_vector__isnull", False)),
                name="utterance_asked_gin",
            ),
        ),
        migrations.RemoveIndex(model_name="utterance", name="utterance_search_gin"),
        migrations.RemoveIndex(model_name="utterance", name="utterance_context_gin"),
        migrations.RemoveIndex(model_name="utterance", name="utterance_entities_gin"),
    ]

"""Indexes on a turn's copies of its event's publisher, kind and language (0029): such a filter meets
the words of a search in one bitmap instead of testing every turn that has them."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("transcripts", "0029_turn_event_copies"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="utterance",
            index=models.Index(fields=["event_publisher"], name="utterance_event_publisher"),
        ),
        migrations.AddIndex(
            model_name="utterance",
            index=models.Index(fields=["event_kind"], name="utterance_event_kind"),
        ),
        migrations.AddIndex(
            model_name="utterance",
            index=models.Index(fields=["event_language"], name="utterance_event_language"),
        ),
    ]

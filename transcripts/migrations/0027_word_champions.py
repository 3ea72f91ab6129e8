"""Each common word's strongest turns (transcripts/champions.py): the tables, and the function and
triggers that keep them (transcripts/search_sql.py CHAMPIONS). 0028 fills them for an existing
archive (after this migration's indexes exist: Django creates them at its end)."""

from django.db import migrations, models

from transcripts import search_sql


class Migration(migrations.Migration):

    dependencies = [
        ("transcripts", "0026_vectors_inline"),
    ]

    operations = [
        migrations.CreateModel(
            name="ChampionList",
            fields=[
                ("lexeme", models.TextField(primary_key=True, serialize=False)),
                (
                    "floor",
                    models.FloatField(default=0.0, help_text="No unlisted turn's weight for the word is above this."),
                ),
                (
                    "average",
                    models.FloatField(default=40.0, help_text="The average turn length (distinct words) its weights use."),
                ),
            ],
        ),
        migrations.CreateModel(
            name="Champion",
            fields=[
                (
                    "pk",
                    models.CompositePrimaryKey(
                        "utterance_id", "lexeme", blank=True, editable=False, primary_key=True, serialize=False
                    ),
                ),
                ("utterance_id", models.BigIntegerField(help_text="The turn (its rows leave with it, by trigger).")),
                ("lexeme", models.TextField()),
                ("weight", models.FloatField()),
            ],
            options={
                "indexes": [
                    models.Index(fields=["lexeme", "-weight"], include=("utterance_id",), name="champion_strongest")
                ],
            },
        ),
        migrations.RunSQL(search_sql.CHAMPIONS, search_sql.DROP_CHAMPIONS),
    ]

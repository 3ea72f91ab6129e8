"""python manage.py entity_audit — a random sample of mentions, each with its sentence, to judge.

    manage.py entity_audit --sample 300 --seed 2026 [--language zh] [--kind country] > audit.csv

One row per mention: the entity, its kind, the words found, the sentence around them (the words
in [[double brackets]]), the transcript's language, and a permalink; a `judgement` column to fill
with right/wrong. Precision is then the share of "right" rows. The same seed gives the same sample.
"""

from __future__ import annotations

import csv
import random

from django.core.management.base import BaseCommand

from transcripts.models import Mention
from transcripts.rendering import sentence_bounds


def sentence(text: str, start: int, end: int, limit: int = 300) -> str:
    begin, finish = sentence_bounds(text, start, end, limit)
    return " ".join(f"{text[begin:start]}[[{text[start:end]}]]{text[end:finish]}".split())


class Command(BaseCommand):
    help = "Print a random sample of mentions with their sentences, as CSV, for a person to judge."

    def add_arguments(self, parser):
        parser.add_argument("--sample", type=int, default=100, help="How many mentions (default 100).")
        parser.add_argument("--seed", type=int, default=2026, help="Random seed: the same seed, the same sample.")
        parser.add_argument("--language", help="Only transcripts in this language (en, ru, zh, …).")
        parser.add_argument("--kind", help="Only entities of this kind (country, person, …).")

    def handle(self, *args, **options):
        mentions = Mention.objects.filter(entity__rejected=False)
        if options["language"]:
            mentions = mentions.filter(utterance__event__language=options["language"])
        if options["kind"]:
            mentions = mentions.filter(entity__kind=options["kind"])
        ids = sorted(mentions.values_list("id", flat=True))
        chosen = random.Random(options["seed"]).sample(ids, min(options["sample"], len(ids)))
        rows = Mention.objects.filter(pk__in=chosen).select_related("entity", "utterance__event").order_by("pk")
        writer = csv.writer(self.stdout)
        writer.writerow(["mention", "entity", "kind", "found", "sentence", "language", "permalink", "judgement"])
        for mention in rows:
            text = mention.utterance.text
            start, end = mention.spans[:2] if len(mention.spans) >= 2 else (0, 0)
            writer.writerow(
                [
                    mention.pk,
                    mention.entity.name,
                    mention.entity.kind,
                    text[start:end],
                    sentence(text, start, end),
                    mention.utterance.event.language,
                    mention.utterance.get_absolute_url(),
                    "",
                ]
            )

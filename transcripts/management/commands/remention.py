"""python manage.py remention — re-run entity extraction over the whole archive.

Run it after editing the gazetteer (transcripts/data/*.json) or entities' aliases in the
admin. One transaction per transcript, like ingest: interrupting it loses nothing.
"""

from __future__ import annotations

import sys
import time

from django.core.management.base import BaseCommand

from transcripts.entities.gazetteer import gazetteer
from transcripts.entities.store import (
    forget_unused_discoveries,
    link_speakers,
    refresh_mention_counts,
    remention_event,
)
from transcripts.models import Entity, Event, Speaker
from transcripts.progress import Progress


class Command(BaseCommand):
    help = "Re-run entity extraction over every transcript (after the gazetteer or aliases change)."

    def add_arguments(self, parser):
        parser.add_argument("--event", action="append", help="Only this event (slug); repeatable.")

    def handle(self, *args, **options):
        started = time.monotonic()
        synced = sync_gazetteer_aliases()
        events = Event.objects.order_by("pk")
        if options["event"]:
            events = events.filter(slug__in=options["event"])
        ids = list(events.values_list("pk", flat=True))
        progress = Progress(len(ids), sys.stderr, unit="transcripts")
        mentions = 0
        for pk in ids:
            mentions += remention_event(pk)
            progress.step()
        link_speakers(Speaker.objects.filter(entity__isnull=True))
        refresh_mention_counts()
        forgotten = forget_unused_discoveries() if not options["event"] else 0
        self.stdout.write(
            f"{len(ids)} transcript(s) in {time.monotonic() - started:.1f}s: {mentions} mention rows, "
            f"{Entity.objects.filter(mention_count__gt=0).count()} entities mentioned, "
            f"{synced} entities given new gazetteer aliases or IDs, {forgotten} unused discoveries removed"
        )


def sync_gazetteer_aliases() -> int:
    """Aliases and Wikidata IDs added to the gazetteer since an entity was created reach its row
    (editors' aliases stay; an ID an editor set is not overwritten)."""
    changed = 0
    by_ref = {(info.ref.name, info.ref.kind): info for info in gazetteer()}
    for entity in Entity.objects.filter(discovered=False):
        info = by_ref.get((entity.name, entity.kind))
        if info is None:
            continue
        fields = []
        merged = sorted(set(entity.aliases) | set(info.aliases))
        if merged != sorted(entity.aliases):
            entity.aliases = merged
            fields.append("aliases")
        if info.wikidata_id and not entity.wikidata_id:
            entity.wikidata_id = info.wikidata_id
            fields.append("wikidata_id")
        if fields:
            entity.save(update_fields=[*fields, "updated_at"])
            changed += 1
    return changed

"""What editors do to the archive besides uploading: merge, reject, re-extract after an edit.

The admin calls these; tests call them directly. Each runs in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from transcripts.catalogue import pause_ingests
from transcripts.entities.store import mentioned_entity_ids, refresh_mention_counts, remention_event
from transcripts.models import Entity, Event, Mention, Speaker, Utterance


@transaction.atomic
def merge_entities(target: Entity, sources: Iterable[Entity]) -> Entity:
    """Fold `sources` into `target`: their mentions move (counts add up per turn), their names
    and aliases become the target's aliases, and they are deleted."""
    sources = [s for s in sources if s.pk != target.pk]
    if not sources:
        return target
    # An ingest in flight may be writing mentions of a source: it would commit them after the
    # move, and deleting the source would then delete them with it.
    pause_ingests()
    ids = [s.pk for s in sources]
    # One row per turn for the target: a turn that mentioned several of them adds up.
    rows = {m.utterance_id: m for m in Mention.objects.filter(entity=target)}
    merged_away, changed = [], {}
    for mention in Mention.objects.filter(entity_id__in=ids).order_by("pk"):
        row = rows.get(mention.utterance_id)
        if row is None:
            mention.entity = target
            rows[mention.utterance_id] = changed[mention.pk] = mention
        else:
            row.count += mention.count
            pairs = sorted(_span_pairs(row.spans) | _span_pairs(mention.spans))
            row.spans = [x for pair in pairs for x in pair]
            changed[row.pk] = row
            merged_away.append(mention.pk)
    Mention.objects.filter(pk__in=merged_away).delete()
    Mention.objects.bulk_update(changed.values(), ["entity", "count", "spans"], batch_size=1000)
    aliases = set(target.aliases)
    for source in sources:
        aliases |= {source.name, *source.aliases}
        target.wikidata_id = target.wikidata_id or source.wikidata_id
        target.country_code = target.country_code or source.country_code
    target.aliases = sorted(aliases - {target.name})
    speaker = Speaker.objects.filter(entity__in=sources).first()
    Speaker.objects.filter(entity__in=sources).update(entity=None)
    if speaker and not Speaker.objects.filter(entity=target).exists():
        speaker.entity = target
        speaker.save(update_fields=["entity"])
    Entity.objects.filter(pk__in=ids).delete()
    target.save()
    refresh_mention_counts([target.pk])
    return target


def _span_pairs(spans: list[int]) -> set[tuple[int, int]]:
    return set(zip(spans[::2], spans[1::2], strict=True))


@transaction.atomic
def reject_entity(entity: Entity) -> int:
    """A discovery that is wrong: its mentions go and extraction will not find it again."""
    pause_ingests()  # none in flight still writing mentions of it
    deleted, _ = Mention.objects.filter(entity=entity).delete()
    Speaker.objects.filter(entity=entity).update(entity=None)
    entity.rejected = True
    entity.mention_count = 0
    entity.save()
    return deleted


@transaction.atomic
def merge_speakers(target: Speaker, sources: Iterable[Speaker]) -> Speaker:
    """Fold `sources` into `target`: their turns are attributed to the target, their names become
    its aliases, and they are deleted."""
    sources = [s for s in sources if s.pk != target.pk]
    if not sources:
        return target
    pause_ingests()  # none in flight still writing turns of a source
    Utterance.objects.filter(speaker__in=sources).update(speaker=target)
    aliases = set(target.aliases)
    for source in sources:
        aliases |= {source.name, *source.aliases}
    target.aliases = sorted(aliases - {target.name})
    entity = next((s.entity for s in sources if s.entity_id), None)
    Speaker.objects.filter(pk__in=[s.pk for s in sources]).delete()
    if target.entity_id is None and entity is not None:
        target.entity = entity
    target.save()
    return target


@transaction.atomic
def reextract_event(event: Event) -> None:
    """After an editor changed turns: mentions follow the text (the search vector follows by trigger)."""
    before = mentioned_entity_ids(event)
    remention_event(event.pk)
    refresh_mention_counts(before | mentioned_entity_ids(event))


@transaction.atomic
def delete_events(events: Iterable[Event]) -> int:
    """Delete events with their turns and mentions, and recount the entities they mentioned."""
    touched: set[int] = set()
    count = 0
    for event in events:
        touched |= mentioned_entity_ids(event)
        event.delete()
        count += 1
    refresh_mention_counts(touched)
    return count

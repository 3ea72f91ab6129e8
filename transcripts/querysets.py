"""Queries the pages, the API, the feeds and the sitemaps share, as queryset methods: each is
written once and reads like a sentence where it is used."""

from __future__ import annotations

from django.db import models
from django.db.models import Count, F, IntegerField
from django.db.models.expressions import RawSQL

# A turn's words as str.split() counts them (runs of non-space characters), for Sum() in SQL.
TURN_WORDS = RawSQL(r"array_length(regexp_split_to_array(btrim(text), '\s+'), 1)", [], output_field=IntegerField())


# What only the search reads of a turn: a listing leaves them in the database (a Chinese turn's
# search vector is ~3 KB, and each was sent and parsed for nothing: 2.3 -> 1.7 ms a page of 20).
SEARCH_ONLY = ("index_text", "search_vector", "exact_vector", "context_vector")


class UtteranceQuerySet(models.QuerySet):
    def for_listing(self):
        """What a list of quotes shows, in one query."""
        return self.select_related("speaker", "event", "event__publisher", "answers").defer(
            *SEARCH_ONLY, *(f"answers__{name}" for name in SEARCH_ONLY)
        )

    def newest_first(self):
        """On the turn's own copy of its event's date: the index `utterance_newest` walks it."""
        return self.order_by(F("event_date").desc(nulls_last=True), F("event_id").desc(), "sequence")

    def mentioning(self, entity):
        return self.filter(mentions__entity=entity)


class EntityQuerySet(models.QuerySet):
    def listed(self):
        """The entities lists and pages show: mentioned somewhere, not marked wrong."""
        return self.filter(mention_count__gt=0, rejected=False)

    def in_event(self, event):
        """The entities a transcript mentions, with how many of its turns (`turns`), by kind."""
        return (
            self.filter(mentions__utterance__event=event, rejected=False)
            .annotate(turns=Count("mentions"))
            .order_by("kind", "-turns", "name")
        )

    def mentioned_with(self, entity, limit: int = 15):
        """Entities mentioned in the same turns as `entity`, the most often first."""
        return (
            self.filter(mentions__utterance__mentions__entity=entity, rejected=False)
            .exclude(pk=entity.pk)
            .annotate(n=Count("mentions", distinct=True))
            .order_by("-n", "name")[:limit]
        )


class SpeakerQuerySet(models.QuerySet):
    def mentioning(self, entity, limit: int = 10):
        """Speakers whose turns mention `entity`, with how many (`n`), the most first."""
        return (
            self.filter(utterances__mentions__entity=entity)
            .annotate(n=Count("utterances__mentions"))
            .order_by("-n", "name")[:limit]
        )


class MentionQuerySet(models.QuerySet):
    def links_for(self, utterances) -> dict[int, list[tuple[int, int, str, str]]]:
        """(start, end, url, title) of every mention in these turns, by turn id: what the transcript
        page links."""
        links: dict[int, list] = {}
        for mention in self.filter(utterance__in=utterances).select_related("entity"):
            entity = mention.entity
            url, title = entity.get_absolute_url(), f"{entity.name} ({entity.get_kind_display().lower()})"
            links.setdefault(mention.utterance_id, []).extend(
                (start, end, url, title) for start, end in zip(mention.spans[::2], mention.spans[1::2], strict=True)
            )
        return links

"""Atom feeds: latest transcripts, any search, a speaker's turns, an entity's mentions.

Entry content is the quote as HTML built from escaped text: a feed reader renders it as HTML,
so the text is escaped once for HTML here and once more for XML by the feed framework.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.text import Truncator

from transcripts.models import Entity, Event, Speaker, Utterance
from transcripts.parsing.text import clean_text
from transcripts.search import page_number, search_utterances

FEED_SIZE = 50


def _xml_safe(value):
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list | tuple):
        return type(value)(_xml_safe(v) for v in value)
    return value


class SafeAtomFeed(Atom1Feed):
    """XML cannot carry control characters; ingest cleans them out, and rows stored before it did
    (or edited in by hand) must not turn a whole feed into a 500."""

    def __init__(self, *args, **kwargs):
        super().__init__(*(_xml_safe(a) for a in args), **{k: _xml_safe(v) for k, v in kwargs.items()})

    def add_item(self, *args, **kwargs):
        super().add_item(*(_xml_safe(a) for a in args), **{k: _xml_safe(v) for k, v in kwargs.items()})


def _when(event: Event) -> dt.datetime:
    """The event's day. Its printed time is local to wherever it happened, with no time zone we
    know, so it is not presented as UTC: midnight UTC of that day stands for the day."""
    day = event.date or event.created_at.date()
    return dt.datetime.combine(day, dt.time(0, 0), tzinfo=dt.UTC)


class TurnsFeed(Feed):
    """Common to the feeds whose entries are turns."""

    feed_type = SafeAtomFeed

    def item_title(self, item: Utterance) -> str:
        return f"{item.who}: {Truncator(' '.join(item.text.split())).words(14)}"

    def item_link(self, item: Utterance) -> str:
        return item.get_absolute_url()

    def item_description(self, item: Utterance) -> str:
        quote = "".join(f"<p>{escape(p)}</p>" for p in item.paragraphs)
        source = f"<p>— {escape(item.who)}, {escape(item.event.title)}"
        if item.event.date:
            source += f", {item.event.date:%-d %B %Y}"
        return quote + source + "</p>"

    def item_pubdate(self, item: Utterance) -> dt.datetime:
        return _when(item.event)

    def item_updateddate(self, item: Utterance) -> dt.datetime:
        # When the turn entered the archive: stable, so a reader does not flag old quotes anew
        # whenever a transcript's other details are edited.
        return item.event.created_at

    def item_author_name(self, item: Utterance) -> str:
        return item.who

    def item_categories(self, item: Utterance) -> list[str]:
        return [item.get_role_display()]


class LatestEventsFeed(Feed):
    feed_type = SafeAtomFeed
    title = "Verbatim: latest transcripts"
    subtitle = "New press conferences, briefings, statements and interviews in the archive."

    def link(self):
        return reverse("event-list")

    def items(self):
        return Event.objects.select_related("publisher").order_by("-created_at")[:FEED_SIZE]

    def item_title(self, item: Event) -> str:
        return item.title

    def item_description(self, item: Event) -> str:
        parts = [item.get_kind_display(), f"{item.date:%-d %B %Y}" if item.date else "", item.location]
        parts.append(item.publisher.name if item.publisher else "")
        return escape(", ".join(p for p in parts if p))

    def item_pubdate(self, item: Event) -> dt.datetime:
        return _when(item)

    def item_updateddate(self, item: Event) -> dt.datetime:
        return item.updated_at


class SearchFeed(TurnsFeed):
    """The newest turns matching a search URL's query and filters."""

    def get_object(self, request):
        try:
            page_number(request.GET.get("page", "1"))
        except LookupError as err:
            raise Http404 from err
        outcome = search_utterances(request.GET, page=1, page_size=FEED_SIZE, with_facets=False, sort="newest")
        if outcome.error:
            raise Http404(outcome.error)
        return outcome

    def title(self, outcome) -> str:
        described = f"“{outcome.text}”" if outcome.text else "filtered turns"
        return f"Verbatim search: {described}"

    def link(self, outcome) -> str:
        return reverse("search") + "?" + outcome.params.urlencode()

    def feed_url(self, outcome) -> str:
        """rel=self with the query: the feed of this search, not of every turn."""
        return reverse("search-feed") + "?" + outcome.params.urlencode()

    def items(self, outcome):
        return outcome.results


class SpeakerFeed(TurnsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Speaker, slug=slug)

    def title(self, speaker: Speaker) -> str:
        return f"Verbatim: {speaker.name}"

    def link(self, speaker: Speaker) -> str:
        return speaker.get_absolute_url()

    def items(self, speaker: Speaker):
        return Utterance.objects.for_listing().filter(speaker=speaker).newest_first()[:FEED_SIZE]


class EntityFeed(TurnsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Entity, slug=slug, rejected=False)

    def title(self, entity: Entity) -> str:
        return f"Verbatim: mentions of {entity.name}"

    def link(self, entity: Entity) -> str:
        return entity.get_absolute_url()

    def items(self, entity: Entity):
        return Utterance.objects.for_listing().mentioning(entity).newest_first()[:FEED_SIZE]

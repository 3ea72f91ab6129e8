"""sitemap.xml: every transcript, speaker and entity page, so search engines find the archive."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from transcripts.models import Entity, Event, Speaker


class EventSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return Event.objects.order_by("-date", "pk").only("slug", "updated_at")

    def lastmod(self, event):
        return event.updated_at


class SpeakerSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Speaker.objects.order_by("pk").only("slug")


class EntitySitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return Entity.objects.listed().order_by("pk").only("slug", "updated_at")

    def lastmod(self, entity):
        return entity.updated_at


class PagesSitemap(Sitemap):
    changefreq = "daily"
    priority = 1.0

    def items(self):
        return ["home", "event-list", "speaker-list", "entity-list", "api-docs"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {"pages": PagesSitemap, "events": EventSitemap, "speakers": SpeakerSitemap, "entities": EntitySitemap}

"""Readers' saved searches, the matches waiting to be mailed, and the sign-in link throttle.

A reader is a Django user who is not staff (`readers.py`). A saved search is the query string
of a search page (words and filters), so a speaker's or an entity's page saves as `speaker=…` or
`entity=…`, and alerts run the very search code the page runs (`search.turns_matching`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.http import QueryDict
from django.urls import reverse


class SavedSearch(models.Model):
    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", "As soon as they are added"
        DAILY = "daily", "Daily digest"
        WEEKLY = "weekly", "Weekly digest"

    reader = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches")
    name = models.CharField(max_length=200)
    # The search page's query string without page and sort, keys in a fixed order.
    params = models.CharField(max_length=2000)
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.DAILY)
    paused = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    # Every turn with an id up to this one has been looked at for this search.
    checked_through = models.BigIntegerField(default=0)
    last_match_at = models.DateTimeField(null=True, blank=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)
    # Why the search no longer runs (a speaker merged away, a filter value gone), for its reader.
    problem = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["reader", "params"], name="one_saved_search_per_reader_and_search"),
            models.CheckConstraint(
                condition=models.Q(frequency__in=["immediate", "daily", "weekly"]), name="saved_search_frequency_known"
            ),
        ]
        indexes = [models.Index(fields=["paused", "checked_through"], name="saved_search_due")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("search") + "?" + self.params

    @property
    def query(self) -> QueryDict:
        return QueryDict(self.params)


class AlertMatch(models.Model):
    """A turn a saved search matched. Waiting while `sent_at` is empty; marked sent once its
    email has been handed to the mail server (a failed send leaves it waiting for the next run).
    Kept after sending, by event and position, so a corrected transcript ingested again (its
    turns get new ids) does not mail the same quotes twice."""

    saved_search = models.ForeignKey(SavedSearch, on_delete=models.CASCADE, related_name="matches")
    utterance = models.ForeignKey(
        "transcripts.Utterance", null=True, on_delete=models.SET_NULL, related_name="+", db_index=False
    )
    event = models.ForeignKey("transcripts.Event", on_delete=models.CASCADE, related_name="+")
    sequence = models.PositiveIntegerField()
    found_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["saved_search", "event", "sequence"], name="one_alert_per_turn"),
        ]
        indexes = [
            models.Index(fields=["saved_search"], condition=models.Q(sent_at__isnull=True), name="alert_match_waiting"),
        ]

    def __str__(self) -> str:
        return f"{self.saved_search_id}: event {self.event_id} turn {self.sequence}"


class LinkRequest(models.Model):
    """A sign-in or confirmation email asked for: the throttle counts them by address and by
    email (stored as a keyed hash, so addresses that never confirm are not kept)."""

    ip = models.GenericIPAddressField(null=True, blank=True)
    address_hash = models.CharField(max_length=64)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return f"{self.ip} at {self.at:%Y-%m-%d %H:%M}"

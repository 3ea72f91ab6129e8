"""Query behaviour for utterances; the search itself lives in transcripts/search.py."""

from django.db import models


class UtteranceQuerySet(models.QuerySet):
    def for_listing(self):
        """What a list of quotes shows, in one query."""
        return self.select_related("speaker", "event", "event__publisher", "answers")

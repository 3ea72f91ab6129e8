"""Signals other apps listen to (so the archive's core imports none of them)."""

from django.dispatch import Signal

# Sent by `manage.py ingest` after it has created or updated transcripts; `changed` is how many.
transcripts_ingested = Signal()

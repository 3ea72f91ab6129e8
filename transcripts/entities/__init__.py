"""Mentioned entities: people, countries, organisations and places in each turn.

`extract` (pure Python) finds them; `store` saves them and keeps the archive's entity
table in step. Ingest calls `extract_mentions` and `save_mentions`; `remention` re-runs
both over the whole archive.
"""

from transcripts.entities.extract import Known, TranscriptMentions, extract
from transcripts.entities.gazetteer import EntityInfo, EntityRef, gazetteer, gazetteer_version

__all__ = ["EntityInfo", "EntityRef", "Known", "TranscriptMentions", "extract", "gazetteer", "gazetteer_version"]

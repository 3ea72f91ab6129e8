"""The parser's output: plain dataclasses, no Django."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


class TranscriptError(ValueError):
    """A transcript that cannot be parsed. `where` says which part of the file."""

    def __init__(self, message: str, where: str | None = None):
        self.message = message
        self.where = where
        super().__init__(f"{message} ({where})" if where else message)


@dataclass
class Hints:
    """What the caller already knows; each set field overrides detection."""

    title: str | None = None
    date: dt.date | None = None
    location: str | None = None
    publisher: str | None = None
    kind: str | None = None
    language: str | None = None
    source_url: str | None = None
    reference: str | None = None
    # Full names of people already in the archive, with their aliases, used to
    # resolve labels such as "MS. JEAN-PIERRE" or "Lavrov".
    known_speakers: dict[str, list[str]] = field(default_factory=dict)
    # Used only where the file itself says nothing (a sidecar beside the file): title, date,
    # location, source_url, publisher, speaker (who speaks unlabelled text).
    defaults: dict[str, str] = field(default_factory=dict)


@dataclass
class Turn:
    label: str | None
    speaker: str | None
    role: str
    paragraphs: list[str]
    affiliation: str | None = None
    note: str | None = None
    answers: int | None = None  # index (0-based) of the question this answers

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass
class ParsedTranscript:
    title: str
    date: dt.date | None
    time: dt.time | None
    location: str | None
    publisher: str | None
    reference: str | None
    language: str
    kind: str
    source_url: str | None
    turns: list[Turn]
    dropped: list[str] = field(default_factory=list)
    metadata_lines: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    format: str = "text"

    def speakers(self) -> list[str]:
        seen: dict[str, None] = {}
        for turn in self.turns:
            if turn.speaker:
                seen.setdefault(turn.speaker)
        return list(seen)

"""The parser's output: plain dataclasses, no Django."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    """A turn's role (Utterance.Role in the database has the same values)."""

    STATEMENT = "statement"
    QUESTION = "question"
    ANSWER = "answer"
    REMARK = "remark"


class EventKind(StrEnum):
    """What kind of event a transcript records (Event.Kind in the database has the same values)."""

    NEWS_CONFERENCE = "news_conference"
    JOINT_PRESS_CONFERENCE = "joint_press_conference"
    BRIEFING = "briefing"
    INTERVIEW = "interview"
    STATEMENT = "statement"
    SPEECH = "speech"
    REMARKS = "remarks"
    OTHER = "other"


class LabelKind(StrEnum):
    """What a speaker label says about its turn, before roles are assigned (roles.py)."""

    QUESTION = "question"  # "Q:", "Question:", "问："
    ANSWER = "answer"  # "A:", "答："
    ANONYMOUS = "anonymous"  # "Moderator:", "Interpreter:"
    OUTLET = "outlet"  # a journalist's outlet: "Reuters:"
    PERSON = "person"  # a name
    METADATA = "metadata"  # "Date:", "Location:"


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
    # An editor's corrections (the admin preview): who speaks the unlabelled text, and how this
    # file marks its speakers when the parser could not tell (one of LABEL_STYLES).
    speaker: str | None = None
    label_style: str | None = None


# How a file marks its speakers, as an editor can tell the parser.
LABEL_STYLES = {
    "inline": "“Name: text” on the same line (colon, full stop or dash)",
    "alone": "The name alone on its own line, the text below",
    "dash": "“NAME.- text” or “NAME — text”",
    "none": "No labels: the whole text is one speaker's",
}


@dataclass
class Turn:
    label: str | None
    speaker: str | None
    role: str  # a LabelKind while parsing, a Role once roles.assign_roles has run
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

    def doubts(self) -> list[str]:
        """What makes this parse doubtful, for an editor to check before adding it."""
        words = [len(turn.text.split()) for turn in self.turns]
        total = sum(words) or 1
        found = []
        if total > 1500 and len(words) > 0 and max(words) > 0.6 * total and len(words) < 20:
            found.append(
                f"One turn holds {max(words) * 100 // total}% of the text: speaker labels may have been missed."
            )
        unlabelled = sum(n for n, turn in zip(words, self.turns, strict=True) if turn.label is None)
        if total > 500 and unlabelled > 0.5 * total:
            found.append(f"{unlabelled * 100 // total}% of the text has no speaker label.")
        labels = [turn.label for turn in self.turns if turn.label and turn.role != Role.QUESTION]
        once = [label for label in set(labels) if labels.count(label) == 1]
        if len(set(labels)) >= 8 and len(once) > 0.6 * len(set(labels)):
            found.append(f"{len(once)} speaker names appear only once: some may be headings or forms of address.")
        if self.turns and not any(turn.speaker for turn in self.turns):
            found.append("No turn has a named speaker.")
        if self.date is None:
            found.append("No date.")
        return found

    def speakers(self) -> list[str]:
        seen: dict[str, None] = {}
        for turn in self.turns:
            if turn.speaker:
                seen.setdefault(turn.speaker)
        return list(seen)

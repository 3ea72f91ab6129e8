"""From blocks to a ParsedTranscript: the header (header.py), page chrome (chrome.py), turns
(turns.py) and their roles (roles.py), cleaned and checked against our limits."""

from __future__ import annotations

import datetime as dt
import re

from transcripts.parsing.blocks import (
    Document,
    html_document,
    looks_like_html,
    looks_like_subtitles,
    markdown_document,
    one_line,
    subtitle_document,
    text_blocks,
)
from transcripts.parsing.decode import decode_bytes
from transcripts.parsing.header import HeaderReader, _web_address
from transcripts.parsing.jsonexport import looks_like_export, parse_export
from transcripts.parsing.labels import match_label
from transcripts.parsing.model import Hints, LabelKind, ParsedTranscript, TranscriptError
from transcripts.parsing.text import clean_text
from transcripts.parsing.turns import TurnReader, speaker_key, title_initials

MAX_TURNS = 5000
# PostgreSQL's tsvector holds at most 1 MB: about 700,000 characters of distinct words, far more
# of ordinary prose. The longest real turn we have seen is ~60,000 characters.
MAX_TURN_CHARS = 300_000

# Page chrome: only ever removed at the top or bottom edge of the body.


def parse_transcript(data: bytes, filename: str | None = None, hints: Hints | None = None) -> ParsedTranscript:
    """Parse one transcript file. Raises TranscriptError when it is not a transcript."""
    hints = hints or Hints()
    text = decode_bytes(data)
    if looks_like_export(text):
        parsed = parse_export(text, hints)
    elif (filename or "").lower().endswith(".json"):
        raise TranscriptError("this JSON file is not a Verbatim transcript export", "whole file")
    else:
        parsed = _Builder(_read_document(text, filename), hints, filename, text).build()
    return _within_limits(_cleaned(parsed))


def _cleaned(parsed: ParsedTranscript) -> ParsedTranscript:
    """Every string of the result through the one cleaner, whichever way it came in (the file's
    text, JSON escapes, YAML values, HTML entities, the caller's hints)."""
    for name in ("title", "location", "publisher", "reference", "language", "kind", "source_url"):
        value = getattr(parsed, name)
        if isinstance(value, str):
            setattr(parsed, name, clean_text(value))
    parsed.source_url = _web_address(parsed.source_url)
    for turn in parsed.turns:
        for name in ("label", "speaker", "affiliation", "note"):
            value = getattr(turn, name)
            if isinstance(value, str):
                setattr(turn, name, one_line(clean_text(value)) or None)
        turn.paragraphs = [p for p in (clean_text(p).strip() for p in turn.paragraphs) if p]
    parsed.dropped = [clean_text(d) for d in parsed.dropped]
    parsed.metadata_lines = [clean_text(m) for m in parsed.metadata_lines]
    parsed.warnings = [clean_text(w) for w in parsed.warnings]
    if not parsed.title.strip():
        raise TranscriptError("the transcript has no title", "title")
    return parsed


def _within_limits(parsed: ParsedTranscript) -> ParsedTranscript:
    if len(parsed.turns) > MAX_TURNS:
        raise TranscriptError(
            f"the transcript has {len(parsed.turns)} turns, more than the {MAX_TURNS} allowed", "body"
        )
    for number, turn in enumerate(parsed.turns, start=1):
        size = sum(len(p) for p in turn.paragraphs)
        if size > MAX_TURN_CHARS:
            who = f" ({turn.label})" if turn.label else ""
            raise TranscriptError(
                f"turn {number}{who} is {size:,} characters long; at most {MAX_TURN_CHARS:,} fit in the search index "
                "(is the file one unbroken line?)",
                f"turn {number}",
            )
    return parsed


def _read_document(text: str, filename: str | None) -> Document:
    name = (filename or "").lower()
    if name.endswith((".vtt", ".srt")) or looks_like_subtitles(text):
        return subtitle_document(text)
    if name.endswith((".html", ".htm", ".xhtml")) or (
        not name.endswith((".md", ".markdown", ".txt")) and looks_like_html(text)
    ):
        return html_document(text)
    if name.endswith((".md", ".markdown")) or text.startswith("---\n"):
        return markdown_document(text)
    return Document(text_blocks(_tab_labels(text)), "text")


_TAB_LABEL = re.compile(r"^(?P<name>[^\t:：\n]{1,60}?)[ ]*\t+[ \t]*(?=\S)", re.M)


def _tab_labels(text: str) -> str:
    """ "LAVROV<tab>Thank you." (a table pasted as text): where two lines or more open with a speaker
    label and a tab, the tab is that label's delimiter."""
    if "\t" not in text:
        return text
    openers = [m["name"] for m in _TAB_LABEL.finditer(text)]
    labels = {
        name
        for name in set(openers)
        if (label := match_label(name.strip() + ": X")) is not None and label.kind != LabelKind.METADATA
    }
    if sum(1 for name in openers if name in labels) < 2:
        return text
    return _TAB_LABEL.sub(lambda m: f"{m['name'].strip()}: " if m["name"] in labels else m.group(0), text)


class _Builder(HeaderReader, TurnReader):
    def __init__(self, document: Document, hints: Hints, filename: str | None, text: str):
        self.doc = document
        self.hints = hints
        self.filename = filename or "transcript"
        self.raw_text = text
        self.dropped: list[str] = list(document.dropped)
        self.metadata_lines: list[str] = []
        self.warnings: list[str] = []
        self.title: str | None = None
        self.title_generic = False  # the page's <title> says only what kind of text it is ("Transcript")
        self.date: dt.date | None = None
        self.time: dt.time | None = None
        self.location: str | None = None
        self.venue: str | None = None
        self.reference: str | None = None
        self.publisher: dict | None = None
        self.source_url: str | None = None
        self.date_posted = False  # the date came from the page's publication metadata
        self.date_in_text = False  # the transcript itself prints a date (a dateline, a date line)
        self.signed_on: dt.date | None = None  # the date of a sign-off under the text ("Ends/…")
        self.speaker_tags: dict[str, str] = {}  # a key of initials before the text ({"TJ": "Tarik Jasarevic"})
        self.tags_are_initials = False  # the tags are the initials of the people the title names, no key
        self.listed: list[str] = []  # a header's list of who takes part ("SPEAKERS:" / "SEN. JIM RISCH (R-ID)")

    # -------------------------------------------------------------- overview
    def build(self) -> ParsedTranscript:
        self._container_metadata()
        blocks = self._trim_edges(self.doc.blocks)
        self.speaker_tags, blocks, key_lines = speaker_key(blocks)
        blocks = self._header(blocks)
        if not self.speaker_tags:
            self.speaker_tags = title_initials(self.title or "", blocks)
            self.tags_are_initials = bool(self.speaker_tags)
        self.metadata_lines += key_lines
        self.date = self.date or self.signed_on
        blocks = self._drop_inline_chrome(blocks)
        if not blocks:
            raise TranscriptError("no transcript text was found (only page furniture or metadata)", "body")
        segments = self._segments(blocks)
        self._finish_metadata()
        turns = self._turns(segments)
        if len(turns) > MAX_TURNS:
            raise TranscriptError(f"the transcript has {len(turns)} turns, more than the {MAX_TURNS} allowed", "body")
        language = self.hints.language or self._language(turns)
        return ParsedTranscript(
            title=self.title,
            date=self.date,
            time=self.time,
            location=self.location,
            publisher=self.publisher["name"] if self.publisher else self.hints.publisher,
            reference=self.hints.reference or self.reference,
            language=language,
            kind=self.hints.kind or self._kind(turns),
            source_url=_web_address(self.hints.source_url or self.source_url),
            turns=turns,
            dropped=self.dropped,
            metadata_lines=self.metadata_lines,
            warnings=self.warnings,
            format=self.doc.format,
        )

    # -------------------------------------------------------------- metadata

"""Our own JSON export (`/events/<slug>.json`) read back as a ParsedTranscript.

Only documents that say they are ours (`"format": "verbatim-transcript"`) are read; anything
else that is JSON is refused with a message, like any file that is not a transcript.
"""

from __future__ import annotations

import datetime as dt
import json

from transcripts.parsing.model import EventKind, Hints, ParsedTranscript, Role, TranscriptError, Turn

FORMAT = "verbatim-transcript"
VERSION = 1
ROLES = set(Role)


def looks_like_export(text: str) -> bool:
    head = text.lstrip()[:400]
    return head.startswith("{") and f'"{FORMAT}"' in head


# Every field of the format and the types it may have (None: the field may be null or absent).
TOP_FIELDS = {
    "title": str,
    "date": (str, type(None)),
    "time": (str, type(None)),
    "location": (str, type(None)),
    "publisher": (str, type(None)),
    "reference": (str, type(None)),
    "language": (str, type(None)),
    "kind": (str, type(None)),
    "source_url": (str, type(None)),
    "url": (str, type(None)),
}
TURN_FIELDS = {
    "sequence": (int, type(None)),
    "speaker": (str, type(None)),
    "label": (str, type(None)),
    "affiliation": (str, type(None)),
    "role": (str, type(None)),
    "note": (str, type(None)),
    "text": str,
    "answers": (int, type(None)),
}
_TYPE_NAMES = {str: "text", int: "a whole number", float: "a number", bool: "true/false", list: "a list",
               dict: "an object", type(None): "null"}  # fmt: skip


def _what(value) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def _check(data: dict, fields: dict, where: str) -> None:
    for name, allowed in fields.items():
        value = data.get(name)
        if name not in data and isinstance(allowed, tuple):
            continue
        # bool is an int in Python, never in this format.
        if isinstance(value, bool) or not isinstance(value, allowed):
            wanted = " or ".join(_TYPE_NAMES[t] for t in (allowed if isinstance(allowed, tuple) else (allowed,)))
            raise TranscriptError(f"“{name}” must be {wanted}, not {_what(value)}", f"{where}{name}")


def parse_export(text: str, hints: Hints) -> ParsedTranscript:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise TranscriptError(f"the JSON is not valid: {err.msg}", f"line {err.lineno}, column {err.colno}") from err
    except RecursionError as err:
        raise TranscriptError("the JSON is nested too deeply to be a transcript", "whole file") from err
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise TranscriptError(f'this JSON is not a Verbatim transcript (no "format": "{FORMAT}")', "top level")
    if data.get("version") != VERSION:
        raise TranscriptError(
            f"unknown export version {data.get('version')!r:.40}; this reads version {VERSION}", "version"
        )
    rows = data.get("utterances")
    if not isinstance(rows, list) or not rows:
        raise TranscriptError("the export has no utterances", "utterances")
    _check(data, TOP_FIELDS, "")
    turns = []
    for index, row in enumerate(rows, start=1):
        if not isinstance(row, dict):
            raise TranscriptError(f"an utterance must be an object, not {_what(row)}", f"utterances[{index}]")
        _check(row, TURN_FIELDS, f"utterances[{index}].")
        role = row.get("role") if row.get("role") in ROLES else Role.REMARK
        answers = row.get("answers")
        turns.append(
            Turn(
                label=row.get("label"),
                speaker=row.get("speaker"),
                role=role,
                paragraphs=[p for p in row["text"].split("\n\n") if p.strip()],
                affiliation=row.get("affiliation"),
                note=row.get("note"),
                answers=answers - 1 if isinstance(answers, int) and 1 <= answers < index else None,
            )
        )
    title = data["title"]
    if not title.strip():
        raise TranscriptError("the export has no title", "title")

    def date(value):
        try:
            return dt.date.fromisoformat(value) if value else None
        except (TypeError, ValueError) as err:
            raise TranscriptError(f"the date {value!r:.40} is not YYYY-MM-DD", "date") from err

    def time(value):
        try:
            return dt.time.fromisoformat(value) if value else None
        except (TypeError, ValueError):
            return None

    return ParsedTranscript(
        title=hints.title or title.strip(),
        date=hints.date or date(data.get("date")),
        time=time(data.get("time")),
        location=hints.location or data.get("location"),
        publisher=hints.publisher or data.get("publisher"),
        reference=hints.reference or data.get("reference"),
        language=hints.language or data.get("language") or "en",
        kind=hints.kind or data.get("kind") or EventKind.OTHER,
        source_url=hints.source_url or data.get("source_url"),
        turns=turns,
        format="verbatim-json",
    )

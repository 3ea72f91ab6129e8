"""Ready-to-copy citations for one turn: plain text, BibTeX, CSL-JSON."""

from __future__ import annotations

import datetime as dt
import json
import re

from transcripts.models import Utterance


def _bibtex_escape(value: str) -> str:
    value = value.replace("\\", r"\textbackslash{}")
    return re.sub(r"([{}%$&#_^~])", r"\\\1", value)


def author(utterance: Utterance) -> str:
    """Who to cite: the speaker's name; a reporter's question by its outlet when the transcript
    printed one ("Question from Reuters"), never the bare "Q"."""
    if utterance.speaker_id:
        return utterance.speaker.name
    asks = utterance.role == Utterance.Role.QUESTION
    if asks or utterance.label in (None, "", "Q", "Question"):
        outlet = utterance.affiliation or _outlet_in_note(utterance.note)
        return f"Question from {outlet}" if outlet else ("Question" if asks else utterance.who)
    return utterance.who


def _outlet_in_note(note: str | None) -> str | None:
    return note if note and not re.search(r"interpret|translat|inaudible", note, re.I) else None


def accessed(today: dt.date | None = None) -> dt.date:
    return today or dt.date.today()


def plain(utterance: Utterance, url: str, today: dt.date | None = None) -> str:
    event = utterance.event
    parts = [author(utterance), f"“{event.title}”"]
    if event.publisher_id:
        parts.append(event.publisher.name)
    if event.date:
        parts.append(f"{event.date:%-d %B %Y}")
    text = ", ".join(parts) + f", turn {utterance.sequence}. {url}"
    if event.source_url:
        text += f" (source: {event.source_url})"
    return text + f". Accessed {accessed(today):%-d %B %Y}."


def bibtex(utterance: Utterance, url: str) -> str:
    event = utterance.event
    key = re.sub(r"[^a-z0-9]+", "", event.slug.lower())[:40] + f"u{utterance.sequence}"
    note = f"Turn {utterance.sequence}" + (f"; {event.location}" if event.location else "")
    if event.source_url:
        note += f"; source: {event.source_url}"
    fields = {
        "author": author(utterance),
        "title": event.title,
        "howpublished": f"\\url{{{url}}}",
        "note": note + f"; accessed {accessed():%Y-%m-%d}",
        "urldate": f"{accessed():%Y-%m-%d}",
    }
    if event.publisher_id:
        fields["organization"] = event.publisher.name
    if event.date:
        fields["year"] = str(event.date.year)
        fields["month"] = event.date.strftime("%b").lower()
    lines = []
    for name, value in fields.items():
        if name in ("howpublished", "month"):
            lines.append(f"  {name} = {value if name == 'month' else '{' + value + '}'}")
        else:
            lines.append(f"  {name} = {{{_bibtex_escape(value)}}}")
    return "@misc{" + key + ",\n" + ",\n".join(lines) + "\n}"


def csl_json(utterance: Utterance, url: str) -> str:
    event = utterance.event
    item = {
        "id": f"{event.slug}-{utterance.sequence}",
        "type": "speech",
        "title": event.title,
        "author": [{"literal": author(utterance)}],
        "URL": url,
        "accessed": {"date-parts": [[accessed().year, accessed().month, accessed().day]]},
        "genre": event.get_kind_display(),
        "note": f"Turn {utterance.sequence}",
    }
    if event.publisher_id:
        item["publisher"] = event.publisher.name
    if event.source_url:
        item["archive_location"] = event.source_url  # the publisher's own page: the source of record
    if event.location:
        item["event-place"] = event.location
    if event.date:
        item["issued"] = {"date-parts": [[event.date.year, event.date.month, event.date.day]]}
    return json.dumps(item, ensure_ascii=False, indent=2)

"""Ready-to-copy citations for one turn: plain text, BibTeX, CSL-JSON."""

from __future__ import annotations

import json
import re

from transcripts.models import Utterance


def _bibtex_escape(value: str) -> str:
    value = value.replace("\\", r"\textbackslash{}")
    return re.sub(r"([{}%$&#_^~])", r"\\\1", value)


def plain(utterance: Utterance, url: str) -> str:
    event = utterance.event
    parts = [utterance.who, f"“{event.title}”"]
    if event.publisher_id:
        parts.append(event.publisher.name)
    if event.date:
        parts.append(f"{event.date:%-d %B %Y}")
    return ", ".join(parts) + f", turn {utterance.sequence}. {url}"


def bibtex(utterance: Utterance, url: str) -> str:
    event = utterance.event
    key = re.sub(r"[^a-z0-9]+", "", event.slug.lower())[:40] + f"u{utterance.sequence}"
    fields = {
        "author": utterance.who,
        "title": event.title,
        "howpublished": f"\\url{{{url}}}",
        "note": f"Turn {utterance.sequence}" + (f"; {event.location}" if event.location else ""),
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
        "author": [{"literal": utterance.who}],
        "URL": url,
        "genre": event.get_kind_display(),
        "note": f"Turn {utterance.sequence}",
    }
    if event.publisher_id:
        item["publisher"] = event.publisher.name
    if event.location:
        item["event-place"] = event.location
    if event.date:
        item["issued"] = {"date-parts": [[event.date.year, event.date.month, event.date.day]]}
    return json.dumps(item, ensure_ascii=False, indent=2)

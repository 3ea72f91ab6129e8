"""Render a transcript's turns in the house conventions publishers use, to test that the parser
finds the same turns and speakers whatever the convention.

A turn here is (speaker full name or None, marker kind, paragraphs): the marker kind is
"question"/"answer" for unnamed turns. The renderer writes a header (title, date) and every turn
with its label in the chosen convention; `expected()` gives what the parser must find.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

QUESTION_MARKERS = {
    "en": "Q", "es": "PERIODISTA", "es2": "Pregunta", "fr": "Journaliste", "ru": "Вопрос", "de": "Frage",
}  # fmt: skip
MONTHS_ES = "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split()


@dataclass
class Turn:
    speaker: str | None
    paragraphs: list[str]
    outlet: str | None = None  # for questions: the journalist's outlet
    marker: str | None = None  # for unnamed turns that are not questions: their label (MODERATOR)


@dataclass
class Rendered:
    name: str
    data: bytes
    turns: list[Turn]


def _caps(name: str) -> str:
    return name.upper()


def _label(turn: Turn, convention: str, lang: str = "en") -> str:
    if turn.speaker is None and turn.marker:
        return (
            turn.marker.upper() if convention in ("caps_alone", "dash_es", "emdash", "caps_fullstop") else turn.marker
        )
    if turn.speaker is None:
        marker = QUESTION_MARKERS.get(lang, "Q")
        if convention == "outlet_paren" and turn.outlet:
            return f"{marker} ({turn.outlet})"
        if convention == "outlet_slash" and turn.outlet:
            return f"JOURNALIST/{turn.outlet.upper()}"
        return marker.upper() if convention in ("caps_alone", "dash_es", "emdash", "caps_fullstop") else marker
    if convention in ("caps_alone", "caps_colon_alone", "dash_es", "emdash", "caps_fullstop"):
        return _caps(turn.speaker)
    if convention == "interpreted":
        return f"{turn.speaker} (as interpreted)"
    return turn.speaker


def render(title: str, date: dt.date, turns: list[Turn], convention: str, lang: str = "en") -> Rendered:
    """One transcript in one convention (see CONVENTIONS)."""
    date_line = f"{date:%-d %B %Y}"
    if lang == "es":
        date_line = f"[Lunes {date.day} de {MONTHS_ES[date.month - 1].capitalize()} del {date.year}]"
    lines: list[str] = []
    suffix = ".txt"
    if convention in ("bold_md", "heading_md"):
        suffix = ".md"
        lines += [f"# {title}", "", date_line, ""]
        for turn in turns:
            label = _label(turn, convention, lang)
            if convention == "bold_md":
                lines += [f"**{label}:** {turn.paragraphs[0]}", ""] + [x for p in turn.paragraphs[1:] for x in (p, "")]
            else:
                lines += [f"### {label}", ""] + [x for p in turn.paragraphs for x in (p, "")]
        return Rendered(f"{convention}{suffix}", "\n".join(lines).encode(), turns)
    if convention == "bold_html":
        parts = [f"<html><head><title>{html.escape(title)}</title></head><body><article>",
                 f"<h1>{html.escape(title)}</h1>", f"<p>{date_line}</p>"]  # fmt: skip
        for turn in turns:
            parts.append(f"<p><strong>{html.escape(_label(turn, convention, lang))}</strong></p>")
            parts += [f"<p>{html.escape(p)}</p>" for p in turn.paragraphs]
        parts.append("</article></body></html>")
        return Rendered(f"{convention}.html", "\n".join(parts).encode(), turns)
    lines += [title, "", date_line, ""]
    for turn in turns:
        label = _label(turn, convention, lang)
        first, rest = turn.paragraphs[0], turn.paragraphs[1:]
        if convention in ("caps_alone", "title_alone"):
            lines += [label, "", first, ""]
        elif convention == "caps_colon_alone":
            lines += [f"{label}:", first, ""]
        elif convention == "dash_es":
            lines += [f"{label}.- {first}", ""]
        elif convention == "emdash":
            lines += [f"{label} — {first}", ""]
        elif convention == "caps_fullstop":
            lines += [f"{label}. {first}", ""]
        elif convention == "space_colon":
            lines += [f"{label} : {first}", ""]
        else:
            lines += [f"{label}: {first}", ""]
        for paragraph in rest:
            lines += [paragraph, ""]
    return Rendered(f"{convention}{suffix}", "\n".join(lines).encode(), turns)


CONVENTIONS = [
    "colon", "caps_alone", "title_alone", "caps_colon_alone", "dash_es", "emdash", "caps_fullstop", "space_colon",
    "bold_md", "heading_md", "bold_html", "outlet_paren", "outlet_slash", "interpreted",
]  # fmt: skip

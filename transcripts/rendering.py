"""A turn's text as HTML: every character escaped, mentions linked to their entity pages.

Offsets come from the stored mentions (`Mention.spans`), so the page shows exactly what
extraction found. Links are built around escaped slices of the text, never by inserting
markup into escaped text, so nothing in a transcript can become HTML.
"""

from __future__ import annotations

import re

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe


def linked_paragraphs(text: str, links: list[tuple[int, int, str, str]]) -> list[SafeString]:
    """`links`: (start, end, url, title). Returns one safe HTML string per paragraph."""
    out: list[str] = []
    position = 0
    for start, end, url, title in sorted(links):
        if start < position or end > len(text) or start >= end:
            continue  # overlapping or stale (text edited outside extraction): leave as text
        out.append(escape(text[position:start]))
        out.append(format_html('<a class="mention" href="{}" title="{}">{}</a>', url, title, text[start:end]))
        position = end
    out.append(escape(text[position:]))
    html = "".join(out)
    return [mark_safe(p) for p in html.split("\n\n") if p.strip()]  # noqa: S308 (built from escaped parts)


_SENTENCE_END = re.compile(r"(?<=[.!?…。！？])\s+|\n\n")


def sentence_bounds(text: str, start: int, end: int, limit: int = 400) -> tuple[int, int]:
    """Where the sentence holding text[start:end] begins and ends (at most `limit` characters)."""
    breaks = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, end)
    begin = max(breaks[-1] if breaks else 0, start - limit // 2)
    return begin, min(after.start() if after else len(text), end + limit // 2)


def sentence_around(text: str, spans: list[int], limit: int = 400) -> SafeString | None:
    """The sentence holding the first mention (spans: start, end, …), the mention marked; what an
    entity's page shows of a turn, so the reader sees the entity named."""
    if len(spans) < 2:
        return None
    begin, finish = sentence_bounds(text, spans[0], spans[1], limit)
    marks = [(s, e) for s, e in zip(spans[::2], spans[1::2], strict=True) if s >= begin and e <= finish]
    out, cursor = ["… " if begin > 0 else ""], begin
    for s, e in marks:
        out += [escape(text[cursor:s]), "<mark>", escape(text[s:e]), "</mark>"]
        cursor = e
    out += [escape(text[cursor:finish]), " …" if finish < len(text) else ""]
    return mark_safe("".join(out))  # noqa: S308 - escaped text and our own tags

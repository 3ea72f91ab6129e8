"""A turn's text as HTML: every character escaped, mentions linked to their entity pages.

Offsets come from the stored mentions (`Mention.spans`), so the page shows exactly what
extraction found. Links are built around escaped slices of the text, never by inserting
markup into escaped text, so nothing in a transcript can become HTML.
"""

from __future__ import annotations

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

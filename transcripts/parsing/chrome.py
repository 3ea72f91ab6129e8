"""Page chrome: lines dropped at the edges of the body (sharing, copyright) or anywhere (separators)."""

from __future__ import annotations

import re

EDGE_CHROME = [
    re.compile(p, re.I)
    for p in (
        r"^newsletter$",
        r"\bjoin the .{1,60} mailing list\b",
        r"^subscribe\b",
        r"make a (charitable )?donation",
        r"^share( this( page| article)?)?:?$",
        r"^print( version| this page)?$",
        r"^back to top$",
        r"^related (news|articles|stories|links|materials)\b",
        r"^(©|\(c\)|copyright\b)",
        r"all rights reserved",
        r"^tags?:",
        r"^follow us\b",
        r"^advertisement$",
        r"^skip to (main )?content$",
        r"^(home|menu|search)$",
        r"^send by e-?mail$",
        r"^suggest to a friend$",
        r"^top of page$",
        r"^(text|photo|video) version$",
        # A file to download: "Download PDF (124 KB)", "Full transcript (PDF, 1.2 MB)".
        r"^download( the)?( full)? (pdf|file|document|transcript|video|audio|attachment)s?\b",
        r"^\S.{0,80}\(\s*(pdf|docx?)?,?\s*\d+([.,]\d+)?\s*[kmg]i?b\s*\)$",
    )
]
# Dropped wherever they stand: separators, end markers, editorial asides.
ANYWHERE_DROP = [
    re.compile(p, re.I)
    for p in (
        r"^[*•·.=_~\-–—\s]{3,}$",
        # Page furniture of a transcript converted from a PDF: "Page 2 of 3", "- 4 -", "3/12".
        r"^(?:page|p\.|стр\.?|страница|página|seite|pagina)\s*\d{1,4}(?:\s*(?:of|/|из|de|von|di)\s*\d{1,4})?$",
        r"^[-–—]\s*\d{1,4}\s*[-–—]$",
        r"^\d{1,4}\s*/\s*\d{1,4}$",
        r"^#{3}$",
        r"^-?\s*end\s*-?$",
        # A link to another article: "Read also: …", "See more:", "Lire aussi :".
        r"^(?:read|see) (?:also|more)\s?:|^(?:lire|voir) aussi\s?:|^lesen sie auch\s?:|^читайте также\s?:",
        r"^END\s+\d{1,2}:\d{2}\s*[AP]\.?\s*M\.?(\s+[A-Z]{2,5})?$",
        r"^The following questions? (was|were) (raised|asked|answered|taken|submitted) after the "
        r"(press conference|briefing|meeting|event)[^.]{0,80}[:.]?$",
    )
]


def is_edge_chrome(text: str) -> bool:
    return any(p.search(text) for p in EDGE_CHROME) and len(text.split()) <= 20


def is_anywhere_drop(text: str) -> bool:
    return any(p.match(text) for p in ANYWHERE_DROP)

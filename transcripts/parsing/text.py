"""The one text cleaner every input goes through before anything is stored or shown.

PostgreSQL cannot store NUL; XML (our Atom feeds) cannot carry other C0 control characters;
a lone surrogate cannot be encoded as UTF-8 at all. None of them is ever text a person wrote.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, lone surrogates, and the two non-characters XML forbids.
_UNSTORABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_TABLE = {code: None for code in (*range(0, 9), 11, 12, *range(14, 32), 127, 0xFFFE, 0xFFFF)}
_TABLE.update({code: None for code in range(0xD800, 0xE000)})
_TABLE[12] = "\n"  # a form feed separates pages: keep the break
_TABLE[13] = "\n"


def clean_text(text: str) -> str:
    """`text` without unstorable characters (a form feed or lone CR becomes a line break)."""
    if not text:
        return text
    text = text.replace("\r\n", "\n")
    if not _UNSTORABLE.search(text):
        return text
    return text.translate(_TABLE)


def has_unstorable(text: str) -> bool:
    return bool(text) and _UNSTORABLE.search(text) is not None


def control_share(text: str) -> int:
    """How many C0 control characters (other than tab, newline, form feed and CR) `text` holds."""
    return sum(text.count(chr(code)) for code in range(1, 9))

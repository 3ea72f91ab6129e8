"""Numbers and repeated values from a request's query string, read the same way everywhere.

`str.isdigit()` accepts "²" and "①", which `int()` refuses; a page number, a page size or a year
is only ever ASCII digits here.
"""

from __future__ import annotations

import re

_ASCII_DIGITS = re.compile(r"[0-9]{1,18}")

# Repeated filters (?speaker=a&speaker=b…): each value adds to the query; more than this many is
# a form error, not a query whose planning time grows with the cube of their number.
MAX_REPEATED_VALUES = 10


def whole_number(raw, *, minimum: int = 1, maximum: int = 999_999_999) -> int | None:
    """`raw` as an int if it is ASCII digits within [minimum, maximum], else None."""
    if raw is None:
        return None
    text = str(raw)
    if not _ASCII_DIGITS.fullmatch(text):
        return None
    value = int(text)
    return value if minimum <= value <= maximum else None

"""Dates and times as transcripts print them."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_TIME = r"(?:(?:,|\s|at)\s*(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:\s*(?P<ampm>[ap])\.?m\.?)?)?"

DATE_PATTERNS = [
    re.compile(rf"\b{_WEEKDAY}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}}){_TIME}", re.I),
    re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}}){_TIME}", re.I),
    re.compile(r"\b(?P<year>\d{4})-(?P<monthnum>\d{2})-(?P<day>\d{2})(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2}))?"),
    re.compile(rf"\b(?P<day>\d{{1,2}})\.(?P<monthnum>\d{{1,2}})\.(?P<year>\d{{4}}){_TIME}"),
]

TIME_LINE = re.compile(
    r"^(?:END\s+)?(?P<hour>\d{1,2}):(?P<minute>\d{2})\s*(?P<ampm>[AP])\.?\s*M\.?(?:\s+[A-Z]{2,5})?\s*$",
    re.I,
)


def _build(match: re.Match) -> tuple[dt.date, dt.time | None] | None:
    parts = match.groupdict()
    month = MONTHS.get((parts.get("month") or "").lower().rstrip(".")) or int(parts.get("monthnum") or 0)
    try:
        date = dt.date(int(parts["year"]), month, int(parts["day"]))
    except (ValueError, TypeError):
        return None
    if not 1900 <= date.year <= 2100:
        return None
    time = None
    if parts.get("hour"):
        hour, minute = int(parts["hour"]), int(parts["minute"])
        ampm = (parts.get("ampm") or "").lower()
        if ampm == "p" and hour < 12:
            hour += 12
        elif ampm == "a" and hour == 12:
            hour = 0
        if hour < 24 and minute < 60:
            time = dt.time(hour, minute)
    return date, time


def find_date(text: str) -> tuple[dt.date, dt.time | None, re.Match] | None:
    """The first date in `text`, with a time if one follows it."""
    best = None
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            built = _build(match)
            if built and (best is None or match.start() < best[2].start()):
                best = (*built, match)
                break
    return best


def parse_date_only(text: str) -> tuple[dt.date, dt.time | None] | None:
    """A date (and time) if `text` is nothing but that."""
    found = find_date(text)
    if not found:
        return None
    date, time, match = found
    rest = (text[: match.start()] + text[match.end() :]).strip(" ,.-–—|")
    if rest and not re.fullmatch(r"(?:\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?|[A-Z]{2,5}|GMT[+-]?\d*)", rest, re.I):
        return None
    return date, time


def parse_time_line(text: str) -> dt.time | None:
    match = TIME_LINE.match(text.strip())
    if not match:
        return None
    hour, minute = int(match["hour"]), int(match["minute"])
    if match["ampm"].lower() == "p" and hour < 12:
        hour += 12
    elif match["ampm"].lower() == "a" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return dt.time(hour, minute)


def parse_iso_date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not value:
        return None
    found = find_date(str(value))
    return found[0] if found else None

"""Small server-rendered SVG bar charts (no JavaScript)."""

from __future__ import annotations

import datetime as dt

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString


def monthly_counts(rows: list[tuple[dt.date, int]]) -> list[tuple[str, int]]:
    """Fill the months between the first and last with zeros: [(YYYY-MM, count)]."""
    counts = {(d.year, d.month): n for d, n in rows if d}
    if not counts:
        return []
    (y, m), last = min(counts), max(counts)
    out = []
    while (y, m) <= last:
        out.append((f"{y:04d}-{m:02d}", counts.get((y, m), 0)))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    if len(out) > 72:  # more than six years: by year instead, so bars stay readable
        by_year: dict[str, int] = {}
        for label, n in out:
            by_year[label[:4]] = by_year.get(label[:4], 0) + n
        out = list(by_year.items())
    return out


def bar_chart(series: list[tuple[str, int]], title: str, width: int = 640, height: int = 120) -> SafeString:
    if not series:
        return SafeString("")
    top = max(n for _, n in series) or 1
    bar = width / len(series)
    bars = format_html_join(
        "",
        '<rect x="{}" y="{}" width="{}" height="{}"><title>{}: {}</title></rect>',
        (
            (
                f"{i * bar:.1f}",
                f"{height - 16 - (height - 20) * n / top:.1f}",
                f"{max(bar - 1, 1):.1f}",
                f"{(height - 20) * n / top:.1f}",
                label,
                n,
            )
            for i, (label, n) in enumerate(series)
        ),
    )
    return format_html(
        '<svg class="chart" viewBox="0 0 {} {}" role="img" aria-label="{}">{}'
        '<text x="0" y="{}" class="axis">{}</text><text x="{}" y="{}" class="axis" text-anchor="end">{}</text></svg>',
        width,
        height,
        title,
        bars,
        height - 2,
        series[0][0],
        width,
        height - 2,
        series[-1][0],
    )

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


def buckets(rows: list[tuple[dt.date, str, int]]) -> tuple[list[str], dict[str, list[int]]]:
    """Rows of (month, key, count) as the labels `monthly_counts` would give the totals (months,
    or years past six years) and, for each key, its count in each of them."""
    totals: dict[dt.date, int] = {}
    for month, _, n in rows:
        totals[month] = totals.get(month, 0) + n
    labels = [label for label, _ in monthly_counts(list(totals.items()))]
    by_year = bool(labels) and len(labels[0]) == 4
    position = {label: i for i, label in enumerate(labels)}
    series: dict[str, list[int]] = {}
    for month, key, n in rows:
        if not month:
            continue
        label = f"{month.year:04d}" if by_year else f"{month.year:04d}-{month.month:02d}"
        series.setdefault(key, [0] * len(labels))[position[label]] += n
    return labels, series


def stacked_bar_chart(
    labels: list[str],
    series: dict[str, list[int]],
    names: dict[str, str],
    title: str,
    width: int = 640,
    height: int = 140,
) -> SafeString:
    """Bars split by key (a language), a legend, the largest value on the axis, and the numbers
    in a table a screen reader or a curious reader can open."""
    if not labels:
        return SafeString("")
    keys = sorted(series, key=lambda k: -sum(series[k]))
    totals = [sum(series[k][i] for k in keys) for i in range(len(labels))]
    top = max(totals) or 1
    bar = width / len(labels)
    plot = height - 20
    rects = []
    for i, label in enumerate(labels):
        y = height - 16
        for index, key in enumerate(keys):
            n = series[key][i]
            if not n:
                continue
            h = plot * n / top
            y -= h
            rects.append((f"{i * bar:.1f}", f"{y:.1f}", f"{max(bar - 1, 1):.1f}", f"{h:.1f}", index % 6, label,
                          names.get(key, key), n))  # fmt: skip
    bars = format_html_join(
        "", '<rect x="{}" y="{}" width="{}" height="{}" class="series-{}"><title>{}, {}: {}</title></rect>', rects
    )
    legend = format_html_join(
        " ", '<span class="key series-{}">{}</span> {}',
        ((index % 6, names.get(key, key), sum(series[key])) for index, key in enumerate(keys)),
    )  # fmt: skip
    head = format_html_join("", '<th scope="col">{}</th>', ((names.get(k, k),) for k in keys))
    body = format_html_join(
        "",
        '<tr><th scope="row">{}</th>{}</tr>',
        (
            (label, format_html_join("", "<td>{}</td>", ((series[k][i],) for k in keys)))
            for i, label in enumerate(labels)
            if totals[i]
        ),
    )
    return format_html(
        '<figure class="chart"><svg class="chart" viewBox="0 0 {} {}" role="img" aria-label="{}">{}'
        '<text x="0" y="10" class="axis">{}</text>'
        '<text x="0" y="{}" class="axis">{}</text><text x="{}" y="{}" class="axis" text-anchor="end">{}</text></svg>'
        '<figcaption class="legend">{}</figcaption>'
        '<details class="numbers"><summary>The numbers</summary><table><thead><tr><th scope="col">{}</th>{}</tr>'
        "</thead><tbody>{}</tbody></table></details></figure>",
        width, height, title, bars, top, height - 2, labels[0], width, height - 2, labels[-1],
        legend, "Year" if len(labels[0]) == 4 else "Month", head, body,
    )  # fmt: skip

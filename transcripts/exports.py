"""Downloads: a transcript as plain text, Markdown or JSON; search results as CSV; a citation.

The JSON export is also an input format: `manage.py ingest` reads it back (see
transcripts/parsing/jsonexport.py), giving the same turns.
"""

from __future__ import annotations

import csv
import json

from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404

from transcripts import citations
from transcripts.models import Event, Utterance
from transcripts.parsing.jsonexport import FORMAT, VERSION
from transcripts.search import SORTS, build_query, matching, rank_expression

CSV_ROW_CAP = 10_000


def _event(slug: str) -> tuple[Event, list[Utterance]]:
    event = get_object_or_404(Event.objects.select_related("publisher"), slug=slug)
    return event, list(event.utterances.select_related("speaker", "answers").order_by("sequence"))


def _download(body: str, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _metadata_lines(event: Event) -> list[tuple[str, str]]:
    rows = [
        ("Date", event.date.isoformat() if event.date else ""),
        ("Time", event.time.strftime("%H:%M") if event.time else ""),
        ("Location", event.location),
        ("Publisher", event.publisher.name if event.publisher else ""),
        ("Kind", event.get_kind_display()),
        ("Reference", event.reference),
        ("Source", event.source_url),
    ]
    return [(k, v) for k, v in rows if v]


def _label(turn: Utterance) -> str:
    if turn.speaker_id:
        label = turn.speaker.name
    else:
        label = turn.label or "Unattributed"
    return f"{label} ({turn.note})" if turn.note and turn.note not in label else label


def event_text(request, slug):
    event, turns = _event(slug)
    lines = [event.title, ""]
    lines += [f"{key}: {value}" for key, value in _metadata_lines(event)]
    for turn in turns:
        paragraphs = turn.paragraphs or [""]
        lines += ["", f"{_label(turn)}: {paragraphs[0]}"]
        for paragraph in paragraphs[1:]:
            lines += ["", paragraph]
    return _download("\n".join(lines) + "\n", "text/plain", f"{event.slug}.txt")


def _md_escape(text: str) -> str:
    # Markdown readers must see the transcript's characters, not formatting.
    return "".join("\\" + ch if ch in "\\`*_{}[]<>#|" else ch for ch in text)


def event_markdown(request, slug):
    event, turns = _event(slug)
    front = ["---", f"title: {json.dumps(event.title, ensure_ascii=False)}"]
    front += [f"{key.lower()}: {json.dumps(value, ensure_ascii=False)}" for key, value in _metadata_lines(event)]
    front += ["---", "", f"# {_md_escape(event.title)}", ""]
    for turn in turns:
        paragraphs = turn.paragraphs or [""]
        front.append(f"**{_md_escape(_label(turn))}:** {_md_escape(paragraphs[0])}")
        front.append("")
        for paragraph in paragraphs[1:]:
            front += [_md_escape(paragraph), ""]
    return _download("\n".join(front), "text/markdown", f"{event.slug}.md")


def event_document(event: Event, turns: list[Utterance], url: str) -> dict:
    return {
        "format": FORMAT,
        "version": VERSION,
        "url": url,
        "title": event.title,
        "date": event.date.isoformat() if event.date else None,
        "time": event.time.strftime("%H:%M") if event.time else None,
        "location": event.location or None,
        "publisher": event.publisher.name if event.publisher else None,
        "reference": event.reference or None,
        "language": event.language,
        "kind": event.kind,
        "source_url": event.source_url or None,
        "utterances": [
            {
                "sequence": turn.sequence,
                "speaker": turn.speaker.name if turn.speaker_id else None,
                "label": turn.label or None,
                "affiliation": turn.affiliation or None,
                "role": turn.role,
                "note": turn.note or None,
                "text": turn.text,
                "answers": turn.answers.sequence if turn.answers_id else None,
            }
            for turn in turns
        ],
    }


def event_json(request, slug):
    event, turns = _event(slug)
    document = event_document(event, turns, request.build_absolute_uri(event.get_absolute_url()))
    return _download(json.dumps(document, ensure_ascii=False, indent=1), "application/json", f"{event.slug}.json")


def citation(request, slug, sequence, fmt):
    utterance = get_object_or_404(
        Utterance.objects.select_related("event", "event__publisher", "speaker"), event__slug=slug, sequence=sequence
    )
    url = request.build_absolute_uri(utterance.get_absolute_url())
    makers = {
        "txt": (citations.plain, "text/plain"),
        "bib": (citations.bibtex, "application/x-bibtex"),
        "json": (citations.csl_json, "application/vnd.citationstyles.csl+json"),
    }
    if fmt not in makers:
        raise Http404
    make, content_type = makers[fmt]
    return _download(make(utterance, url) + "\n", content_type, f"{slug}-{sequence}.{fmt}")


# ------------------------------------------------------------------------------------- search as CSV


class _Echo:
    def write(self, value):
        return value


def _cell(value) -> str:
    """Spreadsheets run cells that start with = + - @ as formulas; make them text."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def search_csv(request):
    from transcripts.filters import UtteranceFilter

    params = request.GET
    filterset = UtteranceFilter(params, queryset=Utterance.objects.all())
    try:
        query = build_query(params.get("q", ""), params.get("language") or None)
    except ValueError as err:
        return HttpResponse(str(err), status=400, content_type="text/plain; charset=utf-8")
    if not filterset.is_valid():
        return HttpResponse("Some filters are not valid.", status=400, content_type="text/plain; charset=utf-8")
    results = matching(filterset.qs, query) if query else filterset.qs
    wanted = params.get("sort")
    sort = wanted if wanted in SORTS and (query or wanted != "relevance") else ("relevance" if query else "newest")
    # The newest CSV_ROW_CAP + 1 matches (through the date index), then, for relevance, ranked.
    window = list(results.order_by(*SORTS["oldest" if sort == "oldest" else "newest"]).values_list("id", flat=True)[
        : CSV_ROW_CAP + 1
    ])  # fmt: skip
    capped = len(window) > CSV_ROW_CAP
    ids = window[:CSV_ROW_CAP]
    if sort == "relevance":
        ranked = (
            Utterance.objects.filter(id__in=ids)
            .annotate(rank=rank_expression(query))
            .order_by("-rank", *SORTS["newest"])
        )
        ids = list(ranked.values_list("id", flat=True))
    header = ["permalink", "date", "event", "publisher", "speaker", "label", "role", "sequence", "text"]

    def rows():
        writer = csv.writer(_Echo())
        yield "\ufeff" + writer.writerow(header)  # BOM: spreadsheets then read UTF-8
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            found = {u.pk: u for u in Utterance.objects.for_listing().filter(pk__in=chunk)}
            for pk in chunk:
                u = found.get(pk)
                if u is None:
                    continue
                yield writer.writerow(
                    [
                        _cell(request.build_absolute_uri(u.get_absolute_url())),
                        u.event.date.isoformat() if u.event.date else "",
                        _cell(u.event.title),
                        _cell(u.event.publisher.name if u.event.publisher else ""),
                        _cell(u.speaker.name if u.speaker_id else ""),
                        _cell(u.label),
                        u.role,
                        u.sequence,
                        _cell(u.text),
                    ]
                )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    name = "verbatim-search" + (f"-first-{CSV_ROW_CAP}" if capped else "") + ".csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Verbatim-Row-Cap"] = str(CSV_ROW_CAP)
    response["X-Verbatim-Capped"] = "yes" if capped else "no"
    return response

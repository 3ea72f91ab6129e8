"""The read-only JSON API under /api/: the same FilterSets and search as the HTML pages.

Field sets are documented in /api/openapi.json (built here, from the same dictionaries the
serialisers use) and on /api/. Every response allows cross-origin GET.
"""

from __future__ import annotations

import functools
import json

from django.db.models import Count
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from transcripts.filters import EventFilter, name_or_alias
from transcripts.models import Entity, Event, Mention, Speaker, Utterance
from transcripts.params import whole_number
from transcripts.search import SORTS, PageNotFound, page_number, search_utterances

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


class BadRequest(ValueError):
    def __init__(self, message: str, fields: dict | None = None):
        super().__init__(message)
        self.fields = fields or {}


def api_view(view):
    """GET (and CORS preflight) only; errors as JSON with a message; CORS headers on everything."""

    @functools.wraps(view)
    @csrf_exempt  # read-only: nothing here changes state, so other methods get a plain 405
    @require_http_methods(["GET", "HEAD", "OPTIONS"])
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Allow-Headers"] = "Accept, Content-Type"
            response["Access-Control-Max-Age"] = "86400"
        else:
            try:
                response = view(request, *args, **kwargs)
            except BadRequest as err:
                response = JsonResponse({"error": str(err), "fields": err.fields}, status=400)
            except (Http404, PageNotFound) as err:
                message = str(err) if isinstance(err, Http404) and str(err) else "Not found."
                response = JsonResponse({"error": message}, status=404)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return wrapper


def _json(data, status: int = 200) -> JsonResponse:
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


# ------------------------------------------------------------------------------------------ fields


def publisher_json(publisher) -> dict | None:
    return {"slug": publisher.slug, "name": publisher.name} if publisher else None


def speaker_ref(speaker) -> dict | None:
    return {"slug": speaker.slug, "name": speaker.name} if speaker else None


def event_json(request, event: Event) -> dict:
    return {
        "slug": event.slug,
        "title": event.title,
        "kind": event.kind,
        "date": event.date.isoformat() if event.date else None,
        "time": event.time.strftime("%H:%M") if event.time else None,
        "location": event.location or None,
        "publisher": publisher_json(event.publisher),
        "language": event.language,
        "source_url": event.source_url or None,
        "reference": event.reference or None,
        "url": request.build_absolute_uri(event.get_absolute_url()),
        "api_url": request.build_absolute_uri(reverse("api-event", args=[event.slug])),
    }


def turn_json(request, utterance: Utterance, *, with_event: bool) -> dict:
    data = {
        "id": utterance.pk,
        "sequence": utterance.sequence,
        "speaker": speaker_ref(utterance.speaker),
        "label": utterance.label or None,
        "affiliation": utterance.affiliation or None,
        "role": utterance.role,
        "note": utterance.note or None,
        "text": utterance.text,
        "answers": utterance.answers.sequence if utterance.answers_id else None,
        "url": request.build_absolute_uri(utterance.get_absolute_url()),
    }
    if with_event:
        event = utterance.event
        data["event"] = {
            "slug": event.slug,
            "title": event.title,
            "date": event.date.isoformat() if event.date else None,
            "publisher": publisher_json(event.publisher),
            "url": request.build_absolute_uri(event.get_absolute_url()),
        }
    return data


def speaker_json(request, speaker: Speaker) -> dict:
    return {
        "slug": speaker.slug,
        "name": speaker.name,
        "description": speaker.description or None,
        "aliases": list(speaker.aliases),
        "turns": getattr(speaker, "turns", None),
        "entity": speaker.entity.slug if speaker.entity_id else None,
        "url": request.build_absolute_uri(speaker.get_absolute_url()),
        "api_url": request.build_absolute_uri(reverse("api-speaker", args=[speaker.slug])),
        "turns_api_url": request.build_absolute_uri(reverse("api-search") + f"?speaker={speaker.slug}"),
    }


def entity_json(request, entity: Entity) -> dict:
    return {
        "slug": entity.slug,
        "name": entity.name,
        "kind": entity.kind,
        "aliases": list(entity.aliases),
        "wikidata_id": entity.wikidata_id or None,
        "country_code": entity.country_code or None,
        "mentions": entity.mention_count,
        "url": request.build_absolute_uri(entity.get_absolute_url()),
        "api_url": request.build_absolute_uri(reverse("api-entity", args=[entity.slug])),
        "turns_api_url": request.build_absolute_uri(reverse("api-search") + f"?entity={entity.slug}"),
    }


# ------------------------------------------------------------------------------------------ paging


def page_request(request) -> tuple[int, int]:
    try:
        number = page_number(request.GET.get("page", "1"))
    except PageNotFound as err:
        raise BadRequest("page must be a positive whole number", {"page": [str(err)]}) from err
    raw = request.GET.get("page_size", str(DEFAULT_PAGE_SIZE))
    size = whole_number(raw, maximum=MAX_PAGE_SIZE)
    if size is None:
        raise BadRequest(f"page_size must be a whole number from 1 to {MAX_PAGE_SIZE}", {"page_size": [raw]})
    return number, size


def page_links(request, number: int, pages: int) -> dict:
    def link(n: int) -> str:
        params = request.GET.copy()
        params["page"] = str(n)
        return request.build_absolute_uri(request.path + "?" + params.urlencode())

    return {
        "next": link(number + 1) if number < pages else None,
        "previous": link(number - 1) if number > 1 else None,
    }


def paginated(request, queryset, serialise) -> JsonResponse:
    number, size = page_request(request)
    count = queryset.count()
    pages = max(1, -(-count // size))
    if number > pages:
        raise PageNotFound(number)
    rows = list(queryset[(number - 1) * size : number * size])
    return _json({"count": count, **page_links(request, number, pages), "results": [serialise(r) for r in rows]})


# ------------------------------------------------------------------------------------------ views


@api_view
def search(request):
    number, size = page_request(request)
    sort = request.GET.get("sort")
    if sort and sort not in SORTS:
        raise BadRequest(f"sort must be one of {', '.join(SORTS)}", {"sort": [sort]})
    outcome = search_utterances(request.GET, page=number, page_size=size, with_facets=True, list_all=True)
    if outcome.error:
        fields = {name: list(errors) for name, errors in outcome.filterset.errors.items()}
        raise BadRequest(outcome.error, fields)
    results = []
    for utterance in outcome.results:
        row = turn_json(request, utterance, with_event=True)
        row["snippet_html"] = str(utterance.snippet) if utterance.snippet else None
        results.append(row)
    return _json(
        {
            "count": outcome.count,
            "count_capped": outcome.count_capped,
            "ranked_window": outcome.ranked_window,
            "facets_sampled": outcome.facets_sampled,
            **page_links(request, number, outcome.pages),
            "query": outcome.text or None,
            "sort": outcome.sort,
            "facets": outcome.facets,
            "results": results,
        }
    )


@api_view
def events(request):
    filterset = EventFilter(request.GET, queryset=Event.objects.select_related("publisher"))
    if not filterset.is_valid():
        raise BadRequest("some filters are not valid", {k: list(v) for k, v in filterset.errors.items()})
    return paginated(request, filterset.qs.order_by("-date", "-time", "-id"), lambda e: event_json(request, e))


@api_view
def event(request, slug):
    event = get_object_or_404(Event.objects.select_related("publisher"), slug=slug)
    turns = event.utterances.select_related("speaker", "answers").order_by("sequence")
    entities = Entity.objects.in_event(event)
    data = event_json(request, event)
    data["utterances"] = [turn_json(request, u, with_event=False) for u in turns]
    data["entities"] = [
        {"slug": e.slug, "name": e.name, "kind": e.kind, "turns": e.turns,
         "api_url": request.build_absolute_uri(reverse("api-entity", args=[e.slug]))}
        for e in entities
    ]  # fmt: skip
    return _json(data)


@api_view
def speakers(request):
    qs = Speaker.objects.select_related("entity").annotate(turns=Count("utterances"))
    qs = name_or_alias(qs, request.GET.get("name", ""))
    return paginated(request, qs.order_by("-turns", "name"), lambda s: speaker_json(request, s))


@api_view
def speaker(request, slug):
    speaker = get_object_or_404(Speaker.objects.select_related("entity").annotate(turns=Count("utterances")), slug=slug)
    return _json(speaker_json(request, speaker))


@api_view
def entities(request):
    qs = Entity.objects.listed()
    kind = request.GET.get("kind", "")
    if kind:
        if kind not in Entity.Kind.values:
            raise BadRequest(f"kind must be one of {', '.join(Entity.Kind.values)}", {"kind": [kind]})
        qs = qs.filter(kind=kind)
    qs = name_or_alias(qs, request.GET.get("name", ""))
    return paginated(request, qs.order_by("-mention_count", "name"), lambda e: entity_json(request, e))


@api_view
def entity(request, slug):
    entity = get_object_or_404(Entity, slug=slug, rejected=False)
    data = entity_json(request, entity)
    data["speakers"] = [{"slug": s.slug, "name": s.name, "turns": s.n} for s in Speaker.objects.mentioning(entity)]
    data["mentioned_with"] = [
        {"slug": e.slug, "name": e.name, "kind": e.kind, "turns": e.n}
        for e in Entity.objects.mentioned_with(entity, limit=10)
    ]
    data["turns"] = Mention.objects.filter(entity=entity).count()
    return _json(data)


def docs(request):
    return render(
        request, "transcripts/api.html", {"spec": openapi_spec(request), "base": request.build_absolute_uri("/api/")}
    )


@api_view
def openapi(request):
    return HttpResponse(json.dumps(openapi_spec(request), indent=1), content_type="application/json")


def openapi_spec(request) -> dict:
    from transcripts.openapi import build_spec

    return build_spec(request.build_absolute_uri("/").rstrip("/"))

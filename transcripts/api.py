"""The read-only JSON API under /api/, on Django REST framework.

Lists are read-only viewsets whose `filterset_class` is the FilterSet the HTML pages use; the
search endpoint runs the search page's own code (search.search_utterances). drf-spectacular
generates the OpenAPI 3.1 description (/api/openapi.json, shown on /api/) from these classes.
Every response allows cross-origin GET (ApiView.finalize_response, the one place for it).
"""

from __future__ import annotations

import functools

from django.db.models import Count
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field, extend_schema_serializer
from rest_framework import serializers, status, viewsets
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework.views import exception_handler as drf_exception_handler

from transcripts.filters import EntityListFilter, EventFilter, SpeakerListFilter, UtteranceFilter
from transcripts.models import Entity, Event, Mention, Speaker, Utterance
from transcripts.params import whole_number
from transcripts.search import SORTS, PageNotFound, page_number, search_utterances

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
CORS_HEADERS = {
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Content-Type",
    "Access-Control-Max-Age": "86400",
}


class BadRequest(ValidationError):
    """A 400 with a sentence for people (`error`) and the offending parameters (`fields`)."""

    def __init__(self, message: str, fields: dict | None = None):
        super().__init__(fields or {})
        self.message = message


def exception_handler(exc, context):
    """Errors as {"error": "…", "fields": {…}}: the shape the API has always had."""
    if isinstance(exc, Http404 | PageNotFound):
        exc = NotFound(str(exc) if isinstance(exc, Http404) and str(exc) else "Not found.")
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, ValidationError):
        fields = exc.detail if isinstance(exc.detail, dict) else {}
        message = getattr(exc, "message", "some filters are not valid")
        response.data = {"error": message, "fields": {name: list(errors) for name, errors in fields.items()}}
    else:
        response.data = {"error": str(exc.detail)}
    return response


class ApiView:
    """What every endpoint shares: GET only, no authentication, CORS headers on every answer."""

    authentication_classes: list = []
    permission_classes: list = []
    http_method_names = ["get", "head", "options"]

    def options(self, request, *args, **kwargs):
        return Response(status=status.HTTP_204_NO_CONTENT, headers=CORS_HEADERS)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response


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


class Pages(PageNumberPagination):
    """?page= and ?page_size= (1–100); a bad value is a 400 and a page past the end a 404, not a
    silently different page."""

    page_size = DEFAULT_PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.number, size = page_request(request)
        self.count = queryset.count()
        self.pages = max(1, -(-self.count // size))
        if self.number > self.pages:
            raise PageNotFound(self.number)
        return list(queryset[(self.number - 1) * size : self.number * size])

    def get_paginated_response(self, data):
        return Response({"count": self.count, **page_links(self.request, self.number, self.pages), "results": data})

    def get_schema_operation_parameters(self, view):
        return [
            {"name": "page", "in": "query", "required": False, "description": "Page number, from 1.",
             "schema": {"type": "integer", "minimum": 1, "maximum": 999_999_999}, "example": 1},
            {"name": "page_size", "in": "query", "required": False, "description": "Results per page.",
             "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE}, "example": DEFAULT_PAGE_SIZE},
        ]  # fmt: skip


# ------------------------------------------------------------------------------------------ fields


class OptionalText(serializers.CharField):
    """A text column where empty means "none": null in JSON."""

    def __init__(self, **kwargs):
        super().__init__(allow_null=True, read_only=True, **kwargs)

    def to_representation(self, value):
        return str(value) if value else None


@extend_schema_field(OpenApiTypes.URI)
class LinkField(serializers.Field):
    """An absolute URL made from the object by `path(obj)`."""

    def __init__(self, path, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)
        self.path = path

    def to_representation(self, obj):
        return self.context["request"].build_absolute_uri(self.path(obj))


def api_path(name: str):
    return lambda obj: reverse(name, args=[obj.slug])


def turns_path(param: str):
    return lambda obj: reverse("api-search") + f"?{param}={obj.slug}"


def web_path(obj):
    return obj.get_absolute_url()


@extend_schema_field({"type": ["string", "null"], "pattern": "^[0-2][0-9]:[0-5][0-9]$", "example": "16:30"})
class HourMinute(serializers.TimeField):
    """A time of day as HH:MM, as transcripts give it (not RFC 3339's seconds and offset)."""

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", allow_null=True, read_only=True, **kwargs)


class RefSerializer(serializers.Serializer):
    slug = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)


class EventSerializer(serializers.ModelSerializer):
    date = serializers.DateField(allow_null=True, read_only=True)
    time = HourMinute()
    location = OptionalText()
    publisher = RefSerializer(allow_null=True, read_only=True)
    source_url = OptionalText()
    reference = OptionalText()
    url = LinkField(web_path)
    api_url = LinkField(api_path("api-event"))

    class Meta:
        model = Event
        fields = ["slug", "title", "kind", "date", "time", "location", "publisher", "language", "source_url",
                  "reference", "url", "api_url"]  # fmt: skip


class TurnSerializer(serializers.ModelSerializer):
    speaker = RefSerializer(allow_null=True, read_only=True)
    label = OptionalText()
    affiliation = OptionalText()
    note = OptionalText()
    answers = serializers.IntegerField(
        source="answers.sequence", allow_null=True, read_only=True, help_text="Sequence of the question this answers."
    )
    url = LinkField(web_path, help_text="Permanent link to this turn.")

    class Meta:
        model = Utterance
        fields = ["id", "sequence", "speaker", "label", "affiliation", "role", "note", "text", "answers", "url"]


class EventBriefSerializer(serializers.ModelSerializer):
    date = serializers.DateField(allow_null=True, read_only=True)
    publisher = RefSerializer(allow_null=True, read_only=True)
    url = LinkField(web_path)

    class Meta:
        model = Event
        fields = ["slug", "title", "date", "publisher", "url"]


class SearchHitSerializer(TurnSerializer):
    event = EventBriefSerializer(read_only=True)
    snippet_html = serializers.CharField(
        allow_null=True, read_only=True, help_text="Escaped HTML; only <mark> elements are markup."
    )
    asked_snippet_html = serializers.CharField(
        allow_null=True,
        read_only=True,
        help_text="For an answer found by the words of the question it answers (relevance order): that "
        "question, highlighted; escaped HTML, only <mark> elements are markup.",
    )

    class Meta(TurnSerializer.Meta):
        fields = [*TurnSerializer.Meta.fields, "event", "snippet_html", "asked_snippet_html"]


class MentionedEntitySerializer(RefSerializer):
    kind = serializers.CharField(read_only=True)
    turns = serializers.IntegerField(read_only=True)
    api_url = LinkField(api_path("api-entity"))


class EventDetailSerializer(EventSerializer):
    utterances = TurnSerializer(many=True, read_only=True, source="ordered_turns")
    entities = MentionedEntitySerializer(many=True, read_only=True, source="mentioned_entities")

    class Meta(EventSerializer.Meta):
        fields = [*EventSerializer.Meta.fields, "utterances", "entities"]


class SpeakerSerializer(serializers.ModelSerializer):
    description = OptionalText()
    turns = serializers.IntegerField(allow_null=True, read_only=True)
    entity = serializers.SlugRelatedField(slug_field="slug", allow_null=True, read_only=True)
    url = LinkField(web_path)
    api_url = LinkField(api_path("api-speaker"))
    turns_api_url = LinkField(turns_path("speaker"))

    class Meta:
        model = Speaker
        fields = ["slug", "name", "description", "aliases", "turns", "entity", "url", "api_url", "turns_api_url"]


class EntitySerializer(serializers.ModelSerializer):
    wikidata_id = OptionalText()
    country_code = OptionalText()
    mentions = serializers.IntegerField(source="mention_count", read_only=True, help_text="Turns that mention it.")
    url = LinkField(web_path)
    api_url = LinkField(api_path("api-entity"))
    turns_api_url = LinkField(turns_path("entity"))

    class Meta:
        model = Entity
        fields = ["slug", "name", "kind", "aliases", "wikidata_id", "country_code", "mentions", "url", "api_url",
                  "turns_api_url"]  # fmt: skip


class CountedSerializer(RefSerializer):
    turns = serializers.IntegerField(source="n", read_only=True)


class CountedEntitySerializer(CountedSerializer):
    kind = serializers.CharField(read_only=True)


class EntityDetailSerializer(EntitySerializer):
    speakers = CountedSerializer(many=True, read_only=True, source="top_speakers")
    mentioned_with = CountedEntitySerializer(many=True, read_only=True)
    turns = serializers.IntegerField(read_only=True, source="turn_count")

    class Meta(EntitySerializer.Meta):
        fields = [*EntitySerializer.Meta.fields, "speakers", "mentioned_with", "turns"]


class FacetRowSerializer(serializers.Serializer):
    value = serializers.JSONField(read_only=True)
    label = serializers.JSONField(read_only=True)
    count = serializers.IntegerField(read_only=True)
    selected = serializers.BooleanField(read_only=True)
    estimated = serializers.BooleanField(
        read_only=True,
        help_text="The count is estimated (two significant figures) from the matches in a random sample of the "
        "archive's turns: a chosen facet's other values when the search without that filter has very many matches.",
    )


@extend_schema_serializer(many=False)
class SearchPageSerializer(serializers.Serializer):
    count = serializers.IntegerField(min_value=0)
    count_capped = serializers.BooleanField(help_text="True when there are more matches than `count`.")
    ranked_window = serializers.IntegerField(
        allow_null=True,
        help_text="When set (more matches than can be scored), relevance ranks only this many of them: "
        "the most recent, or where the words weigh most (`ranked_by`).",
    )
    ranked_by = serializers.ChoiceField(
        choices=["strongest", "recent", "alike"],
        allow_null=True,
        help_text="With `ranked_window`: 'strongest', the turns where each word weighs most (and every turn of "
        "the rarer words); 'recent', the most recent matches. 'alike' (no window): every match scores the "
        "same (quoted phrases alone), so relevance lists them all newest first.",
    )
    ranked_exactly = serializers.IntegerField(
        min_value=0,
        help_text="With `ranked_window`: how many of the first results are proven the best of all matches "
        "(no turn left out can score as high).",
    )
    count_estimate = serializers.IntegerField(
        allow_null=True,
        help_text="When set (far more matches than `count`), about this many turns match, estimated from a "
        "random sample of the archive's turns (two significant figures); the facets are counted in that sample.",
    )
    facets_sampled = serializers.IntegerField(
        allow_null=True, help_text="When set, facet counts come from this many matches."
    )
    facets_estimated_from = serializers.IntegerField(
        allow_null=True,
        help_text="When set, the facet rows marked `estimated` come from this many matches in a random sample "
        "of the archive's turns.",
    )
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    query = serializers.CharField(allow_null=True)
    spellings = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="Words of the query that also matched their other English spellings, those the archive holds "
        '(British and American: "defense" also matches "defence"; "cooperation" "co-operation").',
    )
    some_words = serializers.BooleanField(
        help_text="True when, listed by date (every word needed), nothing matches but turns have some of the "
        "words: `sort=relevance` finds them.",
    )
    sort = serializers.ChoiceField(choices=list(SORTS))
    facets = serializers.DictField(child=FacetRowSerializer(many=True))
    results = SearchHitSerializer(many=True)


def _ranked_by(outcome) -> str | None:
    if outcome.ranked_alike:
        return "alike"
    if outcome.ranked_window:
        return "strongest" if outcome.ranked_strongest else "recent"
    return None


class ErrorSerializer(serializers.Serializer):
    error = serializers.CharField()
    fields = serializers.DictField(child=serializers.ListField(child=serializers.CharField()), required=False)


ERRORS = {
    400: ErrorSerializer,
    404: ErrorSerializer,
}


def answers(ok, *, summary: str, description: str = "", **kwargs):
    return extend_schema(responses={200: ok, **ERRORS}, summary=summary, description=description, **kwargs)


# ------------------------------------------------------------------------------------------ views


class SearchViewSet(ApiView, viewsets.GenericViewSet):
    queryset = Utterance.objects.none()
    filter_backends = [DjangoFilterBackend]  # documents UtteranceFilter; search_utterances applies it
    filterset_class = UtteranceFilter
    pagination_class = Pages

    @answers(
        SearchPageSerializer,
        summary="Search turns",
        description="With `q`, turns matching it, most relevant first; without, every turn that passes the "
        "filters, newest first.",
        operation_id="search",
        parameters=[
            OpenApiParameter("q", str, description='Words, "an exact phrase", `or`, and -excluded words.'),
            OpenApiParameter("sort", str, enum=list(SORTS), description="Order of results."),
        ],
    )
    def list(self, request):
        number, size = page_request(request)
        sort = request.GET.get("sort")
        if sort and sort not in SORTS:
            raise BadRequest(f"sort must be one of {', '.join(SORTS)}", {"sort": [sort]})
        outcome = search_utterances(request.GET, page=number, page_size=size, with_facets=True, list_all=True)
        if outcome.error:
            raise BadRequest(outcome.error, {name: list(e) for name, e in outcome.filterset.errors.items()})
        for utterance in outcome.results:
            utterance.snippet_html = str(utterance.snippet) if utterance.snippet else None
            utterance.asked_snippet_html = str(utterance.asked_snippet) if utterance.asked_snippet else None
        hits = SearchHitSerializer(outcome.results, many=True, context={"request": request}).data
        return Response(
            {
                "count": outcome.count,
                "count_capped": outcome.count_capped,
                "count_estimate": outcome.count_estimate,
                "ranked_window": outcome.ranked_window,
                "ranked_by": _ranked_by(outcome),
                "ranked_exactly": outcome.ranked_exactly,
                "facets_sampled": outcome.facets_sampled,
                "facets_estimated_from": outcome.facets_estimated_from,
                **page_links(request, number, outcome.pages),
                "query": outcome.text or None,
                "spellings": {s.word: s.others for s in outcome.query.spellings} if outcome.query else {},
                "some_words": outcome.some_words,
                "sort": outcome.sort,
                "facets": outcome.facets,
                "results": hits,
            }
        )


class ReadOnlyViewSet(ApiView, viewsets.ReadOnlyModelViewSet):
    """A list filtered by a FilterSet and paged, and one object by its slug (filters ignored)."""

    filter_backends = [DjangoFilterBackend]
    pagination_class = Pages
    lookup_field = "slug"

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset) if self.action == "list" else queryset


class EventViewSet(ReadOnlyViewSet):
    queryset = Event.objects.select_related("publisher").order_by("-date", "-time", "-id")
    serializer_class = EventSerializer
    filterset_class = EventFilter

    @answers(EventSerializer(many=True), summary="List transcripts, newest first", operation_id="listEvents")
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @answers(EventDetailSerializer, summary="One whole transcript with its turns and entities", operation_id="getEvent")
    def retrieve(self, request, *args, **kwargs):
        event = self.get_object()
        event.ordered_turns = event.utterances.select_related("speaker", "answers").order_by("sequence")
        event.mentioned_entities = Entity.objects.in_event(event)
        return Response(EventDetailSerializer(event, context=self.get_serializer_context()).data)


class SpeakerViewSet(ReadOnlyViewSet):
    queryset = Speaker.objects.select_related("entity").annotate(turns=Count("utterances")).order_by("-turns", "name")
    serializer_class = SpeakerSerializer
    filterset_class = SpeakerListFilter

    @answers(SpeakerSerializer(many=True), summary="List speakers, most turns first", operation_id="listSpeakers")
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @answers(SpeakerSerializer, summary="One speaker", operation_id="getSpeaker")
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)


class EntityViewSet(ReadOnlyViewSet):
    serializer_class = EntitySerializer
    filterset_class = EntityListFilter

    def get_queryset(self):
        if self.action == "retrieve":
            return Entity.objects.filter(rejected=False)
        return Entity.objects.listed().order_by("-mention_count", "name")

    @answers(
        EntitySerializer(many=True),
        summary="List mentioned entities, most mentioned first",
        operation_id="listEntities",
    )
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @answers(
        EntityDetailSerializer,
        summary="One entity, who mentions it and what it is mentioned with",
        operation_id="getEntity",
    )
    def retrieve(self, request, *args, **kwargs):
        entity = self.get_object()
        entity.top_speakers = Speaker.objects.mentioning(entity)
        entity.mentioned_with = Entity.objects.mentioned_with(entity, limit=10)
        entity.turn_count = Mention.objects.filter(entity=entity).count()
        return Response(EntityDetailSerializer(entity, context=self.get_serializer_context()).data)


# ------------------------------------------------------------------------------------------ the description


class OpenApiJson(OpenApiJsonRenderer):
    media_type = "application/json"


class OpenApiView(ApiView, APIView):
    renderer_classes = [OpenApiJson]

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        return Response(openapi_spec())


@functools.cache
def openapi_spec() -> dict:
    """The generated description (it depends only on the code, so it is built once per process)."""
    return SchemaGenerator().get_schema(request=None, public=True)


def docs(request):
    return render(
        request, "transcripts/api.html", {"spec": openapi_spec(), "base": request.build_absolute_uri("/api/")}
    )


def describe_parameters(result, generator, request, public):
    """drf-spectacular hook: parameter descriptions written for API users (not form labels), and
    an empty value allowed wherever a format or a list of values would refuse it, because an empty
    value means "no filter", as when a web form sends an empty field."""
    for item in result.get("paths", {}).values():
        for operation in item.values():
            for parameter in operation.get("parameters", []):
                if parameter["in"] != "query":
                    continue
                parameter["description"] = PARAMETER_HELP.get(parameter["name"], parameter.get("description", ""))
                schema = parameter["schema"]
                if isinstance(schema.get("type"), list) and "string" in schema["type"]:
                    # A filter on a nullable column (the turn's copy of its event's kind): a query
                    # string sends no null.
                    schema = parameter["schema"] = {**schema, "type": "string"}
                typed = schema.get("type") == "string" and ("format" in schema or "enum" in schema)
                # A filter's number too ("year="): the filters take an empty value as no filter.
                typed = typed or schema.get("type") == "integer" and parameter["name"] in PARAMETER_HELP
                if typed:
                    parameter["schema"] = {"anyOf": [schema, {"type": "string", "maxLength": 0}]}
    return result


PARAMETER_HELP = {
    "speaker": "Speaker slug; on /api/search/ repeat it for several.",
    "entity": "Entity slug; on /api/search/ repeat it to require all of them.",
    "role": "Turn role.",
    "publisher": "Publisher slug.",
    "kind": "Kind of event (of entity, on /api/entities/).",
    "language": "Language code of the transcript.",
    "date_from": "Events on or after this date (YYYY-MM-DD).",
    "date_to": "Events on or before this date (YYYY-MM-DD).",
    "event": "Event slug: search within one transcript.",
    "year": "Year of the event.",
    "title": "Words in the title.",
    "name": "Part of the name or an alias.",
}

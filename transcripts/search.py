"""Full-text search over utterances: the query, its ranking, and safe highlighted snippets."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, QuerySet
from django.http import QueryDict
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from transcripts.search_config import DEFAULT_SEARCH_CONFIG, all_search_configs, search_config_for

MAX_QUERY_CHARS = 500
MAX_QUERY_TERMS = 40

# Private-use characters mark highlights inside ts_headline's output; the text is
# escaped first and only then are they turned into <mark> tags.
_START, _STOP = "\ue000", "\ue001"


class QueryError(ValueError):
    """A query we refuse, with a message for the person who typed it."""


@dataclass
class TextQuery:
    text: str
    configs: list[str]

    def as_search_query(self) -> SearchQuery:
        query = None
        for config in self.configs:
            part = SearchQuery(self.text, search_type="websearch", config=config)
            query = part if query is None else query | part
        return query


def build_query(text: str, language: str | None = None) -> TextQuery | None:
    """A query for `text`, or None when it is empty. Raises QueryError for unusable queries."""
    text = " ".join((text or "").replace("\x00", "").split())
    if not text:
        return None
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"The query is too long: at most {MAX_QUERY_CHARS} characters, please.")
    if len(text.split()) > MAX_QUERY_TERMS:
        raise QueryError(f"The query has too many words: at most {MAX_QUERY_TERMS}, please.")
    configs = [search_config_for(language)] if language else all_search_configs()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT "
            + ", ".join(
                ["numnode(websearch_to_tsquery(%s::regconfig, %s)), websearch_to_tsquery(%s::regconfig, %s)::text"]
                * len(configs)
            ),
            [value for config in configs for value in (config, text, config, text)],
        )
        row = cursor.fetchone()
    sizes, texts = row[0::2], row[1::2]
    useful, seen = [], set()
    for config, size, tsquery in zip(configs, sizes, texts):
        if size > 0 and tsquery not in seen:  # one copy of identical queries keeps the plan simple
            useful.append(config)
            seen.add(tsquery)
    stemmed = [size for config, size in zip(configs, sizes) if config != DEFAULT_SEARCH_CONFIG]
    if stemmed and not all(stemmed):
        # Only stop words in a language we stem ("the and of", "и в на"): they
        # would otherwise match every row indexed with the other configurations.
        useful = []
    if not useful:
        raise QueryError(
            "The query has only very common words (like “the” or “and”), which are not indexed. "
            "Add a more specific word."
        )
    return TextQuery(text, useful)


def matching(queryset: QuerySet, query: TextQuery) -> QuerySet:
    search_query = query.as_search_query()
    return queryset.filter(search_vector=search_query).annotate(
        rank=SearchRank(F("search_vector"), search_query, cover_density=True)
    )


def headlines(utterance_ids: list[int], query: TextQuery) -> dict[int, SafeString]:
    """Highlighted snippets for the given rows only (the page being shown)."""
    if not utterance_ids:
        return {}
    options = (
        f"StartSel={_START}, StopSel={_STOP}, MaxWords=45, MinWords=20, "
        'ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "'
    )
    query_sql = " || ".join(["websearch_to_tsquery(%s::regconfig, %s)"] * len(query.configs))
    params: list = [value for config in query.configs for value in (config, query.text)]
    sql = (
        "SELECT id, ts_headline(search_config::regconfig, text, (" + query_sql + "), %s) "
        "FROM transcripts_utterance WHERE id = ANY(%s)"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, options, list(utterance_ids)])
        return {pk: highlight_safely(snippet) for pk, snippet in cursor.fetchall()}


def highlight_safely(snippet: str) -> SafeString:
    """Escape everything, then turn our own markers (and only those) into <mark>."""
    escaped = escape(snippet.replace(_START, "\x01").replace(_STOP, "\x02"))
    escaped = escaped.replace("\x01", "<mark>").replace("\x02", "</mark>")
    if escaped.count("<mark>") != escaped.count("</mark>"):
        escaped = escaped.replace("<mark>", "").replace("</mark>", "")
    return mark_safe(escaped)  # noqa: S308 - built from escaped text and our own tags only


# ---------------------------------------------------------------- one search, for pages, feeds and the API

PAGE_SIZE = 20
SORTS = {
    "relevance": ("-rank", "-event__date", "event_id", "sequence"),
    "newest": ("-event__date", "-event_id", "sequence"),
    "oldest": ("event__date", "event_id", "sequence"),
}
# name: (value field, label field)
FACETS = {
    "speaker": ("speaker__slug", "speaker__name"),
    "year": ("year", "year"),
    "publisher": ("event__publisher__slug", "event__publisher__name"),
    "role": ("role", "role"),
}


class PageNotFound(LookupError):
    """A page number that is not a positive integer, or past the last page."""


@dataclass
class SearchOutcome:
    params: QueryDict
    filterset: object
    text: str
    query: TextQuery | None
    sort: str
    active: bool
    error: str | None = None
    results: list = field(default_factory=list)
    count: int = 0
    page_number: int = 1
    page_size: int = PAGE_SIZE
    facets: dict[str, list[dict]] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        return max(1, -(-self.count // self.page_size))

    @property
    def has_next(self) -> bool:
        return self.page_number < self.pages

    @property
    def has_previous(self) -> bool:
        return self.page_number > 1


def page_number(raw) -> int:
    raw = str(raw if raw is not None else "1")
    if not raw.isdigit() or len(raw) > 9 or int(raw) < 1:
        raise PageNotFound(raw)
    return int(raw)


def search_utterances(
    params: QueryDict,
    *,
    page: int = 1,
    page_size: int = PAGE_SIZE,
    with_facets: bool = True,
    sort: str | None = None,
    list_all: bool = False,
) -> SearchOutcome:
    """Turns matching `params` (q plus the UtteranceFilter filters), one page of them with their
    highlighted snippets, the total, and facet counts. The HTML page, the feed and the API all
    call this; raises PageNotFound for a page past the end."""
    from transcripts.filters import UtteranceFilter
    from transcripts.models import Utterance

    filterset = UtteranceFilter(params, queryset=Utterance.objects.all())
    text = params.get("q", "")
    outcome = SearchOutcome(params, filterset, text, None, "newest", False, page_number=page, page_size=page_size)
    try:
        outcome.query = build_query(text, params.get("language") or None)
    except QueryError as err:
        outcome.error = str(err)
    query = outcome.query
    # The page asks for words or a filter first; the API (list_all) lists every turn without them.
    outcome.active = list_all or bool(query) or any(params.get(name) for name in filterset.filters)
    wanted = sort or params.get("sort")
    outcome.sort = wanted if wanted in SORTS and (wanted != "relevance" or query) else (
        "relevance" if query else "newest"
    )  # fmt: skip
    valid = filterset.is_valid()
    if outcome.active and not valid:
        outcome.error = "Some filters are not valid: " + "; ".join(
            f"{name}: {' '.join(errors)}" for name, errors in filterset.errors.items()
        )
    if not outcome.active or outcome.error:
        return outcome
    results = filterset.qs
    if query:
        results = matching(results, query)
    ordered = results.order_by(*SORTS[outcome.sort]).values_list("id", flat=True)
    outcome.count = ordered.count()
    if page > outcome.pages:
        raise PageNotFound(page)
    start = (page - 1) * page_size
    ids = list(ordered[start : start + page_size])
    rows = {u.pk: u for u in Utterance.objects.for_listing().select_related("answers__speaker").filter(pk__in=ids)}
    snippets = headlines(ids, query) if query else {}
    outcome.results = [rows[pk] for pk in ids if pk in rows]
    for utterance in outcome.results:
        utterance.snippet = snippets.get(utterance.pk)
    if with_facets:
        outcome.facets = facet_counts(params, query)
    return outcome


def facet_counts(params: QueryDict, query: TextQuery | None) -> dict[str, list[dict]]:
    """Top 10 values of each facet, under every filter except the facet's own."""
    from django.db.models import Count
    from django.db.models.functions import ExtractYear

    from transcripts.filters import UtteranceFilter
    from transcripts.models import Utterance

    out = {}
    for name, (key, label) in FACETS.items():
        data = params.copy()
        data.pop(name, None)
        qs = UtteranceFilter(data, queryset=Utterance.objects.all()).qs
        if query:
            qs = qs.filter(search_vector=query.as_search_query())
        if name == "year":
            qs = qs.annotate(year=ExtractYear("event__date"))
        rows = (
            qs.exclude(**{f"{key}__isnull": True}).values(key, label).annotate(n=Count("id")).order_by("-n", key)[:10]
        )
        selected = set(params.getlist(name))
        out[name] = [
            {"value": row[key], "label": row[label], "count": row["n"], "selected": str(row[key]) in selected}
            for row in rows
        ]
    return out

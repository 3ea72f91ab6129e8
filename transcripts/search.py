"""Full-text search over utterances: the query, its ranking, and safe highlighted snippets."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections, router
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


def read_connection():
    """The database page reads use (a replica when there are any, see archive/routers.py)."""
    from transcripts.models import Utterance

    return connections[router.db_for_read(Utterance)]


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
    with read_connection().cursor() as cursor:
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
    """Turns matching the query (through the GIN index); ranking is added only where needed."""
    return queryset.filter(search_vector=query.as_search_query())


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
    with read_connection().cursor() as cursor:
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
# Exact counts up to COUNT_CAP matches; beyond it the page says "10,000+". With more matches than
# that, relevance ranks the RANK_WINDOW most recent ones (ranking every match of a common word
# costs seconds at a million turns), and facets count the first FACET_SAMPLE matches.
COUNT_CAP = 10_000
RANK_WINDOW = 2_000
FACET_SAMPLE = 10_000
NEWEST = (F("event_date").desc(nulls_last=True), F("event_id").desc(), "sequence")
OLDEST = (F("event_date").asc(nulls_last=True), "event_id", "sequence")
SORTS = {"relevance": None, "newest": NEWEST, "oldest": OLDEST}
_ORDER_SQL = {
    "newest": "event_date DESC NULLS LAST, event_id DESC, sequence",
    "oldest": "event_date ASC NULLS LAST, event_id, sequence",
}
# name: the turn's column it counts
FACETS = {"speaker": "speaker_id", "year": "event_date", "publisher": "event__publisher_id", "role": "role"}


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
    count_capped: bool = False  # there are more than `count` matches
    ranked_window: int | None = None  # relevance ranked among this many most recent matches
    facets_sampled: int | None = None  # facet counts come from this many matches
    page_number: int = 1
    page_size: int = PAGE_SIZE
    facets: dict[str, list[dict]] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        reachable = min(self.count, self.ranked_window or self.count)
        return max(1, -(-reachable // self.page_size))

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
    matches = matching(filterset.qs, query) if query else filterset.qs
    found = matches.order_by()[: COUNT_CAP + 1].count()
    outcome.count, outcome.count_capped = min(found, COUNT_CAP), found > COUNT_CAP
    if outcome.sort == "relevance" and outcome.count_capped:
        outcome.ranked_window = RANK_WINDOW
    if page > outcome.pages:
        raise PageNotFound(page)
    ids = _page_ids(matches, query, outcome, (page - 1) * page_size, page_size)
    rows = {u.pk: u for u in Utterance.objects.for_listing().select_related("answers__speaker").filter(pk__in=ids)}
    snippets = headlines(ids, query) if query else {}
    outcome.results = [rows[pk] for pk in ids if pk in rows]
    for utterance in outcome.results:
        utterance.snippet = snippets.get(utterance.pk)
    if with_facets:
        outcome.facets, sampled = facet_counts(params, query)
        outcome.facets_sampled = sampled
    return outcome


def _page_ids(matches: QuerySet, query: TextQuery | None, outcome: SearchOutcome, start: int, size: int) -> list[int]:
    from transcripts.models import Utterance

    if outcome.sort == "relevance":
        candidates = matches
        if outcome.count_capped:
            # The most recent matches, by walking the date index: cheap however common the word.
            window = list(matches.order_by(*NEWEST).values_list("id", flat=True)[:RANK_WINDOW])
            candidates = Utterance.objects.filter(id__in=window)
        rank = SearchRank(F("search_vector"), query.as_search_query(), cover_density=True)
        ranked = candidates.annotate(rank=rank).order_by("-rank", *NEWEST)
        return list(ranked.values_list("id", flat=True)[start : start + size])
    if outcome.count_capped:
        return list(matches.order_by(*SORTS[outcome.sort]).values_list("id", flat=True)[start : start + size])
    # Few matches: collect them through the text index, then sort. (Left to itself the planner may
    # walk the date index and test every turn in the archive against a rare phrase.)
    inner, params = matches.order_by().values("id", "event_date", "event_id", "sequence").query.sql_with_params()
    statement = f"SELECT id FROM ({inner} OFFSET 0) AS found ORDER BY {_ORDER_SQL[outcome.sort]} LIMIT %s OFFSET %s"
    with read_connection().cursor() as cursor:
        cursor.execute(statement, [*params, size, start])
        return [row[0] for row in cursor.fetchall()]


def facet_counts(params: QueryDict, query: TextQuery | None) -> tuple[dict[str, list[dict]], int | None]:
    """Top 10 values of each facet, each counted under every filter except its own.

    One query fetches the facet columns of up to FACET_SAMPLE matching turns (under the filters
    that are not facets); the counting happens here. Returns the facets and, when the sample
    was cut at FACET_SAMPLE, its size.
    """
    from collections import Counter

    from transcripts.filters import UtteranceFilter
    from transcripts.models import Publisher, Speaker, Utterance

    others = params.copy()
    for name in FACETS:
        others.pop(name, None)
    qs = UtteranceFilter(others, queryset=Utterance.objects.all()).qs
    if query:
        qs = qs.filter(search_vector=query.as_search_query())
    rows = list(qs.order_by().values_list(*FACETS.values())[:FACET_SAMPLE])
    speakers = dict(Speaker.objects.filter(slug__in=params.getlist("speaker")).values_list("pk", "slug"))
    publisher_ids = set(Publisher.objects.filter(slug__in=params.getlist("publisher")).values_list("pk", flat=True))
    wanted = {
        "speaker": set(speakers),
        "year": {int(y) for y in params.getlist("year") if y.isdigit()},
        "publisher": publisher_ids,
        "role": set(params.getlist("role")),
    }
    keys = list(FACETS)

    def value(row, name):
        raw = row[keys.index(name)]
        return raw.year if name == "year" and raw is not None else raw

    counts = {name: Counter() for name in keys}
    for row in rows:
        passes = {name: not wanted[name] or value(row, name) in wanted[name] for name in keys}
        for name in keys:
            if all(ok for other, ok in passes.items() if other != name):
                v = value(row, name)
                if v is not None:
                    counts[name][v] += 1
    top = {name: counts[name].most_common(10) for name in keys}
    speaker_rows = Speaker.objects.filter(pk__in=[v for v, _ in top["speaker"]]).values_list("pk", "slug", "name")
    publisher_rows = Publisher.objects.filter(pk__in=[v for v, _ in top["publisher"]]).values_list("pk", "slug", "name")
    labels = {
        "speaker": {pk: (slug, name) for pk, slug, name in speaker_rows},
        "publisher": {pk: (slug, name) for pk, slug, name in publisher_rows},
    }
    selected = {name: set(params.getlist(name)) for name in keys}
    out = {}
    for name in keys:
        out[name] = []
        for v, n in top[name]:
            slug, label = labels[name].get(v, (v, v)) if name in labels else (v, v)
            out[name].append({"value": slug, "label": label, "count": n, "selected": str(slug) in selected[name]})
    return out, (len(rows) if len(rows) >= FACET_SAMPLE else None)

"""Full-text search over utterances: the query, its ranking, and safe highlighted snippets."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, QuerySet
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

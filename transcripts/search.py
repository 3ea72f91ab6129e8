"""Full-text search over utterances: the query, its ranking, and safe highlighted snippets."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher

from django.db import connections, router
from django.db.models import BooleanField, F, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.http import QueryDict
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from transcripts import champions, ranking, search_sql
from transcripts.filters import UtteranceFilter, date_range, field_values
from transcripts.params import whole_number
from transcripts.parsing.text import clean_text
from transcripts.query import EXACT_CONFIG, QUOTE_MARKS, TABLE, QueryError, TextQuery, build
from transcripts.search_config import all_search_configs, search_config_for
from transcripts.textindex import fold_chinese, has_han

# Private-use characters mark highlights inside ts_headline's output; the text is
# escaped first and only then are they turned into <mark> tags.
_START, _STOP = "\ue000", "\ue001"


def read_connection():
    """The database page reads use (a replica when there are any, see archive/routers.py)."""
    from transcripts.models import Utterance

    return connections[router.db_for_read(Utterance)]


def build_query(text: str, language: str | None = None) -> TextQuery | None:
    """A query for `text` (see transcripts/query.py for its language), or None when it is empty.
    Raises QueryError for unusable queries."""
    configs = [search_config_for(language)] if language else all_search_configs()
    return build(clean_text(text or ""), configs, read_connection(), restrict=not language)


def matching(
    queryset: QuerySet, query: TextQuery, any_word: bool = False, asked: bool = False, spoken: bool = True
) -> QuerySet:
    """Turns matching the query (through the GIN indexes); ranking is added only where needed.
    `any_word`: turns with any of the unquoted words; `asked`: answers count the words of their
    question too (both for ranking by relevance); without `spoken`, a word naming a speaker counts
    only where it is said (TextQuery.condition)."""
    sql, params = query.condition(any_word=any_word, asked=asked, spoken=spoken)
    return queryset.filter(RawSQL(sql, params, output_field=BooleanField()))


def rank_expression(query: TextQuery) -> RawSQL:
    return ranking.rank_expression(query)


def headlines(utterance_ids: list[int], query: TextQuery) -> dict[int, SafeString]:
    """Highlighted snippets for the given rows only (the page being shown)."""
    if not utterance_ids:
        return {}
    options = (
        f"StartSel={_START}, StopSel={_STOP}, MaxWords=45, MinWords=20, "
        'ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "'
    )
    words = query.positive("search_vector")
    phrases = query.positive("exact_vector")
    if phrases:
        # The phrase as written; the other words by their beginnings ("step" marks "stepped").
        config, tsquery, params = EXACT_CONFIG, phrases[0], list(phrases[1])
        prefixes = [t for c in query.clauses for leaf in c for t in [leaf.term] if not t.phrase and not t.negated]
        for term in prefixes:
            tsquery += " || to_tsquery('verbatim_exact', %s)"
            params.append(_prefix_query(term.text))
        config_sql = f"'{config}'::regconfig"
    else:
        config_sql, tsquery, params = "search_config::regconfig", words[0], list(words[1])
    chinese = query.chinese
    # The whole text crosses only where Chinese is cut in Python (a long answer is ~10,000 characters).
    whole = "text" if chinese else "NULL"
    sql = f"SELECT id, {whole}, ts_headline({config_sql}, text, ({tsquery}), %s) FROM {TABLE} WHERE id = ANY(%s)"
    with read_connection().cursor() as cursor:
        cursor.execute(sql, [*params, options, list(utterance_ids)])
        return {
            pk: chinese_snippet(text, chinese) if chinese and has_han(text) else highlight_safely(snippet)
            for pk, text, snippet in cursor.fetchall()
        }


def _prefix_query(word: str) -> str:
    letters = re.sub(r"[^\w]", "", word)
    return f"'{letters}':*" if letters else "''"


def chinese_snippet(text: str, wanted: list[str], width: int = 60) -> SafeString:
    """Up to two windows of the text around the Chinese words searched for, highlighted (the
    index holds two-character pieces, which PostgreSQL's headline cannot show)."""
    folded = fold_chinese(text)
    spans = []
    for word in sorted(set(wanted), key=len, reverse=True):
        # A quote typed without the text's punctuation is found (textindex.JUNCTION): marked across it.
        pattern = r"[\W_]{0,4}".join(re.escape(ch) for ch in word if not ch.isspace())
        spans += [(m.start(), m.end()) for m in re.finditer(pattern, folded)]
    spans = sorted(spans)
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    if not merged:
        return mark_safe(escape(text[: width * 2]))  # noqa: S308 - escaped
    windows, pieces_out = [], []
    for start, end in merged:
        if windows and start - width <= windows[-1][1]:
            windows[-1][1] = min(len(text), end + width)
        elif len(windows) < 2:
            windows.append([max(0, start - width), min(len(text), end + width)])
    for lo, hi in windows:
        out, cursor = [], lo
        for start, end in merged:
            if start >= lo and end <= hi:
                out += [escape(text[cursor:start]), "<mark>", escape(text[start:end]), "</mark>"]
                cursor = end
        out.append(escape(text[cursor:hi]))
        pieces_out.append(("… " if lo else "") + "".join(out) + (" …" if hi < len(text) else ""))
    return mark_safe(" ".join(pieces_out))  # noqa: S308 - built from escaped text and our own tags only


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
RANK_WINDOW = 1_000
# From this many words a query typed without quotes that a turn says word for word ranks that turn first.
VERBATIM_FIRST = 5
# Below the cap, from this many matches the lists of the words' strongest turns are tried first.
LISTS_FIRST_FROM = 1_000
FACET_SAMPLE = 10_000
NEWEST = (F("event_date").desc(nulls_last=True), F("event_id").desc(), "sequence")
OLDEST = (F("event_date").asc(nulls_last=True), "event_id", "sequence")
SORTS = {"relevance": None, "newest": NEWEST, "oldest": OLDEST}
_ORDER_SQL = {
    "newest": "event_date DESC NULLS LAST, event_id DESC, sequence",
    "oldest": "event_date ASC NULLS LAST, event_id, sequence",
}
# name: the turn's column it counts
FACETS = {"speaker": "speaker_id", "year": "event_date", "publisher": "event_id", "role": "role"}


# Years said in the words ("what has Lavrov said about Minsk since 2022"): dates, not words to find.
_YEAR = r"(1[89]\d\d|20\d\d)"
_YEARS_SAID = [
    (re.compile(rf"\b(?:between|from)\s+{_YEAR}\s*(?:and|to|-|–|—)\s*{_YEAR}\b", re.I), lambda a, b: (a, b)),
    (re.compile(rf"\b(?:since|from)\s+{_YEAR}\b", re.I), lambda a: (a, None)),
    (re.compile(rf"\bafter\s+{_YEAR}\b", re.I), lambda a: (a + 1, None)),
    (re.compile(rf"\bbefore\s+{_YEAR}\b", re.I), lambda a: (None, a - 1)),
    (re.compile(rf"\b(?:until|till)\s+{_YEAR}\b", re.I), lambda a: (None, a)),
    (re.compile(rf"\bin\s+{_YEAR}\b", re.I), lambda a: (a, a)),
    # Russian: «с 2014 по 2016 год», «с 2022 года», «после 2022 г.», «до 2020 года», «в 2019 году».
    (re.compile(rf"(?<!\w)с\s+{_YEAR}\s+по\s+{_YEAR}(?:\s*(?:год\w*|гг?\.))?", re.I), lambda a, b: (a, b)),
    (re.compile(rf"(?<!\w)с\s+{_YEAR}(?:\s*(?:год\w*|г\.))?", re.I), lambda a: (a, None)),
    (re.compile(rf"(?<!\w)после\s+{_YEAR}(?:\s*(?:год\w*|г\.))?", re.I), lambda a: (a + 1, None)),
    (re.compile(rf"(?<!\w)до\s+{_YEAR}(?:\s*(?:год\w*|г\.))?", re.I), lambda a: (None, a - 1)),
    (re.compile(rf"(?<!\w)в\s+{_YEAR}(?:\s*(?:год\w*|г\.))?", re.I), lambda a: (a, a)),
    # Chinese: 2014年至2016年, 自2022年以来 / 2022年以来 / 2022年起, 2020年以前, 在2019年.
    (re.compile(rf"{_YEAR}年?\s*(?:至|到|-|–|—)\s*{_YEAR}年(?:间|期间)?"), lambda a, b: (a, b)),
    (re.compile(rf"(?:自|从)?{_YEAR}年(?:以来|起|开始)"), lambda a: (a, None)),
    (re.compile(rf"{_YEAR}年(?:以前|之前|前)"), lambda a: (None, a - 1)),
    (re.compile(rf"在{_YEAR}年"), lambda a: (a, a)),
]


def years_said(params: QueryDict) -> tuple[QueryDict, str | None]:
    """The search with a period typed among the words ("since 2022", "in 2019", "before 2020",
    "between 2014 and 2016", outside quotes) taken out of the words and made its date filters
    (a date filter already given wins); the words read that way, or None."""
    text = params.get("q", "")
    pieces = re.split(r'("[^"]*"?)', text)  # quoted phrases (odd places) are left as typed
    for i in range(0, len(pieces), 2):
        for pattern, years in _YEARS_SAID:
            found = pattern.search(pieces[i])
            if found and _inside_a_sentence(text, pieces[i], found):
                continue  # "… just as we had no doubt in 2004 that we would …": a pasted sentence's words
            if found:
                start, end = years(*(int(y) for y in found.groups()))
                if start and end and start > end:
                    return params, None  # "from 2016 to 2014": not a period we can read
                params = params.copy()
                params["q"] = " ".join(
                    "".join(
                        pieces[:i] + [pieces[i][: found.start()] + " " + pieces[i][found.end() :]] + pieces[i + 1 :]
                    ).split()
                )
                if start and not params.get("date_from"):
                    params["date_from"] = f"{start}-01-01"
                if end and not params.get("date_to"):
                    params["date_to"] = f"{end}-12-31"
                return params, found.group(0)
    return params, None


def _inside_a_sentence(text: str, piece: str, found: re.Match) -> bool:
    """A period said in the middle of eight words or more, with two or more on each side: a sentence
    pasted to find where it was said, not a date to filter by ("Lavrov Minsk since 2022" is one).
    Chinese is counted as typed, a word for every two characters: "英国将在2020年航母服役后…"."""
    before, after = _length_in_words(piece[: found.start()]), _length_in_words(piece[found.end() :])
    return _length_in_words(text) >= 8 and before >= 2 and after >= 2


def search_criteria(params: QueryDict) -> tuple[object, TextQuery | None, str | None]:
    """What a search asks for: the bound filters, the words (None without any) and, when either
    is unusable, the message that says why. A period typed among the words is a date filter
    (`years_said`)."""
    return _criteria(years_said(params)[0])


def _criteria(params: QueryDict) -> tuple[object, TextQuery | None, str | None]:
    """`search_criteria` of a search whose typed period has already been read."""
    from transcripts.models import Utterance

    query, error = None, None
    try:
        query = build_query(params.get("q", ""), params.get("language") or None)
    except QueryError as err:
        error = str(err)
    filterset = UtteranceFilter(params, queryset=Utterance.objects.all(), words=bool(query))
    if not filterset.is_valid() and not error:
        error = "Some filters are not valid: " + "; ".join(
            f"{name}: {' '.join(errors)}" for name, errors in filterset.errors.items()
        )
    return filterset, query, error


def turns_matching(params: QueryDict) -> QuerySet:
    """Every turn a search matches, with all of its words (as the date-sorted page lists them),
    unordered: for saved searches' alerts. Raises QueryError when the search is unusable or
    asks for nothing."""
    filterset, query, error = search_criteria(params)
    if error:
        raise QueryError(error)
    if not query and not any(_set(params, name) for name in filterset.filters):
        raise QueryError("A saved search needs words or a filter.")
    return (matching(filterset.qs, query) if query else filterset.qs).order_by()


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
    any_word: bool = False  # matched on any of the words (ranked by relevance)
    suggestion: str | None = None  # "did you mean": a query like this one that has results
    some_words: bool = False  # listed by date, nothing has every word, but turns have some of them
    ranked_window: int | None = None  # past the cap, relevance ranked among this many matches…
    ranked_strongest: bool = False  # …where the words weigh most (else the most recent)…
    ranked_exactly: int = 0  # …of which this many first are proven the best of all matches
    ranked_alike: bool = False  # every match scores the same (quoted phrases alone): newest first
    facets_sampled: int | None = None  # facet counts come from this many matches…
    facets_drawn: bool = False  # …drawn at random from the archive's pages (else the first found)
    facets_estimated_from: int | None = None  # rows marked estimated: from this many sampled matches
    count_estimate: int | None = None  # past the cap, about this many matches (from that random sample)
    page_number: int = 1
    page_size: int = PAGE_SIZE
    facets: dict[str, list[dict]] = field(default_factory=dict)
    years_said: str | None = None  # words of the query read as a period ("since 2022")
    share: float | None = None  # the planner's estimate of the fraction of turns that match…
    archive_size: int = 0  # …of this many

    @property
    def pages(self) -> int:
        reachable = min(self.count, self.ranked_window or self.count)
        return max(1, -(-reachable // self.page_size))

    @property
    def page_ranked_exactly(self) -> bool:
        """Whether every turn of this page is proven among the best of all matches (past the cap)."""
        end = min(self.page_number * self.page_size, self.ranked_window or 0)
        return bool(self.ranked_window) and 0 < end <= self.ranked_exactly

    @property
    def has_next(self) -> bool:
        return self.page_number < self.pages

    @property
    def has_previous(self) -> bool:
        return self.page_number > 1


def _chosen(params: QueryDict, name: str) -> list[str]:
    """The values of the search filter `name` in `params`, as its form field reads them
    (filters.field_values)."""

    return field_values(UtteranceFilter.base_filters[name].field, params, name)[0]


def _set(params: QueryDict, name: str) -> bool:
    """Whether the filter `name` is set (see _chosen)."""
    return bool(_chosen(params, name))


def page_number(raw) -> int:
    number = whole_number("1" if raw is None else raw)
    if number is None:
        raise PageNotFound(str(raw))
    return number


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
    from transcripts.models import Utterance

    params, years = years_said(params)
    filterset, query, error = _criteria(params)
    text = params.get("q", "")
    outcome = SearchOutcome(params, filterset, text, query, "newest", False, page_number=page, page_size=page_size)
    outcome.years_said = years
    # The page asks for words or a filter first; the API (list_all) lists every turn without them.
    outcome.active = list_all or bool(query) or any(_set(params, name) for name in filterset.filters)
    outcome.error = error
    wanted = sort or params.get("sort")
    outcome.sort = wanted if wanted in SORTS and (wanted != "relevance" or query) else (
        "relevance" if query else "newest"
    )  # fmt: skip
    if not outcome.active or outcome.error:
        return outcome
    # Ranked by relevance, a turn needs only some of the words (the best have most of them);
    # listed by date, all of them.
    outcome.any_word = bool(query and outcome.sort == "relevance" and query.optional_words)
    # Ranked, an answer is also found by the words of the question it answers ("Afghanistan
    # withdrawal": the spokeswoman's answer to that question may name neither).
    relevance = outcome.sort == "relevance"
    # Quoted phrases alone: every match scores the same, so relevance is the date order, over every match.
    outcome.ranked_alike = relevance and ranking.alike(query)
    order = "newest" if outcome.ranked_alike else outcome.sort
    matches = matching(filterset.qs, query, any_word=outcome.any_word, asked=relevance) if query else filterset.qs
    # One statement for the count (up to the cap), the facets and, for a small result set, the page's
    # turns by date or every match for ranking (`_one_pass`).
    start = (page - 1) * page_size
    facets_from = None
    if with_facets:
        # Facets count each value under the other facets' filters: with one of them set, over the
        # matches of the search without them.
        filtered = any(_set(params, name) for name in FACETS)
        facets_from = _unfaceted(params, query, outcome.any_word, relevance) if filtered else matches
    # The planner's estimate of the share of turns that match, where the word statistics allow the
    # sequential road or (no facet filter set) a random sample.
    may_sample = facets_from is None or facets_from is matches
    sampled_from = _least_sampled_share()
    bound = query.share_at_most(outcome.any_word) if query else 0.0
    if bound >= (min(SEQUENTIAL_SHARE, sampled_from) if may_sample else SEQUENTIAL_SHARE):
        outcome.archive_size = _archive_size()
        outcome.share = _estimated_share(matches, outcome.archive_size)
        if may_sample and outcome.share < sampled_from and query.words_together(outcome.any_word):
            # Words that must go together (a phrase, or all of them): the planner multiplies their
            # frequencies as if they were independent ("United States": 0.29 % for 4.5 %).
            outcome.share = max(outcome.share, _probed_share(matches, outcome.archive_size))
    # Far more matches than the cap: counted and faceted in a random sample of the archive's turns.
    drawn = _sampled_pass(matches, facets_from, params, outcome)
    if drawn is not None:
        found, facets, sampled = [], drawn[1], drawn[2]
        outcome.count, outcome.count_capped = COUNT_CAP, True
        outcome.count_estimate, outcome.facets_drawn = drawn[0], True
    else:
        # A facet filter set on a search far past the cap without it: that search's facets (a chosen
        # facet's other values) from its matches in the standing sample, not from its first matches.
        unfaceted = _unfaceted_in_the_sample(facets_from, matches, query, outcome) if with_facets else None
        with _through_the_text_index(bool(query) and (outcome.share or 0.0) < SEQUENTIAL_SHARE):
            counted, found, facets, sampled, outcome.facets_estimated_from = _one_pass(
                matches, facets_from, params, order, start, page_size, unfaceted=unfaceted
            )
        outcome.count, outcome.count_capped = min(counted, COUNT_CAP), counted > COUNT_CAP
    if with_facets:
        outcome.facets, outcome.facets_sampled = facets, sampled
    if order == "relevance" and outcome.count_capped:
        outcome.ranked_window = RANK_WINDOW
    if page > outcome.pages:
        raise PageNotFound(page)
    all_words = matching(filterset.qs, query) if outcome.any_word else matches
    ids = _page_ids(matches, query, outcome, order, found, start, page_size, all_words)
    if page > outcome.pages:
        raise PageNotFound(page)  # past the turns ranked (known once they are)
    # Pages end where the count does: past the cap, the next turns by date exist but are not counted.
    ids = ids[: max(0, (outcome.ranked_window or outcome.count) - start)]
    # In the order of `ids`, not the model's (which joins the events to sort by their date).
    listed = Utterance.objects.for_listing().select_related("answers__speaker").filter(pk__in=ids).order_by()
    rows = {u.pk: u for u in listed}
    outcome.results = [rows[pk] for pk in ids if pk in rows]
    # The questions of the answers shown are highlighted in the same statement: an answer found by
    # its question's words shows that question, marked, instead of a snippet with no mark.
    asked = [u.answers_id for u in outcome.results if u.answers_id] if relevance else []
    snippets = headlines(ids + asked, query) if query else {}
    for utterance in outcome.results:
        utterance.snippet = snippets.get(utterance.pk)
        question = snippets.get(utterance.answers_id)
        marked = "<mark>" in str(utterance.snippet or "")
        utterance.asked_snippet = question if not marked and "<mark>" in str(question or "") else None
    if query and not outcome.count:
        outcome.suggestion = did_you_mean(query, filterset.qs)
        # By date every word is needed ("Minsk zebra"); ranked by relevance, some of them are enough.
        if outcome.sort != "relevance" and query.optional_words:
            outcome.some_words = matching(filterset.qs, query, any_word=True).exists()
    return outcome


# From this estimated share of the turns matching, the one pass may read the turns in order and test
# each: its first COUNT_CAP + 1 matches come from ~COUNT_CAP / share turns, where the index's bitmap
# first collects every match ("presid", 24.5 % of a million turns: 43 ms against 62; docs/scaling.md).
SEQUENTIAL_SHARE = 0.2


# A search whose matches are a large share of the archive is counted and faceted in a random sample:
# the turns' standing sample (every 64th, search_sql.SAMPLE) where it should hold SAMPLE_MATCHES to
# SAMPLE_MATCHES_MOST of them, its matches found through its own text indexes (the topic query at a
# million turns: 2,026 of 15,625 turns, 5 ms); else a random share of the table's pages
# (PostgreSQL's TABLESAMPLE SYSTEM, pages drawn the same way every time) holding SAMPLE_MATCHES
# matches at the share the planner expects, from SAMPLE_ROWS to SAMPLE_ROWS_MOST turns, each tested
# (19.5 ms for the same query). The count is then estimated ("about 260,000") and the facets count
# matches from across the archive, where the first 10,001 matches the one pass reads cost several
# times as much (they are 10,001 rows however common the words: "presid", a quarter of a million
# turns, ~17 ms against ~37-56) and come from wherever the table starts. An estimate under
# 2 × COUNT_CAP is not trusted: the one pass counts instead.
SAMPLE_MATCHES = 500
SAMPLE_MATCHES_MOST = 8_000
SAMPLE_ROWS = 12_000
SAMPLE_ROWS_MOST = 20_000
# Where the planner's estimate cannot be trusted, the share is counted in a smaller sample first.
PROBE_ROWS = 1_500


def _sampled_pass(
    matches: QuerySet, facets_from: QuerySet | None, params: QueryDict, outcome: SearchOutcome
) -> tuple[int, dict[str, list[dict]], int] | None:
    """(estimated matches, facets, matches in the sample) from a random sample of the archive's turns,
    for a search far past the cap (see SAMPLE_MATCHES); None where the one pass must count."""
    if not outcome.share or (facets_from is not None and facets_from is not matches) or matches.query.distinct:
        return None
    archive = outcome.archive_size
    if outcome.share < _least_sampled_share():
        return None
    columns = matches.order_by().values_list(*MATCH_COLUMNS)
    if SAMPLE_MATCHES <= outcome.share * archive / search_sql.SAMPLE_EVERY <= SAMPLE_MATCHES_MOST:
        # The turns' standing sample, its matches found through its own text indexes.
        fraction, rows, text = 1 / search_sql.SAMPLE_EVERY, _in_the_sample(columns), True
    else:
        fraction = min(max(SAMPLE_MATCHES / outcome.share, SAMPLE_ROWS), SAMPLE_ROWS_MOST) / max(archive, 1)
        if fraction > 0.5:
            return None
        rows, text = _drawn_from(columns, 100 * fraction), False
    if rows is None:
        return None
    with _through_the_text_index(text):
        held, _, facets, _, _ = _one_pass(matches, facets_from, params, "relevance", 0, 0, drawn=rows)
    estimate = held / fraction
    if estimate < 2 * COUNT_CAP:
        return None
    return _about(estimate), facets, held


# A chosen facet's other values (the search without its facet filters) are counted in the standing
# sample from this many expected matches there, where that search is past FACET_SAMPLE matches: the
# first FACET_SAMPLE of them cost a bitmap of every match and 10,000 rows read ("presid" with a year
# chosen, at a million turns: 70 of the statement's 99 ms), and are the table's first, not a random
# share. At 200 a value holding a tenth of them is within about ±21 % (one standard error), one
# holding a fiftieth ±50 %: the page says from how many sampled matches.
UNFACETED_SAMPLE_MATCHES = 200


def _unfaceted_in_the_sample(
    facets_from: QuerySet | None, matches: QuerySet, query: TextQuery | None, outcome: SearchOutcome
) -> tuple[str, list] | None:
    """The SQL and parameters of the matches in the standing sample of the search without its facet
    filters, where its facets are counted there (UNFACETED_SAMPLE_MATCHES); else None."""
    if facets_from is None or facets_from is matches or not query or facets_from.query.distinct:
        return None
    least = max(FACET_SAMPLE, UNFACETED_SAMPLE_MATCHES * search_sql.SAMPLE_EVERY)
    if query.share_at_most(outcome.any_word) * query.archive_turns < least:
        return None  # the word statistics already say it cannot be that common
    archive = outcome.archive_size or _archive_size()
    expected = _estimated_share(facets_from, archive) * archive
    if not least <= expected <= SAMPLE_MATCHES_MOST * search_sql.SAMPLE_EVERY:
        return None
    return _in_the_sample(facets_from.order_by().values_list(*MATCH_COLUMNS))


def _least_sampled_share() -> float:
    """The least share of the turns matching that a sample is drawn for (SAMPLE_MATCHES expected in
    SAMPLE_ROWS_MOST turns)."""
    return SAMPLE_MATCHES / SAMPLE_ROWS_MOST


def _probed_share(matches: QuerySet, archive: int) -> float:
    """The share of turns that match, counted in a random PROBE_ROWS turns' worth of pages (0 where the
    archive is too small for a sample to be worth it)."""
    fraction = PROBE_ROWS / max(archive, 1)
    rows = _drawn_from(matches.order_by().values_list("id"), 100 * fraction) if fraction <= 0.5 else None
    if rows is None:
        return 0.0
    with read_connection().cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM ({rows[0]}) AS s", rows[1])
        return cursor.fetchone()[0] / PROBE_ROWS


def _about(number: float) -> int:
    """`number` to two significant figures (256,118 -> 260,000)."""
    digits = max(0, len(str(int(number))) - 2)
    return int(round(number, -digits))


@contextmanager
def _through_the_text_index(text: bool):
    """With words to find, the statement inside reads the matches through the GIN indexes, not by
    testing turn after turn. The planner counts a `@@` test as one operator, whatever it costs to
    read the vector, so a sequential scan it picks for a common topic query ("North Korea
    denuclearization talks": 108,144 of a million turns) cost 320 ms where the index's bitmap,
    which needs no test, took 90 (docs/ranking.md "Session 9"; vectors were then out of line). It may
    still scan when nothing else can answer."""
    if not text:
        yield
        return
    with _planned_without("seqscan"):
        yield


@contextmanager
def _planned_without(*methods: str):
    """The statements inside planned without these scan methods ("seqscan", "bitmapscan")."""
    connection = read_connection()
    with connection.cursor() as cursor:
        cursor.execute(" ".join(f"SET enable_{method} = off;" for method in methods))
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(" ".join(f"RESET enable_{method};" for method in methods))


def _page_ids(
    matches, query, outcome: SearchOutcome, order: str, found: list[int], start: int, size: int, all_words=None
) -> list[int]:
    """The page's turns in `order` (a sort's name). `found`: below the cap, every match (ranked by
    relevance) or the page's turns already in date order (`_one_pass`)."""
    from transcripts.models import Utterance

    if order == "relevance":
        # A sentence pasted without quotes ("And so, the President has to be optimistic."): the turns
        # that say it word for word are ranked whatever their date, and from five words on they come
        # first (whoever pastes a sentence is looking for where it was said). Asked only where that
        # changes the page: below the cap every match is ranked anyway.
        def said_ids() -> list[int]:
            said = _said_verbatim(all_words if all_words is not None else matches, outcome.text, query)
            if said is None:
                return []
            return list(_by_date(said, outcome).order_by(*NEWEST).values_list("id", flat=True)[:RANK_WINDOW])

        first = _said_comes_first(outcome.text)
        if not outcome.count_capped:
            said = said_ids() if first else []
            if not said:
                proven = _proven_from_the_lists(matches, query, found, start + size)
                if proven is not None:
                    return proven[start : start + size]
            ranked = Utterance.objects.filter(_among(found)).annotate(rank=rank_expression(query))
            ranked = ranked.order_by("-rank", *NEWEST)
            if not said:
                return list(ranked.values_list("id", flat=True)[start : start + size])
            return _said_first(list(ranked.values_list("id", flat=True)), said)[start : start + size]
        return _rank_past_the_cap(matches, query, outcome, said_ids, all_words)[start : start + size]
    if not outcome.count_capped:
        return found
    return _first_by_date(matches, order, start, size, outcome)


def _rank_past_the_cap(
    matches, query, outcome: SearchOutcome, said_ids: Callable[[], list[int]], all_words
) -> list[int]:
    """Ranked, a search with more matches than can be scored: the turns where each of its words weighs
    most (transcripts/champions.py) and every turn of its rarer words; with any-word matching, every
    turn that has all the words (the most recent, if too many). The most recent matches too where
    the words cannot be read from lists, or not all of them, or with filters (a date range the
    strongest turns fall outside) unless the lists' turns that pass them prove the page. Sets how many
    were ranked and how many of the first are proven the best of all matches."""
    strongest = champions.candidates(query, matches, read_connection())
    window = list(strongest.ids) if strongest is not None else []
    together = False  # every turn with all the words is in the window
    if all_words is not None and all_words is not matches:
        if strongest is not None:
            # The turns with all the words, whatever their weights (they hold the whole query): every
            # one when there are not too many (as many as a speaker's turns when a word names one:
            # "Biden infrastructure" is said in 4,000-8,000 turns at a million), else the most recent.
            most = champions.read_whole_at_most(query)
            every = _every_word(all_words, query, outcome.filterset.qs, most + 1)
            together = len(every) <= most
            window += every if together else []
        if not together:
            window += list(_by_date(all_words, outcome).order_by(*NEWEST).values_list("id", flat=True)[:RANK_WINDOW])
    bound = strongest.bound_for(together) if strongest is not None else None
    # The turns that say the query word for word have every word: ranked already when all of those are.
    first = _said_comes_first(outcome.text)
    said = said_ids() if first or not together else []
    newest = []
    if strongest is None or not strongest.complete:
        newest = _first_by_date(matches, "newest", 0, RANK_WINDOW, outcome)
    # The lists' turns are any turns with the word: the search's filters and other words decide.
    ranked = _ranked(matches, query, said + window + newest)
    # Filters few of the lists' turns may pass (a date range): the most recent matches join them,
    # unless those that pass already prove the page (a single word's listed turns all do).
    filtered = any(_set(outcome.params, name) for name in outcome.filterset.filters)
    if filtered and not newest and _proven(ranked, bound) < outcome.page_number * outcome.page_size:
        newest = _first_by_date(matches, "newest", 0, RANK_WINDOW, outcome)
        ranked = _ranked(matches, query, said + window + newest)
    outcome.ranked_window = len(ranked)
    outcome.ranked_strongest = strongest is not None
    order = [pk for pk, _ in ranked]
    if first and said:
        return _said_first(order, said)
    outcome.ranked_exactly = _proven(ranked, bound)
    return order


def _every_word(all_words: QuerySet, query: TextQuery, turns: QuerySet, limit: int) -> list[int]:
    """Up to `limit` of the turns with every word (`all_words`, of `turns`). A word naming a speaker is
    met where it is said or in that speaker's turns: read as two index ANDs joined, not as one
    test of that OR, which PostgreSQL made turn by turn over the other words' matches ("Putin
    economy" at a million turns: 27,258 heap pages for "economy" tested, 61 ms, against 23)."""
    named = [clause for clause in query.clauses if any(leaf.speakers and not leaf.term.negated for leaf in clause)]
    speakers = {tuple(leaf.speakers) for clause in named for leaf in clause}
    if not named or any(len(clause) != 1 for clause in named) or len(speakers) != 1:
        return list(all_words.order_by().values_list("id", flat=True)[:limit])
    # Each name word alone in its clause, all naming the same speakers ("Geng Shuang"): every name word
    # said, or the speakers' turn.
    said = matching(turns, query, spoken=False)
    others = replace(query, clauses=[clause for clause in query.clauses if clause not in named])
    spoken = (matching(turns, others) if others.clauses else turns).filter(speaker_id__in=next(iter(speakers)))
    both = said.order_by().values_list("id", flat=True).union(spoken.order_by().values_list("id", flat=True))
    return list(both[:limit])


def _proven_from_the_lists(matches, query, found: list[int], wanted: int) -> list[int] | None:
    """Below the cap, the first `wanted` turns by relevance from the lists of the words' strongest
    turns (transcripts/champions.py), where the matches among them prove it: each scoring above what
    any turn left out can (strictly, so that no tie with one could come first by date). The same
    turns in the same order as scoring every match, which costs ~4 µs a match ("sanctions" about
    Russia at a million turns: 4,444 matches, 19 ms), against the few hundred listed ones. None
    where the lists cannot prove it (few matches, words without lists, phrases, too few listed turns
    among the matches): every match is scored then."""
    from transcripts.models import Utterance

    if len(found) < LISTS_FIRST_FROM:
        return None
    strongest = champions.candidates(query, matches, read_connection())
    if strongest is None or not strongest.complete or strongest.bound is None:
        return None
    among = set(found)
    window = [pk for pk in strongest.ids if pk in among]
    if len(window) < wanted:
        return None
    scored = Utterance.objects.filter(_among(window)).annotate(rank=rank_expression(query)).order_by("-rank", *NEWEST)
    ranked = list(scored.values_list("id", "rank")[:wanted])
    if len(ranked) < wanted or ranked[-1][1] <= strongest.bound:
        return None
    return [pk for pk, _ in ranked]


def _proven(ranked: list[tuple[int, float]], bound: float | None) -> int:
    """How many first turns of `ranked` score at least `bound` (no turn left out can): proven the best."""
    if bound is None:
        return 0
    return next((i for i, (_, rank) in enumerate(ranked) if rank < bound), len(ranked))


def _ranked(matches, query, window: list[int]) -> list[tuple[int, float]]:
    """The turns of `window` that are matches, scored and in order. Each is read by its id and tested
    there: the planner, counting a `@@` test as cheap and a heap page as dear, may otherwise AND the
    ids with the bitmap of every turn holding any of the words ("talk": 97,277 turns, 11 ms of the 37
    a topic query's 1,905 turns took, where reading them by id took 20)."""
    scored = matches.filter(_among(list(dict.fromkeys(window)))).annotate(rank=rank_expression(query))
    with _planned_without("seqscan", "bitmapscan"):
        return list(scored.order_by("-rank", *NEWEST).values_list("id", "rank"))


def _among(ids: list[int]) -> RawSQL:
    """The turns `ids`, as one array parameter, not a placeholder per id (`id__in`: 2,000 ids cost ~4 ms
    of Python to bind, 10,000 ids ~20 ms), written as the array's text: psycopg dumps a list of 2,000
    ints element by element (0.9 ms), the joined text at once (0.17)."""
    return RawSQL(f'"{TABLE}"."id" = ANY(%s::bigint[])', [_array_text(ids)], output_field=BooleanField())


def _array_text(ids: list[int]) -> str:
    """PostgreSQL's text of an array of whole numbers ("{1,2,3}")."""
    return "{" + ",".join(map(str, map(int, ids))) + "}"


def _said_first(order: list[int], said_ids: list[int]) -> list[int]:
    first = set(said_ids)
    return [pk for pk in order if pk in first] + [pk for pk in order if pk not in first]


def _said_verbatim(matches: QuerySet, text: str, query: TextQuery) -> QuerySet | None:
    """Turns with these words in this order, for a query of three or more words without quotes or
    excluded words ("or" is a word here); None otherwise."""
    words = text.split()
    if _length_in_words(text) < 3 or '"' in text.translate(QUOTE_MARKS):
        return None
    if any(len(w) > 1 and w.startswith("-") for w in words) or not (query.words or has_han(text)):
        return None
    try:
        # In the query's own configurations (those of the languages the archive holds, looked up
        # once for the page).
        phrase = build(clean_text(f'"{text}"'), query.configs, read_connection(), restrict=False)
    except QueryError:
        return None
    return matching(matches, phrase) if phrase is not None else None


def _said_comes_first(text: str) -> bool:
    """Whether the turns saying `text` word for word come before the rest (from VERBATIM_FIRST words)."""
    return _length_in_words(text) >= VERBATIM_FIRST


def _length_in_words(text: str) -> int:
    """Words typed, a run of Chinese counting a word for every two characters."""
    return sum(max(1, len(run) // 2) if has_han(run) else 1 for run in re.findall(r"\w+", text))


def did_you_mean(query: TextQuery, turns: QuerySet) -> str | None:
    """The query with each word no turn holds replaced by the archive's most similar word
    (trigram similarity over its vocabulary, the commoner first), if that query finds something."""
    text, changed = query.text, False
    with read_connection().cursor() as cursor:
        for leaf in query.words:
            word = leaf.term.text
            if leaf.turns or has_han(word) or not re.fullmatch(r"[^\W\d_][\w'’-]*", word):
                continue
            # Candidates through the trigram index; then the closest spelling (trigram similarity
            # favours short words: "sanc" over "sanction" for "sanctons"), the commoner on a tie.
            cursor.execute("SET pg_trgm.similarity_threshold = 0.2")
            cursor.execute(
                "SELECT lexeme, turns FROM transcripts_lexeme WHERE kind = 's' AND turns > 0 AND lexeme %% %s "
                "ORDER BY similarity(lexeme, %s) DESC, turns DESC LIMIT 30",
                [word.lower(), word.lower()],
            )
            candidates = cursor.fetchall()
            cursor.execute("RESET pg_trgm.similarity_threshold")
            scored = [(SequenceMatcher(None, word.lower(), x).ratio(), turns, x) for x, turns in candidates]
            best = max(scored, default=None)
            if best and best[0] >= 0.6:
                text = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", _surface_form(cursor, best[2], word), text)
                changed = True
    if not changed:
        return None
    try:
        suggested = build_query(text, None)
    except QueryError:
        return None
    if not suggested:
        return None
    # Through the words' index: asked for one row, the planner may walk a filter's index instead, and
    # test every turn of a language or a kind of event for the words (77 ms for "sanction" in Chinese).
    with _planned_without("seqscan", "indexscan"):
        return text if matching(turns, suggested, any_word=True).exists() else None


def _surface_form(cursor, lexeme: str, typed: str) -> str:
    """A word as turns print it, for a stem ("ukrain" → "Ukraine"): of the forms in up to 200
    turns, the closest to what was typed, the commoner on a tie."""
    cursor.execute(
        "SELECT form, count(*) FROM (SELECT (regexp_matches(text, %s))[1] AS form FROM "
        f"(SELECT text FROM {TABLE} WHERE search_vector @@ to_tsquery('simple', %s) LIMIT 200) AS t) AS f "
        "GROUP BY form",
        ["(?i)\\m(" + re.escape(lexeme) + "\\w*)", "'" + lexeme.replace("'", "''").replace("\\", "\\\\") + "'"],
    )
    forms = cursor.fetchall()
    if not forms:
        return lexeme
    return max(forms, key=lambda row: (SequenceMatcher(None, typed.lower(), row[0].lower()).ratio(), row[1]))[0]


# What the one pass reads of each match: all in the covering index `utterance_match` (models.py).
MATCH_COLUMNS = ("id", "event_date", "event_id", "sequence", "speaker_id", "role", "event_publisher_id")


def _first_by_date(matches, sort: str, start: int, size: int, outcome: SearchOutcome) -> list[int]:
    """Ids `start`…`start + size` in date order of a large match set, by the cheaper of two roads.

    Walking the date index and testing each turn costs about (start + size) / share turns;
    collecting every match through the text index and sorting costs about share × archive. The
    share is the planner's estimate, but at least what the capped count already proved.
    """
    archive = outcome.archive_size or _archive_size()
    estimate = outcome.share if outcome.share is not None else _estimated_share(matches, archive)
    share = max(estimate, (COUNT_CAP + 1) / archive)
    if (start + size) / share < share * archive:
        ordered = _by_date(matches, outcome).order_by(*SORTS[sort]).values_list("id", flat=True)
        return list(ordered[start : start + size])
    walked = _walk_by_date(matches, sort, start, size, outcome)
    if walked is not None:
        return walked
    inner, params = matches.order_by().values("id", "event_date", "event_id", "sequence").query.sql_with_params()
    statement = f"SELECT id FROM ({inner} OFFSET 0) AS found ORDER BY {_ORDER_SQL[sort]} LIMIT %s OFFSET %s"
    with read_connection().cursor() as cursor:
        cursor.execute(statement, [*params, size, start])
        return [row[0] for row in cursor.fetchall()]


WALK_BUDGET = 200_000


def _walk_by_date(matches, sort: str, start: int, size: int, outcome: SearchOutcome) -> list[int] | None:
    """The turns in date order, each tested against the search as it comes, stopping at `start + size`
    matches or WALK_BUDGET turns (None then: too few matches among them to know).

    The planner, misjudging how common a phrase is ("United States": 45,726 of a million turns), would
    rather collect every match and sort them (480 ms); in date order the 1,000 newest are found
    among the newest 23,441 turns (39 ms). The turns are read inside the date filters, so a date range
    in the past starts where it ends, not at today.
    """
    if matches.query.distinct:
        return None  # a filter that may repeat a turn (DISTINCT): ORDER BY must then be selected too
    start_date, end_date = date_range(outcome.filterset)
    bounds, bound_params = [], []
    if start_date:
        bounds.append("event_date >= %s")
        bound_params.append(start_date)
    if end_date:
        bounds.append("event_date <= %s")
        bound_params.append(end_date)
    where = f"WHERE {' AND '.join(bounds)} " if bounds else ""
    walk = f'(SELECT * FROM "{TABLE}" {where}ORDER BY {_ORDER_SQL[sort]} LIMIT %s) AS "{TABLE}"'
    outer, params = matches.order_by().values("id").query.sql_with_params()
    if not _turns_first(outer):
        return None  # not the shape expected: take the other road
    statement = outer.replace(_FROM_TURNS, f"FROM {walk}", 1) + f" ORDER BY {_ORDER_SQL[sort]} LIMIT %s OFFSET %s"
    with read_connection().cursor() as cursor:
        cursor.execute(statement, [*bound_params, WALK_BUDGET, *params, size, start])
        ids = [row[0] for row in cursor.fetchall()]
    return ids if len(ids) == size else None


def _by_date(rows: QuerySet, outcome: SearchOutcome) -> QuerySet:
    """`rows`, to be read in date order. A range of whole years asked by year in the words' index
    (filters.UtteranceFilter) gets its dates back, so that the date index is read from where the range
    ends, not from today's turns down."""
    if outcome.filterset.years_asked is None:
        return rows
    start_date, end_date = date_range(outcome.filterset)
    bounds = Q(event_date__gte=start_date) if start_date else Q()
    return rows.filter(bounds & Q(event_date__lte=end_date) if end_date else bounds)


def _drawn_from(rows: QuerySet, percent: float) -> tuple[str, list] | None:
    """The SQL of `rows` read from a random `percent` of the turns table's pages, the same pages every
    time while the table keeps its size (REPEATABLE); None for SQL not of the expected shape."""
    return _read_from(rows, f"{_FROM_TURNS} TABLESAMPLE SYSTEM (%s) REPEATABLE (0)", [percent])


def _in_the_sample(rows: QuerySet) -> tuple[str, list] | None:
    """The SQL of `rows` read from the turns' standing sample (search_sql.SAMPLE) instead of the
    table; None for SQL not of the expected shape."""
    return _read_from(rows, f'FROM "{search_sql.SAMPLE_TABLE}" AS "{TABLE}"', [])


def _read_from(rows: QuerySet, source: str, source_params: list) -> tuple[str, list] | None:
    inner, params = rows.query.sql_with_params()
    if not _turns_first(inner):
        return None
    return inner.replace(_FROM_TURNS, source, 1), [*source_params, *params]


_FROM_TURNS = f'FROM "{TABLE}"'


def _turns_first(sql: str) -> bool:
    """Whether the first FROM of `sql` (Django's, for a queryset of turns) is the turns table, so that
    it can be read another way (in date order, or sampled) by rewriting that FROM."""
    return _FROM_TURNS in sql and " FROM " not in sql[: sql.index(_FROM_TURNS)]


def _archive_size() -> int:
    with read_connection().cursor() as cursor:
        cursor.execute(
            "SELECT greatest(reltuples, 1)::bigint FROM pg_class WHERE oid = 'transcripts_utterance'::regclass"
        )
        return cursor.fetchone()[0]


def _estimated_share(matches: QuerySet, archive: int) -> float:
    """The planner's estimate of the fraction of turns that match (no rows are read)."""
    inner, params = matches.order_by().values("id").query.sql_with_params()
    with read_connection().cursor() as cursor:
        cursor.execute("EXPLAIN (FORMAT JSON) " + inner, params)
        plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return plan[0]["Plan"]["Plan Rows"] / max(archive, 1)


def _unfaceted(params: QueryDict, query: TextQuery | None, any_word: bool, asked: bool) -> QuerySet:
    """The matches of the search without its facet filters (`any_word`, `asked`: as `matching`)."""
    from transcripts.models import Utterance

    others = params.copy()
    for name in FACETS:
        others.pop(name, None)
    qs = UtteranceFilter(others, queryset=Utterance.objects.all(), words=bool(query)).qs
    return matching(qs, query, any_word=any_word, asked=asked) if query else qs


# Each facet in the sample of `_one_pass`: the column its rows are counted by, the filter a chosen
# value puts on a row (the parameter: the values chosen), and the table of its labels.
_FACET_SQL = {
    "speaker": ("speaker_id", "speaker_id IN (SELECT id FROM transcripts_speaker WHERE slug = ANY(%s))",
                "transcripts_speaker"),
    "year": ("year", "year = ANY(%s)", None),
    "publisher": ("event_publisher_id",
                  "event_publisher_id IN (SELECT id FROM transcripts_publisher WHERE slug = ANY(%s))",
                  "transcripts_publisher"),
    "role": ("role", "role = ANY(%s)", None),
}  # fmt: skip


def _one_pass(
    matches: QuerySet,
    facets_from: QuerySet | None,
    params: QueryDict,
    sort: str,
    start: int,
    size: int,
    drawn: tuple[str, list] | None = None,
    unfaceted: tuple[str, list] | None = None,
) -> tuple[int, list[int], dict[str, list[dict]], int | None, int | None]:
    """One statement over the matches, up to COUNT_CAP + 1 of them: how many; by relevance every one's
    id, by date the ids of the page `start`…`start + size` in order; and the top 10 values of each
    facet, each counted under every facet filter except its own: a facet with no filter set counts
    the first FACET_SAMPLE matches, one with its filter set the first FACET_SAMPLE turns of
    `facets_from` (the search without its facet filters); with the samples' size when one was cut
    there. With `drawn` (the SQL and parameters of the matches in a random sample of the archive's
    turns: `_sampled_pass`, no facet filter set), every one of those instead. With `unfaceted` (the
    search without its facet filters in the standing sample: `_unfaceted_in_the_sample`), a facet
    whose filter is set counts every one of those, its counts estimated (× the sample's share); and
    how many sampled matches those estimates come from.

    The database counts, sorts and labels: nothing but the answer crosses to Python, where 10,001 rows
    used to (a common word: 10 ms of Python tallying and 10–25 ms looking up the publishers of their
    events)."""
    if drawn is None:
        inner, args = matches.order_by().values_list(*MATCH_COLUMNS)[: COUNT_CAP + 1].query.sql_with_params()
    else:
        inner, args = drawn
    limit = f" LIMIT {FACET_SAMPLE}" if drawn is None else ""
    ctes, args = [f"found AS MATERIALIZED ({inner})"], list(args)
    chosen = {}
    if facets_from is not None:
        chosen = {
            name: [y for y in (whole_number(v, maximum=9999) for v in _chosen(params, name)) if y]
            if name == "year" else _chosen(params, name)
            for name in FACETS
        }  # fmt: skip
    samples = {"found": "sample"}
    if facets_from is not None and facets_from is not matches:
        # A facet filter set: the search without its facet filters, for the facets it is set on…
        if unfaceted is None:
            base, base_args = facets_from.order_by().values_list(*MATCH_COLUMNS)[:FACET_SAMPLE].query.sql_with_params()
        else:
            base, base_args = unfaceted
        samples["unfaceted"] = "sample_unfaceted"
        # …whose turns that pass the filters are the matches, when it holds every one of its own (fewer
        # than FACET_SAMPLE): read from there, not found again ("security" about NATO, answers only:
        # the same 3,515 pages were read twice, 12 of 26 ms).
        whole_read = drawn is None and unfaceted is None
        tests = [test for name, (_, test, _) in _FACET_SQL.items() if chosen[name]] if whole_read else []
        ctes = [f"unfaceted AS MATERIALIZED ({base})"]
        if tests:
            whole = f"(SELECT count(*) FROM unfaceted) < {FACET_SAMPLE}"
            passing = "SELECT *, extract(year FROM event_date)::int AS year FROM unfaceted"
            ctes.append(
                f"found AS MATERIALIZED (SELECT {', '.join(MATCH_COLUMNS)} FROM ({passing}) AS u "
                f"WHERE {whole} AND {' AND '.join(tests)} UNION ALL SELECT * FROM ({inner}) AS f WHERE NOT {whole})"
            )
            args = [*base_args, *(chosen[name] for name in _FACET_SQL if chosen[name]), *args]
        else:
            ctes.append(f"found AS MATERIALIZED ({inner})")
            args = [*base_args, *args]
    if drawn is not None:
        ids = "NULL"  # a sample's turns are counted, not listed
    elif sort == "relevance":
        ids = "ARRAY(SELECT id FROM found)"
    else:
        ids = f"ARRAY(SELECT id FROM found ORDER BY {_ORDER_SQL[sort]} LIMIT {int(size)} OFFSET {int(start)})"
    selects, select_args = ["(SELECT count(*) FROM found)", ids], []
    if facets_from is not None:
        # A facet no filter is set on counts the matches themselves; one whose filter is set counts
        # the matches of the search without its facet filters, under the other facets' filters.
        for source, sample in samples.items():
            cut = "" if source == "unfaceted" and unfaceted is not None else limit
            ctes.append(
                f"{sample} AS (SELECT speaker_id, extract(year FROM event_date)::int AS year, event_publisher_id, role "
                f"FROM (SELECT * FROM {source}{cut}) AS s)"
            )
        # The facets that count the matches themselves, in one pass over them (GROUPING SETS: one
        # row a value of each, `g` telling which facet it counts) rather than one pass a facet: 2.3 of
        # the 7.5 ms the facets took of "security" in 2010-2015 at a million turns.
        alike = [name for name in _FACET_SQL if not (chosen[name] and "unfaceted" in samples)]
        if len(alike) > 1:
            columns = ", ".join(_FACET_SQL[name][0] for name in alike)
            sets = ", ".join(f"({_FACET_SQL[name][0]})" for name in alike)
            ctes.append(
                f"counted AS MATERIALIZED (SELECT {columns}, grouping({columns}) AS g, count(*) AS n "
                f"FROM sample GROUP BY GROUPING SETS ({sets}))"
            )
        for name, (column, _, labels) in _FACET_SQL.items():
            where, sample = [f"{column} IS NOT NULL"], "sample"
            if chosen[name] and "unfaceted" in samples:
                sample = "sample_unfaceted"
                for other, (_, test, _) in _FACET_SQL.items():
                    if other != name and chosen[other]:
                        where.append(test)
                        select_args.append(chosen[other])
            if name in alike and len(alike) > 1:
                # grouping() sets a bit for each column a row is not grouped by, the first one highest.
                grouped = (1 << len(alike)) - 1 - (1 << (len(alike) - 1 - alike.index(name)))
                counts = f"SELECT {column} AS v, n FROM counted WHERE g = {grouped} AND {where[0]}"
            else:
                counts = f"SELECT {column} AS v, count(*) AS n FROM {sample} WHERE {' AND '.join(where)} GROUP BY 1"
            label = "json_build_array(l.slug, l.name, t.n)" if labels else "json_build_array(t.v, t.v, t.n)"
            joined = f" LEFT JOIN {labels} AS l ON l.id = t.v" if labels else ""
            selects.append(
                f"(SELECT coalesce(json_agg({label} ORDER BY t.n DESC, t.v), '[]') FROM ("
                f"{counts} ORDER BY 2 DESC, 1 LIMIT 10) AS t{joined})"
            )
        selects += [f"(SELECT count(*) FROM (SELECT 1 FROM {source}{limit}) AS s)" for source in samples]
    estimated = unfaceted is not None and "unfaceted" in samples
    exact_names = [name for name in FACETS if estimated and chosen[name]]
    for name in exact_names:
        # A chosen value of an estimated facet is counted exactly, among the matches: the page's own
        # turns ("Sergey Lavrov 6", where the sample may hold none of his).
        column, _, labels = _FACET_SQL[name]
        value = "l.slug" if labels else "t.v"
        joined = f" LEFT JOIN {labels} AS l ON l.id = t.v" if labels else ""
        selects.append(
            f"(SELECT coalesce(json_agg(json_build_array({value}, t.n)), '[]') FROM ("
            f"SELECT {column} AS v, count(*) AS n FROM sample GROUP BY 1) AS t{joined})"
        )
    statement = f"WITH {', '.join(ctes)} SELECT {', '.join(selects)}"
    with read_connection().cursor() as cursor:
        cursor.execute(statement, [*args, *select_args])
        row = cursor.fetchone()
    counted, found = row[0], list(row[1] or [])
    if facets_from is None:
        return counted, found, {}, None, None
    facets = {}
    tallies = len(samples)
    exact = {
        name: {str(v): n for v, n in (json.loads(rows) if isinstance(rows, str) else rows)}
        for name, rows in zip(exact_names, row[2 + len(FACETS) + tallies :], strict=True)
    }
    for name, rows in zip(FACETS, row[2 : 2 + len(FACETS)], strict=True):
        rows = json.loads(rows) if isinstance(rows, str) else rows
        wanted = {str(v) for v in chosen[name]}
        facets[name] = []
        for value, label, n in rows:
            selected = str(value) in wanted
            # Counted in the standing sample (× its share), but a chosen value among every match.
            scaled = name in exact and not (selected and counted <= min(COUNT_CAP, FACET_SAMPLE))
            if name in exact and not scaled:
                n = exact[name].get(str(value), 0)
            elif scaled:
                n = _about(n * search_sql.SAMPLE_EVERY)
            facets[name].append({"value": value, "label": label, "count": n, "selected": selected, "estimated": scaled})
    # How many turns the facets counted (the estimated ones apart: their rows say so).
    sampled = row[2 + len(FACETS)] if estimated else max(row[2 + len(FACETS) : 2 + len(FACETS) + tallies])
    estimated_from = row[2 + len(FACETS) + 1] if estimated else None
    return counted, found, facets, (sampled if sampled >= FACET_SAMPLE or drawn is not None else None), estimated_from

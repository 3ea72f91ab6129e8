"""Pages: search with filters, highlighting that is safe, permalinks, citations, query counts."""

from __future__ import annotations

import gc
import re

import pytest
from django.db import connection

from transcripts.ingest import ingest_bytes
from transcripts.models import Utterance

pytestmark = pytest.mark.django_db


def marks(html: str) -> list[str]:
    return re.findall(r"<mark>(.*?)</mark>", html)


def test_home_and_lists_render(client, seed_event):
    for url in ["/", "/events/", "/speakers/", "/entities/", seed_event.get_absolute_url(), "/speakers/sergey-lavrov/"]:
        assert client.get(url).status_code == 200, url
    assert "Sergey Lavrov" in client.get("/").content.decode()


def test_a_result_prints_its_transcripts_date_as_djangos_date_filter_does(client, seed_event):
    # The event line's date is formatted once per day and language (verbatim.long_date), the same
    # words as `date:"j F Y"` in each language, and the machine-readable date beside it.
    import datetime

    from django.template.defaultfilters import date as date_filter
    from django.utils import translation

    from transcripts.templatetags.verbatim import long_date

    html = client.get("/search/", {"q": "Europe"}).content.decode()
    day = seed_event.date
    assert f'<time datetime="{day:%Y-%m-%d}">{date_filter(day, "j F Y")}</time>' in html
    for language in ("en", "de", "ru", "en"):
        with translation.override(language):
            for n in range(0, 400, 37):
                other = datetime.date(2019, 1, 1) + datetime.timedelta(days=n)
                assert long_date(other) == date_filter(other, "j F Y"), (language, other)
    assert long_date(None) == ""


def test_transcript_page_shows_every_turn_with_anchor(client, seed_event):
    html = client.get(seed_event.get_absolute_url()).content.decode()
    assert all(f'id="u{n}"' in html for n in range(1, 10))
    assert html.count('class="turn role-question') == 4


def test_phrase_search_filtered_by_speaker_highlights_the_phrase(client, seed_event):
    html = client.get("/search/", {"q": '"Minsk agreements"', "speaker": "sergey-lavrov"}).content.decode()
    assert marks(html)[:2] == ["Minsk", "agreements"]
    assert "1 turn match" in html


def test_accent_free_query_finds_accented_text(client, seed_event):
    html = client.get("/search/", {"q": "Turkiye"}).content.decode()
    assert "Türkiye" in marks(html)


def test_stop_words_only_query_says_so(client, seed_event):
    html = client.get("/search/", {"q": "the and of"}).content.decode()
    assert "only very common words" in html
    assert "<mark>" not in html


def test_no_match_suggests_removing_filters(client, seed_event):
    html = client.get("/search/", {"q": "zeppelin"}).content.decode()
    assert "Nothing matches" in html


def test_phrase_ranks_above_scattered_words(client, seed_event):
    event = seed_event
    Utterance.objects.create(
        event=event, sequence=50, role="remark", text="Security matters. Much later, the conference on other things."
    )
    html = client.get("/search/", {"q": "security conference"}).content.decode()
    first = html.index("Following up on")
    assert first < html.index("Much later")


def test_date_filter_excludes_other_years(client, seed_event):
    dated = {"q": "Abu Dhabi", "date_from": "2025-01-01", "sort": "newest"}
    assert "2 turns" in client.get("/search/", dated).content.decode()
    html = client.get("/search/", {"q": "Abu Dhabi", "date_to": "2020-01-01"}).content.decode()
    assert "Nothing matches" in html


@pytest.mark.parametrize(
    "params", [{"q": "x", "date_from": "not-a-date"}, {"speaker": "nobody"}, {"q": "x", "role": "villain"}]
)
def test_invalid_filters_give_a_form_error_not_a_500(client, seed_event, params):
    response = client.get("/search/", params)
    assert response.status_code == 200 and "not valid" in response.content.decode()


@pytest.mark.parametrize("page", ["-1", "0", "abc", "99999999999", "9999"])
def test_bad_page_numbers_are_404(client, seed_event, page):
    assert client.get("/search/", {"q": "Minsk", "page": page}).status_code == 404


def test_script_in_transcript_and_query_is_shown_as_text(client, db):
    hostile = (
        b"Evil <script>alert(1)</script> talk\n\nQuestion: What about <img src=x onerror=alert(2)>?\n\n"
        b"John Smith: The <b>answer</b> is no.\n"
    )
    result = ingest_bytes(hostile, "evil.txt")
    assert result.ok
    html = client.get("/search/", {"q": "onerror answer <script>"}).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html or "&lt;script&gt;" in html
    page = client.get(result.event.get_absolute_url()).content.decode()
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(2)&gt;" in page


def test_permalink_shows_quote_context_and_citations(client, seed_event):
    response = client.get(f"/u/{seed_event.slug}/3/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Regarding the Ukraine crisis" in html
    assert "@misc{" in html and "author = {Sergey Lavrov}" in html
    assert "&quot;issued&quot;: {" in html and "2025" in html
    assert "Did you discuss Trump" in html  # the question it answers


def test_permalink_is_stable_across_identical_reingest(client, seed_event, seed_bytes):
    before = client.get(f"/u/{seed_event.slug}/5/").content
    ingest_bytes(seed_bytes, "again.txt")
    assert client.get(f"/u/{seed_event.slug}/5/").content == before


def test_search_query_count_does_not_grow_with_results(client, seed_event):
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get("/search/", {"q": "Europe"})
    more = seed_event.utterances.get(sequence=3)
    for n in range(40):
        Utterance.objects.create(
            event=seed_event,
            sequence=100 + n,
            role="answer",
            text=more.text,
            speaker=more.speaker,
            answers=more.answers,
        )
    with CaptureQueriesContext(connection) as many:
        html = client.get("/search/", {"q": "Europe"}).content.decode()
    assert "Page 1 of 3" in html
    assert len(many) == len(few) <= 12


def test_a_page_of_results_leaves_what_only_the_search_reads_in_the_database(client, seed_event):
    # The turns listed (and the questions they answer) come without their search vectors and index
    # text: a Chinese turn's vector is ~3 KB, sent and parsed for nothing. Nothing on the page asks
    # for them afterwards (one query per deferred field and turn would show in the count).
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        html = client.get("/search/", {"q": "Europe"}).content.decode()
    listed = [q["sql"] for q in queries if '"transcripts_event"."title"' in q["sql"]]
    assert len(listed) == 1 and "In answer to" in html
    for column in ("search_vector", "exact_vector", "context_vector", "index_text"):
        assert column not in listed[0]
    # A deferred field read later is fetched by itself, the turn's id beside it.
    loaded_later = re.compile(r'SELECT "transcripts_utterance"\."id", "transcripts_utterance"\."\w+" FROM')
    assert not any(loaded_later.search(q["sql"]) for q in queries)


def test_a_search_of_five_words_or_more_looks_up_names_and_languages_once(client, seed_event):
    # Such a query also asks for the turns that say it word for word (they come first), as a quoted
    # phrase built in the query's own languages: the names and languages lookup is not run again.
    # Three or four words below the cap do not ask: every match is ranked anyway.
    from django.test.utils import CaptureQueriesContext

    def statements(q: str) -> tuple[int, int]:
        with CaptureQueriesContext(connection) as queries:
            client.get("/search/", {"q": q})
        lookups = [x for x in queries if "The distinct languages" in x["sql"]]
        phrases = [x for x in queries if "phraseto_tsquery('verbatim_exact'" in x["sql"]]
        return len(lookups), len(phrases)

    assert statements("new sanctions against Russia announced") == (1, 1)
    assert statements("sanctions against Russia") == (1, 0)


def test_transcript_page_query_count_is_constant(client, django_assert_max_num_queries, seed_event):
    # The event, its page boundaries, the page's turns, their mentions, the entities, the speakers.
    with django_assert_max_num_queries(6):
        client.get(seed_event.get_absolute_url())


def test_a_long_transcript_is_read_in_parts_and_every_turn_is_reachable(client, django_assert_max_num_queries):
    from transcripts.views import TRANSCRIPT_PAGE_TURNS

    count = TRANSCRIPT_PAGE_TURNS * 2 + 7
    text = "\n\n".join(f"SPEAKER {'AB'[n % 2]}: Turn number {n} says something." for n in range(1, count + 1))
    result = ingest_bytes(("Long conference\n\n" + text).encode(), "long.txt")
    assert result.status == "created" and result.event.utterances.count() == count
    url = result.event.get_absolute_url()
    seen = []
    for number in (1, 2, 3):
        with django_assert_max_num_queries(6):
            response = client.get(url, {"page": number})
        assert response.status_code == 200
        seen += [int(n) for n in re.findall(rb'id="u(\d+)"', response.content)]
    assert seen == list(range(1, count + 1))
    assert client.get(url, {"page": 4}).status_code == 404
    # The permalink of a turn on the third page links to that page.
    permalink = client.get(f"/u/{result.event.slug}/{count}/")
    assert f"{url}?page=3#u{count}".encode() in permalink.content


def test_the_share_preview_of_a_huge_turn_is_short(client):
    words = " ".join(f"word{n}" for n in range(20_000))
    result = ingest_bytes(f"One long statement\n\nPRESIDENT SMITH: {words}".encode(), "huge.txt")
    assert result.status == "created", result.message
    response = client.get(f"/u/{result.event.slug}/1/")
    description = re.search(rb'property="og:description" content="([^"]*)"', response.content).group(1).decode()
    assert 100 < len(description) <= 300


def _filler_turns(event) -> None:
    """30,000 turns about weather and trains, indexed and analysed as after an ingest."""
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO transcripts_utterance "
            "(event_id, sequence, label, affiliation, role, note, text, search_config) "
            "SELECT %s, 1000 + n, '', '', 'remark', '', 'Filler paragraph ' || n || ' about weather and trains.', "
            "'verbatim_english' FROM generate_series(1, 30000) AS n",
            [event.pk],
        )
        # Fresh rows wait in the GIN pending list until vacuum; the planner prices that list in, so
        # flush it as `ingest` does after a batch, then gather statistics.
        cursor.execute("SELECT gin_clean_pending_list('utterance_words_gin'::regclass)")
        cursor.execute("ANALYZE transcripts_utterance")


def test_main_search_query_uses_the_gin_index(seed_event):
    event = seed_event
    _filler_turns(event)
    from transcripts.search import build_query, matching

    query = build_query("Minsk")
    sql, params = matching(Utterance.objects.all(), query).values("id").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "utterance_words_gin" in plan, plan


def test_a_common_words_matches_are_read_through_the_index_not_turn_by_turn(seed_event):
    """ "weather" is in 30,000 of 30,000-odd turns: left alone, the planner scans the table and tests
    each turn's search vector (detoasting it); the search's count pass reads the GIN index's bitmap
    instead, and leaves the connection's planner settings as they were, even when it fails."""
    from transcripts.search import _through_the_text_index, build_query, matching

    _filler_turns(seed_event)
    sql, params = matching(Utterance.objects.all(), build_query("weather")).values("id").query.sql_with_params()
    sql += " LIMIT 10001"

    def plan() -> str:
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN " + sql, params)
            return "\n".join(row[0] for row in cursor.fetchall())

    assert "Seq Scan on transcripts_utterance" in plan()  # what the planner would do
    with _through_the_text_index(True):
        assert "utterance_words_gin" in plan() and "Seq Scan" not in plan()
    assert "Seq Scan on transcripts_utterance" in plan()
    with pytest.raises(ZeroDivisionError), _through_the_text_index(True):
        raise ZeroDivisionError
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_seqscan")
        assert cursor.fetchone()[0] == "on"
        cursor.execute("SHOW work_mem")
        assert cursor.fetchone()[0] == "32MB"  # a common word's bitmap stays exact (archive/database.py)


def test_a_word_in_most_turns_may_be_read_turn_by_turn_and_counts_the_same(seed_event, monkeypatch):
    """Past SEQUENTIAL_SHARE of the turns (the planner's estimate), the one pass may test turns in
    order: its first 10,001 matches come sooner than the index's bitmap of every match. A rarer word
    still goes through the index; either road gives the same count and facets."""
    from django.http import QueryDict
    from django.test.utils import CaptureQueriesContext

    from transcripts import search

    _filler_turns(seed_event)
    monkeypatch.setattr(search, "SAMPLE_MATCHES", 10**9)  # counted, not sampled (test_sampled_counts.py)

    def searched(words: str):
        with CaptureQueriesContext(connection) as queries:
            outcome = search.search_utterances(QueryDict(f"q={words}"))
        # The one pass (WITH found …) planned right after sequential scans were turned off.
        statements = [q["sql"] for q in queries.captured_queries]
        forced = any(
            "enable_seqscan = off" in sql and statements[i + 1].startswith("WITH found")
            for i, sql in enumerate(statements[:-1])
        )
        return outcome, forced

    common, forced = searched("weather")
    assert common.share >= search.SEQUENTIAL_SHARE and not forced
    rare, forced = searched("Minsk")
    assert rare.share is None and forced  # the word statistics bound it: the planner is not asked
    monkeypatch.setattr(search, "SEQUENTIAL_SHARE", 2.0)
    indexed, forced = searched("weather")
    assert forced
    assert (common.count, common.count_capped, common.facets) == (indexed.count, indexed.count_capped, indexed.facets)
    assert common.count > 1000


@pytest.mark.parametrize(
    "words", ["weather", "trains", "Minsk", "weather Minsk", '"about weather"', "paragraph -trains"]
)
def test_the_word_statistics_bound_the_share_of_turns_that_match(seed_event, words):
    from transcripts.search import build_query, matching

    _filler_turns(seed_event)
    query = build_query(words)
    total = Utterance.objects.count()
    for any_word in (False, True):
        found = matching(Utterance.objects.all(), query, any_word=any_word, asked=True).count()
        assert found / total <= query.share_at_most(any_word) + 1e-9


def test_speaker_page_has_chart_and_scoped_search(client, seed_event):
    html = client.get("/speakers/sergey-lavrov/").content.decode()
    assert 'name="speaker" value="sergey-lavrov"' in html
    # One bar for November 2025, as tall as his turns that month.
    turns = seed_event.utterances.filter(speaker__slug="sergey-lavrov").count()
    assert re.search(rf"<rect [^>]*><title>[^<]*2025[^<]*: {turns}</title></rect>", html)


# ------------------------------------------------------------------ search at scale: caps, honestly labelled


def test_a_count_past_the_cap_says_more_than_and_pages_stop_there(client, seed_event, monkeypatch):
    from transcripts import search

    monkeypatch.setattr(search, "COUNT_CAP", 3)
    html = client.get("/search/", {"speaker": "sergey-lavrov"}).content.decode()
    assert "More than 3 turns" in html and "Pages go up to the first 3 matches" in html
    data = client.get("/api/search/", {"speaker": "sergey-lavrov", "page_size": 2}).json()
    assert data["count"] == 3 and data["count_capped"] is True and data["next"]
    last = client.get("/api/search/", {"speaker": "sergey-lavrov", "page_size": 2, "page": 2}).json()
    assert len(last["results"]) == 1 and last["next"] is None
    # Past the cap there is no page, though the speaker has more turns.
    assert client.get("/api/search/", {"speaker": "sergey-lavrov", "page_size": 2, "page": 3}).status_code == 404


def test_relevance_past_the_cap_ranks_every_match_of_a_word_without_a_list_and_says_so(client, seed_event, monkeypatch):
    # Past the cap, a word too rare for a list of its strongest turns (transcripts/champions.py) has
    # every match read and ranked, and the page says the ranking covers every match.
    from transcripts import search

    monkeypatch.setattr(search, "COUNT_CAP", 2)
    monkeypatch.setattr(search, "RANK_WINDOW", 3)
    html = client.get("/search/", {"q": "Minsk"}).content.decode()
    assert "Ranked by relevance over every match" in html
    minsk = seed_event.utterances.filter(text__icontains="minsk").count()
    assert minsk > 3 and html.count('class="quote') == min(minsk, 20)


def test_relevance_past_the_cap_ranks_the_most_recent_matches_of_a_speaker_s_name_alone_and_says_so(
    client, seed_event, monkeypatch
):
    # A word naming a speaker counts in every turn of theirs alike: alone, no list orders them, so
    # the most recent matches are ranked and the page says so; with another word, the speaker's
    # turns that hold it are read whole and the page says the words' strongest turns were ranked.
    from transcripts import search

    monkeypatch.setattr(search, "COUNT_CAP", 2)
    monkeypatch.setattr(search, "RANK_WINDOW", 3)
    html = client.get("/search/", {"q": "Lavrov"}).content.decode()
    ranked = re.search(r"Ranked by relevance among the (\d+) most recent matches", html)
    assert ranked and 3 <= int(ranked.group(1)) <= 6
    assert html.count('class="quote') == int(ranked.group(1))
    html = client.get("/search/", {"q": "Lavrov Minsk"}).content.decode()
    assert "most recent matches" not in html
    assert "where these words weigh most" in html or "over every match" in html


def test_facets_count_a_sample_past_the_cap_and_say_so(client, seed_event, monkeypatch):
    from transcripts import search

    monkeypatch.setattr(search, "FACET_SAMPLE", 4)
    html = client.get("/search/", {"q": "Russia"}).content.decode()
    assert "Counted in the first 4 matches." in html


def test_the_year_facet_link_filters_by_year(client, seed_event):
    html = client.get("/search/", {"q": "Minsk"}).content.decode()
    assert "year=2025" in html
    assert "Nothing matches" not in client.get("/search/", {"q": "Minsk", "year": "2025"}).content.decode()
    assert "Nothing matches" in client.get("/search/", {"q": "Minsk", "year": "2019"}).content.decode()


def test_each_facet_is_counted_under_the_other_filters_but_not_its_own(client, seed_event):
    from django.http import QueryDict

    from transcripts.search import search_utterances

    outcome = search_utterances(QueryDict("role=question"))
    roles = {row["value"]: row["count"] for row in outcome.facets["role"]}
    assert roles == {"question": 4, "answer": 4, "statement": 1}  # its own filter left out
    assert outcome.facets["speaker"] == []  # questions have no named speaker here
    assert next(r for r in outcome.facets["role"] if r["value"] == "question")["selected"]


def test_one_query_gives_count_and_facets_when_no_facet_is_filtered(client, seed_event, monkeypatch):
    from django.http import QueryDict

    from transcripts import search

    monkeypatch.setattr(search, "COUNT_CAP", 3)
    monkeypatch.setattr(search, "FACET_SAMPLE", 3)
    outcome = search.search_utterances(QueryDict("q=Minsk"))
    assert outcome.count == 3 and outcome.count_capped and outcome.facets_sampled == 3
    assert sum(row["count"] for row in outcome.facets["role"]) == 3


@pytest.mark.parametrize("budget", [200_000, 2])
@pytest.mark.parametrize("extra", [{}, {"date_to": "2024-06-30"}])
def test_past_the_cap_the_newest_matches_come_by_a_bounded_walk_or_else_by_collecting(monkeypatch, db, budget, extra):
    """Whichever road _first_by_date takes (walking the date index for at most WALK_BUDGET turns, or
    collecting every match when the walk finds too few), the page is the same: the newest matches."""
    from django.http import QueryDict

    from transcripts import search
    from transcripts.ingest import ingest_bytes

    for n, month in enumerate(["01", "03", "05", "07", "09"], start=1):
        body = "\n\n".join(f"PUTIN: Sanctions point {n}.{k}." for k in range(4))
        ingest_bytes(f"Title: Talks {n}\nDate: 2024-{month}-10\n\n{body}\n".encode(), f"talks{n}.txt")
    monkeypatch.setattr(search, "COUNT_CAP", 2)
    monkeypatch.setattr(search, "WALK_BUDGET", budget)
    # Make the planner's road look dear, so that the walk (or the collecting) is what runs.
    monkeypatch.setattr(search, "_archive_size", lambda: 10**9)
    monkeypatch.setattr(search, "_estimated_share", lambda matches, archive: 1e-9)
    walked = []
    real_walk = search._walk_by_date
    monkeypatch.setattr(search, "_walk_by_date", lambda *a: walked.append(real_walk(*a)) or walked[-1])
    params = QueryDict(mutable=True)
    params.update({"q": "sanctions", "sort": "newest", **extra})
    outcome = search.search_utterances(params, page_size=3, with_facets=False)
    expected = list(
        search.matching(outcome.filterset.qs, outcome.query).order_by(*search.NEWEST).values_list("id", flat=True)[:3]
    )
    assert outcome.count_capped and [u.pk for u in outcome.results] == expected[: outcome.count]
    assert (walked[0] is not None) == (budget > 2)


def test_a_period_in_the_words_is_shown_as_the_date_filter(client, seed_event):
    html = client.get("/search/", {"q": "Minsk since 2025"}).content.decode()
    assert "“since 2025” is read as a period" in html and 'value="2025-01-01"' in html
    assert "Nothing matches" not in html
    assert "Nothing matches" in client.get("/search/", {"q": "Minsk since 2026"}).content.decode()
    # In quotes, the words themselves.
    assert "is read as a period" not in client.get("/search/", {"q": 'Minsk "since 2025"'}).content.decode()


def test_under_a_facet_filter_the_other_facets_count_every_match_not_a_sample(client, seed_event, monkeypatch):
    """With a speaker chosen, the roles and years are those of the speaker's matches (all of them below
    the cap), not of a sample of the search without the speaker; only the speaker list is sampled."""
    from django.http import QueryDict

    from transcripts import search

    unfiltered = search.search_utterances(QueryDict("q=Russia"))
    filtered = search.search_utterances(QueryDict("q=Russia&speaker=sergey-lavrov"))
    assert unfiltered.count > filtered.count > 1
    monkeypatch.setattr(search, "FACET_SAMPLE", filtered.count)
    outcome = search.search_utterances(QueryDict("q=Russia&speaker=sergey-lavrov"))
    assert outcome.count == filtered.count
    assert sum(row["count"] for row in outcome.facets["role"]) == outcome.count
    assert sum(row["count"] for row in outcome.facets["year"]) == outcome.count
    # The speakers are counted in the search without the speaker, cut at the sample's size.
    assert sum(row["count"] for row in outcome.facets["speaker"]) <= filtered.count
    assert outcome.facets_sampled == filtered.count


@pytest.mark.parametrize("sample", [10_000, 2])
@pytest.mark.parametrize(
    "params",
    ["q=Russia&role=answer", "q=Russia&speaker=sergey-lavrov&year=2025", "role=question",
     "q=Minsk&role=answer&sort=oldest", "q=sanctions&publisher={publisher}&role=statement",
     "q=Russia&year=2025&role=question", "q=Russia&publisher={publisher}",
     "q=Minsk&speaker=sergey-lavrov&role=&year=&publisher=", "q=Russia&role=answer&role=question",
     "q=Russia&speaker=sergey-lavrov&year=2019&year=2025"],
)  # fmt: skip
def test_under_facet_filters_the_matches_are_those_of_the_filters_however_they_are_read(
    seed_event, monkeypatch, params, sample
):
    """With a facet filter set, the matches are read from the search without it when that holds all of
    its own (fewer than FACET_SAMPLE), else found by themselves: the same count and page either way."""
    from django.http import QueryDict

    from transcripts import search

    monkeypatch.setattr(search, "FACET_SAMPLE", sample)
    outcome = search.search_utterances(QueryDict(params.format(publisher=seed_event.publisher.slug)))
    assert not outcome.error
    query = outcome.query
    expected = search.matching(outcome.filterset.qs, query, asked=True) if query else outcome.filterset.qs
    assert outcome.count == expected.count() > 0
    shown = [u.pk for u in outcome.results]
    if outcome.sort != "relevance":
        assert shown == list(expected.order_by(*search.SORTS[outcome.sort]).values_list("id", flat=True)[:20])
    assert len(shown) == min(outcome.count, 20) and set(shown) <= set(expected.values_list("id", flat=True))


def test_a_facet_field_sent_empty_sets_no_filter_on_matches_or_facets(seed_event):
    # A form sends the fields left alone as empty values ("role=&year="): they filter nothing.
    from django.http import QueryDict

    from transcripts import search
    from transcripts.ingest import ingest_bytes

    ingest_bytes(b"Title: Talks\nDate: 2024-03-10\n\nPUTIN: Russia is ready.\n\nPESKOV: Russia said so.\n", "talks.txt")
    plain = search.search_utterances(QueryDict("q=Russia&speaker=sergey-lavrov"))
    assert len(plain.facets["speaker"]) == 3  # the other speakers: counted without the speaker filter
    for sent in (
        "q=Russia&speaker=sergey-lavrov&role=&year=&publisher=",
        "q=Russia&speaker=sergey-lavrov&speaker=",
        "q=Russia&speaker=sergey-lavrov&role=answer&role=",  # one value: the last, empty, counts
    ):
        outcome = search.search_utterances(QueryDict(sent))
        assert outcome.count == plain.count > 0
        assert outcome.facets == plain.facets and outcome.facets["speaker"] and outcome.facets["role"]


def test_long_lived_objects_leave_the_garbage_collectors_reach_after_the_first_pages(client, seed_event):
    # A full collection walked ~160,000 long-lived objects: a ~75 ms pause every few dozen search pages.
    gc.unfreeze()
    try:
        for _ in range(2):
            client.get("/search/", {"q": "Minsk"})
        assert gc.get_freeze_count() == 0
        client.get("/search/", {"q": "Minsk"})
        assert gc.get_freeze_count() > 1000
    finally:
        gc.unfreeze()

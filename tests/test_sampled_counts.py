"""Searches far past the count cap: counted and faceted in a random sample of the archive's pages
(search._sampled_pass), not in the first matches the table gives. Real transcripts (the dev corpus
and the seed), with the sample, the cap and the threshold made small so that a few files exercise
what a million turns would."""

from __future__ import annotations

import pytest
from django.db import connection
from django.http import QueryDict

from tests.conftest import CORPUS, needs_shared, seed_path
from transcripts import search
from transcripts.ingest import ingest_path, transcript_files
from transcripts.models import Entity, Event, Lexeme, Publisher, Speaker, Utterance
from transcripts.search import build_query, matching, search_utterances

pytestmark = [needs_shared, pytest.mark.django_db]


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    """Thirty dev-corpus transcripts and the seed."""
    with django_db_blocker.unblock():
        files, _ = transcript_files([str(CORPUS), str(seed_path())])
        for path in sorted(files)[:30] + [seed_path()]:
            ingest_path(path)
        with connection.cursor() as cursor:
            # Earlier tests left thousands of deleted rows' pages empty: the table rewritten in the order
            # of its turns, the same pages whatever ran before (a sample of a small archive's pages varies
            # with where its rows sit), and measured as autovacuum would.
            cursor.execute("CLUSTER transcripts_utterance USING utterance_unique_sequence")
            cursor.execute("ANALYZE transcripts_utterance")
        yield
        Event.objects.all().delete()
        for model in (Speaker, Entity, Publisher, Lexeme):
            model.objects.all().delete()


@pytest.fixture
def small(archive, monkeypatch):
    """A sample of half the turns, a probe of a quarter; a cap of 20; a sample worth drawing from 30
    expected matches."""
    turns = Utterance.objects.count()
    monkeypatch.setattr(search, "SAMPLE_ROWS", turns // 2)
    monkeypatch.setattr(search, "SAMPLE_ROWS_MOST", turns // 2)
    monkeypatch.setattr(search, "PROBE_ROWS", turns // 4)
    monkeypatch.setattr(search, "SAMPLE_MATCHES", 30)
    monkeypatch.setattr(search, "COUNT_CAP", 20)
    monkeypatch.setattr(search, "SEQUENTIAL_SHARE", 0.01)  # the share is asked of the planner from 1 %


def true_count(q: str) -> int:
    query = build_query(q)
    return matching(Utterance.objects.all(), query, any_word=query.optional_words, asked=True).count()


def test_a_very_common_word_is_counted_about_right_from_a_random_sample(small):
    truth = true_count("china")
    outcome = search_utterances(QueryDict("q=china"))
    assert outcome.count_capped and outcome.facets_drawn and outcome.count_estimate
    assert truth > 4 * search.COUNT_CAP
    # Half the pages: within a third of the truth (an estimate scaled by the wrong fraction, or
    # counted in the first matches, is off by a factor of two or more).
    assert abs(outcome.count_estimate - truth) <= truth / 3
    assert outcome.count_estimate == search._about(outcome.count_estimate)  # two significant figures
    # The facets count the sample's matches, every one of them once.
    assert sum(row["count"] for row in outcome.facets["role"]) == outcome.facets_sampled
    assert search.COUNT_CAP < outcome.facets_sampled < truth
    # The same pages every time: a reload (or the next page) shows the same count and facets.
    again = search_utterances(QueryDict("q=china"), page=2, page_size=5)
    assert (again.count_estimate, again.facets) == (outcome.count_estimate, outcome.facets)


def test_the_sample_comes_from_the_whole_archive_not_the_first_matches(small):
    # The first matches the table gives are those ingested first (three years of the dev corpus's
    # seven); the sample's years are spread like the matches' own.
    query = build_query("china")
    every = matching(Utterance.objects.all(), query, asked=True)
    outcome = search_utterances(QueryDict("q=china"))
    drawn = {row["value"] for row in outcome.facets["year"]}
    first = {d.year for d in every.order_by("id").values_list("event_date", flat=True)[: outcome.facets_sampled] if d}
    assert len(drawn) > len(first)


def test_the_page_and_the_api_say_the_count_is_an_estimate(small, client):
    html = client.get("/search/", {"q": "china"}).content.decode()
    assert "About " in html and "Counted in a random sample of the archive" in html
    assert "More than 20 turns" not in html
    data = client.get("/api/search/", {"q": "china"}).json()
    assert data["count_capped"] and data["count_estimate"] > 4 * search.COUNT_CAP
    assert data["facets_sampled"] == sum(row["count"] for row in data["facets"]["role"])


def test_a_search_not_far_past_the_cap_is_counted_by_the_one_pass(small, monkeypatch):
    # A cap just under the matches: an estimate under twice the cap is not trusted.
    truth = true_count("china")
    monkeypatch.setattr(search, "COUNT_CAP", truth - 1)
    outcome = search_utterances(QueryDict("q=china"))
    assert outcome.count_capped and outcome.count == truth - 1
    assert outcome.count_estimate is None and not outcome.facets_drawn


def test_a_phrase_the_planner_thinks_rare_is_probed_and_sampled(small, monkeypatch):
    # The planner multiplies "the", "united" and "states" as if they were independent and expects a
    # tenth of the turns that say "the United States"; a random sample of half the pages counts them
    # first (a threshold well under their true share: a small archive's samples vary).
    monkeypatch.setattr(search, "PROBE_ROWS", Utterance.objects.count() // 2)
    monkeypatch.setattr(search, "SAMPLE_MATCHES", 20)
    q = '"the United States"'
    query = build_query(q)
    truth = true_count(q)
    planned = search._estimated_share(matching(Utterance.objects.all(), query, asked=True), search._archive_size())
    assert planned * search.SAMPLE_ROWS_MOST < search.SAMPLE_MATCHES < truth / 2  # not sampled on its word
    outcome = search_utterances(QueryDict(f"q={q}"))
    assert outcome.facets_drawn and abs(outcome.count_estimate - truth) <= truth / 3
    assert outcome.share > 5 * planned


def test_few_matches_or_a_facet_filter_are_never_sampled(small):
    rare = search_utterances(QueryDict("q=Minsk"))
    assert rare.count_estimate is None and rare.count == true_count("Minsk")
    filtered = search_utterances(QueryDict("q=china&role=answer"))
    assert filtered.count_estimate is None and not filtered.facets_drawn


@pytest.fixture
def standing(small, monkeypatch):
    """The turns' standing sample made every other turn (for this test's transaction only), and
    drawn from whenever it should hold from 30 matches up."""
    from transcripts import search_sql

    with connection.cursor() as cursor:
        cursor.execute(search_sql.sample_membership(2))
        cursor.execute(search_sql.REFILL_SAMPLE)
    monkeypatch.setattr(search_sql, "SAMPLE_EVERY", 2)
    monkeypatch.setattr(search, "SAMPLE_MATCHES_MOST", 10**6)


def sampled_statement(q: str):
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        outcome = search_utterances(QueryDict(f"q={q}"))
    statements = [s["sql"] for s in captured.captured_queries if "count(*) FROM found" in s["sql"]]
    return outcome, statements[0]


def test_a_common_word_is_counted_and_faceted_from_the_standing_sample(standing):
    from transcripts import search_sql

    outcome, statement = sampled_statement("china")
    assert search_sql.SAMPLE_TABLE in statement and "TABLESAMPLE" not in statement
    # Exactly the matches among the sample's turns (the even ids), scaled by the sample's share.
    query = build_query("china")
    every = matching(Utterance.objects.all(), query, any_word=query.optional_words, asked=True)
    in_sample = sum(1 for pk in every.values_list("id", flat=True) if pk % 2 == 0)
    assert outcome.facets_drawn and outcome.facets_sampled == in_sample > search.COUNT_CAP
    assert outcome.count_estimate == search._about(in_sample * 2)
    assert abs(outcome.count_estimate - true_count("china")) <= true_count("china") / 3
    assert sum(row["count"] for row in outcome.facets["role"]) == in_sample
    again = search_utterances(QueryDict("q=china"), page=2, page_size=5)
    assert (again.count_estimate, again.facets) == (outcome.count_estimate, outcome.facets)


def test_the_standing_sample_is_read_through_its_text_index(standing):
    _, statement = sampled_statement("china")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # as the search sets it around the statement
        cursor.execute("EXPLAIN " + statement)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "utterance_sample_search_gin" in plan and "Seq Scan on transcripts_utterance_sample" not in plan


def test_pages_are_drawn_where_the_standing_sample_would_hold_too_many_matches(standing, monkeypatch):
    monkeypatch.setattr(search, "SAMPLE_MATCHES_MOST", 31)
    outcome, statement = sampled_statement("china")
    assert "TABLESAMPLE" in statement and outcome.facets_drawn


def facet_truth(params: QueryDict, outcome) -> dict[str, dict]:
    """Each facet's counts (value -> count), counted in Python over the turns the page's facets count:
    the matches, or for a facet whose filter is set the matches without the facet filters under the
    other facets' filters."""
    from collections import Counter

    filterset, query, _ = search._criteria(params)
    relevance = outcome.sort == "relevance"
    matches = matching(filterset.qs, query, any_word=outcome.any_word, asked=relevance) if query else filterset.qs
    unfaceted = search._unfaceted(params, query, outcome.any_word, relevance)
    keys = {
        "speaker": lambda u: u.speaker.slug if u.speaker_id else None,
        "year": lambda u: u.event_date.year if u.event_date else None,
        "publisher": lambda u: u.event_publisher.slug if u.event_publisher_id else None,
        "role": lambda u: u.role,
    }
    chosen = {name: params.getlist(name) for name in keys if params.getlist(name)}
    truth = {}
    for name, key in keys.items():
        rows = unfaceted if name in chosen else matches
        turns = rows.select_related("speaker", "event_publisher")
        kept = [u for u in turns if all(str(keys[o](u)) in v for o, v in chosen.items() if o != name)]
        truth[name] = Counter(key(u) for u in kept if key(u) is not None)
    return truth


@pytest.mark.parametrize(
    "q",
    ["q=china", "q=china&role=answer", "q=security cooperation&year=2019", "q=china&role=answer&sort=newest",
     "q=united states&role=question&year=2020", "role=statement"],
)  # fmt: skip
def test_every_facet_counts_what_its_turns_hold(archive, q):
    # The facets over the matches are counted in one pass (GROUPING SETS), those under their own
    # filter one by one: each against a count in Python.
    params = QueryDict(q)
    outcome = search_utterances(params)
    assert outcome.count and not outcome.count_capped
    shown = {name: [(row["value"], row["count"]) for row in rows] for name, rows in outcome.facets.items()}
    truth = facet_truth(params, outcome)
    for name, counts in truth.items():
        # The ten largest counts, each value with its own count (which of two values tied at the
        # tenth place is shown follows their ids).
        assert [n for _, n in shown[name]] == sorted(counts.values(), reverse=True)[:10], (q, name)
        assert all(counts[value] == n for value, n in shown[name]), (q, name)


@pytest.fixture
def unfaceted_sampled(standing, monkeypatch):
    """A chosen facet's other values counted in the standing sample (every other turn here) once the
    search without the facet filters passes FACET_SAMPLE matches (set between the answers about China
    and all the turns about China) and the sample should hold 10 of them; the matches counted whole."""
    query = build_query("china")
    unfaceted = matching(Utterance.objects.all(), query, any_word=query.optional_words, asked=True)
    answers, every = unfaceted.filter(role="answer").count(), unfaceted.count()
    assert answers < every
    monkeypatch.setattr(search, "FACET_SAMPLE", (answers + every) // 2)
    monkeypatch.setattr(search, "UNFACETED_SAMPLE_MATCHES", 10)
    monkeypatch.setattr(search, "COUNT_CAP", 10**6)
    return unfaceted


def test_a_chosen_facets_other_values_are_estimated_from_the_standing_sample(unfaceted_sampled, client):
    from collections import Counter

    params = QueryDict("q=china&role=answer")
    outcome = search_utterances(params)
    unfaceted = unfaceted_sampled
    in_sample = Counter(role for pk, role in unfaceted.values_list("id", "role") if pk % 2 == 0)
    assert sum(in_sample.values()) >= 10
    rows = {row["value"]: row for row in outcome.facets["role"]}
    # Every other role: its matches among the sampled turns, times the sample's share, said to be estimated.
    for role, row in rows.items():
        if role != "answer":
            assert row["estimated"] and row["count"] == search._about(in_sample[role] * 2), role
    # The chosen role: its own matches, all of them (the page's count).
    assert not rows["answer"]["estimated"] and rows["answer"]["count"] == outcome.count
    assert outcome.count == unfaceted.filter(role="answer").count()
    assert not any(row["estimated"] for name in ("speaker", "year", "publisher") for row in outcome.facets[name])
    page = client.get("/search/", {"q": "china", "role": "answer"}).content.decode()
    assert outcome.facets_estimated_from == sum(in_sample.values())
    assert f"estimated from {outcome.facets_estimated_from} of its matches" in page
    assert f"~{rows['statement']['count']}" in page
    api = client.get("/api/search/", {"q": "china", "role": "answer"}).json()
    assert api["facets_estimated_from"] == outcome.facets_estimated_from
    assert {row["value"]: row["estimated"] for row in api["facets"]["role"]} == {r: rows[r]["estimated"] for r in rows}


def test_a_chosen_facet_is_counted_in_its_first_matches_below_the_threshold(unfaceted_sampled, monkeypatch):
    monkeypatch.setattr(search, "UNFACETED_SAMPLE_MATCHES", 10**6)
    outcome = search_utterances(QueryDict("q=china&role=answer"))
    assert not any(row["estimated"] for rows in outcome.facets.values() for row in rows)


def test_a_speaker_filter_is_the_speakers_ids(archive):
    """By id, not a join on the slug: PostgreSQL then knows from its statistics how many turns the
    speaker has (filters.SpeakerAnyFilter)."""
    speaker = Speaker.objects.filter(utterances__isnull=False).order_by("pk").first()
    filterset, query, _ = search.search_criteria(QueryDict(f"q=china&speaker={speaker.slug}"))
    sql = str(matching(filterset.qs, query).query)
    assert f'"speaker_id" IN ({speaker.pk})' in sql and "transcripts_speaker" not in sql, sql
    assert set(matching(filterset.qs, query).values_list("id", flat=True)) == set(
        matching(Utterance.objects.filter(speaker__slug=speaker.slug), query).values_list("id", flat=True)
    )

"""A date range of whole years, with words to find, is asked of the words' GIN index by year
(filters.UtteranceFilter, models.event_years) instead of by date: the same turns as the dates find,
in the same order by date, the year met inside the index scan. Real transcripts (dev corpus and
seed), their events moved to dates on both sides of each new year, one left undated."""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.http import QueryDict

from tests.conftest import CORPUS, needs_shared, seed_path
from transcripts import search
from transcripts.ingest import ingest_path, transcript_files
from transcripts.models import Entity, Event, Lexeme, Publisher, Speaker, Utterance
from transcripts.search import build_query, matching, search_criteria, search_utterances

pytestmark = [needs_shared, pytest.mark.django_db]

DATES = [
    datetime.date(2014, 12, 31),
    datetime.date(2015, 1, 1),
    datetime.date(2015, 6, 15),
    datetime.date(2015, 12, 31),
    datetime.date(2016, 1, 1),
    datetime.date(2016, 12, 31),
    datetime.date(2017, 1, 1),
    datetime.date(2018, 3, 3),
    None,
]


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    """Twenty dev-corpus transcripts and the seed, dated in turn from DATES (a trigger copies an event's
    date to its turns)."""
    with django_db_blocker.unblock():
        files, _ = transcript_files([str(CORPUS), str(seed_path())])
        for path in sorted(files)[:20] + [seed_path()]:
            ingest_path(path)
        for i, pk in enumerate(Event.objects.order_by("pk").values_list("pk", flat=True)):
            Event.objects.filter(pk=pk).update(date=DATES[i % len(DATES)])
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE transcripts_utterance")
        yield
        Event.objects.all().delete()
        for model in (Speaker, Entity, Publisher, Lexeme):
            model.objects.all().delete()


def dated_truth(q: str, first: datetime.date | None, last: datetime.date | None) -> set[int]:
    """The turns with the words (as the date-sorted page matches them) dated within [first, last], read
    without any date filter and tested in Python."""
    rows = matching(Utterance.objects.all(), build_query(q)).values_list("id", "event_date")
    return {pk for pk, day in rows if day and (not first or day >= first) and (not last or day <= last)}


WHOLE = [
    ("date_from=2015-01-01&date_to=2016-12-31", datetime.date(2015, 1, 1), datetime.date(2016, 12, 31)),
    ("date_from=2016-01-01", datetime.date(2016, 1, 1), None),
    ("date_to=2015-12-31", None, datetime.date(2015, 12, 31)),
    ("year=2015", datetime.date(2015, 1, 1), datetime.date(2015, 12, 31)),
    ("year=2016&date_to=2016-12-31", datetime.date(2016, 1, 1), datetime.date(2016, 12, 31)),
]
PARTIAL = [
    ("date_from=2015-06-15&date_to=2016-12-31", datetime.date(2015, 6, 15), datetime.date(2016, 12, 31)),
    ("date_from=2015-01-01&date_to=2015-12-30", datetime.date(2015, 1, 1), datetime.date(2015, 12, 30)),
    ("year=2015&date_from=2015-06-16", datetime.date(2015, 6, 16), datetime.date(2015, 12, 31)),
]


@pytest.mark.parametrize("q", ["china", "foreign minister", '"United Nations"'])
@pytest.mark.parametrize(("dates", "first", "last"), WHOLE + PARTIAL)
def test_a_range_finds_the_turns_its_dates_allow(archive, q, dates, first, last):
    filterset, query, error = search_criteria(QueryDict(f"q={q}&{dates}"))
    assert error is None
    found = set(matching(filterset.qs, query).values_list("id", flat=True))
    assert found == dated_truth(q, first, last)
    assert found, "a range that finds nothing proves nothing"
    whole = (dates, first, last) in WHOLE
    assert (filterset.years_asked is not None) == whole
    sql = str(matching(filterset.qs, query).query)
    assert ('"event_date" >=' in sql or '"event_date" <=' in sql or "BETWEEN" in sql) != whole, sql


def test_whole_years_are_the_years_between_their_ends(archive):
    filterset, _, _ = search_criteria(QueryDict("q=china&date_from=2015-01-01"))
    filterset.qs  # noqa: B018 (filtering sets the years asked)
    assert filterset.years_asked == [2015, 2016, 2017, 2018]  # to the archive's last turn
    filterset, _, _ = search_criteria(QueryDict("q=china&date_to=2016-12-31"))
    filterset.qs  # noqa: B018
    assert filterset.years_asked == [2014, 2015, 2016]


def test_without_words_a_range_stays_dates(archive):
    """Browsing by date alone reads the date index in order: no year key."""
    filterset, query, _ = search_criteria(QueryDict("year=2016"))
    assert query is None
    assert {u.pk for u in filterset.qs} == {
        pk for pk, day in Utterance.objects.values_list("id", "event_date") if day and day.year == 2016
    }
    assert filterset.years_asked is None


def test_the_year_is_met_inside_the_words_index_scan(archive):
    filterset, query, _ = search_criteria(QueryDict("q=china&date_from=2015-01-01&date_to=2016-12-31"))
    sql, params = matching(filterset.qs, query).order_by().values("id").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert re.search(r"Index Scan on utterance_words_gin[^\n]*\n\s*Index Cond: [^\n]*search_vector @@[^\n]*&&", plan), (
        plan
    )
    assert "utterance_oldest" not in plan and "utterance_newest" not in plan, plan


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_by_date_a_range_of_whole_years_lists_its_turns_in_date_order(archive, sort, monkeypatch):
    """Past the cap (made small), the page is read in date order from the date index, given the
    range's dates again (search._by_date): the same turns as every match sorted in Python."""
    monkeypatch.setattr(search, "COUNT_CAP", 10)
    outcome = search_utterances(QueryDict(f"q=china&date_from=2015-01-01&date_to=2016-12-31&sort={sort}"), page_size=8)
    assert outcome.count_capped
    truth = Utterance.objects.filter(
        pk__in=dated_truth("china", datetime.date(2015, 1, 1), datetime.date(2016, 12, 31))
    )
    order = search.NEWEST if sort == "newest" else search.OLDEST
    assert [u.pk for u in outcome.results] == list(truth.order_by(*order).values_list("id", flat=True)[:8])
    walked = search._by_date(matching(outcome.filterset.qs, outcome.query), outcome)
    assert '"event_date" >= 2015-01-01' in str(walked.query) and '"event_date" <= 2016-12-31' in str(walked.query)

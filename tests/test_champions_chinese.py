"""Chinese words ranked over every match from the lists of strongest turns (transcripts/champions.py):
a Chinese word's count is its rarest piece's (ranking.py), so it weighs no more than any piece, and
the lists of its pieces bound it. Real text: Chinese MFA press conferences from the bulk corpus,
with lists made small (a piece is common from 8 turns, a list keeps 3) as in test_champions.py."""

from __future__ import annotations

import tarfile

import pytest
from django.db import connection

from tests.conftest import SHARED
from tests.test_champions import (
    COMMON_FROM,
    KEPT,
    _set_lists,
    list_faults,
    pages_with_and_without_the_lists,
    ranked_past_the_cap,
    true_scores,
)
from transcripts import champions, ranking, search
from transcripts.ingest import ingest_bytes
from transcripts.models import ChampionList, Entity, Event, Lexeme, Publisher, Speaker, Utterance
from transcripts.search import build_query, matching

BULK_ZH = SHARED / "corpus" / "bulk" / "cnmfa-zh.tar.xz"
# A word of one piece, words of two and three, two words, a word and a name.
WORDS = ["美国", "中方", "外交部", "中美关系", "美国 制裁", "经济 合作", "台湾 问题"]

pytestmark = [
    pytest.mark.skipif(not BULK_ZH.exists(), reason="the bulk corpus is not beside the project"),
    pytest.mark.django_db,
]


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    """Forty Chinese MFA press conferences, ingested with small lists, the lists then weighed at the
    archive's final average length."""
    with django_db_blocker.unblock():
        _set_lists(COMMON_FROM, KEPT)
        with tarfile.open(BULK_ZH) as tar:
            members = sorted((m for m in tar if m.isfile()), key=lambda m: m.name)[100:140]
            for member in members:
                ingest_bytes(tar.extractfile(member).read(), member.name.rsplit("/", 1)[-1])
        champions.rebuild(connection)
        yield
        _set_lists(None, None)
        Event.objects.all().delete()
        for model in (Speaker, Entity, Publisher, Lexeme, ChampionList):
            model.objects.all().delete()


@pytest.fixture
def small_lists(archive, monkeypatch):
    _set_lists(COMMON_FROM, KEPT)
    monkeypatch.setattr(champions, "READ", 10 * KEPT)
    monkeypatch.setattr(champions, "READ_EACH", 10 * KEPT)
    yield
    _set_lists(None, None)


def test_the_lists_of_chinese_pieces_keep_their_promise(small_lists):
    assert ChampionList.objects.filter(lexeme__in=["美国", "中方", "外交", "交部"]).count() == 4
    assert list_faults() == []


@pytest.mark.parametrize("q", WORDS)
def test_past_the_cap_a_chinese_query_is_ranked_from_the_lists_and_proven(small_lists, monkeypatch, q):
    # Past the cap a Chinese word was ranked among its most recent matches only.
    monkeypatch.setattr(search, "COUNT_CAP", 5)
    outcome, scores = ranked_past_the_cap(q)
    best = true_scores(q)
    assert outcome.count_capped and outcome.ranked_strongest and len(best) > 5, q
    proven = min(outcome.ranked_exactly, len(scores))
    assert scores[:proven] == pytest.approx(best[:proven], rel=1e-9)
    assert scores[0] == pytest.approx(best[0], rel=1e-9)


def test_a_single_chinese_word_past_the_cap_has_its_first_page_proven(small_lists, monkeypatch):
    monkeypatch.setattr(search, "COUNT_CAP", 5)
    monkeypatch.setattr(search, "RANK_WINDOW", 5)
    for q in ["美国", "外交部"]:
        outcome, scores = ranked_past_the_cap(q, page_size=KEPT)
        assert outcome.page_ranked_exactly, q
        assert scores == pytest.approx(true_scores(q)[:KEPT], rel=1e-9)


@pytest.mark.parametrize("filters", ["", "&role=answer", "&date_from=2019-06-01"])
def test_below_the_cap_the_lists_give_a_chinese_query_the_pages_scoring_every_match_gives(
    small_lists, monkeypatch, filters
):
    proved = pages_with_and_without_the_lists(monkeypatch, WORDS, filters)
    assert any(proved) or filters
    assert proved and not all(proved)


def test_chinese_searched_as_a_prefix_is_not_read_from_the_lists(small_lists):
    # A word of one character alone is searched as the start of a piece (美 finds 美国): its count is
    # read from the text, which no list bounds.
    query = build_query("美")
    [leaf] = query.words
    assert ":*" in leaf.params[0] and not ranking.counted_by_pieces(leaf)
    assert champions.candidates(query, matching(Utterance.objects.all(), query, asked=True), connection) is None

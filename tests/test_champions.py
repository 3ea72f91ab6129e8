"""Ranking by relevance over every match, past the count cap: each common word's list of the turns
where it weighs most (transcripts/champions.py), kept by PostgreSQL on every write, and the bound
that proves the first results the best of all matches. Real transcripts (the dev corpus), with
lists made small (a word is common from 8 turns, a list keeps 3) so that a few files exercise what
a million turns would."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.db import connection
from django.http import QueryDict

from tests.conftest import CORPUS, needs_shared, seed_path
from transcripts import champions, search
from transcripts.ingest import ingest_path, transcript_files
from transcripts.models import ChampionList, Entity, Event, Lexeme, Publisher, Speaker, Utterance
from transcripts.search import NEWEST, build_query, matching, rank_expression, search_utterances
from transcripts.search_sql import _AS_TSQUERY, _word_weights

COMMON_FROM, KEPT = 8, 3
# Words of the dev corpus (English and Chinese MFA pages, the seed), chosen for being common there.
WORDS = ["china", "cooperation", "president", "united states", "trade", "development security"]


def _set_lists(common_from: int | None, kept: int | None) -> None:
    with connection.cursor() as cursor:
        if common_from is None:
            cursor.execute("RESET verbatim.champions_from; RESET verbatim.champions_kept")
        else:
            cursor.execute(f"SET verbatim.champions_from = '{common_from}'; SET verbatim.champions_kept = '{kept}'")


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    """Twenty dev-corpus transcripts and the seed, ingested with small lists."""
    with django_db_blocker.unblock():
        _set_lists(COMMON_FROM, KEPT)
        files, _ = transcript_files([str(CORPUS), str(seed_path())])
        for path in sorted(files)[:20] + [seed_path()]:
            ingest_path(path)
        yield
        _set_lists(None, None)
        Event.objects.all().delete()
        for model in (Speaker, Entity, Publisher, Lexeme, ChampionList):
            model.objects.all().delete()


pytestmark = [needs_shared, pytest.mark.django_db]


@pytest.fixture
def small_lists(archive, monkeypatch):
    _set_lists(COMMON_FROM, KEPT)
    monkeypatch.setattr(champions, "READ", 10 * KEPT)  # every row of a list (pruned at twice KEPT)…
    monkeypatch.setattr(champions, "READ_EACH", 10 * KEPT)  # …however many words
    yield
    _set_lists(None, None)


def list_faults() -> list[tuple]:
    """(word, turn, weight, listed weight, floor) where a list breaks its promise: a turn with the
    word that weighs more than the floor and is not listed, or listed with another weight; and
    listed turns that do not exist."""
    holders = f"(t.search_vector @@ {_AS_TSQUERY} OR t.context_vector @@ {_AS_TSQUERY})"
    turns = f"u.id IN (SELECT t.id FROM transcripts_utterance AS t, transcripts_championlist AS s WHERE {holders})"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT w.lexeme, w.id, w.weight, x.weight, w.floor FROM ({_word_weights(turns)}) AS w "
            "LEFT JOIN transcripts_champion AS x ON x.lexeme = w.lexeme AND x.utterance_id = w.id "
            "WHERE (x.weight IS NULL AND w.weight > w.floor) OR x.weight <> w.weight "
            "UNION ALL SELECT x.lexeme, x.utterance_id, NULL, x.weight, NULL FROM transcripts_champion AS x "
            "WHERE NOT EXISTS (SELECT 1 FROM transcripts_utterance AS u WHERE u.id = x.utterance_id) "
            # a listed turn that no longer has the word
            "UNION ALL SELECT s.lexeme, x.utterance_id, NULL, x.weight, NULL "
            "FROM transcripts_champion AS x, transcripts_championlist AS s, transcripts_utterance AS t "
            f"WHERE s.lexeme = x.lexeme AND t.id = x.utterance_id AND NOT {holders}"
        )
        return cursor.fetchall()


def lists() -> dict[str, tuple[float, int]]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.lexeme, c.floor, count(x.*) FROM transcripts_championlist AS c "
            "LEFT JOIN transcripts_champion AS x ON x.lexeme = c.lexeme GROUP BY 1, 2"
        )
        return {lexeme: (floor, n) for lexeme, floor, n in cursor.fetchall()}


def test_ingest_keeps_each_common_word_s_strongest_turns(small_lists):
    kept = lists()
    counts = dict(Lexeme.objects.filter(kind="s", turns__gte=COMMON_FROM).values_list("lexeme", "turns"))
    assert set(kept) == set(counts)  # a list for every common word, none for the others
    assert list_faults() == []
    # Lists were cut back: the commonest words keep a few turns above a floor, not all of theirs.
    cut = [word for word, (floor, n) in kept.items() if floor > 0]
    assert len(cut) > 20 and all(kept[word][1] < counts[word] for word in cut)


def listed_words(turn_id: int) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT lexeme FROM transcripts_champion WHERE utterance_id = %s ORDER BY 1", [turn_id])
        return [row[0] for row in cursor.fetchall()]


def test_an_edited_turn_is_weighed_again_and_a_deleted_one_leaves_the_lists(small_lists):
    # A turn on some lists, rewritten to be about one word whose list has the lowest floor: it leaves
    # the others and joins that one (a short turn saying the word fifteen times outweighs the floor).
    with connection.cursor() as cursor:
        cursor.execute("SELECT utterance_id FROM transcripts_champion GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
        turn = Utterance.objects.get(pk=cursor.fetchone()[0])
        words = ["china", "cooperation", "president", "development", "security", "trade", "country"]
        cursor.execute(
            "SELECT w.word FROM unnest(%s::text[]) AS w(word) JOIN transcripts_championlist AS c "
            "ON c.lexeme = (tsvector_to_array(to_tsvector('verbatim_english', w.word)))[1] ORDER BY c.floor LIMIT 1",
            [words],
        )
        word = cursor.fetchone()[0]
    assert len(listed_words(turn.pk)) > 1
    turn.text, turn.search_config = f"{word.title()}, {word}, {word}. " * 5, "verbatim_english"
    turn.save()
    assert list_faults() == []
    assert len(listed_words(turn.pk)) == 1
    event = Event.objects.order_by("id").last()
    ids = list(event.utterances.values_list("id", flat=True))
    event.delete()
    assert list_faults() == []
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM transcripts_champion WHERE utterance_id = ANY(%s)", [ids])
        assert cursor.fetchone()[0] == 0


def test_rebuilding_gives_lists_that_keep_the_same_promise(small_lists, monkeypatch):
    import io

    from django.core.management import call_command

    before = lists()
    out = io.StringIO()
    monkeypatch.setattr(champions.rebuild, "__defaults__", (500,))  # ranges of 500 turns: several
    call_command("champions", stdout=out)
    assert out.getvalue().startswith(f"{len(before)} lists, ")
    assert list_faults() == []
    assert set(lists()) == set(before)


@pytest.fixture
def settled(small_lists):
    """Lists weighed at today's average turn length (ingest started them when the archive was smaller
    and its turns shorter; the bound then allows for the difference, which proves less)."""
    champions.rebuild(connection)


def true_scores(q: str) -> list[float]:
    """Every match of `q` scored (what ranking would give with no cap), best first."""
    query = build_query(q)
    matches = matching(Utterance.objects.all(), query, any_word=query.optional_words, asked=True)
    return [
        r for _, r in matches.annotate(rank=rank_expression(query)).order_by("-rank", *NEWEST).values_list("id", "rank")
    ]


def ranked_past_the_cap(q: str, page_size: int = 20) -> tuple[object, list[float]]:
    outcome = search_utterances(QueryDict(f"q={q}"), page_size=page_size)
    ids = [u.pk for u in outcome.results]
    query = build_query(q)
    scores = dict(Utterance.objects.filter(id__in=ids).annotate(rank=rank_expression(query)).values_list("id", "rank"))
    return outcome, [scores[pk] for pk in ids]


@pytest.mark.parametrize("q", WORDS)
def test_past_the_cap_the_results_proven_best_are_the_best_of_all_matches(small_lists, monkeypatch, q):
    monkeypatch.setattr(search, "COUNT_CAP", 5)
    outcome, scores = ranked_past_the_cap(q)
    best = true_scores(q)
    assert outcome.count_capped and outcome.ranked_strongest and len(best) > 5
    proven = min(outcome.ranked_exactly, len(scores))
    assert scores[:proven] == pytest.approx(best[:proven], rel=1e-9)
    assert scores[0] == pytest.approx(best[0], rel=1e-9)  # the best of all matches comes first


def test_a_single_common_word_is_ranked_over_every_match(settled, monkeypatch):
    # One word: its list holds the turns where it weighs most, so the first page is proven; ranking
    # the most recent matches instead would have missed the best turn (older than them).
    monkeypatch.setattr(search, "COUNT_CAP", 5)
    monkeypatch.setattr(search, "RANK_WINDOW", 5)
    outcome, scores = ranked_past_the_cap("china", page_size=KEPT)
    assert outcome.page_ranked_exactly and scores == pytest.approx(true_scores("china")[:KEPT], rel=1e-9)
    query = build_query("china")
    newest = matching(Utterance.objects.all(), query, asked=True).order_by(*NEWEST)[:5]
    assert outcome.results[0].pk not in {u.pk for u in newest}


def test_the_page_says_when_every_match_was_ranked(settled, client, monkeypatch):
    monkeypatch.setattr(search, "COUNT_CAP", 5)
    monkeypatch.setattr(search, "RANK_WINDOW", 3)  # the list gives more than the most recent would
    html = client.get("/search/", {"q": "china", "page_size": KEPT}).content.decode()
    assert "Ranked by relevance over every match" in html
    data = client.get("/api/search/", {"q": "china", "page_size": KEPT}).json()
    assert data["ranked_by"] == "strongest" and data["ranked_exactly"] >= KEPT
    html = client.get("/search/", {"q": "development security"}).content.decode()
    assert "matches where these words weigh most" in html or "Ranked by relevance over every match" in html


@pytest.mark.parametrize(
    "q, alike",
    [
        ('"United States"', True),
        ('"the United States" -trade', True),
        ('"United States" "China"', True),
        ('"the US side"', True),  # both spellings in one test of the turn
        ('"United States" trade', False),  # a word's count varies from turn to turn
        ("China cooperation", False),
    ],
)
def test_only_quoted_phrases_score_every_match_alike(archive, q, alike):
    from transcripts import ranking

    assert ranking.alike(build_query(q)) is alike
    scores = true_scores(q)
    assert len(scores) > 4
    assert (len(set(scores)) == 1) is alike


def test_one_quoted_phrase_past_the_cap_lists_every_match_newest_first(archive, client, monkeypatch):
    # Its matches all score the same, so relevance is the date order over all of them: pages go on
    # past the ranked window, and the page and the API say why the newest come first.
    monkeypatch.setattr(search, "COUNT_CAP", 5)
    monkeypatch.setattr(search, "RANK_WINDOW", 3)
    query = build_query('"United States"')
    newest = list(matching(Utterance.objects.all(), query).order_by(*NEWEST).values_list("id", flat=True)[:6])
    pages = [search_utterances(QueryDict('q="United States"'), page=n, page_size=3) for n in (1, 2)]
    assert [u.pk for outcome in pages for u in outcome.results] == newest[:5]  # the cap ends the second page
    assert pages[0].count_capped and pages[0].ranked_alike and pages[0].ranked_window is None
    html = client.get("/search/", {"q": '"United States"'}).content.decode()
    assert "all rank alike: newest first" in html and "matches where these words weigh most" not in html
    data = client.get("/api/search/", {"q": '"United States"'}).json()
    assert data["ranked_by"] == "alike" and data["ranked_window"] is None


def test_a_speakers_name_alone_is_still_ranked_among_the_most_recent(small_lists, client, monkeypatch):
    # A name alone counts in every turn of the speaker's, alike: no list orders them, so the most
    # recent matches are ranked, and the page says so.
    monkeypatch.setattr(search, "COUNT_CAP", 3)
    monkeypatch.setattr(search, "RANK_WINDOW", 3)
    outcome = search_utterances(QueryDict("q=Lavrov"))
    assert outcome.count_capped and not outcome.ranked_strongest
    html = client.get("/search/", {"q": "Lavrov"}).content.decode()
    assert "most recent matches" in html


@pytest.mark.parametrize("q", ["Lavrov Minsk", "Lavrov sanctions Europe", "Geng Shuang Taiwan", "Hua Chunying trade"])
def test_a_speakers_name_with_other_words_is_ranked_over_every_match(settled, monkeypatch, q):
    # "What has Lavrov said about Minsk": past the cap the name's turns were ranked among the most
    # recent matches only, and the speaker's best turns on the subject missed. The name is read from
    # its lists as a word, and the speaker's turns that hold another word of the query are read whole.
    monkeypatch.setattr(search, "COUNT_CAP", 5)
    monkeypatch.setattr(search, "RANK_WINDOW", 3)
    query = build_query(q)
    assert any(leaf.speakers for leaf in query.words), q
    outcome, scores = ranked_past_the_cap(q)
    best = true_scores(q)
    assert outcome.count_capped and outcome.ranked_strongest and len(best) > 5, q
    proven = min(outcome.ranked_exactly, len(scores))
    assert scores[:proven] == pytest.approx(best[:proven], rel=1e-9)
    assert scores[0] == pytest.approx(best[0], rel=1e-9)  # the best of all matches comes first
    speaker = next(leaf.speakers for leaf in query.words if leaf.speakers)
    newest = matching(Utterance.objects.all(), query, any_word=True, asked=True).order_by(*NEWEST)[:3]
    own = [u for u in outcome.results if u.speaker_id in speaker]
    assert own and not {u.pk for u in own} <= {u.pk for u in newest}


def test_a_speakers_turns_are_read_whole_up_to_their_own_limit(settled, monkeypatch):
    # A speaker has more turns on a subject than a rare word has matches (Putin's with "economy" at a
    # million turns: 5,211): they are read up to NAMED_AT_MOST, not RARE_AT_MOST; past it the most
    # recent matches join and nothing is proven.
    monkeypatch.setattr(search, "COUNT_CAP", 5)
    monkeypatch.setattr(champions, "RARE_AT_MOST", 1)
    outcome, scores = ranked_past_the_cap("Lavrov sanctions Europe")
    assert outcome.ranked_strongest and scores[0] == pytest.approx(true_scores("Lavrov sanctions Europe")[0], rel=1e-9)
    proven = outcome.ranked_exactly
    monkeypatch.setattr(champions, "NAMED_AT_MOST", 1)
    outcome, _ = ranked_past_the_cap("Lavrov sanctions Europe")
    assert proven > 0 and outcome.ranked_exactly == 0


def test_a_named_querys_turns_with_every_word_are_all_ranked_up_to_the_speakers_limit(settled, monkeypatch):
    # Turns that hold every word of "Geng Shuang China" (his own turns count as holding the name) are
    # all ranked when there are up to NAMED_AT_MOST of them, not only the most recent past RARE_AT_MOST.
    monkeypatch.setattr(search, "COUNT_CAP", 5)
    monkeypatch.setattr(search, "RANK_WINDOW", 1)
    monkeypatch.setattr(champions, "RARE_AT_MOST", 1)
    windows = []
    ranked = search._ranked

    def spy(matches, query, window):
        windows.append(set(window))
        return ranked(matches, query, window)

    monkeypatch.setattr(search, "_ranked", spy)
    listed = champions.candidates

    def lists_only(query, matches, connection):  # the speaker's turns read whole left out
        found = listed(query, matches, connection)
        return champions.Candidates([], True, found.bound, found.apart)

    monkeypatch.setattr(champions, "candidates", lists_only)
    q = "Geng Shuang China"
    search_utterances(QueryDict(f"q={q}"))
    every = set(matching(Utterance.objects.all(), build_query(q)).values_list("id", flat=True))
    assert len(every) > 1 and every <= windows[-1]


def test_filters_few_listed_turns_pass_bring_in_the_most_recent_matches(small_lists, monkeypatch):
    # A date range none of a word's strongest turns falls in: past the cap the most recent matches in
    # the range are ranked, not an empty page.
    monkeypatch.setattr(search, "COUNT_CAP", 2)
    monkeypatch.setattr(search, "RANK_WINDOW", 4)
    with connection.cursor() as cursor:
        cursor.execute("SELECT utterance_id FROM transcripts_champion WHERE lexeme = 'china'")
        listed = {row[0] for row in cursor.fetchall()}
    dates = sorted({d for d in Utterance.objects.filter(text__icontains="china").values_list("event_date", flat=True)})
    day = next(
        d
        for d in dates
        if Utterance.objects.filter(event_date=d, text__icontains="china").count() > 4
        and not Utterance.objects.filter(event_date=d, id__in=listed).exists()
    )
    outcome = search_utterances(QueryDict(f"q=china&date_from={day}&date_to={day}"))
    assert outcome.count_capped and outcome.ranked_strongest
    assert len(outcome.results) >= 4 and {u.event_date for u in outcome.results} == {day}


def test_a_filtered_page_the_listed_turns_prove_ranks_no_more_than_them(settled, monkeypatch):
    # A date range holding enough of a word's strongest turns for the page: those turns are proven the
    # best in the range (no turn left out weighs more), so the most recent matches are not walked
    # and ranked as well.
    monkeypatch.setattr(search, "COUNT_CAP", 2)
    monkeypatch.setattr(search, "RANK_WINDOW", 4)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT u.event_date FROM transcripts_champion AS c JOIN transcripts_utterance AS u "
            "ON u.id = c.utterance_id WHERE c.lexeme = 'china' ORDER BY 1"
        )
        days = [row[0] for row in cursor.fetchall()]
    first, last = days[0], days[1]  # the two earliest listed turns' days: a range some listed turns fall outside
    listed = sum(1 for d in days if first <= d <= last)
    assert listed >= 2 and days[-1] > last
    outcome = search_utterances(QueryDict(f"q=china&date_from={first}&date_to={last}"), page_size=2)
    query = build_query("china")
    in_range = matching(Utterance.objects.filter(event_date__range=(first, last)), query, asked=True)
    scores = dict(in_range.annotate(rank=rank_expression(query)).values_list("id", "rank"))
    best = sorted(scores.values(), reverse=True)
    assert outcome.count_capped and len(best) > search.RANK_WINDOW  # the newest would have added turns
    assert outcome.page_ranked_exactly and outcome.ranked_window <= listed
    assert [scores[u.pk] for u in outcome.results] == pytest.approx(best[:2], rel=1e-9)


def test_a_list_that_lost_its_turns_brings_in_the_most_recent_matches(small_lists, monkeypatch):
    # Deleting the turns of a cut-back list leaves a floor above the word's other turns, which are on no
    # list: past the cap the most recent matches are ranked too, not an empty page.
    monkeypatch.setattr(search, "COUNT_CAP", 2)
    monkeypatch.setattr(search, "RANK_WINDOW", 4)
    floor, _ = lists()["china"]
    assert floor > 0
    with connection.cursor() as cursor:
        cursor.execute("SELECT utterance_id FROM transcripts_champion WHERE lexeme = 'china'")
        Utterance.objects.filter(id__in=[row[0] for row in cursor.fetchall()]).delete()
    assert lists()["china"][1] == 0 and list_faults() == []
    outcome = search_utterances(QueryDict("q=china"))
    assert outcome.count_capped and len(outcome.results) >= 4


def pages_of(params: str, page_size: int, pages: int = 3) -> list[list[int]]:
    found = []
    for page in range(1, pages + 1):
        try:
            found.append([u.pk for u in search_utterances(QueryDict(params), page=page, page_size=page_size).results])
        except search.PageNotFound:
            break
    return found


@pytest.mark.parametrize("filters", ["", "&role=answer", "&date_from=2019-01-01", "&kind=briefing"])
def test_below_the_cap_the_lists_give_the_pages_scoring_every_match_gives(settled, monkeypatch, filters):
    # Below the cap every match can be scored; the lists' turns among the matches give the same pages
    # where they prove them, and where they do not (a filter few listed turns pass, a page deeper
    # than the lists reach), every match is scored as before.
    proved = pages_with_and_without_the_lists(monkeypatch, WORDS, filters)
    assert any(proved) or filters  # unfiltered, the lists prove some pages…
    assert not all(proved)  # …and not every one: those are scored whole


def pages_with_and_without_the_lists(monkeypatch, words: list[str], filters: str) -> list[bool]:
    """Asserts that pages 1-3 of each query are the same read from the lists first as scoring every
    match; returns whether the lists proved each page."""
    proved = []
    tried = search._proven_from_the_lists

    def spy(*args):
        pages = tried(*args)
        proved.append(pages is not None)
        return pages

    monkeypatch.setattr(search, "_proven_from_the_lists", spy)
    for q in words:
        monkeypatch.setattr(search, "LISTS_FIRST_FROM", 10**9)
        scored = pages_of(f"q={q}{filters}", page_size=2)
        monkeypatch.setattr(search, "LISTS_FIRST_FROM", 1)
        assert pages_of(f"q={q}{filters}", page_size=2) == scored, q
    return proved


def test_below_the_cap_a_page_the_lists_prove_is_read_from_them(settled, monkeypatch):
    monkeypatch.setattr(search, "LISTS_FIRST_FROM", 1)
    query = build_query("china")
    matches = matching(Utterance.objects.all(), query, asked=True)
    found = list(matches.values_list("id", flat=True))
    page = search._proven_from_the_lists(matches, query, found, 2)
    assert page is not None and page == [pk for pk, _ in search._ranked(matches, query, found)][:2]
    assert search._proven_from_the_lists(matches, query, found, len(found)) is None  # deeper than the lists
    monkeypatch.setattr(search, "LISTS_FIRST_FROM", len(found) + 1)
    assert search._proven_from_the_lists(matches, query, found, 2) is None  # too few matches to bother


@pytest.mark.parametrize("q", ["the united states", "sanctions against russia", "the two sides"])
def test_a_short_query_asks_for_the_turns_saying_it_word_for_word_only_where_they_may_be_left_out(
    settled, monkeypatch, q
):
    """Three or four words past the cap: the turns that say them in order have every word, so with
    every turn that has all the words ranked they are not looked for again; with too many of those to
    read whole, they are, and ranked whatever their date."""
    from django.test.utils import CaptureQueriesContext

    scored = []
    ranked = search._ranked
    monkeypatch.setattr(
        search, "_ranked", lambda matches, query, window: scored.append(window) or ranked(matches, query, window)
    )

    def page() -> tuple[set[int], list[str]]:
        scored.clear()
        with CaptureQueriesContext(connection) as queries:
            outcome = search_utterances(QueryDict(urlencode({"q": q})))
        assert outcome.count_capped and outcome.ranked_strongest
        return {pk for window in scored for pk in window}, [x["sql"] for x in queries if "verbatim_exact" in x["sql"]]

    query = build_query(q)
    said = search._said_verbatim(matching(Utterance.objects.all(), query), q, query)
    assert said is not None and said.exists()
    said = set(said.values_list("id", flat=True))
    monkeypatch.setattr(search, "COUNT_CAP", 5)
    window, asked = page()
    assert not asked and said <= window
    monkeypatch.setattr(champions, "RARE_AT_MOST", 1)  # the turns with every word no longer all read
    monkeypatch.setattr(champions, "NAMED_AT_MOST", 1)
    window, asked = page()
    assert asked and said <= window


@pytest.mark.parametrize(
    ("q", "filters"),
    [
        ("Lavrov Minsk", {}),
        ("Lavrov Minsk", {"role": "answer"}),
        ("Geng Shuang Taiwan", {"year": "2019"}),
        ("Hua Chunying trade -tariffs", {}),
        ("Geng Shuang", {}),
        ("Lavrov OR Minsk sanctions", {}),
        ("-Lavrov sanctions Europe", {}),
    ],
)
def test_the_turns_with_every_word_of_a_named_query_are_read_as_two_index_ands(archive, q, filters):
    """A word naming a speaker is met where it is said or in the speaker's turns: those turns with every
    other word are read as a union of two index ANDs (where each name word stands alone in its clause,
    is not excluded and names the same speakers), and they are the same turns as the one test of
    that OR gives."""
    from django.test.utils import CaptureQueriesContext

    from transcripts.filters import UtteranceFilter

    query = build_query(q)
    turns = UtteranceFilter(QueryDict(urlencode(filters)), queryset=Utterance.objects.all()).qs
    all_words = matching(turns, query)
    with CaptureQueriesContext(connection) as queries:
        every = search._every_word(all_words, query, turns, 10_000)
    expected = set(all_words.values_list("id", flat=True))
    assert set(every) == expected and len(every) == len(expected) and expected
    named = [c for c in query.clauses if any(leaf.speakers and not leaf.term.negated for leaf in c)]
    union = bool(named) and all(len(c) == 1 for c in named) and len({tuple(c[0].speakers) for c in named}) == 1
    assert ("UNION" in queries[-1]["sql"]) == union
    assert union == (q in ("Lavrov Minsk", "Geng Shuang Taiwan", "Hua Chunying trade -tariffs", "Geng Shuang"))

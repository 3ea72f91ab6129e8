"""Relevance on research queries judged over 400 real transcripts of the bulk corpus
(tests/data/relevance_bulk.json: how they were pooled and graded), and the mechanism that won
there: an answer is also found by the words of the question it answers."""

from __future__ import annotations

import json
import re
from urllib.parse import urlencode

import pytest
from django.http import QueryDict

from tests.bulk_sample import NEEDS_BULK, judged_archive, judged_scores, search
from tests.conftest import ROOT
from transcripts.ingest import ingest_bytes
from transcripts.models import Utterance
from transcripts.search import search_utterances

JUDGED = json.loads((ROOT / "tests" / "data" / "relevance_bulk.json").read_text(encoding="utf-8"))

pytestmark = NEEDS_BULK
# The 400 judged transcripts.
archive = judged_archive(JUDGED["transcripts"])


def test_ranking_on_judged_research_queries(archive):
    """Mean nDCG@10 over the 30 queries: 0.900 when written (BM25 0.634, tantivy 0.648 on the same
    judgments; this ranking without the question's words 0.795). Session 10: with the 39 turns the
    share-of-the-query ranking brought judged too, 0.877 before it and 0.896 with it."""
    scores = judged_scores(JUDGED["queries"])
    kinds: dict[str, list[float]] = {}
    for query in JUDGED["queries"]:
        kinds.setdefault(query["kind"], []).append(scores[query["q"]])
    mean = sum(scores.values()) / len(scores)
    by_kind = {kind: round(sum(v) / len(v), 3) for kind, v in kinds.items()}
    assert mean >= 0.88, (round(mean, 3), by_kind, {q: round(s, 2) for q, s in scores.items() if s < 0.8})
    assert min(by_kind.values()) >= 0.8, by_kind


def _words_in(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"\w+", text.lower())}


def test_an_answer_is_found_by_the_question_it_answers(archive):
    """Geng Shuang on "North Korea": he says "the DPRK" and "the Peninsula"; his answers to questions
    about North Korea are found, ranked, through the question. Sorted by date every word must be
    in the turn itself."""
    ranked = search("North Korea", sort="relevance", speaker="geng-shuang")
    asked = [u for u in ranked.results if not {"north", "korea"} & _words_in(u.text)]
    assert asked, "some of his answers in the top 10 say neither word"
    for answer in asked:
        assert answer.role == "answer" and answer.answers is not None
        assert {"north", "korea"} & _words_in(answer.answers.text)
        # The page shows the question that brought it, with the words marked.
        assert "<mark>" in str(answer.asked_snippet) and "<mark>" not in str(answer.snippet)
    # Every result shows where the words are: in its own text or in the question it answers.
    assert all(("<mark>" in str(u.snippet)) != bool(u.asked_snippet) for u in ranked.results)
    dated = search_utterances(
        QueryDict("q=North+Korea&sort=newest&speaker=geng-shuang"), page_size=500, with_facets=False
    )
    assert dated.count < ranked.count
    assert all({"north", "korea"} <= _words_in(u.text) for u in dated.results)


def test_the_search_page_says_which_question_found_an_answer(archive, client):
    html = client.get("/search/", {"q": "North Korea", "speaker": "geng-shuang"}).content.decode()
    assert "answers to a question that has them" in html
    assert html.count("Found by the question it answers") >= 1
    html = client.get("/search/", {"q": "North Korea", "speaker": "geng-shuang", "sort": "newest"}).content.decode()
    assert "Found by the question it answers" not in html


def test_the_api_gives_the_question_that_found_an_answer(archive, client):
    hits = client.get("/api/search/", {"q": "North Korea", "speaker": "geng-shuang"}).json()["results"]
    asked = [hit for hit in hits if hit["asked_snippet_html"]]
    assert asked and all("<mark>" in hit["asked_snippet_html"] and hit["answers"] for hit in asked)


@pytest.mark.parametrize("sort", ["relevance", "newest"])
def test_facets_count_the_turns_the_results_come_from(archive, sort):
    """Ranked, the turns with some of the words and the answers found by their question; by date,
    turns with all the words: the speaker facet of the chosen speaker counts what the page lists."""
    for q in ("North Korea", "nuclear arms control"):
        params = QueryDict(urlencode({"q": q, "speaker": "geng-shuang", "sort": sort}))
        outcome = search_utterances(params, page_size=10)
        chosen = [f["count"] for f in outcome.facets["speaker"] if f["value"] == "geng-shuang"]
        assert outcome.count and not outcome.facets_sampled
        assert chosen == [outcome.count], q


def test_a_question_that_changes_passes_its_words_to_its_answers(archive):
    event = ingest_bytes(b"Talks\n\nQ: What about the dam?\n\nMR. SMITH: We will see.\n", "dam.txt").event
    answer = event.utterances.get(sequence=2)
    assert answer.answers_id == event.utterances.get(sequence=1).pk
    assert [u.pk for u in search("dam", event=event.slug).results] == [answer.answers_id, answer.pk]
    # An editor corrects the question; the answer follows it.
    Utterance.objects.filter(pk=answer.answers_id).update(text="What about the reservoir?")
    assert [u.pk for u in search("reservoir", event=event.slug).results] == [answer.answers_id, answer.pk]
    assert not search("dam", event=event.slug).results
    # Not an answer any more: only its own words.
    Utterance.objects.filter(pk=answer.pk).update(answers=None)
    assert [u.pk for u in search("reservoir", event=event.slug).results] == [answer.answers_id]

"""Relevance on queries the ranking was not tuned on: 14 research queries judged over 210 other
bulk transcripts (tests/data/relevance_fresh.json). No weight was chosen on them; they check that
what won on tests/data/relevance_bulk.json holds elsewhere."""

from __future__ import annotations

import json

from tests.bulk_sample import NEEDS_BULK, judged_archive, judged_scores
from tests.conftest import ROOT

JUDGED = json.loads((ROOT / "tests" / "data" / "relevance_fresh.json").read_text(encoding="utf-8"))

pytestmark = NEEDS_BULK
# The 210 transcripts.
archive = judged_archive(JUDGED["transcripts"])


def test_ranking_on_queries_it_was_not_tuned_on(archive):
    """Mean nDCG@10 over the 14 queries when judged (session 9): 0.816 as shipped (0.808 once stutters
    were indexed once); without the
    question's words 0.730; BM25F over the turn and its question 0.813 (docs/ranking.md)."""
    scores = judged_scores(JUDGED["queries"])
    mean = sum(scores.values()) / len(scores)
    assert mean >= 0.79, (round(mean, 3), {q: round(s, 2) for q, s in scores.items() if s < 0.7})
    assert min(scores.values()) >= 0.4, scores

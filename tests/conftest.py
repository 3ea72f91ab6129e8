"""Shared fixtures: real transcripts from ../shared, loaded into a real PostgreSQL."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import settings

pytest_plugins = ["tests.browser", "tests.scratch"]

# Property tests: a few hundred examples in `make test`, always the same ones (CI must not turn
# red on a new random draw); many more, and new ones each time, in `make fuzz`.
settings.register_profile("default", max_examples=300, deadline=None, derandomize=True)
settings.register_profile("fuzz", max_examples=20_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "lavrov-2025-11-25-news-conference.txt"
SAMPLE_SEED = ROOT / "samples" / "lavrov-2025-11-25-news-conference.txt"
CORPUS = SHARED / "corpus" / "dev"
GOLD = SHARED / "gold"


def seed_path() -> Path:
    """The seed transcript: ../shared when present, else the copy bundled in samples/."""
    return SEED if SEED.exists() else SAMPLE_SEED


def gold_files() -> list[Path]:
    return sorted(GOLD.glob("*.gold.json")) if GOLD.exists() else []


def source_of(gold: dict) -> Path:
    for folder in (SHARED / "seeds", CORPUS, ROOT / "samples"):
        candidate = folder / gold["file"]
        if candidate.exists():
            return candidate
    raise FileNotFoundError(gold["file"])


def load_gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


needs_shared = pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus is not beside the project")


@pytest.fixture
def seed_bytes() -> bytes:
    return seed_path().read_bytes()


@pytest.fixture
def seed_event(db, seed_bytes):
    from transcripts.ingest import ingest_bytes

    result = ingest_bytes(seed_bytes, seed_path().name)
    assert result.status == "created", result.message
    return result.event


@pytest.fixture
def seed_gold() -> dict:
    return load_gold(GOLD / "lavrov-2025-11-25-news-conference.gold.json")


def word_statistics_mismatches() -> int:
    """Rows of the word statistics (each word's turn count, the number of turns, their total
    length) that differ from a count over the turns as they are."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM (SELECT 's' AS kind, v.lexeme, count(*) AS n FROM transcripts_utterance u, "
            "unnest(u.search_vector) v GROUP BY v.lexeme UNION ALL SELECT 'n', '', count(*) FROM transcripts_utterance "
            "UNION ALL SELECT 'l', '', coalesce(sum(length(search_vector)), 0) FROM transcripts_utterance) AS t "
            "FULL JOIN (SELECT kind, lexeme, turns FROM transcripts_lexeme WHERE turns <> 0) AS l "
            "ON l.kind = t.kind AND l.lexeme = t.lexeme WHERE l.turns IS DISTINCT FROM t.n"
        )
        return cursor.fetchone()[0]

"""Transcripts of ../shared/corpus/bulk by name, read straight from its .tar.xz archives, and the
judged relevance sets made of them (tests/data/relevance_*.json)."""

from __future__ import annotations

import math
import tarfile
from collections.abc import Iterable, Iterator
from urllib.parse import urlencode

import pytest
from django.http import QueryDict

from tests.conftest import SHARED
from transcripts.ingest import ingest_bytes
from transcripts.models import ChampionList, Entity, Event, Lexeme, Publisher, Speaker, Utterance
from transcripts.search import search_utterances

BULK = SHARED / "corpus" / "bulk"


def bulk_members(names: Iterable[str]) -> Iterator[tuple[str, bytes]]:
    """(file name, content) of each archive member named (its path in the archive, e.g.
    "kremlin/60592.html"), in the order given; KeyError for a name no archive has."""
    wanted = list(names)
    found: dict[str, bytes] = {}
    for archive in sorted({name.split("/", 1)[0] for name in wanted}):
        with tarfile.open(BULK / f"{archive}.tar.xz") as tar:
            for member in tar:
                if member.isfile() and member.name in wanted:
                    found[member.name] = tar.extractfile(member).read()
    for name in wanted:
        yield name.rsplit("/", 1)[-1], found[name]


def bulk_present() -> bool:
    return all((BULK / f"{name}.tar.xz").exists() for name in ("wh", "kremlin", "cnmfa-en", "cnmfa-zh"))


def judged_archive(names: list[str]):
    """A module's fixture: these bulk transcripts ingested once, the archive emptied after."""

    @pytest.fixture(scope="module")
    def archive(django_db_setup, django_db_blocker):
        with django_db_blocker.unblock():
            ingest_members(names)
            yield
            empty_archive()

    return archive


def ingest_members(names: Iterable[str]) -> None:
    for name, data in bulk_members(names):
        assert ingest_bytes(data, name).ok, name


def empty_archive() -> None:
    Event.objects.all().delete()
    for model in (Speaker, Entity, Publisher, Lexeme, ChampionList):
        model.objects.all().delete()


def search(q: str, **more):
    return search_utterances(QueryDict(urlencode({"q": q, **more})), page_size=10, with_facets=False)


def ndcg_at_10(ranked: list[int], grades: dict[int, int]) -> float:
    dcg = sum((2 ** grades.get(pk, 0) - 1) / math.log2(i + 2) for i, pk in enumerate(ranked[:10]))
    ideal = sorted(grades.values(), reverse=True)[:10]
    return dcg / sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))


def judged_scores(queries: list[dict]) -> dict[str, float]:
    """nDCG@10 of the archive's ranking for each judged query (a turn is named by its file and
    sequence number; one not judged counts 0)."""
    where = {
        (name, seq): pk for pk, name, seq in Utterance.objects.values_list("pk", "event__original_filename", "sequence")
    }
    scores = {}
    for query in queries:
        grades = {where[(t["file"].rsplit("/", 1)[-1], t["turn"])]: t["grade"] for t in query["judged"]}
        more = {"sort": "relevance", **({"speaker": query["speaker"]} if "speaker" in query else {})}
        ranked = [u.pk for u in search(query["q"], **more).results]
        assert ranked, query["q"]
        scores[query["q"]] = ndcg_at_10(ranked, grades)
    return scores


NEEDS_BULK = [
    pytest.mark.skipif(not bulk_present(), reason="../shared/corpus/bulk is not beside the project"),
    pytest.mark.django_db,
]

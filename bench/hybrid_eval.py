"""Lexical ranking against a lexical + vector hybrid, on the judged topic queries.

    .venv/bin/pip install -e '.[vectors]'      # wordllama: a static 256-dimension embedding model
    .venv/bin/python bench/hybrid_eval.py      # against the development database (make run's)

Embeds every English turn with wordllama (its weights ship inside the wheel; nothing is
downloaded), ranks each query of tests/data/relevance_judgements.json by cosine similarity, fuses
that with the archive's relevance ranking by reciprocal rank fusion (k = 60, the vector list
weighted 1, 0.5, 0.3, 0.2) and prints mean nDCG@10 of each, with how many of the top 10 were never
judged. Result on 2026-11-27: lexical 0.776, hybrid 0.756 / 0.761 / 0.768 / 0.771, vectors alone
0.552 — the hybrid was not adopted (docs/ranking.md).
"""

from __future__ import annotations

import json
import math
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def ndcg(ranked: list[int], grades: dict[int, int]) -> float:
    dcg = sum((2 ** grades.get(pk, 0) - 1) / math.log2(i + 2) for i, pk in enumerate(ranked[:10]))
    ideal = sorted(grades.values(), reverse=True)[:10]
    return dcg / sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    import django

    django.setup()
    import numpy as np
    import wordllama
    from django.http import QueryDict
    from wordllama import WordLlama

    from transcripts.models import Utterance
    from transcripts.search import search_utterances

    # The wheel keeps its tokenizer under tokenizers/, where load() looks only as a cache.
    model = WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)
    rows = list(Utterance.objects.filter(search_config="verbatim_english").values_list("id", "text"))
    ids = np.array([pk for pk, _ in rows])
    vectors = model.embed([text for _, text in rows], norm=True)
    where = {(f, s): pk for pk, f, s in Utterance.objects.values_list("pk", "event__original_filename", "sequence")}
    judged = json.loads((ROOT / "tests" / "data" / "relevance_judgements.json").read_text())["queries"]
    runs: dict[str, list[float]] = {}
    unjudged: dict[str, int] = {}
    for query, turns in judged.items():
        grades = {where[(t["file"], t["turn"])]: t["grade"] for t in turns if (t["file"], t["turn"]) in where}
        lexical = [
            u.pk
            for u in search_utterances(QueryDict(f"q={query}&sort=relevance"), page_size=50, with_facets=False).results
        ]
        similar = [int(pk) for pk in ids[np.argsort(-(vectors @ model.embed([query], norm=True)[0]))[:50]]]
        systems = {"lexical": lexical, "vectors": similar}
        for weight in (1.0, 0.5, 0.3, 0.2):
            fused: dict[int, float] = {}
            for rank, pk in enumerate(lexical):
                fused[pk] = fused.get(pk, 0) + 1 / (60 + rank)
            for rank, pk in enumerate(similar):
                fused[pk] = fused.get(pk, 0) + weight / (60 + rank)
            systems[f"hybrid {weight}"] = sorted(fused, key=lambda pk: -fused[pk])
        for name, ranked in systems.items():
            runs.setdefault(name, []).append(ndcg(ranked, grades))
            unjudged[name] = unjudged.get(name, 0) + sum(1 for pk in ranked[:10] if pk not in grades)
    for name, scores in runs.items():
        print(f"{name:<12} mean nDCG@10 {sum(scores) / len(scores):.3f}   unjudged in top 10: {unjudged[name]}")


if __name__ == "__main__":
    main()

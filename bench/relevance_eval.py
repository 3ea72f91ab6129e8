"""This archive's ranking against plain BM25 engines, on the judged research queries.

    .venv/bin/pip install -e '.[relevance]'     # bm25s, PyStemmer, tantivy: the engines compared
    .venv/bin/python bench/relevance_eval.py    # builds its own database the first time (~30 s)
    .venv/bin/python bench/relevance_eval.py fresh    # or third, fourth: sets judged after the weights were chosen

Ingests the 400 judged transcripts of tests/data/relevance_bulk.json from ../shared/corpus/bulk
into a database of its own (verbatim_relevance), ranks each of the 30 queries with the archive's
search (sort=relevance, the query's speaker filter applied), with bm25s (k1 1.2, b 0.75, English
stemming and stop words) and with tantivy (default BM25) over the same turns, the speaker filter
applied to their results, and prints nDCG@10 per query, per kind and overall, with how many of
each top 10 were never judged (counted 0: a system that brings new turns is under-rated until they
are judged). Result on 2026-11-28: archive 0.900, bm25s 0.634, tantivy 0.648 (docs/ranking.md).
"""

from __future__ import annotations

import json
import math
import os
import re
import sys
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SETS = {
    "bulk": "verbatim_relevance",
    "fresh": "verbatim_relevance_fresh",
    "third": "verbatim_relevance_third",
    "fourth": "verbatim_relevance_fourth",
}


def ndcg(ranked: list[int], grades: dict[int, int]) -> float:
    dcg = sum((2 ** grades.get(pk, 0) - 1) / math.log2(i + 2) for i, pk in enumerate(ranked[:10]))
    ideal = sorted(grades.values(), reverse=True)[:10]
    return dcg / sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))


def engines(turns: list[tuple[int, str]]):
    """Rankers over the turns' texts: name -> function(query) -> ids, best first."""
    found = {}
    try:
        import bm25s
        import Stemmer

        stemmer = Stemmer.Stemmer("english")
        index = bm25s.BM25(k1=1.2, b=0.75)
        index.index(bm25s.tokenize([t for _, t in turns], stopwords="en", stemmer=stemmer, show_progress=False))

        def bm25(q: str) -> list[int]:
            tokens = bm25s.tokenize([q], stopwords="en", stemmer=stemmer, show_progress=False)
            docs, scores = index.retrieve(tokens, k=len(turns), show_progress=False)
            return [turns[int(d)][0] for d, s in zip(docs[0], scores[0], strict=True) if s > 0]

        found["bm25s"] = bm25
    except ImportError:
        print("bm25s / PyStemmer not installed: pip install -e '.[relevance]'")
    try:
        import tantivy

        schema = tantivy.SchemaBuilder().add_text_field("text").add_integer_field("i", stored=True).build()
        tindex = tantivy.Index(schema)
        writer = tindex.writer()
        for i, (_, text) in enumerate(turns):
            writer.add_document(tantivy.Document(text=text, i=i))
        writer.commit()
        tindex.reload()
        searcher = tindex.searcher()

        def tantivy_rank(q: str) -> list[int]:
            try:
                parsed = tindex.parse_query(q, ["text"])
            except ValueError:
                parsed = tindex.parse_query(re.sub(r'[^\w\s"]', " ", q), ["text"])
            return [turns[searcher.doc(a)["i"][0]][0] for _, a in searcher.search(parsed, 2000).hits]

        found["tantivy"] = tantivy_rank
    except ImportError:
        print("tantivy not installed: pip install -e '.[relevance]'")
    return found


def main() -> None:
    judged_set = sys.argv[1] if len(sys.argv) > 1 else "bulk"
    if judged_set not in SETS:
        raise SystemExit(f"usage: relevance_eval.py [{'|'.join(SETS)}]")
    os.environ["VERBATIM_DATABASE_NAME"] = SETS[judged_set]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.http import QueryDict

    from tests.bulk_sample import bulk_members
    from transcripts.ingest import ingest_bytes
    from transcripts.models import Utterance
    from transcripts.search import search_utterances

    judged = json.loads((ROOT / "tests" / "data" / f"relevance_{judged_set}.json").read_text(encoding="utf-8"))
    call_command("migrate", verbosity=0)
    if not Utterance.objects.exists():
        for name, data in bulk_members(judged["transcripts"]):
            ingest_bytes(data, name)
    rows = list(Utterance.objects.values_list("pk", "text", "speaker__slug", "event__original_filename", "sequence"))
    where = {(name, seq): pk for pk, _, _, name, seq in rows}
    spoken_by = {pk: slug for pk, _, slug, _, _ in rows}
    others = engines([(pk, text) for pk, text, *_ in rows])
    scores: dict[str, list[tuple[str, float]]] = {}
    print(f"{'query':<45}" + "".join(f"{n:>10}" for n in ["archive", *others]) + "   unjudged in top 10")
    for query in judged["queries"]:
        grades = {where[(t["file"].rsplit("/", 1)[-1], t["turn"])]: t["grade"] for t in query["judged"]}
        speaker = query.get("speaker")
        params = {"q": query["q"], "sort": "relevance", **({"speaker": speaker} if speaker else {})}
        runs = {"archive": [u.pk for u in search_utterances(QueryDict(urlencode(params)), with_facets=False).results]}
        for name, rank in others.items():
            runs[name] = [pk for pk in rank(query["q"]) if not speaker or spoken_by[pk] == speaker][:10]
        for name, ranked in runs.items():
            scores.setdefault(name, []).append((query.get("kind", "research"), ndcg(ranked, grades)))
        unjudged = [sum(1 for pk in ranked[:10] if pk not in grades) for ranked in runs.values()]
        label = query["q"] + (f" [{speaker}]" if speaker else "")
        print(f"{label[:44]:<45}" + "".join(f"{scores[n][-1][1]:>10.3f}" for n in runs) + f"   {unjudged}")
    for kind in dict.fromkeys(q.get("kind", "research") for q in judged["queries"]):
        means = [sum(s for k, s in v if k == kind) / sum(1 for k, _ in v if k == kind) for v in scores.values()]
        print(f"{'  ' + kind:<45}" + "".join(f"{m:>10.3f}" for m in means))
    print(f"{'MEAN nDCG@10':<45}" + "".join(f"{sum(s for _, s in v) / len(v):>10.3f}" for v in scores.values()))


if __name__ == "__main__":
    main()

"""Draw the sentences of the entity judgement sample (tests/data/entity_judgements.json).

    python bench/entity_sample.py > /tmp/sample.json
    python bench/entity_sample.py --seed 7 --sentences 50 --empty 10 > /tmp/held-out.json

Sentences from the dev corpus and from the bulk archives (read from the .tar.xz files, as the test
reads them), chosen with a fixed seed: most with at least one mention (for precision), some with
none (for the mentions the extractor misses). At most two sentences per transcript. A person then
judges every mention (right/wrong) and lists the entities missed; `tests/test_entity_judgements.py`
checks the extractor against those judgements.
"""

from __future__ import annotations

import json
import os
import random
import re
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
SENTENCE = re.compile(r"[^.!?。！？]+(?:[.!?。！？]+[”\"’)]?|$)")


def sentences(text: str):
    for match in SENTENCE.finditer(text):
        raw = match.group(0)
        start = match.start() + len(raw) - len(raw.lstrip())
        end = match.end() - (len(raw) - len(raw.rstrip()))
        if end - start >= 20:
            yield start, end


def documents(rng: random.Random):
    for path in sorted((SHARED / "corpus" / "dev").iterdir()):
        if path.suffix in (".html", ".md", ".txt"):
            yield {"file": f"dev/{path.name}"}, path.read_bytes()
    for archive, count in (("wh", 40), ("kremlin", 30), ("cnmfa-en", 30), ("cnmfa-zh", 50)):
        with tarfile.open(SHARED / "corpus" / "bulk" / f"{archive}.tar.xz") as tar:
            members = sorted((m for m in tar if m.isfile()), key=lambda m: m.name)
            for member in rng.sample(members, count):
                yield {"file": f"bulk/{archive}.tar.xz/{member.name}"}, tar.extractfile(member).read()


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--sentences", type=int, default=160, help="Sentences with a mention (3 in 4 English).")
    parser.add_argument("--empty", type=int, default=35, help="Sentences without one.")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    import django

    django.setup()
    from transcripts.entities.extract import extract
    from transcripts.parsing import parse_transcript

    rng = random.Random(args.seed)
    with_mentions, without = {"en": [], "zh": []}, {"en": [], "zh": []}
    for where, data in documents(rng):
        try:
            parsed = parse_transcript(data, where["file"].rsplit("/", 1)[-1])
        except Exception:  # a refused page: nothing to judge
            continue
        language = "zh" if parsed.language.startswith("zh") else "en"
        result = extract(parsed.title, [(t.text, t.speaker) for t in parsed.turns])
        found_here, empty_here = [], []
        for turn, spans in zip(parsed.turns, result.spans, strict=True):
            for start, end in sentences(turn.text):
                inside = [m for m in spans if m.start >= start and m.end <= end]
                item = {
                    **where,
                    "language": language,
                    "sentence": turn.text[start:end],
                    "mentions": [
                        {
                            "text": turn.text[m.start : m.end],
                            "at": m.start - start,
                            "entity": m.ref.name,
                            "kind": m.ref.kind,
                        }
                        for m in inside
                    ],  # fmt: skip
                }
                (found_here if inside else empty_here).append(item)
        with_mentions[language] += rng.sample(found_here, min(2, len(found_here)))
        capitalised = [i for i in empty_here if re.search(r"\s[A-Z][a-z]", i["sentence"]) or language == "zh"]
        without[language] += rng.sample(capitalised, min(1, len(capitalised)))
    english = round(args.sentences * 115 / 160)
    english_empty = round(args.empty * 25 / 35)
    chosen = (
        rng.sample(with_mentions["en"], english)
        + rng.sample(with_mentions["zh"], args.sentences - english)
        + rng.sample(without["en"], english_empty)
        + rng.sample(without["zh"], args.empty - english_empty)
    )
    json.dump(chosen, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()

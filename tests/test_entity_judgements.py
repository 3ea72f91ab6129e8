"""The entity extractor against mentions a person judged (tests/data/entity_judgements.json):
precision of what it finds ≥ 0.98, recall of the judged true mentions ≥ 0.95.

Each judged sentence is found again in its transcript (the dev corpus, or the bulk archives read
as they are), the whole transcript is extracted as ingest extracts it, and the mentions inside
the sentence are compared with the judgements. A mention nobody judged (the extractor found
something new) is counted and listed; more than a few means the sample needs judging again
(`python bench/entity_sample.py`, see the file's "about").
"""

from __future__ import annotations

import json
import tarfile
from collections import defaultdict
from pathlib import Path

import pytest

from tests.conftest import CORPUS, SHARED, needs_shared
from transcripts.entities.extract import extract
from transcripts.parsing import parse_transcript

JUDGED = Path(__file__).parent / "data" / "entity_judgements.json"
BULK = SHARED / "corpus" / "bulk"

pytestmark = needs_shared


def _sources(items) -> dict[str, bytes]:
    wanted: dict[str, set[str]] = defaultdict(set)
    data = {}
    for item in items:
        parts = item["file"].split("/", 2)
        if parts[0] == "dev":
            data[item["file"]] = (CORPUS / parts[1]).read_bytes()
        else:
            wanted[parts[1]].add(parts[2])
    for archive, members in wanted.items():
        with tarfile.open(BULK / archive) as tar:
            for member in tar:
                if member.name in members:
                    data[f"bulk/{archive}/{member.name}"] = tar.extractfile(member).read()
    return data


@pytest.fixture(scope="module")
def outcome():
    judged = json.loads(JUDGED.read_text(encoding="utf-8"))["items"]
    if not (BULK / "wh.tar.xz").exists():
        pytest.skip("the bulk corpus is not beside the project")
    sources = _sources(judged)
    by_file = defaultdict(list)
    for item in judged:
        by_file[item["file"]].append(item)
    tally = defaultdict(int)
    wrong_found, true_missed, unjudged = [], [], []
    for name, items in by_file.items():
        parsed = parse_transcript(sources[name], name.rsplit("/", 1)[-1])
        result = extract(parsed.title, [(t.text, t.speaker) for t in parsed.turns])
        for item in items:
            turn_no, start = next(
                (n, t.text.find(item["sentence"])) for n, t in enumerate(parsed.turns) if item["sentence"] in t.text
            )
            end = start + len(item["sentence"])
            text = parsed.turns[turn_no].text
            # Matches overlapping the sentence ("U.N. Security Council" across a sentence split).
            found = {
                (m.start - start, text[m.start : m.end], m.ref.name)
                for m in result.spans[turn_no]
                if m.end > start and m.start < end
            }
            judged_here = {(m["at"], m["text"], m["entity"]): m["judgement"] for m in item["mentions"]}
            for key, judgement in judged_here.items():
                if judgement == "right":
                    tally["true"] += 1
                    if key in found:
                        tally["true_found"] += 1
                    else:
                        true_missed.append((item["sentence"][:80], key))
                elif key in found:
                    wrong_found.append((item["sentence"][:80], key))
            for missed in item["missed"]:
                tally["true"] += 1
                if any(entity == missed["entity"] for _, _, entity in found):
                    tally["true_found"] += 1
                else:
                    true_missed.append((item["sentence"][:80], missed["entity"]))
            for key in found - set(judged_here):
                if item.get("only_judged"):
                    break  # an audit's sentence: one mention judged, the others neither right nor wrong
                if not any(key[2] == missed["entity"] for missed in item["missed"]):
                    unjudged.append((item["sentence"][:80], key))
            tally["found_judged"] += len(found & set(judged_here)) + sum(
                1 for missed in item["missed"] if any(e == missed["entity"] for _, _, e in found)
            )
    return tally, wrong_found, true_missed, unjudged


def test_the_extractor_is_right_about_what_it_finds(outcome):
    tally, wrong_found, _, unjudged = outcome
    precision = 1 - len(wrong_found) / tally["found_judged"]
    assert precision >= 0.98, (round(precision, 4), wrong_found)
    # Something nobody judged is neither right nor wrong; a handful is noise, more needs judging.
    assert len(unjudged) <= 0.03 * tally["found_judged"], unjudged


def test_the_extractor_finds_what_a_reader_expects(outcome):
    tally, _, true_missed, _ = outcome
    recall = tally["true_found"] / tally["true"]
    assert recall >= 0.95, (round(recall, 4), true_missed)

"""The parser against hand-checked gold parses in ../shared/gold."""

from __future__ import annotations

import pytest

from tests.conftest import gold_files, load_gold, needs_shared, source_of
from transcripts.parsing import parse_transcript

GOLD = gold_files()
IDS = [p.name.replace(".gold.json", "")[:40] for p in GOLD]

# Files whose role assignment does not yet match the gold exactly (measured: see NOTES.md).
# strict=True: when the parser improves, these start passing and must be removed from here.
ROLE_GAPS = {
    "kremlin_52834.html",
    "wh_2021-01-20-press-briefing-by-press-secretary-jen-psaki-january-20-2021.md",
    "wh_2021-04-15-background-press-call-by-senior-administration-officials-on-russia.md",
    "wh_2022-05-23-remarks-by-president-biden-and-prime-minister-fumio-kishida-of-japan.md",
    "wh_2023-03-10-press-briefing-by-press-secretary-karine-jean-pierre-omb-director-sha.md",
    "wh_2023-08-18-remarks-by-president-biden-president-yoon-suk-yeol-of-the-republic-of.md",
}
PARAGRAPH_GAPS = {"wh_2023-03-10-press-briefing-by-press-secretary-karine-jean-pierre-omb-director-sha.md"}
SPEAKER_GAPS = {"wh_2021-01-20-press-briefing-by-press-secretary-jen-psaki-january-20-2021.md"}


def flat(text: str) -> str:
    return " ".join(text.split())


def parse_gold(path):
    gold = load_gold(path)
    source = source_of(gold)
    return gold, parse_transcript(source.read_bytes(), source.name)


pytestmark = needs_shared


@pytest.mark.parametrize("path", GOLD, ids=IDS)
def test_metadata_matches_gold(path):
    gold, parsed = parse_gold(path)
    assert parsed.title == gold["title"]
    assert (parsed.date.isoformat() if parsed.date else None) == gold["date"]
    assert parsed.location == gold.get("location")


@pytest.mark.parametrize("path", GOLD, ids=IDS)
def test_turn_count_labels_and_text_match_gold(path):
    gold, parsed = parse_gold(path)
    assert len(parsed.turns) == gold["utterance_count"] == len(gold["utterances"])
    for index, (want, got) in enumerate(zip(gold["utterances"], parsed.turns)):
        text = flat(" ".join(got.paragraphs))
        where = f"turn {index + 1}"
        assert got.label == want["label"], where
        assert text.startswith(want["text_start"]), where
        assert text.endswith(want["text_end"]), where


@pytest.mark.parametrize("path", GOLD, ids=IDS)
def test_paragraph_counts_match_gold(path, request):
    gold, parsed = parse_gold(path)
    if gold["file"] in PARAGRAPH_GAPS:
        request.applymarker(pytest.mark.xfail(strict=True, reason="one turn splits differently, see NOTES.md"))
    assert [len(t.paragraphs) for t in parsed.turns] == [u["paragraphs"] for u in gold["utterances"]]


@pytest.mark.parametrize("path", GOLD, ids=IDS)
def test_speakers_match_gold(path, request):
    gold, parsed = parse_gold(path)
    if gold["file"] in SPEAKER_GAPS:
        request.applymarker(pytest.mark.xfail(strict=True, reason="known attribution gap, see NOTES.md"))
    assert [t.speaker for t in parsed.turns] == [u["speaker"] for u in gold["utterances"]]
    assert [t.affiliation for t in parsed.turns] == [u["affiliation"] for u in gold["utterances"]]


@pytest.mark.parametrize("path", GOLD, ids=IDS)
def test_roles_match_gold(path, request):
    gold, parsed = parse_gold(path)
    if gold["file"] in ROLE_GAPS:
        request.applymarker(pytest.mark.xfail(strict=True, reason="role heuristics differ, see NOTES.md"))
    assert [t.role for t in parsed.turns] == [u["role"] for u in gold["utterances"]]


def test_roles_agree_with_gold_on_at_least_97_percent_of_all_turns():
    """Roles are judgement calls (remark vs answer). Measured: 432 of 458 gold turns (94.3%)."""
    agree = total = 0
    for path in GOLD:
        gold, parsed = parse_gold(path)
        agree += sum(t.role == u["role"] for t, u in zip(parsed.turns, gold["utterances"]))
        total += len(gold["utterances"])
    assert total and agree / total >= 0.97


@pytest.mark.parametrize("path", GOLD, ids=IDS)
def test_seed_paragraph_texts_are_exact(path):
    gold, parsed = parse_gold(path)
    for want, got in zip(gold["utterances"], parsed.turns):
        if "paragraph_texts" in want:
            assert got.paragraphs == want["paragraph_texts"]


def test_seed_chrome_is_dropped_and_recorded():
    path = next(p for p in GOLD if p.name.startswith("lavrov"))
    gold, parsed = parse_gold(path)
    assert set(gold["dropped"]) <= set(parsed.dropped)
    assert parsed.reference == gold["reference"]
    assert parsed.time.strftime("%H:%M") == gold["time"]
    assert parsed.turns[4].note == "speaking after Maxim Ryzhenkov"

"""A word's other English spellings (transcripts/spellings.py): British and American forms find each
other, both ways, with their derived forms; words that only look like a pair are left alone. The
search side (only spellings the archive holds are searched) is in tests/test_search_words.py."""

from __future__ import annotations

import itertools

import pytest

from transcripts.spellings import other_spellings

PAIRS = [
    ("defence", "defense"), ("offences", "offenses"), ("organisation", "organization"),
    ("organisational", "organizational"), ("recognised", "recognized"), ("normalising", "normalizing"),
    ("criticise", "criticize"), ("analyse", "analyze"), ("paralysed", "paralyzed"), ("programme", "program"),
    ("programmes", "programs"), ("centre", "center"), ("centres", "centers"), ("centred", "centered"),
    ("centring", "centering"), ("theatre", "theater"), ("labour", "labor"), ("labourers", "laborers"),
    ("favourable", "favorable"), ("favourite", "favorite"), ("neighbourhood", "neighborhood"),
    ("behavioural", "behavioral"), ("honour", "honor"), ("dialogue", "dialog"), ("catalogues", "catalogs"),
    ("travelled", "traveled"), ("counsellor", "counselor"), ("cancelling", "canceling"), ("judgement", "judgment"),
    ("sceptical", "skeptical"), ("manoeuvre", "maneuver"), ("co-operation", "cooperation"),
    ("co-ordinate", "coordinate"), ("non-proliferation", "nonproliferation"),
    ("counter-terrorism", "counterterrorism"), ("re-election", "reelection"), ("de-escalation", "deescalation"),
    ("cease-fire", "ceasefire"),
]  # fmt: skip


@pytest.mark.parametrize(("british", "american"), PAIRS)
def test_each_spelling_finds_the_other(british, american):
    assert american in other_spellings(british)
    assert british in other_spellings(american)


# Generated: every -ise/-ize stem with every suffix, typed in any case, finds its pair.
_STEMS = ["organ", "recogn", "real", "normal", "modern", "mobil", "prioriti", "stabil", "legitim", "character"]
_SUFFIXES = ["e", "es", "ed", "ing", "ation", "ations", "er", "ers"]


@pytest.mark.parametrize(("stem", "suffix"), list(itertools.product(_STEMS, _SUFFIXES)))
def test_every_ise_word_finds_its_ize_form(stem, suffix):
    british, american = f"{stem}is{suffix}", f"{stem}iz{suffix}"
    assert other_spellings(british.capitalize()) == [american]
    assert other_spellings(american.upper()) == [british]


@pytest.mark.parametrize(
    "word",
    # Another word, not another spelling ("filed", "Gray", "storey", "draught", "cheque", "tyre", "prise"),
    # or no other spelling at all.
    ["filled", "called", "grey", "gray", "story", "draft", "check", "tire", "prize", "size", "seize", "the",
     "sanctions", "report", "research", "president", "coalition", "coast", "US", "a-b"],
)  # fmt: skip
def test_words_that_only_look_like_a_pair_have_no_other_spelling(word):
    assert other_spellings(word) == []


def test_a_rule_may_invent_a_word_the_archive_then_does_not_hold():
    # "advize" is not English: the query keeps only the spellings turns use (test_search_words.py).
    assert other_spellings("advise") == ["advize"]

"""The gold transcripts of ../shared/gold rendered in the house conventions publishers use (each
delimiter, labels alone on their line, bold and heading labels, outlet suffixes, interpretation
notes, Spanish and Russian markers, a header naming the president, a form of address inside a
turn): the parser must find the same turns, with the same speakers, title and date."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import CORPUS, needs_shared
from tests.styles.corpus import gold_transcripts, score, variants
from tests.styles.render import CONVENTIONS, render

pytestmark = needs_shared
GOLD = gold_transcripts() if CORPUS.exists() else []
CASES = [(gold, convention, rendered, title) for gold in GOLD for convention, rendered, title in variants(gold)]


@pytest.mark.parametrize(
    ("gold", "convention", "rendered", "title"), CASES, ids=[f"{c[1]}-{c[0].name[:24]}" for c in CASES]
)
def test_the_same_turns_come_back_in_every_convention(gold, convention, rendered, title):
    result = score(rendered, title, gold.date)
    assert result.turns_found == result.turns_expected == result.turns_matched
    assert result.speakers_right == result.speakers_expected
    assert result.title_right and result.date_right


def test_every_convention_is_covered():
    assert len({c[1] for c in CASES}) >= 12


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_stretch_of_a_dialogue_in_any_convention_gives_the_same_turns(data):
    gold = data.draw(st.sampled_from(GOLD))
    convention = data.draw(st.sampled_from(CONVENTIONS))
    size = data.draw(st.integers(min_value=6, max_value=min(30, len(gold.turns))))
    start = data.draw(st.integers(min_value=0, max_value=len(gold.turns) - size))
    turns = gold.turns[start : start + size]
    speakers = [t.speaker or t.marker or "Q" for t in turns]
    # A dialogue: some label recurs (what tells a label from a heading).
    if max(speakers.count(s) for s in speakers) < 2:
        return
    result = score(render(gold.title, gold.date, turns, convention), gold.title, gold.date)
    assert result.turns_matched == result.turns_expected == result.turns_found
    assert result.speakers_right == result.speakers_expected

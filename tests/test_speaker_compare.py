"""Speakers side by side (/speakers/compare/) and journalists listed apart (/speakers/)."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from transcripts.compare import log_likelihood
from transcripts.ingest import ingest_bytes

pytestmark = pytest.mark.django_db


def briefing(day: int, who: str, topic: str, journalist: str = "John Smith (Reuters)") -> bytes:
    turns = [
        f"{who}: Good afternoon. Today {topic} comes first.",
        f"{journalist}: What about {topic} and the talks next week?",
        f"{who}: On {topic}, the talks continue and {topic} remains our priority.",
        f"{journalist}: And the weather?",
        f"{who}: It is fine, and {topic} is still on the agenda.",
    ]
    return (f"Press briefing by Spokesperson {who}, {day} March 2026\n\n" + "\n\n".join(turns) + "\n").encode()


@pytest.fixture
def two_spokespeople():
    for day in (2, 3, 4):
        assert ingest_bytes(briefing(day, "Anna Berg", "Japan and the fisheries"), f"a{day}.txt").status == "created"
        assert ingest_bytes(briefing(day + 10, "Boris Gray", "Brazil and deforestation"), f"b{day}.txt").status == (
            "created"
        )


def test_log_likelihood_is_signed_and_zero_when_a_speaker_is_like_the_archive():
    assert log_likelihood(30, 100, 40, 10_000) > 50  # 30% of their turns, 0.1% of the rest
    assert abs(log_likelihood(1, 100, 100, 10_000)) < 0.01  # 1% of theirs, 1% of the rest
    assert log_likelihood(1, 100, 5_000, 10_000) < 0  # they say it less than the others


def test_the_comparison_shows_what_each_speaker_talks_about_more(client, two_spokespeople):
    html = client.get("/speakers/compare/", {"speaker": ["anna-berg", "boris-gray"]}).content.decode()
    sections = dict(re.findall(r"<section>\s*<h3>(.*?)</h3>(.*?)</section>", html, re.S))
    assert set(sections) == {"Anna Berg", "Boris Gray"}
    assert ">Japan</a>" in sections["Anna Berg"] and ">Japan</a>" not in sections["Boris Gray"]
    assert ">Brazil</a>" in sections["Boris Gray"] and ">Brazil</a>" not in sections["Anna Berg"]
    assert ">fisheries</a>" in sections["Anna Berg"] and ">deforestation</a>" in sections["Boris Gray"]
    # Turns and words per year, one column per speaker.
    row = re.search(r'<th scope="row">2026</th>(.*?)</tr>', html, re.S).group(1)
    assert re.findall(r"<td>(\d+) <small>", row) == ["9", "9"]


def test_the_comparison_costs_the_same_queries_per_speaker(client, two_spokespeople):
    ingest_bytes(briefing(20, "Clara Dunn", "Kenya and tea exports"), "c.txt")

    def queries(*slugs):
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/speakers/compare/", {"speaker": list(slugs)}).status_code == 200
        return len(captured)

    one, two, three = (
        queries("anna-berg"),
        queries("anna-berg", "boris-gray"),
        queries("anna-berg", "boris-gray", "clara-dunn"),
    )
    assert three - two == two - one <= 3


def test_a_speaker_is_added_by_typing_part_of_the_name_and_removed_by_its_cross(client, two_spokespeople):
    response = client.get("/speakers/compare/", {"speaker": "anna-berg", "speaker_name": "gray"})
    assert response.status_code == 302
    assert "speaker=anna-berg" in response["Location"] and "speaker=boris-gray" in response["Location"]
    html = client.get("/speakers/compare/" + response["Location"]).content.decode()
    remove = re.search(r'<a class="remove" href="([^"]*)" aria-label="Remove Anna Berg">', html).group(1)
    assert "anna-berg" not in remove and "boris-gray" in remove


def test_more_than_five_speakers_are_cut_to_five_and_said(client, two_spokespeople):
    html = client.get("/speakers/compare/", {"speaker": ["anna-berg"] + [f"s{n}" for n in range(6)]}).content.decode()
    assert "At most 5 speakers at a time" in html


def test_journalists_are_listed_apart_from_officials(client, two_spokespeople):
    officials = client.get("/speakers/").content.decode()
    journalists = client.get("/speakers/", {"who": "journalists"}).content.decode()
    assert ">Anna Berg</a>" in officials and ">John Smith</a>" not in officials
    assert ">John Smith</a>" in journalists and ">Anna Berg</a>" not in journalists
    assert re.search(r"Journalists <small>1</small>", officials)

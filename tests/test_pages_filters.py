"""The filter forms people use: labels they read, speakers and entities typed by name, the active
filters shown and removable, a chosen facet that can be taken away again."""

from __future__ import annotations

import re

import pytest

from transcripts.models import Speaker

pytestmark = pytest.mark.django_db

GENERATED = re.compile(r"slug|\[invalid name\]|greater than|less than|Event date|is equal", re.I)


@pytest.mark.parametrize("url", ["/search/?q=Minsk", "/events/"])
def test_no_form_label_is_a_generated_one(client, seed_event, url):
    html = client.get(url).content.decode()
    labels = re.findall(r"<(?:label|legend)[^>]*>(.*?)</(?:label|legend)>", html, re.S)
    assert len(labels) >= 5
    assert not [label for label in labels if GENERATED.search(label)]


def test_a_speaker_chosen_by_typing_part_of_the_name(client, seed_event):
    response = client.get("/search/", {"q": "Minsk", "speaker_name": "lavr"})
    assert response.status_code == 302
    assert "speaker=sergey-lavrov" in response["Location"] and "q=Minsk" in response["Location"]
    assert "speaker_name" not in response["Location"]


def test_a_name_that_fits_several_speakers_offers_each(client, seed_event):
    Speaker.objects.create(name="Sergey Lavrentiev", slug="sergey-lavrentiev")
    html = client.get("/search/", {"q": "Minsk", "speaker_name": "Sergey La"}).content.decode()
    assert "Which one did you mean?" in html
    assert "speaker=sergey-lavrov" in html and "speaker=sergey-lavrentiev" in html


def test_a_name_that_fits_nobody_is_said(client, seed_event):
    html = client.get("/events/", {"entity_name": "Atlantis"}).content.decode()
    assert "No entity is called “Atlantis”" in html


def test_active_filters_are_chips_that_remove_themselves(client, seed_event):
    html = client.get("/search/", {"q": "Minsk", "speaker": "sergey-lavrov", "role": "answer"}).content.decode()
    chips = re.findall(r'<li><span>(.*?)</span> <a href="([^"]*)"', html)
    by_label = {label: href.replace("&amp;", "&") for label, href in chips}
    assert set(by_label) == {"Speakers: Sergey Lavrov", "Role: Answer"}
    without_speaker = by_label["Speakers: Sergey Lavrov"]
    assert "speaker=" not in without_speaker and "role=answer" in without_speaker
    assert "q=Minsk" in by_label["Role: Answer"]


def test_a_chosen_year_can_be_removed_from_its_facet(client, seed_event):
    html = client.get("/search/", {"q": "Minsk", "year": "2025"}).content.decode()
    selected = re.search(r'<li class="selected"><a href="([^"]*)">2025</a>', html)
    assert selected and "year=" not in selected.group(1)

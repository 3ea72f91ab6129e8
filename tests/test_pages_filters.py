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


def test_a_filter_of_one_value_shows_the_value_in_force_and_its_chip_removes_it(client, seed_event):
    # "role=answer&role=question": the filter reads the last value, and so do the chips.
    html = client.get("/search/?q=Minsk&role=answer&role=question").content.decode()
    chips = re.findall(r'<li><span>(.*?)</span> <a href="([^"]*)"', html)
    assert [label for label, _ in chips] == ["Role: Question"]
    assert "role=" not in chips[0][1]
    assert not re.findall(r"<li><span>Role", client.get("/search/?q=Minsk&role=answer&role=").content.decode())


def test_a_chosen_year_can_be_removed_from_its_facet(client, seed_event):
    html = client.get("/search/", {"q": "Minsk", "year": "2025"}).content.decode()
    selected = re.search(r'<li class="selected"><a href="([^"]*)">2025</a>', html)
    assert selected and "year=" not in selected.group(1)


def test_an_entity_page_shows_each_quote_where_it_names_the_entity(client, seed_event):
    from transcripts.models import Entity

    entity = Entity.objects.filter(mention_count__gt=0, kind="country").order_by("-mention_count").first()
    html = client.get(entity.get_absolute_url()).content.decode()
    quotes = re.findall(r"<blockquote[^>]*><p>(.*?)</p></blockquote>", html, re.S)
    assert quotes and all("<mark>" in q for q in quotes)
    assert all(len(re.sub(r"<[^>]+>", "", q)) <= 420 for q in quotes)


def test_a_citation_names_the_source_of_record_the_access_date_and_the_questioners_outlet(client):
    from transcripts.ingest import ingest_bytes

    text = "Talks on trade\n\nQ (Reuters): What about Brazil?\n\nMR. SMITH: Brazil agrees.\n"
    event = ingest_bytes(text.encode(), "talks.txt").event
    event.source_url = "https://example.org/transcripts/talks"
    event.save()
    for fmt in ("txt", "bib", "json"):
        body = client.get(f"/u/{event.slug}/1/cite.{fmt}").content.decode()
        assert "Question from Reuters" in body, fmt
        assert "https://example.org/transcripts/talks" in body, fmt
    import datetime as dt

    today = dt.date.today()
    assert f"Accessed {today:%-d %B %Y}" in client.get(f"/u/{event.slug}/1/cite.txt").content.decode()
    assert f"urldate = {{{today:%Y-%m-%d}}}" in client.get(f"/u/{event.slug}/1/cite.bib").content.decode()
    answer = event.utterances.get(sequence=2)
    assert answer.speaker and client.get(f"/u/{event.slug}/2/cite.json").json()["author"] == [
        {"literal": answer.speaker.name}
    ]


def test_a_speaker_page_gives_statistics(client, seed_event):
    from transcripts.models import Speaker

    lavrov = Speaker.objects.get(slug="sergey-lavrov")
    turns = lavrov.utterances.all()
    words = sum(len(t.text.split()) for t in turns)
    html = client.get(lavrov.get_absolute_url()).content.decode()
    stats = dict(re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", html))
    assert stats["Turns"] == str(turns.count()) and stats["Transcripts"] == "1"
    assert int(stats["Words"].replace(",", "")) == words
    assert stats["Answers given"] == str(turns.filter(role="answer").count())
    assert "25 November 2025" in stats["On the record"]


def test_the_date_browser_goes_from_years_to_months_to_days(client, seed_event):
    from transcripts.ingest import ingest_bytes

    ingest_bytes(b"Talks\n\nMarch 9, 1977\n\nQ: Any news?\n\nMR. SMITH: None.\n", "1977.txt")
    years = client.get("/events/dates/").content.decode()
    assert re.search(r'href="/events/dates/1977/">1977</a> <small>1 transcript</small>', years)
    assert re.search(r'href="/events/dates/2025/">2025</a> <small>1 transcript</small>', years)
    months = client.get("/events/dates/2025/").content.decode()
    assert 'href="/events/dates/2025/11/">November</a>' in months
    days = client.get("/events/dates/2025/11/").content.decode()
    assert 'href="#day-25">25</a>' in days and seed_event.get_absolute_url() in days
    assert client.get("/events/dates/2025/13/").status_code == 404
    assert client.get("/events/dates/1800/").status_code == 404

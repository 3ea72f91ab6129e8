"""Hostile input: markup and script in every field, SQL-looking and odd characters in every
parameter, oversized and malformed queries. Every page answers 200, 400 or 404, never 500, and
shows the text escaped. (The browser test in test_browser.py checks that no script runs.)"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from xml.etree import ElementTree

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transcripts.ingest import ingest_bytes
from transcripts.models import Entity, Event, Mention, Speaker, Utterance

HOSTILE = Path(__file__).parent / "hostile"

# What must never reach a page unescaped.
DANGEROUS = [
    re.compile(r"<script>alert", re.I),
    re.compile(r"<img src=x", re.I),
    re.compile(r"<svg onload", re.I),
    re.compile(r"""(href|src|action)\s*=\s*["']?\s*javascript:""", re.I),
    re.compile(r"<span onmouseover", re.I),
]

NASTY_VALUES = [
    "'; DROP TABLE transcripts_event; --",
    "%",
    "_",
    "\\",
    "' OR '1'='1",
    '"><svg onload=alert(1)>',
    "<script>alert(1)</script>",
    "javascript:alert(1)",
    "\u202eevil\u202c",
    "zero\u200bwidth\u200d",
    "-1",
    "99999999999999999999999",
    "abc",
    " ".join(["word"] * 10_000),
    " or ".join(f"term{i}" for i in range(500)),
    "²",
    "①",
    "١٢",
    "russia\x01",
]

PARAMETERS = {
    "/search/": [
        "q", "speaker", "role", "publisher", "kind", "entity", "language",
        "date_from", "date_to", "event", "sort", "page",
    ],
    "/events/": ["q", "title", "date_from", "date_to", "publisher", "kind", "speaker", "entity", "page"],
    "/speakers/": ["q", "page"],
    "/entities/": ["kind", "name", "page"],
    "/api/search/": ["q", "speaker", "entity", "year", "date_from", "sort", "page", "page_size"],
    "/api/events/": ["title", "date_from", "speaker", "entity", "page", "page_size"],
    "/api/speakers/": ["name", "page", "page_size"],
    "/api/entities/": ["kind", "name", "page", "page_size"],
    "/search/feed/": ["q", "speaker", "entity", "year", "page"],
    "/search/csv/": ["q", "speaker", "entity", "year", "sort"],
}  # fmt: skip


def assert_safe(response):
    assert response.status_code in (200, 400, 404), (response.status_code, response.request)
    content = b"".join(response.streaming_content) if response.streaming else response.content
    body = content.decode("utf-8", errors="replace")
    kind = response.get("Content-Type", "")
    if "csv" in kind:
        return  # raw text for a spreadsheet (formulas are defused by exports._cell)
    if "atom" in kind:
        # Well-formed XML; links only to our http(s) pages; the HTML a reader renders is safe.
        root = ElementTree.fromstring(content)
        assert all(el.get("href", "http").startswith("http") for el in root.iter())
        body = " ".join(el.text or "" for el in root.iter() if el.get("type") == "html")
    elif "json" in kind:
        # Raw text is right in JSON; only the HTML snippets the API hands out must be escaped.
        body = " ".join(str(row.get("snippet_html")) for row in json.loads(body).get("results", []))
    for pattern in DANGEROUS:
        assert not pattern.search(body), (pattern.pattern, response.request)


@pytest.fixture
def hostile_archive(db, seed_event):
    for name in ("hostile.txt", "hostile.html"):
        result = ingest_bytes((HOSTILE / name).read_bytes(), name)
        assert result.status == "created", result.message
    event = Event.objects.get(original_filename="hostile.txt")
    turn = event.utterances.first()
    # What an editor could type into the admin: markup in an entity's and a speaker's name.
    entity = Entity.objects.create(
        name='<script>alert("entity")</script>', slug="evil-entity", kind="organisation",
        aliases=["<img src=x onerror=alert(1)>"],
    )  # fmt: skip
    Mention.objects.create(entity=entity, utterance=turn, count=1, spans=[0, 4])
    speaker = Speaker.objects.create(name='"><svg onload=alert(7)>', slug="evil-speaker")
    Utterance.objects.filter(pk=turn.pk).update(speaker=speaker)
    return event


def test_hostile_transcripts_are_stored_as_text(hostile_archive):
    html_event = Event.objects.get(original_filename="hostile.html")
    assert "<img src=x onerror=alert(1)>" in html_event.title  # kept, as text
    assert html_event.source_url == ""  # javascript: canonical/og:url refused
    texts = " ".join(Utterance.objects.filter(event=html_event).values_list("text", flat=True))
    assert 'alert("inline")' not in texts and 'alert("head")' not in texts  # <script> is not text
    assert '<script>alert("escaped")</script>' in texts  # escaped text in the page is text


def test_every_page_with_hostile_content_is_escaped(client, hostile_archive):
    urls = ["/", "/events/", "/speakers/", "/entities/"]
    for event in Event.objects.all():
        urls.append(event.get_absolute_url())
        urls += [u.get_absolute_url() for u in event.utterances.all()]
    urls += [s.get_absolute_url() for s in Speaker.objects.all()]
    urls += [e.get_absolute_url() for e in Entity.objects.all()]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_safe(response)


@pytest.mark.parametrize("path", list(PARAMETERS))
def test_nasty_values_in_every_parameter_never_give_a_500(client, hostile_archive, path):
    tried = 0
    for name in PARAMETERS[path]:
        for value in NASTY_VALUES:
            assert_safe(client.get(path, {name: value}))
            tried += 1
    assert tried == len(PARAMETERS[path]) * len(NASTY_VALUES)


def test_a_query_with_script_is_echoed_escaped(client, hostile_archive):
    html = client.get("/search/", {"q": '"><svg onload=alert(1)> <script>alert(1)</script>'}).content.decode()
    assert "&quot;&gt;&lt;svg onload=alert(1)&gt;" in html


def test_overlong_queries_are_refused_with_a_message(client, hostile_archive):
    long = client.get("/search/", {"q": " ".join(["word"] * 10_000)}).content.decode()
    assert "too long" in long
    ors = client.get("/search/", {"q": " or ".join(f"term{i}" for i in range(500))}).content.decode()
    assert "too long" in ors
    many = client.get("/search/", {"q": " or ".join(f"t{i}" for i in range(60))}).content.decode()
    assert "too many words: at most 40" in many


def test_nul_bytes_get_a_400_with_a_reason(client, hostile_archive):
    response = client.get("/search/", {"q": "a\x00b"})
    assert response.status_code == 400 and b"NUL character" in response.content
    assert client.get("/events/", {"title": "\x00"}).status_code == 400


def test_invalid_utf8_in_the_query_string_is_not_an_error(client, hostile_archive):
    response = client.generic("GET", "/search/", QUERY_STRING="q=%FF%FE%C3&speaker=%80")
    assert response.status_code == 200


@pytest.mark.parametrize("page", ["-1", "0", "abc", "1e9", "99999999999999999999", " 1", "1.5"])
def test_bad_page_numbers_are_404_everywhere(client, hostile_archive, page):
    for path in ("/search/?q=Russia&", "/events/?", "/speakers/?", "/entities/?"):
        assert client.get(f"{path}page={page}").status_code == 404


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(q=st.text(max_size=300), speaker=st.text(max_size=40), date=st.text(max_size=20))
def test_random_search_parameters_never_give_a_500(client, hostile_archive, q, speaker, date):
    assert_safe(client.get("/search/", {"q": q, "speaker": speaker, "date_from": date}))


def test_hostile_file_names_are_shown_escaped_in_the_upload_preview(client, hostile_archive):
    client.force_login(User.objects.create_user("ed", password="pw", is_staff=True, is_superuser=True))
    name = '"><svg onload=alert(1)>.txt'
    response = client.post("/admin/transcripts/event/upload/", {"files": [SimpleUploadedFile(name, b"T\n\nQ: x?")]})
    assert_safe(client.get(response["Location"]))


def test_a_transcript_over_the_turn_limit_is_refused_with_a_message(db):
    from transcripts.parsing.structure import MAX_TURNS

    text = "Title\n\n" + "\n\n".join(f"Q: Question {i}?\n\nA: Answer {i}." for i in range(MAX_TURNS // 2 + 1))
    result = ingest_bytes(text.encode(), "long.txt")
    assert result.status == "failed" and f"more than the {MAX_TURNS} allowed" in result.message
    assert not Event.objects.exists()


@pytest.mark.parametrize("digits", ["²", "①", "١"])
def test_unicode_digits_are_not_numbers_anywhere(client, hostile_archive, digits):
    for url in ("/events/", "/speakers/", "/entities/", "/search/?q=Russia&", "/api/events/", "/api/speakers/"):
        sep = "&" if "?" in url else "?"
        assert client.get(f"{url}{sep}page={digits}").status_code in (400, 404), url
    assert client.get(f"/api/search/?q=Russia&page_size={digits}").status_code == 400
    assert client.get(f"/search/?q=Russia&year={digits}").status_code == 200
    # Python's int() reads "١" (an Arabic-Indic one) as 1, and the form takes year 1: no match.
    assert client.get(f"/api/search/?q=Russia&year={digits}").status_code in (200, 400)


def test_many_repeated_entities_are_a_quick_form_error(client, hostile_archive):
    from transcripts.params import MAX_REPEATED_VALUES

    slugs = [f"e{n}" for n in range(250)] + list(Entity.objects.values_list("slug", flat=True))
    query = "&".join(f"entity={slug}" for slug in slugs)
    for url in ("/search/", "/api/search/", "/search/feed/", "/search/csv/"):
        started = time.monotonic()
        response = client.get(f"{url}?q=Russia&{query}")
        assert time.monotonic() - started < 1, url
        assert response.status_code in (200, 400, 404), url
    page = client.get(f"/search/?q=Russia&{query}").content.decode()
    assert f"At most {MAX_REPEATED_VALUES} values" in page


def test_several_entities_together_mean_turns_that_mention_all_of_them(client, seed_event):
    mentions = Mention.objects.filter(utterance__event=seed_event).select_related("entity")
    by_turn: dict[int, set[str]] = {}
    for mention in mentions:
        by_turn.setdefault(mention.utterance_id, set()).add(mention.entity.slug)
    pair = next(sorted(slugs)[:2] for slugs in by_turn.values() if len(slugs) >= 2)
    expected = sorted(pk for pk, slugs in by_turn.items() if set(pair) <= slugs)
    data = client.get("/api/search/", {"entity": pair, "page_size": 100}).json()
    assert sorted(row["id"] for row in data["results"]) == expected


def test_a_bad_host_header_is_a_400_in_production(client, settings):
    settings.ALLOWED_HOSTS = ["verbatim.example.org"]
    settings.DEBUG = False
    response = client.get("/", HTTP_HOST="evil.example.com")
    assert response.status_code == 400 and b"Bad request" in response.content

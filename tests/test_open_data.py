"""Open data: Atom feeds, the JSON API, exports, the sitemap and OpenSearch."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import pytest

from transcripts.ingest import ingest_bytes
from transcripts.models import Entity, Speaker, Utterance

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def atom(client, url) -> ET.Element:
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def entries(feed: ET.Element) -> list[ET.Element]:
    return feed.findall(f"{ATOM}entry")


# ------------------------------------------------------------------ feeds


def test_latest_events_feed(client, seed_event):
    feed = atom(client, "/feeds/events/")
    [entry] = entries(feed)
    assert entry.find(f"{ATOM}title").text == seed_event.title
    assert entry.find(f"{ATOM}link").get("href").endswith(seed_event.get_absolute_url())


def test_search_feed_has_the_filters_and_links_to_permalinks(client, seed_event):
    feed = atom(client, '/search/feed/?q="Minsk agreements"&speaker=sergey-lavrov')
    items = entries(feed)
    assert items and all("/u/" in e.find(f"{ATOM}link").get("href") for e in items)
    assert all(e.find(f"{ATOM}author/{ATOM}name").text == "Sergey Lavrov" for e in items)
    assert all("Minsk" in e.find(f"{ATOM}summary").text for e in items)


def test_search_feed_of_a_bad_query_is_404(client, seed_event):
    assert client.get("/search/feed/?q=the+and+of").status_code == 404


def test_speaker_and_entity_feeds(client, seed_event):
    lavrov = Speaker.objects.get(name="Sergey Lavrov")
    assert len(entries(atom(client, f"/speakers/{lavrov.slug}/feed/"))) == lavrov.utterances.count()
    nato = Entity.objects.get(name="NATO")
    assert len(entries(atom(client, f"/entities/{nato.slug}/feed/"))) == nato.mention_count


def test_feed_content_is_escaped_html(client, seed_event):
    turn = seed_event.utterances.get(sequence=3)  # Lavrov's first answer
    turn.text = "NATO <script>alert(1)</script> & more"
    turn.save()
    feed = atom(client, f"/speakers/{Speaker.objects.get(name='Sergey Lavrov').slug}/feed/")
    summaries = [e.find(f"{ATOM}summary") for e in entries(feed)]
    texts = [s.text for s in summaries if s.text.startswith("<p>NATO")]
    assert summaries[0].get("type") == "html"
    assert texts and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in texts[0]  # HTML-escaped inside XML


@pytest.mark.parametrize(
    "path, feed",
    [("/", "/feeds/events/"), ("/search/?q=Minsk", "/search/feed/?q=Minsk"), ("/speakers/sergey-lavrov/", "/feed/")],
)
def test_pages_advertise_their_feed(client, seed_event, path, feed):
    html = client.get(path).content.decode()
    assert 'rel="alternate" type="application/atom+xml"' in html and feed in html


# ------------------------------------------------------------------ JSON API


def test_api_search_fields_filters_and_snippets(client, seed_event):
    data = client.get("/api/search/", {"q": '"Minsk agreements"', "speaker": "sergey-lavrov"}).json()
    assert data["count"] == len(data["results"]) >= 1 and data["sort"] == "relevance"
    hit = data["results"][0]
    assert set(hit) == {"id", "sequence", "speaker", "label", "affiliation", "role", "note", "text", "answers",
                        "url", "event", "snippet_html", "asked_snippet_html"}  # fmt: skip
    assert hit["speaker"] == {"slug": "sergey-lavrov", "name": "Sergey Lavrov"}
    assert "<mark>Minsk</mark>" in hit["snippet_html"] and hit["url"].startswith("http://testserver/u/")
    assert {row["label"] for row in data["facets"]["speaker"]} == {"Sergey Lavrov"}


def test_api_pagination_links(client, seed_event):
    first = client.get("/api/search/", {"speaker": "sergey-lavrov", "page_size": 2}).json()
    assert first["count"] == 5 and len(first["results"]) == 2 and first["previous"] is None
    second = client.get(first["next"]).json()
    assert second["previous"] and {r["id"] for r in second["results"]}.isdisjoint({r["id"] for r in first["results"]})
    last = client.get("/api/search/", {"speaker": "sergey-lavrov", "page_size": 2, "page": 3}).json()
    assert last["next"] is None and len(last["results"]) == 1


@pytest.mark.parametrize(
    "params, status, field",
    [
        ({"q": "Minsk", "page": "0"}, 400, "page"),
        ({"q": "Minsk", "page_size": "1000"}, 400, "page_size"),
        ({"q": "Minsk", "date_from": "yesterday"}, 400, "date_from"),
        ({"q": "the and of"}, 400, None),
        ({"q": "Minsk", "page": "99"}, 404, None),
    ],
)
def test_api_errors_are_json_with_a_message(client, seed_event, params, status, field):
    response = client.get("/api/search/", params)
    assert response.status_code == status and response["Access-Control-Allow-Origin"] == "*"
    body = response.json()
    assert body["error"]
    if field:
        assert field in body["fields"]


def test_api_events_list_and_detail(client, seed_event):
    listing = client.get("/api/events/", {"date_from": "2025-01-01"}).json()
    assert listing["count"] == 1 and listing["results"][0]["slug"] == seed_event.slug
    assert client.get("/api/events/", {"date_from": "2030-01-01"}).json()["count"] == 0
    detail = client.get(f"/api/events/{seed_event.slug}/").json()
    assert [t["sequence"] for t in detail["utterances"]] == list(range(1, 10))
    assert detail["utterances"][2]["answers"] == 2 and detail["publisher"]["name"].startswith("Ministry")
    assert {"name": "NATO", "kind": "organisation"}.items() <= next(
        e for e in detail["entities"] if e["name"] == "NATO"
    ).items()


def test_api_speakers_and_entities(client, seed_event):
    speakers = client.get("/api/speakers/", {"name": "lavrov"}).json()
    assert [s["name"] for s in speakers["results"]] == ["Sergey Lavrov"] and speakers["results"][0]["turns"] == 5
    detail = client.get("/api/speakers/sergey-lavrov/").json()
    assert detail["entity"] and detail["turns_api_url"].endswith("/api/search/?speaker=sergey-lavrov")
    countries = client.get("/api/entities/", {"kind": "country"}).json()
    assert countries["results"][0]["name"] == "Russia"
    assert client.get("/api/entities/", {"kind": "planet"}).status_code == 400
    nato = client.get("/api/entities/nato/").json()
    assert nato["mentions"] == nato["turns"] >= 1 and nato["speakers"][0]["name"] == "Sergey Lavrov"
    assert client.get("/api/entities/no-such-thing/").status_code == 404


def test_api_search_without_words_lists_every_turn_newest_first(client, seed_event):
    data = client.get("/api/search/").json()
    assert data["count"] == 9 and data["sort"] == "newest"


def test_api_allows_cross_origin_get_and_preflight(client, seed_event):
    preflight = client.options("/api/events/", HTTP_ORIGIN="https://example.org")
    assert preflight.status_code == 204 and "GET" in preflight["Access-Control-Allow-Methods"]
    assert client.post("/api/events/").status_code == 405


def test_api_docs_page_and_openapi(client):
    assert b"/api/search/" in client.get("/api/").content
    spec = client.get("/api/openapi.json").json()
    assert spec["openapi"].startswith("3.1") and "/api/events/{slug}/" in spec["paths"]


# ------------------------------------------------------------------ exports


def test_transcript_as_text_and_markdown(client, seed_event):
    text = client.get(f"/events/{seed_event.slug}.txt").content.decode()
    assert text.startswith(seed_event.title) and "\nSergey Lavrov: " in text and "\nQuestion: " in text
    markdown = client.get(f"/events/{seed_event.slug}.md").content.decode()
    assert markdown.startswith("---\ntitle: ") and "**Sergey Lavrov:**" in markdown


def test_json_export_reingests_to_the_same_turns(client, seed_event):
    exported = client.get(f"/events/{seed_event.slug}.json").content
    again = ingest_bytes(exported, f"{seed_event.slug}.json", dry_run=True)
    assert again.status == "parsed", again.message
    stored = list(seed_event.utterances.select_related("speaker").order_by("sequence"))
    assert [(t.speaker, t.label, t.role, t.text, t.answers) for t in again.parsed.turns] == [
        (u.speaker.name if u.speaker else None, u.label or None, u.role, u.text,
         u.answers.sequence - 1 if u.answers_id else None)
        for u in stored
    ]  # fmt: skip
    assert (again.parsed.title, again.parsed.date) == (seed_event.title, seed_event.date)


def test_a_foreign_json_file_is_refused_with_a_message():
    result = ingest_bytes(b'{"hello": "world"}', "data.json", dry_run=True)
    assert result.status == "failed" and "not a Verbatim transcript" in result.message


def test_search_csv_has_every_row_and_neutralises_formulas(client, seed_event):
    Utterance.objects.filter(event=seed_event, sequence=1).update(text="=HYPERLINK(1) Minsk")
    response = client.get("/search/csv/", {"q": "Minsk"})
    assert response["X-Verbatim-Capped"] == "no" and response["X-Verbatim-Row-Cap"] == "10000"
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    html_count = client.get("/api/search/", {"q": "Minsk"}).json()["count"]
    assert len(rows) == html_count and any(r["text"].startswith("'=HYPERLINK") for r in rows)


def test_search_csv_is_capped(client, seed_event, monkeypatch):
    from transcripts import exports

    monkeypatch.setattr(exports, "CSV_ROW_CAP", 3)
    response = client.get("/search/csv/", {"speaker": "sergey-lavrov"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert len(rows) == 1 + 3 and response["X-Verbatim-Capped"] == "yes"
    assert 'filename="verbatim-search-first-3.csv"' in response["Content-Disposition"]
    uncapped = client.get("/search/csv/", {"q": "Abu Dhabi"})  # two turns, under the cap
    assert 'filename="verbatim-search.csv"' in uncapped["Content-Disposition"]


@pytest.mark.parametrize("fmt, needle", [("txt", "Sergey Lavrov"), ("bib", "@misc{"), ("json", '"type": "speech"')])
def test_citation_downloads(client, seed_event, fmt, needle):
    response = client.get(f"/u/{seed_event.slug}/3/cite.{fmt}")
    assert response.status_code == 200 and needle in response.content.decode()
    if fmt == "json":
        assert json.loads(response.content)["URL"].endswith(f"/u/{seed_event.slug}/3/")


# ------------------------------------------------------------------ discovery


def test_sitemap_lists_events_speakers_and_entities(client, seed_event):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    urls = {loc.text for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    assert f"http://testserver{seed_event.get_absolute_url()}" in urls
    assert "http://testserver/speakers/sergey-lavrov/" in urls and "http://testserver/entities/nato/" in urls


def test_opensearch_description(client):
    root = ET.fromstring(client.get("/opensearch.xml").content)
    ns = "{http://a9.com/-/spec/opensearch/1.1/}"
    templates = [u.get("template") for u in root.findall(f"{ns}Url")]
    assert "http://testserver/search/?q={searchTerms}" in templates
    assert 'rel="search" type="application/opensearchdescription+xml"' in client.get("/").content.decode()


def test_pages_have_open_graph_tags(client, seed_event):
    html = client.get(f"/u/{seed_event.slug}/3/").content.decode()
    assert '<meta property="og:title" content="Sergey Lavrov, ' in html
    assert '<meta property="og:type" content="article">' in html and 'property="og:url"' in html


def test_robots_points_at_the_sitemap(client):
    assert b"Sitemap: http://testserver/sitemap.xml" in client.get("/robots.txt").content


def test_a_search_feed_points_at_itself_with_its_query(client, seed_event):
    root = ET.fromstring(client.get("/search/feed/", {"q": "Minsk"}).content)
    atom = "{http://www.w3.org/2005/Atom}"
    own = [link.get("href") for link in root.iter(f"{atom}link") if link.get("rel") == "self"]
    assert own and own[0].endswith("/search/feed/?q=Minsk")


def test_feed_entries_keep_their_dates_and_do_not_claim_a_local_time_is_utc(client, seed_event):
    atom = "{http://www.w3.org/2005/Atom}"
    first = ET.fromstring(client.get("/speakers/sergey-lavrov/feed/").content)
    seed_event.title += " (edited)"
    seed_event.save()
    second = ET.fromstring(client.get("/speakers/sergey-lavrov/feed/").content)
    updated = [[e.findtext(f"{atom}updated") for e in root.iter(f"{atom}entry")] for root in (first, second)]
    assert updated[0] and updated[0] == updated[1]  # an edit elsewhere does not re-flag every quote
    published = {e.findtext(f"{atom}published") for e in second.iter(f"{atom}entry")}
    assert published == {"2025-11-25T00:00:00+00:00"}


def test_the_api_documentation_is_linked_and_shows_code_not_backticks(client, seed_event):
    assert 'href="/api/"' in client.get("/").content.decode()
    html = client.get("/api/").content.decode()
    assert "<code>" in html and "`" not in re.sub(r"<script.*?</script>", "", html, flags=re.S)


def test_a_favicon_is_declared_and_served(client, seed_event):
    assert 'rel="icon"' in client.get("/").content.decode()
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("favicon.svg")

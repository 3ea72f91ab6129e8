"""What a reader sees in a real browser (Debian's chromium via Playwright)."""

from __future__ import annotations

import re

import pytest

from tests.conftest import seed_path

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def archive(transactional_db, live_server):
    from transcripts.ingest import ingest_bytes

    result = ingest_bytes(seed_path().read_bytes(), seed_path().name)
    assert result.status == "created", result.message
    return live_server.url


def test_home_search_filter_and_permalink(page, archive):
    page.goto(archive + "/")
    assert page.locator(".totals").inner_text().startswith("1 transcript")

    page.get_by_label("Search what was said").fill('"Minsk agreements"')
    page.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"/search/\?q="))
    marks = page.locator(".results mark").all_inner_texts()
    assert marks and {m.lower() for m in marks} <= {"minsk", "agreements"}

    # The speaker facet narrows the results and shows as selected.
    page.locator("aside.facets li a", has_text="Sergey Lavrov").first.click()
    page.wait_for_url(re.compile(r"speaker=sergey-lavrov"))
    assert page.locator("aside.facets li.selected", has_text="Sergey Lavrov").count() == 1
    speakers = set(page.locator(".results article .who").all_inner_texts())
    assert speakers == {"Sergey Lavrov"}

    # The first result's permalink shows the quote and ready-to-copy citations.
    page.locator(".results a.permalink").first.click()
    page.wait_for_url(re.compile(r"/u/[^/]+/\d+/$"))
    assert "Sergey Lavrov" in page.locator("h1").inner_text()
    assert "Minsk" in page.locator("blockquote").first.inner_text()
    plain = page.locator("#cite-plain").input_value()
    assert page.url in plain and "2025" in plain
    assert page.locator("#cite-bibtex").input_value().startswith("@")


def test_transcript_page_anchor_scrolls_to_the_turn(page, archive):
    from transcripts.models import Event

    event = Event.objects.get()
    page.goto(f"{archive}{event.get_absolute_url()}#u5")
    turn = page.locator("#u5")
    assert turn.is_visible()
    top = turn.evaluate("el => el.getBoundingClientRect().top")
    assert -2 <= top < 200, top


def test_pages_fit_a_phone_screen(page, archive):
    from transcripts.models import Event

    page.set_viewport_size({"width": 375, "height": 740})
    for path in ("/", "/search/?q=Minsk", Event.objects.get().get_absolute_url(), "/speakers/"):
        page.goto(archive + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px on a phone"


def test_search_results_work_without_javascript(browser, archive):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(archive + "/search/?q=Turkiye")
    assert "Türkiye" in page.locator(".results mark").all_inner_texts()
    context.close()


def test_editor_uploads_previews_and_publishes_in_the_browser(page, live_server):
    from django.contrib.auth.models import User

    from tests.conftest import CORPUS
    from transcripts.models import Event
    from transcripts.parsing import parse_transcript

    User.objects.create_user("editor", password="a-long-test-password", is_staff=True, is_superuser=True)
    paths = [seed_path()] + [p for p in (CORPUS / "kremlin_52834.html",) if p.exists()]
    page.goto(live_server.url + "/admin/transcripts/event/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a-long-test-password")
    page.click("input[type=submit]")
    page.get_by_role("link", name="Upload transcripts").click()
    page.set_input_files("input[type=file]", [str(p) for p in paths])
    page.get_by_role("button", name="Preview").click()
    page.wait_for_url(re.compile(r"/upload/[0-9a-f-]{36}/$"))
    counts = [int(n) for n in page.locator(".turn-count").all_inner_texts()]
    assert counts == [len(parse_transcript(p.read_bytes(), p.name).turns) for p in paths]
    assert Event.objects.count() == 0
    page.get_by_role("button", name="Add the ticked transcripts").click()
    links = page.locator(".upload-results li.created a").first
    assert page.locator(".upload-results li.created").count() == len(paths)
    links.click()
    assert page.locator("section.turn").count() == counts[0]


def test_no_script_runs_and_no_inline_script_is_needed_on_hostile_pages(page, archive):
    from pathlib import Path

    from transcripts.ingest import ingest_bytes
    from transcripts.models import Event, Speaker

    hostile = Path(__file__).parent / "hostile"
    for name in ("hostile.txt", "hostile.html"):
        assert ingest_bytes((hostile / name).read_bytes(), name).status == "created"
    dialogs, violations = [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => "
        "(window.__violations = window.__violations || []).push(e.violatedDirective + ' ' + e.blockedURI))"
    )
    paths = ["/", "/events/", "/entities/", '/search/?q="><svg onload=alert(1)><script>alert(2)</script>']
    for event in Event.objects.all():
        paths += [event.get_absolute_url(), *(u.get_absolute_url() for u in event.utterances.all()[:3])]
    paths += [s.get_absolute_url() for s in Speaker.objects.all()]
    for path in paths:
        page.goto(archive + path)
        for link in page.locator("a.mention").all()[:3]:
            link.hover()
        violations += page.evaluate("window.__violations || []")
    assert dialogs == [], dialogs
    assert violations == [], violations


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_choose_a_speaker_by_name_remove_the_chip_and_browse_by_date(browser, archive, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        page.goto(archive + "/search/?q=Minsk")
        page.locator("#id_speaker_name").fill("lavr")
        page.locator("#id_speaker_name").press("Enter")
        page.wait_for_url(re.compile(r"speaker=sergey-lavrov"))
        chip = page.locator(".chips li", has_text="Speakers: Sergey Lavrov")
        assert chip.count() == 1
        assert set(page.locator(".results article .who").all_inner_texts()) == {"Sergey Lavrov"}
        if width < 600:  # on a phone the results come before the filters
            results = page.locator(".results").bounding_box()
            form = page.locator("form.filters").bounding_box()
            assert results["y"] < form["y"]
        chip.get_by_role("link").click()
        page.wait_for_url(lambda url: "speaker=" not in url and "q=Minsk" in url)
        assert page.locator(".chips li").count() == 0

        page.goto(archive + "/events/")
        page.get_by_role("link", name="Browse by date").click()
        page.get_by_role("link", name="2025").click()
        page.get_by_role("link", name="November").click()
        page.wait_for_url(re.compile(r"/events/dates/2025/11/$"))
        assert page.locator("ul.events li").count() == 1
    finally:
        context.close()


def test_save_a_search_from_the_search_page_and_find_it_on_the_readers_page(page, archive):
    from django.core import mail

    page.goto(archive + "/search/?q=%22Minsk+agreements%22")
    page.get_by_role("link", name="Email me new matches").click()
    # Not signed in: the address first, then the emailed link brings the reader back to the form.
    page.get_by_label("Email address").fill("reporter@example.org")
    page.get_by_role("button", name="Email me a link").click()
    assert page.get_by_role("heading", name="Check your inbox").is_visible()
    link = re.search(r"http://\S+/account/sign-in/\S+", mail.outbox[-1].body).group(0)
    page.goto(link.replace("http://127.0.0.1:8000", archive))
    page.get_by_role("button", name="Confirm and sign in").click()
    assert page.get_by_label("Name").input_value() == '"Minsk agreements"'
    page.get_by_label("Email me").select_option("weekly")
    page.get_by_role("button", name="Save and email me new matches").click()
    page.wait_for_url(re.compile(r"/account/$"))
    row = page.locator("table.saved-searches tbody tr")
    assert row.count() == 1
    assert row.first.get_by_role("link").inner_text() == '"Minsk agreements"'
    assert row.first.get_by_label("Email me").input_value() == "weekly"

    # Signed in, a speaker's page saves in one click.
    page.goto(archive + "/speakers/sergey-lavrov/")
    page.get_by_role("button", name="Email me new turns by this speaker").click()
    page.wait_for_url(re.compile(r"/account/$"))
    assert "Speakers: Sergey Lavrov" in page.locator("table.saved-searches").inner_text()
    assert page.locator("table.saved-searches tbody tr").count() == 2


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_compare_two_speakers_from_a_speaker_page(browser, archive, width):
    from transcripts.ingest import ingest_bytes

    other = (
        "Press briefing by Spokesperson Anna Berg, 3 March 2025\n\nAnna Berg: The Minsk agreements were discussed.\n"
    )
    assert ingest_bytes(other.encode(), "berg.txt").status == "created"
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        page.goto(archive + "/speakers/sergey-lavrov/")
        page.get_by_role("link", name="Compare with others").click()
        page.get_by_label("Add a speaker").fill("berg")
        page.get_by_role("button", name="Add", exact=True).click()
        page.wait_for_url(re.compile(r"speaker=sergey-lavrov&speaker=anna-berg$"))
        headers = page.locator("table.compare").first.locator("thead th a:not(.remove)").all_inner_texts()
        assert headers == ["Sergey Lavrov", "Anna Berg"]
        assert page.locator(".compare-columns section h3").all_inner_texts() == headers
        assert page.locator("table.per-year tbody tr").count() == 1  # both spoke in 2025 only
        # Nothing spills off a phone's screen but the tables, which scroll inside their box.
        width_used = page.evaluate("document.documentElement.scrollWidth")
        assert width_used <= width + 1
        page.get_by_role("link", name="Remove Sergey Lavrov").click()
        page.wait_for_url(lambda url: "sergey-lavrov" not in url)
        assert page.locator(".compare-columns section h3").all_inner_texts() == ["Anna Berg"]
    finally:
        context.close()


def test_every_kind_of_page_is_small_and_clean_in_the_browser(page, archive):
    """Lighthouse-style checks that run here: no console error, no uncaught exception, no CSP
    violation, under 200 KB of HTML (whole transcripts excepted), on one page of every kind."""
    from transcripts.models import Entity, Event

    event = Event.objects.first()
    entity = Entity.objects.listed().order_by("-mention_count").first()
    paths = [
        "/", "/search/?q=Minsk", "/search/?q=Minsk&speaker=sergey-lavrov&role=answer", "/events/",
        "/events/dates/", "/events/dates/2025/", "/speakers/", "/speakers/?who=journalists",
        "/speakers/sergey-lavrov/", "/speakers/compare/?speaker=sergey-lavrov", "/entities/",
        entity.get_absolute_url(), event.utterances.first().get_absolute_url(), "/account/sign-in/", "/api/",
    ]  # fmt: skip
    problems = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => "
        "(window.__violations = window.__violations || []).push(e.violatedDirective + ' ' + e.blockedURI))"
    )
    for path in paths:
        response = page.goto(archive + path)
        assert response.status == 200, path
        size = len(response.body())
        assert size < 200_000, (path, size)
        problems += [f"{path}: CSP {v}" for v in page.evaluate("window.__violations || []")]
    assert problems == []

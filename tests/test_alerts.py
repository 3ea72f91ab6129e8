"""Readers, saved searches and email alerts, end to end on the real database with Django's
locmem email backend: sign up, confirm, save, ingest, send_alerts, unsubscribe."""

from __future__ import annotations

import datetime as dt
import re
import smtplib

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from alerts import delivery
from alerts.models import AlertMatch, SavedSearch
from alerts.readers import tokens
from archive.email import email_settings
from transcripts.ingest import ingest_bytes
from transcripts.parsing import Hints

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://[^\s\"<>]+")


def transcript(title: str, *turns: tuple[str, str]) -> bytes:
    body = "\n\n".join(f"{who}: {text}" for who, text in turns)
    return f"{title}\n\n{body}\n".encode()


def briefing(n: int, about: str) -> bytes:
    return transcript(
        f"Press briefing by Spokesperson Anna Berg, {n} March 2026",
        ("Anna Berg", f"Good afternoon. Today we discussed {about} with our partners."),
        ("Question (Reuters)", "Will the consultations continue next week?"),
        ("Anna Berg", "Yes, they will continue next week in Geneva."),
    )


def ingest(data: bytes, name: str, source_url: str | None = None):
    result = ingest_bytes(data, name, Hints(source_url=source_url) if source_url else None)
    assert result.status in ("created", "updated"), result.message
    return result.event


def links_in(message) -> list[str]:
    return LINK.findall(message.body)


def sign_in(client, address: str) -> None:
    """The whole flow a reader goes through: ask, open the emailed link, press the button."""
    before = len(mail.outbox)
    response = client.post(reverse("alerts-sign-in"), {"email": address})
    assert response.status_code == 200, response.content
    assert len(mail.outbox) == before + 1
    link = next(url for url in links_in(mail.outbox[-1]) if "/account/sign-in/" in url)
    path = link.split("://", 1)[1].split("/", 1)[1]
    assert client.get("/" + path).status_code == 200  # a page with a button: nothing spent yet
    response = client.post("/" + path)
    assert response.status_code == 302, response.content


def save(client, params: str, frequency: str = "immediate", name: str = "") -> SavedSearch:
    response = client.post(reverse("alerts-save"), {"params": params, "frequency": frequency, "name": name})
    assert response.status_code == 302, response.content
    return SavedSearch.objects.latest("id")


@pytest.fixture
def reader(client):
    sign_in(client, "Reporter@Example.org")
    mail.outbox.clear()
    return get_user_model().objects.get(username="reporter@example.org")


def test_sign_up_confirm_save_ingest_and_get_one_digest_with_working_links(client, reader):
    assert reader.is_active and not reader.is_staff and not reader.has_usable_password()
    ingest(briefing(1, "the Minsk agreements"), "before.txt")  # before saving: never sent
    search = save(client, 'q="Minsk agreements"&sort=newest&page=2')
    assert search.params == "q=%22Minsk+agreements%22"  # page and sort are not part of a search
    assert search.name == '"Minsk agreements"'
    event = ingest(briefing(2, "the Minsk agreements and the Normandy format"), "match.txt")
    ingest(briefing(3, "grain exports"), "other.txt")

    call_command("send_alerts")

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["reporter@example.org"]
    assert message.subject == 'Verbatim: 1 new quote for “"Minsk agreements"”'
    assert "Anna Berg — Press briefing by Spokesperson Anna Berg, 2 March 2026" in message.body
    assert "Minsk agreements and the Normandy format" in message.body
    assert "grain" not in message.body and "1 March" not in message.body
    html = message.alternatives[0][0]
    assert "<mark>Minsk</mark> <mark>agreements</mark>" in html
    # RFC 8058 one-click unsubscribe
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.extra_headers["List-Unsubscribe"].startswith("<http://127.0.0.1:8000/alerts/unsubscribe/")
    permalink = next(url for url in links_in(message) if "/u/" in url)
    assert permalink.endswith(f"/u/{event.slug}/1/")
    response = client.get(permalink.replace("http://127.0.0.1:8000", ""), follow=True)
    assert response.status_code == 200 and b"Normandy format" in response.content
    search.refresh_from_db()
    assert search.last_sent_at is not None and search.last_match_at is not None

    call_command("send_alerts")  # nothing new: no email
    assert len(mail.outbox) == 1
    page = client.get(reverse("alerts-account")).content.decode()
    assert search.name.replace('"', "&quot;") in page and search.last_match_at.strftime("%-d %B %Y") in page


def test_the_ingest_command_sends_immediate_alerts_itself(client, reader, tmp_path):
    save(client, "q=Normandy")
    daily = save(client, "q=Geneva", frequency="daily")
    daily.last_sent_at = timezone.now() - dt.timedelta(hours=2)  # its digest went out this morning
    daily.save()
    path = tmp_path / "briefing.txt"
    path.write_bytes(briefing(4, "the Normandy format"))
    call_command("ingest", str(path))
    assert len(mail.outbox) == 1
    assert "Normandy" in mail.outbox[0].subject and "Geneva" not in mail.outbox[0].body
    assert AlertMatch.objects.filter(saved_search=daily, sent_at__isnull=True).count() == 1  # waits for tomorrow


def test_daily_and_weekly_digests_wait_their_turn(client, reader):
    daily = save(client, "q=Normandy", frequency="daily")
    weekly = save(client, "q=Geneva", frequency="weekly")
    now = timezone.now()
    SavedSearch.objects.filter(pk=daily.pk).update(last_sent_at=now - dt.timedelta(hours=3))
    SavedSearch.objects.filter(pk=weekly.pk).update(last_sent_at=now - dt.timedelta(days=2))
    ingest(briefing(5, "the Normandy format"), "b5.txt")
    call_command("send_alerts")
    assert mail.outbox == []
    SavedSearch.objects.filter(pk=daily.pk).update(last_sent_at=now - dt.timedelta(hours=21))
    call_command("send_alerts")
    assert len(mail.outbox) == 1 and "Normandy" in mail.outbox[0].subject
    SavedSearch.objects.filter(pk=weekly.pk).update(last_sent_at=now - dt.timedelta(days=7))
    call_command("send_alerts")
    assert len(mail.outbox) == 2 and "Geneva" in mail.outbox[1].subject


def test_one_email_per_reader_for_several_searches(client, reader):
    save(client, "q=Normandy")
    save(client, "q=Geneva")
    ingest(briefing(6, "the Normandy format"), "b6.txt")
    call_command("send_alerts")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Verbatim: 2 new quotes for 2 of your saved searches"


def test_unsubscribe_links_work_without_signing_in(client, reader):
    search = save(client, "q=Normandy")
    other = save(client, "q=Geneva")
    ingest(briefing(7, "the Normandy format"), "b7.txt")
    call_command("send_alerts")
    message = mail.outbox[-1]
    section = message.body.split("== Normandy", 1)[1]
    stop = section.split("Stop alerts for this search: ", 1)[1].split()[0]
    client.logout()
    path = stop.replace("http://127.0.0.1:8000", "")
    response = client.get(path)
    assert response.status_code == 200 and b"Unsubscribe</button>" in response.content
    search.refresh_from_db()
    assert not search.paused  # a link scanner's GET changes nothing
    response = client.post(path)
    assert response.status_code == 200 and "no more emails for “Normandy”" in response.content.decode()
    search.refresh_from_db()
    other.refresh_from_db()
    assert search.paused and not other.paused

    # The header's one-click POST (RFC 8058) pauses everything, with no session and no CSRF token.
    header = message.extra_headers["List-Unsubscribe"].strip("<>").replace("http://127.0.0.1:8000", "")
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(
        header, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert not SavedSearch.objects.filter(reader=reader, paused=False).exists()


def test_a_paused_search_sends_nothing_and_resumes_from_now(client, reader):
    search = save(client, "q=Normandy")
    response = client.post(reverse("alerts-pause", args=[search.pk]), {"paused": "1"})
    assert response.status_code == 302
    ingest(briefing(8, "the Normandy format"), "b8.txt")
    call_command("send_alerts")
    assert mail.outbox == []
    client.post(reverse("alerts-pause", args=[search.pk]), {"paused": "0"})
    call_command("send_alerts")
    assert mail.outbox == []  # what came while paused is not sent on resuming
    ingest(briefing(9, "the Normandy format again"), "b9.txt")
    call_command("send_alerts")
    assert len(mail.outbox) == 1 and "again" in mail.outbox[0].body


def test_a_reader_cannot_see_or_change_another_readers_searches(client, reader):
    from django.test import Client

    mine = save(client, "q=Normandy", name="My secret story")
    other = Client()
    sign_in(other, "rival@example.org")
    assert "My secret story" not in other.get(reverse("alerts-account")).content.decode()
    for name, data in (("alerts-edit", {f"s{mine.pk}-name": "x", f"s{mine.pk}-frequency": "daily"}),
                       ("alerts-pause", {"paused": "1"}), ("alerts-delete", {})):  # fmt: skip
        assert other.post(reverse(name, args=[mine.pk]), data).status_code == 404
    mine.refresh_from_db()
    assert mine.name == "My secret story" and not mine.paused
    # Signed out, the page asks to sign in.
    response = Client().get(reverse("alerts-account"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("alerts-sign-in"))


def test_readers_cannot_reach_the_admin(client, reader):
    for path in ("/admin/", "/admin/transcripts/event/", "/admin/alerts/savedsearch/"):
        response = client.get(path)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], path


def test_bad_expired_and_used_links_get_a_clear_page(client):
    client.post(reverse("alerts-sign-in"), {"email": "new@example.org"})
    link = next(url for url in links_in(mail.outbox[-1]) if "/account/sign-in/" in url)
    path = link.replace("http://127.0.0.1:8000", "")
    user = get_user_model().objects.get(username="new@example.org")
    assert not user.is_active  # not confirmed yet

    tampered = path[:-3] + ("a" if path[-3] != "a" else "b") + path[-2:]
    uid = path.split("/")[-3]
    old = tokens._make_token_with_timestamp(
        user, tokens._num_seconds(tokens._now()) - 2 * 3600, tokens.secret
    )  # made two hours ago: past the 60 minutes
    for bad in (tampered, f"/account/sign-in/{uid}/{old}/", "/account/sign-in/zzz/abc-def/"):
        response = client.get(bad)
        assert response.status_code == 400 and b"This link no longer works" in response.content, bad
        assert client.post(bad).status_code == 400
    user.refresh_from_db()
    assert not user.is_active

    assert client.post(path).status_code == 302  # the real one, once
    user.refresh_from_db()
    assert user.is_active
    response = client.get(path)  # used
    assert response.status_code == 400 and b"This link no longer works" in response.content

    response = client.get("/alerts/unsubscribe/not-a-token/")
    assert response.status_code == 400 and b"not one of ours" in response.content


def test_the_sign_in_page_does_not_say_which_addresses_have_accounts(client, reader):
    get_user_model().objects.create_user("editor", "editor@example.org", "pw-long-enough-1", is_staff=True)
    pages = {}
    for address in ("reporter@example.org", "nobody@example.org", "editor@example.org"):
        response = client.post(reverse("alerts-sign-in"), {"email": address})
        pages[address] = (response.status_code, response.content.decode().replace(address, "ADDRESS"))
    assert len(set(pages.values())) == 1
    sent_to = [m.to[0] for m in mail.outbox]
    assert sent_to == ["reporter@example.org", "nobody@example.org"]  # an editor never gets a link
    assert mail.outbox[0].subject == "Your link to sign in to Verbatim"
    assert mail.outbox[1].subject == "Confirm your address for Verbatim alerts"


def test_sign_in_emails_are_rate_limited_by_address_and_by_client(client, settings):
    for _ in range(settings.VERBATIM_LINKS_PER_ADDRESS_PER_HOUR):
        assert client.post(reverse("alerts-sign-in"), {"email": "a@example.org"}).status_code == 200
    response = client.post(reverse("alerts-sign-in"), {"email": "A@example.org"})
    assert response.status_code == 429 and b"Too many links" in response.content
    assert len(mail.outbox) == settings.VERBATIM_LINKS_PER_ADDRESS_PER_HOUR
    for n in range(settings.VERBATIM_LINKS_PER_IP_PER_HOUR - settings.VERBATIM_LINKS_PER_ADDRESS_PER_HOUR):
        assert client.post(reverse("alerts-sign-in"), {"email": f"b{n}@example.org"}).status_code == 200
    assert client.post(reverse("alerts-sign-in"), {"email": "fresh@example.org"}).status_code == 429
    assert not get_user_model().objects.filter(username="fresh@example.org").exists()


class FailingBackend(LocmemBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("the mail server went away")


def test_a_failed_send_is_retried_on_the_next_run_and_loses_no_match(client, reader, settings):
    search = save(client, "q=Normandy")
    ingest(briefing(10, "the Normandy format"), "b10.txt")
    settings.EMAIL_BACKEND = "tests.test_alerts.FailingBackend"
    call_command("send_alerts")
    assert mail.outbox == []
    assert AlertMatch.objects.filter(saved_search=search, sent_at__isnull=True).count() == 1
    ingest(briefing(11, "the Normandy format, second day"), "b11.txt")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_alerts")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject.startswith("Verbatim: 2 new quotes")
    assert "10 March" in mail.outbox[0].body and "11 March" in mail.outbox[0].body


def test_a_corrected_transcript_ingested_again_does_not_mail_the_same_quote_twice(client, reader):
    save(client, "q=Normandy")
    first = briefing(12, "the Normandy format")
    source = "https://mfa.example.org/briefings/12"
    event = ingest(first, "b12.txt", source)
    call_command("send_alerts")
    assert len(mail.outbox) == 1
    # The publisher corrects the page: same source, new text; its turns get new ids.
    corrected = first.replace(b"Geneva", b"Geneva, Switzerland").replace(b"format", b"format talks")
    assert ingest(corrected, "b12-corrected.txt", source).pk == event.pk
    call_command("send_alerts")
    assert len(mail.outbox) == 1


def test_speaker_and_entity_pages_save_their_own_searches(client, reader):
    event = ingest(briefing(13, "relations with Japan"), "b13.txt")
    speaker = event.utterances.exclude(speaker=None).first().speaker
    page = client.get(speaker.get_absolute_url()).content.decode()
    assert f'name="params" value="speaker={speaker.slug}"' in page
    search = save(client, f"speaker={speaker.slug}")
    assert search.name == f"Speakers: {speaker.name}"
    ingest(briefing(14, "grain exports"), "b14.txt")
    call_command("send_alerts")
    assert len(mail.outbox) == 1 and mail.outbox[0].subject == f"Verbatim: 2 new quotes for “Speakers: {speaker.name}”"


def test_saving_the_same_search_twice_keeps_one(client, reader):
    save(client, "q=Normandy&speaker=&role=")
    again = {"params": "role=&q=Normandy&page=3", "frequency": "daily"}
    response = client.post(reverse("alerts-save"), again, follow=True)
    assert "already saved" in response.content.decode()
    assert SavedSearch.objects.filter(reader=reader).count() == 1


def test_a_search_that_cannot_run_is_refused_with_its_reason(client, reader):
    response = client.post(reverse("alerts-save"), {"params": "speaker=nobody-at-all", "frequency": "daily"})
    assert response.status_code == 400 and b"cannot be saved" in response.content
    response = client.post(reverse("alerts-save"), {"params": "sort=newest", "frequency": "daily"})
    assert response.status_code == 400 and b"needs words or a filter" in response.content
    assert not SavedSearch.objects.exists()


def test_quotes_in_emails_are_escaped(client, reader):
    event = ingest(briefing(15, "the <b>agenda</b>"), "b15a.txt")
    save(client, f"speaker={event.utterances.first().speaker.slug}")
    ingest(
        transcript("Statement <i>of</i> 15 March 2026", ("Anna Berg", "Normandy: <script>alert(1)</script> & more.")),
        "b15.txt",
    )
    call_command("send_alerts")
    html = mail.outbox[0].alternatives[0][0]
    assert "<script>" not in html and "Normandy: &lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in html
    assert "<i>" not in html and "&lt;i&gt;of&lt;/i&gt;" in html


def test_identical_searches_run_once_and_queries_per_search_stay_constant(client, reader):
    User = get_user_model()
    ingest(briefing(16, "the Normandy format"), "b16.txt")
    readers = [User.objects.create(username=f"r{n}@example.org", email=f"r{n}@example.org") for n in range(30)]
    words = ["Normandy", "Geneva", "partners", "consultations", "exports", "Japan"]

    def collect(searches: int) -> int:
        SavedSearch.objects.all().delete()
        SavedSearch.objects.bulk_create(
            SavedSearch(reader=readers[n], name=str(n), params=f"q={words[n % searches]}", frequency="immediate")
            for n in range(30)
        )
        with CaptureQueriesContext(connection) as queries:
            report = delivery.collect()
        assert report.searches == 30 and report.distinct_searches == searches
        return len(queries)

    one, six = collect(1), collect(6)
    per_search = (six - one) / 5
    assert per_search <= 4, (one, six)  # words to lexemes (2 round trips) + the matching turns
    # The briefing says four of the six words: the 20 readers of those four have their match.
    assert AlertMatch.objects.count() == 20


def test_email_settings_come_from_email_url():
    assert email_settings({}) == {}
    tls = email_settings({"EMAIL_URL": "smtp://user%40x:p%2Fw@mail.example.org:587?tls=1"})
    assert tls["EMAIL_HOST"] == "mail.example.org" and tls["EMAIL_PORT"] == 587
    assert tls["EMAIL_HOST_USER"] == "user@x" and tls["EMAIL_HOST_PASSWORD"] == "p/w"
    assert tls["EMAIL_USE_TLS"] and not tls["EMAIL_USE_SSL"]
    ssl = email_settings({"EMAIL_URL": "smtps://mail.example.org"})
    assert ssl["EMAIL_USE_SSL"] and ssl["EMAIL_PORT"] == 465
    assert email_settings({"EMAIL_URL": "file:///var/mail/v"})["EMAIL_FILE_PATH"] == "/var/mail/v"
    assert email_settings({"EMAIL_HOST": "relay", "EMAIL_USE_TLS": "yes"})["EMAIL_USE_TLS"] is True
    with pytest.raises(ValueError, match="unknown scheme"):
        email_settings({"EMAIL_URL": "pigeon://coop"})

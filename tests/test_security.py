"""Security configuration: sign-in throttle, headers, error pages, the database outage page."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.contrib.auth.models import User
from django.db import OperationalError

from transcripts.models import FailedLogin

pytestmark = pytest.mark.django_db
LOGIN = "/admin/login/?next=/admin/"


def sign_in(client, password: str, ip: str = "10.0.0.1", username: str = "editor", **headers):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip, **headers)


@pytest.fixture
def editor():
    return User.objects.create_user("editor", password="right-password", is_staff=True)


def test_repeated_failed_sign_ins_are_throttled_even_with_the_right_password(client, editor, settings):
    for _ in range(settings.VERBATIM_LOGIN_MAX_FAILURES):
        assert sign_in(client, "wrong").status_code == 200
    response = sign_in(client, "right-password")
    assert response.status_code == 200 and b"Too many failed sign-in attempts" in response.content
    assert "_auth_user_id" not in client.session


def test_failures_from_elsewhere_do_not_lock_the_editor_out(client, editor, settings):
    for n in range(settings.VERBATIM_LOGIN_MAX_FAILURES * 2):
        sign_in(client, "wrong", ip=f"10.0.1.{n}")
    assert sign_in(client, "right-password", ip="10.9.9.9").status_code == 302


def test_one_users_failures_do_not_lock_out_a_colleague_at_the_same_address(client, editor, settings):
    User.objects.create_user("colleague", password="her-password", is_staff=True)
    for _ in range(settings.VERBATIM_LOGIN_MAX_FAILURES):
        sign_in(client, "wrong")
    assert b"Too many failed" in sign_in(client, "right-password").content
    assert sign_in(client, "her-password", username="colleague").status_code == 302


def test_one_address_trying_many_user_names_is_throttled(client, editor, settings):
    for n in range(settings.VERBATIM_LOGIN_MAX_FAILURES_PER_ADDRESS):
        sign_in(client, "wrong", username=f"guess{n}")
    assert b"Too many failed" in sign_in(client, "right-password").content


def test_behind_a_trusted_proxy_each_client_is_throttled_on_its_own(client, editor, settings):
    settings.VERBATIM_TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.254"
    for _ in range(settings.VERBATIM_LOGIN_MAX_FAILURES):
        sign_in(client, "wrong", ip=proxy, HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert b"Too many failed" in sign_in(client, "right-password", ip=proxy, HTTP_X_FORWARDED_FOR="203.0.113.7").content
    # Another client behind the same proxy, who wrote the locked address in front of its own:
    # only the entry our proxy added counts.
    forged = "203.0.113.7, 198.51.100.2"
    assert sign_in(client, "right-password", ip=proxy, HTTP_X_FORWARDED_FOR=forged).status_code == 302
    assert set(FailedLogin.objects.values_list("ip", flat=True)) == {"203.0.113.7"}


def test_without_a_trusted_proxy_x_forwarded_for_is_ignored(client, editor, settings):
    settings.VERBATIM_TRUSTED_PROXY_COUNT = 0
    for n in range(settings.VERBATIM_LOGIN_MAX_FAILURES):
        sign_in(client, "wrong", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")  # forged, one per attempt
    assert b"Too many failed" in sign_in(client, "right-password", HTTP_X_FORWARDED_FOR="192.0.2.99").content


def test_the_throttle_ends_after_the_window(client, editor, settings):
    for _ in range(settings.VERBATIM_LOGIN_MAX_FAILURES):
        sign_in(client, "wrong")
    FailedLogin.objects.update(at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    assert sign_in(client, "right-password").status_code == 302


def test_a_successful_sign_in_clears_earlier_failures(client, editor):
    sign_in(client, "wrong")
    assert sign_in(client, "right-password").status_code == 302
    assert not FailedLogin.objects.filter(username="editor").exists()


def test_security_headers_on_every_page(client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_custom_404_page(client):
    response = client.get("/events/no-such-event/")
    assert response.status_code == 404 and b"There is no page at this address" in response.content


def test_custom_500_page_renders_without_a_request_context():
    from django.template.loader import render_to_string

    assert "Something went wrong" in render_to_string("500.html")


def test_a_database_error_in_a_view_gives_the_503_page(client, monkeypatch):
    from transcripts import views

    def down(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(views, "render", down)
    response = client.get("/")
    assert response.status_code == 503 and b"Back in a moment" in response.content
    assert response["Retry-After"] == "30"


def _middleware_response(path: str, get_response):
    from django.test import RequestFactory

    from transcripts.middleware import DatabaseUnavailable

    return DatabaseUnavailable(get_response)(RequestFactory().get(path))


def test_a_query_past_the_time_limit_gets_a_503_that_says_so():
    from django.db import connection, transaction

    def slow(request):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL statement_timeout = 50")
            cursor.execute("SELECT pg_sleep(2)")

    page = _middleware_response("/search/", slow)
    assert page.status_code == 503 and b"took too long" in page.content
    api = _middleware_response("/api/search/", slow)
    assert api.status_code == 503 and "too long" in json.loads(api.content)["error"]


def test_the_api_answers_an_outage_in_json():
    def down(request):
        raise OperationalError("connection refused")

    response = _middleware_response("/api/events/", down)
    assert response.status_code == 503 and response["Content-Type"] == "application/json"
    assert "not answering" in json.loads(response.content)["error"]


def test_a_database_error_that_is_no_outage_is_not_shown_as_one():
    from django.db import connection, transaction

    def broken(request):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT to_tsvector('simple', repeat('ab ', 10) || string_agg(md5(g::text), ' ')) "
                           "FROM generate_series(1, 60000) g")  # fmt: skip

    with pytest.raises(OperationalError):  # a 500 (logged), not "Back in a moment"
        _middleware_response("/search/", broken)


def test_dead_processes_do_not_keep_the_embedded_server_running(tmp_path):
    import json
    import os

    from archive.database import forget_dead_handles

    (tmp_path / ".handle_pids.json").write_text(json.dumps([os.getpid(), 2**22 + 12345]))
    assert forget_dead_handles(tmp_path) == [2**22 + 12345]
    assert json.loads((tmp_path / ".handle_pids.json").read_text()) == [os.getpid()]

"""Security configuration: sign-in throttle, headers, error pages, the database outage page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.db import OperationalError

from transcripts.models import FailedLogin

pytestmark = pytest.mark.django_db
LOGIN = "/admin/login/?next=/admin/"


def sign_in(client, password: str, ip: str = "10.0.0.1"):
    return client.post(LOGIN, {"username": "editor", "password": password}, REMOTE_ADDR=ip)


@pytest.fixture
def editor():
    return User.objects.create_user("editor", password="right-password", is_staff=True)


def test_repeated_failed_sign_ins_are_throttled_even_with_the_right_password(client, editor, settings):
    for _ in range(settings.VERBATIM_LOGIN_MAX_FAILURES):
        assert sign_in(client, "wrong").status_code == 200
    response = sign_in(client, "right-password")
    assert response.status_code == 200 and b"Too many failed sign-in attempts" in response.content
    assert "_auth_user_id" not in client.session


def test_the_throttle_counts_the_user_name_across_addresses(client, editor, settings):
    for n in range(settings.VERBATIM_LOGIN_MAX_FAILURES):
        sign_in(client, "wrong", ip=f"10.0.1.{n}")
    assert b"Too many failed" in sign_in(client, "right-password", ip="10.9.9.9").content


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

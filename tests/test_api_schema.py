"""schemathesis: requests generated from /api/openapi.json; every response must match the
description (status codes, content type, JSON schema) and none may be a server error."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from archive.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)


@pytest.fixture
def archive_with_seed(db):
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    from tests.conftest import seed_path
    from transcripts.ingest import ingest_bytes

    if not ingest_bytes(seed_path().read_bytes(), seed_path().name).ok:
        pytest.fail("seed did not ingest")
    # Requests go straight to the WSGI app; like Django's test client, keep the test's
    # transaction open across them instead of closing the connection after each one.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_openapi_description(case, archive_with_seed):
    # A slug that names nothing ("?publisher=file") is well-formed by the schema but we answer it
    # with a 400 that says so rather than an empty list, so that check is left out.
    case.call_and_validate(excluded_checks=[positive_data_acceptance])


def test_the_description_is_generated_from_the_filtersets_the_pages_use(client):
    from transcripts.filters import EventFilter, UtteranceFilter
    from transcripts.models import Utterance

    spec = client.get("/api/openapi.json").json()

    def parameters(path):
        return {p["name"]: p for p in spec["paths"][path]["get"]["parameters"]}

    search, events = parameters("/api/search/"), parameters("/api/events/")
    assert set(UtteranceFilter.base_filters) | {"q", "sort", "page", "page_size"} == set(search)
    assert set(EventFilter.base_filters) | {"page", "page_size"} == set(events)
    # Repeatable filters are arrays sent as ?speaker=a&speaker=b; an empty date is "no filter".
    assert search["speaker"]["schema"]["type"] == "array" and search["speaker"]["explode"] is True
    assert {"type": "string", "maxLength": 0} in events["date_from"]["schema"]["anyOf"]
    # A filter's number too: "?year=" (a form's empty field) is no filter, and the description says so.
    assert {"type": "string", "maxLength": 0} in search["year"]["schema"]["anyOf"]
    # So are a kind and a language, filtered on the turn's nullable copies of its event's: no null.
    for name in ("kind", "language", "role"):
        plain, empty = search[name]["schema"]["anyOf"]
        assert plain["type"] == "string" and plain["enum"] and empty == {"type": "string", "maxLength": 0}
    assert search["year"]["schema"]["anyOf"][0]["type"] == "integer"
    roles = spec["components"]["schemas"]["Role"]["enum"]
    assert roles == Utterance.Role.values

"""Hostile files through every way in (ingest_bytes, the command, the admin batch): each is stored
cleaned or refused with a one-line message in under 5 s, a refusal leaves the database as it was,
one bad file never blocks the others, and nothing stored can break a page or a feed afterwards."""

from __future__ import annotations

import json
import string
import time

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hostile.files import GOOD_TEXT, hostile_files
from transcripts.ingest import ingest_bytes
from transcripts.models import Entity, Event, Mention, Utterance
from transcripts.parsing import TranscriptError, parse_transcript

pytestmark = pytest.mark.django_db
FILES = hostile_files()


def counts() -> tuple[int, int, int]:
    return Event.objects.count(), Utterance.objects.count(), Mention.objects.count()


@pytest.mark.parametrize(("name", "data", "status", "words"), FILES, ids=[f[0] for f in FILES])
def test_each_hostile_file_is_stored_clean_or_refused_with_a_message(name, data, status, words):
    before = counts()
    started = time.monotonic()
    result = ingest_bytes(data, name)
    assert time.monotonic() - started < 5
    assert result.status == status, result.message
    if status == "failed":
        assert words in result.message and "\n" not in result.message
        assert counts() == before
    else:
        texts = [result.event.title, *Utterance.objects.filter(event=result.event).values_list("text", flat=True)]
        for text in texts:
            assert not any(ch in text for ch in "\x00\x01\x02\x07\x1b") and "\ud800" not in text


def test_nothing_stored_from_hostile_files_breaks_a_page_or_a_feed(client):
    for name, data, _, _ in FILES:
        ingest_bytes(data, name)
    assert Event.objects.count() == sum(1 for f in FILES if f[2] == "created")
    urls = ["/search/feed/?q=Italy", "/feeds/events/", "/search/csv/?q=Italy", "/api/search/?q=Italy"]
    urls += [f"/entities/{slug}/feed/" for slug in Entity.objects.values_list("slug", flat=True)]
    urls += [e.get_absolute_url() for e in Event.objects.all()]
    urls += [f"/events/{slug}.json" for slug in Event.objects.values_list("slug", flat=True)]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        if response.streaming:  # a streamed body fails while it is read, not before
            assert b"".join(response.streaming_content)


def test_the_command_reports_each_bad_file_and_ingests_the_good_ones(tmp_path, capsys):
    for name, data, _, _ in FILES:
        (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text(GOOD_TEXT)
    with pytest.raises(SystemExit) as exit_code:
        call_command("ingest", str(tmp_path))
    assert exit_code.value.code == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    refused = [f[0] for f in FILES if f[2] == "failed" and not f[0].endswith(".json")]  # .json: exports only
    for name in refused:
        assert f"{name}: " in err
    assert Event.objects.filter(original_filename="good.txt").exists()


def test_the_admin_batch_previews_and_confirms_around_bad_files(client):
    client.force_login(User.objects.create_user("ed", password="pw", is_staff=True, is_superuser=True))
    uploads = [SimpleUploadedFile(name, data) for name, data, _, _ in FILES]
    uploads.append(SimpleUploadedFile("good.txt", GOOD_TEXT.encode()))
    response = client.post("/admin/transcripts/event/upload/", {"files": uploads})
    preview = client.get(response["Location"])
    assert preview.status_code == 200
    ready = preview.context["items"]
    assert sum(item["status"] == "ready" for item in ready) == sum(1 for f in FILES if f[2] == "created") + 1
    chosen = [item["file"].pk for item in ready if item["status"] == "ready"]
    done = client.post(response["Location"], {"action": "confirm", "file": chosen})
    assert done.status_code == 200
    assert Event.objects.filter(original_filename="good.txt").exists()
    assert Event.objects.count() == len(chosen)


# Every field of the export format with values of any JSON type.
_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(string.ascii_letters, max_size=5), inner,
                                                                 max_size=3),
    max_leaves=6,
)  # fmt: skip
_TURN_FIELDS = ["sequence", "speaker", "label", "affiliation", "role", "note", "text", "answers"]
_TOP_FIELDS = ["title", "date", "time", "location", "publisher", "reference", "language", "kind", "source_url"]


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(
    top=st.fixed_dictionaries({}, optional={name: _json_values for name in _TOP_FIELDS}),
    turn=st.fixed_dictionaries({}, optional={name: _json_values for name in _TURN_FIELDS}),
)
def test_any_field_types_in_the_export_format_give_a_transcript_or_a_message(top, turn):
    document = {"format": "verbatim-transcript", "version": 1, "title": "T", "utterances": [{"text": "x"}]}
    document.update(top)
    document["utterances"][0].update(turn)
    data = json.dumps(document).encode()
    try:
        parse_transcript(data, "export.json")
    except TranscriptError as err:
        assert str(err) and "\n" not in str(err)
        return
    result = ingest_bytes(data, "export.json")
    assert result.status in ("created", "unchanged"), result.message

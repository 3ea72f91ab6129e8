"""Admin upload: upload, preview from stored rows, confirm through ingest_bytes; limits and access."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.conftest import CORPUS, needs_shared, seed_path
from transcripts.models import Event, PendingFile, UploadBatch
from transcripts.parsing import parse_transcript

pytestmark = pytest.mark.django_db

UPLOAD = "/admin/transcripts/event/upload/"
DEV_FILES = ["kremlin_52834.html", "cnmfa_geng-shuang-december-20-2019_t1726573.html"]


@pytest.fixture
def staff(client):
    user = User.objects.create_user("editor", password="pw", is_staff=True, is_superuser=True)
    client.force_login(user)
    return user


def upload(client, *files, **fields):
    return client.post(UPLOAD, {"files": list(files), **fields})


def as_upload(path) -> SimpleUploadedFile:
    return SimpleUploadedFile(path.name, path.read_bytes())


def preview_url(response) -> str:
    assert response.status_code == 302, response.content.decode()[:3000]
    return response["Location"]


def test_event_list_links_to_the_upload_page(client, staff):
    html = client.get(reverse("admin:transcripts_event_changelist")).content.decode()
    assert f'href="{UPLOAD}"' in html


@needs_shared
def test_upload_preview_confirm_adds_the_events_to_the_public_site(client, staff):
    paths = [seed_path(), *(CORPUS / name for name in DEV_FILES)]
    url = preview_url(upload(client, *(as_upload(p) for p in paths)))
    preview = client.get(url).content.decode()
    turn_counts = [int(n) for n in re.findall(r'class="turn-count">(\d+)<', preview)]
    assert turn_counts == [len(parse_transcript(p.read_bytes(), p.name).turns) for p in paths]
    assert "Sergey Lavrov (5)" in preview and "Dropped as page chrome" in preview
    assert Event.objects.count() == 0  # nothing saved by the preview
    ids = [str(pk) for pk in PendingFile.objects.values_list("pk", flat=True)]
    done = client.post(url, {"action": "confirm", "file": ids}).content.decode()
    assert done.count("added as") == 3
    assert Event.objects.count() == 3 and not UploadBatch.objects.exists()
    for event in Event.objects.all():
        assert client.get(event.get_absolute_url()).status_code == 200
        entry = LogEntry.objects.get(object_id=str(event.pk), action_flag=ADDITION)
        assert entry.user == staff and "Uploaded from" in entry.get_change_message()


def test_only_the_ticked_files_are_added(client, staff):
    url = preview_url(
        upload(client, as_upload(seed_path()), SimpleUploadedFile("other.txt", b"Title\n\nQ: Hi?\n\nA: Yes."))
    )
    first = PendingFile.objects.get(position=0)
    client.post(url, {"action": "confirm", "file": [first.pk]})
    assert list(Event.objects.values_list("original_filename", flat=True)) == [seed_path().name]


def test_binary_and_empty_files_show_errors_and_save_nothing(client, staff):
    files = [SimpleUploadedFile("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20),
             SimpleUploadedFile("empty.txt", b"")]  # fmt: skip
    url = preview_url(upload(client, *files))
    preview = client.get(url).content.decode()
    assert preview.count("Not added:") == 2 and "PNG" in preview and "empty" in preview
    assert 'name="file"' not in preview  # nothing to tick
    client.post(url, {"action": "confirm", "file": list(PendingFile.objects.values_list("pk", flat=True))})
    assert Event.objects.count() == 0


def test_reuploading_a_file_says_it_is_already_there(client, staff, seed_event):
    url = preview_url(upload(client, as_upload(seed_path())))
    preview = client.get(url).content.decode()
    assert "Already in the archive" in preview and seed_event.get_absolute_url() in preview


def test_oversize_and_wrong_type_files_are_refused_with_a_message(client, staff, settings):
    settings.VERBATIM_MAX_FILE_BYTES = 1_000
    url = preview_url(upload(client, as_upload(seed_path()), SimpleUploadedFile("slides.pdf", b"%PDF-1.7")))
    preview = client.get(url).content.decode()
    size = seed_path().stat().st_size / 1024
    assert f"The file is {size:.1f} KB, larger than the 1000 bytes allowed." in preview
    assert "“.pdf” files are not accepted" in preview
    assert PendingFile.objects.get(filename="slides.pdf").content in (b"", memoryview(b""))


def test_too_many_files_and_a_shared_source_url_are_form_errors(client, staff, settings):
    settings.VERBATIM_MAX_FILES_PER_UPLOAD = 2
    files = [SimpleUploadedFile(f"t{i}.txt", b"Title\n\nQ: Hi?") for i in range(3)]
    response = upload(client, *files, source_url="https://example.org/x")
    assert response.status_code == 200
    html = response.content.decode()
    assert "3 files chosen; at most 2 per upload." in html
    assert not UploadBatch.objects.exists()


def test_file_names_are_never_paths(client, staff):
    preview_url(upload(client, SimpleUploadedFile("../../etc/passwd.txt", b"Title\n\nQ: Hi?\n\nA: Yes.")))
    assert PendingFile.objects.get().filename == "passwd.txt"


def test_the_preview_is_rebuilt_from_the_database_by_any_process(client, staff):
    url = preview_url(upload(client, as_upload(seed_path())))
    other = Client()  # another browser session: nothing shared in memory with the first request
    other.force_login(staff)
    assert "turn-count" in other.get(url).content.decode()


def test_another_editors_upload_is_not_visible(client, staff):
    url = preview_url(upload(client, as_upload(seed_path())))
    other = Client()
    other.force_login(User.objects.create_user("other", password="pw", is_staff=True, is_superuser=True))
    assert other.get(url).status_code == 404


def test_cancel_deletes_the_pending_files(client, staff):
    url = preview_url(upload(client, as_upload(seed_path())))
    client.post(url, {"action": "cancel"})
    assert not UploadBatch.objects.exists() and not PendingFile.objects.exists()


def test_stale_uploads_are_cleaned_up(client, staff):
    preview_url(upload(client, as_upload(seed_path())))
    UploadBatch.objects.update(created_at=timezone.now() - dt.timedelta(days=2))
    client.get(UPLOAD)
    assert not UploadBatch.objects.exists()


@pytest.mark.parametrize("who", ["anonymous", "not staff"])
def test_only_staff_reach_upload_and_preview(client, who):
    batch = UploadBatch.objects.create(user=User.objects.create_user("owner", is_staff=True))
    if who == "not staff":
        client.force_login(User.objects.create_user("reader", password="pw"))
    for url in (UPLOAD, f"{UPLOAD}{batch.pk}/"):
        for response in (client.get(url), client.post(url, {"action": "confirm"})):
            assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert UploadBatch.objects.count() == 1


def test_staff_without_the_add_permission_get_404(client):
    client.force_login(User.objects.create_user("viewer", password="pw", is_staff=True))
    assert client.get(UPLOAD).status_code == 404


def test_upload_is_csrf_protected(staff):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(staff)
    assert strict.post(UPLOAD, {"files": [as_upload(seed_path())]}).status_code == 403


JOURNALISTS = ["Carlos Mendoza", "Ana Torres", "Luis Paredes"]
# A press conference whose speakers stand alone on their lines in plain title case, each once:
# no recurring shape, so the parser cannot tell them from headings; an editor can.
UNSURE = "\n\n".join(
    ["Press conference in Lima", "The minister opened the meeting with a long statement about trade and the ports."]
    + [f"{name}\n\nWhat about the port of Callao, question {n}?" for n, name in enumerate(JOURNALISTS, 1)]
)


def test_a_doubtful_parse_is_flagged_and_not_ticked(client, staff):
    response = upload(client, SimpleUploadedFile("lima.txt", UNSURE.encode()))
    html = client.get(response["Location"]).content.decode()
    assert "Check this one before adding it" in html and "No date." in html
    assert re.search(r'name="file" value="\d+">', html)  # shown, not ticked


def test_an_editors_corrections_change_the_parse_and_stay_with_the_event(client, staff):
    response = upload(client, SimpleUploadedFile("lima.txt", UNSURE.encode()))
    preview = response["Location"]
    pending = PendingFile.objects.get(filename="lima.txt")
    before = client.get(preview).context["items"][0]["parsed"]
    assert len(before.turns) == 1  # everything in one unlabelled turn
    prefix = f"f{pending.pk}"
    client.post(
        preview,
        {
            "action": f"reparse-{pending.pk}",
            f"{prefix}-title": "Press conference of the Foreign Minister in Lima",
            f"{prefix}-date": "2009-11-16",
            f"{prefix}-speaker": "José García Belaúnde",
            f"{prefix}-label_style": "alone",
        },
    )
    after = client.get(preview).context["items"][0]["parsed"]
    assert after.title == "Press conference of the Foreign Minister in Lima" and after.date == dt.date(2009, 11, 16)
    assert [t.label for t in after.turns] == [None, *JOURNALISTS]
    assert after.turns[0].speaker == "José García Belaúnde"
    client.post(preview, {"action": "confirm", "file": [pending.pk]})
    event = Event.objects.get(original_filename="lima.txt")
    assert event.parse_hints["label_style"] == "alone" and event.utterances.count() == 4
    # A new version of the same file is read the way the editor said.
    from transcripts.ingest import ingest_bytes

    result = ingest_bytes((UNSURE + "\n\nRosa Quispe\n\nAnd the airport?").encode(), "lima.txt")
    assert result.status == "created" and result.event.utterances.count() == 5
    assert result.event.title == event.title and result.event.date == event.date


def test_corrections_with_a_bad_date_are_refused_with_a_message(client, staff):
    response = upload(client, SimpleUploadedFile("lima.txt", UNSURE.encode()))
    pending = PendingFile.objects.get(filename="lima.txt")
    page = client.post(
        response["Location"], {"action": f"reparse-{pending.pk}", f"f{pending.pk}-date": "2009-13-45"}, follow=True
    )
    assert "Enter a valid date" in page.content.decode()
    assert PendingFile.objects.get(pk=pending.pk).hints == {}

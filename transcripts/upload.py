"""Admin upload: editors add transcripts in the browser, see what the parser understood, confirm.

Three steps, each a request of its own: upload (files stored in the database as a pending batch),
preview (rebuilt from those rows with a dry-run of `ingest_bytes`), confirm (the very same
`ingest_bytes` as `manage.py ingest`, for the files the editor ticked). Nothing is kept in process
memory between requests, so any worker can serve any step.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import replace
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone

from transcripts.ingest import (
    TRANSCRIPT_SUFFIXES,
    Status,
    content_hash,
    ingest_bytes,
    known_speakers,
    size_text,
    too_large,
)
from transcripts.models import Event, PendingFile, Publisher, UploadBatch
from transcripts.params import whole_number
from transcripts.parsing import Hints
from transcripts.parsing.model import LABEL_STYLES

PREVIEW_TURNS = 4


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented recipe)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ",".join(sorted(TRANSCRIPT_SUFFIXES))}))
        # An empty file gets the parser's own message in the preview, like any other bad file.
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data]
        return [single(data, initial)] if data else []


class UploadForm(forms.Form):
    files = MultipleFileField(
        label="Transcript files",
        help_text="Text (.txt), web pages (.html), Markdown (.md) or subtitles (.vtt, .srt); several at once.",
    )
    publisher = forms.CharField(
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"list": "publishers"}),
        help_text="Leave empty to detect it from each file.",
    )
    kind = forms.ChoiceField(
        required=False, choices=[("", "Detect from each file"), *Event.Kind.choices], label="Event kind"
    )
    language = forms.CharField(required=False, max_length=16, help_text="e.g. en, ru; empty to detect.")
    source_url = forms.URLField(
        required=False, max_length=1000, assume_scheme="https", label="Source URL",
        help_text="Only with a single file: the page it was saved from.",
    )  # fmt: skip

    def clean_files(self):
        files = self.cleaned_data["files"]
        limit = settings.VERBATIM_MAX_FILES_PER_UPLOAD
        if len(files) > limit:
            raise ValidationError(f"{len(files)} files chosen; at most {limit} per upload.")
        return files

    def clean(self):
        data = super().clean()
        if data.get("source_url") and len(data.get("files") or []) > 1:
            self.add_error("source_url", "A source URL belongs to one file; upload that file on its own.")
        return data

    def hints(self) -> dict:
        return {key: self.cleaned_data.get(key) or None for key in ("publisher", "kind", "language", "source_url")}


def refusal(upload) -> str:
    """Why a file is refused before parsing, or ''."""
    name = upload.name or "file"
    suffix = PurePath(name).suffix.lower()
    if suffix not in TRANSCRIPT_SUFFIXES:
        allowed = ", ".join(sorted(TRANSCRIPT_SUFFIXES))
        return f"“{suffix or 'no extension'}” files are not accepted; allowed: {allowed}."
    if upload.size > settings.VERBATIM_MAX_FILE_BYTES:
        message = too_large(upload.size)
        return message[0].upper() + message[1:] + "."
    return ""


def safe_name(name: str) -> str:
    """The file's own name, without any directories a browser or client put in front of it."""
    return PurePath(name.replace("\\", "/")).name[:255] or "upload"


@transaction.atomic
def store_batch(user, form: UploadForm) -> UploadBatch:
    batch = UploadBatch.objects.create(user=user, hints=form.hints())
    for position, upload in enumerate(form.cleaned_data["files"]):
        error = refusal(upload)
        content = b"" if error else upload.read()
        PendingFile.objects.create(
            batch=batch,
            position=position,
            filename=safe_name(upload.name),
            content=content,
            size=upload.size,
            error=error,
        )
    return batch


def forget_stale_batches() -> None:
    cutoff = timezone.now() - dt.timedelta(hours=settings.VERBATIM_PENDING_UPLOAD_HOURS)
    UploadBatch.objects.filter(created_at__lt=cutoff).delete()


def batch_hints(batch: UploadBatch) -> Hints:
    hints = batch.hints or {}
    return Hints(
        publisher=hints.get("publisher"),
        kind=hints.get("kind"),
        language=hints.get("language"),
        source_url=hints.get("source_url"),
    )


class FileHintsForm(forms.Form):
    """What an editor tells the parser about one file, after seeing its preview."""

    title = forms.CharField(required=False, max_length=500)
    date = forms.DateField(required=False, help_text="YYYY-MM-DD")
    speaker = forms.CharField(required=False, max_length=200, label="Who speaks the unlabelled text")
    label_style = forms.ChoiceField(
        required=False, choices=[("", "Let the parser find out"), *LABEL_STYLES.items()], label="Speaker labels"
    )

    def hints(self) -> dict:
        data = {key: value for key, value in self.cleaned_data.items() if value}
        if data.get("date"):
            data["date"] = data["date"].isoformat()
        return data


def file_hints(base: Hints, stored: dict) -> Hints:
    """The batch's hints with one file's corrections on top."""
    hints = replace(base)
    hints.title = stored.get("title") or base.title
    hints.date = dt.date.fromisoformat(stored["date"]) if stored.get("date") else base.date
    hints.speaker = stored.get("speaker") or base.speaker
    hints.label_style = stored.get("label_style") or base.label_style
    return hints


def preview_of(pending: PendingFile, hints: Hints, speakers: dict) -> dict:
    item = {"file": pending, "status": Status.FAILED, "message": pending.error}
    item["hints_form"] = FileHintsForm(initial=pending.hints, prefix=f"f{pending.pk}")
    if pending.error:
        return item
    hints = file_hints(hints, pending.hints)
    data = bytes(pending.content)
    existing = Event.objects.filter(content_hash=content_hash(data)).first()
    if existing:
        return {**item, "status": "duplicate", "message": "Already in the archive.", "event": existing}
    result = ingest_bytes(data, pending.filename, hints, dry_run=True, speakers=speakers)
    if not result.ok:
        return {**item, "message": result.message}
    parsed = result.parsed
    named = Counter(turn.speaker for turn in parsed.turns if turn.speaker)
    unnamed = Counter(turn.label or "Unlabelled" for turn in parsed.turns if not turn.speaker)
    return {
        **item,
        "status": "ready",
        "message": "",
        "parsed": parsed,
        "speakers": named.most_common(),
        "unnamed": unnamed.most_common(),
        "first_turns": parsed.turns[:PREVIEW_TURNS],
        "more_turns": max(len(parsed.turns) - PREVIEW_TURNS, 0),
        "mentions": result.mentions,
        "doubts": parsed.doubts(),
    }


class UploadAdminMixin:
    """Adds the upload, preview and confirm pages to the Event admin."""

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("upload/", view(self.upload_view), name="transcripts_event_upload"),
            path("upload/<uuid:batch_id>/", view(self.upload_preview_view), name="transcripts_event_upload_preview"),
            *super().get_urls(),
        ]

    def _context(self, request, **extra):
        return {**self.admin_site.each_context(request), "opts": self.model._meta, **extra}

    def _check(self, request):
        if not self.has_add_permission(request):
            raise Http404  # staff without the right to add events see nothing here

    def upload_view(self, request):
        self._check(request)
        forget_stale_batches()
        form = UploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            batch = store_batch(request.user, form)
            return HttpResponseRedirect(reverse("admin:transcripts_event_upload_preview", args=[batch.pk]))
        publishers = Publisher.objects.order_by("name").values_list("name", flat=True)
        return TemplateResponse(
            request,
            "admin/transcripts/event/upload.html",
            self._context(
                request,
                title="Upload transcripts",
                form=form,
                publishers=publishers,
                max_size=size_text(settings.VERBATIM_MAX_FILE_BYTES),
                max_files=settings.VERBATIM_MAX_FILES_PER_UPLOAD,
            ),
        )

    def upload_preview_view(self, request, batch_id):
        self._check(request)
        batch = get_object_or_404(UploadBatch, pk=batch_id, user=request.user)
        if request.method == "POST" and request.POST.get("action") == "cancel":
            batch.delete()
            messages.info(request, "Upload cancelled; nothing was saved.")
            return HttpResponseRedirect(reverse("admin:transcripts_event_upload"))
        hints = batch_hints(batch)
        speakers = known_speakers()
        if request.method == "POST" and request.POST.get("action") == "confirm":
            return self._confirm(request, batch, hints, speakers)
        if request.method == "POST" and request.POST.get("action", "").startswith("reparse-"):
            return self._reparse(request, batch)
        items = [preview_of(pending, hints, speakers) for pending in batch.files.all()]
        return TemplateResponse(
            request,
            "admin/transcripts/event/upload_preview.html",
            self._context(
                request,
                title="Check what the parser understood",
                batch=batch,
                items=items,
                ready=sum(1 for item in items if item["status"] == "ready"),
            ),
        )

    def _reparse(self, request, batch: UploadBatch):
        """Keep an editor's corrections for one file and show the preview again."""
        pk = whole_number(request.POST["action"].removeprefix("reparse-"), maximum=2**62)
        pending = get_object_or_404(PendingFile, pk=pk, batch=batch)
        form = FileHintsForm(request.POST, prefix=f"f{pending.pk}")
        if form.is_valid():
            pending.hints = form.hints()
            pending.save(update_fields=["hints"])
        else:
            messages.error(request, f"{pending.filename}: " + "; ".join(e for es in form.errors.values() for e in es))
        url = reverse("admin:transcripts_event_upload_preview", args=[batch.pk])
        return HttpResponseRedirect(f"{url}#file-{pending.pk}")

    def _confirm(self, request, batch: UploadBatch, hints: Hints, speakers: dict):
        chosen = {pk for pk in (whole_number(v, maximum=2**62) for v in request.POST.getlist("file")) if pk}
        results = []
        for pending in batch.files.filter(pk__in=chosen, error=""):
            corrected = file_hints(hints, pending.hints)
            result = ingest_bytes(bytes(pending.content), pending.filename, corrected, speakers=speakers)
            if result.event is not None and pending.hints and result.status in (Status.CREATED, Status.UPDATED):
                Event.objects.filter(pk=result.event.pk).update(parse_hints=pending.hints)
            if result.status == Status.CREATED:
                self.log_addition(request, result.event, f"Uploaded from {pending.filename}")
            elif result.status == Status.UPDATED:
                self.log_change(request, result.event, f"Replaced by upload of {pending.filename}")
            results.append(result)
        skipped = batch.files.exclude(pk__in=chosen).count()
        batch.delete()
        return TemplateResponse(
            request,
            "admin/transcripts/event/upload_done.html",
            self._context(request, title="Upload finished", results=results, skipped=skipped),
        )

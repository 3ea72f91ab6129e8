"""python manage.py ingest PATH… — a thin shell around transcripts.ingest."""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from transcripts.dbtools import prepared_statements
from transcripts.ingest import (
    IngestResult,
    Status,
    archive_ready,
    flush_search_index,
    ingest_path,
    known_speakers,
    parsed_as_json,
    transcript_files,
    warm_up,
)
from transcripts.models import Event, Speaker
from transcripts.parsing import Hints
from transcripts.progress import Progress
from transcripts.signals import transcripts_ingested


class Command(BaseCommand):
    help = "Parse transcript files (text, HTML, Markdown) and store them in the archive."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Files, folders (searched recursively) or globs.")
        parser.add_argument("--publisher", help="Publisher name, overriding detection.")
        parser.add_argument("--kind", choices=Event.Kind.values, help="Event kind, overriding detection.")
        parser.add_argument("--language", help="Language code (en, ru, …), overriding detection.")
        parser.add_argument("--source-url", help="Source URL, overriding detection.")
        parser.add_argument("--dry-run", action="store_true", help="Parse without saving.")
        parser.add_argument("--json", action="store_true", help="With --dry-run: print one JSON document.")
        parser.add_argument(
            "--jobs",
            type=int,
            default=1,
            help="Ingest this many files at once, in separate processes (each file is still one transaction).",
        )

    def handle(self, *args, **options):
        files, missing = transcript_files(options["paths"])
        if not files and missing:
            raise CommandError(f"no such file or folder: {', '.join(missing)}")
        dry_run = options["dry_run"]
        as_json = options["json"]
        if as_json and not dry_run:
            raise CommandError("--json goes with --dry-run")
        speakers = known_speakers()
        progress = Progress(len(files), sys.stderr)
        counts: dict[str, int] = {}
        transcripts, errors = [], [{"file": m, "error": "no such file or folder"} for m in missing]
        if not as_json:
            for path in missing:
                self.stderr.write(f"FAILED  {path}: no such file or folder")
        started = time.monotonic()
        hint_options = {key: options[key] for key in ("publisher", "kind", "language", "source_url")}
        jobs = max(1, min(options["jobs"], len(files) or 1, os.cpu_count() or 1))
        if jobs > 1 and not as_json:
            results = parallel_results(files, hint_options, dry_run, jobs)
        else:
            results = (
                _ingest_one(path, Hints(**hint_options, known_speakers=speakers), dry_run, speakers) for path in files
            )
        for path, result in zip(files, results, strict=True):
            counts[result.status] = counts.get(result.status, 0) + 1
            if result.status == Status.FAILED:
                errors.append({"file": str(path), "error": result.message})
                if not as_json:
                    self.stderr.write(f"FAILED  {path}: {result.message}")
            elif as_json:
                transcripts.append(parsed_as_json(result))
            else:
                self.stdout.write(self._summary(path, result))
                if result.event and result.status == Status.CREATED and result.parsed:
                    for name in result.parsed.speakers():
                        speakers.setdefault(name, [])
            progress.step()
        counts[Status.FAILED] = counts.get(Status.FAILED, 0) + len(missing)
        changed = counts.get(Status.CREATED, 0) + counts.get(Status.UPDATED, 0)
        if changed:
            flush_search_index(analyze=changed >= 10)
            if not dry_run:
                transcripts_ingested.send(sender=self.__class__, changed=changed)
        if as_json:
            # One write: Django's OutputWrapper ends every write with a newline.
            self.stdout.write(json.dumps({"transcripts": transcripts, "errors": errors}, ensure_ascii=False, indent=1))
        else:
            elapsed = time.monotonic() - started
            parts = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()) if n)
            self.stdout.write(f"{len(files)} file(s) in {elapsed:.1f}s: {parts}")
        if counts[Status.FAILED]:
            sys.exit(1)

    def _summary(self, path, result) -> str:
        if result.status == Status.UNCHANGED:
            return f"same    {path}: already in the archive as {result.event.slug}"
        parsed = result.parsed
        turns = len(parsed.turns)
        what = "parsed " if result.status == Status.PARSED else f"{result.status:8}"[:8]
        slug = f" -> {result.event.slug}" if result.event else ""
        warn = f" ({len(parsed.warnings)} warning(s))" if parsed.warnings else ""
        return f"{what}{path}: {turns} turns, {len(parsed.speakers())} speaker(s){slug}{warn}"


def parallel_results(files: list[Path], hint_options: dict, dry_run: bool, jobs: int):
    """Results in file order, from `jobs` worker processes, each with its own database connection."""
    context = multiprocessing.get_context("fork")
    warm_up()  # once here, shared by the forked workers
    connections.close_all()  # the workers must not share the parent's connection
    with context.Pool(jobs, initializer=connections.close_all) as pool:
        tasks = [(str(path), hint_options, dry_run) for path in files]
        yield from pool.imap(_ingest_in_worker, tasks, chunksize=1)


# A worker's speakers (name -> aliases) and the highest id among them.
_WORKER_SPEAKERS: dict = {}


def _speakers_in_worker() -> dict[str, list[str]]:
    """The archive's speakers, read whole once per worker and then only those added since (by
    either worker): reading them all for every file cost 2.5 ms a file at 2,000 transcripts, and
    grows with the archive. An alias an editor changes during the run is seen by the next run."""
    if not _WORKER_SPEAKERS:
        _WORKER_SPEAKERS.update(names={}, top=0)
    rows = Speaker.objects.filter(pk__gt=_WORKER_SPEAKERS["top"]).values_list("pk", "name", "aliases")
    for pk, name, aliases in rows:
        _WORKER_SPEAKERS["names"][name] = list(aliases)
        _WORKER_SPEAKERS["top"] = max(_WORKER_SPEAKERS["top"], pk)
    return _WORKER_SPEAKERS["names"]


def _ingest_in_worker(task) -> IngestResult:
    path, hint_options, dry_run = task
    speakers = _speakers_in_worker() if archive_ready() else {}
    # The whole result goes back to the parent, which prints the summary line (it is picklable).
    return _ingest_one(Path(path), Hints(**hint_options, known_speakers=speakers), dry_run, speakers)


def _ingest_one(path: Path, hints: Hints, dry_run: bool, speakers: dict) -> IngestResult:
    if dry_run:
        return ingest_path(path, hints, dry_run=True, speakers=speakers)
    with prepared_statements():
        return ingest_path(path, hints, speakers=speakers)

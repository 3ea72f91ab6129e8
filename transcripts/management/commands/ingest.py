"""python manage.py ingest PATH… — a thin shell around transcripts.ingest."""

from __future__ import annotations

import json
import sys
import time

from django.core.management.base import BaseCommand, CommandError

from transcripts.ingest import flush_search_index, ingest_path, known_speakers, parsed_as_json, transcript_files
from transcripts.models import Event
from transcripts.parsing import Hints
from transcripts.progress import Progress


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
        started = time.monotonic()
        for path in files:
            hints = Hints(
                publisher=options["publisher"],
                kind=options["kind"],
                language=options["language"],
                source_url=options["source_url"],
                known_speakers=speakers,
            )
            result = ingest_path(path, hints, dry_run=dry_run, speakers=speakers)
            counts[result.status] = counts.get(result.status, 0) + 1
            if result.status == "failed":
                errors.append({"file": str(path), "error": result.message})
                if not as_json:
                    self.stderr.write(f"FAILED  {path}: {result.message}")
            elif as_json:
                transcripts.append(parsed_as_json(result))
            else:
                self.stdout.write(self._summary(path, result))
                if result.event and result.status == "created":
                    for name in result.parsed.speakers():
                        speakers.setdefault(name, [])
            progress.step()
        counts["failed"] = counts.get("failed", 0) + len(missing)
        changed = counts.get("created", 0) + counts.get("updated", 0)
        if changed:
            flush_search_index(analyze=changed >= 10)
        if as_json:
            json.dump({"transcripts": transcripts, "errors": errors}, self.stdout, ensure_ascii=False, indent=1)
            self.stdout.write("\n")
        else:
            elapsed = time.monotonic() - started
            parts = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()) if n)
            self.stdout.write(f"{len(files)} file(s) in {elapsed:.1f}s: {parts}")
        if counts["failed"]:
            sys.exit(1)

    def _summary(self, path, result) -> str:
        if result.status == "unchanged":
            return f"same    {path}: already in the archive as {result.event.slug}"
        parsed = result.parsed
        turns = len(parsed.turns)
        what = "parsed " if result.status == "parsed" else f"{result.status:8}"[:8]
        slug = f" -> {result.event.slug}" if result.event else ""
        warn = f" ({len(parsed.warnings)} warning(s))" if parsed.warnings else ""
        return f"{what}{path}: {turns} turns, {len(parsed.speakers())} speaker(s){slug}{warn}"

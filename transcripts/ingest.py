"""A ParsedTranscript into the database: one transaction per transcript.

The management command and the admin upload both call `ingest_bytes`; neither
has parsing or saving logic of its own.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, IntegrityError, InterfaceError, OperationalError, connection, transaction
from django.db.models import Q
from django.template.defaultfilters import filesizeformat

from transcripts import search_sql
from transcripts.catalogue import TURN_IDS_LOCK, lock_catalogue
from transcripts.dberrors import is_outage
from transcripts.dbtools import copy_rows
from transcripts.entities import TranscriptMentions
from transcripts.entities.store import (
    add_mention_counts,
    entities_for,
    extract_mentions,
    link_speakers,
    mentioned_entity_ids,
    refresh_mention_counts,
    save_mentions,
)
from transcripts.models import Event, OriginalFile, Publisher, Speaker, Utterance, slug_base, unique_slug
from transcripts.parsing import Hints, ParsedTranscript, TranscriptError, parse_transcript
from transcripts.parsing.people import gazetteer_people, publishers
from transcripts.parsing.text import clean_text
from transcripts.search_config import search_config_for
from transcripts.textindex import has_han, index_text

log = logging.getLogger(__name__)

TRANSCRIPT_SUFFIXES = {".txt", ".text", ".html", ".htm", ".xhtml", ".md", ".markdown", ".json", ".vtt", ".srt"}


class Status(StrEnum):
    """What ingesting one file did."""

    CREATED = "created"
    UPDATED = "updated"  # a corrected version of a transcript already in the archive
    UNCHANGED = "unchanged"  # the same file again: nothing written
    FAILED = "failed"  # refused, with a message that says what and where
    PARSED = "parsed"  # --dry-run: parsed, nothing written


@dataclass
class IngestResult:
    file: str
    status: Status
    message: str = ""
    event: Event | None = None
    parsed: ParsedTranscript | None = None
    mentions: list[dict] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status != Status.FAILED


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_READY: set[str] = set()  # the databases whose tables were found (they do not go away)


def archive_ready() -> bool:
    """Whether the archive's tables exist: `ingest --dry-run` works on a fresh clone before
    `migrate`, with the gazetteer alone. Asked once per database (the catalogue query cost
    0.6 ms a file)."""
    name = connection.settings_dict["NAME"]
    if name not in _READY and Speaker._meta.db_table in connection.introspection.table_names():
        _READY.add(name)
    return name in _READY


def known_speakers() -> dict[str, list[str]]:
    if not archive_ready():
        return {}
    return {s.name: list(s.aliases) for s in Speaker.objects.only("name", "aliases")}


def size_text(n: int) -> str:
    """ "20.0 MB", "900.0 KB": Django's filesizeformat, with a plain space for terminals and logs."""
    return filesizeformat(n).replace("\xa0", " ")


def too_large(size: int) -> str:
    return f"the file is {size_text(size)}, larger than the {size_text(settings.VERBATIM_MAX_FILE_BYTES)} allowed"


def parse_bytes(data: bytes, filename: str, hints: Hints | None = None) -> ParsedTranscript:
    limit = settings.VERBATIM_MAX_FILE_BYTES
    if len(data) > limit:
        raise TranscriptError(
            too_large(len(data)),
            "whole file",
        )
    return parse_transcript(data, filename, hints)


def ingest_bytes(
    data: bytes,
    filename: str,
    hints: Hints | None = None,
    *,
    dry_run: bool = False,
    speakers: dict[str, list[str]] | None = None,
) -> IngestResult:
    """Parse and (unless dry_run) save one transcript. Never raises for bad input: whatever goes
    wrong with one file is that file's failure, with a message, and the database is as it was
    (the save is one transaction). Only an unreachable database is raised, since every other file
    would fail the same way."""
    name = Path(filename).name
    try:
        return _ingest_bytes(data, name, hints, dry_run=dry_run, speakers=speakers)
    except (OperationalError, InterfaceError) as err:
        if is_outage(err):
            raise
        log.warning("ingest of %s failed in the database: %s", name, err)
        return IngestResult(name, Status.FAILED, f"the database refused this transcript: {_first_line(err)}")
    except DatabaseError as err:
        log.warning("ingest of %s failed in the database: %s", name, err)
        return IngestResult(name, Status.FAILED, f"the database refused this transcript: {_first_line(err)}")
    except Exception as err:  # a bug of ours, met on this file: report it, log it, go on with the rest
        log.exception("ingest of %s failed", name)
        message = f"internal error while reading this file ({type(err).__name__}); logged"
        return IngestResult(name, Status.FAILED, message)


def warm_up() -> None:
    """Load what every ingest needs once per process — the gazetteer and its matchers, the
    Russian morphology, the Chinese dictionary — by reading a short transcript in the three
    scripts. Before forking workers, so that they share it instead of each spending a second or
    two building it."""
    sample = "Moscow, 1 March 2024\n\nQ: Russia, China? Россия, Китай? 俄罗斯和中国。\n\nA: Yes.\n"
    parsed = parse_transcript(sample.encode(), "warm-up.txt", Hints())
    extract_mentions(parsed)
    for turn in parsed.turns:
        index_text(turn.text)


def _with_editor_hints(hints: Hints, name: str, dry_run: bool) -> Hints:
    """An editor's corrections to an earlier version of the same file (kept on its event), unless
    the caller brings its own: so a new version is read the way the editor said."""
    if dry_run or hints.title or hints.date or hints.speaker or hints.label_style or not archive_ready():
        return hints
    stored = (
        Event.objects.filter(original_filename=name).exclude(parse_hints={}).values_list("parse_hints", flat=True)
    ).first()
    if not stored:
        return hints
    hints = replace(hints)
    hints.title = stored.get("title")
    hints.date = dt.date.fromisoformat(stored["date"]) if stored.get("date") else None
    hints.speaker, hints.label_style = stored.get("speaker"), stored.get("label_style")
    return hints


def _first_line(err: Exception) -> str:
    return (str(err).strip().splitlines() or [type(err).__name__])[0][:300]


def _ingest_bytes(
    data: bytes, name: str, hints: Hints | None, *, dry_run: bool, speakers: dict[str, list[str]] | None
) -> IngestResult:
    digest = content_hash(data)
    if not dry_run:
        existing = Event.objects.filter(content_hash=digest).first()
        if existing:
            return IngestResult(name, Status.UNCHANGED, "already in the archive", existing)
    hints = _with_editor_hints(hints or Hints(), name, dry_run)
    if not hints.known_speakers:
        hints.known_speakers = speakers if speakers is not None else known_speakers()
    try:
        parsed = parse_bytes(data, name, hints)
    except TranscriptError as err:
        return IngestResult(name, Status.FAILED, str(err))
    mentions = extract_mentions(parsed)
    if dry_run:
        return IngestResult(name, Status.PARSED, "", parsed=parsed, mentions=mentions.summary())
    try:
        event, status = save_parsed(parsed, mentions, data, name, digest)
    except IntegrityError:
        # Another process stored the same bytes between our check and our insert.
        existing = Event.objects.filter(content_hash=digest).first()
        if existing:
            return IngestResult(name, Status.UNCHANGED, "already in the archive", existing)
        raise
    return IngestResult(name, status, "", event, parsed, mentions.summary())


def ingest_path(path: Path, hints: Hints | None = None, **kwargs) -> IngestResult:
    try:
        size = path.stat().st_size
        if size > settings.VERBATIM_MAX_FILE_BYTES:
            return IngestResult(path.name, Status.FAILED, f"{too_large(size)} (whole file)")
        data = path.read_bytes()
    except OSError as err:
        return IngestResult(path.name, Status.FAILED, f"cannot read the file: {err.strerror}")
    found = sidecar(path)
    if found:
        hints = replace(hints) if hints else Hints()
        hints.defaults = {**found, **hints.defaults}
    return ingest_bytes(data, path.name, hints, **kwargs)


# What a sidecar may tell, under the names publishers' and scrapers' sidecars use.
SIDECAR_FIELDS = {
    "title": ("title",),
    "date": ("date", "date_text", "published", "event_date"),
    "location": ("location", "place", "city"),
    "source_url": ("source_url", "url", "link"),
    "publisher": ("publisher", "source", "site"),
    "speaker": ("speaker", "spokesperson"),
}


def sidecar(path: Path) -> dict[str, str]:
    """Metadata from a JSON file beside the transcript (`NAME.json`, `NAME.source.json`, or
    `FILE.json`), used where the transcript itself says nothing. A JSON file that is one of our
    exports is a transcript, not a sidecar."""
    from transcripts.parsing.jsonexport import looks_like_export

    for candidate in (path.with_suffix(".source.json"), path.with_suffix(".json"), Path(f"{path}.json")):
        if candidate == path or not candidate.is_file() or candidate.stat().st_size > 1_000_000:
            continue
        try:
            text = candidate.read_text(encoding="utf-8")
            data = json.loads(text)
        except (OSError, UnicodeDecodeError, ValueError, RecursionError):
            continue
        if not isinstance(data, dict) or looks_like_export(text):
            continue
        if data.get("file") not in (None, path.name):
            continue  # a sidecar that names another file
        found = {}
        for name, keys in SIDECAR_FIELDS.items():
            value = next((data[k] for k in keys if isinstance(data.get(k), str) and data[k].strip()), None)
            if value:
                found[name] = clean_text(value.strip())[:1000]
        return found
    return {}


def flush_search_index(analyze: bool = False) -> None:
    """Move rows from the GIN index's pending list into the index proper, and (after a large
    batch) refresh the planner's statistics.

    New rows wait in that list until autovacuum runs, and every search scans it linearly; and a
    planner that still believes the tables are empty picks nested loops that take minutes. After
    a batch ingest, both are put right at once instead of whenever autovacuum comes by.
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT gin_clean_pending_list('utterance_words_gin'::regclass)")
        if analyze:
            cursor.execute(
                "ANALYZE transcripts_event, transcripts_utterance, transcripts_mention, transcripts_entity, "
                f"{search_sql.SAMPLE_TABLE}"
            )


@transaction.atomic
def save_parsed(
    parsed: ParsedTranscript, mentions: TranscriptMentions, data: bytes, filename: str, digest: str
) -> tuple[Event, str]:
    # What needs no lock is done before taking one (the Chinese segmentation of the index text
    # most of all).
    indexed = [index_text(turn.text) for turn in parsed.turns]
    # Locks, always in this order, so that two ingests never wait on each other in a circle: the
    # turn ids (shared), the bytes, the source, the slug (each serialising ingests of the same
    # one); the catalogue, only to create a speaker, entity or publisher or to replace a version;
    # then rows every transcript shares, each set in key order and as late as possible, since they
    # are held to commit: the word statistics, then the entities' mention counts. Two ingests of
    # different transcripts run side by side up to those last writes.
    # The triggers ingest does the work of are deferred in the same statement (_begin_save): each
    # turn is written with the entities it mentions (entity_ids, from the same extraction as its
    # mention rows), and the words are counted at the end (LEXEMES_OF_EVENT).
    slug, identity = _event_slug(parsed), _identity(parsed)
    _begin_save([f"bytes:{digest}", *([f"source:{identity}"] if identity else []), f"slug:{slug}"])
    if Event.objects.filter(content_hash=digest).exists():
        raise IntegrityError("duplicate content hash")
    event = _previous_version(parsed)
    status = Status.UPDATED if event else Status.CREATED
    stale_entities: set[int] = set()
    if event is None:
        event = Event(slug=unique_slug(Event, slug, max_length=200))
    else:
        # Deleting the old turns subtracts their words from the statistics at once (the delete
        # trigger): those shared rows are then held from here, so the catalogue lock comes first.
        lock_catalogue()
        stale_entities = mentioned_entity_ids(event)
        event.utterances.all().delete()  # their mentions too
        OriginalFile.objects.filter(event=event).delete()
    event.title = parsed.title[:5000]
    event.kind = parsed.kind if parsed.kind in Event.Kind.values else Event.Kind.OTHER
    event.date = parsed.date
    event.time = parsed.time
    event.location = (parsed.location or "")[:200]
    event.publisher = _publisher(parsed.publisher)
    event.language = parsed.language[:16]
    event.source_url = (parsed.source_url or "")[:1000]
    event.reference = (parsed.reference or "")[:100]
    event.content_hash = digest
    event.original_filename = filename[:255]
    event.dropped = parsed.dropped
    event.warnings = parsed.warnings
    event.save()
    OriginalFile.objects.create(event=event, filename=filename[:255], content=data, size=len(data))
    speakers = _speakers(parsed.speakers())
    config = search_config_for(parsed.language)
    # Ids come from the sequence up front so each answer can point at its question in the same
    # INSERT (an UPDATE afterwards would cost a second write of every answer row).
    ids = _next_ids(Utterance, len(parsed.turns))
    # The entities first, so that each turn is written once with the ones it mentions (entity_ids).
    entities = entities_for(mentions.entities.values())
    created = [
        Utterance(
            pk=ids[i],
            event=event,
            sequence=i + 1,
            speaker=speakers.get(turn.speaker) if turn.speaker else None,
            label=(turn.label or "")[:300],
            affiliation=(turn.affiliation or "")[:200],
            role=turn.role,
            note=(turn.note or "")[:300],
            text=turn.text,
            index_text=indexed[i],
            answers_id=ids[turn.answers] if turn.answers is not None else None,
            search_config=config,
            event_date=event.date,
            event_publisher_id=event.publisher_id,
            event_kind=event.kind,
            event_language=event.language,
            entity_ids=sorted({entities[ref].pk for ref in mentions.per_turn[i]}),
        )
        for i, turn in enumerate(parsed.turns)
    ]
    copy_rows(Utterance, created, TURN_COLUMNS)
    added = save_mentions(created, mentions, entities)
    link_speakers(speakers.values())
    with connection.cursor() as cursor:
        # The words counted, then the turns join their words' lists of strongest turns, starting those
        # of the words this count made common (transcripts/champions.py).
        cursor.execute(search_sql.LEXEMES_OF_EVENT, [event.pk])
        cursor.execute(search_sql.CHAMPIONS_OF_EVENT, [event.pk, cursor.fetchone()[0]])
    if stale_entities:
        refresh_mention_counts(set(added) | stale_entities)  # a new version: count again
    else:
        add_mention_counts(added)
    if len(connection.atomic_blocks) > 1:  # inside a caller's transaction, which goes on
        with connection.cursor() as cursor:
            cursor.execute("SELECT " + _TRIGGERS.format(value="''"))
    return event, status


# What ingest writes of a turn (the search vectors come from the insert trigger).
TURN_COLUMNS = [
    "id", "event", "sequence", "speaker", "label", "affiliation", "role", "note", "text", "index_text", "answers",
    "search_config", "event_date", "event_publisher", "event_kind", "event_language", "entity_ids",
]  # fmt: skip


# The mention triggers that keep turns' entity lists, and the word-statistics insert trigger, off
# (ingest writes both itself) or on again, for the rest of the transaction.
_TRIGGERS = "set_config('verbatim.turn_entities', {value}, true), set_config('verbatim.lexeme_counts', {value}, true)"


def _begin_save(keys: list[str]) -> None:
    """Transaction-level advisory locks on `keys`, taken in order (hashes of them: a rare collision
    only serialises two ingests), and the triggers ingest does the work of deferred."""
    # First the turn-id lock, shared (ingests run side by side; the alerts' horizon waits for
    # them): taken before any other, so an ingest queued behind the alerts holds nothing else.
    locks = ", ".join("pg_advisory_xact_lock(hashtextextended(%s, 0))" for _ in keys)
    deferred = _TRIGGERS.format(value="'deferred'")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT pg_advisory_xact_lock_shared(%s), {locks}, {deferred}", [TURN_IDS_LOCK, *keys])


def _next_ids(model, count: int) -> list[int]:
    if count == 0:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [model._meta.db_table, count],
        )
        return [row[0] for row in cursor.fetchall()]


def _identity(parsed: ParsedTranscript) -> str:
    """What makes two files versions of one transcript (see _previous_version), as one key."""
    if parsed.source_url:
        return f"url:{parsed.source_url}"
    if parsed.reference and parsed.publisher:
        return f"ref:{parsed.publisher}|{parsed.reference}"
    return ""


def _previous_version(parsed: ParsedTranscript) -> Event | None:
    """A changed version of the same source: same source URL, or same publisher reference."""
    if parsed.source_url:
        event = Event.objects.filter(source_url=parsed.source_url).first()
        if event:
            return event
    if parsed.reference and parsed.publisher:
        return Event.objects.filter(reference=parsed.reference, publisher__name=parsed.publisher).first()
    return None


def _event_slug(parsed: ParsedTranscript) -> str:
    """The slug an event of `parsed` would like (unique_slug adds -2, -3 … when it is taken)."""
    title = re.sub(r"[’']s\b", "s", parsed.title)
    if parsed.date:  # the date leads the slug already: not twice ("2020年3月24日外交部…")
        title = re.sub(r"^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*", "", title)
    words = slug_base(title, 1000).split("-")
    # Twelve words of a title; a Chinese character is one syllable, so twice as many of those.
    short = "-".join(words[: 24 if has_han(title) else 12])[:120].strip("-") or "transcript"
    prefix = f"{parsed.date:%Y-%m-%d}-" if parsed.date else ""
    return prefix + short


def _publisher(name: str | None) -> Publisher | None:
    if not name:
        return None
    existing = Publisher.objects.filter(name=name[:200]).first()
    if existing:
        return existing
    lock_catalogue()  # another ingest may be creating it
    known = next((p for p in publishers() if p["name"] == name), None)
    publisher, _ = Publisher.objects.get_or_create(
        name=name[:200],
        defaults={
            "country": (known or {}).get("country", ""),
            "website": (known or {}).get("website", ""),
        },
    )
    return publisher


def _find_speaker(name: str) -> Speaker | None:
    return Speaker.objects.filter(Q(name__iexact=name) | Q(aliases__contains=[name])).order_by("id").first()


def _speakers(names: list[str]) -> dict[str, Speaker]:
    found: dict[str, Speaker] = {}
    locked = False
    for name in names:
        speaker = _find_speaker(name)
        if speaker is None and not locked:
            lock_catalogue()
            locked = True
            speaker = _find_speaker(name)  # another ingest may have created it meanwhile
        if speaker is None:
            person = next((p for p in gazetteer_people() if p["name"] == name), {})
            speaker = Speaker.objects.create(
                name=name[:200],
                slug=unique_slug(Speaker, name),
                description=person.get("description", "")[:300],
                aliases=[a for a in person.get("aliases", []) if len(a.split()) > 1 or a == name.split()[-1]],
            )
        found[name] = speaker
    return found


def transcript_files(paths: list[str]) -> tuple[list[Path], list[str]]:
    """Files named, found in folders (recursively) or matched by globs; and what matched nothing."""
    import glob

    files: list[Path] = []
    missing: list[str] = []
    for raw in paths:
        matches = [Path(p) for p in sorted(glob.glob(raw, recursive=True))] or [Path(raw)]
        any_found = False
        for path in matches:
            if path.is_dir():
                for child in sorted(path.rglob("*")):
                    if (
                        child.is_file()
                        and child.suffix.lower() in TRANSCRIPT_SUFFIXES
                        and not child.name.upper().startswith("README")
                        and (child.suffix.lower() != ".json" or _is_export(child))
                    ):
                        files.append(child)
                        any_found = True
            elif path.is_file():
                files.append(path)
                any_found = True
        if not any_found:
            missing.append(raw)
    unique = list(dict.fromkeys(files))
    return unique, missing


def _is_export(path: Path) -> bool:
    """In a folder, .json files are sidecars (where a transcript came from) unless they are our exports."""
    from transcripts.parsing.jsonexport import looks_like_export

    with open(path, "rb") as fh:
        return looks_like_export(fh.read(400).decode("utf-8", errors="replace"))


def parsed_as_json(result: IngestResult) -> dict:
    """The stable `ingest --dry-run --json` shape of one transcript."""
    parsed = result.parsed
    return {
        "file": result.file,
        "title": parsed.title,
        "date": parsed.date.isoformat() if parsed.date else None,
        "time": parsed.time.strftime("%H:%M") if parsed.time else None,
        "location": parsed.location,
        "publisher": parsed.publisher,
        "reference": parsed.reference,
        "language": parsed.language,
        "kind": parsed.kind,
        "source_url": parsed.source_url,
        "utterances": [
            {
                "sequence": i + 1,
                "speaker": turn.speaker,
                "label": turn.label,
                "affiliation": turn.affiliation,
                "role": turn.role,
                "note": turn.note,
                "text": turn.text,
                "answers": turn.answers + 1 if turn.answers is not None else None,
            }
            for i, turn in enumerate(parsed.turns)
        ],
        "mentions": result.mentions,
        "dropped": parsed.dropped,
        "warnings": parsed.warnings,
    }

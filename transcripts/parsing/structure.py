"""From blocks to a ParsedTranscript: header, chrome, turns, speakers, roles."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlparse

from transcripts.parsing.blocks import (
    Block,
    Document,
    html_document,
    looks_like_html,
    markdown_document,
    one_line,
    text_blocks,
)
from transcripts.parsing.dates import find_date, parse_date_only, parse_iso_date, parse_time_line
from transcripts.parsing.decode import decode_bytes
from transcripts.parsing.jsonexport import looks_like_export, parse_export
from transcripts.parsing.labels import Label, base_key, match_label
from transcripts.parsing.language import detect_language
from transcripts.parsing.model import Hints, ParsedTranscript, TranscriptError, Turn
from transcripts.parsing.people import DATA_DIR, Resolver
from transcripts.parsing.text import clean_text

MAX_TURNS = 5000
# PostgreSQL's tsvector holds at most 1 MB: about 700,000 characters of distinct words, far more
# of ordinary prose. The longest real turn we have seen is ~60,000 characters.
MAX_TURN_CHARS = 300_000

# Page chrome: only ever removed at the top or bottom edge of the body.
EDGE_CHROME = [
    re.compile(p, re.I)
    for p in (
        r"^newsletter$",
        r"\bjoin the .{1,60} mailing list\b",
        r"^subscribe\b",
        r"make a (charitable )?donation",
        r"^share( this( page| article)?)?:?$",
        r"^print( version| this page)?$",
        r"^back to top$",
        r"^related (news|articles|stories|links|materials)\b",
        r"^(©|\(c\)|copyright\b)",
        r"all rights reserved",
        r"^tags?:",
        r"^follow us\b",
        r"^advertisement$",
        r"^skip to (main )?content$",
        r"^(home|menu|search)$",
        r"^send by e-?mail$",
        r"^suggest to a friend$",
        r"^top of page$",
        r"^(text|photo|video) version$",
    )
]
# Dropped wherever they stand: separators, end markers, editorial asides.
ANYWHERE_DROP = [
    re.compile(p, re.I)
    for p in (
        r"^[*•·=_~\-–—\s]{3,}$",
        r"^#{3}$",
        r"^-?\s*end\s*-?$",
        r"^END\s+\d{1,2}:\d{2}\s*[AP]\.?\s*M\.?(\s+[A-Z]{2,5})?$",
        r"^The following questions? (was|were) (raised|asked|answered|taken|submitted) after the "
        r"(press conference|briefing|meeting|event)[^.]{0,80}[:.]?$",
    )
]
REFERENCE_LINE = re.compile(
    r"^(?:(?:No\.|Ref(?:erence)?\.?|#)\s*)?(\d{2,6}-\d{1,2}-\d{1,2}-\d{4}|\d{3,6}(?:-\d{2,4}){1,3})$", re.I
)
KIND_PATTERNS = [
    (
        "joint_press_conference",
        r"joint (press|news) conference|joint press availability|joint statements? (to|for) the press",
    ),
    (
        "news_conference",
        r"(news|press) conference"
        r"|answers? to (media|journalists’|journalists'|the press|reporters’|reporters') questions",
    ),
    ("briefing", r"briefing|gaggle|press call|background call|conference call|readout"),
    ("interview", r"\binterview\b"),
    ("speech", r"\bspeech\b|\baddress(es)? (to|at|before)\b|\blecture\b"),
    ("statement", r"\bstatement\b|\bcomment\b|\bmessage\b|\bdeclaration\b"),
    ("remarks", r"\bremarks\b"),
]

GREETING = re.compile(
    r"^(good (morning|afternoon|evening|day)|hello|hi|hey|welcome|thank you|thanks|thank you very much|"
    r"thank you all|okay|ok|all right|alright|yes|yeah|sure|please|go ahead|next question|"
    r"mm-?hm|(inaudible)|\(inaudible\.?\)|great|sorry|excuse me|one more|last question|"
    r"you too|likewise|good to see you|nice to see you|appreciate it)\b",
    re.I,
)


@dataclass
class _Segment:
    label: Label | None
    paragraphs: list[str]
    standalone_label: bool = False


@lru_cache(maxsize=1)
def publishers() -> tuple[dict, ...]:
    with open(DATA_DIR / "publishers.json", encoding="utf-8") as fh:
        return tuple(json.load(fh)["publishers"])


def parse_transcript(data: bytes, filename: str | None = None, hints: Hints | None = None) -> ParsedTranscript:
    """Parse one transcript file. Raises TranscriptError when it is not a transcript."""
    hints = hints or Hints()
    text = decode_bytes(data)
    if looks_like_export(text):
        parsed = parse_export(text, hints)
    elif (filename or "").lower().endswith(".json"):
        raise TranscriptError("this JSON file is not a Verbatim transcript export", "whole file")
    else:
        parsed = _Builder(_read_document(text, filename), hints, filename, text).build()
    return _within_limits(_cleaned(parsed))


def _cleaned(parsed: ParsedTranscript) -> ParsedTranscript:
    """Every string of the result through the one cleaner, whichever way it came in (the file's
    text, JSON escapes, YAML values, HTML entities, the caller's hints)."""
    for name in ("title", "location", "publisher", "reference", "language", "kind", "source_url"):
        value = getattr(parsed, name)
        if isinstance(value, str):
            setattr(parsed, name, clean_text(value))
    parsed.source_url = _web_address(parsed.source_url)
    for turn in parsed.turns:
        for name in ("label", "speaker", "affiliation", "note"):
            value = getattr(turn, name)
            if isinstance(value, str):
                setattr(turn, name, one_line(clean_text(value)) or None)
        turn.paragraphs = [p for p in (clean_text(p).strip() for p in turn.paragraphs) if p]
    parsed.dropped = [clean_text(d) for d in parsed.dropped]
    parsed.metadata_lines = [clean_text(m) for m in parsed.metadata_lines]
    parsed.warnings = [clean_text(w) for w in parsed.warnings]
    if not parsed.title.strip():
        raise TranscriptError("the transcript has no title", "title")
    return parsed


def _within_limits(parsed: ParsedTranscript) -> ParsedTranscript:
    if len(parsed.turns) > MAX_TURNS:
        raise TranscriptError(
            f"the transcript has {len(parsed.turns)} turns, more than the {MAX_TURNS} allowed", "body"
        )
    for number, turn in enumerate(parsed.turns, start=1):
        size = sum(len(p) for p in turn.paragraphs)
        if size > MAX_TURN_CHARS:
            who = f" ({turn.label})" if turn.label else ""
            raise TranscriptError(
                f"turn {number}{who} is {size:,} characters long; at most {MAX_TURN_CHARS:,} fit in the search index "
                "(is the file one unbroken line?)",
                f"turn {number}",
            )
    return parsed


def _read_document(text: str, filename: str | None) -> Document:
    name = (filename or "").lower()
    if name.endswith((".html", ".htm", ".xhtml")) or (
        not name.endswith((".md", ".markdown", ".txt")) and looks_like_html(text)
    ):
        return html_document(text)
    if name.endswith((".md", ".markdown")) or text.startswith("---\n"):
        return markdown_document(text)
    return Document(text_blocks(text), "text")


class _Builder:
    def __init__(self, document: Document, hints: Hints, filename: str | None, text: str):
        self.doc = document
        self.hints = hints
        self.filename = filename or "transcript"
        self.raw_text = text
        self.dropped: list[str] = list(document.dropped)
        self.metadata_lines: list[str] = []
        self.warnings: list[str] = []
        self.title: str | None = None
        self.date: dt.date | None = None
        self.time: dt.time | None = None
        self.location: str | None = None
        self.venue: str | None = None
        self.reference: str | None = None
        self.publisher: dict | None = None
        self.source_url: str | None = None

    # -------------------------------------------------------------- overview
    def build(self) -> ParsedTranscript:
        self._container_metadata()
        blocks = self._trim_edges(self.doc.blocks)
        blocks = self._header(blocks)
        blocks = self._drop_inline_chrome(blocks)
        if not blocks:
            raise TranscriptError("no transcript text was found (only page furniture or metadata)", "body")
        segments = self._segments(blocks)
        self._finish_metadata()
        turns = self._turns(segments)
        if len(turns) > MAX_TURNS:
            raise TranscriptError(f"the transcript has {len(turns)} turns, more than the {MAX_TURNS} allowed", "body")
        language = self.hints.language or self._language(turns)
        return ParsedTranscript(
            title=self.title,
            date=self.date,
            time=self.time,
            location=self.location,
            publisher=self.publisher["name"] if self.publisher else self.hints.publisher,
            reference=self.hints.reference or self.reference,
            language=language,
            kind=self.hints.kind or self._kind(turns),
            source_url=_web_address(self.hints.source_url or self.source_url),
            turns=turns,
            dropped=self.dropped,
            metadata_lines=self.metadata_lines,
            warnings=self.warnings,
            format=self.doc.format,
        )

    # -------------------------------------------------------------- metadata
    def _container_metadata(self) -> None:
        meta = self.doc.metadata
        if self.doc.format == "markdown":
            self.title = one_line(str(meta.get("title") or "")) or None
            self.date = parse_iso_date(meta.get("date") or meta.get("published_time"))
            self.source_url = meta.get("source_url") or meta.get("url") or None
            if meta.get("location"):
                self.location = one_line(str(meta["location"]))
        elif self.doc.format == "html":
            self.title = meta.get("h1") or meta.get("og_title") or _strip_site(meta.get("html_title"))
            self.date = parse_iso_date(meta.get("date"))
            if meta.get("time"):
                found = re.match(r"^(\d{1,2})[:.](\d{2})$", meta["time"].strip())
                if found and int(found[1]) < 24 and int(found[2]) < 60:
                    self.time = dt.time(int(found[1]), int(found[2]))
            if meta.get("place"):
                self.location = _city(meta["place"])
            self.source_url = meta.get("url")
        self.publisher = self._find_publisher(meta)

    def _find_publisher(self, meta: dict) -> dict | None:
        if self.hints.publisher:
            return _publisher_named(self.hints.publisher) or {"name": self.hints.publisher}
        url = self.hints.source_url or meta.get("url") or meta.get("source_url")
        candidates = [str(url or "")]
        if self.doc.format == "html":
            candidates.append(meta.get("site_name", ""))
            candidates.extend(re.findall(r"https?://([\w.-]+)", self.raw_text[:200000]))
        for candidate in candidates:
            host = urlparse(candidate).hostname if "://" in candidate else candidate
            for publisher in publishers():
                if host and any(host == d or host.endswith("." + d) for d in publisher["domains"]):
                    return publisher
                if candidate and base_key(candidate) in {
                    base_key(publisher["name"]),
                    *map(base_key, publisher["aliases"]),
                }:
                    return publisher
        return None

    def _finish_metadata(self) -> None:
        hints = self.hints
        if hints.title:
            self.title = hints.title
        if not self.title:
            self.title = _title_from_filename(self.filename)
            self.warnings.append("no title found in the file; the title was made from the file name")
        if self.publisher is None:
            for publisher in publishers():
                if any(re.search(p, self.title) for p in publisher.get("title_patterns", [])):
                    self.publisher = publisher
                    break
        if hints.date:
            self.date = hints.date
        if self.date is None:
            found = find_date(self.title)
            if found:
                self.date, time, _ = found
                self.time = self.time or time
        if self.date is None:
            self.warnings.append("no date found; set one in the admin")
        if hints.location:
            self.location = hints.location
        if not self.location:
            self.location = self._location_from_title() or self._location_from_venue()
        if (
            not self.location
            and self.publisher
            and self.venue is None
            and self.publisher.get("default_city")
            and not self._remote()
        ):
            self.location = self.publisher["default_city"]

    def _remote(self) -> bool:
        return bool(
            self.venue and re.search(r"teleconference|telephon|via |virtual|video ?link|online", self.venue, re.I)
        )

    def _location_from_title(self) -> str | None:
        # "…, Moscow, November 25, 2025"
        found = find_date(self.title or "")
        if not found:
            return None
        before = self.title[: found[2].start()].rstrip(" ,")
        parts = [p.strip() for p in before.split(",")]
        if (
            len(parts) >= 2
            and 0 < len(parts[-1].split()) <= 3
            and parts[-1][:1].isupper()
            and not re.search(r"\bon$", parts[-1])
        ):
            return parts[-1]
        return None

    def _location_from_venue(self) -> str | None:
        if not self.venue or self._remote():
            return None
        if self.publisher:
            for room, city in self.publisher.get("venues", {}).items():
                if room.lower() in self.venue.lower():
                    return city
        last = self.venue.split("/")[-1].strip()
        if "," in last:
            return last.split(",")[0].strip()
        if "/" in self.venue:
            return last
        if self.publisher and self.publisher.get("default_city"):
            return self.publisher["default_city"]
        return self.venue

    def _kind(self, turns: list[Turn]) -> str:
        title = self.title or ""
        for kind, pattern in KIND_PATTERNS:
            if re.search(pattern, title, re.I):
                return kind
        if any(t.role == "question" for t in turns):
            return "news_conference"
        return "statement" if len({t.speaker for t in turns}) <= 1 else "other"

    def _language(self, turns: list[Turn]) -> str:
        declared = (self.doc.metadata.get("language") or "").split("-")[0].lower() or None
        sample = " ".join(p for t in turns[:20] for p in t.paragraphs[:3])
        return detect_language(f"{self.title or ''} {sample}", declared)

    # ------------------------------------------------------------ chrome/header
    def _trim_edges(self, blocks: list[Block]) -> list[Block]:
        blocks = (
            _split_metadata_blocks(blocks[:3]) + blocks[3:-3] + _split_metadata_blocks(blocks[-3:])
            if len(blocks) > 6
            else _split_metadata_blocks(blocks)
        )
        start, end = 0, len(blocks)
        while start < end and _is_edge_chrome(blocks[start].flat):
            self.dropped.append(blocks[start].flat)
            start += 1
        tail: list[str] = []
        while end > start and (
            _is_edge_chrome(blocks[end - 1].flat)
            or _is_anywhere_drop(blocks[end - 1].flat)
            or parse_time_line(blocks[end - 1].flat)
        ):
            tail.append(blocks[end - 1].flat)
            end -= 1
        # Keep the tail time line as the end time, but record it as dropped.
        self.dropped.extend(reversed(tail))
        return blocks[start:end]

    def _header(self, blocks: list[Block]) -> list[Block]:
        """Consume title, publisher, date, reference, venue and time lines at the top."""
        blocks = _split_metadata_blocks(blocks)
        consumed_until = 0
        title_candidates: list[int] = []
        saw_meta = saw_date = False
        date_index = -1
        limit = min(len(blocks), 15)
        i = 0
        while i < limit:
            block = blocks[i]
            flat = block.flat
            label = match_label(flat)
            if (
                label
                and label.kind == "metadata"
                and len(label.rest.split()) <= 12
                and not re.search(r"[.!?]$", label.rest)
            ):
                self._metadata_line(label, flat)
                consumed_until, saw_meta = i + 1, True
            elif self.doc.format != "text" and self.title and base_key(flat) == base_key(self.title):
                self.metadata_lines.append(flat)  # the page's own heading inside the article
                consumed_until = i + 1
            elif label or block.all_bold and _title_only_label(block):
                break
            elif _is_edge_chrome(flat):
                self.dropped.append(flat)
                consumed_until = i + 1
            elif self.publisher is None and _publisher_named(flat):
                self.publisher = _publisher_named(flat)
                self.metadata_lines.append(flat)
                consumed_until, saw_meta = i + 1, True
            elif self.publisher and base_key(flat) in {
                base_key(self.publisher["name"]),
                *map(base_key, self.publisher.get("aliases", [])),
            }:
                self.metadata_lines.append(flat)
                consumed_until, saw_meta = i + 1, True
            elif (dateline := _dateline(flat)) is not None:
                # "Berlin, 12 October 2023": where and when, in one line.
                saw_date, date_index = True, i
                place, date = dateline
                self.date = self.date if self.date and self.doc.format != "text" else date[0]
                self.time = date[1] or self.time
                self.location = self.location or place
                self.metadata_lines.append(flat)
                consumed_until, saw_meta = i + 1, True
            elif (date := parse_date_only(flat)) is not None:
                saw_date, date_index = True, i
                if self.date is None or self.doc.format == "text":
                    self.date = date[0]
                self.time = date[1] or self.time
                self.metadata_lines.append(flat)
                consumed_until, saw_meta = i + 1, True
            elif REFERENCE_LINE.match(flat) and saw_meta:
                self.reference = REFERENCE_LINE.match(flat).group(1)
                self.metadata_lines.append(flat)
                consumed_until = i + 1
            elif (time := parse_time_line(flat)) is not None:
                self.time = self.time or time
                self.metadata_lines.append(flat)
                consumed_until, saw_meta = i + 1, True
                # A venue line stands right before the start time ("James S. Brady Press Briefing Room").
                if title_candidates and title_candidates[-1] == i - 1 and (self.title or self.doc.format != "text"):
                    venue_index = title_candidates.pop()
                    self.venue = " / ".join(blocks[venue_index].text.split("\n"))
            elif (
                self.doc.format == "text"
                and _title_like(flat)
                and self.title is None
                and (not saw_date or not title_candidates or title_candidates[-1] < date_index)
                and not (saw_date and title_candidates)
                or (
                    _title_like(flat)
                    and len(flat.split()) <= 12
                    and i + 1 < len(blocks)
                    and parse_time_line(blocks[i + 1].flat)
                )
            ):
                title_candidates.append(i)
            else:
                break
            i += 1
        if self.doc.format == "text" and title_candidates and self.title is None:
            before_date = [c for c in title_candidates if c < date_index]
            chosen = before_date[-1] if before_date else title_candidates[-1]
            self.title = blocks[chosen].flat
            for index in title_candidates:
                if index != chosen:
                    self.dropped.append(blocks[index].flat)
            consumed_until = max(consumed_until, chosen + 1)
        elif title_candidates:
            # Short lines before the start-time line, with the title already known: venue lines.
            for index in title_candidates:
                if index < consumed_until:
                    self.venue = self.venue or blocks[index].flat
        if self.venue:
            self.metadata_lines.append(self.venue)
        if self.title is None and blocks and self.doc.format != "text" and title_candidates:
            self.title = blocks[title_candidates[0]].flat
            consumed_until = max(consumed_until, title_candidates[0] + 1)
        return blocks[consumed_until:]

    def _metadata_line(self, label: Label, flat: str) -> None:
        key = base_key(label.name)
        value = label.rest.strip()
        self.metadata_lines.append(flat)
        if key in ("date", "dateline", "published", "released"):
            found = find_date(value)
            if found:
                self.date, self.time = found[0], found[1] or self.time
        elif key in ("place", "location", "venue", "city"):
            self.location = _city(value)
        elif key == "title" and not self.title:
            self.title = value
        elif key in ("source", "url", "link") and value.startswith("http"):
            self.source_url = value
        elif key == "reference":
            self.reference = value

    def _drop_inline_chrome(self, blocks: list[Block]) -> list[Block]:
        kept = []
        for block in blocks:
            if _is_anywhere_drop(block.flat):
                self.dropped.append(block.flat)
            else:
                kept.append(block)
        return kept

    # ----------------------------------------------------------------- turns
    def _segments(self, blocks: list[Block]) -> list[_Segment]:
        # First pass: which names are used as labels at the start of a paragraph.
        known = set()
        for block in blocks:
            label = match_label(block.flat, bold_lead=block.bold_lead)
            if label and label.kind in ("person", "outlet", "anonymous"):
                known.add(base_key(label.name))
                known.add(base_key(label.name.split()[-1]))
        self.known_labels = frozenset(known)
        segments: list[_Segment] = []
        current = _Segment(None, [])
        for block in blocks:
            for piece, label, standalone in self._split_block(block):
                if label is not None:
                    if current.label is not None or current.paragraphs:
                        segments.append(current)
                    current = _Segment(label, [], standalone)
                    if label.rest.strip():
                        current.paragraphs.append(one_line(label.rest))
                elif piece:
                    current.paragraphs.append(piece)
        if current.label is not None or current.paragraphs:
            segments.append(current)
        return segments

    def _split_block(self, block: Block):
        """Yield (paragraph, label, standalone) pieces; a block may hold several labelled lines."""
        lines = block.text.split("\n")
        first = "\n".join(lines)
        label = match_label(one_line(first), bold_lead=block.bold_lead, known_single=self.known_labels)
        if label and label.kind == "metadata":
            label = None
        if label is None and block.all_bold and _title_only_label(block):
            name = block.flat
            yield None, Label(name, name, None, "", "person"), True
            return
        if label is None and block.bold_lead and block.bold_lead.rstrip().endswith((":", "：")):
            # "<b>Name</b>:" or a bold label our shapes did not know; trust the typography.
            printed = block.bold_lead.rstrip(" :：")
            if 0 < len(printed.split()) <= 8 and not re.search(r"[.?!]$", printed):
                rest = one_line(first)[len(block.bold_lead) :].lstrip(" :：")
                label = Label(printed, printed, None, rest, "person")
        # Split at later lines that start with a strict label (hard line breaks).
        parts: list[tuple[Label | None, list[str]]] = [(label, [])]
        for i, line in enumerate(lines):
            if i > 0:
                inner = match_label(line, known_single=self.known_labels, strict=True)
                if inner and inner.kind != "metadata":
                    parts.append((inner, []))
                    continue
            parts[-1][1].append(line)
        for index, (lab, chunk) in enumerate(parts):
            if index == 0 and lab is not None:
                # The first label's rest already holds the whole first chunk.
                body = one_line(" ".join(chunk))
                lab.rest = one_line(lab.rest if len(parts) == 1 else _rest_of(body, lab))
                yield None, lab, False
                continue
            if lab is not None:
                yield None, lab, False
                continue
            paragraph = one_line(" ".join(chunk))
            if paragraph:
                yield paragraph, None, False

    def _turns(self, segments: list[_Segment]) -> list[Turn]:
        resolver = Resolver(
            title=self.title or "",
            publisher=self.publisher["name"] if self.publisher else None,
            date=self.date,
            known=self.hints.known_speakers,
            label_names=[s.label.name for s in segments if s.label and s.label.kind == "person"],
        )
        principal = resolver.principal()
        turns: list[Turn] = []
        for segment in segments:
            label = segment.label
            if not segment.paragraphs and label is not None and not segment.standalone_label:
                # A label with nothing after it: keep it as an (empty) turn so nothing is lost.
                self.warnings.append(f"the label '{label.printed}' has no text after it")
            speaker = affiliation = None
            kind = label.kind if label else "unlabelled"
            if kind == "person":
                speaker = resolver.resolve(label.name)
            elif kind == "answer":
                speaker = principal
            elif kind == "unlabelled":
                speaker = principal
            elif kind == "outlet":
                affiliation = label.name
            turns.append(
                Turn(
                    label=label.printed if label else None,
                    speaker=speaker,
                    role=kind,  # provisional; _assign_roles sets the real one
                    paragraphs=segment.paragraphs,
                    affiliation=affiliation,
                    note=label.note if label else None,
                )
            )
        if turns and turns[0].label is None and turns[0].speaker is None:
            self.warnings.append("the opening text has no speaker label and the title names nobody")
        _assign_roles(turns)
        return turns


def _is_metadata_line(line: str) -> bool:
    line = line.strip()
    return bool(
        parse_date_only(line)
        or REFERENCE_LINE.match(line)
        or parse_time_line(line)
        or _publisher_named(line)
        or _is_edge_chrome(line)
        or ((label := match_label(line)) is not None and label.kind == "metadata")
    )


def _split_metadata_blocks(blocks: list[Block]) -> list[Block]:
    """Header blocks whose every line is metadata ("25 November 2025 16:26" / "1967-25-11-2025"),
    or a title followed by such lines with no blank line between them."""
    out: list[Block] = []
    for index, block in enumerate(blocks):
        lines = block.text.split("\n")
        if index >= 15 or len(lines) < 2:
            out.append(block)
            continue
        metadata = [_is_metadata_line(line) or _dateline(line) is not None for line in lines]
        title_then_metadata = (
            index < 3 and len(lines) > 1 and not metadata[0] and all(metadata[1:]) and _title_like(one_line(lines[0]))
        )
        if index < 15 and len(lines) > 1 and (all(metadata) or title_then_metadata):
            out.extend(Block(line, line=(block.line or 0) + n if block.line else None) for n, line in enumerate(lines))
        else:
            out.append(block)
    return out


def _rest_of(body: str, label: Label) -> str:
    index = body.find(label.rest[:20]) if label.rest else -1
    return body[index:] if index >= 0 else label.rest


def _assign_roles(turns: list[Turn]) -> None:
    seen_question = False
    last_question: int | None = None
    last_substantive: str | None = None  # role of the last non-remark turn
    for index, turn in enumerate(turns):
        kind = turn.role
        text = " ".join(turn.paragraphs)
        words = len(text.split())
        courtesy = _is_courtesy(text, words)
        if kind in ("question", "outlet"):
            if courtesy and "?" not in text:
                turn.role = "remark"
            else:
                turn.role = "question"
                seen_question = True
                last_question = index
                last_substantive = "question"
            continue
        if kind == "anonymous" and base_key(_label_name(turn)) in MODERATORS:
            turn.role = "remark"
            continue
        after_question = index > 0 and turns[index - 1].role == "question"
        if after_question and re.fullmatch(
            r"(yes|no|yeah|nope|correct|exactly|absolutely|of course)[.!]?", text.strip(), re.I
        ):
            courtesy = False
        # Officials: named speakers, answerers, the unlabelled opening, anonymous officials.
        previous = turns[index - 1].role if index else None
        if courtesy:
            turn.role = "remark"
        elif (
            kind != "answer" and previous in ("remark", "statement") and last_substantive != "question" and words >= 400
        ):
            # A long turn nobody asked for: "I have a couple things at the top" mid-briefing.
            turn.role = "statement"
        elif kind == "answer" or (seen_question and last_substantive in ("question", "answer")):
            turn.role = "answer"
        elif not seen_question or last_substantive in (None, "statement"):
            turn.role = "statement" if words >= 25 or not seen_question and len(turn.paragraphs) > 1 else "remark"
        else:
            turn.role = "answer"
        if turn.role == "answer":
            turn.answers = last_question
            last_substantive = "answer"
        elif turn.role == "statement":
            last_substantive = "statement"


MODERATORS = {"moderator", "host", "presenter", "announcer", "operator", "emcee", "mc", "ведущий", "модератор"}


def _label_name(turn: Turn) -> str:
    return re.sub(r"\s*\([^()]*\)\s*$", "", turn.label or "")


# Running the room rather than saying something: call-ons, hand-offs, wrap-ups, asking for a
# repeat. Only short turns are judged by these phrases.
PROCEDURAL = re.compile(
    r"\b(next question|go ahead|one more\b|last question|(a )?couple (more|of more)|take (that|this|it|some|a few)\b"
    r"|happy to take|(this|that) (concludes|wraps)|concludes (our|the|this)|have a (great|good|nice) (weekend|day|one)"
    r"|see you (guys|all|next|on|later|soon)|(say|repeat) (that|it|the \w+( one| question)?) again|which one"
    r"|pardon me|(i have|i've got) (two|three|a couple( of)?|a few) (quick )?questions\.?$"
    r"|(thank you|thanks)( everyone| everybody| all)? for joining|reporter approaches)",
    re.I,
)


def _is_procedural(text: str, words: int) -> bool:
    """Every sentence runs the room ("Go ahead, Phil."), none answers or asks anything."""
    if words > 40:
        return False
    if re.search(r"\b(this|that) concludes\b", text, re.I):
        return True  # the wrap-up, whatever housekeeping follows it
    substance = 0
    for sentence in re.split(r"(?<=[.!?…])\s+", text.strip()):
        if PROCEDURAL.search(sentence) or GREETING.match(sentence.strip(' —-–"“')):
            continue
        if "?" in sentence:
            return False
        substance += len(re.findall(r"\w+", re.sub(r"\([^()]*\)", "", sentence)))
    return substance <= 3 and bool(PROCEDURAL.search(text))


def _is_courtesy(text: str, words: int) -> bool:
    if words == 0:
        return True
    if _is_procedural(text, words):
        return True
    if "?" in text and words > 3:
        return False
    if words <= 12 and GREETING.match(text.strip(' —-–"“')):
        return True
    # "Go ahead, Mary." / "Peter." / "Karen, go ahead." — call-ons are short and name someone.
    if words <= 4 and re.search(r"\b(go ahead|please|yes|next|sorry)\b", text, re.I):
        return True
    if words <= 2 and re.fullmatch(r"[A-Z][\w’'\-]+(\s+[A-Z][\w’'\-]+)?[.!]?", text.strip()):
        return True
    return bool(re.fullmatch(r"\((inaudible|laughter|applause|crosstalk)[.]?\)\.?", text.strip(), re.I))


def _is_edge_chrome(text: str) -> bool:
    return any(p.search(text) for p in EDGE_CHROME) and len(text.split()) <= 20


def _is_anywhere_drop(text: str) -> bool:
    return any(p.match(text) for p in ANYWHERE_DROP)


def _title_like(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 45 or "\n" in text:
        return False
    if _CJK.search(text):
        # No capitals in Chinese or Japanese: a short line without sentence punctuation.
        return len(text) <= 80 and not re.search(r"[。！？：:]$", text) and not match_label(text)
    if re.search(r"[.,;:!?…]$", text) and not find_date(text[-30:]):
        return False
    capitals = sum(1 for w in words if w[:1].isupper())
    return words[0][:1].isupper() and (capitals >= 2 or len(words) <= 6)


def _title_only_label(block: Block) -> bool:
    """A bold line that is only a speaker's title and name: "President of Russia Vladimir Putin"."""
    text = block.flat
    words = text.split()
    if not 2 <= len(words) <= 10 or re.search(r"[.,;:!?]$", text):
        return False
    label = match_label(text + ":")
    return bool(label and label.kind == "person" and _bare_resolver().resolve(text))


@lru_cache(maxsize=1)
def _bare_resolver() -> Resolver:
    """A resolver with only the gazetteer, built once rather than per bold paragraph."""
    return Resolver(title="", publisher=None, date=None)


def _publisher_named(text: str) -> dict | None:
    key = base_key(text)
    for publisher in publishers():
        if key == base_key(publisher["name"]) or key in {base_key(a) for a in publisher["aliases"]}:
            return publisher
    return None


def _strip_site(title: str | None) -> str | None:
    if not title:
        return None
    return re.split(r"\s+[•|–—-]\s+(?=[^•|]*$)", title)[0].strip() or None


_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_DATELINE = re.compile(r"^(?P<place>[^\W\d_][\w .'’\-]{1,40}?)\s*[,–—-]\s+(?P<date>.+)$")


def _dateline(line: str) -> tuple[str, tuple] | None:
    """ "Berlin, 12 October 2023" or "Москва, 25 ноября 2025 года": a place, then only a date."""
    match = _DATELINE.match(line.strip())
    if not match or not match["place"][:1].isupper() or len(match["place"].split()) > 4:
        return None
    date = parse_date_only(match["date"])
    return (match["place"].strip(), date) if date else None


def _web_address(url: str | None) -> str | None:
    """Only http(s) addresses are kept: a source link is shown as a link, and "javascript:" must never be one."""
    if not url:
        return None
    url = url.strip()
    parsed = urlparse(url)
    return url if parsed.scheme in ("http", "https") and parsed.netloc and len(url) <= 1000 else None


def _city(place: str) -> str:
    place = one_line(place)
    parts = [p.strip() for p in re.split(r"[,/]", place) if p.strip()]
    if not parts:
        return place
    # "The Kremlin, Moscow" → "Moscow"; "Tokyo, Japan" → "Tokyo".
    if len(parts) >= 2 and parts[0].lower().startswith(("the ", "akasaka", "palace")):
        return parts[1]
    return (
        parts[0]
        if len(parts) == 2
        and len(parts[1].split()) <= 2
        and parts[1][:1].isupper()
        and parts[0]
        and not parts[0].lower().startswith("the ")
        else parts[-1]
    )


def _title_from_filename(filename: str) -> str:
    stem = re.sub(r"\.[A-Za-z0-9]{1,6}$", "", filename.rsplit("/", 1)[-1])
    return re.sub(r"[-_]+", " ", stem).strip().capitalize() or "Untitled transcript"

"""The header of a transcript: title, date, time, place, publisher, reference, kind, language."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlparse

from transcripts.parsing.blocks import (
    Block,
    one_line,
)
from transcripts.parsing.chrome import is_anywhere_drop, is_edge_chrome
from transcripts.parsing.dates import WEEKDAYS, find_date, parse_date_only, parse_iso_date, parse_time_line
from transcripts.parsing.labels import (
    CHINESE_METADATA,
    METADATA_KEYS,
    WHO_TAKES_PART,
    Label,
    base_key,
    classify,
    match_label,
)
from transcripts.parsing.language import detect_language
from transcripts.parsing.model import EventKind, LabelKind, Role, Turn
from transcripts.parsing.people import EVENT_WORDS, NAME_COMMA_OFFICE, _caseless, publishers, roster_line
from transcripts.parsing.turns import _title_only_label


class HeaderReader:
    """The metadata half of the builder (see structure._Builder)."""

    def _container_metadata(self) -> None:
        meta = self.doc.metadata
        if self.doc.format == "markdown":
            self.title = one_line(str(meta.get("title") or "")) or None
            first = self.doc.blocks[0] if self.doc.blocks else None
            if not self.title and first is not None and first.heading and _title_like(first.flat):
                self.title = first.flat  # "# Title" or a setext heading opens the file
            self.date = parse_iso_date(meta.get("date"))
            if self.date is None:
                self.date, self.date_posted = parse_iso_date(meta.get("published_time")), True
            self.source_url = meta.get("source_url") or meta.get("url") or None
            if meta.get("location"):
                self.location = one_line(str(meta["location"]))
        elif self.doc.format == "html":
            self.title = meta.get("h1") or meta.get("og_title") or _strip_site(meta.get("html_title"))
            self.title_generic = not (meta.get("h1") or meta.get("og_title")) and _generic_title(self.title)
            # A page's dates are when it was posted; the transcript may say when the event was.
            self.date, self.date_posted = parse_iso_date(meta.get("date")), True
            if meta.get("time"):
                found = re.match(r"^(\d{1,2})[:.](\d{2})$", meta["time"].strip())
                if found and int(found[1]) < 24 and int(found[2]) < 60:
                    self.time = dt.time(int(found[1]), int(found[2]))
            if meta.get("place"):
                self.location = _city(meta["place"])
            if meta.get("byline") and _byline(meta["byline"]):
                self.metadata_lines.append(meta["byline"])  # outside the body, it still says who speaks
            self.source_url = meta.get("url")
        self.publisher = self._find_publisher(meta)

    def _find_publisher(self, meta: dict) -> dict | None:
        if self.hints.publisher:
            return _publisher_named(self.hints.publisher) or {"name": self.hints.publisher}
        url = self.hints.source_url or meta.get("url") or meta.get("source_url")
        url = url or self.hints.defaults.get("source_url")
        candidates = [str(url or "")]
        if self.hints.defaults.get("publisher"):
            candidates.append(self.hints.defaults["publisher"])
        if self.doc.format == "html":
            candidates.append(meta.get("site_name", ""))
        own = len(candidates)
        if self.doc.format == "html":
            candidates.extend(re.findall(r"https?://([\w.-]+)", self.raw_text[:200000]))
        for index, candidate in enumerate(candidates):
            host = urlparse(candidate).hostname if "://" in candidate else candidate
            for publisher in publishers():
                if index >= own and publisher.get("own_address_only"):
                    continue  # a ministry's page links to un.org: the UN is not who published it
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
        defaults = hints.defaults
        if hints.title:
            self.title = hints.title
        if not self.title and defaults.get("title"):
            self.title = one_line(defaults["title"])
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
        if self.date is None or self.date_posted and not self.date_in_text:
            # The date in the title ("…, November 25, 2025") is the event's, not the page's.
            found = find_date(self.title)
            if found:
                self.date, time, _ = found
                self.time = self.time or time
                self.date_in_text = True
        if self.date is None:
            # A page's short lines outside the article body (a date over a table of turns).
            for line in self.doc.metadata.get("outside", []):
                if (found := find_date(line)) is not None:
                    self.date, self.time = found[0], self.time or found[1]
                    break
        if self.date is None and hints.defaults.get("date"):
            self.date = parse_iso_date(hints.defaults["date"])
        if self.date is None:
            found = find_date(self.filename)  # "1977-03-09-press-conference.txt", the last resort
            if found:
                self.date = found[0]
                self.warnings.append("the date was taken from the file name")
        if self.date is None:
            self.warnings.append("no date found; set one in the admin")
        if hints.location:
            self.location = hints.location
        if not self.location and defaults.get("location"):
            self.location = one_line(defaults["location"])
        if not self.source_url and defaults.get("source_url"):
            self.source_url = defaults["source_url"]
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
        # Questions make a news conference, not of a hearing or a meeting (a senator asks the witness).
        sitting = _A_SITTING.search(title) and not _THE_PRESS.search(title)
        if any(t.role == Role.QUESTION for t in turns) and not sitting:
            return EventKind.NEWS_CONFERENCE
        return EventKind.STATEMENT if len({t.speaker for t in turns}) <= 1 else EventKind.OTHER

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
        while start < end and is_edge_chrome(blocks[start].flat):
            self.dropped.append(blocks[start].flat)
            start += 1
        tail: list[str] = []
        while end > start:
            flat, lines = blocks[end - 1].flat, [line.strip() for line in blocks[end - 1].text.strip().split("\n")]
            chrome = is_edge_chrome(flat) or is_anywhere_drop(flat) or parse_time_line(flat)
            if not chrome and not all(_sign_off(line) for line in lines):
                break
            for line in lines:
                if _ENDS_DATED.match(line) and (found := find_date(line)):
                    self.signed_on = found[0]  # "Ends/Tuesday, March 12, 2024": the date, if the top gives none
            tail.append(flat)
            end -= 1
        # Keep the tail time line as the end time, but record it as dropped.
        self.dropped.extend(reversed(tail))
        return blocks[start:end]

    def _header(self, blocks: list[Block]) -> list[Block]:
        """Consume title, publisher, date, reference, venue and time lines at the top."""
        blocks = _split_metadata_blocks(blocks)
        # Markdown with neither front matter nor a heading for its title reads like plain text.
        # So does a web page with no title of its own (no <title>, <h1> nor og:title: a word processor's export).
        plain = self.doc.format == "text" or self.doc.format in ("markdown", "html") and self.title is None
        # Subtitles have no title line: their first cue is what was said ("Good evening.").
        plain = plain and not self.doc.metadata.get("subtitles")
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
            if (stamped := _stamped_line(flat)) is not None:
                # "Published 14.02.2024 Speech/statement | Date: 14.02.2024": a page's date line.
                saw_date, date_index = True, i
                self._date_line(stamped, flat)
                consumed_until, saw_meta = i + 1, True
            elif (
                label
                and (label.kind == LabelKind.METADATA or base_key(label.name) in METADATA_KEYS and _a_list(block.text))
                and (len(label.rest.split()) <= 12 or _a_list(block.text))
                and not re.search(r"[.!?]$", label.rest)
            ):
                # "Date: 12 March 2024"; "SPEAKERS:" over a line for each of them.
                if _a_list(block.text) and base_key(label.name) in WHO_TAKES_PART:
                    lines = [line.strip() for line in block.text.strip().split("\n") if line.strip()]
                    heading = match_label(lines[0])
                    self.listed += lines[1:] if heading and not heading.rest else []
                self._metadata_line(label, flat)
                consumed_until, saw_meta = i + 1, True
            elif (
                self.title_generic
                and i == consumed_until
                and (block.heading or block.all_bold)
                and not label
                and _title_like(flat)
            ):
                # "<title>Transcript</title>", the real title the first heading or bold line of the text.
                self.title, self.title_generic = flat, False
                self.metadata_lines.append(flat)
                consumed_until = i + 1
            elif self.doc.format != "text" and self.title and base_key(flat) == base_key(self.title):
                self.metadata_lines.append(flat)  # the page's own heading inside the article
                consumed_until = i + 1
            elif (
                label
                and plain
                and i == 0
                and self.title is None
                and len(blocks) > 1
                and (parse_date_only(blocks[1].flat) or _dateline(blocks[1].flat))
            ):
                # "Fareed Zakaria GPS: Interview with …" over "CNN, 24 September 2023": a title with a
                # colon, not a turn (a turn is not followed by a date line).
                title_candidates.append(i)
            elif plain and saw_date and roster_line(flat):
                # The meeting's officers under its date ("Presidente: Sr. … (Colombia)"): who chairs
                # (people.roster_in reads it), not a turn.
                self.metadata_lines.append(flat)
                consumed_until, saw_meta = i + 1, True
            elif label or block.all_bold and _title_only_label(block):
                break
            elif _DELIVERY_NOTE.match(flat) or _TRANSCRIPT_NOTE.match(flat):
                # "(As delivered)"; "The following is a near-verbatim transcript of today's noon briefing
                # by …": what the text is, not anyone's words (the note still names who speaks).
                self.metadata_lines.append(flat)
                consumed_until = i + 1
            elif (
                self.title
                and not plain
                and i == consumed_until
                and not saw_date
                and re.match(r"(?:by|with|of|at|following)\s", flat)
                and len(flat.split()) <= 30
                and not re.search(r"[.?!:]$", flat)
            ):
                # The page's heading goes on in a line of its own: "Press conference" / "by NATO Secretary
                # General Mark Rutte following the meeting of NATO Ministers of Defence".
                self.title = f"{self.title} {flat}"
                consumed_until = i + 1
            elif is_edge_chrome(flat):
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
            elif _byline(flat):
                # "Matthew Miller, Spokesperson": who gives the briefing (people.offices_in reads it).
                self.metadata_lines.append(flat)
                consumed_until, saw_meta = i + 1, True
            elif (
                not saw_date
                and _place_line(flat)
                and i + 1 < len(blocks)
                and (
                    parse_date_only(blocks[i + 1].flat)
                    or "\n" not in block.text.strip()
                    and parse_time_line(blocks[i + 1].flat)
                )
            ):
                # "Washington, D.C." over "March 12, 2024" or over "1:13 p.m. EDT" (a venue of two lines
                # over the time is the venue logic's, below).
                self.location = self.location or (flat if parse_date_only(blocks[i + 1].flat) else _city(flat))
                self.metadata_lines.append(flat)
                consumed_until, saw_meta = i + 1, True
            elif saw_date and i == date_index + 1 and _place_line(flat):
                # "March 12, 2025 / Jeddah, Saudi Arabia": the place under the date.
                self.location = self.location or _city(flat)
                self.metadata_lines.append(flat)
                consumed_until, saw_meta = i + 1, True
            elif (dateline := _dateline(flat)) is not None:
                # "Berlin, 12 October 2023": where and when, in one line.
                saw_date, date_index = True, i
                place, date = dateline
                what, comma, where = place.partition(",")
                if plain and i == 0 and self.title is None and comma and _names_an_event(what):
                    # "Meeting of the Security Council, New York, 3 May 2024": the title as printed, and
                    # where it was.
                    self.title, place = flat, where.strip()
                if not self.date or self.doc.format == "text" or self.date_posted:
                    self.date, self.date_in_text = date[0], True
                self.time = date[1] or self.time
                self.location = self.location or place
                self.metadata_lines.append(flat)
                consumed_until, saw_meta = i + 1, True
            elif (date := parse_date_only(flat)) is not None:
                saw_date, date_index = True, i
                self._date_line(date, flat)
                consumed_until, saw_meta = i + 1, True
            elif (
                plain
                and i == date_index + 1
                and title_candidates
                and not self.location
                and _bare_place(flat)
                and block.line is not None
                and block.line == (blocks[date_index].line or 0) + 1
            ):
                # "Tuesday 12 March 2024, 10 a.m." over "New York", the next line of the same block: where.
                # (After a blank line, "VLADIMIR PUTIN" alone is a label.)
                self.location = flat
                self.metadata_lines.append(flat)
                consumed_until = i + 1
            elif REFERENCE_LINE.match(flat) and saw_meta:
                self.reference = REFERENCE_LINE.match(flat).group(1)
                self.metadata_lines.append(flat)
                consumed_until = i + 1
            elif (time := parse_time_line(flat)) is not None:
                self.time = self.time or time
                self.metadata_lines.append(flat)
                consumed_until, saw_meta = i + 1, True
                # A venue line stands right before the start time ("James S. Brady Press Briefing Room"),
                # or before the date lines that precede it ("Via Teleconference / (September 19, 2023)").
                before = i - 1
                while before > 0 and parse_date_only(blocks[before].flat) is not None:
                    before -= 1
                if (
                    title_candidates
                    and title_candidates[-1] == before
                    and (self.title or not plain or len(title_candidates) >= 2)
                ):
                    venue_index = title_candidates.pop()
                    self.venue = " / ".join(blocks[venue_index].text.split("\n"))
            elif (
                plain
                and _title_like(flat, first=i == 0)
                and self.title is None
                and (not saw_date or not title_candidates or title_candidates[-1] < date_index)
                and not (saw_date and title_candidates)
                or (_title_like(flat) and len(flat.split()) <= 12 and _time_line_follows(blocks, i + 1))
            ):
                title_candidates.append(i)
            else:
                break
            i += 1
        if plain and title_candidates and self.title is None:
            before_date = [c for c in title_candidates if c < date_index]
            chosen = before_date[-1] if before_date else title_candidates[-1]
            # "Transcript of the Weekly Press Briefing … on 7 March 2024" then "Islamabad": a short line of
            # a place or two after a longer title line is where, not what (a kicker before a title is not).
            earlier = [c for c in title_candidates if c < chosen and len(blocks[c].flat.split()) >= 4]
            if earlier and _bare_place(blocks[chosen].flat):
                self.location = self.location or blocks[chosen].flat
                self.metadata_lines.append(blocks[chosen].flat)
                title_candidates.remove(chosen)
                consumed_until = max(consumed_until, chosen + 1)
                chosen = earlier[-1]
            elif earlier and _says_where(blocks[chosen].flat) and _event_kind_named(blocks[earlier[-1]].flat):
                # "In-flight press conference of … Pope Francis on the return flight from Mongolia" then
                # "Papal flight" over the date: where it was said, under what was said.
                if self.venue:
                    self.metadata_lines.append(blocks[chosen].flat)
                self.venue = self.venue or blocks[chosen].flat
                title_candidates.remove(chosen)
                consumed_until = max(consumed_until, chosen + 1)
                chosen = earlier[-1]
            self.title = blocks[chosen].flat
            lines = [line.strip() for line in blocks[chosen].text.strip().split("\n") if line.strip()]
            if len(lines) >= 2 and len(lines[0].split()) >= 4 and _bare_place(lines[-1]):
                # The title's block ends in a line of where: "Press Briefing of … / Malacañang Palace".
                self.title = one_line(" ".join(lines[:-1]))
                self.location = self.location or lines[-1]
                self.metadata_lines.append(lines[-1])
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
        if self.title is None and blocks and not plain and title_candidates:
            self.title = blocks[title_candidates[0]].flat
            consumed_until = max(consumed_until, title_candidates[0] + 1)
        return blocks[consumed_until:]

    def _date_line(self, date: tuple, flat: str) -> None:
        """A header line that gives the date (and time): the text's date wins over the container's."""
        if self.date is None or self.doc.format == "text" or self.date_posted and not self.date_in_text:
            self.date, self.date_in_text = date[0], True
        self.time = date[1] or self.time
        self.metadata_lines.append(flat)

    def _metadata_line(self, label: Label, flat: str) -> None:
        key = base_key(label.name)
        key = CHINESE_METADATA.get(key, key)
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
            if is_anywhere_drop(block.flat):
                self.dropped.append(block.flat)
            else:
                kept.append(block)
        return kept

    # ----------------------------------------------------------------- turns


REFERENCE_LINE = re.compile(
    r"^(?:(?:No\.|Ref(?:erence)?\.?|#)\s*)?(\d{2,6}-\d{1,2}-\d{1,2}-\d{4}|\d{3,6}(?:-\d{2,4}){1,3})$", re.I
)
KIND_PATTERNS = [
    (
        EventKind.JOINT_PRESS_CONFERENCE,
        r"joint (press|news) conference|joint press availability|joint statements? (to|for) the press",
    ),
    (
        EventKind.NEWS_CONFERENCE,
        r"(news|press) conference|conferenza stampa|conférence de presse|rueda de prensa|conferencia de prensa"
        r"|pressekonferenz|пресс-конференц|新闻发布会|记者会|persconferentie|konferencja prasowa|basın toplantısı"
        r"|entrevista coletiva|conferência de imprensa"
        r"|answers? to (media|journalists’|journalists'|the press|reporters’|reporters') questions"
        r"|\bdoorst[eo]p\b",
    ),
    (EventKind.BRIEFING, r"briefing|gaggle|press call|background call|conference call|readout"),
    (
        EventKind.INTERVIEW,
        r"\binterview\b|\bpodcast\b|\bepisode \d|\bintervista\b|\bentrevista\b|\bentretien\b|интервью|інтерв"
        r"|\bwywiad\b|\brozhovor\b|\bröportaj\b|\bwawancara\b|采访",
    ),
    (EventKind.SPEECH, r"\bspeech\b|\baddress(es)? (to|at|before)\b|\blecture\b"),
    (EventKind.STATEMENT, r"\bstatement\b|\bcomment\b|\bmessage\b|\bdeclaration\b"),
    (EventKind.REMARKS, r"\bremarks\b"),
]


_A_SITTING = re.compile(r"\b(?:hearings?|meetings?|sessions?|sittings?|talks|debate|conversation)\b", re.I)
_THE_PRESS = re.compile(r"\b(?:journalists?|media|press|reporters?|correspondents?)\b", re.I)


# What the text is, said above it: not anyone's words.
_DELIVERY_NOTE = re.compile(
    r"^(?:[(\[]|-{1,3}\s*|[—–]\s*)(?:as delivered|as prepared(?: for delivery)?|check against delivery|"
    r"unofficial translation|translation|near[- ]verbatim(?: transcript)?|transcript|video transcript|"
    r"audio transcript|seul le prononcé fait foi|es gilt das gesprochene wort)(?:[)\]]|\s*-{1,3}|\s*[—–])\.?$",
    re.I,
)


_TRANSCRIPT_NOTE = re.compile(
    r"^the following is (?:a|an|the) (?:near[- ]verbatim |unofficial |edited )?transcript\b", re.I
)


def _is_metadata_line(line: str) -> bool:
    line = line.strip()
    return bool(
        parse_date_only(line)
        or REFERENCE_LINE.match(line)
        or parse_time_line(line)
        or _publisher_named(line)
        or is_edge_chrome(line)
        or ((label := match_label(line)) is not None and label.kind == LabelKind.METADATA)
    )


_STAMP_WORDS = re.compile(
    r"^(?:published|date|dated|updated|last updated|posted|issued|released|publication date|"
    r"publié le|fecha|datum|data|дата)\b\s*:?\s*",
    re.I,
)


def _stamped_line(line: str) -> tuple | None:
    """The date of a page's date line: parts joined by "|", "·" or "•", one of them a date after
    "Published", "Date:", "Updated" …, the others a word or three ("Speech/statement")."""
    if len(line.split()) > 16 or re.search(r"[.!?]$", line):
        return None
    parts = [part.strip() for part in re.split(r"\s+[|·•]\s+", line) if part.strip()]
    stamped = [part for part in parts if _STAMP_WORDS.match(part)]
    if not stamped:
        return None
    for part in parts:
        rest = _STAMP_WORDS.sub("", part, count=1)
        found = find_date(rest)
        if found and len((rest[: found[2].start()] + rest[found[2].end() :]).split()) <= 3:
            return found[:2]
    return None


def _time_line_follows(blocks: list[Block], index: int) -> bool:
    """A start-time line at `index`, or after date lines there."""
    while index < len(blocks) and parse_date_only(blocks[index].flat) is not None:
        index += 1
    return index < len(blocks) and parse_time_line(blocks[index].flat) is not None


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
        # A place under a date line ("March 12, 2025 / Jeddah, Saudi Arabia") or over it ("Ottawa, Ontario /
        # March 7, 2024"); a bare place as the block's last line, under its date line ("Martes 12 de marzo
        # de 2024, a las 10.00 horas / Nueva York", the Security Council's record).
        metadata = [
            found
            or _place_line(lines[n])
            and any(0 <= m < len(lines) and parse_date_only(lines[m]) is not None for m in (n - 1, n + 1))
            or n == len(lines) - 1 > 0
            and _bare_place(lines[n])
            and parse_date_only(lines[n - 1]) is not None
            for n, found in enumerate(metadata)
        ]
        title_then_metadata = (
            index < 3
            and len(lines) > 1
            and not metadata[0]
            and all(metadata[1:])
            and _title_like(one_line(lines[0]), first=index == 0)  # a title in sentence case opens the file
        )
        # "Senator the Hon Penny Wong, Minister for Foreign Affairs / Doorstop interview, Canberra /
        # 12 February 2024": a byline, a title and a date with no blank line between them.
        bylined = [_byline(line) for line in lines]
        title_then_metadata = title_then_metadata or (
            index < 3
            and 2 <= len(lines) <= 4
            and any(bylined)
            and any(metadata)
            and sum(not (m or b) for m, b in zip(metadata, bylined, strict=True)) <= 1
            and all(m or b or _title_like(one_line(line)) for m, b, line in zip(metadata, bylined, lines, strict=True))
        )
        # A title of several lines, then a dateline: "Press Conference by … / at United Nations Headquarters /
        # New York, 8 February 2024".
        tail = len(lines)
        while tail > 1 and metadata[tail - 1]:
            tail -= 1
        title_lines_then_metadata = (
            index < 3 and 1 < tail < len(lines) and not any(metadata[:tail]) and _title_like(one_line(lines[0]))
        )
        if index < 15 and len(lines) > 1 and (all(metadata) or title_then_metadata):
            out.extend(Block(line, line=(block.line or 0) + n if block.line else None) for n, line in enumerate(lines))
        elif title_lines_then_metadata:
            out.append(Block("\n".join(lines[:tail]), line=block.line))
            out.extend(
                Block(line, line=(block.line or 0) + tail + n if block.line else None)
                for n, line in enumerate(lines[tail:])
            )
        else:
            out.append(block)
    return out


def _title_like(text: str, first: bool = False) -> bool:
    """A title line: short, no sentence punctuation at the end, in title case; or `first` (the
    file's first line), in sentence case as French, Spanish and Russian titles are written."""
    words = text.split()
    if not 1 <= len(words) <= 45 or "\n" in text:
        return False
    if _CJK.search(text) or _caseless(words[0][:1]):
        # No capitals in Chinese, Japanese, Arabic…: a short line without sentence punctuation.
        # (Up to 150 characters: a Hindi title spells out the ministry, the briefing and its date.)
        return len(text) <= 150 and not re.search(r"[。！？：:.।]$", text) and not match_label(text)
    if re.search(r"[.,;:!?…]$", text) and not find_date(text[-30:]):
        return False
    capitals = sum(1 for w in words if w[:1].isupper())
    return words[0][:1].isupper() and (capitals >= 2 or len(words) <= 6 or first and len(words) <= 20)


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


_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")  # and Hangul
# "Berlin, 12 October 2023"; a state's initials after the city: "Belém (PA), 26 de março de 2024".
_DATELINE = re.compile(r"^(?P<place>[^\W\d_][\w .'’\-]{1,40}?(?:\s\([A-Z]{2,3}\))?)\s*[,،–—-]\s+(?P<date>.+)$")


# "Senator the Hon Penny Wong, …", "The Rt Hon David Lammy MP, …", "H.E. Mr …": forms of address before a byline's name.
_BYLINE_HONORIFICS = re.compile(
    r"^(?:(?:the|senator|hon\.?|honourable|honorable|rt\.?|right|h\.\s?e\.?|his|her|excellency|mr\.?|ms\.?|mrs\.?|dr\.?)\s+)+",
    re.I,
)


def _byline(line: str) -> bool:
    """ "Matthew Miller, Spokesperson", "Stéphane Dujarric, Spokesperson for the Secretary-General":
    a name, then its office, and nothing else."""
    line = _BYLINE_HONORIFICS.sub("", line.strip())
    match = NAME_COMMA_OFFICE.match(line)
    rest = line[match.end() :] if match else ""
    return bool(match) and len(line.split()) <= 12 and (not rest.strip() or re.match(r"\s+(?:for|of|to)\s", rest))


def _bare_place(line: str) -> bool:
    """ "Islamabad", "New Delhi", "Geneva, Switzerland": one to three capitalised words (twice at most,
    with a comma), no event word, no date."""
    parts = [part.strip() for part in line.split(",")]
    return (
        len(parts) <= 2
        and all(1 <= len(part.split()) <= 3 and all(w[:1].isupper() for w in part.split()) for part in parts)
        and not _event_kind_named(line)
        and find_date(line) is None
        # A label's word alone on its line ("Interviewer", "Moderator") is who speaks next, not where.
        and classify(line) not in (LabelKind.QUESTION, LabelKind.ANSWER, LabelKind.ANONYMOUS, LabelKind.METADATA)
    )


_SIGNING_BODY = re.compile(
    r"\b(?:MINISTRY|EMBASSY|DEPARTMENT|OFFICE|MISSION|GOVERNMENT|PRESIDENCY|SECRETARIAT|PRESS SERVICE|CONSULATE)\b"
)


# Hong Kong's press releases end "Ends/Tuesday, March 12, 2024" / "Issued at HKT 11:30", or "完" /
# "2024年3月12日（星期二）" / "香港時間11時30分"; the English and Chinese texts refer to each other.
_ENDS_DATED = re.compile(r"(?i)ends?\s*/\s*\S.{4,40}$|\d{4}年\d{1,2}月\d{1,2}日[（(]星期.[)）]$")
_SIGNED_OFF = re.compile(
    r"(?i)(?:issued at (?:hkt )?\d{1,2}:\d{2}|(?:香港時間|香港时间|北京時間|北京时间)\d{1,2}[時时:]\d{2}分?"
    r"|[（(]?完[)）]?|[（(](?:please )?(?:also )?(?:refer|see)\b.{0,80}[)）]\.?|[（(]請同時參閱.{0,40}[)）]"
    r"|[（(]请同时参阅.{0,40}[)）])$"
)


def _sign_off(line: str) -> bool:
    """A line of the sign-off a press office prints under the text: "MINISTRY OF FOREIGN AFFAIRS",
    "SINGAPORE", "14 MARCH 2024" (a date alone, or a body or place in capitals); the page's "Last
    updated on 14 March 2024"; an interview's "Source: Le Monde"; Hong Kong's "Ends/…"."""
    if parse_date_only(line) is not None or re.match(r"(?i)last (updated|modified)( on)?:?\s+\S.{0,40}$", line):
        return True
    if _ENDS_DATED.match(line) or _SIGNED_OFF.match(line):
        return True
    if re.match(r"(?i)(source|quelle|fuente|fonte|источник)\s?:\s?\S.{0,60}$", line):
        return True  # "Source: Le Monde" (where an interview was published)
    if not line.isupper() or len(line.split()) > 8 or re.search(r"[.!?:]$", line):
        return False
    return bool(_SIGNING_BODY.search(line)) or _bare_place(line)


def _initials(part: str) -> bool:
    return re.fullmatch(r"(?:[A-Z]\.){2,3}", part) is not None


def _place_line(line: str) -> bool:
    """ "Washington, DC", "Geneva, Switzerland": a place and its region, nothing else."""
    parts = [part.strip() for part in line.split(",")]
    return (
        len(parts) == 2
        and len(line.split()) <= 5
        # "Washington, D.C.": a region's initials end in a full stop, a sentence's last word does not.
        and all(
            part[:1].isupper() and not re.search(r"\d|[!?:]$", part) and (not part.endswith(".") or _initials(part))
            for part in parts
        )
        and not any(re.search(pattern, line, re.I) for _, pattern in KIND_PATTERNS)
    )


def _dateline(line: str) -> tuple[str, tuple] | None:
    """ "Berlin, 12 October 2023" or "Москва, 25 ноября 2025 года": a place, then only a date; or
    the other way round, "15 May 2024, Moscow", "15 мая 2024 года, Ново-Огарёво"."""
    line = line.strip()
    match = _DATELINE.match(line)
    if (
        match
        and (match["place"][:1].isupper() or _caseless(match["place"][:1]))  # "الدوحة، 12 مارس 2024"
        and len(match["place"].split()) <= 4
        and not any(re.search(pattern, match["place"], re.I) for _, pattern in KIND_PATTERNS)
    ):
        date = parse_date_only(match["date"])
        if date:
            return match["place"].strip(), date
    # A place of several parts: "Palacio Nacional, Ciudad de México, 15 de abril de 2024".
    place, comma, rest = line.rpartition(",")
    if (
        comma
        and 1 <= place.count(",") <= 2
        and not any(re.search(pattern, place, re.I) for _, pattern in KIND_PATTERNS)
        and place[:1].isupper()
        and len(place.split()) <= 8
        and not re.search(r"\d|[.!?:]", place)
        and (date := parse_date_only(rest))
    ):
        return place.strip(), date
    head, comma, place = line.rpartition(",")
    place = place.strip()
    if comma and place[:1].isupper() and len(place.split()) <= 4 and not re.search(r"\d", place):
        date = parse_date_only(head)
        if date:
            return place, date
    # The date first, then a time and a place: "Tuesday, January 9, 2024, 10:43 a.m. Ministry of Foreign Affairs".
    found = find_date(line)
    if found and not WEEKDAYS.sub("", line[: found[2].start()]).strip(" ,.-–—|"):
        rest = line[found[2].end() :].strip(" ,.-–—|")
        if rest[:1].isupper() and len(rest.split()) <= 8 and not re.search(r"[.!?]$", rest):
            return rest, found[:2]
    return None


_GENERIC_TITLE_WORDS = {
    "transcript", "transcripts", "press", "briefing", "conference", "news", "statement", "remarks", "interview",
    "q&a", "document", "untitled", "page", "text", "the", "of", "and", "full", "official", "verbatim", "record",
}  # fmt: skip


def _generic_title(title: str | None) -> bool:
    """ "Transcript", "Press briefing transcript": what kind of text, not which."""
    words = base_key(title or "").replace("-", " ").split()
    return not words or all(word in _GENERIC_TITLE_WORDS for word in words)


def _a_list(text: str) -> bool:
    """A block of several short lines (a header's list of who takes part), none a sentence."""
    lines = [line.strip() for line in text.strip().split("\n") if line.strip()]
    return len(lines) >= 3 and all(len(line.split()) <= 12 and not re.search(r"[.!?]$", line) for line in lines)


def _event_kind_named(text: str) -> bool:
    """A line that says what kind of event it was: "press conference", "briefing", "remarks"."""
    return any(re.search(pattern, text, re.I) for _, pattern in KIND_PATTERNS) or bool(
        set(base_key(text).replace(",", " ").split()) & EVENT_WORDS
    )


def _says_where(line: str) -> bool:
    """ "Papal flight", "Aboard Air Force One", "Palácio do Planalto": a short line of where, no event, no date."""
    short = 1 <= len(line.split()) <= 4 and line[:1].isupper()
    return short and not _event_kind_named(line) and find_date(line) is None


def _names_an_event(text: str) -> bool:
    """ "Doorstep of the Taoiseach": what happened, not where — several words, some in lower case."""
    words = text.split()
    return len(words) >= 3 and any(w in ("of", "the", "with", "by", "on", "at", "after") for w in words)


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

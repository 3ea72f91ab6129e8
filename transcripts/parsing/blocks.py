"""Turn a file's text into blocks (paragraphs), whatever its format.

A block keeps its text (with "\n" where the source had a hard line break) and
whether it opens with bold type, because some house styles mark speaker labels
only by bold (`<b>Vladimir Putin:</b>`, `**Q:**`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import yaml
from lxml import etree
from lxml import html as lxml_html

from transcripts.parsing.model import TranscriptError

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000\ufeff]+")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060]")


def collapse(text: str) -> str:
    """Collapse runs of spaces (NBSP and ideographic space included), keep newlines."""
    text = _ZERO_WIDTH.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def one_line(text: str) -> str:
    """All whitespace collapsed to single spaces, on one line (same result as collapsing, then joining lines)."""
    # str.split() already splits on every Unicode space; only zero-width characters and the BOM need help.
    if "\ufeff" in text:
        text = text.replace("\ufeff", " ")
    return " ".join(_ZERO_WIDTH.sub("", text).split())


@dataclass
class Block:
    text: str
    bold_lead: str = ""
    all_bold: bool = False
    all_italic: bool = False  # wholly in italics (an interview may set its questions so)
    line: int | None = None
    heading: bool = False  # a Markdown or HTML heading
    asked: bool = False  # inside an HTML element whose class says it is a question
    meta: dict = field(default_factory=dict)

    @property
    def flat(self) -> str:
        # Asked for many times per block; recomputed only if the text was replaced.
        cached = self.__dict__.get("_flat")
        if cached is None or cached[0] is not self.text:
            cached = self.__dict__["_flat"] = (self.text, one_line(self.text))
        return cached[1]


@dataclass
class Document:
    """The blocks of a file, plus what its container format told us."""

    blocks: list[Block]
    format: str
    metadata: dict = field(default_factory=dict)
    dropped: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- plain text


def text_blocks(text: str, first_line: int = 1) -> list[Block]:
    blocks: list[Block] = []
    current: list[str] = []
    start = first_line
    for number, raw in enumerate(text.split("\n"), start=first_line):
        if raw.strip():
            if not current:
                start = number
            current.append(raw)
        elif current:
            blocks.append(Block("\n".join(current), line=start))
            current = []
    if current:
        blocks.append(Block("\n".join(current), line=start))
    # A file with one paragraph per line and no blank lines between them.
    if len(blocks) <= 2 and sum(b.text.count("\n") for b in blocks) >= 8:
        blocks = [Block(line, line=first_line + i) for i, line in enumerate(text.split("\n")) if line.strip()]
    for block in blocks:
        block.text = collapse(block.text)
    return [b for b in blocks if b.text]


# ------------------------------------------------------------------ subtitles

_CUE_TIMING = re.compile(r"^\s*(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{3}\s*-->\s*(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{3}.*$")
_VOICE = re.compile(r"^<v(?:\.[\w.-]+)?\s+([^>]{1,80})>")
_CUE_TAG = re.compile(r"</?(?:v|c|i|b|u|lang|ruby|rt)(?:[.\s][^>]*)?>|<\d{1,2}:\d{2}[^>]*>")


def looks_like_subtitles(text: str) -> bool:
    """WebVTT ("WEBVTT" then cues) or SubRip (numbered cues with "00:00:01,000 --> …" timings)."""
    head = text.lstrip("\ufeff")[:2000]
    return head.startswith("WEBVTT") or len(re.findall(r"^\d{1,2}:\d{2}:\d{2}[.,]\d{3}\s*-->", head, re.M)) >= 2


def subtitle_document(text: str) -> Document:
    """Cues into paragraphs: a voice ("<v Sergey Lavrov>") becomes a label, consecutive cues of one
    voice one paragraph (a cue is a fragment of a sentence); cue numbers, timings and the header
    are dropped and counted in `dropped`."""
    blocks: list[Block] = []
    voice, words, first_line = None, [], None
    timings = 0

    def flush():
        nonlocal words, first_line
        if words:
            said = " ".join(words)
            blocks.append(Block(f"{voice}: {said}" if voice else said, line=first_line))
        words, first_line = [], None

    cue_lines: list[tuple[int, str]] = []
    skipping = False  # inside a NOTE, STYLE or REGION block (until the next blank line)
    notes: list[str] = []
    for number, raw in enumerate(text.lstrip("\ufeff").split("\n"), start=1):
        line = raw.strip()
        if not line:
            skipping = False
            continue
        if skipping or line.startswith(("NOTE", "STYLE", "REGION")):
            skipping = True
            notes.append(line)
            continue
        if line.startswith("WEBVTT") or line.isdigit() or _CUE_TIMING.match(line):
            timings += bool(_CUE_TIMING.match(line))
            continue
        cue_lines.append((number, line))
    for number, line in cue_lines:
        found = _VOICE.match(line)
        speaker = " ".join(found[1].split()) if found else None
        said = " ".join(_CUE_TAG.sub("", line).split())
        changed = found and speaker != voice or line.startswith((">>", "- ", "– ", "— "))
        if changed:
            flush()
            voice = speaker if found else None
        if said:
            words.append(said)
            first_line = first_line or number
    flush()
    dropped = [f"subtitle header, cue numbers and {timings} cue timings"] if timings else []
    dropped += [f"subtitle comment or style: {one_line(' '.join(notes))[:240]}"] if notes else []
    return Document(blocks, "text", metadata={"subtitles": True}, dropped=dropped)


# ------------------------------------------------------------------ markdown

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.S)
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", re.S)
_MD_EM = re.compile(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?!\*)|(?<![\w_])_(?=\S)([^_]+?)(?<=\S)_(?![\w_])")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_SETEXT = re.compile(r"^\s{0,3}(=+|-{2,})\s*$")


MAX_FRONT_MATTER_CHARS = 65_536


class _NoAliases:
    """YAML without aliases: front matter has no use for them, and nested aliases expand
    exponentially (a few hundred bytes can take minutes and gigabytes)."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed in front matter", mark)
        return super().compose_node(parent, index)


class _FrontMatterLoader(_NoAliases, yaml.SafeLoader):
    pass


class _FrontMatterAsText(_NoAliases, yaml.BaseLoader):
    """Every value as the text written: for front matter whose typed reading fails ("2019-02-30"
    looks like a date and is none)."""


def parse_front_matter(text: str) -> tuple[dict, str, int]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text, 1
    if len(match.group(1)) > MAX_FRONT_MATTER_CHARS:
        raise TranscriptError(
            f"the front matter is {len(match.group(1)):,} characters long; at most {MAX_FRONT_MATTER_CHARS:,}",
            "front matter",
        )
    try:
        try:
            data = yaml.load(match.group(1), Loader=_FrontMatterLoader)  # noqa: S506 - a SafeLoader subclass
        except (ValueError, TypeError, OverflowError):
            data = yaml.load(match.group(1), Loader=_FrontMatterAsText)  # noqa: S506 - a BaseLoader subclass
    except yaml.YAMLError as err:
        raise TranscriptError(f"the front matter is not valid YAML: {_one_line(err)}", "front matter") from err
    except RecursionError as err:
        raise TranscriptError("the front matter is nested too deeply", "front matter") from err
    if not isinstance(data, dict):
        data = {}
    return data, text[match.end() :], match.group(0).count("\n") + 1


def _one_line(err: Exception) -> str:
    return " ".join(str(err).split())[:300]


def markdown_blocks(text: str, first_line: int = 1) -> list[Block]:
    blocks: list[Block] = []
    for block in text_blocks_keep_breaks(text, first_line):
        lines = block.text.split("\n")
        pieces: list[str] = []
        for i, line in enumerate(lines):
            hard = line.endswith("  ") or line.endswith("\\")
            content = _MD_HEADING.sub("", line.rstrip(" \\") if hard else line.rstrip())
            pieces.append(content)
            if i < len(lines) - 1:
                pieces.append("\n" if hard else " ")
        raw = "".join(pieces)
        bold_lead = ""
        lead = re.match(r"\s*(\*\*|__)(?=\S)(.+?)(?<=\S)\1", raw)
        if lead:
            bold_lead = _render_inline(lead.group(2))
        all_bold = bool(re.fullmatch(r"\s*(\*\*|__)(?=\S)(.+?)(?<=\S)\1\s*", raw, re.S))
        all_italic = not all_bold and bool(re.fullmatch(r"\s*([*_])(?=[^\s*_])([^*_]+?)(?<=\S)\1\s*", raw, re.S))
        heading = bool(_MD_HEADING.match(lines[0])) and len(lines) == 1
        if len(lines) == 2 and _SETEXT.match(lines[1]):  # "Title" underlined with === or ---
            raw, heading = lines[0], True
        rendered = collapse(_render_inline(raw))
        if rendered:
            blocks.append(
                Block(
                    rendered,
                    bold_lead=one_line(bold_lead),
                    all_bold=all_bold,
                    all_italic=all_italic,
                    line=block.line,
                    heading=heading,
                )
            )
    return blocks


def text_blocks_keep_breaks(text: str, first_line: int) -> list[Block]:
    blocks, current, start = [], [], first_line
    for number, raw in enumerate(text.split("\n"), start=first_line):
        if raw.strip():
            if not current:
                start = number
            current.append(raw)
        elif current:
            blocks.append(Block("\n".join(current), line=start))
            current = []
    if current:
        blocks.append(Block("\n".join(current), line=start))
    return blocks


def _render_inline(text: str) -> str:
    text = _MD_LINK.sub(lambda m: m.group(1), text)
    text = _MD_STRONG.sub(lambda m: m.group(2), text)
    text = _MD_EM.sub(lambda m: m.group(1) or m.group(2) or "", text)
    return _MD_ESCAPE.sub(lambda m: m.group(1), text)


def _as_text(value) -> str | None:
    """A front-matter value as text: scalars and dates as written, lists of scalars joined;
    nested structures are not metadata we use."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str | int | float):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
        return ", ".join(str(v) for v in value)
    return None


def markdown_document(text: str) -> Document:
    front, body, offset = parse_front_matter(text)
    front = {str(k): v for k, raw in front.items() if (v := _as_text(raw)) is not None}
    dropped = ["YAML front matter"] if front else []
    return Document(markdown_blocks(body, offset), "markdown", metadata=front, dropped=dropped)


# ---------------------------------------------------------------------- HTML

BLOCK_TAGS = {
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "dl",
    "tr",
    "td",
    "th",
    "table",
    "tbody",
    "thead",
    "section",
    "article",
    "header",
    "footer",
    "figure",
    "figcaption",
    "address",
    "hr",
    "main",
    "aside",
    "center",
    "form",
    "fieldset",
    "details",
    "summary",
}
SKIP_TAGS = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "select",
    "option",
    "button",
    "input",
    "textarea",
    "head",
    "object",
    "embed",
    "map",
    "canvas",
}
BOLD_TAGS = {"b", "strong"}
# <div class="question"><p>Mr President, …?</p></div><div class="answer">…: questions marked by class alone.
_QUESTION_CLASS = re.compile(r"(?:^|[\s_-])(?:question|frage|vopros|pregunta|domanda|vraag)(?:$|[\s_-])", re.I)
_SPEAKER_CLASS = re.compile(r"(?:^|[\s_-])(?:speaker|interlocutor|speaker-?name)(?:$|[\s_-])", re.I)
ITALIC_TAGS = {"i", "em"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
CHROME_TAGS = {"nav", "footer", "aside", "form", "header", "figcaption"}  # a photo's caption and credit
# Class or id fragments that mark page furniture inside an article.
CHROME_CLASS = re.compile(
    r"(^|[\s_-])(share|sharing|partage|compartir|condividi|teilen|social|tags?|taglist|breadcrumbs?|urhere|related|"
    r"print|downloads?|attachments?|"
    r"bottommeta|masha-ignore|slider|gallery|photo|caption|subscribe|newsletter|comments?|"
    r"advert|banner|menu|navbar|nav|footer|copyright|header|sidebar|toolbar|pagination|read__meta|"
    r"read__top|read__status|read__updated)([\s_-]|$)",
    re.I,
)


HIDDEN_CLASS = re.compile(r"(^|[\s_-])(hidden|tooltip|masha-ignore|sr-only|visually-hidden)([\s_-]|$)", re.I)


def _is_chrome(el) -> bool:
    if el.tag in CHROME_TAGS:
        return True
    marker = f"{el.get('class', '')} {el.get('id', '')}"
    if not marker.strip():
        return False
    if el.tag not in BLOCK_TAGS:
        # Inline elements (a person tag, a link) are text; only hidden pop-ups are furniture.
        return bool(HIDDEN_CLASS.search(marker))
    return bool(CHROME_CLASS.search(marker))


def _direct_text_length(el) -> int:
    total = len((el.text or "").strip())
    for child in el:
        if isinstance(child.tag, str) and child.tag not in BLOCK_TAGS and child.tag not in SKIP_TAGS:
            total += len(_visible_text(child).strip())
        total += len((child.tail or "").strip())
    return total


def _visible_text(el) -> str:
    """The text of `el` without what scripts and styles inside it hold (a Chinese MFA page's source
    line carries a script of 1,000 characters, which made it the densest text of the page)."""
    if not any(isinstance(d.tag, str) and d.tag in SKIP_TAGS for d in el.iterdescendants()):
        return el.text_content()
    hidden = " or ".join(f"ancestor::{tag}" for tag in sorted(SKIP_TAGS))
    return "".join(el.xpath(f".//text()[not({hidden})]"))


def find_article(root):
    """The element holding the transcript: itemprop=articleBody, else the densest text."""
    for xpath in ('//*[@itemprop="articleBody"]', "//article//*[contains(@class,'entry-content')]"):
        found = root.xpath(xpath)
        if found:
            return found[0]
    scores: dict = {}
    # A transcript set in a table, a row per turn (name | words): the cells' scores also count for
    # their table, which wins once three rows or more hold text.
    tables: dict = {}
    for el in root.iter("p", "div", "td", "pre", "blockquote", "li", "section", "article"):
        if any(_is_chrome(a) for a in el.iterancestors()) or _is_chrome(el):
            continue
        length = _direct_text_length(el)
        if length < 25:
            continue
        parent = el.getparent()
        if parent is None:
            continue
        visible = _visible_text(el)
        score = 1 + min(length / 100, 5) + (visible.count(",") + visible.count("，")) / 10
        if el.tag in ("p", "pre", "blockquote"):
            scores[parent] = scores.get(parent, 0) + score
            grand = parent.getparent()
            if grand is not None:
                scores[grand] = scores.get(grand, 0) + score / 2
        else:
            scores[el] = scores.get(el, 0) + score
            table = next(el.iterancestors("table"), None) if el.tag == "td" else None
            if table is not None:
                rows, total = tables.get(table, (set(), 0.0))
                tables[table] = (rows | {parent}, total + score)
    for table, (rows, total) in tables.items():
        if len(rows) >= 3:
            scores[table] = scores.get(table, 0) + total
    if not scores:
        body = root.find("body")
        return body if body is not None else root
    return max(scores.items(), key=lambda item: item[1])[0]


class _BlockWriter:
    def __init__(self):
        self.blocks: list[Block] = []
        self.runs: list[tuple[str, bool, bool]] = []
        self.line: int | None = None
        self.dropped: list[str] = []
        self.asked = 0  # how deep inside elements of class "question"

    def add(self, text: str, bold: bool, line: int | None, italic: bool = False):
        # Source line breaks in HTML are spaces; only <br> (added as "\n" below) breaks a line.
        text = re.sub(r"[ \t\r\n\f]+", " ", text) if text != "\n" else text
        if text:
            if self.line is None and text.strip():
                self.line = line
            self.runs.append((text, bold, italic))

    def after_break(self) -> bool:
        """Whether nothing but white space came since the last <br>."""
        for text, _, _ in reversed(self.runs):
            if text == "\n":
                return True
            if text.strip():
                return False
        return False

    def flush(self, heading: bool = False):
        if self.runs:
            raw = "".join(t for t, _, _ in self.runs)
            text = collapse(raw)
            if text:
                lead = []
                for t, bold, _ in self.runs:
                    if not t.strip() and not lead:
                        continue
                    if not bold:
                        if t.strip() and t.strip() in ":：":
                            lead.append(t)
                        break
                    lead.append(t)
                bold_lead = one_line("".join(lead))
                all_bold = all(bold for t, bold, _ in self.runs if t.strip())
                all_italic = all(italic for t, _, italic in self.runs if t.strip())
                self.blocks.append(
                    Block(
                        text,
                        bold_lead=bold_lead,
                        all_bold=all_bold,
                        all_italic=all_italic,
                        line=self.line,
                        heading=heading,
                        asked=self.asked > 0,
                    )
                )
        self.runs = []
        self.line = None


def _walk(el, writer: _BlockWriter, bold: bool, top: bool = False, italic: bool = False):
    tag = el.tag if isinstance(el.tag, str) else ""
    if not tag:  # comment or processing instruction
        writer.add(el.tail or "", bold, None, italic) if not top else None
        return
    if tag in SKIP_TAGS:
        if not top:
            writer.add(el.tail or "", bold, el.sourceline, italic)
        return
    if not top and _is_chrome(el):
        text = one_line(el.text_content())
        if text:
            if tag in BLOCK_TAGS:
                writer.flush()
            writer.dropped.append(_summarise(text))
        writer.add(el.tail or "", bold, el.sourceline, italic)
        return
    is_block = tag in BLOCK_TAGS
    # A speaker's name set apart by its class, not its weight: <span class="speaker">Penny Wong</span>.
    # A definition list's terms too: <dt>Rzeczpospolita</dt><dd>Ambassador, how …</dd>.
    inner_bold = bold or tag in BOLD_TAGS or tag == "dt" or bool(_SPEAKER_CLASS.search(el.get("class") or ""))
    inner_italic = italic or tag in ITALIC_TAGS
    asked = bool(_QUESTION_CLASS.search(el.get("class") or ""))
    if is_block or asked:
        writer.flush()
    writer.asked += asked
    if tag == "br":
        if writer.after_break():
            writer.flush()  # "…<br><br>Margus Tsahkna: …": a blank line between paragraphs
        else:
            writer.add("\n", bold, el.sourceline, italic)
    elif tag == "pre":
        for block in text_blocks(el.text_content(), el.sourceline or 1):
            writer.blocks.append(block)
    else:
        writer.add(el.text or "", inner_bold, el.sourceline, inner_italic)
        for child in el:
            _walk(child, writer, inner_bold, italic=inner_italic)
    if is_block or asked:
        writer.flush(heading=tag in _HEADINGS)
    writer.asked -= asked
    if not top:
        writer.add(el.tail or "", bold, el.sourceline, italic)


def _summarise(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def html_metadata(root) -> dict:
    meta: dict = {}

    def first(xpath: str) -> str | None:
        for value in root.xpath(xpath):
            text = one_line(value if isinstance(value, str) else value.text_content())
            if text:
                return text
        return None

    linked = _linked_data(root)
    meta["og_title"] = first('//meta[@property="og:title"]/@content') or linked.get("headline")
    meta["h1"] = first("//h1") or first("//h2[contains(@class,'title')]")
    meta["html_title"] = first("//title")
    meta["site_name"] = first('//meta[@property="og:site_name"]/@content') or first(
        '//meta[@name="application-name"]/@content'
    )
    meta["url"] = first('//meta[@property="og:url"]/@content') or first('//link[@rel="canonical"]/@href')
    meta["date"] = (
        first("//time[contains(@class,'published')]/@datetime")
        or first('//meta[@property="article:published_time"]/@content')
        or first('//*[@itemprop="datePublished"]/@datetime')
        or first('//*[@itemprop="datePublished"]/@content')
        or linked.get("datePublished")
        or first('//meta[@name="date"]/@content')
        or first('//meta[@property="ya:ovs:upload_date"]/@content')
        or first("//time/@datetime")
        or first("//*[@id='News_Body_Time']")
    )
    meta["time"] = first("//*[contains(@class,'read__time')]")
    meta["place"] = first("//*[contains(@class,'p-location')]") or first("//*[contains(@class,'read__place')]")
    meta["language"] = first("//html/@lang") or first('//meta[@itemprop="inLanguage"]/@content')
    # Who gives the briefing, printed above the text: "Matthew Miller, Department Spokesperson".
    meta["byline"] = first("//*[contains(@class,'author')]") or first("//*[contains(@class,'byline')]")
    return {k: v for k, v in meta.items() if v}


def _linked_data(root) -> dict[str, str]:
    """The page's schema.org description (JSON-LD): the first headline and datePublished it gives."""
    found: dict[str, str] = {}

    def visit(node, depth: int = 0) -> None:
        if depth > 6:
            return
        if isinstance(node, list):
            for item in node[:50]:
                visit(item, depth + 1)
        elif isinstance(node, dict):
            for key in ("headline", "datePublished"):
                if isinstance(node.get(key), str) and node[key].strip() and key not in found:
                    found[key] = one_line(node[key])[:500]
            visit(node.get("@graph"), depth + 1)
            visit(node.get("mainEntity"), depth + 1)

    for script in root.xpath('//script[@type="application/ld+json"]')[:10]:
        try:
            visit(json.loads(script.text or ""))
        except (ValueError, RecursionError):
            continue  # a page's broken JSON-LD is no reason to reject its transcript
    return found


def html_document(text: str) -> Document:
    try:
        parser = lxml_html.HTMLParser(encoding="utf-8", remove_comments=True)
        root = lxml_html.document_fromstring(text.encode("utf-8", "replace"), parser=parser)
    except (etree.ParserError, ValueError) as err:
        raise TranscriptError(f"the HTML could not be read: {err}", "whole file") from err
    metadata = html_metadata(root)
    article = find_article(root)
    writer = _BlockWriter()
    _walk(article, writer, bold=False, top=True)
    writer.flush()
    dropped = []
    parts = _outside_text(root, article)
    # Short lines around the article ("3 April 2024" above a table of turns) may date it.
    metadata["outside"] = [line for line in (one_line(part) for part in parts) if 0 < len(line) <= 120][:30]
    outside = one_line(" ".join(parts))
    if outside:
        dropped.append("page chrome outside the article body: " + _summarise(outside, 240))
    dropped.extend(writer.dropped)
    return Document(writer.blocks, "html", metadata=metadata, dropped=dropped)


def _outside_text(root, article) -> list[str]:
    body = root.find("body")
    if body is None or article is body:
        return []
    parts: list[str] = []
    ancestors = set(article.iterancestors())

    def visit(el):
        if not isinstance(el.tag, str) or el.tag in SKIP_TAGS:
            return
        if el is article:
            return
        if el not in ancestors:
            parts.append(el.text_content())
            return
        if el.text:
            parts.append(el.text)
        for child in el:
            visit(child)
            if child.tail:
                parts.append(child.tail)

    visit(body)
    return parts


def looks_like_html(text: str) -> bool:
    head = text[:4096].lower()
    return bool(re.search(r"<!doctype html|<html[\s>]|<body[\s>]|<head[\s>]", head)) or (
        len(re.findall(r"</?(p|div|b|br|span|h\d)[\s/>]", head)) >= 3
    )

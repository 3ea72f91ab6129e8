"""The body: blocks into labelled segments, segments into turns with resolved speakers."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from transcripts.parsing.blocks import (
    Block,
    one_line,
)
from transcripts.parsing.labels import (
    COMMITTEE_QUESTION,
    CONNECTORS,
    LETTER_MARKER,
    TIMESTAMP,
    UPPER,
    WHO_TAKES_PART,
    Label,
    base_key,
    classify,
    is_name_like,
    match_label,
    sentence_opening,
)
from transcripts.parsing.model import LabelKind, Turn
from transcripts.parsing.people import (
    OFFICES,
    TITLE_WORDS,
    Resolver,
    gazetteer_keys,
    names_in,
    not_a_name,
    office_key,
    plausible_name,
    strip_titles,
)
from transcripts.parsing.roles import HEARING, MODERATORS, assign_roles


@dataclass
class _Segment:
    label: Label | None
    paragraphs: list[str]
    standalone_label: bool = False
    asked: bool = False  # an interviewer's question set in bold or italics, with no label
    narrative: bool = False  # the publisher's report about the principal, nobody's words (_narrative_apart)


_BRACKETED_OPENER = re.compile(r"^\((?P<name>[^()\n]{1,60})\)\s*(?=\S)")
# What a transcript notes in brackets that is nobody: "(LAUGHTER)", "(BEGIN VIDEO CLIP)", "(As interpreted)".
_STAGE_DIRECTION = re.compile(
    r"\b(?:laughter|laughs|applause|inaudible|unintelligible|crosstalk|cross-talk|begin|end|commercial|video|"
    r"clip|music|pause|silence|interpreted|interpretation|translation|translated|speaks|off[ -]mic|cheers|"
    r"cheering|booing|chanting|technical|recording|break|audio|sic|continued|cont)\b",
    re.I,
)
_INLINE_QUESTION = re.compile(r"^(?:问|問|Q)\s*[:：]")
_INLINE_ANSWER = re.compile(r"(?<=[?？])\s*(?=(?:答|A)\s*[:：])")
_QUESTION_END = re.compile(r"[?？]\W{0,3}$")


def _answers_after_questions(segments: list[_Segment]) -> list[_Segment]:
    """An interview that labels only its questions ("Q: …?" then the answer, unlabelled): the
    paragraphs after the question's first run of paragraphs ending in "?" are the answer."""
    asking = (LabelKind.QUESTION, LabelKind.OUTLET)
    labels = [segment.label for segment in segments if segment.label is not None]
    if len(labels) < 2 or any(label.kind not in asking for label in labels):
        return segments
    out: list[_Segment] = []
    for segment in segments:
        asked = [n for n, text in enumerate(segment.paragraphs) if _QUESTION_END.search(text)]
        if segment.label is not None and asked and asked[-1] + 1 < len(segment.paragraphs):
            # The question ends with its first run of paragraphs ending in "?"; what follows answers it.
            end = asked[0] + 1
            while end + 1 < len(segment.paragraphs) and _QUESTION_END.search(segment.paragraphs[end]):
                end += 1
            out.append(_Segment(segment.label, segment.paragraphs[:end], segment.standalone_label))
            out.append(_Segment(None, segment.paragraphs[end:]))
        else:
            out.append(segment)
    return out


def _reads_as_label(printed: str, kind: str) -> bool:
    """A bold lead ending in a colon is a label when short, a marker ("Question from the hall"), or
    when it holds a name (two capitalised words running: "Panel moderator, NBC host Megyn Kelly");
    "Accreditation badge provides access to the following events" is a sentence."""
    words = printed.split()
    if len(words) <= 2 or kind != LabelKind.PERSON:
        return True
    capital = [w[:1].isupper() and w.lower() not in CONNECTORS for w in words]
    return any(a and b for a, b in zip(capital, capital[1:]))


def _rest_of(body: str, label: Label) -> str:
    """The text after the label within `body` (the first line's chunk, where the label's own rest ran
    on over later lines)."""
    after = body.find(label.printed)
    after = after + len(label.printed) if after >= 0 else 0
    for size in (20, 8, 3):
        index = body.find(label.rest[:size], after) if label.rest else -1
        if index >= 0:
            return body[index:]
    return label.rest


_ALONE_MAX_CHARS = 100
# Words that open paragraphs with a colon in prose: enumerations and discourse, never a speaker.
_NOT_SINGLE_LABELS = {
    "first", "second", "third", "fourth", "fifth", "sixth", "firstly", "secondly", "thirdly", "finally", "lastly",
    "next", "also", "however", "therefore", "moreover", "furthermore", "note", "notes", "nb", "ps", "update",
    "source", "sources", "background", "context", "summary", "conclusion", "example", "examples", "result",
    "results", "reason", "point", "today", "yesterday", "tomorrow", "now", "then", "so", "well", "here", "there",
    "answer", "question", "quote", "unquote", "subject", "topic", "agenda", "location", "time", "date",
    "participants", "attendees", "present", "absent", "translation", "original", "video", "audio", "photo",
}  # fmt: skip
_SINGLE_WORD_LABEL = re.compile(rf"([{UPPER}][\w'’-]+):\s+\S")
_STAMPED_NAME_LINE = re.compile(rf"(?P<name>[{UPPER}][^\n:]{{0,60}}?)[ \t]+\d{{1,2}}:\d{{2}}(?::\d{{2}})?[ \t]*(?=\n)")
_TRAILING_TIMESTAMP = re.compile(r"[ \t]+\(?\d{1,2}:\d{2}(?::\d{2})?\)?$")
_NOT_NAMES = {"ok", "okay", "yes", "no", "end", "note", "update", "thanks", "thank you", "applause", "laughter"}


_LONG_LABEL = re.compile(rf"^(?P<name>[{UPPER}][\w.'’\-]*\s+[{UPPER}][^:：\n]{{8,240}}?)\s*[:：]\s+(?=\S)")


def _recurring_long_labels(blocks: list[Block]) -> frozenset[str]:
    """A name with its whole office before a colon, opening two paragraphs or more: a label even past
    the words a label's shape allows. A sentence that happens to recur is not one (it ends so)."""
    openers = Counter(m["name"] for block in blocks if (m := _LONG_LABEL.match(block.flat)))
    return frozenset(
        name
        for name, n in openers.items()
        if n >= 2 and "," in name and len(name.split()) <= 30 and not re.search(r"[.?!…]$", name)
    )


def _stamped_labels_apart(blocks: list[Block]) -> list[Block]:
    """A recording app's export: "Trevor Phillips  0:02" on a line, the words on the next ones. Where
    two blocks or more open so, the name and time become a block of their own (a label alone)."""
    opening = [_STAMPED_NAME_LINE.match(block.text.lstrip()) for block in blocks]
    if sum(1 for m in opening if m and "\n" in m.string[m.end() :]) < 2:
        return blocks
    out = []
    for block, m in zip(blocks, opening, strict=True):
        rest = m.string[m.end() :].strip() if m else ""
        if not rest or not is_name_like(m["name"].strip()):
            out.append(block)
            continue
        out += [replace(block, text=m.group(0).strip(), bold_lead=""), replace(block, text=rest, bold_lead="")]
    return out


def _first_line_labels_apart(blocks: list[Block]) -> list[Block]:
    """ "Kyiv Independent." on a line, the question on the next; "Dmytro Kuleba." over the answer. Where
    two names or more each open two blocks or more so (a dialogue, not a heading), the name becomes a
    block of its own (a label alone, its full stop dropped)."""

    def first(block: Block) -> str | None:
        lines = block.text.strip().split("\n")
        if len(lines) < 2 or not lines[1].strip():
            return None
        name = lines[0].strip().rstrip(".")
        words = name.split()
        if not 1 <= len(words) <= 6 or re.search(r"[,;:!?]", name) or not is_name_like(name):
            return None
        return name

    names = [first(block) for block in blocks]
    recurring = {name for name, n in Counter(n for n in names if n).items() if n >= 2}
    if len(recurring) < 2:
        return blocks
    out = []
    for block, name in zip(blocks, names, strict=True):
        if name not in recurring:
            out.append(block)
            continue
        _, _, rest = block.text.strip().partition("\n")
        out += [replace(block, text=name, bold_lead=""), replace(block, text=rest.strip(), bold_lead="")]
    return out


# A key to the initials the text labels its speakers with, before the text (the WHO's press
# conferences): "Speaker key:" then "TJ Tarik Jasarevic", "TAG Dr Tedros Adhanom Ghebreyesus", ….
_KEY_HEADING = re.compile(r"(?:speakers?(?:['’]s?)?(?:\s+key|\s+list)?|key\s+to\s+speakers|key)\s*:?", re.I)
_KEY_LINE = re.compile(rf"(?P<tag>[A-Z]{{2,4}}\d?)(?:[ \t]*[:=–—-][ \t]*|\t+[ \t]*|[ \t]+)(?P<name>[{UPPER}].{{3,80}})")
_TAG = re.compile(r"[A-Z]{2,4}\d?")
_TAG_COLON = re.compile(r"(?P<tag>[A-Z]{2,4}\d?)[ \t]*:[ \t]+(?=\S)")
_BARE_TIME = re.compile(r"\(?\d{1,2}:\d{2}(?::\d{2})?\)?")


def speaker_key(blocks: list[Block]) -> tuple[dict[str, str], list[Block], list[str]]:
    """The key near the top ({"TJ": "Tarik Jasarevic"}), the blocks without it, and its lines (for
    the header). A key has a heading and two entries or more, each a tag and a name."""
    for index, block in enumerate(blocks[:15]):
        lines = [line.strip() for line in block.text.strip().split("\n") if line.strip()]
        if not lines or not _KEY_HEADING.fullmatch(lines[0]):
            continue
        entries, end = lines[1:], index + 1
        while end < len(blocks) and len(entries) < 40:
            more = [line.strip() for line in blocks[end].text.strip().split("\n") if line.strip()]
            if not more or not all(_KEY_LINE.fullmatch(line) for line in more):
                break
            entries, end = entries + more, end + 1
        key = {}
        for line in entries:
            m = _KEY_LINE.fullmatch(line)
            name = m and re.sub(r"^(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+", "", m["name"].strip())
            if not m or not is_name_like(name) or len(name.split()) < 2:
                break
            key[m["tag"]] = name
        else:
            if len(key) >= 2:
                return key, blocks[:index] + blocks[end:], lines[:1] + entries
    return {}, blocks, []


def _tags_apart(blocks: list[Block]) -> list[Block]:
    """ "00:05:12 / TJ / Thank you, …" in one block: each line that is a tag alone (one of the key's,
    or initials like them: a journalist's) a block of its own, with the time printed over it."""
    out = []
    for block in blocks:
        lines, text = [line.strip() for line in block.text.strip().split("\n")], []
        if not any(_TAG.fullmatch(line.rstrip(":")) for line in lines):
            out.append(block)
            continue
        for line in lines:
            if not _TAG.fullmatch(line.rstrip(":")):
                text.append(line)
                continue
            time = [text.pop()] if text and _BARE_TIME.fullmatch(text[-1]) else []
            if any(text):
                out.append(replace(block, text="\n".join(text), bold_lead=""))
            out.append(replace(block, text=" ".join([*time, line]), bold_lead=""))
            text = []
        if any(text):
            out.append(replace(block, text="\n".join(text), bold_lead=""))
    return out


def _tagged(tag: str, key: dict[str, str], turns: list[Turn], resolver: Resolver) -> str | None:
    """Who a tag is: the key's name, or a name with these initials in the turn before ("The first
    question is from Helen Branswell from STAT." / "HB")."""
    if tag in key:
        return resolver.resolve(key[tag]) or key[tag]
    before = " ".join(turns[-1].paragraphs) if turns else ""
    for name in names_in(before):
        if "".join(word[0] for word in name.split()).upper() == tag:
            return name
    return None


def title_initials(title: str, blocks: list[Block]) -> dict[str, str]:
    """Labels that are the initials of the people a title names ("Fareed Zakaria interviews Sergey Lavrov",
    then "FZ:" and "SL:"): {tag: name}, when two of them or more open the text's paragraphs."""
    initials = {}
    for name in names_in(title):
        words = name.replace("-", " ").split()
        if len(words) >= 2:
            initials.setdefault("".join(word[0] for word in words).upper(), name)
    used = {m["tag"] for block in blocks if (m := _TAG_COLON.match(block.flat))}
    found = {tag: name for tag, name in initials.items() if tag in used}
    return found if len(found) >= 2 else {}


def _tag_line(text: str) -> bool:
    """ "TJ", "00:05:12 TJ": a tag alone (as `_tags_apart` leaves it)."""
    words = text.rstrip(":").split()
    return 1 <= len(words) <= 2 and bool(_TAG.fullmatch(words[-1])) and all(_BARE_TIME.fullmatch(w) for w in words[:-1])


def _alone(block: Block, known: frozenset) -> Label | None:
    """The label a block would be if it stood alone on its line."""
    text = block.flat
    if len(text) > _ALONE_MAX_CHARS or "\n" in block.text.strip() and not block.all_bold:
        return None
    name = text.strip()
    stamp = _TRAILING_TIMESTAMP.search(name)  # "Trevor Phillips  0:02" (a recording app's export)
    if stamp:
        name = name[: stamp.start()]
    if not name or name[-1] in ".,;!?…:：" and not re.search(r"\b(?:MR|MRS|MS|DR|Mr|Mrs|Ms|Dr)\.$", name):
        return None
    if base_key(name) in _NOT_NAMES:
        return None
    if (block.all_bold or block.heading) and re.fullmatch(r"[^\W\d_][\w'’\-]+", name):
        known = known | {base_key(name)}  # a bold "Chair", a heading "Moderator": a label if it recurs
    label = match_label(name + ": X", known_single=known, dashes=False)
    if label is None or label.kind == LabelKind.METADATA or label.rest != "X":
        return None
    label.rest, label.delimiter = "", ""
    if stamp:
        label.printed = text.strip()
    return label


def _shape(block: Block, label: Label) -> tuple:
    """Bold and headings are a shape whatever the case ("Q", "Fumio Kishida"); plain lines by case."""
    if block.heading or block.all_bold:
        return ("heading" if block.heading else "bold",)
    letters = re.sub(r"[^\w]|[\d_]", "", label.name)  # the name's case, not its note's
    return ("plain", letters.isupper())


def _known_person(label: Label, title: str) -> bool:
    """A name the title mentions or the gazetteer knows."""
    key = base_key(label.name)
    return label.kind == LabelKind.PERSON and (key in gazetteer_keys() or key.split()[-1] in title.split())


def _starts_like_text(text: str) -> bool:
    if text[:1] in "([—–-…":  # an editorial note "(without microphone)", or speech resumed "— and we"
        return True
    first = text.lstrip("\"“‘'« ")[:1]
    return bool(first) and (first.isupper() or first.isdigit() or not first.isalpha() or _is_cjk(first))


def _is_cjk(ch: str) -> bool:
    return "\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff"


# A note that is a person's name: two to four capitalised words.
_CAPITALISED = rf"[{UPPER}][\w'’\-.]+"
_NAME_NOTE = re.compile(rf"{_CAPITALISED}(?:\s+{_CAPITALISED}){{1,3}}")


_DASH_TURN = re.compile(r"^(?:[—–-]\s+|[—–](?=[¿¡«\"“\w]))(?=\S)")  # "— Сергей …", "—¿Y la relación …?"


def _dash_interview(blocks: list[Block], alone: dict) -> bool:
    """An interview printed as the Russian press prints them: no labels, each turn opened by a dash,
    question and answer in turn (four dashes or more, the first and most odd ones asking)."""
    if alone:
        return False
    dashes = [block.flat for block in blocks if _DASH_TURN.match(block.flat)]
    if len(dashes) < 4 or "?" not in dashes[0]:
        return False
    asking = sum("?" in text for text in dashes[::2])
    return asking >= 0.5 * len(dashes[::2]) and _unlabelled(blocks)


def _questions_set_apart(blocks: list[Block], alone: dict) -> str | None:
    """Whether a document with no speaker labels sets its questions apart ("all_bold", "all_italic",
    "heading" or "asked" — an HTML class says so —, None if none): two or more paragraphs wholly so
    (headings only for "heading"), most of them asking something, with plain paragraphs between them."""
    if alone:
        return None
    for emphasis in ("all_bold", "all_italic", "heading", "asked"):
        marked = [block for block in blocks if getattr(block, emphasis) and (emphasis == "heading") == block.heading]
        asking = sum("?" in block.flat or "？" in block.flat for block in marked)
        plain = len(blocks) - len(marked)
        if len(marked) >= 2 and asking >= 0.5 * len(marked) and plain >= len(marked):
            return emphasis if _unlabelled(blocks) else None
    return None


def _unlabelled(blocks: list[Block]) -> bool:
    """No paragraph opens with a speaker label (the interview rules above apply only then)."""
    return not any(match_label(block.flat) for block in blocks)


def _looks_like_speaker(label: Label) -> bool:
    if label.kind in (LabelKind.QUESTION, LabelKind.ANSWER, LabelKind.ANONYMOUS, LabelKind.OUTLET):
        return True
    words = label.name.split()
    return len(words) >= 2 or bool(label.note)


# Words of the first person, outside quotation marks: a speech ("I", "we", "our"), not a report.
_FIRST_PERSON = re.compile(
    r"\b(?:I|I[’']m|I[’']ve|I[’']d|I[’']ll|me|my|mine|we|We|we[’']re|We[’']re|our|Our|us|myself|ourselves)\b"
)
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»|‘[^’]*’")
# How a speech opens: a greeting, or an address and its comma ("Friends,", "Good afternoon.", "Mr President,").
_ADDRESS = re.compile(
    r"^(?:(?:Friends|Colleagues|Ladies and gentlemen|Dear [^,.]{1,40}|M(?:r|s|rs|adam)\.? [A-Z][\w-]+|"
    r"Your (?:Excellency|Excellencies|Majesty|Holiness)|Distinguished [^,.]{1,40}|Esteemed [^,.]{1,40}|Comrades|"
    r"Citizens)[,!]|(?:Good (?:morning|afternoon|evening|day)|Thank you|Thanks|Hello)\b)"
)


# A report speaks of people in the third person: "He expressed …", "The two leaders …", "Mr Hariri …".
_THIRD_PERSON = re.compile(
    r"\b(?:He|She|His|Her|They|Their|Both|[Tt]he (?:two |Russian |Chinese |US |acting |)(?:[Pp]resident|Presidents|"
    r"leaders|sides|parties|talks|meeting|conversation|delegations|head of state)|Mr|Ms|Mrs|Dr)\b"
)


def _outside_quotes(paragraph: str) -> str:
    """The paragraph without what it quotes (a quotation left open runs to its end)."""
    text = _QUOTED.sub(" ", paragraph)
    opened = min((at for at in (text.find(mark) for mark in '“«"') if at >= 0), default=-1)
    return text[:opened] if opened >= 0 else text


# A title that reports what the principal did ("President Vladimir Putin had a telephone conversation
# with …", "On June 28–29, Vladimir Putin will visit …", "At a meeting of the Commission …, President
# Vladimir Putin said …"): the name opens it, after a date or a clause and posts, and a verb follows;
# not one that names the author ("Remarks by President Biden", "Vladimir Putin's address", "Vladimir
# Putin interview to …").
_TITLE_LEAD = re.compile(
    r"^(?:(?:On|In|At|During|After|Before|Following|Opening|Speaking)\b[^,]{1,120},\s+)?"
    r"(?:(?:Acting|Former|President|Prime|Minister|Chairman|Premier|Secretary|Mr\.?|Ms\.?|Mrs\.?|and|of|Russia|"
    r"the)[\s,]+)*"
)
_AUTHORED = re.compile(
    r"(?:interview|statement|speech|address|remarks|message|article|letter|answers|news|press|opening|"
    r"greetings|video|introductory|closing|concluding|comments|responses|replies)\b"
)


# Verbs a report puts after the principal's name anywhere in its title ("…, President Vladimir Putin said
# at a joint press conference", "With his decree President Vladimir Putin assigned …").
_REPORTED_VERBS = re.compile(
    r"(?:said|says|held|holds|met|meets|signed|signs|assigned|awarded|congratulated|sent|had|took|made|gave|"
    r"visited|attended|expressed|noted|stressed|believes|thanked|received|chaired|laid|presented|discussed|"
    r"instructed|ordered|proposed|called|urged|spoke|talked|paid|opened|inspected|approved|announced)\b"
)


def _reports_on(title: str, principal: str) -> bool:
    rest = _TITLE_LEAD.sub("", title.strip())
    for name in (principal, principal.split()[-1]):
        if rest.startswith(name + " "):
            after = rest[len(name) + 1 :]
            return after[:1].islower() and not _AUTHORED.match(after)
    if _AUTHORED.match(title.strip().lower()):
        return False  # "Statement by President of Russia Vladimir Putin", "Interview of …"
    return any(
        _REPORTED_VERBS.match(title[found.end() :].lstrip()) for found in re.finditer(re.escape(principal), title)
    )


def _reads_as_report(paragraph: str, surname: str) -> bool:
    """No first person outside quotation marks, not mostly quoted, no greeting or address (but "Mr
    Putin, accompanied by …" of Mr Putin's report), not a line that introduces what follows (":" at
    its end)."""
    outside = _outside_quotes(paragraph)
    address = _ADDRESS.match(paragraph.strip())
    return not (
        _FIRST_PERSON.search(outside)
        or (address and surname not in address.group(0))
        or outside.rstrip().endswith((":", "："))
        or 2 * len(outside) < len(paragraph)
    )


def _narrative_apart(
    segments: list[_Segment], principal: str, title: str = "", president: bool = False
) -> list[_Segment]:
    """The opening text before any label, when it is the publisher's report about the principal and not
    the principal's words, kept apart with no speaker: "President Vladimir Putin spoke by telephone
    with …" then "Mr Putin congratulated Mr Erdogan …" (3,155 one-turn Kremlin news items of the bulk
    corpus were Putin's words). The report opens with a paragraph that names the principal by surname
    (or as "the President", when they are the president) outside quotation marks — or, under a title
    that reports what the principal did, any paragraph — with no word of the first person, not mostly
    quoted, no colon at its end (not "In his statement, Vladimir Putin said:"). It runs on while
    paragraphs speak of someone in the third person in the same way; and when nothing after it up to
    the first label reads as the principal's own words (no first person, greeting or introduced
    quotation), it takes that too: "The conversation was held on Belarus' initiative." A speech after
    a report stays the principal's."""
    first = segments[0] if segments else None
    if first is None or first.label is not None or first.asked or not first.paragraphs:
        return segments
    surname = principal.split()[-1]
    names = [re.escape(surname)] + (["[Tt]he (?:Russian )?President(?! of (?!Russia))"] if president else [])
    mention = re.compile(rf"\b(?:{'|'.join(names)})\b")
    opening = _outside_quotes(first.paragraphs[0])
    reported = bool(mention.search(opening)) or _reports_on(title, principal)
    if not reported or not _reads_as_report(first.paragraphs[0], surname):
        return segments
    run = 1
    for paragraph in first.paragraphs[1:]:
        outside = _outside_quotes(paragraph)
        if not _reads_as_report(paragraph, surname):
            break
        if not (mention.search(outside) or _THIRD_PERSON.search(outside)):
            break  # no one spoken of: the report may be over ("No. Ukraine has regained half …")
        run += 1
    if all(_reads_as_report(paragraph, surname) for paragraph in first.paragraphs[run:]):
        run = len(first.paragraphs)
    report = _Segment(None, first.paragraphs[:run], narrative=True)
    words = first.paragraphs[run:]
    # A news item with no label: the report goes on after the words it quotes ("The message reads:" and
    # the message, then "Foreign Minister Igor Ivanov delivered the message …").
    end = len(words)
    while not segments[1:] and end > 1 and _reads_as_report(words[end - 1], surname):
        outside = _outside_quotes(words[end - 1])
        if not (mention.search(outside) or _THIRD_PERSON.search(outside) or names_in(outside)):
            break
        end -= 1
    rest = [_Segment(None, words[:end])] if words[:end] else []
    after = [_Segment(None, words[end:], narrative=True)] if words[end:] else []
    return [report, *rest, *after, *segments[1:]]


def _opening_paragraphs(segments) -> list[str]:
    """The unlabelled text before the first label (a meeting's front matter, or a statement)."""
    first = segments[0] if segments else None
    return first.paragraphs[:40] if first is not None and first.label is None else []


def _opening_note(segments) -> list[str]:
    first = segments[0] if segments else None
    return [" ".join(first.paragraphs[:1])[:500]] if first is not None and first.label is None else []


def _officials(turns: list[Turn], resolver: Resolver) -> set[str]:
    """Who answers here: people the title names, office holders, people the gazetteer knows, and
    whoever holds a large share of the named turns."""
    named = Counter(t.speaker for t in turns if t.speaker)
    total = sum(named.values())
    officials = set(resolver.title_names) | set(resolver.offices.values()) | set(gazetteer_keys().values())
    if resolver.president:
        officials.add(resolver.president)
    # A title that gives only a surname ("Interview of Minister Wong"): the speaker of that surname.
    surnames = {name for name in resolver.title_names if name and " " not in name}
    officials |= {t.speaker for t in turns if t.speaker and t.speaker.split()[-1] in surnames}
    # Whoever the labels give an office of state ("Minister Radosław Sikorski:"), not "Member Anna
    # Kowalska:" nor "Vice-President of the Polar Explorers Association Nikolai Kornilov:".
    officials |= {
        name for office, name in resolver.label_offices.items() if office_key(office) and " of " not in f" {office} "
    }
    # Not someone whose label names their outlet ("CHRISTIANE AMANPOUR, CNN CHIEF INTERNATIONAL ANCHOR:"):
    # an interviewer speaks as often as the person interviewed.
    with_outlet = {t.speaker for t in turns if t.affiliation} - officials
    # Nor one whose label says they run the session ("Plenary session moderator Ryan Chilcote").
    runs_it = MODERATORS | {"anchor", "interviewer"}
    with_outlet |= {t.speaker for t in turns if t.label and runs_it & set(base_key(t.label).split())} - officials
    # Nor, among those who speak often, one who mostly asks while another official mostly answers
    # (an interviewer with no outlet in the label: "Megyn Kelly" and Vladimir Putin).
    asks = Counter(t.speaker for t in turns if t.speaker and _QUESTION_END.search(" ".join(t.paragraphs[-1:])))
    share = {name: asks[name] / n for name, n in named.items()}
    answerers = {name for name in officials if named.get(name, 0) >= 3 and share[name] < 0.2}
    if answerers:
        with_outlet |= {name for name, n in named.items() if n >= 3 and share[name] >= 0.4} - officials
    elif len(named) <= 3:
        # A short interview of two or three voices: two turns each tell them apart ("Katalin Nagy" asks
        # and Viktor Orbán answers; "Trevor Phillips  0:02" and "David Cameron  0:08", neither known).
        answerers = {name for name, n in named.items() if n >= 2 and share[name] < 0.2}
        # An interviewer the title names ("Fareed Zakaria interviews Sergey Lavrov") may ask; not someone the
        # gazetteer knows or an office holder.
        firm = officials - (set(resolver.title_names) - set(gazetteer_keys().values()))
        askers = {name for name, n in named.items() if n >= 2 and share[name] >= 0.4} - firm - answerers
        if answerers and askers:
            with_outlet |= askers
            officials = (officials | answerers) - askers
    officials |= {name for name, n in named.items() if n >= 3 and n >= 0.15 * total and name not in with_outlet}
    # Whoever hosts asks, even when the title names them too ("Fareed Zakaria GPS: Interview with …",
    # "FAREED ZAKARIA, CNN HOST:").
    return officials - {t.speaker for t in turns if t.label and runs_it & set(base_key(t.label).split())}


def _mark_journalists(turns: list[Turn], officials: set[str]) -> None:
    """A named person who is no official, with an outlet in their label or asking an official
    something, is a journalist: their turns are questions (or remarks), never answers."""
    journalists = set()
    # Journalists introduce themselves in their questions ("Ksenia Sokolova, Snob magazine. …").
    asking = (LabelKind.QUESTION, LabelKind.OUTLET)
    asked = " ".join(" ".join(t.paragraphs[:1])[:200] for t in turns if t.role in asking)
    # A full name only: a surname in a question is as often the official addressed ("Frau Büchner, wie …").
    for turn in turns:
        if (
            turn.role == LabelKind.PERSON
            and turn.speaker
            and turn.speaker not in officials
            and len(turn.speaker.split()) >= 2
            and turn.speaker in asked
        ):
            journalists.add(turn.speaker)
    # Whoever a reporter's "Q" is put to answers it, even when they once ask back ("CHIEF WHITE:", a police
    # chief at a White House briefing, was taken for a journalist); not one who mostly asks.
    answer_q = {
        turn.speaker
        for previous, turn in zip(turns, turns[1:])
        if previous.role == LabelKind.QUESTION and turn.speaker and base_key(previous.label or "") in ("q", "question")
    }
    for name in list(answer_q):
        theirs = [t for t in turns if t.speaker == name]
        if 2 * sum("?" in " ".join(t.paragraphs) for t in theirs) >= len(theirs):
            answer_q.discard(name)
    for index, turn in enumerate(turns):
        if turn.role != LabelKind.PERSON or not turn.speaker or turn.speaker in officials:
            continue
        following = turns[index + 1] if index + 1 < len(turns) else None
        asks = "?" in " ".join(turn.paragraphs) and following is not None and following.speaker in officials
        if turn.affiliation or (asks and turn.speaker not in answer_q):
            journalists.add(turn.speaker)
    for turn in turns:  # a journalist's follow-ups too ("I mean that very highway.")
        if turn.role == LabelKind.PERSON and turn.speaker in journalists:
            turn.role = LabelKind.OUTLET
        elif turn.role == LabelKind.PERSON and COMMITTEE_QUESTION.match(turn.label or ""):
            turn.role = LabelKind.QUESTION  # "Q12 Chair:": the committee's numbered questions, whoever asks


def _interviewed_by(title: str, name: str) -> bool:
    """Whether the title says the interview was given to `name` ("Interview of the Minister … to the Kyiv
    Independent", "… for Le Monde"): a label of that name is the outlet asking."""
    return bool(re.search(rf"\binterview\b.*\b(?:to|for)\s+(?:the\s+)?{re.escape(name)}\s*$", title, re.I))


def _sole_named(segments: list[_Segment], resolver) -> str | None:
    """The one person the transcript's labels name, if they name exactly one (and it answers)."""
    if not any(s.label and s.label.kind == LabelKind.ANSWER for s in segments):
        return None
    named = {
        resolver.resolve(s.label.name)
        for s in segments
        if s.label and s.label.kind == LabelKind.PERSON and not s.label.affiliation
    }
    named.discard(None)
    return named.pop() if len(named) == 1 else None


def _title_only_label(block: Block) -> bool:
    """A bold line that is only a speaker's title and name: "President of Russia Vladimir Putin"."""
    text = block.flat
    words = text.split()
    if not 2 <= len(words) <= 10 or re.search(r"[.,;:!?]$", text):
        return False
    label = match_label(text + ":")
    if not (label and label.kind == LabelKind.PERSON and _bare_resolver().resolve(text)):
        return False
    # An office before the name ("President of Russia Vladimir Putin"), a person the gazetteer knows,
    # or a bare name of two or three capitalised words; not a bold heading of a speech ("Investing in
    # America's Auto Supply Chain", "Lessons Learned for the Future", "Note for the CIS media").
    if any(base_key(w).strip(".,") in TITLE_WORDS for w in words) or base_key(text) in gazetteer_keys():
        return True
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and not not_a_name(w) for w in words)


@lru_cache(maxsize=1)
def _bare_resolver() -> Resolver:
    """A resolver with only the gazetteer, built once rather than per bold paragraph."""
    return Resolver(title="", publisher=None, date=None)


class TurnReader:
    """The turns half of the builder (see structure._Builder)."""

    @property
    def _caps_fullstop(self) -> bool:
        """ "NAME. text" labels, except in subtitles, whose captions are often all in capitals."""
        return not self.doc.metadata.get("subtitles")

    def _segments(self, blocks: list[Block]) -> list[_Segment]:
        blocks = _first_line_labels_apart(_stamped_labels_apart(blocks))
        if self.speaker_tags:
            blocks = _tags_apart(blocks)
        # First pass: which names are used as labels at the start of a paragraph. A single word is
        # one when it opens two paragraphs or more ("Putin: …", "Sidhant: …" once is prose-like).
        known = set()
        dashed = 0
        openers = Counter(
            m[1] for block in blocks if (m := _SINGLE_WORD_LABEL.match(TIMESTAMP.sub("", block.flat, count=1)))
        )
        for word, n in openers.items():
            key = base_key(word)
            if classify(word) != LabelKind.PERSON or key in _NOT_NAMES or key in _NOT_SINGLE_LABELS:
                continue
            if key in gazetteer_keys() or n >= 2 or key in OFFICES:  # "Tánaiste:" once is an office
                known.add(key)
        # "D. …" / "R. …", "P. …" / "R. …": an interview's questions and answers by their initial letters.
        letters = Counter(m["name"] for block in blocks if (m := LETTER_MARKER.match(block.flat)))
        if letters["R"] >= 2 and max(letters["D"], letters["P"]) >= 2:
            known |= {"r", "d" if letters["D"] >= letters["P"] else "p"}
        # Who the header lists as taking part ("Sprecher: StS Hebestreit, Fischer (AA), Collatz (BMVg)"; "SPEAKERS:"
        # over their names): a surname of theirs alone is a label ("Fischer: …").
        listed = list(self.listed)
        for line in self.metadata_lines:
            header = match_label(line)
            if header and base_key(header.name) in WHO_TAKES_PART:
                listed += header.rest.split(",")
        for entry in listed:
            words = re.sub(r"\([^()]*\)", " ", entry).split(",")[0].split()
            if words and words[-1][:1].isupper() and classify(words[-1]) == LabelKind.PERSON:
                known.add(base_key(words[-1]))
        # Surnames of the full names labels print ("PENNY WONG:", then "WONG:" is her, not an outlet) or
        # the title names ("Interview with Sergey Lavrov", then "LAVROV:").
        surnames = {base_key(name.split()[-1]) for name in names_in(self.title or "") if len(name.split()) >= 2}
        label_uses: Counter = Counter()
        for block in blocks:
            label = match_label(
                block.flat, bold_lead=block.bold_lead, known_single=frozenset(known), caps_fullstop=self._caps_fullstop
            )
            if label:
                label_uses[base_key(label.name)] += 1
            if label and label.kind in (LabelKind.PERSON, LabelKind.OUTLET, LabelKind.ANONYMOUS):
                known.add(base_key(label.name))
                known.add(base_key(label.name.split()[-1]))
            if label and label.kind == LabelKind.PERSON and len(label.name.split()) >= 2:
                surnames.add(base_key(label.name.split()[-1]))
            if label and label.kind == LabelKind.QUESTION and label.name == "Q":
                known.add("a")  # "Q. …" / "A. …": the answers' bare "A." is a label here
            if label and label.kind != LabelKind.METADATA:
                # ".-" is a delimiter wherever it stands; "Q —" may be a question opening with a dash,
                # but an answer does not open with one ("Q - … R - …", the French convention).
                dashed += label.delimiter == ".-" or (label.delimiter == "—" and label.kind != LabelKind.QUESTION)
        self.known_labels = frozenset(known)
        self.label_uses = label_uses
        self.surnames = frozenset(surnames)
        self.long_labels = _recurring_long_labels(blocks)
        # "(Prime Minister Kishida) Today, …" / "(Reporter) …" (Japan's Kantei): a name or office in
        # brackets opening two paragraphs or more is a label; "(Laughter.)" is no name.
        brackets = Counter(
            " ".join(m["name"].split()) for block in blocks if (m := _BRACKETED_OPENER.match(block.flat))
        )
        self.bracket_labels = {
            name
            for name, n in brackets.items()
            if n >= 2
            and (is_name_like(name, known_single=frozenset(known)) or classify(name) != LabelKind.PERSON)
            and classify(name) != LabelKind.METADATA
            and not _STAGE_DIRECTION.search(name)
            and len(name.split()) <= 5
            and not name.endswith((".", "!", "?"))  # "(The Congressional Space Medal of Honor is presented.)"
        }
        # Bold names opening paragraphs with no colon ("<b>Sergey Lavrov</b> Good afternoon …"): a
        # label where the same bold words open two paragraphs or more.
        self.bold_openers = Counter(
            base_key(block.bold_lead) for block in blocks if block.bold_lead and not block.all_bold
        )
        # This document's grammar: do its speaker labels end in dashes? (Or what an editor said.)
        style = self.hints.label_style
        self.dashes = dashed >= 2 if style not in ("dash", "inline", "none") else style != "none"
        alone = self._labels_alone(blocks, force=style == "alone") if style != "none" else {}
        if self.speaker_tags:
            for index, block in enumerate(blocks):
                if _tag_line(block.flat):  # "TJ", "00:05:12 TJ" (as _tags_apart left them)
                    tag = block.flat.rstrip(":").split()[-1]
                    alone[index] = Label(block.flat, tag, None, "", LabelKind.PERSON, delimiter="")
        segments: list[_Segment] = []
        current = _Segment(None, [])
        # A section heading between turns ("Japan-China Relations" over a question) opens the next
        # turn rather than closing the last one; held until the next paragraph or label shows which.
        held: list[str] = []
        emphasis = not dashed and _questions_set_apart(blocks, alone)
        dash_turns = not dashed and not emphasis and _dash_interview(blocks, alone)
        for index, block in enumerate(blocks):
            if dash_turns and (opened := _DASH_TURN.match(block.flat)):
                # "— Сергей Викторович, как …?" / "— Они …": each dash opens a turn, questions and
                # answers in turn; the dash is the turn's mark, as a label would be.
                if current.label is not None or current.paragraphs:
                    segments.append(current)
                current = _Segment(None, [one_line(block.flat[opened.end() :])], asked=not current.asked)
                continue
            if emphasis and getattr(block, emphasis) != current.asked and index not in alone:
                # An interview whose questions are set in bold, answers in plain text, and no labels.
                if current.label is not None or current.paragraphs:
                    segments.append(current)
                current = _Segment(None, [], asked=getattr(block, emphasis))
            pieces = [(None, alone[index], True)] if index in alone else self._split_block(block)
            for piece, label, standalone in pieces:
                if label is not None and label.kind == LabelKind.OUTLET and base_key(label.name) in self.surnames:
                    label = replace(label, kind=LabelKind.PERSON)
                if label is not None and self._quoted_inside(label, current):
                    piece, label = one_line(f"{label.printed}{label.delimiter or ':'} {label.rest}"), None
                if label is not None:
                    if current.label is not None or current.paragraphs:
                        segments.append(current)
                    current = _Segment(label, held, standalone)
                    held = []
                    if label.rest.strip():
                        current.paragraphs.append(one_line(label.rest))
                elif (
                    piece
                    and block.heading
                    and emphasis != "heading"  # an interview's questions set as headings are no section titles
                    and (current.label or not current.paragraphs)
                    and len(piece.split()) <= 12
                ):
                    held.append(piece)
                elif piece:
                    current.paragraphs += [*held, piece]
                    held = []
        current.paragraphs += held
        if current.label is not None or current.paragraphs:
            segments.append(current)
        return _answers_after_questions(segments)

    def _quoted_inside(self, label: Label, current: _Segment) -> bool:
        """ "German Chancellor Scholz: “I think that …”" inside a press secretary's answer: a name used
        once, its words all in quotation marks, while someone else's turn goes on — a quotation."""
        words = label.rest.strip()
        return (
            label.kind == LabelKind.PERSON
            and plausible_name(strip_titles(label.name) or label.name)  # a person's, not "Perm Territory: “…”"
            and current.label is not None
            and self.label_uses[base_key(label.name)] == 1
            and words[:1] in '“"«„'
            and bool(words)
            and words.rstrip()[-1:] in '”"»“.'
            and ("”" in words or words.count('"') >= 2 or "»" in words)
        )

    def _labels_alone(self, blocks: list[Block], force: bool = False) -> dict[int, Label]:
        """Speaker labels on a line of their own ("THE PRESIDENT", a bold or heading name), the
        text following in the next paragraphs.

        A short name-like line is a label only as part of this document's grammar: its shape
        (capitals, bold, heading, plain) must be used for a dialogue — some name in that shape
        recurs — and a name used once must look like a speaker (a question marker, two or more
        name words, a title). Section headings in a speech recur in no shape, so stay text.
        """
        candidates: dict[int, tuple[Label, tuple]] = {}
        for index, block in enumerate(blocks[:-1]):
            label = _alone(block, self.known_labels)
            if label is not None and _starts_like_text(blocks[index + 1].flat):
                candidates[index] = (label, _shape(block, label))
        for index in list(candidates):
            if index + 1 in candidates:  # a list of names is not a dialogue
                candidates.pop(index + 1, None)
        names = Counter(base_key(label.name) for label, _ in candidates.values())
        dialogue_shapes = {shape for label, shape in candidates.values() if names[base_key(label.name)] >= 2}
        shape_sizes = Counter(shape for _, shape in candidates.values())
        title = base_key(self.title or "")
        accepted = {}
        for index, (label, shape) in candidates.items():
            if force:  # an editor said this file puts names on lines of their own
                accepted[index] = label
                continue
            known = _known_person(label, title)
            if not (shape in dialogue_shapes and shape_sizes[shape] >= 2 or dialogue_shapes and known):
                continue
            if names[base_key(label.name)] >= 2 or _looks_like_speaker(label) or known:
                accepted[index] = label
        return accepted

    def _split_block(self, block: Block):
        """Yield (paragraph, label, standalone) pieces; a block may hold several labelled lines."""
        if self.hints.label_style == "none":
            yield one_line(block.text), None, False
            return
        lines = block.text.split("\n")
        if block.text.lstrip().startswith(">>"):
            # Captions run voices together on a line: "… TO BE HERE. >> MR. SECRETARY, WHAT …".
            lines = [part for line in lines for part in re.split(r"\s+(?=>>\s)", line)]
        if _INLINE_QUESTION.match(block.text.lstrip()):
            # "问：……有何回应？答：中方……" / "Q: … now? A: We …": the answer after the question's mark.
            lines = [part for line in lines for part in _INLINE_ANSWER.split(line)]
        first = "\n".join(lines)
        label = match_label(
            one_line(first),
            bold_lead=block.bold_lead,
            known_single=self.known_labels,
            dashes=self.dashes,
            caps_fullstop=self._caps_fullstop,
        )
        if label and label.kind == LabelKind.METADATA:
            label = None
        if self.speaker_tags and (tagged := _TAG_COLON.match(one_line(first))):
            # "TAG: Thank you, …" where a key says who TAG is (a journalist's initials too).
            label = Label(tagged["tag"], tagged["tag"], None, one_line(first)[tagged.end() :], LabelKind.PERSON)
        long_label = _LONG_LABEL.match(one_line(first)) if label is None and self.long_labels else None
        if long_label and long_label["name"] in self.long_labels:
            # "Ms. Kanchana Patarachoke, Director-General of the Department of Information and Spokesperson
            # of the Ministry of Foreign Affairs:" — too long for a label's shape, but it recurs.
            printed = long_label["name"]
            name, _, office = printed.partition(",")
            label = Label(printed, name.strip(), office.strip(), one_line(first)[long_label.end() :], classify(printed))
        if label is None and block.all_bold and _title_only_label(block):
            name = block.flat
            yield None, Label(name, name, None, "", LabelKind.PERSON), True
            return
        if label is None and block.bold_lead and block.bold_lead.rstrip().endswith((":", "：")):
            # "<b>Name</b>:" or a bold label our shapes did not know; trust the typography.
            printed = block.bold_lead.rstrip(" :：")
            # Up to 8 words, or more in capitals: "DEPUTY CHIEF OF STAFF … PRESS SECRETARY DMITRY PESKOV".
            limit = 20 if printed.upper() == printed else 8
            if (
                0 < len(printed.split()) <= limit
                and not re.search(r"[.?!]$", printed)
                and not sentence_opening(printed)
            ):
                rest = one_line(first)[len(block.bold_lead) :].lstrip(" :：")
                kind = classify(printed)  # "Note for the CIS media:" is nobody, "Q:" asks
                if kind != LabelKind.METADATA and _reads_as_label(printed, kind):
                    label = Label(printed, printed, None, rest, kind)
        opened = _BRACKETED_OPENER.match(one_line(first)) if label is None and self.bracket_labels else None
        if opened and " ".join(opened["name"].split()) in self.bracket_labels:
            name = " ".join(opened["name"].split())
            label = Label(f"({name})", name, None, one_line(first)[opened.end() :], classify(name))
        lead = block.bold_lead.strip()
        if (
            label is None
            and lead
            and not block.all_bold
            and self.bold_openers[base_key(lead)] >= 2
            and not re.search(r"[.,;?!]$", lead)
            and (is_name_like(lead, known_single=self.known_labels) or classify(lead) != LabelKind.PERSON)
            and classify(lead) != LabelKind.METADATA
        ):
            # "<b>Sergey Lavrov</b> Good afternoon": the bold name is the label, colon or not.
            rest = one_line(first)[len(lead) :].lstrip(" :：-–—")
            label = Label(lead, lead, None, rest, classify(lead))
        # Split at later lines that start with a strict label (hard line breaks).
        parts: list[tuple[Label | None, list[str]]] = [(label, [])]
        for i, line in enumerate(lines):
            if i > 0:
                inner = match_label(
                    line,
                    known_single=self.known_labels,
                    strict=True,
                    dashes=self.dashes,
                    caps_fullstop=self._caps_fullstop,
                )
                if inner and inner.kind != LabelKind.METADATA:
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
            tagged={name: [tag] for tag, name in self.speaker_tags.items()},
            label_names=[s.label.name for s in segments if s.label and s.label.kind == LabelKind.PERSON],
            # The header, and an unlabelled opening paragraph ("… noon briefing by Stéphane Dujarric,
            # Spokesperson for the Secretary-General."): who holds which office.
            header="\n".join([*self.metadata_lines, *_opening_note(segments)]),
            front_matter=[*self.metadata_lines, *_opening_paragraphs(segments)],
            listed=self.listed,
            opening=" ".join(_opening_note(segments)),
        )
        principal = self.hints.speaker or resolver.principal() or self.hints.defaults.get("speaker")
        if principal and not self.hints.speaker:
            segments = _narrative_apart(segments, principal, self.title or "", principal == resolver.president)
        # "Answer:" where neither the title nor the header names whose: the one person the labels name
        # ("何亚东：" opens, then "问：" / "答：").
        sole = None if principal else _sole_named(segments, resolver)
        answerer = principal or sole
        # A podcast's "GUEST:": the one person its title names ("A conversation with Foreign Minister Penny Wong").
        guest = resolver.title_names[0] if len(resolver.title_names) == 1 else None
        turns: list[Turn] = []
        for segment in segments:
            label = segment.label
            if segment.narrative:
                turns.append(Turn(label=None, speaker=None, role="unlabelled", paragraphs=segment.paragraphs))
                continue
            if not segment.paragraphs and label is not None and not segment.standalone_label:
                # A label with nothing after it: keep it as an (empty) turn so nothing is lost.
                self.warnings.append(f"the label '{label.printed}' has no text after it")
            speaker = affiliation = None
            kind = label.kind if label else LabelKind.QUESTION if segment.asked else "unlabelled"
            if kind == LabelKind.PERSON and self.speaker_tags and _TAG.fullmatch(label.name):
                speaker = _tagged(label.name, self.speaker_tags, turns, resolver)
            elif kind == LabelKind.PERSON:
                speaker = resolver.resolve(label.name)
                if speaker is None and label.note and _NAME_NOTE.fullmatch(label.note):
                    speaker = resolver.resolve(label.note)  # "The Secretary of State … (David Lammy):"
                if speaker is None and _interviewed_by(self.title or "", label.name):
                    kind, affiliation = LabelKind.OUTLET, label.name  # "Interview … to the Kyiv Independent"
            elif kind == LabelKind.ANONYMOUS and label.note and _NAME_NOTE.fullmatch(label.note):
                speaker = resolver.resolve(label.note)  # "MODERATOR (Ned Price):" names who speaks
                kind = LabelKind.PERSON if speaker else kind
            elif kind == LabelKind.ANSWER:
                speaker = answerer or (guest if base_key(label.name) in ("guest", "interviewee") else None)
                if speaker == sole and turns and turns[-1].speaker == sole:
                    speaker = None  # "Response: In 2006." after the one named person asked: someone else
            elif kind == "unlabelled":
                speaker = principal
            elif kind == LabelKind.OUTLET:
                affiliation = label.name
            if label is not None and label.affiliation:
                affiliation = label.affiliation
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
        # The key's own people (the organisation's officials); not those of a title's initials (an interviewer).
        keyed = set() if self.tags_are_initials else {resolver.resolve(n) or n for n in self.speaker_tags.values()}
        _mark_journalists(turns, _officials(turns, resolver) | keyed)
        assign_roles(turns, hearing=bool(HEARING.search(self.title or "")))
        return turns

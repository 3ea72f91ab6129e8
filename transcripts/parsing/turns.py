"""The body: blocks into labelled segments, segments into turns with resolved speakers."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from transcripts.parsing.blocks import (
    Block,
    one_line,
)
from transcripts.parsing.labels import Label, base_key, match_label
from transcripts.parsing.model import Turn
from transcripts.parsing.people import Resolver
from transcripts.parsing.roles import assign_roles


@dataclass
class _Segment:
    label: Label | None
    paragraphs: list[str]
    standalone_label: bool = False


def _rest_of(body: str, label: Label) -> str:
    index = body.find(label.rest[:20]) if label.rest else -1
    return body[index:] if index >= 0 else label.rest


_ALONE_MAX_CHARS = 100
_NOT_NAMES = {"ok", "okay", "yes", "no", "end", "note", "update", "thanks", "thank you", "applause", "laughter"}


def _alone(block: Block, known: frozenset) -> Label | None:
    """The label a block would be if it stood alone on its line."""
    text = block.flat
    if len(text) > _ALONE_MAX_CHARS or "\n" in block.text.strip() and not block.all_bold:
        return None
    name = text.strip()
    if not name or name[-1] in ".,;!?…:：" and not re.search(r"\b(?:MR|MRS|MS|DR|Mr|Mrs|Ms|Dr)\.$", name):
        return None
    if base_key(name) in _NOT_NAMES:
        return None
    label = match_label(name + ": X", known_single=known, dashes=False)
    if label is None or label.kind == "metadata" or label.rest != "X":
        return None
    label.rest, label.delimiter = "", ""
    return label


def _shape(block: Block) -> tuple:
    letters = re.sub(r"[^\w]|[\d_]", "", block.flat)
    return ("heading" if block.heading else "bold" if block.all_bold else "plain", letters.isupper())


def _starts_like_text(text: str) -> bool:
    if text[:1] in "([—–-…":  # an editorial note "(without microphone)", or speech resumed "— and we"
        return True
    first = text.lstrip("\"“‘'« ")[:1]
    return bool(first) and (first.isupper() or first.isdigit() or not first.isalpha() or _is_cjk(first))


def _is_cjk(ch: str) -> bool:
    return "\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff"


def _looks_like_speaker(label: Label) -> bool:
    if label.kind in ("question", "answer", "anonymous", "outlet"):
        return True
    words = label.name.split()
    return len(words) >= 2 or bool(label.note)


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


class TurnReader:
    """The turns half of the builder (see structure._Builder)."""

    def _segments(self, blocks: list[Block]) -> list[_Segment]:
        # First pass: which names are used as labels at the start of a paragraph.
        known = set()
        dashed = 0
        for block in blocks:
            label = match_label(block.flat, bold_lead=block.bold_lead)
            if label and label.kind in ("person", "outlet", "anonymous"):
                known.add(base_key(label.name))
                known.add(base_key(label.name.split()[-1]))
            if label and label.kind != "metadata":
                # ".-" is a delimiter wherever it stands; "Q —" may be a question opening with a dash.
                dashed += label.delimiter == ".-" or (
                    label.delimiter == "—" and label.kind not in ("question", "answer")
                )
        self.known_labels = frozenset(known)
        # This document's grammar: do its speaker labels end in dashes?
        self.dashes = dashed >= 2
        alone = self._labels_alone(blocks)
        segments: list[_Segment] = []
        current = _Segment(None, [])
        for index, block in enumerate(blocks):
            pieces = [(None, alone[index], True)] if index in alone else self._split_block(block)
            for piece, label, standalone in pieces:
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

    def _labels_alone(self, blocks: list[Block]) -> dict[int, Label]:
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
                candidates[index] = (label, _shape(block))
        for index in list(candidates):
            if index + 1 in candidates:  # a list of names is not a dialogue
                candidates.pop(index + 1, None)
        names = Counter(base_key(label.name) for label, _ in candidates.values())
        dialogue_shapes = {shape for label, shape in candidates.values() if names[base_key(label.name)] >= 2}
        shape_sizes = Counter(shape for _, shape in candidates.values())
        accepted = {}
        for index, (label, shape) in candidates.items():
            if shape not in dialogue_shapes or shape_sizes[shape] < 2:
                continue
            if names[base_key(label.name)] >= 2 or _looks_like_speaker(label):
                accepted[index] = label
        return accepted

    def _split_block(self, block: Block):
        """Yield (paragraph, label, standalone) pieces; a block may hold several labelled lines."""
        lines = block.text.split("\n")
        first = "\n".join(lines)
        label = match_label(
            one_line(first), bold_lead=block.bold_lead, known_single=self.known_labels, dashes=self.dashes
        )
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
                inner = match_label(line, known_single=self.known_labels, strict=True, dashes=self.dashes)
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
            header="\n".join(self.metadata_lines),
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
        assign_roles(turns)
        return turns

"""The gold transcripts of ../shared/gold as turns to render (speakers from the gold, text from
the source file), and a scorer: render in a convention, parse, compare turn by turn."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tests.conftest import gold_files, load_gold, source_of
from tests.styles.render import CONVENTIONS, Rendered, Turn, render
from transcripts.parsing import parse_transcript

OUTLETS = ["Reuters", "AFP", "Bloomberg", "NHK", "EFE", "TASS", "CNN", "Le Monde"]


@dataclass
class GoldTranscript:
    name: str
    title: str
    date: dt.date
    turns: list[Turn]
    labels: list[str | None]


def gold_transcripts() -> list[GoldTranscript]:
    out = []
    for path in gold_files():
        gold = load_gold(path)
        source = source_of(gold)
        parsed = parse_transcript(source.read_bytes(), source.name)
        if len(parsed.turns) != len(gold["utterances"]):
            continue
        turns, labels = [], []
        for n, (want, got) in enumerate(zip(gold["utterances"], parsed.turns, strict=True)):
            outlet = OUTLETS[n % len(OUTLETS)] if want["role"] == "question" and not want["speaker"] else None
            marker = want["label"] if not want["speaker"] and want["role"] != "question" else None
            turns.append(Turn(want["speaker"], list(got.paragraphs), outlet, marker))
            labels.append(want["label"])
        out.append(GoldTranscript(path.name.split(".gold")[0], gold["title"], dt.date.fromisoformat(gold["date"]),
                                  turns, labels))  # fmt: skip
    return out


def _flat(paragraphs: list[str]) -> str:
    return " ".join(" ".join(paragraphs).split())


@dataclass
class Score:
    turns_expected: int = 0
    turns_found: int = 0
    turns_matched: int = 0  # same text at the same position
    speakers_right: int = 0
    speakers_expected: int = 0
    title_right: int = 0
    date_right: int = 0
    files: int = 0

    def add(self, other: Score) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def f1(self) -> float:
        p = self.turns_matched / self.turns_found if self.turns_found else 0
        r = self.turns_matched / self.turns_expected if self.turns_expected else 0
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_right / self.speakers_expected if self.speakers_expected else 1.0


def score(rendered: Rendered, title: str, date: dt.date) -> Score:
    parsed = parse_transcript(rendered.data, rendered.name)
    expected = [_flat(t.paragraphs) for t in rendered.turns]
    found = [_flat(t.paragraphs) for t in parsed.turns]
    result = Score(len(expected), len(found), files=1)
    result.title_right = int(parsed.title == title)
    result.date_right = int(parsed.date == date)
    # Turns matched in order (a longest common subsequence of equal texts).
    matches = _aligned(expected, found)
    result.turns_matched = len(matches)
    for i, j in matches:
        want = rendered.turns[i].speaker
        if want:
            result.speakers_expected += 1
            result.speakers_right += int(parsed.turns[j].speaker == want)
    unmatched_named = sum(1 for i, t in enumerate(rendered.turns) if t.speaker and i not in {m[0] for m in matches})
    result.speakers_expected += unmatched_named
    return result


def _aligned(a: list[str], b: list[str]) -> list[tuple[int, int]]:
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) - 1, -1, -1):
        for j in range(len(b) - 1, -1, -1):
            table[i][j] = table[i + 1][j + 1] + 1 if a[i] == b[j] else max(table[i + 1][j], table[i][j + 1])
    out, i, j = [], 0, 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            out.append((i, j))
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return out


def variants(gold: GoldTranscript) -> list[tuple[str, Rendered, str]]:
    """(convention, rendered file, expected title) for every convention, plus the two that change
    the content: a header naming the president, a form of address inside a turn."""
    out = [(c, render(gold.title, gold.date, gold.turns, c), gold.title) for c in CONVENTIONS]
    out.append(("es_markers", render(gold.title, gold.date, gold.turns, "colon", lang="es"), gold.title))
    out.append(("ru_markers", render(gold.title, gold.date, gold.turns, "colon", lang="ru"), gold.title))
    named = [t.speaker for t in gold.turns if t.speaker]
    if named:
        principal = max(set(named), key=named.count)
        title = f"Remarks by President {principal} at a news conference"
        turns = [Turn(t.speaker, t.paragraphs, t.outlet, t.marker) for t in gold.turns]
        rendered = render(title, gold.date, turns, "caps_colon_alone")
        text = rendered.data.decode().replace(f"\n{principal.upper()}:\n", "\nTHE PRESIDENT:\n")
        out.append(("president_header", Rendered("president_header.txt", text.encode(), turns), title))
        longest = max((t for t in gold.turns if t.speaker), key=lambda t: len(t.paragraphs))
        if len(longest.paragraphs) >= 2:
            other = next((n for n in named if n != longest.speaker), "Biden Smith")
            address = f"President {other.split()[-1]}: you hold the key to this, and we expect an answer."
            turns = [Turn(t.speaker, t.paragraphs, t.outlet, t.marker) for t in gold.turns]
            target = turns[gold.turns.index(longest)]
            target.paragraphs = [target.paragraphs[0], address, *target.paragraphs[1:]]
            out.append(("address_inside", render(gold.title, gold.date, turns, "colon"), gold.title))
    return out

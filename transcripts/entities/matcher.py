"""Find thousands of aliases in a text in one pass (Aho-Corasick), on word boundaries.

Matching runs over a folded copy of the text with exactly the same length (accents
removed, one character for one), so positions in the copy are positions in the
original. Acronym aliases (US, UN, NATO) match only in capitals; every other alias
matches in any case but must start with a capital in the text, so "turkey" and
"china" the ordinary words are not countries.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from transcripts.entities.gazetteer import EntityRef


class _FoldTable(dict):
    """str.translate table filled on first sight of each character: its base letter, one for one."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        if len(base) != 1:
            base = ch  # ligatures and the like stay as they are: one character for one
        base = {"’": "'", "‘": "'", "–": "-", "—": "-", "\u00a0": " "}.get(base, base)
        self[code] = base
        return base


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Accents and typographic quotes normalised; the same length as `text`."""
    if text.isascii():
        return text
    return text.translate(_FOLD)


def lower_same_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)  # "İ" lowers to two


def is_acronym(alias: str) -> bool:
    letters = [ch for ch in alias if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters) and len(letters) <= 6


def _is_cjk(ch: str) -> bool:
    return "\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff"


def _is_katakana(ch: str) -> bool:
    return "\u30a0" <= ch <= "\u30ff"


class Prepared:
    """A text folded and lowered once, for several matchers to search."""

    __slots__ = ("text", "folded", "lowered", "_word_starts")

    def __init__(self, text: str):
        self.text = text
        self.folded = fold(text)
        self.lowered = lower_same_length(self.folded)
        self._word_starts = None

    def word_starts(self) -> frozenset[int]:
        """Where jieba starts a word in this text's Chinese: a Chinese name matches only there, so
        关岛 (Guam) is not found in 有关岛屿 ("the islands concerned"). Cut once, on first need."""
        if self._word_starts is None:
            from transcripts.textindex import word_starts

            self._word_starts = word_starts(self.text)
        return self._word_starts


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    ref: EntityRef


class Matcher:
    def __init__(self, aliases: Iterable[tuple[str, EntityRef]]):
        self._exact = ahocorasick.Automaton()
        self._folded = ahocorasick.Automaton()
        for alias, ref in aliases:
            alias = " ".join(alias.split())
            if len(alias) < 2:
                continue
            if is_acronym(alias):
                automaton, key = self._exact, fold(alias)
            else:
                automaton, key = self._folded, lower_same_length(fold(alias))
            # The first entity to claim an alias keeps it (gazetteer order: countries,
            # organisations, places, people; then the transcript's own names).
            if key not in automaton:
                automaton.add_word(key, (len(key), ref))
        self._exact.make_automaton() if len(self._exact) else None
        self._folded.make_automaton() if len(self._folded) else None

    def find(self, text: str | Prepared) -> list[Match]:
        """Non-overlapping matches, the longest winning, in text order."""
        prepared = text if isinstance(text, Prepared) else Prepared(text)
        text = prepared.text
        candidates: list[Match] = []
        for automaton, haystack, needs_capital in (
            (self._exact, prepared.folded, False),
            (self._folded, prepared.lowered, True),
        ):
            if not len(automaton):
                continue
            for end, (length, ref) in automaton.iter(haystack):
                start = end - length + 1
                if not _on_word_boundaries(text, start, end + 1):
                    continue
                first = text[start]
                if needs_capital and first.islower():  # scripts without capitals (Arabic, Han) pass
                    continue
                if _is_katakana(first) or _is_katakana(text[end]):
                    # Japanese names in katakana (ロシア): a whole run of katakana, not part of a longer one.
                    before = text[start - 1] if start > 0 else " "
                    after = text[end + 1] if end + 1 < len(text) else " "
                    if _is_katakana(before) and _is_katakana(first) or _is_katakana(after) and _is_katakana(text[end]):
                        continue
                elif _is_cjk(first) and start not in prepared.word_starts():
                    continue
                candidates.append(Match(start, end + 1, ref))
        candidates.sort(key=lambda m: (m.start, -(m.end - m.start)))
        chosen: list[Match] = []
        last_end = -1
        for match in candidates:
            if match.start >= last_end:
                chosen.append(match)
                last_end = match.end
        return chosen


_HANGUL = re.compile(r"[\uac00-\ud7af]")
_ARABIC_PREFIX = re.compile(r"[وفبلك]")


def _on_word_boundaries(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    first, last = text[start], text[end - 1]
    if _HANGUL.match(last) and _HANGUL.match(after):
        after = " "  # a Korean particle follows the noun: "중국과", "러시아는"
    if _ARABIC_PREFIX.match(before) and (start < 2 or not text[start - 2].isalnum()):
        before = " "  # "and", "for", "with" written onto the word: "والصين", "لروسيا"
    if (before.isalnum() and not (_is_cjk(before) or _is_cjk(first))) or (
        after.isalnum() and not (_is_cjk(after) or _is_cjk(last))
    ):
        return False
    # "O'Brien" is not a mention of someone called Brien; French "l’Allemagne", "d’Iran" are mentions.
    elided = start > 1 and text[start - 2] in "lLdD" and (start < 3 or not text[start - 3].isalnum())
    return not (before in "'’" and start > 1 and text[start - 2].isalpha() and not elided)

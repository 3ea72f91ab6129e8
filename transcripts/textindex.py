"""What the search index reads of a turn: its text, with Chinese made searchable.

PostgreSQL's parser takes a run of Han characters as one token, so "美国" could never be found in
"美国和中国". Han runs are indexed as overlapping two-character pieces ("美国 国和 和中 中国"),
after folding traditional characters to simplified, so any exact string of two or more characters
is found — names and words no dictionary knows included — and 臺灣 finds 台湾. Queries are cut
into words by jieba (the same folding first), each word searched as its run of pieces.

Spoken stutters are read once: transcripts print "we — we will", "the — the", a quote in the press
reads "we will"; both the index and a quoted query read "we will", so the quote is found as the
archive printed it and as the press cleaned it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


@lru_cache(maxsize=1)
def _traditional_to_simplified() -> dict[int, str]:
    """OpenCC's character table (one character for one, so positions stay put)."""
    table: dict[int, str] = {}
    text = resources.files("opencc").joinpath("dictionary/TSCharacters.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        source, _, targets = line.partition("\t")
        target = targets.split(" ")[0] if targets else ""
        if len(source) == 1 and len(target) == 1:
            table[ord(source)] = target
    return table


def fold_chinese(text: str) -> str:
    """Traditional characters as simplified, one for one (same length)."""
    return text.translate(_traditional_to_simplified()) if HAN.search(text) else text


def pieces(run: str) -> str:
    """ "中美关系" → "中美 美关 关系"; a single character stays itself."""
    return " ".join(run[i : i + 2] for i in range(len(run) - 1)) or run


# One to three words said again after a dash: "we — we", "the — the", "I think — I think". The words
# are taken whole (possessive: a word cut short cannot stand before the dash anyway), half the time of
# trying every shorter prefix of each word at each position (76 -> 36 us a White House turn).
_STUTTER = re.compile(r"\b(\w++(?:[ '’]\w++){0,2})(?:\s*[—–]+\s*|\s+--?\s+)\1\b", re.I)


_SPACED_HYPHEN = re.compile(r"\s-")


def unstuttered(text: str) -> str:
    """ "We — we will — we will not" → "We will not"."""
    if "—" not in text and "–" not in text and not _SPACED_HYPHEN.search(text):
        return text  # nothing to look for (the pattern at every word of a long turn is costly)
    while (cleaner := _STUTTER.sub(r"\1", text)) != text:
        text = cleaner
    return text


# The same words said twice with no dash between, as a quote is often pasted: "I mean I mean the".
_REPEATED = re.compile(r"\b(\w+(?:[ '’]\w+){0,2})\s+\1\b", re.I)


def quoted_words(text: str) -> str:
    """A quoted phrase as the index reads it, stutters once: "no I mean — I mean the" and "no i mean i
    mean the" → "no I mean the". Only the query's repeats go: "very very good" still holds "very good"."""
    text = unstuttered(text)
    while (cleaner := _REPEATED.sub(r"\1", text)) != text:
        text = cleaner
    return text


# Where two runs of Chinese meet across punctuation only ("变化，中方"), the index also holds the two
# characters that meet, marked ("化中x"): a quote retyped without the comma ("变化中方") is found by
# asking, inside the phrase, for either piece (query.py). The mark keeps them apart from the text's
# own pieces, so "中国" is not found in "谈判中，国际".
JUNCTION = "x"
_BETWEEN_RUNS = re.compile(r"[^\w]{1,4}")


def _chinese_indexed(text: str, junctions: bool = True) -> str:
    runs = list(HAN.finditer(text))
    joined = [
        junctions and bool(_BETWEEN_RUNS.fullmatch(text[a.end() : b.start()])) for a, b in zip(runs, runs[1:])
    ]  # fmt: skip
    out, last = [], 0
    for i, run in enumerate(runs):
        before, after = i > 0 and joined[i - 1], i < len(joined) and joined[i]
        out.append(text[last : run.start()])
        if before:
            out.append(f" {runs[i - 1].group()[-1]}{run.group()[0]}{JUNCTION} ")
        # A character alone between junctions is in them ("，是，"); kept alone, it would stand
        # between the pieces a quote typed without the commas asks for.
        out.append(f" {pieces(run.group())} " if len(run.group()) > 1 or not (before or after) else " ")
        last = run.end()
    out.append(text[last:])
    return "".join(out)


def index_text(text: str, junctions: bool = True) -> str:
    """The text the search vectors are built from, when it differs from the turn's text ("" if not)."""
    source = unstuttered(text)
    if HAN.search(source):
        source = _chinese_indexed(fold_chinese(source), junctions)
    return source if source != text else ""


def has_han(text: str) -> bool:
    return bool(HAN.search(text))


@lru_cache(maxsize=1)
def _jieba():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


def han_words(text: str) -> list[str]:
    """The Chinese words of a query, folded: "中美关系发展" → ["中美关系", "发展"]."""
    words = []
    for run in HAN.findall(fold_chinese(text)):
        words.extend(w for w in _jieba().cut(run) if w.strip())
    return words


def word_starts(text: str) -> frozenset[int]:
    """Offsets in `text` where a word starts, Chinese cut by jieba (same length after folding)."""
    starts: set[int] = set()
    for match in HAN.finditer(text):
        position = match.start()
        for word in _jieba().cut(fold_chinese(match.group())):
            starts.add(position)
            position += len(word)
    return frozenset(starts)

"""Hostile transcript files, made on demand: each (file name, bytes, what must happen).

"created": stored (cleaned); "failed": refused with a message that names the problem (the
expected words are given). Used by tests/test_hostile_files.py through the command, the admin
and ingest_bytes alike.
"""

from __future__ import annotations

import json

GOOD_TEXT = "Press conference on trade\n\nQ: What about Italy and Brazil?\n\nMR. SMITH: Italy and Brazil agree.\n"


def export(**overrides) -> bytes:
    """A valid Verbatim JSON export with some fields replaced."""
    document = {
        "format": "verbatim-transcript",
        "version": 1,
        "title": "Exported press conference",
        "date": "2024-03-01",
        "language": "en",
        "utterances": [
            {"sequence": 1, "speaker": "John Smith", "label": "MR. SMITH", "role": "statement",
             "text": "Italy and Brazil signed the agreement."},
            {"sequence": 2, "speaker": None, "label": "Q", "role": "question", "text": "What about Italy?"},
        ],
    }  # fmt: skip
    for key, value in overrides.items():
        if key.startswith("turn_"):
            document["utterances"][0][key[5:]] = value
        else:
            document[key] = value
    return json.dumps(document).encode()


def _alias_bomb() -> bytes:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for previous, name in zip("abcdef", "bcdefg"):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    return ("---\n" + "\n".join(lines) + "\ntitle: *g\n---\n\nQ: Is it safe?\n").encode()


def hostile_files() -> list[tuple[str, bytes, str, str]]:
    """(name, content, expected status, words the message must contain)."""
    distinct = " ".join(f"w{n:x}q" for n in range(400_000))  # ~2.8 MB of distinct words
    return [
        ("nul-in-export.json", export(turn_text="Italy\u0000 and Brazil\u0001 signed."), "created", ""),
        ("control-in-title.json", export(title="Exported \u0001press\u0007 conference"), "created", ""),
        ("surrogate-in-text.json", export(turn_text="Italy \ud800 signed."), "created", ""),
        ("speaker-number.json", export(turn_speaker=5), "failed", "speaker"),
        ("speaker-object.json", export(turn_speaker={"name": "x"}), "failed", "speaker"),
        ("language-number.json", export(language=7), "failed", "language"),
        ("url-number.json", export(source_url=12), "failed", "source_url"),
        ("publisher-object.json", export(publisher={"name": "x"}), "failed", "publisher"),
        ("text-list.json", export(turn_text=["a", "b"]), "failed", "text"),
        ("answers-bool.json", export(turn_answers=True), "failed", "answers"),
        ("nested.json", b'{"format": "verbatim-transcript", "version": 1, "x": ' + b"[" * 100_000, "failed", "nested"),
        ("bad-date.md", b"---\ntitle: Trade talks\ndate: 2019-02-30\n---\n\n" + GOOD_TEXT.encode(), "created", ""),
        ("url-number.md", b"---\ntitle: Trade talks\nsource_url: 12345\n---\n\n" + GOOD_TEXT.encode(), "created", ""),
        ("alias-bomb.md", _alias_bomb(), "failed", "aliases"),
        ("bad-time.html", b'<html><body><span class="read__time">99:99</span><h1>Talks</h1><p>Q: Italy?</p>'
                          b"<p>MR. SMITH: Italy agrees.</p></body></html>", "created", ""),
        ("one-huge-turn.txt", f"Statement\n\nMR. SMITH: {distinct}\n".encode(), "failed", "characters long"),
        ("utf16-no-bom.txt", GOOD_TEXT.encode("utf-16-le"), "created", ""),
        ("controls.txt", GOOD_TEXT.replace("agree", "agr\u0002ee\u001b").encode(), "created", ""),
    ]  # fmt: skip

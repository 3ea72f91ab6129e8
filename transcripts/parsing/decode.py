"""Bytes to text: refuse what is not a transcript, guess the encoding of what is."""

from __future__ import annotations

from transcripts.parsing.model import TranscriptError

BINARY_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or a Word/OpenDocument file)",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
    b"\x1f\x8b": "a gzip archive",
    b"RIFF": "a RIFF media file",
    b"\x7fELF": "an executable",
}

# Letters that Windows-1251 Cyrillic text is made of; used to tell it from Windows-1252.
_CP1251_CYRILLIC = set(range(0xC0, 0x100)) | {0xA8, 0xB8}


def decode_bytes(data: bytes) -> str:
    """Decode a transcript file; raise TranscriptError for empty or binary input."""
    if not data or not data.strip():
        raise TranscriptError("the file is empty", "whole file")
    for signature, what in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise TranscriptError(f"this is {what}, not a text, HTML or Markdown transcript", "first bytes")
    if data.startswith(b"\xef\xbb\xbf"):
        return _clean(data[3:].decode("utf-8", errors="replace"))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _clean(data.decode("utf-16", errors="replace"))
    sample = data[:65536]
    if sample.count(b"\x00") > max(1, len(sample) // 100):
        raise TranscriptError("the file is binary (it contains NUL bytes)", "first 64 KiB")
    try:
        return _clean(data.decode("utf-8"))
    except UnicodeDecodeError as err:
        utf8_error = err
    high = [b for b in sample if b >= 0x80]
    if high:
        cyrillic = sum(1 for b in high if b in _CP1251_CYRILLIC)
        encoding = "cp1251" if cyrillic / len(high) > 0.7 else "cp1252"
        text = data.decode(encoding, errors="replace")
        # Mostly-valid UTF-8 with a few bad bytes is more likely damaged UTF-8.
        if _looks_like_damaged_utf8(data, utf8_error):
            text = data.decode("utf-8", errors="replace")
        return _clean(text)
    return _clean(data.decode("utf-8", errors="replace"))


def _looks_like_damaged_utf8(data: bytes, error: UnicodeDecodeError) -> bool:
    decoded = data.decode("utf-8", errors="replace")
    bad = decoded.count("\ufffd")
    multibyte = sum(1 for ch in decoded if ord(ch) > 0x7F) - bad
    return multibyte > bad * 4


# C0 control characters other than tab, newline and form feed: never text, and NUL cannot be stored.
_CONTROL = {code: None for code in (*range(0, 9), 11, *range(14, 32), 127)}


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    control = [text.count(ch) for ch in map(chr, range(1, 9))]
    if sum(control) > max(8, len(text) // 50):
        raise TranscriptError("the file is binary (it is full of control characters)", "whole file")
    return text.translate(_CONTROL)

"""Bytes to text: refuse what is not a transcript, guess the encoding of what is."""

from __future__ import annotations

from transcripts.parsing.model import TranscriptError
from transcripts.parsing.text import clean_text, control_share

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
    bomless = _utf16_without_bom(sample)
    if bomless:
        return _clean(data.decode(bomless, errors="replace"))
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


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 saved without a byte-order mark: text in Latin or Cyrillic script has a zero or a
    constant high byte in every other position. Binary data has no such rhythm."""
    pairs = len(sample) // 2
    if pairs < 8:
        return None
    even, odd = sample[0 : pairs * 2 : 2], sample[1 : pairs * 2 : 2]
    for encoding, low, high in (("utf-16-le", even, odd), ("utf-16-be", odd, even)):
        if high.count(0) < 0.05 * pairs or low.count(0) > 0.02 * pairs:
            continue  # asked first: counting every other byte value is slow, and most text stops here
        common = max(set(high) - {0}, key=high.count, default=0)
        rhythm = high.count(0) + (high.count(common) if common else 0)
        if rhythm >= 0.9 * pairs and high.count(0) >= 0.05 * pairs and low.count(0) <= 0.02 * pairs:
            try:
                text = sample[: pairs * 2].decode(encoding)
            except UnicodeDecodeError:
                continue
            letters = sum(1 for ch in text if ch.isprintable() or ch in "\n\r\t")
            if letters >= 0.95 * len(text):
                return encoding
    return None


def _looks_like_damaged_utf8(data: bytes, error: UnicodeDecodeError) -> bool:
    decoded = data.decode("utf-8", errors="replace")
    bad = decoded.count("\ufffd")
    multibyte = sum(1 for ch in decoded if ord(ch) > 0x7F) - bad
    return multibyte > bad * 4


def _clean(text: str) -> str:
    if control_share(text) > max(8, len(text) // 50):
        raise TranscriptError("the file is binary (it is full of control characters)", "whole file")
    return clean_text(text)

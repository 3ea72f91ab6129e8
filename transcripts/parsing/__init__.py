"""Transcript parsing: bytes in, a ParsedTranscript out. Pure Python, no Django."""

from transcripts.parsing.model import Hints, ParsedTranscript, TranscriptError, Turn
from transcripts.parsing.structure import parse_transcript

__all__ = ["Hints", "ParsedTranscript", "TranscriptError", "Turn", "parse_transcript"]

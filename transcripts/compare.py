"""Speakers side by side: what each said per year, and what each talks about more than the
archive as a whole ("distinctive": Dunning's log-likelihood, G², of a 2×2 table — this speaker's
turns against all turns — for each entity and each word)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, Q, Sum
from django.db.models.functions import ExtractYear

from transcripts.models import Entity, Lexeme, Speaker, Utterance
from transcripts.querysets import TURN_WORDS

MAX_SPEAKERS = 5
# Words are counted in each speaker's most recent turns, up to this many (ts_stat reads them all).
WORD_SAMPLE = 5_000


def log_likelihood(a: int, c: int, b: int, d: int) -> float:
    """G² for a word (or entity) in `a` of a speaker's `c` turns and `b` of the archive's `d`
    turns (the speaker's included), signed: negative when the speaker uses it less than the rest."""
    rest, rest_total = b - a, d - c
    if c <= 0 or rest_total <= 0 or a + rest <= 0:
        return 0.0
    expected_a = c * (a + rest) / (c + rest_total)
    expected_rest = rest_total * (a + rest) / (c + rest_total)
    g2 = 2 * sum(o * math.log(o / e) for o, e in ((a, expected_a), (rest, expected_rest)) if o > 0 and e > 0)
    return g2 if a / c >= (rest / rest_total if rest_total else 0) else -g2


@dataclass
class Column:
    speaker: Speaker
    turns: int = 0
    words: int = 0
    transcripts: int = 0
    questions: int = 0
    answers: int = 0
    entities: list[tuple[Entity, int, float]] = field(default_factory=list)  # (entity, turns, G²)
    words_used: list[tuple[str, int, float]] = field(default_factory=list)  # (word, turns, G²)


def compare(speakers: list[Speaker], top: int = 10) -> tuple[list[Column], list[dict]]:
    """One column per speaker, and rows of turns and words per year for all of them."""
    columns = {s.pk: Column(s) for s in speakers}
    ids = list(columns)
    totals = (
        Utterance.objects.filter(speaker__in=ids)
        .values("speaker")
        .annotate(
            turns=Count("id"),
            words=Sum(TURN_WORDS),
            transcripts=Count("event", distinct=True),
            questions=Count("id", filter=Q(role=Utterance.Role.QUESTION)),
            answers=Count("id", filter=Q(role=Utterance.Role.ANSWER)),
        )
    )
    for row in totals:
        column = columns[row["speaker"]]
        for name in ("turns", "words", "transcripts", "questions", "answers"):
            setattr(column, name, row[name] or 0)
    per_year: dict[int, dict] = {}
    rows = (
        Utterance.objects.filter(speaker__in=ids, event_date__isnull=False)
        .annotate(year=ExtractYear("event_date"))
        .values("year", "speaker")
        .annotate(turns=Count("id"), words=Sum(TURN_WORDS))
    )
    for row in rows:
        per_year.setdefault(row["year"], {})[row["speaker"]] = (row["turns"], row["words"] or 0)
    years = [{"year": year, "cells": [per_year[year].get(pk, (0, 0)) for pk in ids]} for year in sorted(per_year)]
    # How many turns the archive holds, as the word statistics keep it (exact, no count(*)).
    archive_turns = Lexeme.objects.filter(kind="n", lexeme="").values_list("turns", flat=True).first() or 0
    _distinctive_entities(columns, archive_turns, top)
    _distinctive_words(columns, archive_turns, top)
    return list(columns.values()), years


def _distinctive_entities(columns: dict[int, Column], archive_turns: int, top: int) -> None:
    rows = (
        Entity.objects.filter(mentions__utterance__speaker__in=list(columns), rejected=False)
        .values("pk", "mentions__utterance__speaker")
        .annotate(n=Count("mentions"))
    )
    counts: dict[int, dict[int, int]] = {}
    for row in rows:
        counts.setdefault(row["mentions__utterance__speaker"], {})[row["pk"]] = row["n"]
    wanted = {pk for found in counts.values() for pk in found}
    entities = Entity.objects.in_bulk(list(wanted))
    for speaker, found in counts.items():
        column = columns[speaker]
        scored = [
            (entities[pk], n, log_likelihood(n, column.turns, entities[pk].mention_count, archive_turns))
            for pk, n in found.items()
            if n >= 2
        ]
        column.entities = sorted((s for s in scored if s[2] > 0), key=lambda s: -s[2])[:top]


def _distinctive_words(columns: dict[int, Column], archive_turns: int, top: int) -> None:
    if not archive_turns:
        return
    with connection.cursor() as cursor:
        for pk, column in columns.items():
            # The speaker's most recent turns (an int is all that goes into ts_stat's query text).
            inner = (
                f"SELECT search_vector FROM transcripts_utterance WHERE speaker_id = {int(pk)} "
                f"ORDER BY id DESC LIMIT {WORD_SAMPLE}"
            )
            cursor.execute(
                "SELECT s.word, s.ndoc, l.turns, "
                "(SELECT count(*) FROM (SELECT 1 FROM transcripts_utterance WHERE speaker_id = %s LIMIT %s) t) "
                "FROM ts_stat(%s) s JOIN transcripts_lexeme l ON l.kind = 's' AND l.lexeme = s.word "
                "WHERE s.ndoc >= 3 AND length(s.word) > 2",
                [pk, WORD_SAMPLE, inner],
            )
            rows = cursor.fetchall()
            sampled = rows[0][3] if rows else 0
            scored = [(word, n, log_likelihood(n, sampled, turns, archive_turns)) for word, n, turns, _ in rows]
            column.words_used = sorted((s for s in scored if s[2] > 0), key=lambda s: -s[2])[:top]
            _surface_forms(cursor, column, pk)


def _surface_forms(cursor, column: Column, speaker_id: int) -> None:
    """Stems as the speaker wrote them most often ("negoti" → "negotiations")."""
    stems = [word for word, _, _ in column.words_used]
    if not stems:
        return
    inner = (
        f"SELECT exact_vector FROM transcripts_utterance WHERE speaker_id = {int(speaker_id)} "
        f"AND search_config = 'verbatim_english' ORDER BY id DESC LIMIT {WORD_SAMPLE}"
    )
    cursor.execute(
        "SELECT DISTINCT ON (stem) stem, word FROM (SELECT word, ndoc, (ts_lexize('english_stem', word))[1] AS stem "
        "FROM ts_stat(%s)) x WHERE stem = ANY(%s) ORDER BY stem, ndoc DESC",
        [inner, stems],
    )
    written = dict(cursor.fetchall())
    column.words_used = [(written.get(word, word), n, g2) for word, n, g2 in column.words_used]

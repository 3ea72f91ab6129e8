"""Relevance: BM25 over the turns' search vectors, with the archive's own word statistics.

For each word of the query, its inverse document frequency comes from `transcripts_lexeme`
(kept current by triggers, transcripts/search_sql.py), its frequency in a turn from the turn's
tsvector, and a turn's length is the number of distinct words in it. PostgreSQL has no function
that returns a word's count in a tsvector cheaply, but `ts_rank` of a one-word query is exactly
0.1 · Σ_{j≤tf} 1/j² / 1.64493 — so tf is read back from it in SQL, one binary search per word and
turn. Quoted phrases count as present or not, weighted by their rarest word; a Chinese word counts
as often as its rarest two-character piece (read the same way).
Turns with every word and the words close together get a bonus (cover density), so "sanctions
against Russia" stays on Russia. A word that names a speaker counts once in each of that speaker's
turns, as if the turn were signed with it. The sum is scaled by the share of the query (each word
by its idf) the turn holds, so repeating one word does not beat having them all.

See docs/ranking.md for what was measured and why this shape.
"""

from __future__ import annotations

import math

from django.db.models import FloatField
from django.db.models.expressions import RawSQL

from transcripts.query import TABLE, Leaf, TextQuery
from transcripts.textindex import han_words, has_han

K1 = 1.2
B = 0.75
PHRASE_WEIGHT = 1.5  # a quoted phrase counts as much as one and a half of its rarest word
PROXIMITY_WEIGHT = 0.3  # share of the summed word weights given for all words close together
CONTEXT_WEIGHT = 0.5  # an answer's question counts half as much as the answer's own words
_ZETA2 = 1.6449340668482264  # Σ 1/j², ts_rank's normaliser


def idf(turns_with_word: int, turns: int) -> float:
    turns = max(turns, turns_with_word + 1)
    return math.log(1 + (turns - turns_with_word + 0.5) / (turns_with_word + 0.5))


def _lexemes_query(lexemes: list[str]) -> tuple[str, list]:
    text = " | ".join("'" + x.replace("\\", "\\\\").replace("'", "''") + "'" for x in lexemes)
    return "%s::tsquery", [text]


class _Row:
    """The values a turn's score is made of, each computed once per turn in an inner row (a
    subquery behind OFFSET 0, so PostgreSQL does not copy the expressions back into the formula:
    every reference to a search vector reads it again)."""

    def __init__(self) -> None:
        self.columns: list[str] = []
        self.params: list = []

    def add(self, sql: str, params: list | None = None) -> str:
        name = f"v{len(self.columns)}"
        self.columns.append(f"{sql} AS {name}")
        self.params += params or []
        return f"w.{name}"


def _counts(query: TextQuery, row: _Row, vector: str, own: bool) -> list[str | None]:
    """For each unquoted word of the query, the column of its count in one search vector (None where
    it has no lexemes, or for a speaker's name in a question). `own`: the turn's own words;
    otherwise its question's, where Chinese counted in the text (a prefix, or either of two pieces)
    counts once (its count is read from the turn's own text)."""
    text = f'"{TABLE}"."text"'
    counts: list[str | None] = []
    for leaf in query.words:
        if not leaf.lexemes or (leaf.speakers and not own):
            counts.append(None)
        elif has_han(leaf.term.text) and counted_by_pieces(leaf):
            # A Chinese word, its count that of its rarest piece ("中美关系": 中美, 美关, 关系): each time
            # a text says the word it says every piece, so this is the word's count but where a piece
            # is also said apart from it (no match of 25 words in the bulk corpus has such a turn).
            # Read from the vector (the turn's, or its question's) as an English word's count is, not
            # from the text, and kept a whole number as the text's count was (ts_rank's reading is a
            # little more: 1.05 for 1, 2.03 for 2; scores unchanged but where a traditional text now
            # counts each time): the lists of strongest turns (champions.py) weigh pieces at that
            # reading, which is then at least the word's weight, and rank a Chinese word too.
            pieces = [f"round({_readback(row.add(*_harmonic(vector, [piece])))})" for piece in leaf.lexemes]
            if len(pieces) == 1:
                counts.append(pieces[0])  # a word of two characters: one piece, found where counted
            else:
                present = row.add(f"({vector} @@ ({leaf.tsquery}))::int", leaf.params)  # the pieces in a row
                counts.append(f"{present} * greatest(1, least({', '.join(pieces)}))")
        elif has_han(leaf.term.text):
            # Pieces of Chinese searched as a prefix or either of two (a word of one character, a
            # quote across punctuation): the word's count is read from the text itself (a
            # traditional text counts once: the query is folded to simplified).
            present = f"({vector} @@ ({leaf.tsquery}))::int"
            if own:
                words = [w for w in han_words(leaf.term.text) if len(w) > 1] or [leaf.term.text]
                # How many times the text prints each word: the pieces between them, less one (the text
                # read once; char_length(text) - char_length(replace(…)) read it twice: 45 → 41 ms for the
                # 2,029 turns of 中美关系 at a million turns).
                tf = ", ".join(f"coalesce(array_length(string_to_array({text}, %s), 1), 1) - 1" for w in words)
                counts.append(row.add(f"{present} * greatest(1, least({tf}))", leaf.params + words))
            else:
                counts.append(row.add(present, leaf.params))
        else:
            counts.append(_readback(row.add(*_harmonic(vector, leaf.lexemes))))
    return counts


def counted_by_pieces(leaf: Leaf) -> bool:
    """Whether a Chinese word's count is its rarest piece's: every piece it stands for is required
    (a phrase of pieces, or several AND-ed), none a prefix or one of two."""
    return bool(leaf.lexemes) and not any("|" in p or ":*" in p for p in leaf.params)


def _harmonic(vector: str, lexemes: list[str]) -> tuple[str, list]:
    """ts_rank of a one-word query is 0.1 · Σ_{j≤tf} 1/j² / ζ(2) (divided by the number of words
    OR-ed in it): that sum, for the word's forms `lexemes`."""
    tsquery, params = _lexemes_query(lexemes)
    return f"ts_rank({vector}, {tsquery}, 0) * {_ZETA2 / 0.1 * len(lexemes):.6f}", params


def _readback(harmonic: str) -> str:
    """The count read back from the sum (`_harmonic`, a column of the row)."""
    return (
        f"(CASE WHEN {harmonic} < 0.5 THEN 0 "
        f"ELSE least(greatest(1 / ({_ZETA2} - least({harmonic}, 1.6444)) - 0.5, 1), 50) END)"
    )


def _bm25(weight: float, tf: str, length: str) -> str:
    return f"{weight:.6f} * {tf} * {K1 + 1} / ({tf} + {K1} * ({1 - B} + {B} * {length}))"


def _together(query: TextQuery, row: _Row, vector: str) -> str | None:
    """Every word, close together: cover density of the AND of the words (0 when one is missing),
    from 0 to 1. A speaker's name is rarely said by that speaker: the words close together are the
    others."""
    words = [leaf for leaf in query.words if leaf.lexemes and not has_han(leaf.term.text) and not leaf.speakers]
    if len(words) < 2:
        return None
    together = " && ".join(_lexemes_query(leaf.lexemes)[0] for leaf in words)
    params = [p for leaf in words for p in _lexemes_query(leaf.lexemes)[1]]
    # Computed only where every word is there (a cover needs them all; the test is ~100 times
    # cheaper): ts_rank_cd was a third of the time ranking a four-word query's 2,006 turns.
    cover = f"least(ts_rank_cd({vector}, {together}, 0) * 10, 1)"
    return row.add(f"CASE WHEN {vector} @@ ({together}) THEN {cover} ELSE 0 END", params + params)


def _held(leaf: Leaf) -> tuple[str, list]:
    sql, params = leaf.condition(asked=True)
    return f"coalesce(({sql}), false)::int", params


def alike(query: TextQuery) -> bool:
    """Whether every match scores the same: the query is quoted phrases, each in one spelling, and
    excluded words. A phrase weighs where it is said, and every match says each of them (phrases stay
    required; the judged sets grade a turn that says a quoted phrase as fully relevant), so relevance
    lists the matches in date order, newest first, over all of them."""
    clauses = [[leaf for leaf in clause if not leaf.term.negated] for clause in query.clauses]
    clauses = [clause for clause in clauses if clause]
    return bool(clauses) and all(len(clause) == 1 and clause[0].column == "exact_vector" for clause in clauses)


def rank_expression(query: TextQuery) -> RawSQL:
    """The score of a turn for `query`, as one SQL expression over the turn's row: BM25 of its words,
    quoted phrases, a speaker the query names, the words close together, and half of the same for
    the words of the question it answers (the question is a field of the answer) — scaled by the
    share of the query (by idf) that the turn, its question or its speaker holds."""
    turns, average = max(query.archive_turns, 1), max(query.average_length, 1.0)
    vector, exact = f'"{TABLE}"."search_vector"', f'"{TABLE}"."exact_vector"'
    context = f'"{TABLE}"."context_vector"'
    row = _Row()
    own, asked = _counts(query, row, vector, own=True), _counts(query, row, context, own=False)
    length, asked_length = row.add(f"length({vector}) / {average:.4f}"), row.add(f"length({context}) / {average:.4f}")
    parts: list[str] = []
    asked_parts: list[str] = []
    held: list[tuple[float, Leaf, str | None]] = []  # (idf, term, its column if already computed) for the share
    named = 0.0
    for leaf, tf, asked_tf in zip(query.words, own, asked):
        if tf is None:
            continue
        weight = idf(leaf.turns, turns)
        parts.append(_bm25(weight, tf, length))
        if asked_tf is not None:
            asked_parts.append(_bm25(weight, asked_tf, asked_length))
        if leaf.speakers:
            # The turns of the speaker the word names count as signed with it: "Lavrov Minsk" puts
            # what Lavrov said of Minsk with what others said of Lavrov and Minsk. The signature is
            # a field of its own, one word long, so the turn's length does not weaken it (BM25F).
            signed = row.add(f'coalesce("{TABLE}"."speaker_id" = ANY(%s), false)::int', [leaf.speakers])
            parts.append(f"{weight:.6f} * {signed}")
            named += weight
        held.append((weight, leaf, None))
    phrases = 0.0
    for clause in query.clauses:
        for leaf in clause:
            if leaf.column == "exact_vector" and not leaf.term.negated:
                weight = PHRASE_WEIGHT * idf(leaf.turns, turns)
                said = row.add(f"({exact} @@ ({leaf.tsquery}))::int", leaf.params)
                parts.append(f"{weight:.6f} * {said}")
                held.append((idf(leaf.turns, turns), leaf, said))  # said is where it is held
                phrases += weight
    words = sum(idf(leaf.turns, turns) for leaf, tf in zip(query.words, own) if tf is not None)
    close = _together(query, row, vector)
    if close:
        parts.append(f"{PROXIMITY_WEIGHT * (words - named + phrases):.6f} * {close}")
    # What the turn answers: the question's words, close together or not, at a lower weight (not a
    # speaker's name: "Mr Lavrov, …" is asked of him, and his turns have their own weight). Only
    # answers have a context vector (NULL elsewhere, hence coalesce).
    close = _together(query, row, context)
    if close:
        asked_parts.append(f"{PROXIMITY_WEIGHT * (words - named):.6f} * {close}")
    if asked_parts:
        parts.append(f"{CONTEXT_WEIGHT} * coalesce({' + '.join(asked_parts)}, 0)")
    score = " + ".join(parts) or "0"
    if len(held) > 1:
        # Scaled by how much of the query the turn holds, so a turn that repeats the commonest word
        # does not outrank one that has them all ("trade war with the United States").
        # A word is held where the search finds it (in the turn, its question or as its speaker).
        total = sum(weight for weight, _, _ in held)
        share = " + ".join(f"{weight / total:.6f} * {said or row.add(*_held(leaf))}" for weight, leaf, said in held)
        score = f"({score}) * ({share})"
    if not row.columns:
        return RawSQL(score, [], output_field=FloatField())
    sql = f"(SELECT {score} FROM (SELECT {', '.join(row.columns)} OFFSET 0) AS w)"
    return RawSQL(sql, row.params, output_field=FloatField())

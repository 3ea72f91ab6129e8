"""Relevance: BM25 over the turns' search vectors, with the archive's own word statistics.

For each word of the query, its inverse document frequency comes from `transcripts_lexeme`
(kept current by triggers, transcripts/search_sql.py), its frequency in a turn from the turn's
tsvector, and a turn's length is the number of distinct words in it. PostgreSQL has no function
that returns a word's count in a tsvector cheaply, but `ts_rank` of a one-word query is exactly
0.1 · Σ_{j≤tf} 1/j² / 1.64493 — so tf is read back from it in SQL, one binary search per word and
turn. Quoted phrases count as present or not, weighted by their rarest word; a Chinese word's count
is read from the turn's text.
Turns with every word and the words close together get a bonus (cover density), so "sanctions
against Russia" stays on Russia. A word that names a speaker counts once in each of that speaker's
turns, as if the turn were signed with it.

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


def _lexemes_query(leaf: Leaf) -> tuple[str, list]:
    text = " | ".join("'" + x.replace("\\", "\\\\").replace("'", "''") + "'" for x in leaf.lexemes)
    return "to_tsquery('simple', %s)", [text]


def _word_scores(query: TextQuery, vector: str, length: str, own: bool = True) -> tuple[list[str], list, list[float]]:
    """BM25 of each unquoted word over one search vector, with each word's idf (the weights). `own`:
    the turn's own words; otherwise its question's, where a speaker's name does not count and a
    Chinese word counts once (its count is read from the turn's own text)."""
    turns = max(query.archive_turns, 1)
    text = f'"{TABLE}"."text"'
    parts: list[str] = []
    params: list = []
    weights: list[float] = []
    for leaf in query.words:
        if not leaf.lexemes or (leaf.speakers and not own):
            continue
        weight = idf(leaf.turns, turns)
        weights.append(weight)
        if has_han(leaf.term.text):
            # Pieces of Chinese: the word's count is read from the text itself (a traditional text
            # counts once: the query is folded to simplified), the turn's length as for any turn.
            present = f"({vector} @@ ({leaf.tsquery}))::int"
            if own:
                words = [w for w in han_words(leaf.term.text) if len(w) > 1] or [leaf.term.text]
                counts = [f"(char_length({text}) - char_length(replace({text}, %s, ''))) / {len(w)}" for w in words]
                tf = f"greatest(1, least({', '.join(counts)}))"
                params += leaf.params + words * 2  # tf is written twice
            else:
                tf = "1"
                params += leaf.params
            parts.append(f"{weight:.6f} * {present} * {tf} * {K1 + 1} / ({tf} + {K1} * ({1 - B} + {B} * {length}))")
            continue
        tsquery, tsquery_params = _lexemes_query(leaf)
        # Σ_{j≤tf} 1/j² from ts_rank (divided by the number of words OR-ed in the query), then tf.
        harmonic = f"(ts_rank({vector}, {tsquery}, 0) * {_ZETA2 / 0.1 * len(leaf.lexemes):.6f})"
        tf = (
            f"(CASE WHEN {harmonic} < 0.5 THEN 0 "
            f"ELSE least(greatest(1 / ({_ZETA2} - least({harmonic}, 1.6444)) - 0.5, 1), 50) END)"
        )
        parts.append(f"{weight:.6f} * {tf} * {K1 + 1} / ({tf} + {K1} * ({1 - B} + {B} * {length}))")
        params += tsquery_params * 4  # tf is written twice, the harmonic sum twice in each
    return parts, params, weights


def _together(query: TextQuery, vector: str, bonus: float) -> tuple[str, list] | None:
    """Every word, close together: cover density of the AND of the words (0 when one is missing),
    worth up to `bonus`. A speaker's name is rarely said by that speaker: the words close together
    are the others."""
    words = [leaf for leaf in query.words if leaf.lexemes and not has_han(leaf.term.text) and not leaf.speakers]
    if len(words) < 2:
        return None
    together = " && ".join(_lexemes_query(leaf)[0] for leaf in words)
    params = [p for leaf in words for p in _lexemes_query(leaf)[1]]
    return f"{bonus:.6f} * least(ts_rank_cd({vector}, {together}, 0) * 10, 1)", params


def rank_expression(query: TextQuery) -> RawSQL:
    """The score of a turn for `query`, as one SQL expression over the turn's row: BM25 of its words,
    quoted phrases, a speaker the query names, the words close together, and half of the same for
    the words of the question it answers (BM25F: the question is a field of the answer)."""
    turns, average = max(query.archive_turns, 1), max(query.average_length, 1.0)
    vector, exact = f'"{TABLE}"."search_vector"', f'"{TABLE}"."exact_vector"'
    context = f'"{TABLE}"."context_vector"'
    parts, params, weights = _word_scores(query, vector, f"(length({vector}) / {average:.4f})")
    for leaf in query.words:
        if leaf.lexemes and leaf.speakers:
            # The turns of the speaker the word names count as signed with it: "Lavrov Minsk" puts
            # what Lavrov said of Minsk with what others said of Lavrov and Minsk. The signature is
            # a field of its own, one word long, so the turn's length does not weaken it (BM25F).
            parts.append(f'{idf(leaf.turns, turns):.6f} * coalesce("{TABLE}"."speaker_id" = ANY(%s), false)::int')
            params.append(leaf.speakers)
    for clause in query.clauses:
        for leaf in clause:
            if leaf.column == "exact_vector" and not leaf.term.negated:
                weight = PHRASE_WEIGHT * idf(leaf.turns, turns)
                weights.append(weight)
                parts.append(f"{weight:.6f} * ({exact} @@ ({leaf.tsquery}))::int")
                params += leaf.params
    named = sum(idf(leaf.turns, turns) for leaf in query.words if leaf.lexemes and leaf.speakers)
    close = _together(query, vector, PROXIMITY_WEIGHT * (sum(weights) - named))
    if close:
        parts.append(close[0])
        params += close[1]
    # What the turn answers: the question's words, close together or not, at a lower weight (not a
    # speaker's name: "Mr Lavrov, …" is asked of him, and his turns have their own weight). Only
    # answers have a context vector (NULL elsewhere, hence coalesce).
    length = f"(length({context}) / {average:.4f})"
    asked, asked_params, asked_weights = _word_scores(query, context, length, own=False)
    close = _together(query, context, PROXIMITY_WEIGHT * sum(asked_weights))
    if close:
        asked.append(close[0])
        asked_params += close[1]
    if asked:
        parts.append(f"{CONTEXT_WEIGHT} * coalesce({' + '.join(asked)}, 0)")
        params += asked_params
    return RawSQL(" + ".join(parts) or "0", params, output_field=FloatField())

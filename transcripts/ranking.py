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
_ZETA2 = 1.6449340668482264  # Σ 1/j², ts_rank's normaliser


def idf(turns_with_word: int, turns: int) -> float:
    turns = max(turns, turns_with_word + 1)
    return math.log(1 + (turns - turns_with_word + 0.5) / (turns_with_word + 0.5))


def _lexemes_query(leaf: Leaf) -> tuple[str, list]:
    text = " | ".join("'" + x.replace("\\", "\\\\").replace("'", "''") + "'" for x in leaf.lexemes)
    return "to_tsquery('simple', %s)", [text]


def rank_expression(query: TextQuery) -> RawSQL:
    """The BM25 score of a turn for `query`, as one SQL expression over the turn's row."""
    turns, average = max(query.archive_turns, 1), max(query.average_length, 1.0)
    parts: list[str] = []
    params: list = []
    weights: list[float] = []
    vector, exact = f'"{TABLE}"."search_vector"', f'"{TABLE}"."exact_vector"'
    text = f'"{TABLE}"."text"'
    length = f"(length({vector}) / {average:.4f})"
    for leaf in query.words:
        if not leaf.lexemes:
            continue
        weight = idf(leaf.turns, turns)
        weights.append(weight)
        if leaf.speakers:
            # The turns of the speaker the word names count as signed with it: "Lavrov Minsk" puts
            # what Lavrov said of Minsk with what others said of Lavrov and Minsk. The signature is
            # a field of its own, one word long, so the turn's length does not weaken it (BM25F).
            spoken = f'coalesce("{TABLE}"."speaker_id" = ANY(%s), false)::int'
            parts.append(f"{weight:.6f} * {spoken}")
            params.append(leaf.speakers)
        if has_han(leaf.term.text):
            # Pieces of Chinese: the word's count is read from the text itself (a traditional text
            # counts once: the query is folded to simplified), the turn's length as for any turn.
            words = [w for w in han_words(leaf.term.text) if len(w) > 1] or [leaf.term.text]
            counts = [f"(char_length({text}) - char_length(replace({text}, %s, ''))) / {len(w)}" for w in words]
            tf = f"greatest(1, least({', '.join(counts)}))"
            present = f"({vector} @@ ({leaf.tsquery}))::int"
            parts.append(f"{weight:.6f} * {present} * {tf} * {K1 + 1} / ({tf} + {K1} * ({1 - B} + {B} * {length}))")
            params += leaf.params + words * 2  # tf is written twice
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
    for clause in query.clauses:
        for leaf in clause:
            if leaf.column == "exact_vector" and not leaf.term.negated:
                weight = PHRASE_WEIGHT * idf(leaf.turns, turns)
                weights.append(weight)
                parts.append(f"{weight:.6f} * ({exact} @@ ({leaf.tsquery}))::int")
                params += leaf.params
    # A speaker's name is rarely said by that speaker: the words close together are the others.
    words = [leaf for leaf in query.words if leaf.lexemes and not has_han(leaf.term.text) and not leaf.speakers]
    if len(words) > 1:
        # Every word, close together: cover density of the AND of the words (0 when one is missing).
        together = " && ".join(_lexemes_query(leaf)[0] for leaf in words)
        named = sum(idf(leaf.turns, turns) for leaf in query.words if leaf.lexemes and leaf.speakers)
        bonus = PROXIMITY_WEIGHT * (sum(weights) - named)
        parts.append(f"{bonus:.6f} * least(ts_rank_cd({vector}, {together}, 0) * 10, 1)")
        params += [p for leaf in words for p in _lexemes_query(leaf)[1]]
    return RawSQL(" + ".join(parts) or "0", params, output_field=FloatField())

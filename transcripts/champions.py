"""Ranking by relevance over every match of a search with too many matches to score them all.

A common word is in a quarter of a million turns of a million; scoring each costs seconds. For every
word in at least `verbatim.champions_from` turns, PostgreSQL keeps the turns where the word weighs
most (`transcripts_champion`, kept by transcripts/search_sql.py CHAMPIONS on every write): a list of
at least `verbatim.champions_kept` turns with the word's BM25 term weight in each, and a floor no
unlisted turn's weight is above. A search past COUNT_CAP matches ranks the strongest turns of each
of its common words, every turn of its rarer words and the turns that hold all of them; and
since no other turn can weigh more than the lists' floors for any word, it knows the score no other
turn can reach: the results above it are the best of all matches, proven (`Candidates.bound`).
This is the "champion list" of the information-retrieval textbooks with Fagin's threshold. Below
the cap, a search with many matches reads the lists first too, and scores every match only when the
listed ones among them do not prove its page (search._proven_from_the_lists).
docs/ranking.md "Every match ranked" has what was measured.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import BooleanField, QuerySet
from django.db.models.expressions import RawSQL

from transcripts import ranking
from transcripts.query import TABLE, TextQuery, _quoted_lexeme
from transcripts.search_sql import _KEPT, CHAMPIONS_OF_RANGE, START_CHAMPIONS
from transcripts.textindex import has_han

READ = 1_000  # turns read from the lists of a query's words
READ_EACH = 250
RARE_AT_MOST = 4_000  # a word without a list has all its matches read, up to this many
# With a speaker's name, so are the speaker's turns that hold another word of the query (Putin's with
# "economy" at a million turns: 5,211; past this, the most recent matches join and nothing is proven).
NAMED_AT_MOST = 8_000
# The lists' weights are ranking's own (search_sql._counted) but for float4 rounding in ts_rank.
_COUNT_SLACK = 1.0001


@dataclass
class Candidates:
    ids: list[int]
    complete: bool  # every word had a list or all of its matches were read
    bound: float | None  # no turn outside `ids` scores above this (None: not known)…
    apart: float | None = None  # …nor outside `ids` and the turns that have every word themselves

    def bound_for(self, together: bool) -> float | None:
        """The bound, knowing whether every turn with all the words is ranked too."""
        return self.apart if together and self.apart is not None else self.bound


def candidates(query: TextQuery, matches: QuerySet, connection) -> Candidates | None:
    """The turns to rank for `query` past the cap (two statements at most), or None where its words
    cannot be read from lists: Chinese searched as a prefix or either of two pieces (counted in the
    text), or nothing but speakers' names (every turn of theirs counts alike). A Chinese word weighs
    at most what each of its pieces does (its count is the rarest piece's, ranking.py), so it is read
    from the lists of its pieces. A word naming a speaker ("Biden infrastructure") is read from its
    lists as a word, and the speaker's turns that hold another word of the query are read whole: the
    speaker's other turns hold that name alone (signed, and said at most), which bounds them."""
    words = query.words
    if not words or any(not leaf.lexemes or not _listable(leaf) for leaf in words):
        return None
    named = [leaf for leaf in words if leaf.speakers]
    if len(named) == len(words):
        return None
    lexemes = sorted({lexeme for leaf in words for lexeme in leaf.lexemes})
    with connection.cursor() as cursor:
        # READ turns in all, shared between the lists (at least READ_EACH from each): scoring a turn
        # costs ~12 µs, and the more words, the less any one list's tail matters. Only those cross to
        # Python (a four-word topic query's seven lists: 1,750 turns of 8,500 listed, 3 ms less), with
        # how many each list holds up to what it keeps.
        cursor.execute(
            "SELECT c.lexeme, c.floor, c.average, t.ids, t.weights, k.kept, n.held "
            "FROM transcripts_championlist AS c, "
            f"(SELECT {_KEPT} AS kept, greatest(%s / greatest((SELECT count(*) FROM transcripts_championlist"
            " WHERE lexeme = ANY(%s)), 1), %s) AS read) AS k, LATERAL ("
            "SELECT array_agg(utterance_id ORDER BY weight DESC) AS ids,"
            " array_agg(weight ORDER BY weight DESC) AS weights"
            " FROM (SELECT utterance_id, weight FROM transcripts_champion AS x WHERE x.lexeme = c.lexeme"
            " ORDER BY weight DESC LIMIT k.read) AS s) AS t, LATERAL ("
            "SELECT count(*) AS held FROM (SELECT 1 FROM transcripts_champion AS x WHERE x.lexeme = c.lexeme"
            " LIMIT k.kept) AS s) AS n WHERE c.lexeme = ANY(%s)",
            [READ, lexemes, READ_EACH, lexemes],
        )
        rows = cursor.fetchall()
    # A list cut back (a floor) that holds fewer than half what it kept has lost turns (deleted; a cut
    # drops the turns tied at the floor too, so a list may hold a few less than it kept): its word's
    # turns under the floor are on no list, so the most recent matches join (the bound still holds).
    depleted = any(floor > 0 and 2 * held < kept for _, floor, _, _, _, kept, held in rows)
    read = max(READ // max(len(rows), 1), READ_EACH)
    lists = {row[0]: _List(row[1], row[2], (row[3] or [])[:read], (row[4] or [])[:read], read) for row in rows}
    ids = list(dict.fromkeys(pk for listed in lists.values() for pk in listed.ids))
    # Read whole: the turns of each word without a list, and those holding two forms of one word that
    # both have lists ("china" and "中方": ranking counts the forms together, so such a turn can weigh
    # more than either list's floor).
    # A Chinese word with a listed piece is bounded by it; one without, read whole (its phrase).
    han = [leaf for leaf in words if has_han(leaf.term.text)]
    pieces = [_quoted_lexeme(x) for x in lexemes if x not in lists and not any(x in leaf.lexemes for leaf in han)]
    pieces += [leaf.params[0] for leaf in han if not any(x in lists for x in leaf.lexemes)]
    for leaf in words:
        forms = [x for x in leaf.lexemes if x in lists and not has_han(leaf.term.text)]
        pieces += [f"({_quoted_lexeme(a)} & {_quoted_lexeme(b)})" for i, a in enumerate(forms) for b in forms[i + 1 :]]
    complete = True
    tests, params = [], []
    if pieces:
        tsquery = " | ".join(f"({piece})" for piece in pieces)
        tests.append(f'("{TABLE}"."search_vector" @@ %s::tsquery OR "{TABLE}"."context_vector" @@ %s::tsquery)')
        params += [tsquery, tsquery]
    for leaf in named:
        others = [other.condition(spoken=False, asked=True) for other in words if other is not leaf]
        tests.append(f'("{TABLE}"."speaker_id" = ANY(%s) AND ({" OR ".join(sql for sql, _ in others)}))')
        params += [leaf.speakers, *(p for _, ps in others for p in ps)]
    if tests:
        most = read_whole_at_most(query)
        found = list(
            matches.filter(RawSQL(" OR ".join(tests), params, output_field=BooleanField()))
            .order_by()
            .values_list("id", flat=True)[: most + 1]
        )
        complete = len(found) <= most
        ids = list(dict.fromkeys(ids + found[:most]))
    if not complete:
        return Candidates(ids, complete, None)
    bounds = [_bound(query, lists), _bound(query, lists, together=True)]
    return Candidates(ids, not depleted, *(_named(query, bound) for bound in bounds))


@dataclass
class _List:
    floor: float
    average: float
    ids: list[int]
    weights: list[float]
    read: int  # the strongest turns read (fewer: the whole list)

    def most_unread(self, average: float) -> float:
        """The most an unlisted or unread turn can weigh, at the archive's `average` length: the floor
        or the weakest turn read, whichever is more; weights at a lower average than the list's are
        at most that much larger (a turn's length term scales by the ratio, its count does not)."""
        most = max(self.floor, self.weights[-1] if len(self.weights) >= self.read else 0.0)
        return most * max(1.0, average / self.average) * _COUNT_SLACK


def _bound(query: TextQuery, lists: dict[str, _List], together: bool = False) -> float | None:
    """What a turn outside the candidates can score at most (ranking.rank_expression's terms): for
    each word with a list, its idf times the most an unlisted or unread turn weighs; the words close
    together, if it can hold all of them; scaled by the largest share of the query it can hold. A
    word without a list had every match read: such a turn holds none of it. None for queries whose
    other parts (phrases, excluded words' absence aside) this does not bound."""
    if any(leaf.column != "search_vector" for clause in query.clauses for leaf in clause if not leaf.term.negated):
        return None
    turns = max(query.archive_turns, 1)
    total = held = most = 0.0
    every_word = True
    for leaf in query.words:
        weight = ranking.idf(leaf.turns, turns)
        total += weight
        listed = [lists[x] for x in leaf.lexemes if x in lists]
        if not listed:
            every_word = False
            continue
        held += weight
        unread = [piece.most_unread(query.average_length) for piece in listed]
        # A turn left out holds one form of the word at most (those with two were read); a Chinese
        # word weighs no more than any of its pieces.
        most += weight * (min(unread) if has_han(leaf.term.text) else max(unread))
    if len(query.words) > 1 and every_word:
        # The words close together, in the turn and in its question (ranking._together); in the turn
        # only if it has them all, and `together`: every such turn was ranked.
        most += ranking.PROXIMITY_WEIGHT * total * ((0 if together else 1) + ranking.CONTEXT_WEIGHT)
    return most * (held / total if len(query.words) > 1 and total else 1.0)


def read_whole_at_most(query: TextQuery) -> int:
    """How many turns a search past the cap reads whole beside the lists (a word's matches, the
    turns with every word): more when a word names a speaker, whose turns on the subject are many."""
    return NAMED_AT_MOST if any(leaf.speakers for leaf in query.words) else RARE_AT_MOST


def _named(query: TextQuery, bound: float | None) -> float | None:
    """`bound`, or more where a speaker's turn left out can score more: one holding nothing of the
    query but the speaker's name (its other turns were read), which counts once as a signature and
    at most k1 + 1 as a word said (BM25's ceiling), scaled by that word's share of the query."""
    if bound is None:
        return None
    turns = max(query.archive_turns, 1)
    total = sum(ranking.idf(leaf.turns, turns) for leaf in query.words)
    for leaf in query.words:
        if leaf.speakers:
            weight = ranking.idf(leaf.turns, turns)
            bound = max(bound, weight * (1 + ranking.K1 + 1) * weight / total)
    return bound


def _listable(leaf) -> bool:
    """Whether a word's weight is bounded by its lists: any but Chinese counted in the text."""
    return not has_han(leaf.term.text) or (ranking.counted_by_pieces(leaf) and len(leaf.params) == 1)


def rebuild(connection, batch: int = 20_000) -> int:
    """Every list again from the word counts, the turns added in ranges of ids, each range in its own
    transaction (migration 0027 and `manage.py champions`); returns the number of lists."""
    from django.db import transaction

    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute(START_CHAMPIONS)
        cursor.execute("SELECT min(id), max(id) FROM transcripts_utterance")
        low, high = cursor.fetchone()
    if low is not None:
        for start in range(low, high + 1, batch):
            with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
                cursor.execute(CHAMPIONS_OF_RANGE, [start, start + batch])
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM transcripts_championlist")
        return cursor.fetchone()[0]

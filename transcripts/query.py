"""The search box's language, compiled to SQL over a turn's two search vectors.

    sanctions Europe            both words, any form ("sanction", "sanctioned")
    "we will not"               exactly these words in this order, common words included
    Russia or China             either
    -Ukraine                    not this word

Unquoted words are stemmed in the turn's language (`search_vector`); a quoted phrase matches the
words as written, only case and accents aside (`exact_vector`, configuration `verbatim_exact`),
so "step up" does not find "stepped up". A word also finds:
- the other names of the entity or speaker it names (Kiev → Kyiv, Turkey → Türkiye);
- in Russian, every case form of a name (Лавров → Лаврова, Лавровым), through pymorphy3;
- a number with or without a hyphen before it (COVID 19 → COVID-19, which PostgreSQL reads as -19);
- in Chinese, its characters as indexed by transcripts.textindex.
Every value reaches PostgreSQL as a parameter; the SQL around it is ours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from transcripts.textindex import han_words, has_han, index_text, pieces

MAX_QUERY_CHARS = 500
MAX_QUERY_TERMS = 40
EXACT_CONFIG = "verbatim_exact"
CHINESE_CONFIG = "verbatim_simple"
TABLE = "transcripts_utterance"
_TOKEN = re.compile(r'-?"[^"]*"?|\S+')
_NUMBER = re.compile(r"^-?\d+$")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# pymorphy3 tags of proper names: only these get all their case forms (common words keep the stemmer).
_NAME_TAGS = {"Surn", "Name", "Patr", "Geox", "Orgn"}


class QueryError(ValueError):
    """A query we refuse, with a message for the person who typed it."""


@dataclass
class Term:
    text: str
    phrase: bool = False
    negated: bool = False


@dataclass
class Variant:
    """A word of the query that names an entity or a speaker: the other names it also matched."""

    word: str
    names: list[str]
    url: str = ""
    name: str = ""


@dataclass
class Leaf:
    """One term as SQL: `column @@ tsquery`, with the tsquery's SQL and parameters."""

    term: Term
    column: str
    tsquery: str
    params: list

    def condition(self) -> tuple[str, list]:
        sql = f'"{TABLE}"."{self.column}" @@ ({self.tsquery})'
        return (f"NOT ({sql})" if self.term.negated else sql), list(self.params)


@dataclass
class TextQuery:
    text: str
    configs: list[str]
    clauses: list[list[Leaf]]  # AND of ORs
    variants: list[Variant] = field(default_factory=list)

    def condition(self) -> tuple[str, list]:
        parts, params = [], []
        for clause in self.clauses:
            sqls = []
            for leaf in clause:
                sql, leaf_params = leaf.condition()
                sqls.append(sql)
                params += leaf_params
            parts.append("(" + " OR ".join(sqls) + ")")
        return " AND ".join(parts), params

    def positive(self, column: str) -> tuple[str, list] | None:
        """One tsquery for every positive term on `column` (for ranking and highlighting)."""
        leaves = [leaf for clause in self.clauses for leaf in clause if leaf.column == column and not leaf.term.negated]
        if not leaves:
            return None
        return " || ".join(f"({leaf.tsquery})" for leaf in leaves), [p for leaf in leaves for p in leaf.params]

    @property
    def has_phrases(self) -> bool:
        return any(leaf.term.phrase and not leaf.term.negated for clause in self.clauses for leaf in clause)

    @property
    def chinese(self) -> list[str]:
        """The Chinese strings the query looks for (folded), for highlighting."""
        found = []
        for clause in self.clauses:
            for leaf in clause:
                if not leaf.term.negated and has_han(leaf.term.text):
                    found += han_words(leaf.term.text) if not leaf.term.phrase else [leaf.term.text]
        return found


def parse(text: str) -> list[list[Term]]:
    """Words, "phrases", `or` and `-` into an AND of ORs."""
    clauses: list[list[Term]] = []
    join_next = False
    for token in _TOKEN.findall(text):
        if token.lower() == "or" and clauses:
            join_next = True
            continue
        negated = token.startswith("-") and len(token) > 1 and not _NUMBER.match(token)
        body = token[1:] if negated else token
        phrase = body.startswith('"')
        body = body.strip('"').strip()
        if not body:
            continue
        term = Term(body, phrase=phrase or " " in body, negated=negated)
        if join_next and clauses:
            clauses[-1].append(term)
        else:
            clauses.append([term])
        join_next = False
    return clauses


def build(text: str, configs: list[str], connection) -> TextQuery | None:
    """Compile `text` for the given text-search configurations; None when empty, QueryError when
    unusable. One round trip to PostgreSQL sizes every candidate tsquery (empty ones — stop words
    only — are dropped)."""
    text = " ".join((text or "").split())
    if not text:
        return None
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"The query is too long: at most {MAX_QUERY_CHARS} characters, please.")
    terms = parse(text)
    if sum(len(clause) for clause in terms) > MAX_QUERY_TERMS:
        raise QueryError(f"The query has too many words: at most {MAX_QUERY_TERMS}, please.")
    variants = _variants(terms, connection)
    candidates: list[list[tuple[Term, str, list[tuple[str, list]]]]] = []
    for clause in terms:
        compiled = []
        for term in clause:
            column, parts = _compile(term, configs, variants)
            compiled.append((term, column, parts))
        candidates.append(compiled)
    sizes = _sizes([part for clause in candidates for _, _, parts in clause for part in parts], connection)
    clauses: list[list[Leaf]] = []
    index = 0
    for clause in candidates:
        leaves = []
        for term, column, parts in clause:
            part_sizes = sizes[index : index + len(parts)]
            index += len(parts)
            if _stop_word(term, configs, part_sizes):
                continue
            kept = [part for part, size in zip(parts, part_sizes, strict=True) if size > 0]
            if kept:
                leaves.append(
                    Leaf(term, column, " || ".join(sql for sql, _ in kept), [p for _, ps in kept for p in ps])
                )
        if leaves:
            clauses.append(leaves)
    if not any(not leaf.term.negated for clause in clauses for leaf in clause):
        raise QueryError(
            "The query has only very common words (like “the” or “and”), which are not searched on their own, "
            'or only excluded words. Add a more specific word, or put a phrase in quotes: "we will not".'
        )
    used = {v.word for clause in clauses for leaf in clause for v in variants if v.word == leaf.term.text}
    return TextQuery(text, configs, clauses, [v for v in variants if v.word in used])


def _stop_word(term: Term, configs: list[str], sizes: list[int]) -> bool:
    """An unquoted word that a stemming language drops ("up", "и") is dropped from the query:
    kept by the simple configuration alone, it would exclude every turn in that language."""
    if term.phrase or has_han(term.text):
        return False
    return any(size == 0 for config, size in zip(configs, sizes) if config != CHINESE_CONFIG)


def _compile(term: Term, configs: list[str], variants: list[Variant]) -> tuple[str, list[tuple[str, list]]]:
    """The column a term searches and the tsquery pieces (SQL, params) ORed for it."""
    if has_han(term.text):
        if term.phrase:
            return "exact_vector", [(f"phraseto_tsquery('{EXACT_CONFIG}', %s)", [index_text(term.text)])]
        parts = []
        for word in han_words(term.text) or [term.text]:
            if len(word) == 1:
                parts.append((f"to_tsquery('{CHINESE_CONFIG}', %s)", [f"{word}:*"]))
            else:
                parts.append((f"phraseto_tsquery('{CHINESE_CONFIG}', %s)", [pieces(word)]))
        # Every word of an unquoted Chinese query must be there: one AND-ed tsquery.
        return "search_vector", [(" && ".join(f"({sql})" for sql, _ in parts), [p for _, ps in parts for p in ps])]
    if term.phrase:
        return "exact_vector", [(f"phraseto_tsquery('{EXACT_CONFIG}', %s)", [term.text])]
    parts = [("websearch_to_tsquery(%s::regconfig, %s)", [config, term.text]) for config in configs]
    for variant in variants:
        if variant.word == term.text:
            parts += [
                ("phraseto_tsquery(%s::regconfig, %s)", [config, name]) for name in variant.names for config in configs
            ]
    if _NUMBER.match(term.text):
        number = term.text.lstrip("-")
        parts += [("plainto_tsquery('simple', %s)", [value]) for value in (number, f"-{number}")]
    if _CYRILLIC.search(term.text) and "verbatim_russian" in configs:
        for stem in russian_name_stems(term.text):
            parts.append(("to_tsquery('simple', %s)", [_quoted_lexeme(stem)]))
    return "search_vector", parts


def _quoted_lexeme(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def _sizes(parts: list[tuple[str, list]], connection) -> list[int]:
    if not parts:
        return []
    sql = "SELECT " + ", ".join(f"numnode({part})" for part, _ in parts)
    with connection.cursor() as cursor:
        cursor.execute(sql, [p for _, params in parts for p in params])
        return list(cursor.fetchone())


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=4096)
def russian_name_stems(word: str) -> tuple[str, ...]:
    """Every case form of a Russian name, stemmed as the index stems them: «Лавров» is stemmed
    `лавр` but «Лаврова» `лавров`; the query needs both. Common words: none (the stemmer does)."""
    forms = set()
    for parse in _morph().parse(word.lower()):
        if _NAME_TAGS & set(parse.tag.grammemes):
            forms.update(form.word.replace("ё", "е") for form in parse.lexeme)
    return tuple(sorted(_stems(tuple(sorted(forms))))) if forms else ()


def _stems(forms: tuple[str, ...]) -> set[str]:
    from transcripts.search import read_connection

    with read_connection().cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT s FROM unnest(%s::text[]) AS f, unnest(ts_lexize('russian_stem', f)) AS s", [list(forms)]
        )
        return {row[0] for row in cursor.fetchall()}


def _variants(clauses: list[list[Term]], connection) -> list[Variant]:
    """Query words that are a name or alias of an entity or speaker: their other names.

    One query over the entities' and speakers' names, compared without case and accents."""
    words = sorted({t.text for clause in clauses for t in clause if not t.phrase and not t.negated and len(t.text) > 2})
    words = [w for w in words if not _NUMBER.match(w) and not has_han(w)]
    if not words:
        return []
    sql = """
        SELECT w, kind, slug, name, names FROM unnest(%s::text[]) AS w
        CROSS JOIN LATERAL (
            SELECT 'entity' AS kind, e.slug, e.name, e.aliases || e.name AS names, e.mention_count AS weight
            FROM transcripts_entity e
            WHERE NOT e.rejected AND e.kind IN ('person', 'country', 'place', 'organisation')
              AND lower(unaccent(w)) IN (SELECT lower(unaccent(a)) FROM unnest(e.aliases || e.name) AS a)
            UNION ALL
            SELECT 'speaker', s.slug, s.name, s.aliases || s.name, 0
            FROM transcripts_speaker s
            WHERE lower(unaccent(w)) IN (SELECT lower(unaccent(a)) FROM unnest(s.aliases || s.name) AS a)
            ORDER BY weight DESC LIMIT 1
        ) AS found
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [words])
        rows = cursor.fetchall()
    variants = []
    for word, kind, slug, name, names in rows:
        others = sorted({n for n in names if n.lower() != word.lower() and not _CYRILLIC.search(n)} - {""})
        # A short alias that is a common word elsewhere ("US", "UN") would flood the results.
        others = [n for n in others if len(n) > 3 or n.isupper() is False][:12]
        if others:
            url = f"/entities/{slug}/" if kind == "entity" else f"/speakers/{slug}/"
            variants.append(Variant(word, others, url, name))
    return variants

"""The search box's language, compiled to SQL over a turn's two search vectors.

    sanctions Europe            both words, any form ("sanction", "sanctioned")
    "we will not"               exactly these words in this order, common words included
    Russia or China             either
    -Ukraine                    not this word

Unquoted words are stemmed in the turn's language (`search_vector`); a quoted phrase matches the
words as written, only case and accents aside (`exact_vector`, configuration `verbatim_exact`),
so "step up" does not find "stepped up". A word also finds:
- the other names of the entity or speaker it names (Kiev → Kyiv, Turkey → Türkiye);
- the turns of the speaker it names ("Lavrov Minsk": what Lavrov said about Minsk, as well as
  what others said of Lavrov and Minsk): a capitalised word that is a speaker's surname or other
  name, or a speaker's full name typed in any case. Ranked, the name counts as a word of each of
  that speaker's turns; listed by date, it is matched by them;
- in Russian, every case form of a name (Лавров → Лаврова, Лавровым), through pymorphy3;
- a number with or without a hyphen before it (COVID 19 → COVID-19, which PostgreSQL reads as -19);
- in Chinese, its characters as indexed by transcripts.textindex.
Every value reaches PostgreSQL as a parameter; the SQL around it is ours.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import groupby

from transcripts.entities.gazetteer import declined_forms
from transcripts.search_config import DEFAULT_SEARCH_CONFIG, SEARCH_CONFIGS, search_config_for
from transcripts.spellings import other_spellings
from transcripts.textindex import (
    HAN,
    JUNCTION,
    fold_chinese,
    han_words,
    has_han,
    index_text,
    pieces,
    quoted_words,
)

MAX_QUERY_CHARS = 500
MAX_QUERY_TERMS = 40
EXACT_CONFIG = "verbatim_exact"
CHINESE_CONFIG = "verbatim_simple"
ENGLISH = SEARCH_CONFIGS["en"]
TABLE = "transcripts_utterance"
_TOKEN = re.compile(r'-?"[^"]*"?|\S+')
# Quotation marks of every language a quote may be pasted with: “…” „…“ «…» 「…」 『…』 ＂…＂ are "…".
QUOTE_MARKS = str.maketrans({mark: '"' for mark in "“”„‟«»「」『』＂″〝〞"})
_NUMBER = re.compile(r"^-?\d+$")
# Inside a quoted phrase: an ellipsis ("...", "…", ". . .") or an editor's insertion ("[Russia]").
_GAP = re.compile(r"\s*(?:\.\s?\.\s?\.+|…|\[[^\]]*\])\s*")
_LETTERS_DASH_DIGITS = re.compile(r"([^\W\d_])-(\d)")
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
class Spelling:
    """A word of the query and its other English spellings that turns use ("defense": "defence")."""

    word: str
    others: list[str]


@dataclass
class Voice:
    """Words of the query that name a speaker (a surname, or a full name over several words)."""

    words: tuple[str, ...]
    ids: list[int]
    name: str
    slug: str


@dataclass
class Leaf:
    """One term as SQL: `column @@ tsquery`, with the tsquery's SQL and parameters."""

    term: Term
    column: str
    tsquery: str
    params: list
    lexemes: list[str] = field(default_factory=list)  # the stemmed words it stands for (ranking)
    turns: int = 0  # how many turns hold the commonest of them (its document frequency)
    speakers: list[int] = field(default_factory=list)  # the speakers this word names

    def condition(self, spoken: bool = True, asked: bool = False) -> tuple[str, list]:
        """The SQL test of this term; with `spoken`, a word naming a speaker is also met by every
        turn of that speaker; with `asked`, an unquoted word (not a speaker's name) is also
        met by the answers to a question that has it."""
        sql = f'"{TABLE}"."{self.column}" @@ ({self.tsquery})'
        params = list(self.params)
        if self.term.negated:
            return f"NOT ({sql})", params
        if asked and self.column == "search_vector" and not self.speakers:
            sql = f'({sql} OR "{TABLE}"."context_vector" @@ ({self.tsquery}))'
            params += self.params
        if spoken and self.speakers:
            sql = f'({sql} OR "{TABLE}"."speaker_id" = ANY(%s))'
            params.append(self.speakers)
        return sql, params


@dataclass
class TextQuery:
    text: str
    configs: list[str]
    clauses: list[list[Leaf]]  # AND of ORs
    variants: list[Variant] = field(default_factory=list)
    archive_turns: int = 0  # turns in the archive, and their average length in distinct words (ranking)
    average_length: float = 100.0
    voices: list[Voice] = field(default_factory=list)  # speakers named by the query's words
    spellings: list[Spelling] = field(default_factory=list)  # other spellings its words also matched

    def condition(self, any_word: bool = False, asked: bool = False, spoken: bool = True) -> tuple[str, list]:
        """All terms (the default); with `any_word`, quoted phrases and excluded words still
        required but any one of the other words enough: for ranking, which puts the turns that
        have most of the words first. With `asked`, an answer also has the unquoted words of the
        question it answers (for ranking, which weighs them less than its own). Without `spoken`,
        a required word naming a speaker is met only where it is said."""
        required, optional = self._required_and_optional(any_word)
        parts, params = [], []
        for clause in required:
            sqls = []
            for leaf in clause:
                sql, leaf_params = leaf.condition(spoken=spoken, asked=asked)
                sqls.append(sql)
                params += leaf_params
            parts.append("(" + " OR ".join(sqls) + ")")
        if optional:
            leaves = [leaf for clause in optional for leaf in clause]
            # The words that are only words, in one test of each vector: a turn's vector is read once,
            # not once a word (the topic query's sample of 12,000 turns: 19.1 -> 17.3 ms).
            plain = [leaf for leaf in leaves if leaf.column == "search_vector" and not leaf.speakers]
            sqls = []
            if len(plain) > 1:
                tsquery = " || ".join(f"({leaf.tsquery})" for leaf in plain)
                vectors = ["search_vector", "context_vector"] if asked else ["search_vector"]
                sqls.append("(" + " OR ".join(f'"{TABLE}"."{vector}" @@ ({tsquery})' for vector in vectors) + ")")
                params += [p for _ in vectors for leaf in plain for p in leaf.params]
                leaves = [leaf for leaf in leaves if leaf not in plain]
            # A speaker's name among other words ranks that speaker's turns up (ranking.py) but does
            # not bring in all of them; a query of nothing but the name does.
            spoken = all(leaf.speakers for leaf in leaves) and not sqls
            for leaf in leaves:
                sql, leaf_params = leaf.condition(spoken, asked)
                sqls.append(sql)
                params += leaf_params
            parts.append("(" + " OR ".join(sqls) + ")")
        return " AND ".join(parts), params

    @property
    def words(self) -> list[Leaf]:
        """The positive unquoted words (what ranking weighs)."""
        return [leaf for c in self.clauses for leaf in c if leaf.column == "search_vector" and not leaf.term.negated]

    def share_at_most(self, any_word: bool = False) -> float:
        """An upper bound, from the word statistics, on the share of turns that match (`any_word`: as
        `condition`): a leaf holds at most its lexemes times the commonest one's turns, twice over
        (the answers to questions that have the word); a word naming a speaker, or excluded, bounds
        nothing. The search asks the planner's estimate only where this reaches SEQUENTIAL_SHARE."""
        turns = max(self.archive_turns, 1)

        def bound(leaves: list[Leaf]) -> float:
            if any(leaf.speakers or leaf.term.negated for leaf in leaves):
                return 1.0
            return min(1.0, sum(2 * max(len(leaf.lexemes), 1) * leaf.turns for leaf in leaves) / turns)

        required, optional = self._required_and_optional(any_word)
        leaves = [leaf for clause in optional for leaf in clause]
        bounds = [bound(clause) for clause in required] + ([bound(leaves)] if leaves else [])
        return min(bounds, default=1.0)

    def _required_and_optional(self, any_word: bool) -> tuple[list[list[Leaf]], list[list[Leaf]]]:
        """The clauses every match needs, and those of which any one is enough (`any_word` only:
        quoted phrases and excluded words stay required)."""
        if not any_word:
            return self.clauses, []
        required = [c for c in self.clauses if any(leaf.term.phrase or leaf.term.negated for leaf in c)]
        return required, [c for c in self.clauses if c not in required]

    def words_together(self, any_word: bool = False) -> bool:
        """Whether a match needs several words at once (`any_word`: as `condition`): a quoted phrase, or
        two required clauses."""
        required, _ = self._required_and_optional(any_word)
        positive = [c for c in required if any(not leaf.term.negated for leaf in c)]
        return len(positive) > 1 or any(leaf.column == "exact_vector" for c in positive for leaf in c)

    @property
    def optional_words(self) -> bool:
        """Whether any-word matching finds more than all-words matching would."""
        return sum(1 for c in self.clauses if not any(leaf.term.phrase or leaf.term.negated for leaf in c)) > 1

    def positive(self, column: str) -> tuple[str, list] | None:
        """One tsquery for every positive term on `column` (for ranking and highlighting)."""
        leaves = [leaf for clause in self.clauses for leaf in clause if leaf.column == column and not leaf.term.negated]
        if not leaves:
            return None
        return " || ".join(f"({leaf.tsquery})" for leaf in leaves), [p for leaf in leaves for p in leaf.params]

    @property
    def chinese(self) -> list[str]:
        """The Chinese strings the query looks for (folded), for highlighting."""
        found = []
        for clause in self.clauses:
            for leaf in clause:
                if not leaf.term.negated and has_han(leaf.term.text):
                    found += han_words(leaf.term.text) if not leaf.term.phrase else [leaf.term.text]
        return found


def parse(text: str, split_chinese: bool = True) -> list[list[Term]]:
    """Words, "phrases", `or` and `-` into an AND of ORs. Unquoted Chinese is cut into its words, each
    a term of its own (as English words are), unless `or` joins it to a neighbour."""
    clauses: list[list[Term]] = []
    join_next = False
    # Quotation marks of other languages delimit phrases where the query has none of its own (a
    # quoted sentence may quote something inside: "… 供奉了“真榊”祭品 …").
    tokens = _TOKEN.findall(text if '"' in text else text.translate(QUOTE_MARKS))
    for at, token in enumerate(tokens):
        if token.lower() == "or" and clauses:
            join_next = True
            continue
        or_next = at + 1 < len(tokens) and tokens[at + 1].lower() == "or"
        negated = token.startswith("-") and len(token) > 1 and not _NUMBER.match(token)
        body = token[1:] if negated else token
        phrase = body.startswith('"')
        body = body.strip('"').strip()
        if not body:
            continue
        # "COVID-19" is "COVID 19": PostgreSQL reads the hyphen as a minus sign, and with it the
        # query would find neither "COVID 19" nor any turn that splits the words differently.
        parts = [body] if phrase or negated else _LETTERS_DASH_DIGITS.sub(r"\1 \2", body).split()
        if split_chinese and not (phrase or negated or join_next or or_next):
            parts = [word for part in parts for word in _chinese_words(part)]
        if phrase and not negated:
            # A quote as the press prints it: "we urge the US side … to come to its senses", "[Russia]
            # will respond": what was left out or put in is a gap; each piece must be in the turn.
            parts = [piece.strip() for piece in _GAP.split(body) if re.search(r"\w", piece)] or [body]
        for n, part in enumerate(parts):
            term = Term(part, phrase=phrase or " " in part, negated=negated)
            if join_next and clauses and n == 0:
                clauses[-1].append(term)
            else:
                clauses.append([term])
        join_next = False
    return clauses


def build(text: str, configs: list[str], connection, restrict: bool = True) -> TextQuery | None:
    """Compile `text` for the given text-search configurations (with `restrict`, only those of
    languages the archive holds); None when empty, QueryError when unusable. Two round trips: the
    names the words may be (and the languages held), then the size of every candidate tsquery
    (empty ones — stop words only — are dropped) with each term's stemmed words and statistics."""
    text = " ".join((text or "").split())
    if not text:
        return None
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"The query is too long: at most {MAX_QUERY_CHARS} characters, please.")
    terms = parse(text)
    if sum(len(clause) for clause in terms) > MAX_QUERY_TERMS and has_han(text):
        terms = parse(text, split_chinese=False)  # a long Chinese sentence: its words all required
    if sum(len(clause) for clause in terms) > MAX_QUERY_TERMS:
        raise QueryError(f"The query has too many words: at most {MAX_QUERY_TERMS}, please.")
    variants, in_use, voices, spellings = _variants(terms, connection, languages=restrict)
    if restrict and in_use:
        # Only the languages the archive holds: a configuration no turn is indexed with matches
        # nothing, and each one left in the query doubles its cost.
        configs = [c for c in configs if c in in_use] or configs
    candidates: list[list[tuple[Term, str, list[tuple[str, list]]]]] = []
    for clause in terms:
        compiled = []
        for term in clause:
            column, parts = _compile(term, configs, variants, list(spellings.get(term.text, {})))
            compiled.append((term, column, parts))
        candidates.append(compiled)
    every_part = [part for clause in candidates for _, _, parts in clause for part in parts]
    every_term = [term for clause in candidates for term, _, _ in clause]
    sizes, weights, totals = _sizes_and_weights(every_part, every_term, configs, variants, spellings, connection)
    clauses: list[list[Leaf]] = []
    index = 0
    for clause in candidates:
        leaves = []
        for term, column, parts in clause:
            part_sizes = sizes[index : index + len(parts)]
            index += len(parts)
            if _stop_word(term, configs, [size for size, _ in part_sizes]):
                continue
            # Each piece as the tsquery it evaluates to, once: two languages that stem a word alike
            # ("president" → 'presid' in both) would otherwise make the GIN index read its entry twice.
            kept = list(dict.fromkeys(text for size, text in part_sizes if size > 0))
            if kept:
                lexemes, turns = weights[id(term)]
                leaves.append(Leaf(term, column, " || ".join(["%s::tsquery"] * len(kept)), kept, lexemes, turns))
        if leaves:
            clauses.append(leaves)
    if not any(not leaf.term.negated for clause in clauses for leaf in clause):
        raise QueryError(
            "The query has only very common words (like “the” or “and”), which are not searched on their own, "
            'or only excluded words. Add a more specific word, or put a phrase in quotes: "we will not".'
        )
    used = {v.word for clause in clauses for leaf in clause for v in variants if v.word == leaf.term.text}
    for clause in clauses:
        for leaf in clause:
            if not leaf.term.negated and not leaf.term.phrase:
                leaf.speakers = sorted({pk for voice in voices if leaf.term.text in voice.words for pk in voice.ids})
    heard = [v for v in voices if any(leaf.speakers for c in clauses for leaf in c if leaf.term.text in v.words)]
    if heard:
        # "What has Kirby said about Hamas?": with a speaker named, "said" asks for what he said;
        # as a word it would rank the turns that contain "said". Kept when it is all that is left.
        topical = [c for c in clauses if not all(_speech_verb(leaf.term) for leaf in c)]
        if any(not leaf.speakers and not leaf.term.negated for c in topical for leaf in c):
            clauses = topical
    searched = {leaf.term.text for clause in clauses for leaf in clause}
    spelled = [Spelling(w, list(others)) for w, others in spellings.items() if ENGLISH in configs and w in searched]
    return TextQuery(
        text, configs, clauses, [v for v in variants if v.word in used], *totals, voices=heard, spellings=spelled
    )


# Verbs of saying, in the query languages people ask in: with a speaker named, the question's frame
# ("talks", "state", "comment" are left out: as often topics).
SPEECH_VERBS = set(
    "say says said saying tell tells told speak speaks spoke mention mentions mentioned commented stated "
    "сказал сказала говорил говорила заявил заявила 说 表示".split()
)


def _speech_verb(term: Term) -> bool:
    return not term.phrase and not term.negated and term.text.lower().strip("?!.,") in SPEECH_VERBS


def _stop_word(term: Term, configs: list[str], sizes: list[int]) -> bool:
    """An unquoted word that a stemming language drops ("up", "и") is dropped from the query:
    kept by the simple configuration alone, it would exclude every turn in that language."""
    if term.phrase or has_han(term.text):
        return False
    return any(size == 0 for config, size in zip(configs, sizes) if config != CHINESE_CONFIG)


def _compile(
    term: Term, configs: list[str], variants: list[Variant], respelled: Sequence[str] = ()
) -> tuple[str, list[tuple[str, list]]]:
    """The column a term searches and the tsquery pieces (SQL, params) ORed for it (`respelled`: the
    word's other English spellings the archive holds, transcripts/spellings.py)."""
    if has_han(term.text):
        if term.phrase:
            return "exact_vector", [_chinese_phrase(*_uncut(term.text))]
        parts = []
        for word in _han_query_words(term.text):
            if len(word) == 1:
                parts.append((f"to_tsquery('{CHINESE_CONFIG}', %s)", [f"{word}:*"]))
            else:
                parts.append((f"phraseto_tsquery('{CHINESE_CONFIG}', %s)", [pieces(word)]))
        # Every word of an unquoted Chinese query must be there: one AND-ed tsquery.
        return "search_vector", [(" && ".join(f"({sql})" for sql, _ in parts), [p for _, ps in parts for p in ps])]
    if term.phrase:
        # As the index reads it: "we — we will" is "we will" (transcripts/textindex.py), and so is a
        # quote pasted with the stutter but no dash, "we we will"; "the US side"
        # as the White House prints it too, "the U.S. side".
        spellings = initialism_spellings(quoted_words(term.text))
        return "exact_vector", [(f"phraseto_tsquery('{EXACT_CONFIG}', %s)", [text]) for text in spellings]
    parts = [("websearch_to_tsquery(%s::regconfig, %s)", [config, term.text]) for config in configs]
    if ENGLISH in configs:
        parts += [("websearch_to_tsquery(%s::regconfig, %s)", [ENGLISH, other]) for other in respelled]
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
    if _CYRILLIC.search(term.text) and DEFAULT_SEARCH_CONFIG in configs:
        # Ukrainian is indexed without a stemmer (PostgreSQL has none): every form of the word instead.
        parts += [(f"plainto_tsquery('{DEFAULT_SEARCH_CONFIG}', %s)", [form]) for form in ukrainian_forms(term.text)]
    if DEFAULT_SEARCH_CONFIG in configs:
        # So are Polish, Czech …: a country's name finds its case forms ("Rosja" finds "Rosji").
        parts += [(f"plainto_tsquery('{DEFAULT_SEARCH_CONFIG}', %s)", [form]) for form in declined_forms(term.text)]
    return "search_vector", parts


# Initialisms publishers write with and without full stops: the China MFA's "US", "UN", the White
# House's "U.S.", "U.N.". The exact index keeps them apart ("u.s" is one token, "us" another).
_INITIALISMS = {"US": "U.S.", "UK": "U.K.", "UN": "U.N.", "EU": "E.U.", "UAE": "U.A.E.", "USA": "U.S.A."}
_INITIALISM = re.compile(
    r"(?<![\w.])("
    + "|".join(re.escape(k) for pair in _INITIALISMS.items() for k in sorted(pair, key=len, reverse=True))
    + r")(?![\w])(?!\.\w)"
)
_SPELLINGS = {k: (k, v) for k, v in _INITIALISMS.items()} | {v: (k, v) for k, v in _INITIALISMS.items()}


_THE_US = re.compile(r"\b(the\s+)us\b(?!\.)", re.I)


def initialism_spellings(text: str, limit: int = 8) -> list[str]:
    """ "the US side" → ["the US side", "the U.S. side"]: every spelling of its initialisms (up to `limit`).
    After "the", "us" typed in lower case is the country too ("the us will use the withdrawal")."""
    text = _THE_US.sub(lambda m: m[1] + "US", text)
    found = list(_INITIALISM.finditer(text))
    if not found:
        return [text]
    spellings = [""]
    last = 0
    for match in found:
        spellings = [s + text[last : match.start()] + form for s in spellings for form in _SPELLINGS[match.group(1)]]
        spellings = spellings[:limit]
        last = match.end()
    return [s + text[last:] for s in spellings]


_HAN_TOKEN = re.compile(rf"(?:{HAN.pattern}){JUNCTION}?")


def _chinese_phrase(phrase: str, cut_before: bool = False, cut_after: bool = False) -> tuple[str, list]:
    """A quoted phrase with Chinese in it, as a tsquery: the index's pieces in order (textindex), where
    each piece inside the phrase is also found as the junction of two runs ("化中" or "化中x": a quote
    typed without the text's commas, or with commas the text does not print). The first and the
    last piece are only themselves ("中国" is not found in "谈判中，国际"), unless the quote went on
    beyond them and was cut there (`_uncut`)."""
    tokens = (index_text(phrase) or phrase).split()
    han = [i for i, token in enumerate(tokens) if _HAN_TOKEN.fullmatch(token)]
    parts: list[tuple[str, list]] = []
    for chinese, group in groupby(enumerate(tokens), key=lambda pair: bool(_HAN_TOKEN.fullmatch(pair[1]))):
        group = list(group)
        if not chinese:
            other = " ".join(token for _, token in group)
            if re.search(r"\w", other):  # not punctuation alone
                parts.append((f"phraseto_tsquery('{EXACT_CONFIG}', %s)", [other]))
            continue
        for i, token in group:
            piece = token.removesuffix(JUNCTION)
            inside = len(piece) == 2 and (token != piece or (cut_before or han[0] < i) and (cut_after or i < han[-1]))
            lexemes = [piece, piece + JUNCTION] if inside else [token]
            parts.append(("to_tsquery('simple', %s)", [" | ".join(_quoted_lexeme(x) for x in lexemes)]))
    sql, params = parts[0] if parts else (f"phraseto_tsquery('{EXACT_CONFIG}', %s)", [phrase])
    for part_sql, part_params in parts[1:]:
        sql, params = f"tsquery_phrase({sql}, {part_sql})", params + part_params
    return sql, params


_RUN = re.compile(rf"{HAN.pattern}|(?:(?!{HAN.pattern})\w)+")


def _uncut(phrase: str) -> tuple[str, bool, bool]:
    """A quoted Chinese phrase without what may be cut at either end: a quote selected from a page
    often begins or ends inside a word ("道，缅甸政府…" of "据报道，缅甸政府…") or a number ("72年…" of
    "1972年…"), and the index holds two-character pieces and whole numbers, none of which is that
    character or those digits alone. A lone character, then a number against the Chinese, are taken
    off each end in turn ("道，第72届…" → "届…": "第" stands between the number and a comma, where the
    index holds it only in the junction "道第x"), a number only while two Chinese characters are left.
    Returns the phrase and whether its start and its end were cut."""

    def cut(runs: list[re.Match], edge: int, inner: int) -> bool:
        if len(runs) < 2:
            return False
        run, next_run = runs[edge].group(), runs[inner]
        if len(run) == 1 and has_han(run):
            return True
        touching = next_run.start() == runs[edge].end() if edge == 0 else next_run.end() == runs[edge].start()
        han = sum(len(r.group()) for r in runs if has_han(r.group()))
        return run.isdigit() and touching and han >= 2

    before = after = False
    while cut(runs := list(_RUN.finditer(phrase)), 0, 1):
        phrase, before = phrase[runs[1].start() :], True
    while cut(runs := list(_RUN.finditer(phrase)), -1, -2):
        phrase, after = phrase[: runs[-2].end()], True
    return phrase, before, after


def _chinese_words(token: str) -> list[str]:
    """An unquoted token's words: "中美贸易战" → 中美, 贸易战; "G20峰会" → G20, 峰会 (a word of
    one character with its neighbour, as `_han_query_words` searches it)."""
    if not has_han(token):
        return [token]
    words = []
    for piece in re.split(f"({HAN.pattern})", fold_chinese(token)):
        if has_han(piece):
            words += _han_query_words(piece)
        elif re.search(r"\w", piece):
            words.append(piece.strip())
    return list(dict.fromkeys(words)) or [token]


def _han_query_words(text: str) -> list[str]:
    """The Chinese words an unquoted query requires. A word of one character is searched with its
    neighbour in the query ("援助外" → 援助, 助外): the index holds two-character pieces, so a lone
    character is only found where a piece starts with it, and "外" ends the run in "援助外，"."""
    words = []
    for run in HAN.findall(fold_chinese(text)):
        at = 0
        for word in han_words(run):
            if len(word) > 1 or len(run) == 1:
                words.append(word)
            else:
                words.append(run[at - 1 : at + 1] if at > 0 else run[at : at + 2])
            at += len(word)
    return words or [text]


def _quoted_lexeme(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def _sizes_and_weights(
    parts: list[tuple[str, list]],
    terms: list[Term],
    configs: list[str],
    variants: list[Variant],
    spellings: dict[str, dict[str, list[str]]],
    connection,
) -> tuple[list[tuple[int, str]], dict[int, tuple[list[str], int]], tuple[int, float]]:
    """In one round trip: the size and text of every candidate tsquery; each term's stemmed words and how many
    turns hold the commonest (a Chinese word or a phrase: the rarest, as all are needed); and the
    archive's turn count and average turn length — ranking's statistics, kept by the index triggers."""
    selects = [f"numnode({part}), ({part})::text" for part, _ in parts]
    params = [p for _, ps in parts for p in (*ps, *ps)]
    for term in terms:
        texts = [term.text]
        if not term.phrase:
            texts += [name for v in variants if v.word == term.text for name in v.names if " " not in name]
        pairs = [(CHINESE_CONFIG, index_text(term.text, junctions=False))] if has_han(term.text) else [
            (config, t) for config in configs for t in texts
        ]  # fmt: skip
        stems = list(russian_name_stems(term.text)) if _CYRILLIC.search(term.text) else []
        if ENGLISH in configs and not term.phrase:
            stems += [stem for found in spellings.get(term.text, {}).values() for stem in found]
        lexemes = (
            "ARRAY(SELECT DISTINCT x FROM unnest(%s::text[]"
            + "".join(" || tsvector_to_array(to_tsvector(%s::regconfig, %s))" for _ in pairs)
            + ") AS x ORDER BY x)"
        )
        aggregate = "min" if term.phrase or has_han(term.text) else "max"
        counts = (
            f"(SELECT coalesce({aggregate}(l.turns), 0) FROM transcripts_lexeme AS l "
            f"WHERE l.kind = 's' AND l.lexeme = ANY({lexemes}))"
        )
        selects += [lexemes, counts]
        pair_params = [stems, *[p for pair in pairs for p in pair]]
        params += pair_params + pair_params
    selects.append(
        "(SELECT coalesce(max(turns) FILTER (WHERE kind = 'n'), 0) FROM transcripts_lexeme WHERE kind = 'n'),"
        " (SELECT coalesce(max(turns), 0) FROM transcripts_lexeme WHERE kind = 'l')"
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(selects), params)
        row = cursor.fetchone()
    sizes = list(zip(row[: 2 * len(parts) : 2], row[1 : 2 * len(parts) : 2], strict=True))
    rest = row[2 * len(parts) :]
    weights = {id(term): (list(rest[2 * i]), rest[2 * i + 1]) for i, term in enumerate(terms)}
    turns, lengths = rest[-2], rest[-1]
    return sizes, weights, (turns, lengths / turns if turns else 100.0)


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


@lru_cache(maxsize=4096)
def ukrainian_forms(word: str) -> tuple[str, ...]:
    """Every form of a Ukrainian word that pymorphy3's Ukrainian dictionary knows («Україна» →
    «України», «Україною» …), the word itself left out; none for a word it does not know."""
    forms = set()
    for parse in _uk_morph().parse(word.lower()):
        if parse.is_known:
            forms.update(form.word for form in parse.lexeme)
    return tuple(sorted(forms - {word.lower()}))


@lru_cache(maxsize=1)
def _uk_morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="uk")


def _stems(forms: tuple[str, ...]) -> set[str]:
    from django.db import connections, router

    from transcripts.models import Utterance

    with connections[router.db_for_read(Utterance)].cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT s FROM unnest(%s::text[]) AS f, unnest(ts_lexize('russian_stem', f)) AS s", [list(forms)]
        )
        return {row[0] for row in cursor.fetchall()}


def _variants(
    clauses: list[list[Term]], connection, languages: bool = True
) -> tuple[list[Variant], set[str], list[Voice], dict[str, dict[str, list[str]]]]:
    """Query words that are a name or alias of an entity or speaker: their other names; the
    text-search configurations of the languages the archive holds (with `languages`); the speakers
    the query names; and each word's other English spellings (transcripts/spellings.py) that turns
    use.

    One query over the entities' and speakers' names, compared without case and accents, and over
    the word counts; none when there is nothing to ask (a quoted phrase in configurations already
    chosen)."""
    typed = {t.text for clause in clauses for t in clause if not t.phrase and not t.negated}
    # "US" typed in capitals is the country, as "U.S." is: its names are looked up by that spelling.
    dotted = {_INITIALISMS[w]: w for w in typed if w in _INITIALISMS}
    words = sorted({w for w in typed if len(w) > 2} | set(dotted))
    words = [w for w in words if not _NUMBER.match(w) and not has_han(w)]
    keys = _speaker_keys(clauses)
    spelled = [
        (t.text, other)
        for clause in clauses
        for t in clause
        if not t.phrase and not has_han(t.text)
        for other in other_spellings(t.text)
    ]
    sql = """
        SELECT NULL, NULL, NULL, NULL, ARRAY(
            -- The distinct languages, one index probe each (a loose index scan on event_language).
            WITH RECURSIVE held AS (
                (SELECT language FROM transcripts_event ORDER BY language LIMIT 1)
                UNION ALL
                SELECT (SELECT e.language FROM transcripts_event e WHERE e.language > held.language
                        ORDER BY e.language LIMIT 1)
                FROM held WHERE held.language IS NOT NULL
            )
            SELECT language FROM held WHERE language IS NOT NULL
        )
        UNION ALL
        SELECT w, kind, slug, name, names FROM unnest(%s::text[]) AS w
        CROSS JOIN LATERAL (
            SELECT 'entity' AS kind, e.slug, e.name, e.aliases || e.name AS names, e.mention_count AS weight
            FROM transcripts_entity e
            WHERE NOT e.rejected AND e.kind IN ('person', 'country', 'place', 'organisation')
              -- The GIN index entity_folded_names (migration 0016) answers this.
              AND verbatim_folded_names(e.aliases::text[] || e.name::text) @> ARRAY[lower(unaccent(w))]
            UNION ALL
            SELECT 'speaker', s.slug, s.name, s.aliases || s.name, 0
            FROM transcripts_speaker s
            WHERE verbatim_folded_names(s.aliases::text[] || s.name::text) @> ARRAY[lower(unaccent(w))]
            ORDER BY weight DESC LIMIT 1
        ) AS found
        UNION ALL
        -- Speakers a word or a run of words names: a surname or other name of a speaker with a
        -- full name (single words), or the full name itself; the speaker's own names or those of
        -- the person they are (Zelenskiy, Zelensky, Zelenskyy).
        SELECT k.key, 'voice', min(s.slug), min(s.name), array_agg(DISTINCT s.id::text)
        FROM unnest(%s::text[], %s::boolean[]) AS k(key, single)
        CROSS JOIN LATERAL (
            SELECT s.id, s.slug, s.name FROM transcripts_speaker s
            WHERE verbatim_folded_names(s.aliases::text[] || s.name::text) @> ARRAY[lower(unaccent(k.key))]
            UNION
            SELECT s.id, s.slug, s.name FROM transcripts_entity e JOIN transcripts_speaker s ON s.entity_id = e.id
            WHERE e.kind = 'person' AND NOT e.rejected
              AND verbatim_folded_names(e.aliases::text[] || e.name::text) @> ARRAY[lower(unaccent(k.key))]
        ) AS s
        WHERE NOT k.single OR s.name LIKE '%% %%'
        GROUP BY k.key
        UNION ALL
        -- Another spelling, when turns hold each of its stemmed words and it does not stem alike.
        -- Its stems for ranking: of "co-operation" only 'co-oper', not the parts ('co', 'oper').
        SELECT v.word, 'spelling', v.other, NULL,
               ARRAY(SELECT x FROM unnest(o.stems) AS x WHERE strpos(v.other, '-') = 0 OR strpos(x, '-') > 0)
        FROM unnest(%s::text[], %s::text[]) AS v(word, other)
        CROSS JOIN LATERAL (SELECT tsvector_to_array(to_tsvector('verbatim_english', v.other)) AS stems) AS o
        WHERE cardinality(o.stems) > 0
          AND o.stems <> tsvector_to_array(to_tsvector('verbatim_english', v.word))
          AND NOT EXISTS (
              SELECT 1 FROM unnest(o.stems) AS x WHERE NOT EXISTS (
                  SELECT 1 FROM transcripts_lexeme AS l WHERE l.kind = 's' AND l.lexeme = x AND l.turns > 0
              )
          )
    """
    if not (languages or words or keys or spelled):
        return [], set(), [], {}
    singles = [len(run) == 1 and not has_han(key) for key, run in keys.items()]
    with connection.cursor() as cursor:
        cursor.execute(sql, [words, list(keys), singles, [w for w, _ in spelled], [o for _, o in spelled]])
        rows = cursor.fetchall()
    spellings: dict[str, dict[str, list[str]]] = {}
    for word, _, other, _, stems in (row for row in rows if row[1] == "spelling"):
        spellings.setdefault(word, {})[other] = list(stems)
    rows = [row for row in rows if row[1] != "spelling"]
    in_use = {search_config_for(code) for code in rows[0][4]}
    voices = [
        Voice(keys[key], [int(pk) for pk in ids], name, slug) for key, kind, slug, name, ids in rows if kind == "voice"
    ]
    # A word that is part of a full name found is not also a surname on its own ("Zhao Lijian").
    inside = {word for voice in voices if len(voice.words) > 1 for word in voice.words}
    voices = [v for v in voices if len(v.words) > 1 or v.words[0] not in inside]
    rows = [row for row in rows if row[1] != "voice"]
    variants = []
    for word, kind, slug, name, names in rows[1:]:
        others = sorted({n for n in names if n.lower() != word.lower() and not _CYRILLIC.search(n)} - {""})
        # A short alias that is a common word elsewhere ("US", "UN") would flood the results.
        others = [n for n in others if len(n) > 3 or n.isupper() is False][:12]
        if others:
            url = f"/entities/{slug}/" if kind == "entity" else f"/speakers/{slug}/"
            if word in dotted:
                variants.append(Variant(dotted[word], [word, *others], url, name))
            if word in typed:
                variants.append(Variant(word, others, url, name))
    return variants, in_use, voices, spellings


def _speaker_keys(clauses: list[list[Term]]) -> dict[str, tuple[str, ...]]:
    """What may name a speaker: each capitalised word ("Lavrov"; typed in lower case it is as
    likely a common word: "rice") or Chinese word ("赵立坚"), and each run of two or three plain
    words in any case ("zhao lijian"); mapped to the query words it is made of."""
    plain = [c[0].text if len(c) == 1 and not c[0].phrase and not c[0].negated else None for c in clauses]
    keys: dict[str, tuple[str, ...]] = {}
    for i, word in enumerate(plain):
        if word and (len(word) > 2 and word[0].isupper() or has_han(word) and len(word) > 1):
            keys.setdefault(word, (word,))
        for n in (2, 3):
            run = plain[i : i + n]
            if len(run) == n and all(run) and not any(_NUMBER.match(w) for w in run):
                keys.setdefault(" ".join(run), tuple(run))
    return keys

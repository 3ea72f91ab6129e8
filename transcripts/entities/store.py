"""Mentions into the database, and the archive's entities back into extraction."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence

from django.db import connection, transaction
from django.db.models import Q
from django.db.models.expressions import RawSQL

from transcripts import search_sql
from transcripts.catalogue import lock_catalogue
from transcripts.dbtools import copy_rows
from transcripts.entities.extract import Known, TranscriptMentions, extract
from transcripts.entities.gazetteer import EntityInfo, EntityRef, gazetteer, gazetteer_version
from transcripts.models import Entity, Event, Mention, Speaker, Utterance, slug_base, unique_slug

# The archive's entity rows as extraction last saw them (see known_entities).
_SEEN: dict = {}
_ROW = ("pk", "name", "kind", "aliases", "wikidata_id", "country_code", "discovered", "rejected", "updated_at")


def known_entities() -> Known:
    """What the archive knows beyond the gazetteer: entities discovered in transcripts, entities
    whose aliases an editor changed, and those marked wrong.

    One cheap aggregate per call. When it moved, only the rows created or changed since the last
    read are fetched and folded in (an ingest adds a few entities; the archive has thousands: a
    bulk ingest discovers one every other transcript, and going over all of them each time cost
    5 ms a file), and everything is read again when that does not add up (rows deleted, or
    another gazetteer). "Changed since" is by transaction: rows written by any transaction that
    had not finished when the last read began, so an edit committed after that read is fetched
    at the next change of the catalogue. Entities exactly as the gazetteer has them are left
    out: the gazetteer's own matcher already knows them.
    """
    if not _SEEN and Entity._meta.db_table not in connection.introspection.table_names():
        return Known()  # before `migrate`: the gazetteer alone (ingest --dry-run on a fresh clone)
    with connection.cursor() as cursor:  # once per transcript ingested: not compiled by the ORM each time
        cursor.execute(f"SELECT count(*), max(updated_at), max(id) FROM {Entity._meta.db_table}")
        state = dict(zip(("n", "last", "top"), cursor.fetchone(), strict=True))
    key = (gazetteer_version(), state["n"], state["last"], state["top"])
    if _SEEN.get("key") == key:
        return _SEEN["known"]
    horizon = _horizon()
    seen = _SEEN.get("seen") if _SEEN.get("key", (None,))[0] == key[0] else None
    if seen is not None and _SEEN["horizon"][0] == horizon[0]:
        # Rows written by a transaction that had not finished when the last read began (it may
        # not have seen them), and rows with a higher id; the rest were read already.
        written = RawSQL("xmin::text::bigint", [])
        changed = Entity.objects.alias(written=written).filter(
            Q(pk__gt=_SEEN["top"]) | Q(written__gte=_SEEN["horizon"][1])
        )
        for row in changed.values_list(*_ROW):
            seen.put(row)
        if len(seen) != state["n"]:
            seen = None  # some were deleted: read them all
    else:
        seen = None  # another gazetteer, or transaction ids wrapped round
    if seen is None:
        seen = _Seen(_gazetteer_aliases())
        for row in Entity.objects.values_list(*_ROW):
            seen.put(row)
    known = Known(seen.version(), seen.entities(), seen.rejected())
    _SEEN.clear()
    _SEEN.update(key=key, seen=seen, top=state["top"] or 0, horizon=horizon, known=known)
    return known


def _horizon() -> tuple[int, int]:
    """(epoch, transaction id) of the oldest transaction still running, as 32-bit row ids (xmin)
    count them: every row written before it is visible to a read that starts after this call."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
        oldest = cursor.fetchone()[0]
    return oldest >> 32, oldest & 0xFFFFFFFF


class _Seen:
    """The archive's entity rows by id, each as what it adds to the gazetteer (an EntityInfo, a
    rejected name, or nothing), with a digest of the whole kept as rows come and change: the
    version that tells whether the matcher must be built again."""

    def __init__(self, as_in_gazetteer: dict[EntityRef, set[str]]):
        self.as_in_gazetteer = as_in_gazetteer
        self.rows: dict[int, tuple] = {}  # id -> ("info", EntityInfo) / ("rejected", EntityRef) / ("", None)
        self.digests: dict[int, int] = {}
        self.digest = 0

    def __len__(self) -> int:
        return len(self.rows)

    def put(self, row: tuple) -> None:
        pk, name, kind, aliases, wikidata_id, country_code, discovered, is_rejected, _ = row
        ref = EntityRef(name, kind)
        if is_rejected:
            value = ("rejected", ref)
        elif self.as_in_gazetteer.get(ref) != set(aliases):
            value = ("info", EntityInfo(ref, tuple(aliases), wikidata_id, country_code, discovered))
        else:
            value = ("", None)
        self.digest ^= self.digests.pop(pk, 0)
        if value[0]:
            what = (pk, ref, sorted(aliases)) if value[0] == "info" else (pk, "rejected", ref)
            self.digests[pk] = int.from_bytes(hashlib.sha1(repr(what).encode()).digest()[:16], "big")
            self.digest ^= self.digests[pk]
        self.rows[pk] = value

    def entities(self) -> tuple[EntityInfo, ...]:
        return tuple(value for kind, value in (self.rows[pk] for pk in sorted(self.rows)) if kind == "info")

    def rejected(self) -> frozenset[EntityRef]:
        return frozenset(value for kind, value in self.rows.values() if kind == "rejected")

    def version(self) -> str:
        """Same extras, same version: the matcher is not rebuilt when only mention counts moved."""
        return f"{gazetteer_version()}|{self.digest:032x}"


_GAZETTEER_ALIASES: dict = {}


def _gazetteer_aliases() -> dict[EntityRef, set[str]]:
    version = gazetteer_version()
    if version not in _GAZETTEER_ALIASES:
        _GAZETTEER_ALIASES.clear()
        _GAZETTEER_ALIASES[version] = {info.ref: set(info.aliases) for info in gazetteer()}
    return _GAZETTEER_ALIASES[version]


def extract_mentions(parsed) -> TranscriptMentions:
    """Mentions in a ParsedTranscript (as ingest has it, before anything is saved)."""
    return extract(
        parsed.title, [(turn.text, turn.speaker) for turn in parsed.turns], known_entities(), parsed.language
    )


def save_mentions(
    utterances: Sequence[Utterance], mentions: TranscriptMentions, entities: dict[EntityRef, Entity] | None = None
) -> dict[int, int]:
    """Mention rows for `utterances` (in the order extraction saw them; `entities`: their rows, when
    already found by `entities_for`); returns how many rows (turns) each entity got."""
    entities = entities if entities is not None else entities_for(mentions.entities.values())
    rows = []
    for utterance, counts, spans in zip(utterances, mentions.per_turn, mentions.spans, strict=True):
        for ref, n in counts.items():
            offsets = [x for m in spans if m.ref == ref for x in (m.start, m.end)]
            rows.append(Mention(entity=entities[ref], utterance=utterance, count=n, spans=offsets))
    copy_rows(Mention, rows, ["entity", "utterance", "count", "spans"])
    return dict(Counter(row.entity_id for row in rows))


def entities_for(infos: Iterable[EntityInfo]) -> dict[EntityRef, Entity]:
    """The Entity row for each ref, created (with its gazetteer aliases) when new."""
    infos = list(infos)
    if not infos:
        return {}
    wanted = {info.ref for info in infos}
    found = _existing(wanted)
    if wanted - set(found):
        lock_catalogue()
        found = _existing(wanted)  # another ingest may have created some meanwhile
    new = list({info.ref: info for info in infos if info.ref not in found}.values())
    if new:
        slugs = _free_slugs([info.ref.name for info in new])
        created = Entity.objects.bulk_create(
            [
                Entity(
                    name=info.ref.name[:200],
                    kind=info.ref.kind,
                    slug=slug,
                    aliases=list(info.aliases),
                    wikidata_id=info.wikidata_id,
                    country_code=info.country_code,
                    discovered=info.discovered,
                )
                for info, slug in zip(new, slugs, strict=True)
            ]
        )
        found.update({info.ref: entity for info, entity in zip(new, created, strict=True)})
    return found


def _existing(wanted: set[EntityRef]) -> dict[EntityRef, Entity]:
    found: dict[EntityRef, Entity] = {}
    for entity in Entity.objects.filter(name__in={ref.name for ref in wanted}):
        ref = EntityRef(entity.name, entity.kind)
        if ref in wanted:
            found[ref] = entity
    return found


def _free_slugs(names: list[str]) -> list[str]:
    """One unused slug per name, with one query when nothing collides (the usual case)."""
    bases = [slug_base(name) for name in names]
    taken = set(Entity.objects.filter(slug__in=bases).values_list("slug", flat=True))
    out: list[str] = []
    for name, base in zip(names, bases, strict=True):
        slug = base
        if slug in taken:
            slug = unique_slug(Entity, name, taken=taken)
        taken.add(slug)
        out.append(slug)
    return out


def link_speakers(speakers: Iterable[Speaker]) -> None:
    """Each speaker's person entity (created if need be), so a person's page shows both sides."""
    unlinked = [s for s in speakers if s.entity_id is None]
    if not unlinked:
        return
    persons = {info.ref.name: info for info in gazetteer() if info.ref.kind == "person"}
    infos = [
        persons.get(s.name) or EntityInfo(EntityRef(s.name, "person"), tuple(s.aliases), discovered=True)
        for s in unlinked
    ]
    entities = entities_for(infos)
    for speaker, info in zip(unlinked, infos, strict=True):
        entity = entities[info.ref]
        if not Speaker.objects.filter(entity=entity).exists():
            speaker.entity = entity
            speaker.save(update_fields=["entity"])


@transaction.atomic
def refresh_mention_counts(entity_ids: Iterable[int] | None = None) -> None:
    """Recount turns mentioning each entity (all of them when `entity_ids` is None).

    The entity rows are locked first, in a statement of their own: two ingests mentioning the
    same country then count one after the other, and the second count (a new statement, so a new
    snapshot under READ COMMITTED) sees the first one's committed mentions. Counting without
    the lock lost updates. FOR NO KEY UPDATE does not block the foreign-key checks of other
    ingests inserting mentions, so there is no deadlock with them.
    """
    where, params = "", []
    if entity_ids is not None:
        ids = sorted(set(entity_ids))
        if not ids:
            return
        where, params = " WHERE e.id = ANY(%s)", [ids]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT e.id FROM transcripts_entity e{where} ORDER BY e.id FOR NO KEY UPDATE", params)
        cursor.execute(
            "UPDATE transcripts_entity e SET mention_count = "
            f"(SELECT count(*) FROM transcripts_mention m WHERE m.entity_id = e.id){where}",
            params,
        )


def add_mention_counts(added: dict[int, int]) -> None:
    """Entities' mention counts raised by the turns just given to them (a new transcript's): the
    same result as refresh_mention_counts without recounting every mention of a common entity
    (100,000 rows for a country in a million turns). Rows are locked in id order first, as there."""
    ids = sorted(added)
    if not ids:
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM transcripts_entity WHERE id = ANY(%s) ORDER BY id FOR NO KEY UPDATE", [ids])
        cursor.execute(
            "UPDATE transcripts_entity e SET mention_count = e.mention_count + a.n "
            "FROM unnest(%s::bigint[], %s::int[]) AS a(id, n) WHERE e.id = a.id",
            [ids, [added[i] for i in ids]],
        )


def mentioned_entity_ids(event) -> set[int]:
    turn_ids = list(event.utterances.values_list("id", flat=True))
    return set(Mention.objects.filter(utterance_id__in=turn_ids).values_list("entity_id", flat=True).distinct())


def forget_unused_discoveries() -> int:
    """Discovered entities no turn mentions any more (and no speaker is), e.g. after a parser fix."""
    deleted, _ = (
        Entity.objects.filter(discovered=True, rejected=False, mention_count=0).filter(Q(speaker__isnull=True)).delete()
    )
    return deleted


@transaction.atomic
def remention_event(pk: int) -> int:
    """Extract one stored transcript's mentions again; returns the number of mention rows."""
    event = Event.objects.select_for_update().get(pk=pk)
    lock_catalogue()  # entities may be created
    utterances = list(event.utterances.select_related("speaker").order_by("sequence"))
    found = extract(
        event.title,
        [(u.text, u.speaker.name if u.speaker_id else None) for u in utterances],
        known_entities(),
        event.language,
    )
    ids = [u.pk for u in utterances]
    with connection.cursor() as cursor:
        # The turns' entity lists are set once at the end, and only where they changed: the mention
        # triggers would empty every one on the delete and write it again on the insert.
        cursor.execute("SET LOCAL verbatim.turn_entities = 'deferred'")
        # By the turns' ids rather than a join on the event: one index lookup per turn, whatever the
        # planner believes about table sizes.
        Mention.objects.filter(utterance_id__in=ids).delete()
        save_mentions(utterances, found)
        cursor.execute("SET LOCAL verbatim.turn_entities = ''")
        cursor.execute(search_sql.TURN_ENTITIES_OF, [ids])
    return sum(len(counts) for counts in found.per_turn)

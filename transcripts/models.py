"""The archive's data: who published what, who spoke, what they said, whom they named."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, ExtractYear
from django.urls import reverse
from slugify import slugify

from transcripts.parsing.model import EventKind
from transcripts.parsing.model import Role as ParsedRole
from transcripts.querysets import EntityQuerySet, MentionQuerySet, SpeakerQuerySet, UtteranceQuerySet
from transcripts.search_config import all_search_configs, search_config_for
from transcripts.textindex import index_text

_CYRILLIC_TO_LATIN = str.maketrans(
    {
        **dict(zip("абвгдезийклмнопрстуфхцы", "abvgdeziyklmnoprstufhcy")),
        **{"ё": "e", "ж": "zh", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ь": "", "э": "e", "ю": "yu", "я": "ya"},
        **{"і": "i", "ї": "yi", "є": "ye", "ґ": "g"},
    }
)


def slug_base(text: str, max_length: int = 200) -> str:
    """ASCII, so URLs stay readable when copied: Cyrillic transliterated by our table (as slugs
    always were), Chinese and everything else by python-slugify (耿爽 → "geng-shuang")."""
    return slugify(text.lower().translate(_CYRILLIC_TO_LATIN))[:max_length].strip("-") or "item"


def unique_slug(model: type[models.Model], text: str, max_length: int = 200, taken: set[str] = frozenset()) -> str:
    """A slug for `text` not yet used by `model` nor in `taken` (appends -2, -3, … on collision)."""
    base = slug_base(text, max_length)
    slug, n = base, 1
    while slug in taken or model._default_manager.filter(slug=slug).exists():
        n += 1
        suffix = f"-{n}"
        slug = base[: max_length - len(suffix)] + suffix
    return slug


class Publisher(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    country = models.CharField(
        max_length=2, blank=True, help_text="ISO 3166-1 alpha-2 code of the publisher's country."
    )
    website = models.URLField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Publisher, self.name)
        super().save(*args, **kwargs)


class Event(models.Model):
    class Kind(models.TextChoices):
        # The parser's kinds, named for people.
        NEWS_CONFERENCE = EventKind.NEWS_CONFERENCE.value, "News conference"
        JOINT_PRESS_CONFERENCE = EventKind.JOINT_PRESS_CONFERENCE.value, "Joint press conference"
        BRIEFING = EventKind.BRIEFING.value, "Briefing"
        INTERVIEW = EventKind.INTERVIEW.value, "Interview"
        STATEMENT = EventKind.STATEMENT.value, "Statement"
        SPEECH = EventKind.SPEECH.value, "Speech"
        REMARKS = EventKind.REMARKS.value, "Remarks"
        OTHER = EventKind.OTHER.value, "Other"

    title = models.TextField()
    slug = models.SlugField(max_length=255, unique=True)
    kind = models.CharField(max_length=32, choices=Kind.choices, default=Kind.OTHER)
    date = models.DateField(null=True, blank=True, db_index=True)
    time = models.TimeField(null=True, blank=True, help_text="Local time as printed, if any.")
    location = models.CharField(max_length=200, blank=True)
    publisher = models.ForeignKey(Publisher, null=True, blank=True, on_delete=models.PROTECT, related_name="events")
    language = models.CharField(max_length=16, default="en", help_text="BCP 47 code, e.g. en, ru.")
    source_url = models.URLField(max_length=1000, blank=True)
    reference = models.CharField(
        max_length=100, blank=True, help_text="The publisher's own reference number, if printed."
    )
    content_hash = models.CharField(max_length=64, unique=True, help_text="SHA-256 of the original file's bytes.")
    original_filename = models.CharField(max_length=255, blank=True)
    dropped = models.JSONField(default=list, blank=True, help_text="Page chrome removed by the parser, as text.")
    warnings = models.JSONField(default=list, blank=True, help_text="What the parser was unsure of.")
    parse_hints = models.JSONField(
        default=dict,
        blank=True,
        help_text="An editor's corrections to the parse (title, date, speaker of unlabelled text, label "
        "style), applied again when a new version of the same file is ingested.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date", "-time", "-id"]
        indexes = [
            models.Index(fields=["publisher", "date"]),
            models.Index(fields=["source_url"]),
            # Every search asks which languages the archive holds (query._variants): a walk down
            # this index, a few probes, instead of reading every event.
            models.Index(fields=["language"], name="event_language"),
            # Each ingest looks for an editor's corrections to an earlier version of the same file
            # (ingest._with_editor_hints): only the few edited events, not a scan of every event.
            models.Index(fields=["original_filename"], condition=~Q(parse_hints={}), name="event_edited_filename"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.date:%Y-%m-%d})" if self.date else self.title

    def get_absolute_url(self) -> str:
        return reverse("event-detail", args=[self.slug])


class OriginalFile(models.Model):
    """The bytes of a transcript as uploaded, kept in the database so one backup holds all."""

    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="original")
    filename = models.CharField(max_length=255)
    content = models.BinaryField()
    size = models.PositiveIntegerField()

    def __str__(self) -> str:
        return self.filename


class Entity(models.Model):
    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        COUNTRY = "country", "Country"
        ORGANISATION = "organisation", "Organisation"
        PLACE = "place", "Place"
        SUBDIVISION = "subdivision", "State or region"
        MEDIA = "media", "News organisation"
        TREATY = "treaty", "Treaty or agreement"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    aliases = ArrayField(models.CharField(max_length=200), default=list, blank=True)
    wikidata_id = models.CharField(max_length=20, blank=True)
    country_code = models.CharField(max_length=2, blank=True)
    discovered = models.BooleanField(
        default=False, help_text="Found in text rather than in the gazetteer; awaiting review."
    )
    rejected = models.BooleanField(
        default=False,
        help_text="Marked wrong by an editor: its mentions are removed and it is not found again.",
    )
    mention_count = models.PositiveIntegerField(
        default=0, editable=False, help_text="Turns that mention it (kept up to date by ingest and remention)."
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = EntityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "entities"
        constraints = [
            models.UniqueConstraint(fields=["name", "kind"], name="entity_unique_name_kind"),
        ]
        indexes = [models.Index(fields=["-mention_count", "name"], name="entity_by_mentions")]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display().lower()})"

    def get_absolute_url(self) -> str:
        return reverse("entity-detail", args=[self.slug])


class Speaker(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    description = models.CharField(
        max_length=300, blank=True, help_text='A short description, e.g. "Foreign Minister of Russia".'
    )
    aliases = ArrayField(
        models.CharField(max_length=200),
        default=list,
        blank=True,
        help_text="Other spellings and forms of the name, e.g. 'Lavrov', 'Sergei Lavrov'.",
    )
    entity = models.OneToOneField(Entity, null=True, blank=True, on_delete=models.SET_NULL, related_name="speaker")

    objects = SpeakerQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("speaker-detail", args=[self.slug])


def event_years() -> models.Func:
    """ARRAY[the year of the turn's event date]: the key by which the words' GIN indexes hold a turn's
    year, and by which a date range of whole years is asked of them (filters.UtteranceFilter)."""
    return models.Func(
        Cast(ExtractYear("event_date"), models.IntegerField()),
        template="ARRAY[%(expressions)s]",
        output_field=ArrayField(models.IntegerField()),
    )


class Utterance(models.Model):
    """One speaker's turn, in order within its event.

    Every 64th turn is copied whole, by triggers, into the standing sample (search_sql.SAMPLE): a
    migration that adds a column here adds it there too (tests/test_turn_sample.py compares them)."""

    class Role(models.TextChoices):
        # The parser's roles, named for people.
        STATEMENT = ParsedRole.STATEMENT.value, "Statement"
        QUESTION = ParsedRole.QUESTION.value, "Question"
        ANSWER = ParsedRole.ANSWER.value, "Answer"
        REMARK = ParsedRole.REMARK.value, "Remark"

    # No single-column indexes on event and speaker: (event, sequence) and (speaker, event) cover
    # them, and every index costs time on each inserted turn.
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="utterances", db_index=False)
    sequence = models.PositiveIntegerField(help_text="1-based position of the turn in its event.")
    speaker = models.ForeignKey(
        Speaker,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        db_index=False,
        related_name="utterances",
        help_text="Empty for unnamed journalists; the label keeps what was printed.",
    )
    label = models.CharField(max_length=300, blank=True, help_text="The speaker label as printed.")
    affiliation = models.CharField(max_length=200, blank=True, help_text="The outlet or organisation, when printed.")
    role = models.CharField(max_length=16, choices=Role.choices)
    note = models.CharField(
        max_length=300, blank=True, help_text="Parenthetical note on the turn, e.g. 'retranslated'."
    )
    text = models.TextField(help_text="Paragraphs separated by a blank line.")
    answers = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="answered_by",
        help_text="For an answer: the question it answers.",
    )
    search_config = models.CharField(
        max_length=32,
        blank=True,
        help_text="PostgreSQL text-search configuration for this row; set from the event's language.",
    )
    index_text = models.TextField(
        blank=True,
        default="",
        db_default="",
        editable=False,
        help_text="What the search vectors are built from when it is not the text (Chinese).",
    )
    # Maintained by a database trigger (transcripts/search_sql.py); never written from Python.
    search_vector = SearchVectorField(null=True, editable=False)
    exact_vector = SearchVectorField(null=True, editable=False)
    # For an answer, its question's search_vector: ranked by relevance, an answer is found by what it
    # was asked about, at half the weight of its own words (transcripts/ranking.py).
    context_vector = SearchVectorField(null=True, editable=False)
    # A copy of the event's date (triggers keep it in step, migration 0009), so "newest first"
    # walks one index instead of sorting every match.
    event_date = models.DateField(null=True, blank=True, editable=False)
    # Copies of the event's publisher, kind and language, kept the same way (migration 0029): a
    # search's publisher facet counts them and its publisher, kind and language filters test them on
    # the turn, instead of looking up every match's event.
    event_publisher = models.ForeignKey(
        Publisher, null=True, blank=True, editable=False, on_delete=models.DO_NOTHING, db_constraint=False,
        db_index=False, related_name="+",
    )  # fmt: skip
    # NULL, not "", until the trigger has read them from the event (an insert that leaves them out).
    event_kind = models.CharField(max_length=32, null=True, blank=True, editable=False)  # noqa: DJ001
    event_language = models.CharField(max_length=16, null=True, blank=True, editable=False)  # noqa: DJ001
    # The entities the turn mentions, kept by a trigger on the mentions (transcripts/search_sql.py,
    # migration 0024): with its GIN index, a search's words and its entity filter meet in one bitmap
    # instead of reading the words of every turn that mentions the entity.
    entity_ids = ArrayField(models.BigIntegerField(), default=list, db_default=[], blank=True, editable=False)

    objects = UtteranceQuerySet.as_manager()

    class Meta:
        ordering = ["event", "sequence"]
        constraints = [
            models.UniqueConstraint(fields=["event", "sequence"], name="utterance_unique_sequence"),
            # Turns count from 1 (permalinks /u/<event>/<sequence>/ and anchors #u<sequence>).
            models.CheckConstraint(condition=models.Q(sequence__gte=1), name="utterance_sequence_from_one"),
            # One of ours: a row indexed under another configuration ("english") no query would find.
            models.CheckConstraint(
                condition=models.Q(search_config__in=all_search_configs()), name="utterance_search_config_known"
            ),
        ]
        indexes = [
            # The words, the year and the entities of a turn in one index: a filter by whole years or
            # by entity meets the words inside the index scan, where two indexes' bitmaps ANDed read
            # every turn of the year range or of the entity ("security" 2010-2015 at a million turns:
            # 184,282 dates and 57,665 word matches, 23.5 ms, against 10,468 matches, 5.4 ms).
            GinIndex(F("search_vector"), event_years(), F("entity_ids"), name="utterance_words_gin"),
            GinIndex(fields=["exact_vector"], name="utterance_exact_gin"),
            GinIndex(
                F("context_vector"),
                event_years(),
                F("entity_ids"),
                name="utterance_asked_gin",
                condition=models.Q(context_vector__isnull=False),
            ),
            models.Index(fields=["speaker", "event"]),
            models.Index(F("event_date").desc(nulls_last=True), F("event").desc(), "sequence", name="utterance_newest"),
            models.Index(F("event_date").asc(nulls_last=True), "event", "sequence", name="utterance_oldest"),
            # A publisher, kind or language filter meets the words in one bitmap instead of testing
            # every turn that has them ("presid" in news conferences: 188 -> 99 ms, a kind alone 481 ->
            # 13 ms at a million turns; ~7 MB each).
            models.Index(fields=["event_publisher"], name="utterance_event_publisher"),
            models.Index(fields=["event_kind"], name="utterance_event_kind"),
            models.Index(fields=["event_language"], name="utterance_event_language"),
            # What a search's one pass over the matches reads (search.MATCH_COLUMNS): with it, a
            # filter-only search (an entity, a speaker) is answered from the index, not from turns
            # that carry their whole text.
            models.Index(
                fields=["id"],
                include=["event_date", "event", "sequence", "speaker", "role", "event_publisher"],
                name="utterance_match",
            ),
        ]

    def __str__(self) -> str:
        who = self.speaker.name if self.speaker_id else (self.label or "Unattributed")
        return f"{who} #{self.sequence}"

    def save(self, *args, **kwargs):
        if self.event_id and not self.search_config:
            self.search_config = search_config_for(self.event.language)
        self.index_text = index_text(self.text or "")
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("utterance-permalink", args=[self.event.slug, self.sequence])

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p]

    @property
    def who(self) -> str:
        if self.speaker_id:
            return self.speaker.name
        return self.label or "Unattributed"


class Lexeme(models.Model):
    """How many turns hold a word: the archive's vocabulary and its frequencies, kept by
    PostgreSQL triggers (transcripts/search_sql.py) for ranking and "did you mean"."""

    class Kind(models.TextChoices):
        STEMMED = "s", "Stemmed (search_vector)"
        TURNS = "n", "Number of turns (lexeme '')"
        LENGTHS = "l", "Sum of turn lengths in distinct words (lexeme '')"

    pk = models.CompositePrimaryKey("kind", "lexeme")
    kind = models.CharField(max_length=1, choices=Kind.choices)
    lexeme = models.TextField()
    turns = models.BigIntegerField(help_text="Turns whose search vector holds the lexeme (or a total, see kind).")

    class Meta:
        # "Did you mean": the vocabulary by trigram similarity.
        indexes = [GinIndex(OpClass(F("lexeme"), name="gin_trgm_ops"), name="lexeme_trigram")]

    def __str__(self) -> str:
        return f"{self.lexeme} ({self.turns})"


class ChampionList(models.Model):
    """A common word's list of the turns where it weighs most (`Champion`), kept by PostgreSQL
    (transcripts/search_sql.py CHAMPIONS): every turn that holds the word and is not listed weighs
    at most `floor`. Ranking by relevance past COUNT_CAP matches reads these lists
    (transcripts/champions.py)."""

    lexeme = models.TextField(primary_key=True)
    floor = models.FloatField(default=0.0, help_text="No unlisted turn's weight for the word is above this.")
    average = models.FloatField(default=40.0, help_text="The average turn length (distinct words) its weights use.")

    def __str__(self) -> str:
        return f"{self.lexeme} (floor {self.floor:.3f})"


class Champion(models.Model):
    """One turn on a common word's list, with the word's weight in it (BM25's term weight, idf aside)."""

    pk = models.CompositePrimaryKey("utterance_id", "lexeme")
    utterance_id = models.BigIntegerField(help_text="The turn (its rows leave with it, by trigger).")
    lexeme = models.TextField()
    weight = models.FloatField()

    class Meta:
        indexes = [models.Index(fields=["lexeme", "-weight"], name="champion_strongest", include=["utterance_id"])]

    def __str__(self) -> str:
        return f"{self.lexeme} in turn {self.utterance_id} ({self.weight:.3f})"


class Mention(models.Model):
    # Indexed by the two composite indexes below, not one index per column.
    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="mentions", db_index=False)
    utterance = models.ForeignKey(Utterance, on_delete=models.CASCADE, related_name="mentions", db_index=False)
    count = models.PositiveIntegerField(default=1)
    spans = ArrayField(
        models.PositiveIntegerField(),
        default=list,
        blank=True,
        help_text="Where in the turn's text: start, end, start, end, … (character offsets), for linking.",
    )

    objects = MentionQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entity", "utterance"], name="mention_unique"),
            # Spans are (start, end) pairs: an odd number of offsets would link half a name.
            models.CheckConstraint(
                condition=models.Q(
                    RawSQL("coalesce(array_length(spans, 1), 0) %% 2 = 0", [], output_field=models.BooleanField())
                ),
                name="mention_spans_in_pairs",
            ),
            models.CheckConstraint(condition=models.Q(count__gte=1), name="mention_count_from_one"),
        ]
        indexes = [
            models.Index(fields=["utterance", "entity"]),
            # "Turns mentioning this entity" (search ?entity=, entity pages) answered from the index
            # alone, without reading the mention rows.
            models.Index(fields=["entity", "utterance"], name="mention_entity_turn"),
        ]

    def __str__(self) -> str:
        return f"{self.entity.name} in {self.utterance}"


class UploadBatch(models.Model):
    """Files an editor uploaded and has not yet confirmed or cancelled.

    The preview is rebuilt from these rows on every request, so it works with any number of
    server processes; batches are deleted on confirm or cancel, and after a day regardless.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="upload_batches")
    created_at = models.DateTimeField(auto_now_add=True)
    hints = models.JSONField(default=dict, blank=True, help_text="Publisher, kind, language, source URL as given.")

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Upload by {self.user} at {self.created_at:%Y-%m-%d %H:%M}"


class PendingFile(models.Model):
    batch = models.ForeignKey(UploadBatch, on_delete=models.CASCADE, related_name="files")
    position = models.PositiveIntegerField()
    filename = models.CharField(max_length=255, help_text="As the browser sent it; shown, never used as a path.")
    content = models.BinaryField(default=bytes, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    error = models.CharField(max_length=500, blank=True, help_text="Refused before parsing (type, size).")
    hints = models.JSONField(default=dict, blank=True, help_text="The editor's corrections for this file.")

    class Meta:
        ordering = ["batch", "position"]
        constraints = [models.UniqueConstraint(fields=["batch", "position"], name="pending_file_position")]

    def __str__(self) -> str:
        return self.filename


class FailedLogin(models.Model):
    """One failed sign-in, kept for the throttle window (transcripts/login.py)."""

    ip = models.GenericIPAddressField(null=True, blank=True)
    username = models.CharField(max_length=150, blank=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["ip", "at"]), models.Index(fields=["username", "at"])]

    def __str__(self) -> str:
        return f"{self.username or '?'} from {self.ip or '?'} at {self.at:%Y-%m-%d %H:%M}"

"""The filters behind /search/ and /events/: one FilterSet drives both the form and the query."""

from __future__ import annotations

import datetime

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Exists, Max, Min, OuterRef, Q
from django_filters.fields import ModelMultipleChoiceField
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from transcripts.models import Entity, Event, Mention, Publisher, Speaker, Utterance, event_years
from transcripts.params import MAX_REPEATED_VALUES

DATE_WIDGET = forms.DateInput(attrs={"type": "date"})


def name_or_alias(queryset, text: str):
    """Speakers or entities whose name or one of whose aliases contains `text` (the list pages'
    and the API's `?name=`)."""
    text = text.strip()[:100]
    if not text:
        return queryset
    return queryset.filter(Q(name__icontains=text) | Q(aliases__icontains=text))


def field_values(field: forms.Field, params, name: str) -> tuple[list[str], bool]:
    """The values of a filter's form field in `params`, read as the field reads them: a field of one
    value takes the last ("role=answer&role=" sets no role), one of several every value
    ("speaker=a&speaker=" is a); empty values set nothing (a form sends its unused fields empty).
    And whether the field takes several."""
    value = field.widget.value_from_datadict(params, {}, name)
    several = isinstance(value, list | tuple)
    return [v for v in (value if several else [value]) if v not in (None, "")], several


class ChosenOnly(forms.CheckboxSelectMultiple):
    """Only the speakers or entities already chosen, as ticked boxes to untick.

    People choose them from facets, speaker and entity pages; a list of every speaker or entity
    in the archive would be thousands of options on every page (and its slowest part).
    """

    def optgroups(self, name, value, attrs=None):
        values = [v for v in ([value] if isinstance(value, str) else value or []) if v]
        iterator = self.choices
        if hasattr(iterator, "queryset"):
            key = iterator.field.to_field_name or "pk"
            chosen = iterator.queryset.filter(**{f"{key}__in": values}) if values else iterator.queryset.none()
            self.choices = [(str(getattr(obj, key)), str(getattr(obj, "name", obj))) for obj in chosen]
        return super().optgroups(name, values, attrs)

    def value_from_datadict(self, data, files, name):
        # "?speaker=" (empty) means no filter, not a speaker with an empty slug.
        return [v for v in super().value_from_datadict(data, files, name) if v]


class ChosenOne(ChosenOnly):
    """The same, for a filter that takes one value."""

    def value_from_datadict(self, data, files, name):
        values = super().value_from_datadict(data, files, name)
        return values[-1] if values else None


@extend_schema_field(OpenApiTypes.STR)  # in the API's description: chosen by slug
class SlugChoiceFilter(django_filters.ModelChoiceFilter):
    """One speaker, entity or publisher, named by its slug."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, to_field_name="slug", **kwargs)


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": 9999})
class YearFilter(django_filters.NumberFilter):
    """A whole year (the year facet's links); out-of-range years are a form error, not a 500."""

    field_class = forms.IntegerField


class CappedChoiceField(ModelMultipleChoiceField):
    """A repeatable filter takes at most MAX_REPEATED_VALUES values; more is a form error, checked
    before any query is built."""

    def clean(self, value):
        values = [v for v in (value or []) if v]
        if len(set(values)) > MAX_REPEATED_VALUES:
            raise ValidationError(
                f"At most {MAX_REPEATED_VALUES} values, please ({len(set(values))} given).", code="too_many"
            )
        return super().clean(values)


@extend_schema_field(OpenApiTypes.STR)  # in the API's description: a slug, repeatable
class CappedMultipleChoiceFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = CappedChoiceField


class SpeakerAnyFilter(CappedMultipleChoiceFilter):
    """Repeatable ?speaker=: turns by any of them, by the speakers' ids (the form has looked them up by
    slug). Not a join on the slug: PostgreSQL plans a join for a speaker it cannot know, as if they
    had an average speaker's turns, and read all 92,632 of Jen Psaki's turns testing each against
    1,000 ids to rank ("people", 131 ms), where her id tells it from the statistics how many she has
    (through the ids' index: 4 ms)."""

    def filter(self, qs, value):
        speakers = sorted({speaker.pk for speaker in value or []})
        return qs.filter(speaker_id__in=speakers) if speakers else qs


class EntityAllFilter(CappedMultipleChoiceFilter):
    """Repeatable ?entity=: turns mentioning all of them (the turn's own list of the entities it
    mentions, `Utterance.entity_ids`: its GIN index joins the text index's bitmap)."""

    def filter(self, qs, value):
        entities = sorted({entity.pk for entity in value or []})
        return qs.filter(entity_ids__contains=entities) if entities else qs


# The languages transcripts come in (BCP 47 primary codes), as names people read.
LANGUAGES = [
    ("en", "English"), ("ru", "Russian"), ("zh", "Chinese"), ("uk", "Ukrainian"), ("de", "German"),
    ("fr", "French"), ("es", "Spanish"), ("it", "Italian"), ("pt", "Portuguese"), ("ja", "Japanese"),
    ("ko", "Korean"), ("ar", "Arabic"),
]  # fmt: skip


class UtteranceFilter(django_filters.FilterSet):
    speaker = SpeakerAnyFilter(
        queryset=Speaker.objects.all(),
        to_field_name="slug",
        field_name="speaker",
        widget=ChosenOnly,
        label="Speakers",
    )
    role = django_filters.ChoiceFilter(choices=Utterance.Role.choices, label="Role", empty_label="Any role")
    publisher = SlugChoiceFilter(
        queryset=Publisher.objects.all(),
        field_name="event_publisher",
        label="Publisher",
        empty_label="Any publisher",
    )
    kind = django_filters.ChoiceFilter(
        choices=Event.Kind.choices, field_name="event_kind", label="Kind of event", empty_label="Any kind"
    )
    entity = EntityAllFilter(
        queryset=Entity.objects.all(), to_field_name="slug", widget=ChosenOnly, label="Mentioning (all of)"
    )
    language = django_filters.ChoiceFilter(
        choices=LANGUAGES, field_name="event_language", label="Language", empty_label="Any language"
    )
    # On the turn's own copy of the event date: the same index that orders results.
    date_from = django_filters.DateFilter(
        field_name="event_date", lookup_expr="gte", widget=DATE_WIDGET, label="From (date)"
    )
    date_to = django_filters.DateFilter(
        field_name="event_date", lookup_expr="lte", widget=DATE_WIDGET, label="To (date)"
    )
    year = YearFilter(
        field_name="event_date", lookup_expr="year", widget=forms.HiddenInput, min_value=1, max_value=9999, label="Year"
    )
    event = django_filters.CharFilter(field_name="event__slug", widget=forms.HiddenInput, label="Transcript")

    class Meta:
        model = Utterance
        fields: list[str] = []

    def __init__(self, *args, words: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        # With words to find, a date range of whole years is asked of the words' GIN indexes by year.
        self.words = words
        self.years_asked: list[int] | None = None  # the years asked in place of dates, once filtered

    def filter_queryset(self, queryset):
        """Each filter, as FilterSet does; with words to find, a range of whole years (2010-01-01 to
        2015-12-31, a year facet, "since 2022") as the turn's year among those years, read in the same
        GIN index scan as the words (models.event_years), not as dates: PostgreSQL would AND the words'
        bitmap with one of every turn in the range from the date index (184,282 entries for
        2010-2015 at a million turns, 13 ms). A range that starts or ends inside a year keeps its
        dates. Date order is read by date still (search._by_date)."""
        years = self.years_asked = self.whole_years() if self.words else None
        for name, value in self.form.cleaned_data.items():
            if years is None or name not in DATE_FILTERS:
                queryset = self.filters[name].filter(queryset, value)
        if years is not None:
            queryset = queryset.alias(event_years=event_years()).filter(event_years__overlap=years)
        return queryset

    def whole_years(self) -> list[int] | None:
        """The years of the date filters when they are whole years (open ends: to the archive's
        first or last), else None."""
        start, end = date_range(self)
        if start is None and end is None:
            return None
        if (start and (start.month, start.day) != (1, 1)) or (end and (end.month, end.day) != (12, 31)):
            return None
        if start is None or end is None:
            span = Utterance.objects.aggregate(first=Min("event_date"), last=Max("event_date"))
            if span["first"] is None:
                return None
            start, end = start or span["first"], end or span["last"]
        if start > end or end.year - start.year >= MOST_YEARS:
            return None
        return list(range(start.year, end.year + 1))


def date_range(filterset) -> tuple[datetime.date | None, datetime.date | None]:
    """The first and last day a bound UtteranceFilter's date filters allow (None: open)."""
    data = getattr(filterset.form, "cleaned_data", None) or {}
    year = data.get("year")
    starts = [d for d in (data.get("date_from"), year and datetime.date(year, 1, 1)) if d]
    ends = [d for d in (data.get("date_to"), year and datetime.date(year, 12, 31)) if d]
    return max(starts, default=None), min(ends, default=None)


# The date filters a range of whole years replaces, and the most years asked of the index by key.
DATE_FILTERS = ("date_from", "date_to", "year")
MOST_YEARS = 100


class SpeakerListFilter(django_filters.FilterSet):
    """The speakers list's ?name= (the API's; the page's search box uses the same name_or_alias)."""

    name = django_filters.CharFilter(method="filter_name", label="Name")

    class Meta:
        model = Speaker
        fields: list[str] = []

    def filter_name(self, qs, name, value):
        return name_or_alias(qs, value)


class EntityListFilter(SpeakerListFilter):
    kind = django_filters.ChoiceFilter(choices=Entity.Kind.choices, label="Kind")

    class Meta:
        model = Entity
        fields: list[str] = []


class EventFilter(django_filters.FilterSet):
    title = django_filters.CharFilter(method="filter_title", label="Title words")
    date_from = django_filters.DateFilter(field_name="date", lookup_expr="gte", widget=DATE_WIDGET, label="From (date)")
    date_to = django_filters.DateFilter(field_name="date", lookup_expr="lte", widget=DATE_WIDGET, label="To (date)")
    publisher = SlugChoiceFilter(queryset=Publisher.objects.all(), label="Publisher", empty_label="Any publisher")
    kind = django_filters.ChoiceFilter(choices=Event.Kind.choices, label="Kind of event", empty_label="Any kind")
    speaker = SlugChoiceFilter(
        queryset=Speaker.objects.all(), method="filter_speaker", widget=ChosenOne, label="Speaker"
    )
    entity = SlugChoiceFilter(
        queryset=Entity.objects.all(),
        method="filter_entity",
        widget=ChosenOne,
        label="Mentioning",
    )

    class Meta:
        model = Event
        fields: list[str] = []

    def filter_title(self, qs, name, value):
        for word in value.split()[:20]:
            qs = qs.filter(title__icontains=word)
        return qs

    def filter_speaker(self, qs, name, value):
        return qs.filter(Exists(Utterance.objects.filter(event=OuterRef("pk"), speaker=value)))

    def filter_entity(self, qs, name, value):
        return qs.filter(Exists(Mention.objects.filter(utterance__event=OuterRef("pk"), entity=value)))

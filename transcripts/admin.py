from django.contrib import admin

from transcripts.models import Entity, Event, Mention, OriginalFile, Publisher, Speaker, Utterance


@admin.register(Publisher)
class PublisherAdmin(admin.ModelAdmin):
    list_display = ["name", "country", "website"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class UtteranceInline(admin.StackedInline):
    model = Utterance
    fk_name = "event"
    extra = 0
    fields = ["sequence", "speaker", "label", "affiliation", "role", "note", "text"]
    autocomplete_fields = ["speaker"]
    ordering = ["sequence"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "date", "kind", "publisher", "location", "language"]
    list_filter = ["kind", "publisher", "language"]
    search_fields = ["title", "slug", "reference", "source_url"]
    date_hierarchy = "date"
    readonly_fields = ["content_hash", "original_filename", "dropped", "warnings", "created_at", "updated_at"]
    inlines = [UtteranceInline]


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    list_display = ["name", "description", "slug"]
    search_fields = ["name", "aliases", "description"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Utterance)
class UtteranceAdmin(admin.ModelAdmin):
    list_display = ["__str__", "event", "role", "label"]
    list_filter = ["role"]
    search_fields = ["text", "label"]
    raw_id_fields = ["event", "answers"]
    autocomplete_fields = ["speaker"]
    list_select_related = ["event", "speaker"]


@admin.register(Entity)
class EntityAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "country_code", "discovered"]
    list_filter = ["kind", "discovered"]
    search_fields = ["name", "aliases"]


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ["entity", "utterance", "count"]
    raw_id_fields = ["entity", "utterance"]


@admin.register(OriginalFile)
class OriginalFileAdmin(admin.ModelAdmin):
    list_display = ["filename", "event", "size"]
    raw_id_fields = ["event"]
    exclude = ["content"]

"""The editors' side: every model, plus merge, reject and re-extraction after edits.

Every change made here is written to the admin's log (who, when, what).
"""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db import models
from django.db.models import Count, F
from django.template.response import TemplateResponse

from transcripts import editing
from transcripts.login import ThrottledAdminAuthenticationForm
from transcripts.models import Entity, Event, Mention, OriginalFile, Publisher, Speaker, Utterance
from transcripts.upload import UploadAdminMixin

admin.site.login_form = ThrottledAdminAuthenticationForm
admin.site.site_header = "Verbatim administration"
admin.site.site_title = "Verbatim admin"


def merge_action(merge, what_moves: str, weight):
    """An admin action: confirm which of the selected objects to keep, then merge the rest into it.
    `weight` annotates each with how much it carries (`weight`): the heaviest is offered first."""

    def action(modeladmin, request, queryset):
        objects = sorted(weight(queryset), key=lambda o: (-o.weight, str(o)))
        if len(objects) < 2:
            modeladmin.message_user(request, "Select at least two to merge.", messages.WARNING)
            return None
        if request.POST.get("apply"):
            target = next((o for o in objects if str(o.pk) == request.POST.get("target")), None)
            if target is None:
                modeladmin.message_user(request, "Choose the one to keep.", messages.ERROR)
                return None
            sources = [o for o in objects if o.pk != target.pk]
            names = ", ".join(str(o) for o in sources)
            merge(target, sources)
            modeladmin.log_change(request, target, f"Merged into this: {names}")
            modeladmin.message_user(request, f"Merged {names} into {target}.", messages.SUCCESS)
            return None
        return TemplateResponse(
            request,
            "admin/transcripts/merge.html",
            {
                **modeladmin.admin_site.each_context(request),
                "opts": modeladmin.model._meta,
                "objects": objects,
                "what_moves": what_moves,
                "action": request.POST.get("action"),
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            },
        )

    action.short_description = "Merge selected into one…"
    action.__name__ = "merge_selected"
    return action


@admin.register(Publisher)
class PublisherAdmin(admin.ModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
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
class EventAdmin(UploadAdminMixin, admin.ModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["title", "date", "kind", "publisher", "location", "language"]
    list_filter = ["kind", "publisher", "language"]
    search_fields = ["title", "slug", "reference", "source_url"]
    date_hierarchy = "date"
    readonly_fields = ["content_hash", "original_filename", "dropped", "warnings", "created_at", "updated_at"]
    inlines = [UtteranceInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Edited turns: mentions follow the text (the search vector follows by trigger).
        editing.reextract_event(form.instance)

    def delete_model(self, request, obj):
        editing.delete_events([obj])

    def delete_queryset(self, request, queryset):
        editing.delete_events(queryset)


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    list_display = ["name", "description", "slug", "entity"]
    search_fields = ["name", "aliases", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["entity"]
    actions = [merge_action(editing.merge_speakers, "turns", lambda qs: qs.annotate(weight=Count("utterances")))]


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
    list_display = ["name", "kind", "mention_count", "country_code", "discovered", "rejected"]
    list_filter = ["kind", "discovered", "rejected"]
    search_fields = ["name", "aliases"]
    readonly_fields = ["mention_count", "updated_at"]
    actions = [
        merge_action(editing.merge_entities, "mentions", lambda qs: qs.annotate(weight=F("mention_count"))),
        "reject_selected",
    ]

    @admin.action(description="Mark selected as wrong (remove their mentions; never find them again)")
    def reject_selected(self, request, queryset):
        removed = 0
        for entity in queryset:
            removed += editing.reject_entity(entity)
            self.log_change(request, entity, "Marked as wrong; mentions removed")
        self.message_user(request, f"Marked {queryset.count()} as wrong; {removed} mentions removed.")


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ["entity", "utterance", "count"]
    raw_id_fields = ["entity", "utterance"]


@admin.register(OriginalFile)
class OriginalFileAdmin(admin.ModelAdmin):
    list_display = ["filename", "event", "size"]
    raw_id_fields = ["event"]
    exclude = ["content"]

"""Server-rendered pages: home, search, events, permalinks, speakers, entities."""

from __future__ import annotations

import time

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db.models import Count, F, Max, Min, Q, Sum
from django.db.models.functions import Length, TruncMonth
from django.http import Http404, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import Truncator

from transcripts import citations
from transcripts.charts import buckets, stacked_bar_chart
from transcripts.compare import MAX_SPEAKERS as MAX_COMPARED
from transcripts.compare import compare
from transcripts.filters import LANGUAGES, EventFilter, field_values, name_or_alias
from transcripts.models import Entity, Event, Mention, Publisher, Speaker, Utterance
from transcripts.params import MAX_REPEATED_VALUES, whole_number
from transcripts.querysets import TURN_WORDS
from transcripts.rendering import linked_paragraphs, sentence_around
from transcripts.search import PAGE_SIZE, SORTS, PageNotFound, page_number, search_utterances


def paginate(request, items, per_page: int = PAGE_SIZE):
    """The requested page; a page that does not exist is a 404, never a 500."""
    paginator = Paginator(items, per_page)
    number = whole_number(request.GET.get("page", "1"))
    try:
        if number is None:
            raise PageNotAnInteger
        return paginator.page(number)
    except (EmptyPage, PageNotAnInteger) as err:
        raise Http404("No such page.") from err


def home(request):
    totals = Event.objects.aggregate(events=Count("id"), first=Min("date"), last=Max("date"))
    context = {
        "totals": totals,
        "utterance_count": Utterance.objects.count(),
        "speaker_count": Speaker.objects.count(),
        "latest_events": Event.objects.select_related("publisher")[:8],
        "top_speakers": Speaker.objects.annotate(n=Count("utterances")).order_by("-n", "name")[:10],
        "top_entities": Entity.objects.listed().order_by("-mention_count", "name")[:10],
    }
    return render(request, "transcripts/home.html", context)


# Filters chosen by typing part of a name: the parameter, the model, how popular each is.
NAMED_FILTERS = {
    "speaker": (Speaker, "speaker", lambda qs: qs.annotate(count=Count("utterances")).order_by("-count", "name")),
    "entity": (Entity, "entity", lambda qs: qs.listed().annotate(count=F("mention_count")).order_by("-count", "name")),
}


def chosen_by_name(request, names=NAMED_FILTERS) -> tuple[HttpResponseRedirect | None, dict]:
    """`?speaker_name=lavr`: the one speaker it names is added as `speaker=` (a redirect, so the
    address stays shareable); several are offered as links; none is said."""
    params = request.GET
    for name, (model, what, ranked) in names.items():
        typed = " ".join(params.get(f"{name}_name", "").split())[:100]
        if not typed:
            continue
        rest = params.copy()
        rest.pop(f"{name}_name")
        rest.pop("page", None)
        found = list(ranked(name_or_alias(model.objects.all(), typed))[:8])
        exact = [o for o in found if o.name.lower() == typed.lower()]
        if len(found) == 1 or exact:
            rest.appendlist(name, (exact or found)[0].slug)
            return HttpResponseRedirect("?" + rest.urlencode()), {}
        if not found:
            return None, {"name_not_found": {"what": what, "text": typed}}
        suggestions = []
        for obj in found:
            option = rest.copy()
            option.appendlist(name, obj.slug)
            suggestions.append({"name": obj.name, "count": obj.count, "url": "?" + option.urlencode()})
        return None, {"name_suggestions": suggestions}
    return None, {}


def active_filters(params: QueryDict, filterset) -> list[dict]:
    """The filters in force, each with a link that removes it (the query stays)."""

    def named(model, name):
        slugs = params.getlist(name)[:MAX_REPEATED_VALUES]
        return dict(model.objects.filter(slug__in=slugs).values_list("slug", "name")) if slugs else {}

    names = {
        "speaker": named(Speaker, "speaker"),
        "entity": named(Entity, "entity"),
        "publisher": named(Publisher, "publisher"),
    }
    chips = []
    for name, field in filterset.form.fields.items():
        # The values in force: a field of one value takes the last ("role=answer&role=question"
        # filters by question alone).
        values, several = field_values(field, params, name)
        for value in values[:MAX_REPEATED_VALUES]:  # more is a form error anyway
            shown = names.get(name, {}).get(value) or dict(getattr(field, "choices", ()) or ()).get(value) or value
            remaining = params.copy()
            if several:
                remaining.setlist(name, [v for v in params.getlist(name) if v != value])
            else:
                remaining.pop(name, None)
            remaining.pop("page", None)
            chips.append({"label": field.label, "value": shown, "remove": "?" + remaining.urlencode()})
    return chips


def search(request):
    started = time.perf_counter()
    params = request.GET
    redirect_to, named = chosen_by_name(request)
    if redirect_to:
        return redirect_to
    try:
        outcome = search_utterances(params, page=page_number(params.get("page")))
    except PageNotFound as err:
        raise Http404("No such page.") from err
    for name, rows in outcome.facets.items():
        for row in rows:
            # A chosen value's link takes it away again.
            row["url"] = (
                _without_value(params, name, row["value"]) if row["selected"] else _with(params, name, row["value"])
            )
    context = {
        "outcome": outcome,
        "filterset": outcome.filterset,
        "query": outcome.text,
        "error": outcome.error,
        "sort": outcome.sort,
        "sorts": SORTS.keys(),
        "facets": outcome.facets,
        "estimated_facets": {name for name, rows in outcome.facets.items() if any(row["estimated"] for row in rows)},
        "page": results_page(outcome) if outcome.active and not outcome.error else None,
        "elapsed_ms": (time.perf_counter() - started) * 1000,
        "querystring": _without(params, "page"),
        "querystring_without_sort": _without(params, "page", "sort"),
        # What "Email me new matches" saves (alerts/): the words and the filters.
        "save_params": _without(params, "page", "sort"),
        "suggestion_querystring": _with(params, "q", outcome.suggestion or "")[1:],
        "active_filters": active_filters(params, outcome.filterset),
        **named,
        "feed_url": reverse("search-feed") + "?" + _without(params, "page", "sort"),
    }
    return render(request, "transcripts/search.html", context)


class CountedPaginator(Paginator):
    """Pages of search results whose total the search has already counted (capped, see
    search.COUNT_CAP): the page's own rows come from the search, never from slicing a queryset."""

    def __init__(self, outcome):
        super().__init__((), outcome.page_size)
        self.outcome = outcome

    @cached_property
    def count(self) -> int:
        return self.outcome.count

    @cached_property
    def num_pages(self) -> int:
        return self.outcome.pages


def results_page(outcome) -> Page:
    return Page(outcome.results, outcome.page_number, CountedPaginator(outcome))


def _og(title: str, description: str, kind: str = "article") -> dict:
    """Open Graph fields, so a shared link previews with the quote or transcript it points to."""
    return {"title": title, "description": description, "type": kind}


def _without(params: QueryDict, *names: str) -> str:
    copy = params.copy()
    for name in names:
        copy.pop(name, None)
    return copy.urlencode()


def _without_value(params: QueryDict, name: str, value) -> str:
    copy = params.copy()
    copy.pop("page", None)
    copy.setlist(name, [v for v in params.getlist(name) if v != str(value)])
    return "?" + copy.urlencode()


def _with(params: QueryDict, name: str, value) -> str:
    copy = params.copy()
    copy.pop("page", None)
    copy[name] = str(value)
    return "?" + copy.urlencode()


def event_list(request):
    redirect_to, named = chosen_by_name(request)
    if redirect_to:
        return redirect_to
    filterset = EventFilter(
        request.GET, queryset=Event.objects.select_related("publisher").annotate(turns=Count("utterances"))
    )
    events = filterset.qs if filterset.is_valid() else Event.objects.none()
    page = paginate(request, events.order_by("-date", "-time", "-id"))
    return render(
        request,
        "transcripts/event_list.html",
        {
            "filterset": filterset,
            "page": page,
            "querystring": _without(request.GET, "page"),
            "active_filters": active_filters(request.GET, filterset),
            **named,
        },
    )


# A transcript's page holds at most this many turns and characters: a 4,000-turn file is read a
# part at a time, and no page is tens of megabytes.
TRANSCRIPT_PAGE_TURNS = 250
TRANSCRIPT_PAGE_CHARS = 400_000


def transcript_parts(event: Event) -> list[tuple[int, int]]:
    """The (first, last) turn sequence of each page of a transcript, from one light query."""
    sizes = event.utterances.annotate(size=Length("text")).order_by("sequence").values_list("sequence", "size")
    parts: list[tuple[int, int]] = []
    first = last = None
    turns = chars = 0
    for sequence, size in sizes:
        if first is not None and (turns >= TRANSCRIPT_PAGE_TURNS or chars + size > TRANSCRIPT_PAGE_CHARS):
            parts.append((first, last))
            first, turns, chars = None, 0, 0
        first = sequence if first is None else first
        last, turns, chars = sequence, turns + 1, chars + size
    if first is not None:
        parts.append((first, last))
    return parts or [(1, 0)]


def turn_url(event: Event, sequence: int, parts: list[tuple[int, int]]) -> str:
    """Where turn `sequence` stands on the transcript's pages."""
    number = next((n for n, (first, last) in enumerate(parts, start=1) if first <= sequence <= last), 1)
    query = f"?page={number}" if number > 1 else ""
    return f"{event.get_absolute_url()}{query}#u{sequence}"


def event_dates(request, year: int | None = None, month: int | None = None):
    """Transcripts by date: years, then a year's months, then a month's days, with counts; a month
    lists its transcripts."""
    import calendar

    from django.db.models.functions import ExtractDay, ExtractMonth, ExtractYear

    events = Event.objects.filter(date__isnull=False)
    if year is not None and not 1 <= year <= 9999 or month is not None and not 1 <= month <= 12:
        raise Http404("No such date.")
    if year is None:
        part, label = ExtractYear("date"), "year"
    elif month is None:
        events, part, label = events.filter(date__year=year), ExtractMonth("date"), "month"
    else:
        events, part, label = events.filter(date__year=year, date__month=month), ExtractDay("date"), "day"
    counts = list(events.annotate(part=part).values("part").annotate(n=Count("id")).order_by("part"))
    if year is not None and not counts:
        raise Http404("No transcripts then.")
    names = {"month": lambda m: calendar.month_name[m], "day": str, "year": str}[label]
    rows = [{"value": row["part"], "label": names(row["part"]), "count": row["n"]} for row in counts]
    listed = events.select_related("publisher").order_by("date", "time", "id") if month is not None else None
    return render(
        request,
        "transcripts/event_dates.html",
        {
            "rows": rows,
            "level": label,
            "year": year,
            "month": month,
            "month_name": calendar.month_name[month] if month else "",
            "events": listed,
        },
    )


def event_detail(request, slug):
    event = get_object_or_404(Event.objects.select_related("publisher"), slug=slug)
    page = paginate(request, transcript_parts(event), per_page=1)
    first, last = page.object_list[0]
    utterances = list(
        event.utterances.select_related("speaker").filter(sequence__range=(first, last)).order_by("sequence")
    )
    links = Mention.objects.links_for([u.pk for u in utterances])
    for utterance in utterances:
        utterance.html_paragraphs = linked_paragraphs(utterance.text, links.get(utterance.pk, []))
    mentioned = Entity.objects.in_event(event)
    by_kind: dict[str, list] = {}
    for entity in mentioned:
        by_kind.setdefault(entity.get_kind_display(), []).append(entity)
    return render(
        request,
        "transcripts/event_detail.html",
        {
            "og": _og(
                event.title,
                ", ".join(
                    x
                    for x in (
                        event.get_kind_display(),
                        f"{event.date:%-d %B %Y}" if event.date else "",
                        event.location,
                        event.publisher.name if event.publisher else "",
                    )
                    if x
                ),
            ),
            "event": event,
            "utterances": utterances,
            "page": page,
            "entities_by_kind": by_kind,
            "speakers": Speaker.objects.filter(utterances__event=event).distinct().order_by("name"),
        },
    )


def utterance_permalink(request, slug, sequence):
    utterance = get_object_or_404(
        Utterance.objects.select_related("event", "event__publisher", "speaker", "answers__speaker"),
        event__slug=slug,
        sequence=sequence,
    )
    context_turns = list(
        Utterance.objects.select_related("speaker")
        .filter(event=utterance.event, sequence__gte=sequence - 2, sequence__lte=sequence + 2)
        .order_by("sequence")
    )
    url = request.build_absolute_uri(utterance.get_absolute_url())
    return render(
        request,
        "transcripts/utterance.html",
        {
            "og": _og(
                f"{utterance.who}, {utterance.event.title}", Truncator(" ".join(utterance.text.split())).chars(300)
            ),
            "in_transcript": turn_url(utterance.event, utterance.sequence, transcript_parts(utterance.event)),
            "utterance": utterance,
            "event": utterance.event,
            "context_turns": context_turns,
            "citation_plain": citations.plain(utterance, url),
            "citation_bibtex": citations.bibtex(utterance, url),
            "citation_csl": citations.csl_json(utterance, url),
            "permalink": url,
        },
    )


SPEAKER_GROUPS = {"officials": "Officials and others", "journalists": "Journalists"}


def speaker_list(request):
    """Speakers by number of turns, officials and journalists apart (a journalist asks more
    questions than they answer, as on the speaker's own page)."""
    speakers = Speaker.objects.annotate(
        turns=Count("utterances"),
        events=Count("utterances__event", distinct=True),
        last=Max("utterances__event__date"),
        questions=Count("utterances", filter=Q(utterances__role=Utterance.Role.QUESTION)),
        answers=Count("utterances", filter=Q(utterances__role=Utterance.Role.ANSWER)),
    ).filter(turns__gt=0)
    name = request.GET.get("name", "").strip()[:100]
    speakers = name_or_alias(speakers, name)
    group = request.GET.get("who") if request.GET.get("who") in SPEAKER_GROUPS else "officials"
    journalist = Q(questions__gt=F("answers"))
    groups = {"officials": speakers.exclude(journalist), "journalists": speakers.filter(journalist)}
    page = paginate(request, groups[group].order_by("-turns", "name"), per_page=50)
    tabs = [
        {"key": key, "label": label, "count": groups[key].count(), "selected": key == group,
         "url": _with(request.GET, "who", key)}
        for key, label in SPEAKER_GROUPS.items()
    ]  # fmt: skip
    return render(
        request,
        "transcripts/speaker_list.html",
        {"page": page, "name": name, "tabs": tabs, "group": group, "querystring": _without(request.GET, "page")},
    )


def speaker_detail(request, slug):
    speaker = get_object_or_404(Speaker.objects.select_related("entity"), slug=slug)
    per_month = (
        Utterance.objects.filter(speaker=speaker, event__date__isnull=False)
        .annotate(month=TruncMonth("event__date"))
        .values("month", "event__language")
        .annotate(n=Count("id"))
        .order_by("month")
    )
    labels, series = buckets([(r["month"], r["event__language"] or "?", r["n"]) for r in per_month])
    chart = stacked_bar_chart(labels, series, dict(LANGUAGES), f"Turns by {speaker.name} over time")
    events = (
        Event.objects.filter(utterances__speaker=speaker)
        .select_related("publisher")
        .annotate(turns=Count("utterances"))
        .order_by("-date", "-id")[:20]
    )
    top_entities = (
        Entity.objects.filter(mentions__utterance__speaker=speaker)
        .annotate(n=Count("mentions"))
        .order_by("-n", "name")[:15]
    )
    page = paginate(
        request,
        Utterance.objects.for_listing().filter(speaker=speaker).newest_first(),
    )
    stats = speaker_statistics(speaker)
    return render(
        request,
        "transcripts/speaker_detail.html",
        {
            "stats": stats,
            "og": _og(
                speaker.name, f"What {speaker.name} said on the record: {page.paginator.count} turns.", "profile"
            ),
            "speaker": speaker,
            "save_params": QueryDict.fromkeys(["speaker"], speaker.slug).urlencode(),
            "chart": chart,
            "events": events,
            "top_entities": top_entities,
            "page": page,
            "turn_count": page.paginator.count,
        },
    )


def speaker_compare(request):
    """Two or more speakers side by side (`?speaker=a&speaker=b`); `speaker_name=` adds one by name."""
    redirect_to, named = chosen_by_name(request, names={"speaker": NAMED_FILTERS["speaker"]})
    if redirect_to:
        return redirect_to
    asked = list(dict.fromkeys(v for v in request.GET.getlist("speaker") if v))
    found = Speaker.objects.in_bulk(asked[:MAX_COMPARED], field_name="slug")
    speakers = [found[slug] for slug in asked[:MAX_COMPARED] if slug in found]
    columns, years = compare(speakers) if speakers else ([], [])
    for column in columns:
        column.remove_url = _without_value(request.GET, "speaker", column.speaker.slug)
    return render(
        request,
        "transcripts/speaker_compare.html",
        {
            "columns": columns,
            "years": years,
            "too_many": len(asked) > MAX_COMPARED,
            "max_compared": MAX_COMPARED,
            "unknown": [slug for slug in asked[:MAX_COMPARED] if slug not in found],
            **named,
        },
    )


def speaker_statistics(speaker: Speaker) -> dict:
    """Turns, words, transcripts, first and last appearance, answers given and questions asked, in
    one query. More questions than answers: a journalist."""
    spoken = Utterance.objects.filter(speaker=speaker)
    stats = spoken.aggregate(
        turns=Count("id"),
        transcripts=Count("event", distinct=True),
        first=Min("event_date"),
        last=Max("event_date"),
        answers=Count("id", filter=Q(role=Utterance.Role.ANSWER)),
        questions=Count("id", filter=Q(role="question")),
        words=Sum(TURN_WORDS),
    )
    stats["journalist"] = stats["questions"] > stats["answers"]
    return stats


def entity_list(request):
    entities = Entity.objects.listed()
    kind = request.GET.get("kind", "")
    if kind in Entity.Kind.values:
        entities = entities.filter(kind=kind)
    name = request.GET.get("name", "").strip()[:100]
    entities = name_or_alias(entities, name)
    page = paginate(request, entities.order_by("-mention_count", "name"), per_page=50)
    return render(
        request,
        "transcripts/entity_list.html",
        {
            "page": page,
            "kind": kind,
            "name": name,
            "kinds": Entity.Kind.choices,
            "querystring": _without(request.GET, "page"),
        },
    )


def entity_detail(request, slug):
    entity = get_object_or_404(Entity.objects.select_related("speaker"), slug=slug, rejected=False)
    mentions = Mention.objects.filter(entity=entity)
    per_month = (
        mentions.filter(utterance__event__date__isnull=False)
        .annotate(month=TruncMonth("utterance__event__date"))
        .values("month", "utterance__event__language")
        .annotate(n=Count("id"))
        .order_by("month")
    )
    # Split by the transcripts' language: one Russia, whether it is written Russia, России or 俄罗斯.
    labels, series = buckets([(r["month"], r["utterance__event__language"] or "?", r["n"]) for r in per_month])
    chart = stacked_bar_chart(labels, series, dict(LANGUAGES), f"Turns mentioning {entity.name} over time")
    speakers = Speaker.objects.mentioning(entity)
    related = Entity.objects.mentioned_with(entity)
    latest = list(Utterance.objects.for_listing().mentioning(entity).newest_first()[:10])
    spans = dict(Mention.objects.filter(entity=entity, utterance__in=latest).values_list("utterance_id", "spans"))
    for utterance in latest:
        utterance.snippet = sentence_around(utterance.text, spans.get(utterance.pk, []))
    return render(
        request,
        "transcripts/entity_detail.html",
        {
            "og": _og(entity.name, f"{entity.name} in diplomatic transcripts: {entity.mention_count} turns."),
            "entity": entity,
            "save_params": QueryDict.fromkeys(["entity"], entity.slug).urlencode(),
            "chart": chart,
            "speakers": speakers,
            "related": related,
            "latest": latest,
            "mention_count": entity.mention_count,
        },
    )


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says; answer with ours."""
    return redirect(static("favicon.svg"), permanent=True)


def opensearch(request):
    """Lets a browser add Verbatim as a search engine."""
    base = request.build_absolute_uri("/").rstrip("/")
    return render(
        request, "opensearch.xml", {"base": base}, content_type="application/opensearchdescription+xml; charset=utf-8"
    )


def robots(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    body = f"User-agent: *\nDisallow: /admin/\nDisallow: /search/csv/\nSitemap: {sitemap}\n"
    return HttpResponse(body, content_type="text/plain; charset=utf-8")

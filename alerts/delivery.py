"""Alerts: find the turns added since the last run that match each saved search, then mail each
reader one digest of what is due.

Two steps, each safe to interrupt:

1. **collect**: for every active saved search, the turns with ids above its `checked_through`
   and up to the run's horizon that the search matches (`search.turns_matching`, the page's own
   code) become AlertMatch rows, and `checked_through` moves to the horizon, in one
   transaction per batch of searches. Identical searches (many readers following one speaker)
   are run once. Ingest allocates turn ids holding the turn-id lock (shared: ingests run side by
   side) until it commits, so while it is held exclusive every id up to the largest committed
   one is committed: the horizon is read so, and no turn is ever skipped.
2. **deliver**: for each reader with pending matches in searches that are due (immediately;
   daily: 20 hours after the last digest; weekly: 6 days 20 hours), one email; its matches are
   deleted only after the mail server accepted it. A failed send leaves them for the next run.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import connection, transaction
from django.db.models import Max
from django.http import QueryDict
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator

from alerts.models import AlertMatch, SavedSearch
from transcripts.catalogue import pause_ingests
from transcripts.models import Utterance
from transcripts.query import QueryError, TextQuery
from transcripts.search import build_query, headlines, turns_matching

log = logging.getLogger(__name__)

# A search matching more new turns than this in one run keeps the newest (its digest links to
# the search page for the rest).
MAX_NEW_PER_SEARCH = 200
SHOWN_PER_SEARCH = 10
BATCH = 500
# Slack below a day or a week, so a digest sent by a daily timer a few minutes late is not
# pushed to the day after.
DUE_AFTER = {
    SavedSearch.Frequency.IMMEDIATE: dt.timedelta(0),
    SavedSearch.Frequency.DAILY: dt.timedelta(hours=20),
    SavedSearch.Frequency.WEEKLY: dt.timedelta(days=6, hours=20),
}
# pg_try_advisory_lock key: one send_alerts at a time.
ALERTS_LOCK = 7_270_468_101_530
UNSUBSCRIBE_SALT = "alerts.unsubscribe"


@dataclass
class RunReport:
    horizon: int = 0
    searches: int = 0
    distinct_searches: int = 0
    new_matches: int = 0
    emails_sent: int = 0
    emails_failed: int = 0
    matches_sent: int = 0
    problems: int = 0
    failures: list[str] = field(default_factory=list)


def site_url(path: str) -> str:
    return settings.VERBATIM_SITE_URL.rstrip("/") + path


def newest_turn() -> int:
    """The largest turn id there is (0 in an empty archive)."""
    return Utterance.objects.aggregate(top=Max("id"))["top"] or 0


def horizon() -> int:
    """The largest turn id such that every turn at or below it is committed."""
    with transaction.atomic():
        pause_ingests()
        return newest_turn()


def collect(report: RunReport | None = None) -> RunReport:
    report = report or RunReport()
    top = report.horizon = horizon()
    # Waiting matches whose turn was replaced by a new version of its transcript: the new turns
    # are matched afresh below.
    AlertMatch.objects.filter(sent_at__isnull=True, utterance__isnull=True).delete()
    searches = list(
        SavedSearch.objects.filter(paused=False, checked_through__lt=top, reader__is_active=True)
        .only("id", "params", "checked_through", "problem")
        .order_by("params", "id")
    )
    report.searches = len(searches)
    groups: dict[str, list[SavedSearch]] = defaultdict(list)
    for search in searches:
        groups[search.params].append(search)
    report.distinct_searches = len(groups)
    batch: list[tuple[list[SavedSearch], list[int], str]] = []
    for params, group in groups.items():
        since = min(search.checked_through for search in group)
        try:
            found = list(
                turns_matching(QueryDict(params))
                .filter(id__gt=since, id__lte=top)
                .order_by("-id")
                .values_list("id", "event_id", "sequence")[:MAX_NEW_PER_SEARCH]
            )
            problem = ""
        except QueryError as err:
            found, problem = [], str(err)[:500]
        batch.append((group, found, problem))
        if sum(len(g) for g, _, _ in batch) >= BATCH:
            _store(batch, top, report)
            batch = []
    _store(batch, top, report)
    return report


def _store(batch, top: int, report: RunReport) -> None:
    if not batch:
        return
    now = timezone.now()
    rows, matched, problems = [], [], defaultdict(list)
    for group, found, problem in batch:
        for search in group:
            mine = [row for row in found if row[0] > search.checked_through]
            rows += [
                AlertMatch(saved_search_id=search.pk, utterance_id=pk, event_id=event, sequence=sequence)
                for pk, event, sequence in mine
            ]
            if mine:
                matched.append(search.pk)
            if problem != search.problem:
                problems[problem].append(search.pk)
            report.problems += bool(problem)
    with transaction.atomic():
        # A turn already matched (a transcript ingested again) conflicts and is skipped.
        AlertMatch.objects.bulk_create(rows, ignore_conflicts=True, batch_size=2000)
        ids = [search.pk for group, _, _ in batch for search in group]
        SavedSearch.objects.filter(pk__in=ids).update(checked_through=top)
        if matched:
            SavedSearch.objects.filter(pk__in=matched).update(last_match_at=now)
        for problem, pks in problems.items():
            SavedSearch.objects.filter(pk__in=pks).update(problem=problem)
    report.new_matches += len(rows)


def unsubscribe_token(reader_id: int, search_id: int | None = None) -> str:
    """A signed token that pauses one saved search, or (without one) all of a reader's."""
    return signing.dumps([reader_id, search_id], salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[int, int | None]:
    """Raises signing.BadSignature for a token we did not make."""
    value = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    if not (isinstance(value, list) and len(value) == 2 and isinstance(value[0], int)):
        raise signing.BadSignature("not an unsubscribe token")
    if value[1] is not None and not isinstance(value[1], int):
        raise signing.BadSignature("not an unsubscribe token")
    return value[0], value[1]


def _due(search: SavedSearch, now: dt.datetime) -> bool:
    return search.last_sent_at is None or now - search.last_sent_at >= DUE_AFTER[search.frequency]


def deliver(report: RunReport | None = None, now: dt.datetime | None = None) -> RunReport:
    report = report or RunReport()
    now = now or timezone.now()
    waiting = SavedSearch.objects.filter(
        paused=False, reader__is_active=True, matches__sent_at__isnull=True, matches__isnull=False
    ).distinct()
    by_reader: dict[int, list[SavedSearch]] = defaultdict(list)
    for search in waiting.order_by("reader_id", "name", "id"):
        if _due(search, now):
            by_reader[search.reader_id].append(search)
    readers = get_user_model().objects.in_bulk(list(by_reader))
    queries: dict[str, TextQuery | None] = {}  # many readers save the same words: parsed once a run
    with get_connection() as mail:
        for reader_id, searches in by_reader.items():
            _send_digest(mail, readers[reader_id], searches, report, now, queries)
    return report


def _send_digest(mail, reader, searches: list[SavedSearch], report: RunReport, now, queries: dict) -> None:
    pending = [
        match
        for match in AlertMatch.objects.filter(saved_search__in=searches, sent_at__isnull=True)
        .select_related("utterance__event__publisher", "utterance__speaker")
        .order_by("saved_search_id", "-utterance__event_date", "-utterance_id")
        if match.utterance is not None  # its transcript was replaced: the new turns are matched anew
    ]
    if not pending:
        return
    by_search: dict[int, list[AlertMatch]] = defaultdict(list)
    for match in pending:
        by_search[match.saved_search_id].append(match)
    sections = []
    for search in searches:
        matches = by_search.get(search.pk, [])
        if matches:
            sections.append(_section(reader, search, matches, queries))
    total = sum(section["count"] for section in sections)
    if len(sections) == 1:
        subject = f"{total} new quote{'s' * (total != 1)} for “{sections[0]['search'].name}”"
    else:
        subject = f"{total} new quotes for {len(sections)} of your saved searches"
    unsubscribe_all = site_url(reverse("alerts-unsubscribe", args=[unsubscribe_token(reader.pk)]))
    context = {
        "reader": reader,
        "sections": sections,
        "total": total,
        "account_url": site_url(reverse("alerts-account")),
        "unsubscribe_all_url": unsubscribe_all,
        "site_url": site_url("/"),
    }
    message = EmailMultiAlternatives(
        subject=f"Verbatim: {subject}",
        body=render_to_string("alerts/email/digest.txt", context),
        to=[reader.email],
        connection=mail,
        headers={
            # RFC 8058: mail clients offer "unsubscribe" and POST to this address.
            "List-Unsubscribe": f"<{unsubscribe_all}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(render_to_string("alerts/email/digest.html", context), "text/html")
    try:
        message.send()
    except Exception as err:  # any failure of the mail server: the matches wait for the next run
        report.emails_failed += 1
        report.failures.append(f"{reader.email}: {err}")
        log.warning("alert digest to reader %s not sent (kept for the next run): %s", reader.pk, err)
        return
    with transaction.atomic():
        AlertMatch.objects.filter(pk__in=[match.pk for match in pending]).update(sent_at=now)
        SavedSearch.objects.filter(pk__in=[s["search"].pk for s in sections]).update(last_sent_at=now)
    report.emails_sent += 1
    report.matches_sent += len(pending)


def _words(params: QueryDict, queries: dict) -> TextQuery | None:
    """The search's words as a query (None without words, or when they no longer parse)."""
    key = f"{params.get('q', '')}\x00{params.get('language', '')}"
    if key not in queries:
        try:
            queries[key] = build_query(params["q"], params.get("language") or None) if params.get("q") else None
        except QueryError:
            queries[key] = None
    return queries[key]


def _section(reader, search: SavedSearch, matches: list[AlertMatch], queries: dict) -> dict:
    shown = matches[:SHOWN_PER_SEARCH]
    turns = [match.utterance for match in shown]
    params = search.query
    query = _words(params, queries)
    snippets = headlines([turn.pk for turn in turns], query) if query else {}
    items = []
    for turn in turns:
        snippet = snippets.get(turn.pk)
        plain = Truncator(" ".join(turn.text.split())).words(45)
        items.append(
            {
                "turn": turn,
                "who": turn.who,
                "snippet_html": snippet,
                "snippet_text": html.unescape(strip_tags(snippet)) if snippet else plain,
                "plain": plain,
                "permalink": site_url(turn.get_absolute_url()),
                "event_url": site_url(turn.event.get_absolute_url()),
            }
        )
    newest_first = params.copy()
    newest_first["sort"] = "newest"
    return {
        "search": search,
        "count": len(matches),
        "items": items,
        "more": len(matches) - len(shown),
        "search_url": site_url(reverse("search") + "?" + newest_first.urlencode()),
        "stop_url": site_url(reverse("alerts-unsubscribe", args=[unsubscribe_token(reader.pk, search.pk)])),
    }


def run(report: RunReport | None = None) -> RunReport | None:
    """collect + deliver, unless another run holds the lock (then None)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [ALERTS_LOCK])
        if not cursor.fetchone()[0]:
            return None
        try:
            report = collect(report)
            return deliver(report)
        finally:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [ALERTS_LOCK])

"""Request and response guards: hostile query strings, a database outage or a too-slow query,
a time limit on public reads, the content policy; and the garbage collector kept off long-lived data."""

from __future__ import annotations

import gc
import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from transcripts.dberrors import is_outage, is_timeout
from transcripts.parsing.text import has_unstorable

log = logging.getLogger(__name__)


def is_api(request) -> bool:
    return request.path.startswith("/api/")


def json_error(message: str, status: int) -> JsonResponse:
    response = JsonResponse({"error": message, "fields": {}}, status=status)
    response["Access-Control-Allow-Origin"] = "*"
    return response


def is_public_read(request) -> bool:
    return request.method in ("GET", "HEAD") and not request.path.startswith("/admin/")


class FreezeLongLivedObjects:
    """The archive's long-lived data (gazetteer, word lists, jieba's dictionary, compiled patterns: ~160,000
    objects) loads on the first requests and stays. Python's full garbage collection walks every tracked
    object, a ~75 ms pause every few dozen search pages (the heavy pages' p95 went over 150 ms at a million
    turns): after the 3rd, 10th, 30th, 100th and 300th response, what the collector tracks is moved out of
    its reach (gc.freeze). Refcounting still frees those objects; only the few cycles of garbage that were
    waiting for a collection at those five moments stay (a collection first would be the pause itself)."""

    FREEZE_AFTER = frozenset({3, 10, 30, 100, 300})
    LAST_FREEZE = max(FREEZE_AFTER)

    def __init__(self, get_response):
        self.get_response = get_response
        self.responses = 0

    def __call__(self, request):
        response = self.get_response(request)
        if self.responses <= self.LAST_FREEZE:
            self.responses += 1
            if self.responses in self.FREEZE_AFTER:
                gc.freeze()  # a splice of the collector's lists, no collection: no pause of its own
        return response


class RejectNulBytes:
    """A NUL character cannot be stored or searched in PostgreSQL text, nor any control
    character or lone surrogate put into a feed; say so with a 400 instead of letting one reach
    a query."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_unstorable(request.path) or any(
            has_unstorable(value) for values in request.GET.lists() for value in values[1]
        ):
            reason = "The address contains a NUL character or another control character."
            if is_api(request):
                return json_error(reason, 400)
            return render(request, "400.html", {"reason": reason}, status=400)
        return self.get_response(request)


class DatabaseUnavailable:
    """While the database is down or restarting, visitors get a short 503 page, not a traceback;
    a public read that ran past its time limit gets a 503 that says so. Django drops the broken
    connection at the end of the request, so the next request after the database is back
    reconnects: no restart needed. Other database errors are bugs and stay 500s (logged)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            return self.get_response(request)
        except (OperationalError, InterfaceError) as err:
            response = self.process_exception(request, err)
            if response is None:
                raise
            return response

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        if is_timeout(exception):
            log.warning("query cancelled after the time limit: %s %s", request.method, request.path)
            return self._respond(
                request,
                "This request took too long and was stopped. Narrow the search (fewer words or filters, a date range).",
                "503.html",
                {"reason": "slow"},
            )
        if not is_outage(exception):
            return None
        log.warning("database unavailable: %s", exception)
        for connection in connections.all(initialized_only=True):
            connection.close_if_unusable_or_obsolete()
        return self._respond(request, "The database is not answering right now; try again shortly.", "503.html", {})

    @staticmethod
    def _respond(request, message: str, template: str, context: dict):
        if is_api(request):
            response = json_error(message, 503)
        else:
            # Rendered without the request: context processors (sessions, messages) need the database.
            response = HttpResponse(render_to_string(template, context), status=503)
        response["Retry-After"] = "30"
        return response


class PublicReadTimeout:
    """Public reads (GET/HEAD outside the admin) run under `statement_timeout`, so no query string
    can keep a database connection busy for minutes; admin requests and writes run without one.

    The setting is made on each connection the first time the request uses it, through the raw
    driver connection (not counted as one of the page's queries), and only when it changes.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.VERBATIM_PUBLIC_STATEMENT_TIMEOUT_MS if is_public_read(request) else 0
        wrapper = _TimeoutWrapper(limit)
        wrapped = [connections[alias].execute_wrapper(wrapper) for alias in connections]
        for context in wrapped:
            context.__enter__()
        try:
            return self.get_response(request)
        finally:
            for context in reversed(wrapped):
                context.__exit__(None, None, None)


class _TimeoutWrapper:
    def __init__(self, milliseconds: int):
        self.milliseconds = int(milliseconds)

    def __call__(self, execute, sql, params, many, context):
        wrapper = context["connection"]
        raw = wrapper.connection
        if getattr(wrapper, "_verbatim_timeout", None) != (id(raw), self.milliseconds):
            with raw.cursor() as cursor:
                cursor.execute(f"SET statement_timeout = {self.milliseconds}")
            wrapper._verbatim_timeout = (id(raw), self.milliseconds)
        return execute(sql, params, many, context)


class ContentSecurityPolicy:
    """No inline script anywhere, no plugins, no framing; our pages need nothing more."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = "; ".join(f"{k} {v}" for k, v in settings.VERBATIM_CONTENT_SECURITY_POLICY.items())

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.policy)
        return response

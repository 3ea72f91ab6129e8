"""Request and response guards: hostile query strings, a database outage, the content policy."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string

log = logging.getLogger(__name__)


class RejectNulBytes:
    """A NUL character cannot be stored or searched in PostgreSQL text; say so with a 400
    instead of letting it reach a query."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any("\x00" in v for vs in request.GET.lists() for v in [vs[0], *vs[1]]):
            reason = "The address contains a NUL character."
            if request.path.startswith("/api/"):
                response = JsonResponse({"error": reason, "fields": {}}, status=400)
                response["Access-Control-Allow-Origin"] = "*"
                return response
            return render(request, "400.html", {"reason": reason}, status=400)
        return self.get_response(request)


class DatabaseUnavailable:
    """While the database is down or restarting, visitors get a short 503 page, not a traceback.
    Django drops the broken connection at the end of the request, so the next request after the
    database is back reconnects: no restart needed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            return self.get_response(request)
        except (OperationalError, InterfaceError) as err:
            return self._unavailable(request, err)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError | InterfaceError):
            return self._unavailable(request, exception)
        return None

    def _unavailable(self, request, err):
        from django.db import connections

        log.warning("database unavailable: %s", err)
        for connection in connections.all(initialized_only=True):
            connection.close_if_unusable_or_obsolete()
        # Rendered without the request: context processors (sessions, messages) need the database.
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = "30"
        return response


class ContentSecurityPolicy:
    """No inline script anywhere, no plugins, no framing; our pages need nothing more."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = "; ".join(f"{k} {v}" for k, v in settings.VERBATIM_CONTENT_SECURITY_POLICY.items())

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.policy)
        return response

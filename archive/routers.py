"""Read replicas: public page reads go to a replica, everything else to the primary.

With DATABASE_REPLICA_URLS set, `archive.database` adds one database alias per replica. The
primary is the default for every query; only requests that `PublicReadsFromReplicas` marks
(GET and HEAD outside the admin) read from a replica, and never inside a transaction (so a
write and the reads around it always see the same server).
"""

from __future__ import annotations

import contextvars
import random

from django.conf import settings
from django.db import connections

# Sessions, accounts and saved searches are read where they were just written (a replica a
# moment behind would sign a reader out, or hide the search they saved).
PRIMARY_ONLY_APPS = {"sessions", "auth", "alerts"}
_replica_reads = contextvars.ContextVar("replica_reads", default=False)


def replica_aliases() -> list[str]:
    return [alias for alias in settings.DATABASES if alias.startswith("replica")]


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        replicas = replica_aliases()
        if not replicas or not _replica_reads.get() or connections["default"].in_atomic_block:
            return "default"
        if model is not None and model._meta.app_label in PRIMARY_ONLY_APPS:
            return "default"
        return random.choice(replicas)

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # replicas hold the same data as the primary

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


class PublicReadsFromReplicas:
    """Middleware: GET/HEAD requests outside /admin/ may read from a replica."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        use_replica = request.method in ("GET", "HEAD") and not request.path.startswith(("/admin/", "/account/"))
        token = _replica_reads.set(use_replica)
        try:
            return self.get_response(request)
        finally:
            _replica_reads.reset(token)

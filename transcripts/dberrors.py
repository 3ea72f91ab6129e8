"""What a database error means: the server is unreachable, or a query ran out of time, or neither."""

from __future__ import annotations


def sqlstate(err: Exception) -> str | None:
    """The SQLSTATE of a Django database error (psycopg's exception is its cause)."""
    return getattr(err.__cause__, "sqlstate", None) or getattr(err, "sqlstate", None)


def is_outage(err: Exception) -> bool:
    """The database is unreachable or shutting down, as opposed to one query that failed."""
    state = sqlstate(err)
    return state is None or state.startswith(("08", "57P"))


def is_timeout(err: Exception) -> bool:
    return sqlstate(err) == "57014"  # query_canceled: statement_timeout ran out

from django.apps import AppConfig
from django.core import checks


class TranscriptsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "transcripts"
    verbose_name = "Transcripts"

    def ready(self):
        checks.register(database_locale_check)


def database_locale_check(app_configs=None, **kwargs):
    """Warn when the database classifies characters as ASCII only (LC_CTYPE "C" or "POSIX"):
    Cyrillic would not be lower-cased in the search index, nor Cyrillic and Chinese get trigrams."""
    from django.db import DatabaseError, connection

    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT datctype FROM pg_database WHERE datname = current_database()")
            ctype = cursor.fetchone()[0]
    except DatabaseError:
        return []  # no database to look at (yet): other checks and commands will say so
    if ctype.upper() in ("C", "POSIX"):
        return [
            checks.Warning(
                f"The database's LC_CTYPE is {ctype!r}: search will not fold Cyrillic case and "
                "trigram suggestions will miss Cyrillic and Chinese.",
                hint="Create the database with LC_CTYPE 'C.UTF-8' (or another UTF-8 locale), from template0.",
                id="verbatim.W001",
            )
        ]
    return []

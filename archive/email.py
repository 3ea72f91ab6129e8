"""Email settings from the environment: EMAIL_URL, or Django's usual EMAIL_* variables."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import parse_qs, unquote, urlsplit

BACKENDS = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "smtps": "django.core.mail.backends.smtp.EmailBackend",
    "submission": "django.core.mail.backends.smtp.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
    "dummy": "django.core.mail.backends.dummy.EmailBackend",
}
_TRUE = {"1", "true", "yes", "on"}


def email_settings(environ: Mapping[str, str]) -> dict:
    """The settings EMAIL_URL (or EMAIL_HOST and friends) stand for; {} when neither is set.

    EMAIL_URL: smtp://user:password@host:587?tls=1 (STARTTLS), smtps://…:465 (TLS from the start),
    submission://… (587 with STARTTLS), console:, file:///var/mail/verbatim, locmem:, dummy:.
    User name and password may be percent-encoded.
    """
    url = environ.get("EMAIL_URL", "").strip()
    if url:
        return _from_url(url)
    if not environ.get("EMAIL_HOST"):
        return {}
    return {
        "EMAIL_BACKEND": BACKENDS["smtp"],
        "EMAIL_HOST": environ["EMAIL_HOST"],
        "EMAIL_PORT": int(environ.get("EMAIL_PORT", 25)),
        "EMAIL_HOST_USER": environ.get("EMAIL_HOST_USER", ""),
        "EMAIL_HOST_PASSWORD": environ.get("EMAIL_HOST_PASSWORD", ""),
        "EMAIL_USE_TLS": environ.get("EMAIL_USE_TLS", "").lower() in _TRUE,
        "EMAIL_USE_SSL": environ.get("EMAIL_USE_SSL", "").lower() in _TRUE,
    }


def _from_url(url: str) -> dict:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in BACKENDS:
        raise ValueError(f"EMAIL_URL: unknown scheme {scheme!r} (one of {', '.join(sorted(BACKENDS))})")
    out = {"EMAIL_BACKEND": BACKENDS[scheme]}
    if scheme == "file":
        out["EMAIL_FILE_PATH"] = unquote(parts.path)
        return out
    if BACKENDS[scheme] != BACKENDS["smtp"]:
        return out
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    ssl = scheme == "smtps" or query.get("ssl", "").lower() in _TRUE
    tls = not ssl and (scheme == "submission" or query.get("tls", "").lower() in _TRUE)
    out.update(
        EMAIL_HOST=parts.hostname or "localhost",
        EMAIL_PORT=parts.port or (465 if ssl else 587 if tls else 25),
        EMAIL_HOST_USER=unquote(parts.username or ""),
        EMAIL_HOST_PASSWORD=unquote(parts.password or ""),
        EMAIL_USE_SSL=ssl,
        EMAIL_USE_TLS=tls,
    )
    if "timeout" in query:
        out["EMAIL_TIMEOUT"] = int(query["timeout"])
    return out

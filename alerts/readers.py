"""Readers: accounts without passwords, signed in by a one-time link sent to their address.

- The sign-in form answers the same page whatever the address ("check your inbox"): nobody
  learns from it whether an address has an account.
- A new address becomes an inactive user; the link in the email confirms it (and signs in).
  Links come from Django's password-reset token machinery, keyed on the account's last sign-in,
  so each works once, and for VERBATIM_READER_LINK_MINUTES.
- A reader is never staff. A staff account is never signed in by email: an editor's address
  gets no link (the admin keeps its password and its throttle).
- Throttled by client address and by email address (`LinkRequest`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils import timezone
from django.utils.http import base36_to_int

from alerts.models import LinkRequest

MAX_ADDRESS_CHARS = 150  # Django's user name length; the reader's user name is the address


class ReaderLinkTokens(PasswordResetTokenGenerator):
    key_salt = "alerts.readers.ReaderLinkTokens"

    def _make_hash_value(self, user, timestamp):
        # Signing in (or confirming) sets last_login, which spends every link sent before.
        login = "" if user.last_login is None else user.last_login.replace(microsecond=0, tzinfo=None)
        return f"{user.pk}{user.is_active}{login}{timestamp}{user.email}"

    def check_token(self, user, token):
        if not super().check_token(user, token):
            return False
        try:
            made = base36_to_int(token.split("-")[0])
        except ValueError:
            return False
        return self._num_seconds(self._now()) - made <= settings.VERBATIM_READER_LINK_MINUTES * 60


tokens = ReaderLinkTokens()


def normalise_address(raw: str) -> str:
    return (raw or "").strip().lower()


def readers():
    return get_user_model().objects.filter(is_staff=False, is_superuser=False)


def reader_for(address: str, create: bool = True):
    """The reader with this address (created inactive when new), or None when the address
    belongs to a staff account or is too long to be a user name."""
    User = get_user_model()
    if len(address) > MAX_ADDRESS_CHARS:
        return None
    if User.objects.filter(is_staff=True, email__iexact=address).exists():
        return None
    existing = User.objects.filter(username=address).first()
    if existing is not None:
        return None if existing.is_staff or existing.is_superuser else existing
    if not create:
        return None
    user = User(username=address, email=address, is_active=False)
    user.set_unusable_password()
    user.save()
    return user


def _address_hash(address: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()


def link_requests_left(ip: str | None, address: str) -> bool:
    """Whether another email may be sent now (and counts this request when it may)."""
    since = timezone.now() - dt.timedelta(hours=1)
    recent = LinkRequest.objects.filter(at__gte=since)
    digest = _address_hash(address)
    if recent.filter(address_hash=digest).count() >= settings.VERBATIM_LINKS_PER_ADDRESS_PER_HOUR:
        return False
    if ip is not None and recent.filter(ip=ip).count() >= settings.VERBATIM_LINKS_PER_IP_PER_HOUR:
        return False
    LinkRequest.objects.create(ip=ip, address_hash=digest)
    LinkRequest.objects.filter(at__lt=since).delete()
    return True


def forget_unconfirmed(days: int = 7) -> int:
    """Addresses nobody confirmed within `days` are deleted (send_alerts calls this)."""
    cutoff = timezone.now() - dt.timedelta(days=days)
    deleted, _ = readers().filter(is_active=False, last_login__isnull=True, date_joined__lt=cutoff).delete()
    return deleted

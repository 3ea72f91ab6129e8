"""Throttle admin sign-in: after a few failures for one user name from one address, wait.

Locked by user name *and* address, so a stranger's failures cannot lock an editor out from
elsewhere, and one editor's typos do not lock out a colleague behind the same office proxy. One
address trying many user names is throttled too, at a higher count. Behind a reverse proxy the
client's address comes from X-Forwarded-For, only as many hops deep as
VERBATIM_TRUSTED_PROXY_COUNT says there are proxies of ours (a client can write anything to
the left of them). Failures are rows in the database, so every server process sees them.
"""

from __future__ import annotations

import datetime as dt
import ipaddress

from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.exceptions import ValidationError
from django.dispatch import receiver
from django.utils import timezone

from transcripts.models import FailedLogin


def client_ip(request) -> str | None:
    """The client's address: REMOTE_ADDR, or with N trusted proxies in front of us, the address
    the outermost of them saw (the N-th entry of X-Forwarded-For from the right)."""
    if request is None:
        return None
    remote = request.META.get("REMOTE_ADDR")
    hops = settings.VERBATIM_TRUSTED_PROXY_COUNT
    if hops > 0:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
        if len(forwarded) >= hops:
            remote = forwarded[-hops]
    try:
        return str(ipaddress.ip_address(remote)) if remote else None
    except ValueError:
        return None


def _since() -> dt.datetime:
    return timezone.now() - dt.timedelta(minutes=settings.VERBATIM_LOGIN_WINDOW_MINUTES)


def throttled(ip: str | None, username: str) -> bool:
    recent = FailedLogin.objects.filter(at__gte=_since(), ip=ip)
    if recent.filter(username__iexact=username).count() >= settings.VERBATIM_LOGIN_MAX_FAILURES:
        return True
    return ip is not None and recent.count() >= settings.VERBATIM_LOGIN_MAX_FAILURES_PER_ADDRESS


class ThrottledAdminAuthenticationForm(AdminAuthenticationForm):
    def clean(self):
        username = (self.data.get("username") or "")[:150]
        if throttled(client_ip(self.request), username):
            raise ValidationError(
                "Too many failed sign-in attempts. Wait %(minutes)d minutes and try again.",
                code="throttled",
                params={"minutes": settings.VERBATIM_LOGIN_WINDOW_MINUTES},
            )
        return super().clean()


@receiver(user_login_failed)
def remember_failure(sender, credentials, request=None, **kwargs):
    FailedLogin.objects.create(ip=client_ip(request), username=(credentials.get("username") or "")[:150])
    FailedLogin.objects.filter(at__lt=_since()).delete()  # old rows are of no use to the throttle


@receiver(user_logged_in)
def forget_failures(sender, request, user, **kwargs):
    FailedLogin.objects.filter(username__iexact=user.get_username(), ip=client_ip(request)).delete()

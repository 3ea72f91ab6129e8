"""Throttle admin sign-in: after a few failures from one address or for one user name, wait.

Failures are rows in the database (not process memory), so every server process sees them.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.dispatch import receiver
from django.utils import timezone

from transcripts.models import FailedLogin


def client_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR") if request is not None else None


def recent_failures(ip: str | None, username: str) -> int:
    since = timezone.now() - dt.timedelta(minutes=settings.VERBATIM_LOGIN_WINDOW_MINUTES)
    who = Q(username__iexact=username) if username else Q(pk__in=[])
    if ip:
        who |= Q(ip=ip)
    return FailedLogin.objects.filter(who, at__gte=since).count()


class ThrottledAdminAuthenticationForm(AdminAuthenticationForm):
    def clean(self):
        username = (self.data.get("username") or "")[:150]
        if recent_failures(client_ip(self.request), username) >= settings.VERBATIM_LOGIN_MAX_FAILURES:
            raise ValidationError(
                "Too many failed sign-in attempts. Wait %(minutes)d minutes and try again.",
                code="throttled",
                params={"minutes": settings.VERBATIM_LOGIN_WINDOW_MINUTES},
            )
        return super().clean()


@receiver(user_login_failed)
def remember_failure(sender, credentials, request=None, **kwargs):
    FailedLogin.objects.create(ip=client_ip(request), username=(credentials.get("username") or "")[:150])
    # Old rows are of no use to the throttle.
    cutoff = timezone.now() - dt.timedelta(minutes=settings.VERBATIM_LOGIN_WINDOW_MINUTES)
    FailedLogin.objects.filter(at__lt=cutoff).delete()


@receiver(user_logged_in)
def forget_failures(sender, request, user, **kwargs):
    FailedLogin.objects.filter(username__iexact=user.get_username()).delete()

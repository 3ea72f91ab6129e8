"""Template filters of our own."""

from __future__ import annotations

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.filter
def inline_code(text: str) -> SafeString:
    """`code` in a description as <code>code</code>, everything else escaped."""
    escaped = escape(text or "")
    return mark_safe(re.sub(r"`([^`]+)`", r"<code>\1</code>", escaped))  # noqa: S308 - escaped first

"""Readers' pages: sign in by email link, the saved searches, unsubscribing from a digest."""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.http import HttpResponseRedirect, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import url_has_allowed_host_and_scheme, urlsafe_base64_decode, urlsafe_base64_encode
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from alerts.delivery import newest_turn, read_unsubscribe_token, site_url
from alerts.forms import EditSearchForm, SaveSearchForm, SignInForm
from alerts.models import AlertMatch, SavedSearch
from alerts.readers import link_requests_left, normalise_address, reader_for, readers, tokens
from transcripts.login import client_ip
from transcripts.query import QueryError
from transcripts.search import search_criteria, turns_matching
from transcripts.views import active_filters

# What a saved search keeps of a search page's address: the words and the filters.
NOT_SAVED = {"page", "sort", "speaker_name", "entity_name"}


def _next(request, raw: str | None) -> str:
    raw = raw or ""
    hosts = {request.get_host()}
    if raw and url_has_allowed_host_and_scheme(raw, allowed_hosts=hosts, require_https=request.is_secure()):
        return raw
    return reverse("alerts-account")


def reader_required(view):
    """Signed-in readers only: others are sent to sign in (and brought back); staff accounts,
    which have no alerts, get a page that says so."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            back = QueryDict.fromkeys(["next"], request.get_full_path()).urlencode()
            return redirect(reverse("alerts-sign-in") + "?" + back)
        if user.is_staff or user.is_superuser:
            return render(request, "alerts/staff.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


def sign_in(request):
    next_url = _next(request, request.POST.get("next") or request.GET.get("next"))
    form = SignInForm(request.POST or None, initial={"next": next_url})
    if request.method == "POST" and form.is_valid():
        address = normalise_address(form.cleaned_data["email"])
        if not link_requests_left(client_ip(request), address):
            return render(request, "alerts/sign_in.html", {"form": form, "throttled": True}, status=429)
        reader = reader_for(address)
        if reader is not None:
            _send_link(reader, next_url)
        # The same page whether or not the address has an account (or is an editor's).
        return render(request, "alerts/check_inbox.html", {"address": address})
    return render(request, "alerts/sign_in.html", {"form": form})


def _send_link(reader, next_url: str) -> None:
    uid = urlsafe_base64_encode(force_bytes(reader.pk))
    link = site_url(reverse("alerts-confirm", args=[uid, tokens.make_token(reader)]))
    if next_url != reverse("alerts-account"):
        link += "?" + QueryDict.fromkeys(["next"], next_url).urlencode()
    context = {
        "link": link,
        "new": not reader.is_active,
        "minutes": settings.VERBATIM_READER_LINK_MINUTES,
        "site_url": site_url("/"),
    }
    subject = "Confirm your address for Verbatim alerts" if context["new"] else "Your link to sign in to Verbatim"
    message = EmailMultiAlternatives(
        subject=subject, body=render_to_string("alerts/email/link.txt", context), to=[reader.email]
    )
    message.attach_alternative(render_to_string("alerts/email/link.html", context), "text/html")
    message.send()


def _reader_from(uidb64: str):
    try:
        pk = int(urlsafe_base64_decode(uidb64).decode())
    except (ValueError, TypeError, UnicodeDecodeError):
        return None
    return readers().filter(pk=pk).first()


def confirm(request, uidb64: str, token: str):
    """The emailed link. Opening it shows one button; signing in happens on the POST, so a mail
    scanner that fetches links does not spend it."""
    reader = _reader_from(uidb64)
    if reader is None or not tokens.check_token(reader, token):
        return render(request, "alerts/link_invalid.html", {"form": SignInForm()}, status=400)
    next_url = _next(request, request.GET.get("next"))
    if request.method == "POST":
        if not reader.is_active:
            reader.is_active = True
            reader.save(update_fields=["is_active"])
        login(request, reader, backend="django.contrib.auth.backends.ModelBackend")  # spends the link
        return HttpResponseRedirect(next_url)
    return render(request, "alerts/confirm.html", {"reader": reader, "new": not reader.is_active})


@require_POST
def sign_out(request):
    logout(request)
    return redirect("home")


def saved_params(raw: str) -> QueryDict:
    """A search page's query string as a saved search keeps it: words and filters only, empty
    values dropped, keys and values in a fixed order (so saving twice finds the first)."""
    from transcripts.filters import UtteranceFilter

    incoming = QueryDict(raw or "")
    allowed = {"q", *UtteranceFilter.base_filters}
    kept = QueryDict(mutable=True)
    for key in sorted(set(incoming) & allowed - NOT_SAVED):
        values = sorted({" ".join(v.split()) for v in incoming.getlist(key)} - {""})
        if values:
            kept.setlist(key, values)
    return kept


def describe(params: QueryDict) -> str:
    """A name for a saved search: its words as typed, then its filters as the page shows them."""
    filterset, _, _ = search_criteria(params)
    parts = [params["q"]] if params.get("q") else []
    parts += [f"{chip['label']}: {chip['value']}" for chip in active_filters(params, filterset)]
    return " · ".join(parts)[:200] or "Saved search"


@reader_required
def account(request):
    searches = request.user.saved_searches.annotate(
        waiting=Count("matches", filter=Q(matches__sent_at__isnull=True))
    ).order_by("name", "id")
    forms = [(search, EditSearchForm(instance=search, prefix=f"s{search.pk}")) for search in searches]
    return render(request, "alerts/account.html", {"forms": forms})


@reader_required
def save_search(request):
    data = request.POST if request.method == "POST" else request.GET
    params = saved_params(data.get("params", ""))
    error = None
    try:
        turns_matching(params)
    except QueryError as err:
        error = str(err)
    if request.method == "POST" and not error:
        form = SaveSearchForm(request.POST)
        if form.is_valid():
            name = form.cleaned_data["name"].strip() or describe(params)
            latest = newest_turn()
            try:
                with transaction.atomic():
                    SavedSearch.objects.create(
                        reader=request.user,
                        name=name,
                        params=params.urlencode(),
                        frequency=form.cleaned_data["frequency"],
                        checked_through=latest,
                    )
                messages.success(request, f"Saved “{name}”. New matches will be emailed to {request.user.email}.")
            except IntegrityError:
                messages.info(request, "You had already saved this search.")
            return redirect("alerts-account")
    form = SaveSearchForm(initial={"params": params.urlencode(), "name": describe(params) if not error else ""})
    context = {"form": form, "error": error, "params": params}
    return render(request, "alerts/save.html", context, status=400 if error else 200)


def _own(request, pk: int) -> SavedSearch:
    # Another reader's search is simply not found.
    return get_object_or_404(SavedSearch, pk=pk, reader=request.user)


@reader_required
@require_POST
def edit_search(request, pk: int):
    search = _own(request, pk)
    form = EditSearchForm(request.POST, instance=search, prefix=f"s{search.pk}")
    if form.is_valid():
        form.save()
        messages.success(request, f"Saved “{search.name}”.")
    else:
        messages.error(request, "Not saved: " + "; ".join(e for errors in form.errors.values() for e in errors))
    return redirect("alerts-account")


@reader_required
@require_POST
def pause_search(request, pk: int):
    search = _own(request, pk)
    set_paused(search, request.POST.get("paused") == "1")
    messages.success(request, f"{'Paused' if search.paused else 'Resumed'} “{search.name}”.")
    return redirect("alerts-account")


def set_paused(search: SavedSearch, paused: bool) -> None:
    """Pausing drops the matches not yet sent; resuming starts from the turns added from now on
    (a search paused for a month does not send a month at once)."""
    with transaction.atomic():
        if paused and not search.paused:
            AlertMatch.objects.filter(saved_search=search, sent_at__isnull=True).delete()
        if search.paused and not paused:
            search.checked_through = newest_turn()
        search.paused = paused
        search.save(update_fields=["paused", "checked_through"])


@reader_required
@require_POST
def delete_search(request, pk: int):
    search = _own(request, pk)
    search.delete()
    messages.success(request, f"Deleted “{search.name}”.")
    return redirect("alerts-account")


@reader_required
@require_POST
def delete_account(request):
    user = request.user
    logout(request)
    user.delete()
    return render(request, "alerts/deleted.html")


@csrf_exempt  # mail clients POST here (RFC 8058); the signed token is the authority
def unsubscribe(request, token: str):
    """The digest's unsubscribe links: one saved search, or all of a reader's. Works without
    signing in. GET shows a button (link scanners must not unsubscribe anyone); POST pauses."""
    try:
        reader_id, search_id = read_unsubscribe_token(token)
    except signing.BadSignature:
        return render(request, "alerts/unsubscribe.html", {"invalid": True}, status=400)
    searches = SavedSearch.objects.filter(reader_id=reader_id)
    if search_id is not None:
        searches = searches.filter(pk=search_id)
    searches = list(searches)
    if request.method == "POST":
        for search in searches:
            set_paused(search, True)
        return render(request, "alerts/unsubscribe.html", {"done": True, "searches": searches})
    return render(request, "alerts/unsubscribe.html", {"searches": searches, "all": search_id is None})

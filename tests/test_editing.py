"""Editors' operations through the admin: merge, reject, edit turns, delete events; all logged."""

from __future__ import annotations

import re

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import User
from django.urls import reverse

from transcripts import editing
from transcripts.models import Entity, Event, Mention, Speaker, Utterance

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = User.objects.create_user("editor", password="pw", is_staff=True, is_superuser=True)
    client.force_login(user)
    return user


def search_count(client, q: str, **more) -> int:
    html = client.get("/search/", {"q": q, **more}).content.decode()
    return 0 if "Nothing matches" in html else int(html.split('class="count">')[1].split(" ")[0])


def test_merging_entities_moves_mentions_adds_counts_and_keeps_names_as_aliases(seed_event):
    russia, belarus = Entity.objects.get(name="Russia"), Entity.objects.get(name="Belarus")
    both = Utterance.objects.filter(mentions__entity=russia).filter(mentions__entity=belarus).first()
    expected = {
        u: sum(Mention.objects.filter(utterance=u, entity__in=[russia, belarus]).values_list("count", flat=True))
        for u in Utterance.objects.filter(mentions__entity__in=[russia, belarus]).distinct()
    }
    editing.merge_entities(russia, [belarus])
    assert not Entity.objects.filter(pk=belarus.pk).exists()
    assert {m.utterance: m.count for m in Mention.objects.filter(entity=russia)} == expected
    russia.refresh_from_db()
    assert "Belarus" in russia.aliases and russia.mention_count == len(expected) and both in expected


def test_admin_merge_action_asks_which_to_keep_then_merges_and_logs(client, editor, seed_event):
    a, b = Entity.objects.get(name="Kyiv"), Entity.objects.get(name="Odesa")
    url = reverse("admin:transcripts_entity_changelist")
    confirm = client.post(url, {"action": "merge_selected", "_selected_action": [a.pk, b.pk]})
    assert confirm.status_code == 200 and b"Choose the one to keep" in confirm.content
    done = client.post(
        url, {"action": "merge_selected", "_selected_action": [a.pk, b.pk], "apply": "1", "target": a.pk}
    )
    assert done.status_code == 302
    assert not Entity.objects.filter(pk=b.pk).exists()
    assert LogEntry.objects.filter(object_id=str(a.pk), action_flag=CHANGE, user=editor).exists()


def test_admin_reject_removes_mentions_and_remention_does_not_bring_them_back(client, editor, seed_event):
    from django.core.management import call_command

    glazyev = Entity.objects.get(name="Sergey Glazyev")
    assert glazyev.mention_count >= 1
    url = reverse("admin:transcripts_entity_changelist")
    client.post(url, {"action": "reject_selected", "_selected_action": [glazyev.pk]})
    glazyev.refresh_from_db()
    assert glazyev.rejected and not Mention.objects.filter(entity=glazyev).exists()
    call_command("remention")
    assert not Mention.objects.filter(entity__name="Sergey Glazyev").exists()


def test_admin_speaker_merge_reattributes_turns(client, editor, seed_event):
    lavrov = Speaker.objects.get(name="Sergey Lavrov")
    stray = Speaker.objects.create(name="S. Lavrov", slug="s-lavrov")
    turn = seed_event.utterances.get(sequence=3)
    turn.speaker = stray
    turn.save()
    url = reverse("admin:transcripts_speaker_changelist")
    client.post(
        url, {"action": "merge_selected", "_selected_action": [lavrov.pk, stray.pk], "apply": "1", "target": lavrov.pk}
    )
    turn.refresh_from_db()
    lavrov.refresh_from_db()
    assert turn.speaker == lavrov and "S. Lavrov" in lavrov.aliases
    assert not Speaker.objects.filter(pk=stray.pk).exists()


def inline_post_data(event: Event, change: dict[int, str]) -> dict:
    """The Event change form as the browser would post it, with some turns' text replaced."""
    data = {
        "title": event.title,
        "slug": event.slug,
        "kind": event.kind,
        "date": event.date.isoformat() if event.date else "",
        "time": event.time.strftime("%H:%M:%S") if event.time else "",
        "location": event.location,
        "publisher": event.publisher_id or "",
        "language": event.language,
        "source_url": event.source_url,
        "reference": event.reference,
    }
    turns = list(event.utterances.order_by("sequence"))
    prefix = "utterances"
    data.update({f"{prefix}-TOTAL_FORMS": len(turns), f"{prefix}-INITIAL_FORMS": len(turns)})
    data.update({f"{prefix}-MIN_NUM_FORMS": 0, f"{prefix}-MAX_NUM_FORMS": 1000})
    for i, u in enumerate(turns):
        data.update(
            {
                f"{prefix}-{i}-id": u.pk,
                f"{prefix}-{i}-event": event.pk,
                f"{prefix}-{i}-sequence": u.sequence,
                f"{prefix}-{i}-speaker": u.speaker_id or "",
                f"{prefix}-{i}-label": u.label,
                f"{prefix}-{i}-affiliation": u.affiliation,
                f"{prefix}-{i}-role": u.role,
                f"{prefix}-{i}-note": u.note,
                f"{prefix}-{i}-text": change.get(u.sequence, u.text),
            }
        )
    return data


def test_editing_a_turn_in_the_admin_changes_search_and_mentions(client, editor, seed_event):
    assert search_count(client, "Zanzibar") == 0
    url = reverse("admin:transcripts_event_change", args=[seed_event.pk])
    new_text = "We discussed Zanzibar and Tanzania at length."
    response = client.post(url, inline_post_data(seed_event, {2: new_text}))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert search_count(client, "Zanzibar", sort="newest") == 1
    turn = seed_event.utterances.get(sequence=2)
    # Ranked, the answers to that turn have its words too (at half weight).
    answers = seed_event.utterances.filter(answers=turn).count()
    assert search_count(client, "Zanzibar") == 1 + answers
    assert set(turn.mentions.values_list("entity__name", flat=True)) == {"Tanzania"}
    assert Entity.objects.get(name="Tanzania").mention_count == 1
    assert LogEntry.objects.filter(object_id=str(seed_event.pk), user=editor).exists()


def test_deleting_an_event_deletes_turns_and_mentions_and_recounts(client, editor, seed_event):
    russia = Entity.objects.get(name="Russia")
    assert russia.mention_count > 0
    url = reverse("admin:transcripts_event_delete", args=[seed_event.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not Utterance.objects.exists() and not Mention.objects.exists()
    russia.refresh_from_db()
    assert russia.mention_count == 0


def test_the_merge_form_offers_the_speaker_with_most_turns_first_with_counts(client, editor, seed_event):
    lavrov = Speaker.objects.get(name="Sergey Lavrov")
    stray = Speaker.objects.create(name="S. Lavrov", slug="s-lavrov")
    turn = seed_event.utterances.filter(speaker=lavrov).first()
    Utterance.objects.filter(pk=turn.pk).update(speaker=stray)
    many = lavrov.utterances.count()
    assert many > 1
    url = reverse("admin:transcripts_speaker_changelist")
    html = client.post(url, {"action": "merge_selected", "_selected_action": [stray.pk, lavrov.pk]}).content.decode()
    checked = re.search(r'name="target" value="(\d+)" checked', html)
    assert checked and int(checked.group(1)) == lavrov.pk
    assert f"{lavrov} — {many} turns" in html and f"{stray} — 1 turns" in html

"""Spoken stutters ("we — we will") are indexed once (transcripts/textindex.py): turns whose text
has one get an `index_text`, and the search trigger rebuilds their vectors from it.

Not one transaction: on the 1M-turn bench database 144,000 turns change and the triggers rebuild
their vectors (over an hour); each batch commits on its own, and an interrupted run resumes where it
stopped (a turn already right is skipped)."""

from django.db import migrations, transaction


def index_stutters(apps, schema_editor):
    from transcripts.textindex import index_text

    Utterance = apps.get_model("transcripts", "Utterance")
    # Only turns with a dash can hold a stutter; the regular expression decides.
    rows = Utterance.objects.filter(text__regex=r"[—–-]").values_list("id", "text", "index_text")
    batch = []
    for pk, text, current in rows.iterator(chunk_size=2000):
        wanted = index_text(text)
        if wanted != current:
            batch.append(Utterance(pk=pk, index_text=wanted))
        if len(batch) >= 500:
            with transaction.atomic():
                Utterance.objects.bulk_update(batch, ["index_text"])
            batch = []
    if batch:
        with transaction.atomic():
            Utterance.objects.bulk_update(batch, ["index_text"])


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("transcripts", "0021_answers_found_by_their_question")]

    operations = [migrations.RunPython(index_stutters, migrations.RunPython.noop)]

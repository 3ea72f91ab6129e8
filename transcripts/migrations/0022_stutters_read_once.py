"""Spoken stutters ("we — we will") are indexed once (transcripts/textindex.py): turns whose text
has one get an `index_text`, and the search trigger rebuilds their vectors from it."""

from django.db import migrations


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
            Utterance.objects.bulk_update(batch, ["index_text"])
            batch = []
    if batch:
        Utterance.objects.bulk_update(batch, ["index_text"])


class Migration(migrations.Migration):
    dependencies = [("transcripts", "0021_answers_found_by_their_question")]

    operations = [migrations.RunPython(index_stutters, migrations.RunPython.noop)]

"""Turns whose text matches a pattern get their `index_text` again (transcripts/textindex.py), and the
search trigger rebuilds their vectors. Not one transaction: on the 1M-turn bench database over
100,000 turns change and the triggers rebuild their vectors; each batch commits on its own, and an
interrupted run resumes where it stopped (a turn already right is skipped). (Django does not read a
module whose name starts with "_" as a migration.)"""

from django.db import transaction


def index_again(apps, pattern: str, batch_size: int = 500) -> None:
    from transcripts.textindex import index_text

    Utterance = apps.get_model("transcripts", "Utterance")
    rows = Utterance.objects.filter(text__regex=pattern).values_list("id", "text", "index_text")
    batch = []
    for pk, text, current in rows.iterator(chunk_size=2000):
        wanted = index_text(text)
        if wanted != current:
            batch.append(Utterance(pk=pk, index_text=wanted))
        if len(batch) >= batch_size:
            with transaction.atomic():
                Utterance.objects.bulk_update(batch, ["index_text"])
            batch = []
    if batch:
        with transaction.atomic():
            Utterance.objects.bulk_update(batch, ["index_text"])

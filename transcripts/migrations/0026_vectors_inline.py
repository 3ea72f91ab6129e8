"""A turn's search vectors are kept in its row (STORAGE MAIN), not in the TOAST table.

pglz does not shrink a tsvector, and this PostgreSQL build has no lz4, so under the default
(EXTENDED) storage every row over 2 kB had its vectors moved out of line uncompressed, and each test
of one (a phrase's recheck, the walk for the newest matches, ranking) fetched it through the TOAST
index: ~1.1-1.4 us a turn. MAIN keeps a vector in the row unless the row cannot fit a page (~8 kB);
the text columns are moved out instead. On the 1M-turn bench database the recheck of a common
phrase's 10,001 matches went from 77 to 45 ms and the walk for its 1,000 newest from 32 to 20 ms
(docs/scaling.md). The change is to the column's storage only: rows written before it keep their
layout until they are written again (`VACUUM FULL transcripts_utterance` rewrites them all)."""

from django.db import migrations

COLUMNS = ("search_vector", "exact_vector", "context_vector")


def alter(storage: str) -> str:
    return "ALTER TABLE transcripts_utterance " + ", ".join(
        f"ALTER COLUMN {column} SET STORAGE {storage}" for column in COLUMNS
    )


class Migration(migrations.Migration):
    dependencies = [("transcripts", "0025_lexeme_counts_deferrable")]

    operations = [migrations.RunSQL(alter("MAIN"), alter("EXTENDED"))]

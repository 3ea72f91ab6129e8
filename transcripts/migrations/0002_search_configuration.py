"""Full-text search kept up to date by PostgreSQL itself.

Raw SQL because Django has no operations for text-search configurations or
triggers. Each `verbatim_*` configuration copies PostgreSQL's own and runs
`unaccent` before the stemmer, so accents never matter ("Turkiye" finds
"Türkiye"). A trigger, not Python, fills `search_vector` on every insert and
update, so no code path (admin, ingest, raw SQL) can leave it stale.
"""

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations

CONFIGS = {
    "verbatim_english": "english",
    "verbatim_russian": "russian",
    "verbatim_simple": "simple",
}

STEMMER = {"english": "english_stem", "russian": "russian_stem", "simple": "simple"}

create_configs = []
drop_configs = []
for name, parent in CONFIGS.items():
    create_configs.append(
        f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = pg_catalog.{parent});\n"
        f"ALTER TEXT SEARCH CONFIGURATION {name} ALTER MAPPING FOR "
        f"hword, hword_part, word, asciiword, asciihword, hword_asciipart "
        f"WITH unaccent, {STEMMER[parent]};"
    )
    drop_configs.append(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name};")

TRIGGER_SQL = """
CREATE FUNCTION transcripts_utterance_search_vector() RETURNS trigger AS $$
BEGIN
    NEW.search_config := COALESCE(NULLIF(NEW.search_config, ''), 'verbatim_simple');
    NEW.search_vector := to_tsvector(NEW.search_config::regconfig, COALESCE(NEW.text, ''));
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER transcripts_utterance_search_vector
    BEFORE INSERT OR UPDATE ON transcripts_utterance
    FOR EACH ROW EXECUTE FUNCTION transcripts_utterance_search_vector();
"""

DROP_TRIGGER_SQL = """
DROP TRIGGER IF EXISTS transcripts_utterance_search_vector ON transcripts_utterance;
DROP FUNCTION IF EXISTS transcripts_utterance_search_vector();
"""


class Migration(migrations.Migration):
    dependencies = [("transcripts", "0001_initial")]

    operations = [
        UnaccentExtension(),
        TrigramExtension(),
        migrations.RunSQL("\n".join(create_configs), "\n".join(drop_configs)),
        migrations.RunSQL(TRIGGER_SQL, DROP_TRIGGER_SQL),
    ]

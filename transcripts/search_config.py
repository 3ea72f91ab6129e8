"""Which PostgreSQL text-search configuration serves which language.

Each configuration is a copy of PostgreSQL's own with `unaccent` in front of the
stemmer, so "Turkiye" finds "Türkiye" (created in migration 0002).
"""

SEARCH_CONFIGS = {
    "en": "verbatim_english",
    "ru": "verbatim_russian",
}
DEFAULT_SEARCH_CONFIG = "verbatim_simple"


def search_config_for(language: str | None) -> str:
    primary = (language or "").split("-")[0].lower()
    return SEARCH_CONFIGS.get(primary, DEFAULT_SEARCH_CONFIG)


def all_search_configs() -> list[str]:
    return [*SEARCH_CONFIGS.values(), DEFAULT_SEARCH_CONFIG]

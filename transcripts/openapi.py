"""The OpenAPI 3.1 description of /api/, served at /api/openapi.json and shown on /api/."""

from __future__ import annotations

from transcripts.models import Entity, Event, Utterance

NULLABLE_STRING = {"type": ["string", "null"]}
REF = {"slug": {"type": "string"}, "name": {"type": "string"}}


def _obj(properties: dict, required: list[str] | None = None) -> dict:
    return {"type": "object", "properties": properties, "required": required or list(properties)}


def _page(item: str) -> dict:
    return _obj(
        {
            "count": {"type": "integer", "minimum": 0},
            "next": {"type": ["string", "null"], "format": "uri"},
            "previous": {"type": ["string", "null"], "format": "uri"},
            "results": {"type": "array", "items": {"$ref": f"#/components/schemas/{item}"}},
        }
    )


def _param(name: str, description: str, schema: dict | None = None, example=None, repeat: bool = False) -> dict:
    schema = schema or {"type": "string"}
    if schema.get("type") == "string" and ("format" in schema or "enum" in schema):
        # An empty value means "no filter", as when a web form sends an empty field.
        schema = {"anyOf": [schema, {"type": "string", "maxLength": 0}]}
    if repeat:
        schema = {"type": "array", "items": schema}
    param = {"name": name, "in": "query", "required": False, "description": description, "schema": schema}
    if repeat:
        param.update({"style": "form", "explode": True})
    if example is not None:
        param["example"] = example
    return param


def _slug(description: str) -> dict:
    return {"name": "slug", "in": "path", "required": True, "description": description, "schema": {"type": "string"}}


PAGING = [
    _param("page", "Page number, from 1.", {"type": "integer", "minimum": 1, "maximum": 999_999_999}, 1),
    _param("page_size", "Results per page.", {"type": "integer", "minimum": 1, "maximum": 100}, 20),
]
DATE = {"type": "string", "format": "date"}


def _responses(schema: str, many: bool = True) -> dict:
    ok = {"$ref": f"#/components/schemas/{schema}"}
    return {
        "200": {"description": "OK", "content": {"application/json": {"schema": ok}}},
        "400": {
            "description": "A parameter is not valid.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        },
        "404": {
            "description": "No such object, or a page past the end.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        },
    }


def build_spec(server: str) -> dict:
    publisher = {"oneOf": [{"type": "null"}, _obj(REF)]}
    event_props = {
        "slug": {"type": "string"},
        "title": {"type": "string"},
        "kind": {"type": "string", "enum": Event.Kind.values},
        "date": {"type": ["string", "null"], "format": "date"},
        "time": NULLABLE_STRING,
        "location": NULLABLE_STRING,
        "publisher": publisher,
        "language": {"type": "string"},
        "source_url": NULLABLE_STRING,
        "reference": NULLABLE_STRING,
        "url": {"type": "string", "format": "uri"},
        "api_url": {"type": "string", "format": "uri"},
    }
    turn_props = {
        "id": {"type": "integer"},
        "sequence": {"type": "integer", "minimum": 1},
        "speaker": {"oneOf": [{"type": "null"}, _obj(REF)]},
        "label": NULLABLE_STRING,
        "affiliation": NULLABLE_STRING,
        "role": {"type": "string", "enum": Utterance.Role.values},
        "note": NULLABLE_STRING,
        "text": {"type": "string"},
        "answers": {"type": ["integer", "null"], "description": "Sequence of the question this answers."},
        "url": {"type": "string", "format": "uri", "description": "Permanent link to this turn."},
    }
    facet_row = _obj(
        {"value": {"type": ["string", "integer"]}, "label": {"type": ["string", "integer"]},
         "count": {"type": "integer"}, "selected": {"type": "boolean"}}
    )  # fmt: skip
    search_hit = {
        **turn_props,
        "event": _obj(
            {"slug": {"type": "string"}, "title": {"type": "string"},
             "date": {"type": ["string", "null"], "format": "date"}, "publisher": publisher,
             "url": {"type": "string", "format": "uri"}}
        ),
        "snippet_html": {
            "type": ["string", "null"],
            "description": "Escaped HTML; only <mark> elements are markup.",
        },
    }  # fmt: skip
    speaker_props = {
        "slug": {"type": "string"},
        "name": {"type": "string"},
        "description": NULLABLE_STRING,
        "aliases": {"type": "array", "items": {"type": "string"}},
        "turns": {"type": ["integer", "null"]},
        "entity": NULLABLE_STRING,
        "url": {"type": "string", "format": "uri"},
        "api_url": {"type": "string", "format": "uri"},
        "turns_api_url": {"type": "string", "format": "uri"},
    }
    entity_props = {
        "slug": {"type": "string"},
        "name": {"type": "string"},
        "kind": {"type": "string", "enum": Entity.Kind.values},
        "aliases": {"type": "array", "items": {"type": "string"}},
        "wikidata_id": NULLABLE_STRING,
        "country_code": NULLABLE_STRING,
        "mentions": {"type": "integer", "description": "Turns that mention it."},
        "url": {"type": "string", "format": "uri"},
        "api_url": {"type": "string", "format": "uri"},
        "turns_api_url": {"type": "string", "format": "uri"},
    }
    counted = _obj({"slug": {"type": "string"}, "name": {"type": "string"}, "turns": {"type": "integer"}})
    search_filters = [
        _param("q", 'Words, "an exact phrase", `or`, and -excluded words (websearch syntax).', example="Minsk"),
        _param("speaker", "Speaker slug; repeat for several.", repeat=True, example=["sergey-lavrov"]),
        _param("role", "Turn role.", {"type": "string", "enum": Utterance.Role.values}),
        _param("publisher", "Publisher slug."),
        _param("kind", "Event kind.", {"type": "string", "enum": Event.Kind.values}),
        _param("entity", "Entity slug; repeat to require all of them.", repeat=True),
        _param("language", "Language code of the transcript.", example="en"),
        _param("date_from", "Events on or after this date.", DATE),
        _param("date_to", "Events on or before this date.", DATE),
        _param("event", "Event slug: search within one transcript."),
        _param("year", "Year of the event.", {"type": "integer", "minimum": 1, "maximum": 9999}),
        _param("sort", "Order of results.", {"type": "string", "enum": ["relevance", "newest", "oldest"]}),
    ]
    event_filters = [
        _param("title", "Words in the title."),
        _param("date_from", "Events on or after this date.", DATE),
        _param("date_to", "Events on or before this date.", DATE),
        _param("publisher", "Publisher slug."),
        _param("kind", "Event kind.", {"type": "string", "enum": Event.Kind.values}),
        _param("speaker", "Events where this speaker (slug) speaks."),
        _param("entity", "Events that mention this entity (slug)."),
    ]
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Verbatim API",
            "version": "1",
            "description": "Read-only access to the archive of diplomatic transcripts: search turns, list and "
            "read transcripts, speakers and mentioned entities. The same filters as the web pages.",
        },
        "servers": [{"url": server}],
        "paths": {
            "/api/search/": {
                "get": {
                    "summary": "Search turns",
                    "description": "With `q`, turns matching it, most relevant first; without, every turn that "
                    "passes the filters, newest first.",
                    "operationId": "search",
                    "parameters": search_filters + PAGING,
                    "responses": _responses("SearchPage"),
                }
            },
            "/api/events/": {
                "get": {
                    "summary": "List transcripts, newest first",
                    "operationId": "listEvents",
                    "parameters": event_filters + PAGING,
                    "responses": _responses("EventPage"),
                }
            },
            "/api/events/{slug}/": {
                "get": {
                    "summary": "One whole transcript with its turns and entities",
                    "operationId": "getEvent",
                    "parameters": [_slug("Event slug.")],
                    "responses": _responses("EventDetail"),
                }
            },
            "/api/speakers/": {
                "get": {
                    "summary": "List speakers, most turns first",
                    "operationId": "listSpeakers",
                    "parameters": [_param("name", "Part of the name or an alias.")] + PAGING,
                    "responses": _responses("SpeakerPage"),
                }
            },
            "/api/speakers/{slug}/": {
                "get": {
                    "summary": "One speaker",
                    "operationId": "getSpeaker",
                    "parameters": [_slug("Speaker slug.")],
                    "responses": _responses("Speaker"),
                }
            },
            "/api/entities/": {
                "get": {
                    "summary": "List mentioned entities, most mentioned first",
                    "operationId": "listEntities",
                    "parameters": [
                        _param("kind", "Entity kind.", {"type": "string", "enum": Entity.Kind.values}),
                        _param("name", "Part of the name or an alias."),
                        *PAGING,
                    ],
                    "responses": _responses("EntityPage"),
                }
            },
            "/api/entities/{slug}/": {
                "get": {
                    "summary": "One entity, who mentions it and what it is mentioned with",
                    "operationId": "getEntity",
                    "parameters": [_slug("Entity slug.")],
                    "responses": _responses("EntityDetail"),
                }
            },
        },
        "components": {
            "schemas": {
                "Error": {
                    "type": "object",
                    "properties": {"error": {"type": "string"}, "fields": {"type": "object"}},
                    "required": ["error"],
                },
                "Event": _obj(event_props),
                "Turn": _obj(turn_props),
                "EventDetail": _obj(
                    {
                        **event_props,
                        "utterances": {"type": "array", "items": {"$ref": "#/components/schemas/Turn"}},
                        "entities": {
                            "type": "array",
                            "items": _obj(
                                {
                                    **REF,
                                    "kind": {"type": "string"},
                                    "turns": {"type": "integer"},
                                    "api_url": {"type": "string", "format": "uri"},
                                }
                            ),
                        },
                    }
                ),  # fmt: skip
                "SearchHit": _obj(search_hit),
                "SearchPage": _obj(
                    {
                        **_page("SearchHit")["properties"],
                        "count_capped": {
                            "type": "boolean",
                            "description": "True when there are more matches than `count` (counting stops there).",
                        },
                        "ranked_window": {
                            "type": ["integer", "null"],
                            "description": "When set, relevance ranks only this many most recent matches.",
                        },
                        "facets_sampled": {
                            "type": ["integer", "null"],
                            "description": "When set, facet counts come from this many matches.",
                        },
                        "query": NULLABLE_STRING,
                        "sort": {"type": "string", "enum": ["relevance", "newest", "oldest"]},
                        "facets": {"type": "object", "additionalProperties": {"type": "array", "items": facet_row}},
                    }
                ),
                "EventPage": _page("Event"),
                "Speaker": _obj(speaker_props),
                "SpeakerPage": _page("Speaker"),
                "Entity": _obj(entity_props),
                "EntityPage": _page("Entity"),
                "EntityDetail": _obj(
                    {
                        **entity_props,
                        "speakers": {"type": "array", "items": counted},
                        "mentioned_with": {
                            "type": "array",
                            "items": _obj({**counted["properties"], "kind": {"type": "string"}}),
                        },
                        "turns": {"type": "integer"},
                    }
                ),
            }
        },
    }

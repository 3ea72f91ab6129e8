from django.contrib.sitemaps.views import sitemap
from django.urls import path

from transcripts import api, exports, feeds, views
from transcripts.sitemaps import SITEMAPS

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("search/feed/", feeds.SearchFeed(), name="search-feed"),
    path("feeds/events/", feeds.LatestEventsFeed(), name="events-feed"),
    path("events/", views.event_list, name="event-list"),
    path("events/dates/", views.event_dates, name="event-dates"),
    path("events/dates/<int:year>/", views.event_dates, name="event-dates-year"),
    path("events/dates/<int:year>/<int:month>/", views.event_dates, name="event-dates-month"),
    path("events/<slug:slug>/", views.event_detail, name="event-detail"),
    path("events/<slug:slug>.txt", exports.event_text, name="event-txt"),
    path("events/<slug:slug>.md", exports.event_markdown, name="event-md"),
    path("events/<slug:slug>.json", exports.event_json, name="event-json"),
    path("search/csv/", exports.search_csv, name="search-csv"),
    path("u/<slug:slug>/<int:sequence>/", views.utterance_permalink, name="utterance-permalink"),
    path("u/<slug:slug>/<int:sequence>/cite.<str:fmt>", exports.citation, name="utterance-citation"),
    path("speakers/", views.speaker_list, name="speaker-list"),
    path("speakers/compare/", views.speaker_compare, name="speaker-compare"),
    path("speakers/<slug:slug>/", views.speaker_detail, name="speaker-detail"),
    path("speakers/<slug:slug>/feed/", feeds.SpeakerFeed(), name="speaker-feed"),
    path("entities/", views.entity_list, name="entity-list"),
    path("entities/<slug:slug>/", views.entity_detail, name="entity-detail"),
    path("entities/<slug:slug>/feed/", feeds.EntityFeed(), name="entity-feed"),
    # Open data: the JSON API, discovery.
    path("api/", api.docs, name="api-docs"),
    path("api/openapi.json", api.OpenApiView.as_view(), name="api-openapi"),
    path("api/search/", api.SearchViewSet.as_view({"get": "list"}), name="api-search"),
    path("api/events/", api.EventViewSet.as_view({"get": "list"}), name="api-events"),
    path("api/events/<str:slug>/", api.EventViewSet.as_view({"get": "retrieve"}), name="api-event"),
    path("api/speakers/", api.SpeakerViewSet.as_view({"get": "list"}), name="api-speakers"),
    path("api/speakers/<str:slug>/", api.SpeakerViewSet.as_view({"get": "retrieve"}), name="api-speaker"),
    path("api/entities/", api.EntityViewSet.as_view({"get": "list"}), name="api-entities"),
    path("api/entities/<str:slug>/", api.EntityViewSet.as_view({"get": "retrieve"}), name="api-entity"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("opensearch.xml", views.opensearch, name="opensearch"),
    path("robots.txt", views.robots, name="robots"),
    path("favicon.ico", views.favicon, name="favicon"),
]

"""/api/v1/: every view answers 401 itself (JSON, in French) rather than being sent to the
login page by LoginRequiredMiddleware, since a token is only read by the API's views."""

from django.contrib.auth.decorators import login_not_required
from django.urls import path

from drf_spectacular.views import SpectacularAPIView

from api.views import directory, feeds, pages, search, writes
from api.views.docs import SwaggerDocs

# A list is read and created (GET, POST); an item is read and updated (GET, PATCH):
# any other method is a 405.
COLLECTION_METHODS = ["get", "post", "head", "options"]
ITEM_METHODS = ["get", "patch", "head", "options"]


class NewsCollection(writes.NewsWrite, pages.NewsList):
    http_method_names = COLLECTION_METHODS


class NewsItem(writes.NewsWrite, pages.NewsDetail):
    http_method_names = ITEM_METHODS


class ResourceCollection(writes.ResourceWrite, pages.ResourceList):
    http_method_names = COLLECTION_METHODS


class ResourceItem(writes.ResourceWrite, pages.ResourceDetail):
    http_method_names = ITEM_METHODS


def api(view_class, **kwargs):
    return login_not_required(view_class.as_view(**kwargs))


app_name = "api"

urlpatterns = [
    path("pages/", api(pages.PageList), name="pages"),
    path("pages/<id:pk>/", api(pages.PageDetail), name="page"),
    path("news/", api(NewsCollection), name="news"),
    path("news/<id:pk>/", api(NewsItem), name="news_item"),
    path("events/", api(pages.EventList), name="events"),
    path("events/<id:pk>/", api(pages.EventDetail), name="event"),
    path("resources/", api(ResourceCollection), name="resources"),
    path("resources/<id:pk>/", api(ResourceItem), name="resource"),
    path("groups/", api(directory.GroupList), name="groups"),
    path("structures/", api(directory.StructureList), name="structures"),
    path("structures/<id:pk>/", api(directory.StructureDetail), name="structure"),
    path("people/", api(directory.PeopleList), name="people"),
    path("people/<id:pk>/", api(directory.PersonDetail), name="person"),
    path("search/", api(search.Search), name="search"),
    path("feeds/", api(feeds.FeedList), name="feeds"),
    path("schema/", api(SpectacularAPIView), name="schema"),
    # Browsable documentation, for a logged-in browser (LoginRequiredMiddleware applies).
    path("docs/", SwaggerDocs.as_view(url_name="api:schema"), name="docs"),
]

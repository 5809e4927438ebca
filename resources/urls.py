from django.urls import path

from resources import views

app_name = "resources"

urlpatterns = [
    path(
        "versions/<id:version_id>/<str:filename>",
        views.document_version,
        name="document_version",
    ),
    path("vignettes/<id:document_id>.png", views.document_thumbnail, name="document_thumbnail"),
]

from django.urls import path

from resources import views

app_name = "resources"

urlpatterns = [
    path(
        "versions/<int:version_id>/<str:filename>",
        views.document_version,
        name="document_version",
    ),
    path("vignettes/<int:document_id>.png", views.document_thumbnail, name="document_thumbnail"),
]

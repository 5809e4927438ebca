from django.urls import path

from labelling import views

app_name = "labelling"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("structures/<id:structure_id>/", views.structure_detail, name="structure"),
    path(
        "structures/<id:structure_id>/cette-annee/",
        views.assessment_edit,
        name="assessment_edit",
    ),
]

from django.urls import path

from . import views

app_name = "consultations"

urlpatterns = [
    path("", views.consultation_list, name="list"),
    path("voix/", views.voter_edit, name="voter_edit"),
    path("voix/<id:structure_id>/", views.voter_edit, name="voter_edit_structure"),
    path("<id:consultation_id>/", views.consultation_detail, name="detail"),
    path("<id:consultation_id>/resultats/", views.consultation_results_view, name="results"),
    path("<id:consultation_id>/resultats.csv", views.consultation_results_csv, name="results_csv"),
    path("<id:consultation_id>/relancer/", views.consultation_remind, name="remind"),
]

from django.urls import path

from . import views

app_name = "two_factor"
urlpatterns = [
    path("connexion/verification/", views.verify, name="verify"),
    path("compte/double-authentification/", views.manage, name="manage"),
    path("compte/double-authentification/activer/", views.setup, name="setup"),
    path(
        "compte/double-authentification/codes-de-secours/",
        views.recovery_codes,
        name="recovery_codes",
    ),
    path("compte/double-authentification/desactiver/", views.disable, name="disable"),
]

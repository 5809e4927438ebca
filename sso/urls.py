from django.contrib.auth.decorators import login_not_required
from django.urls import path

from .views import AuthenticateView, CallbackView

# mozilla-django-oidc's URL names, under French paths; open to anonymous visitors.
urlpatterns = [
    path(
        "connexion/sso/",
        login_not_required(AuthenticateView.as_view()),
        name="oidc_authentication_init",
    ),
    path(
        "connexion/sso/retour/",
        login_not_required(CallbackView.as_view()),
        name="oidc_authentication_callback",
    ),
]

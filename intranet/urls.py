from django.contrib.auth import views as auth_views
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from home.admin_scoping import report_override_urls
from home.throttling import ThrottledPasswordResetView
from home.uploads import account as home_account
from sso import views as sso_views

auth_urlpatterns = [
    path(
        "connexion/",
        sso_views.LoginView.as_view(),
        name="login",
    ),
    path("deconnexion/", sso_views.LogoutView.as_view(), name="logout"),
    # Single sign-on (OpenID Connect): 404 unless OIDC_ENABLED.
    path("", include("sso.urls")),
    path(
        "mot-de-passe/oubli/",
        ThrottledPasswordResetView.as_view(
            subject_template_name="registration/password_reset_subject.txt",
            email_template_name="registration/password_reset_email.txt",
            html_email_template_name="registration/password_reset_email.html",
        ),
        name="password_reset",
    ),
    path(
        "mot-de-passe/oubli/envoye/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "mot-de-passe/nouveau/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "mot-de-passe/nouveau/termine/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

urlpatterns = [
    path("healthz", home_views.healthz, name="healthz"),
    *auth_urlpatterns,
    path("", include("home.two_factor.urls")),
    # Before Wagtail's own admin URLs: the account page with a checked profile picture.
    path("admin/account/", home_account.account, name="account"),
    # Before Wagtail's own: reports naming only pages and workflows the user may view.
    path("admin/", include(report_override_urls())),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include("resources.urls")),
    path("documents/", include(wagtaildocs_urls)),
    path("recherche/", include("search.urls")),
    path("api/v1/", include("api.urls")),
    path("media/<path:path>", home_views.media_file, name="media"),
    path("reseau/mon-profil/jetons-api/", include("api.token_urls")),
    path("reseau/", include("groups.urls")),
    path("labellisation/", include("labelling.urls")),
    path("consultations/", include("participation.consultations.urls")),
    path("notifications/", include("participation.urls")),
    path("commentaires/", include("participation.comments.urls")),
    path("reseau/", include("strategy.space_urls")),
    path("mes-propositions/", include("participation.proposals.urls")),
    path("", include("legal.urls")),
    path("a-lire/", include("participation.notices.urls")),
    path("", include(wagtail_urls)),
]

"""The home app's part of « Mes données » (home/data_export.py): the account, the second
factor's state (never its secrets) and the pages the person owns or answers for."""

from django.apps import apps
from django.db.models import Q
from django.utils.translation import gettext as _

from wagtail.models import Page

from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from home.data_export import Section
from home.models.base import BasePage
from home.visibility import hidden_pages_q


def personal_data(user) -> list[Section]:
    account = Section(
        key="compte",
        title=_("Account"),
        columns=["identifiant", "prenom", "nom", "courriel", "inscription", "derniere_connexion"],
        rows=[
            [
                user.get_username(),
                user.first_name,
                user.last_name,
                user.email,
                user.date_joined,
                user.last_login,
            ]
        ],
    )
    confirmed = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    codes_left = StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
    two_factor = Section(
        key="double_authentification",
        title=_("Two-factor authentication"),
        columns=["active", "codes_de_secours_restants"],
        rows=[[confirmed, codes_left]],
        note=_("The secret key and the recovery codes themselves are never exported."),
    )
    pages = Page.objects.filter(Q(owner=user) | basepage_owner_q(user))
    hidden = hidden_pages_q(user)
    if hidden is not None:
        pages = pages.exclude(hidden)
    authored = Section(
        key="pages",
        title=_("Pages you created or answer for"),
        columns=["titre", "adresse", "publiee", "creee_le", "modifiee_le"],
        rows=[
            [page.title, page.url_path, page.live, page.first_published_at, page.last_published_at]
            for page in pages.order_by("path").distinct()
        ],
    )
    return [account, two_factor, authored]


def basepage_owner_q(user) -> Q:
    """Pages whose content owner (BasePage.content_owner) is the user: the field lives on
    each concrete page model, so one small query per page type."""
    ids: set[int] = set()
    for model in apps.get_models():
        if issubclass(model, BasePage):
            ids.update(model.objects.filter(content_owner=user).values_list("pk", flat=True))
    return Q(pk__in=ids)
